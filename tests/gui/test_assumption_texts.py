"""The assumptions every result states (its notes, price source, risk window, estimator, the disclaimer) are
said in the reader's language: each real note of a single-account and a household result matches one of
the GUI's translated patterns, keeps its figures, and reads in Hangul with the Korean file."""

from __future__ import annotations

import re

from engine import resources
from engine.api import rebalance, resolve_market
from engine.model import scenario_file as sf
from engine.optimize.household import rebalance_household


def _assumption_texts() -> list[str]:
    out: list[str] = []
    for name in ("russell-core-value-satellites.coresat.toml", "household-couple-four-accounts.coresat.toml"):
        sc = sf.loads(resources.read_text("examples", name))
        m = resolve_market(sc)
        r = rebalance_household(sc, m).household if sc.household else rebalance(sc, m)
        a = r.assumptions
        out += [*a.notes, a.price_source, a.risk_window, a.estimator, r.disclaimer]
    return list(dict.fromkeys(t for t in out if t))


def test_every_assumption_reads_in_korean_with_its_figures(korean) -> None:  # type: ignore[no-untyped-def]
    from gui.engine_texts import engine_phrase

    texts = _assumption_texts()
    assert any("bps" in t for t in texts) and any("trading days" in t for t in texts)
    for t in texts:
        ko = engine_phrase(t)
        assert ko != t and any("\uac00" <= c <= "\ud7a3" for c in ko), t
        for number in re.findall(r"\d[\d.,-]*\d|\d", t):
            assert number in ko, (t, ko)


def test_without_a_translation_the_engine_english_is_kept(app) -> None:  # type: ignore[no-untyped-def]
    from gui.engine_texts import engine_phrase

    for t in _assumption_texts():
        assert engine_phrase(t) == t


# what engine.data.loader writes as a snapshot's price source (the store's label carries its date)
_SOURCES = ("price store as of 2024-04-19", "Yahoo live", "Yahoo, partly from the price store")


def test_price_sources_read_in_korean_with_their_date(korean) -> None:  # type: ignore[no-untyped-def]
    from gui.engine_texts import engine_phrase, price_source_words

    for src in _SOURCES:
        for ko in (engine_phrase(src), price_source_words(src)):
            assert ko != src and any("\uac00" <= c <= "\ud7a3" for c in ko), (src, ko)
    assert "2024-04-19" in engine_phrase(_SOURCES[0])  # where no other text says the date
    assert "2024-04-19" not in price_source_words(_SOURCES[0])  # beside a date of its own


def _open_with_source(qtbot, source: str):  # type: ignore[no-untyped-def]
    from dataclasses import replace
    from datetime import date

    from gui.mainwindow import MainWindow
    from gui.workspace import Workspace
    from tests.gui.builders import fake_engine, market_with_history, twelve_asset_scenario

    m = replace(market_with_history(), price_source=source, as_of=date(2024, 4, 19))
    ws = Workspace(fake_engine(m))
    w = MainWindow(ws)
    w.ask_before_discard = False
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(ws.settled, timeout=20000):
        ws.set_document(twelve_asset_scenario(), None)
    return ws, w


def test_the_price_date_is_said_once_in_the_result_and_the_status_bar(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    for src in _SOURCES:
        ws, w = _open_with_source(qtbot, src)
        try:
            assert ws.result is not None
            for text in (w.result.notes.text(), w.source_label.text()):
                assert text.count("2024-04-19") == 1, (src, text)
                assert ("price store" in text) == ("price store" in src), (src, text)
        finally:
            assert ws.runner.shutdown()
