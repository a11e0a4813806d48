"""The Backtest and Stress tabs: background runs with progress and cancel, tables, charts, pictures."""

from __future__ import annotations

import threading
from datetime import date

from PySide6.QtCore import QDate

from engine.backtest import DEFAULT_POLICIES, BacktestSettings, run_backtest
from engine.errors import DataError
from gui import fmt
from gui.backtest_calls import BacktestCalls
from gui.panels.backtest import BacktestPanel


def test_backtest_runs_off_the_ui_thread_and_fills_the_table(loaded, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    bt = loaded.backtest_tab
    loaded.charts.setCurrentWidget(bt)
    assert bt.hypothetical.text().startswith("Hypothetical")
    with qtbot.waitSignal(bt.runner.finished, timeout=120_000):
        bt.run_button.click()
        assert not bt.run_button.isEnabled() and bt.cancel_button.isEnabled() and bt.progress.isVisible()
    t = bt.table
    assert [t.horizontalHeaderItem(j).text() for j in range(t.columnCount())] == [
        p.short for p in DEFAULT_POLICIES
    ]
    assert all(t.item(i, j).text() for i in range(t.rowCount()) for j in range(t.columnCount()))
    rows = [t.verticalHeaderItem(i).text() for i in range(t.rowCount())]
    # the table shows what the engine computes for the same inputs
    ws = loaded.ws
    report = run_backtest(
        ws.scenario,
        ws.market.history,
        DEFAULT_POLICIES,
        BacktestSettings(),
        current_prices=dict(ws.market.prices),
    )
    for j, p in enumerate(report.policies):
        assert t.item(rows.index("Rebalances"), j).text() == str(p.rebalances)
        assert t.item(rows.index("End value"), j).text() == fmt.money(p.end_value)
    assert t.item(rows.index("Rebalances"), 0).text() == "0"  # never
    for j, p in enumerate(report.policies):  # without tax lots: "not known", never 0
        gain = p.realized_long_term
        assert t.item(rows.index("Realized gains, long-term"), j).text() == (
            "not known" if gain is None else fmt.money(gain)
        )
    assert "Realized gains, term unknown" not in rows
    assert bt.run_button.isEnabled() and not bt.progress.isVisible()
    assert "years" in bt.status.text()
    bt.views.setCurrentIndex(1)
    for choice in range(3):
        bt.chart_choice.setCurrentIndex(choice)
        assert len(bt.chart.plot.getPlotItem().listDataItems()) == len(DEFAULT_POLICIES)
    picture = tmp_path / "backtest.png"
    assert bt.grab().save(str(picture))
    img = bt.grab().toImage()
    assert len({img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)}) > 20


class _Waits(BacktestCalls):
    """Reports progress, then waits until cancelled."""

    def __init__(self) -> None:
        self.started = threading.Event()

    def backtest(self, scenario, market, policies, settings, progress=None, cancel=None):  # type: ignore[no-untyped-def]
        assert progress is not None and cancel is not None
        progress("Replaying: Never rebalance", 0.25)
        self.started.set()
        while not cancel():
            threading.Event().wait(0.005)
        raise DataError("the backtest was cancelled")


def test_cancel_stops_a_long_run_and_nothing_is_shown(loaded, qtbot):  # type: ignore[no-untyped-def]
    panel = BacktestPanel(loaded.ws, calls=_Waits())
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.runner.progress, timeout=10_000):
        panel.run()
    assert panel.progress.value() == 250 and "Never" in panel.progress.format()
    with qtbot.waitSignal(panel.runner.dropped, timeout=10_000):
        panel.cancel_button.click()
    assert panel.report is None and panel.table.rowCount() == 0
    assert panel.run_button.isEnabled() and not panel.cancel_button.isEnabled()
    assert "cancelled" in panel.status.text()
    assert panel.runner.shutdown()


class _StressWaits(BacktestCalls):
    """A stress test that reports progress, then waits until cancelled."""

    def stress(self, scenario, market, result, extra=(), rates_file=None, progress=None, cancel=None):  # type: ignore[no-untyped-def]
        assert progress is not None and cancel is not None
        progress("Replaying: Financial crisis", 0.2)
        while not cancel():
            threading.Event().wait(0.005)
        raise DataError("the stress test was cancelled")


def test_stress_tab_shows_progress_and_cancel_stops_the_run(loaded, qtbot):  # type: ignore[no-untyped-def]
    from gui.panels.stress import StressPanel

    panel = StressPanel(loaded.ws, calls=_StressWaits())
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.runner.progress, timeout=10_000):
        panel.run()
    assert not panel.progress.isHidden()
    assert panel.progress.value() == 200 and "Financial crisis" in panel.progress.format()
    assert panel.cancel_button.isEnabled() and not panel.run_button.isEnabled()
    with qtbot.waitSignal(panel.runner.dropped, timeout=10_000):
        panel.cancel_button.click()
    assert panel.report is None and panel.windows.rowCount() == 0
    assert panel.run_button.isEnabled() and not panel.cancel_button.isEnabled()
    assert "cancelled" in panel.status.text() and not panel._busy
    # the real run afterwards goes through, with the progress bar hidden at the end
    panel.calls = BacktestCalls()
    with qtbot.waitSignal(panel.runner.finished, timeout=60_000):
        panel.run()
    assert panel.windows.rowCount() == 5 and panel.progress.isHidden()


def test_stress_tab_shows_windows_sleeves_user_windows_and_rates(loaded, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    st = loaded.stress_tab
    with qtbot.waitSignal(st.runner.finished, timeout=60_000):
        loaded.charts.setCurrentWidget(st)  # shown: it runs by itself
    assert st.windows.rowCount() == 5
    labels = [st.windows.item(i, 0).text() for i in range(5)]
    assert labels[0].startswith("Financial crisis") and labels[-1].startswith("Tariff shock")
    # the test history starts 2024-11-01: only the tariff shock is covered
    assert "no prices cover this window" in st.windows.item(0, 4).text()
    tariff = st.report.windows[-1]
    assert (
        st.windows.item(4, 1).text()
        == f"{fmt.pct(tariff.losses[0].change_pct)} ({fmt.money(tariff.losses[0].change)})"
    )
    st.windows.selectRow(4)
    assert st.sleeves.rowCount() == len(tariff.losses[0].sleeves) > 0
    assert "No interest-rate series" in st.rates.text()
    st.name.setText("Mine")
    st.start.setDate(QDate(2025, 1, 2))
    st.end.setDate(QDate(2025, 6, 30))
    with qtbot.waitSignal(st.runner.finished, timeout=60_000):
        st.add_button.click()
    assert st.windows.rowCount() == 6 and "Mine" in st.windows.item(5, 0).text()
    assert st.report.windows[-1].window.start == date(2025, 1, 2)
    st.start.setDate(QDate(2025, 7, 1))
    st.add_button.click()  # ends before it starts: said, nothing added
    assert "ends before it starts" in st.status.text() and len(st.user_windows) == 1
    assert st.grab().save(str(tmp_path / "stress.png"))


def test_stress_tab_reads_a_rate_series_and_says_what_it_can(loaded, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    import numpy as np
    import pandas as pd

    st = loaded.stress_tab
    days = pd.bdate_range("2023-01-02", "2026-12-31")
    rates = tmp_path / "DGS10.csv"
    pd.DataFrame({"DATE": days.strftime("%Y-%m-%d"), "DGS10": 4 + np.sin(np.arange(len(days)) / 40)}).to_csv(
        rates, index=False
    )
    with qtbot.waitSignal(st.runner.finished, timeout=60_000):
        st.set_rates_file(str(rates))
    # the test history is about 23 months long: too short to estimate, and the tab says so
    assert "DGS10" in st.rates.text() and "at least 24" in st.rates.text()
    bad = tmp_path / "bad.csv"
    bad.write_text("one column only\n")
    with qtbot.waitSignal(st.runner.finished, timeout=60_000):
        st.set_rates_file(str(bad))
    assert "rate file" in st.status.text()


def test_stress_requests_during_a_run_collapse_into_one_more_run(loaded, qtbot):  # type: ignore[no-untyped-def]
    st = loaded.stress_tab
    with qtbot.waitSignal(st.runner.finished, timeout=60_000):
        loaded.charts.setCurrentWidget(st)
    started: list[int] = []
    original = st.runner.submit

    def counting(kind, fn):  # type: ignore[no-untyped-def]
        started.append(1)
        return original(kind, fn)

    st.runner.submit = counting
    with qtbot.waitSignals([st.runner.finished, st.runner.finished], timeout=60_000):
        for _ in range(5):
            st.run()
    assert len(started) == 2  # the first, then one for the four that came while it ran
    qtbot.waitUntil(lambda: st.run_button.isEnabled(), timeout=60_000)
    assert st.windows.rowCount() == 5


def test_no_price_history_is_said_in_the_tab_and_a_changed_scenario_is_flagged(loaded, qtbot):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from gui import edits

    bt = loaded.backtest_tab
    ws = loaded.ws
    full = ws.market
    ws.market = replace(full, history=None)
    with qtbot.waitSignal(bt.runner.finished, timeout=60_000):
        bt.run_button.click()
    assert "no price history" in bt.status.text() and bt.report is None
    ws.market = full
    with qtbot.waitSignal(bt.runner.finished, timeout=120_000):
        bt.all_variants.setChecked(True)
        bt.run_button.click()
    assert bt.table.columnCount() == 9
    with qtbot.waitSignal(ws.settled, timeout=20_000):
        ws.edit(edits.set_constraints(ws.scenario, cost_bps=9.0))
    assert "changed since this backtest ran" in bt.status.text()


def test_realized_gains_rows_with_tax_lots(loaded, qtbot):  # type: ignore[no-untyped-def]
    """A report whose lots are known shows the gains (and a 'term unknown' row when a lot has no date)."""
    from engine.backtest import Every, Policy, PolicyKind
    from tests.engine.backtest.paths import two_asset_path
    from tests.engine.backtest.test_gains import FROM_HOLDINGS, _lots_scenario

    report = run_backtest(
        _lots_scenario(), two_asset_path(), [Policy(PolicyKind.BANDS, Every.DAILY)], FROM_HOLDINGS
    )
    panel = BacktestPanel(loaded.ws)
    qtbot.addWidget(panel)
    panel._finished("backtest", panel._job, report)
    t = panel.table
    rows = [t.verticalHeaderItem(i).text() for i in range(t.rowCount())]
    # worked out by hand in tests/engine/backtest/test_gains.py: 3,750 long-term, 1,120 of unknown term
    assert t.item(rows.index("Realized gains, long-term"), 0).text() == fmt.money(3750.0)
    assert t.item(rows.index("Realized gains, short-term"), 0).text() == fmt.money(0.0)
    assert t.item(rows.index("Realized gains, term unknown"), 0).text() == fmt.money(1120.0)
    assert "carried back" in panel.method.text()
