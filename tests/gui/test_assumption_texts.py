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
