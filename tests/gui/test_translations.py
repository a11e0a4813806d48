"""Korean is complete: every string of the .ts file is translated with the same {placeholders}, the
compiled translation loads, and the window then speaks Korean."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gui import translations

ROOT = Path(__file__).parents[2]
KO = ROOT / "resources" / "translations" / "coresat_ko.ts"


def test_korean_file_has_no_unfinished_entries() -> None:
    found = translations.problems(KO)
    assert found == [], "\n".join(found)
    assert len(translations.entries(KO)) > 200


def test_checker_catches_an_unfinished_entry_and_a_lost_placeholder(tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="ko_KR"><context><name>C</name>'
        "<message><source>Saved {name}</source><translation>저장됨</translation></message>"
        '<message><source>Cancel</source><translation type="unfinished"></translation></message>'
        '<message><source>Old</source><translation type="vanished">옛</translation></message>'
        "</context></TS>",
        encoding="utf-8",
    )
    found = translations.problems(ts)
    assert len(found) == 2 and "placeholders" in found[0] and "untranslated" in found[1]
    assert translations.main([str(ts)]) == 1


def _lrelease() -> str | None:
    exe = Path(sys.executable).parent / "pyside6-lrelease"
    return str(exe) if exe.exists() else shutil.which("pyside6-lrelease")


def compiled_translator(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A QTranslator loaded with the Korean file compiled now (the test is skipped without lrelease)."""
    from PySide6.QtCore import QTranslator

    lrelease = _lrelease()
    if lrelease is None:
        pytest.skip("pyside6-lrelease not installed")
    qm = tmp_path / "coresat_ko.qm"
    subprocess.run([lrelease, "-silent", str(KO), "-qm", str(qm)], check=True)
    tr = QTranslator()
    assert tr.load(str(qm))
    return tr


def test_window_speaks_korean_with_the_compiled_file(app, workspace, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    from gui import fmt
    from gui.mainwindow import MainWindow

    tr = compiled_translator(tmp_path)
    app.installTranslator(tr)
    QLocale.setDefault(QLocale("ko_KR"))
    fmt.reset_locale()
    try:
        w = MainWindow(workspace)
        w.ask_before_discard = False
        qtbot.addWidget(w)
        titles = [a.text() for a in w.menuBar().actions()]
        assert titles == ["파일(&F)", "편집(&E)", "데이터(&D)", "장부(&B)", "도움말(&H)"]
        assert w.targets.title() == "목표" and w.holdings.title() == "보유 종목"
        w.charts.ensure_built()  # the Exposure, Backtest and Stress tabs are added with the charts
        tabs = [w.charts.tabText(i) for i in range(w.charts.count())]
        assert {"노출", "백테스트", "스트레스"} <= set(tabs), tabs
    finally:
        app.removeTranslator(tr)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        fmt.reset_locale()


def test_missing_hangul_font_is_reported_for_korean_only(app, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QFontDatabase

    from gui import app as app_module

    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *_a: []))
    assert app_module.hangul_font_problem() is None  # English: no Hangul needed
    QLocale.setDefault(QLocale("ko_KR"))
    try:
        msg = app_module.hangul_font_problem()
        assert msg is not None and "fonts-noto-cjk" in msg
        monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *_a: ["NanumGothic"]))
        assert app_module.hangul_font_problem() is None
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_engine_messages_and_fixed_texts_are_in_the_korean_file() -> None:
    """Every engine template (context Messages) and fixed engine sentence (EngineText) is translated."""
    from engine.messages import ENGLISH
    from gui.engine_texts import SOURCES, engine_sources

    assert engine_sources() == SOURCES, "run python -m gui.engine_texts and paste its output into SOURCES"
    done = {(e.context, e.source) for e in translations.entries(KO) if e.finished}
    missing = [t for t in ENGLISH.values() if ("Messages", t) not in done]
    missing += [t for t in SOURCES if ("EngineText", t) not in done]
    assert missing == [], "\n".join(missing)


def test_engine_text_is_looked_up_in_the_context_it_is_saved_in(app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from engine.backtest.report import HYPOTHETICAL
    from gui.engine_texts import engine_text

    tr = compiled_translator(tmp_path)
    app.installTranslator(tr)
    try:
        assert engine_text(HYPOTHETICAL).startswith("가상의")
        assert QCoreApplication.translate("HistoryTabs", "Stress") == "스트레스"
        assert QCoreApplication.translate("Messages", "1 trade proposed.") == "거래 1건을 제안합니다."
    finally:
        app.removeTranslator(tr)


def _engine_data_messages(tmp_path: Path) -> list[str]:
    """What the engine really says when data are missing (not copies of its sentences)."""
    import dataclasses

    from engine import resources
    from engine.data import load_market
    from engine.data.store import PriceStore
    from engine.errors import DataError
    from engine.model import scenario_file
    from engine.model.scenario import Holding, Portfolio
    from engine.optimize.inputs import prepare

    sc = scenario_file.load(resources.path("examples", "russell-core-value-satellites.coresat.toml"))
    out: list[str] = []
    unpriced = Portfolio((*sc.portfolio.holdings, Holding("ZZZQ", 3)), sc.portfolio.cash)
    priced = Portfolio((*sc.portfolio.holdings, Holding("ZZZQ", 3, price=20.0)), sc.portfolio.cash)
    demo = dataclasses.replace(sc, market=None, data=dataclasses.replace(sc.data, source="demo"))
    for data in (
        dataclasses.replace(demo.data, source="demo"),
        dataclasses.replace(demo.data, source="store"),
    ):
        with pytest.raises(DataError) as exc:
            load_market(
                dataclasses.replace(demo, portfolio=unpriced, data=data),
                store=PriceStore(tmp_path / "p.sqlite3"),
            )
        out.append(str(exc.value))
    market = load_market(demo)
    for portfolio in (unpriced, priced):
        with pytest.raises(DataError) as exc:
            prepare(dataclasses.replace(demo, portfolio=portfolio), market)
        out.append(str(exc.value))
    proxied = dataclasses.replace(
        demo, portfolio=priced, data=dataclasses.replace(demo.data, proxies=(("ZZZQ", "IWM"),))
    )
    out.append(load_market(proxied).warnings[-1])
    return out


def test_engine_data_problems_reach_the_user_in_korean(app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from gui.engine_texts import engine_phrase

    said = _engine_data_messages(tmp_path)
    assert [engine_phrase(m) for m in said] == said  # without a translator: the engine's English
    tr = compiled_translator(tmp_path)
    app.installTranslator(tr)
    try:
        for m in said:
            ko = engine_phrase(m)
            assert ko != m and any("\uac00" <= c <= "\ud7a3" for c in ko), m  # Hangul, not the English
            assert "ZZZQ" in ko  # the values are kept
    finally:
        app.removeTranslator(tr)


def _engine_target_problems() -> list[str]:
    """What the scenario checks really say about broken target trees and trade modes."""
    from dataclasses import replace

    from engine.errors import ScenarioError
    from engine.model.scenario import Mode, Role
    from tests.gui.builders import twelve_asset_scenario

    sc = twelve_asset_scenario()
    t = sc.targets
    core, value, *rest = t.sleeves
    broken = [
        replace(
            sc,
            targets=replace(
                t,
                sleeves=(
                    replace(core, assets=(replace(core.assets[0], weight=0.5), core.assets[1])),
                    value,
                    *rest,
                ),
            ),
        ),
        replace(sc, targets=replace(t, sleeves=(core, replace(value, weight=0.3), *rest))),
        replace(sc, targets=replace(t, small_cap_weight=0.6)),
        replace(
            sc, targets=replace(t, sleeves=(replace(core, min_weight=0.6, max_weight=0.5), value, *rest))
        ),
        replace(sc, targets=replace(t, sleeves=(core, replace(value, assets=()), *rest))),
        replace(
            sc,
            targets=replace(t, sleeves=(core, replace(value, assets=(*value.assets, core.assets[0])), *rest)),
        ),
        replace(sc, targets=replace(t, sleeves=(replace(core, role=Role.SATELLITE), value, *rest))),
        replace(sc, constraints=replace(sc.constraints, mode=Mode.BUY_ONLY, cash_flow=-100.0)),
        replace(sc, constraints=replace(sc.constraints, mode=Mode.SELL_ONLY, cash_flow=100.0)),
    ]
    out = []
    for s in broken:
        with pytest.raises(ScenarioError) as exc:
            s.validate()
        out.append(exc.value.problem)
    return out


def test_target_tree_problems_reach_the_user_in_korean(app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from gui.engine_texts import engine_phrase

    said = _engine_target_problems()
    assert len(set(said)) == len(said)  # nine different problems
    tr = compiled_translator(tmp_path)
    app.installTranslator(tr)
    try:
        for m in said:
            ko = engine_phrase(m)
            assert ko != m and any("\uac00" <= c <= "\ud7a3" for c in ko), m
            numbers = [w for w in m.replace("%", " ").split() if w[0].isdigit()]
            assert all(n.rstrip(",;") in ko for n in numbers), (m, ko)  # the values are kept
    finally:
        app.removeTranslator(tr)
