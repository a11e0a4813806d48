"""The Exposure tab: sector bars before / target / after from the look-through, the valuation line,
the overlap table, sources with their dates; computed off the UI thread; renders to PNG with text."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from engine.data.fund_files import bundled_snapshot
from engine.data.funds import FundData, FundFetch, Holding
from tests.gui.test_screenshots import ink_pixels


def _show_exposure(loaded, qtbot) -> object:  # type: ignore[no-untyped-def]
    panel = loaded.exposure
    with qtbot.waitSignal(
        loaded.ws.runner.finished, timeout=20000, check_params_cb=lambda k, g, v: k == "exposure"
    ):
        loaded.charts.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.report is not None, timeout=5000)
    return panel


def test_tab_shows_the_lookthrough_of_the_result(loaded, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = _show_exposure(loaded, qtbot)
    r = loaded.ws.result
    snap = bundled_snapshot().funds
    report = panel.report
    # independent: Information Technology after = Σ weight_after × the fund's snapshot IT weight
    it = sum(
        a.weight_after * (snap[a.ticker].sectors or {}).get("Information Technology", 0.0) for a in r.assets
    )
    row = next(s for s in report.sectors if s.sector == "Information Technology")
    assert row.after == pytest.approx(it, abs=1e-12)
    # the bars are the report's numbers
    i = panel.chart.labels.index("Information Technology")
    assert panel.chart.values["after"][i] == pytest.approx(it)
    assert "Bond funds (no equity sectors)" in panel.chart.labels  # AGG
    # valuation line: the harmonic P/E of the funds with a P/E (the sector SPDRs have none in the snapshot)
    w = {a.ticker: a.weight_after for a in r.assets if snap[a.ticker].pe is not None}
    pe = sum(w.values()) / sum(x / snap[t].pe for t, x in w.items())  # type: ignore[operator]
    assert report.valuation_after.pe == pytest.approx(pe)
    text = panel.valuation.text()
    assert f"after {pe:.1f}" in text and "S&P 500 (SPY) 25.0" in text
    assert "2024-12-31" in panel.sources.text()  # the snapshot's date, wherever it is used
    rows = {panel.overlap.item(k, 0).text() for k in range(panel.overlap.rowCount())}
    assert "IWM – VTWO" in rows  # same index: their listed holdings coincide
    text = panel.chart.readout_at(5.0, float(i))
    assert text.startswith("Information Technology: Before") and "After trades" in text
    assert panel.chart.readout_at(5.0, 99.0) == ""
    funds_col = [panel.funds.item(k, 1).text() for k in range(panel.funds.rowCount())]
    assert "not available" in funds_col  # the sector SPDRs' P/E: not available, never 0


def test_a_new_result_updates_the_tab(loaded, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui import edits

    panel = _show_exposure(loaded, qtbot)
    first = loaded.ws.result
    with qtbot.waitSignal(
        loaded.ws.runner.finished, timeout=20000, check_params_cb=lambda k, g, v: k == "exposure"
    ):
        loaded.ws.edit(edits.set_constraints(loaded.ws.scenario, vol_cap=0.10))
    r = loaded.ws.result
    assert r is not first
    snap = bundled_snapshot().funds
    fin = sum(a.weight_after * (snap[a.ticker].sectors or {}).get("Financials", 0.0) for a in r.assets)
    row = next(s for s in panel.report.sectors if s.sector == "Financials")
    assert row.after == pytest.approx(fin, abs=1e-12)


def test_missing_fund_data_is_not_available(app, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui.panels.exposure import ExposurePanel
    from tests.gui.builders import twelve_asset_scenario

    def only_iwm(tickers: Sequence[str]) -> FundFetch:
        iwm = FundData(
            "IWM",
            "hand-built",
            date(2025, 1, 2),
            sectors={"Financials": 1.0},
            holdings=(Holding("AAA", "A", 0.5),),
        )
        return FundFetch({"IWM": iwm}, {t: "none" for t in tickers if t != "IWM"})

    panel = ExposurePanel(workspace, loader=only_iwm)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(
        workspace.runner.finished, timeout=20000, check_params_cb=lambda k, g, v: k == "exposure"
    ):
        workspace.set_document(twelve_asset_scenario(), None)
    r = panel.report
    assert r is not None and r.valuation_after.pe is None
    assert "n/a" in panel.valuation.text()
    weights = {a.ticker: a.weight_after for a in workspace.result.assets}
    no_data = next(s for s in r.sectors if s.sector == "No sector data")
    assert no_data.after == pytest.approx(sum(w for t, w in weights.items() if t != "IWM"))
    assert "hand-built, as of 2025-01-02" in panel.sources.text()


def test_exposure_tab_renders_with_text(loaded, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    panel = _show_exposure(loaded, qtbot)
    img = panel.grab().toImage()
    out = tmp_path / "exposure.png"
    assert img.save(str(out))
    assert ink_pixels(img) > 300
    assert len(panel.chart.labels) == len(panel.report.sectors)
    assert np.all(panel.chart.values["after"] >= 0)


def test_update_from_yahoo_fills_the_cache_and_the_tab(loaded, qtbot) -> None:  # type: ignore[no-untyped-def]
    from engine.data.fund_store import FundStore
    from engine.data.funds_yahoo import YahooFundSource
    from tests.engine.data.fund_fakes import factory, quote_summary

    panel = _show_exposure(loaded, qtbot)
    _, make = factory({"IWM": quote_summary("IWM", pe=30.0)})
    panel.online = lambda: YahooFundSource(ticker_factory=make)
    with qtbot.waitSignal(
        loaded.ws.runner.finished, timeout=20000, check_params_cb=lambda k, g, v: k == "exposure"
    ):
        panel.fetch_button.click()
    assert "IWM" in FundStore().cached()
    iwm = next(f for f in panel.report.funds if f.ticker == "IWM")
    assert iwm.provenance.startswith("Yahoo") and iwm.pe == 30.0
    assert "Updated from Yahoo: IWM." in panel.fetch_status.text()
    assert "VTWO: Yahoo has no fund data" in panel.fetch_status.text()  # the fake knows IWM only
    assert panel.fetch_button.isEnabled()


def test_fund_data_is_read_once_per_universe(app, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui import edits
    from gui.panels.exposure import ExposurePanel, default_loader
    from tests.gui.builders import twelve_asset_scenario

    calls: list[tuple[str, ...]] = []

    def counting(tickers: Sequence[str]) -> FundFetch:
        calls.append(tuple(tickers))
        return default_loader(tickers)

    panel = ExposurePanel(workspace, loader=counting)
    qtbot.addWidget(panel)
    panel.show()
    done = {"check_params_cb": lambda k, g, v: k == "exposure", "timeout": 20000}
    with qtbot.waitSignal(workspace.runner.finished, **done):
        workspace.set_document(twelve_asset_scenario(), None)
    with qtbot.waitSignal(workspace.runner.finished, **done):
        workspace.edit(edits.set_constraints(workspace.scenario, vol_cap=0.12))
    assert len(calls) == 1  # the second result reused the fund data
    assert panel.report is not None


def test_switching_to_dark_recolours_the_exposure_chart(loaded, app) -> None:  # type: ignore[no-untyped-def]
    from gui import theme

    light = theme.chart_background()
    theme.apply(app, dark=True)
    try:
        loaded.retheme()
        app.processEvents()
        assert theme.chart_background() != light
        assert loaded.exposure.chart.plot.backgroundBrush().color() == theme.chart_background()
    finally:
        theme.apply(app, dark=False)
        loaded.retheme()
