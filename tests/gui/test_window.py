"""The main window driven like a user would: sliders, spin boxes, menus. Results come from the real
optimizer on an in-memory market; every wait is on a signal."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from engine.model import scenario_file
from engine.model.scenario import Mode
from engine.result import Side, Status
from tests.gui.builders import twelve_asset_scenario


def trades_of(window) -> dict[str, tuple[str, float]]:  # type: ignore[no-untyped-def]
    return {t.ticker: (t.side.value, t.shares) for t in window.result.trades.trades}


def test_moving_the_core_slider_changes_the_trades(loaded, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = trades_of(loaded)
    slider = loaded.targets.controls["Core"].slider
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        slider.setValue(900)  # 90 % core
    assert workspace.scenario.targets.core.weight == pytest.approx(0.9)
    assert loaded.targets.controls["Core"].spin.value() == pytest.approx(90.0)
    after = trades_of(loaded)
    assert after != before

    # more core: buy more (or sell less) of the core funds than before
    def net(trades: dict[str, tuple[str, float]], t: str) -> float:
        side, n = trades.get(t, ("buy", 0.0))
        return n if side == "buy" else -n

    assert net(after, "IWM") + net(after, "VTWO") > net(before, "IWM") + net(before, "VTWO")
    assert loaded.result.trades.rowCount() == len(after)


def test_lowering_the_vol_cap_binds_then_explains_infeasibility(loaded, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    spin = loaded.constraints.vol_cap
    assert loaded.constraints.vol_on.isChecked()
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        spin.setValue(12.0)
    r = workspace.result
    assert r.status is Status.OK and any(b.constraint == "vol_cap" for b in r.binding)
    assert "olatility cap" in loaded.result.binding.text()
    assert not loaded.constraints.problems["vol_cap"].isVisible()
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        spin.setValue(3.0)
    r = workspace.result
    assert r.status is Status.INFEASIBLE
    label = loaded.constraints.problems["vol_cap"]
    assert label.isVisible()
    assert "lowest volatility" in label.text()
    assert "Use " in label.text()  # the nearest feasible value, one click away
    assert "Not possible" in loaded.result.status.text()
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        label.linkActivated.emit("apply:vol_cap")
    nearest = r.infeasibility.nearest["vol_cap"]
    applied = workspace.scenario.constraints.vol_cap
    assert nearest <= applied <= nearest + 0.001  # rounded up to the 0.1 % the spin box shows
    assert loaded.constraints.vol_cap.value() == pytest.approx(applied * 100)


def test_buy_only_never_shows_a_sell(loaded, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert any(t.side is Side.SELL for t in workspace.result.trades), "the scenario should sell in full mode"
    c = loaded.constraints
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        c.cash_flow.setValue(20000.0)
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        c.mode.setCurrentIndex(c.mode.findData(Mode.BUY_ONLY.value))
    assert workspace.scenario.constraints.mode is Mode.BUY_ONLY
    model = loaded.result.trades
    assert model.rowCount() > 0
    sides = {model.data(model.index(i, 0), Qt.ItemDataRole.DisplayRole) for i in range(model.rowCount())}
    assert sides == {"Buy"}


def test_malformed_holdings_csv_shows_a_message_and_changes_nothing(
    loaded, workspace, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "holdings.csv"
    bad.write_text("ticker,shares\nIWM,120\nVBR,twelve\n", encoding="utf-8")
    before = workspace.scenario
    assert not loaded.import_holdings_from(bad, preview=False)
    assert workspace.scenario is before
    assert not workspace.can_undo()
    label = loaded.holdings.problem
    assert label.isVisible()
    assert "line 3" in label.text() and "twelve" in label.text() and "Nothing was changed" in label.text()


def test_good_holdings_csv_replaces_holdings(loaded, workspace, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "holdings.csv"
    good.write_text("ticker,shares,price\nIWM,10\nSPY,3,650\n", encoding="utf-8")
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        assert loaded.import_holdings_from(good, preview=False)
    assert workspace.scenario.portfolio.tickers == ("IWM", "SPY")
    assert workspace.can_undo()


def test_open_edit_save_reopen_through_the_window(window, workspace, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.coresat.toml"
    scenario_file.save(twelve_asset_scenario(), path)
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        assert window.open_path(path)
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        window.constraints.min_cash.setValue(750.0)
    assert window.isWindowModified()
    assert window._save_to(path)
    assert not window.isWindowModified()
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        assert window.open_path(path)
    assert window.constraints.min_cash.value() == pytest.approx(750.0)
    assert workspace.scenario.constraints.min_cash == pytest.approx(750.0)
    assert window.recent_menu.actions()[0].toolTip() == str(path.resolve())


def test_export_trades_csv(loaded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "trades.csv"
    assert loaded.export_trades_to(out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("side,ticker,shares")
    assert len(lines) == 1 + len(loaded.ws.result.trades)


def test_window_state_is_remembered(loaded) -> None:  # type: ignore[no-untyped-def]
    from gui import settings

    loaded.left.setSizes([500, 300])
    loaded.save_state()
    assert settings.settings().value(loaded._layout_prefix() + "left") is not None


def test_refresh_prices_shows_progress_and_can_be_cancelled(loaded, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    import threading

    started = threading.Event()
    seen: list[str] = []

    def slow_download(scenario, *, force_demo=False, progress=None, cancel=None):  # type: ignore[no-untyped-def]
        seen.append(scenario.data.source)
        progress("Downloading IWM", 0.3)
        started.set()
        while not cancel():
            threading.Event().wait(0.01)  # a worker thread polling its cancel flag, not the test
        raise RuntimeError("cancelled")

    workspace.engine.resolve_market = slow_download
    shown_before = workspace.result
    with qtbot.waitSignal(workspace.marketProgress, timeout=5000) as progress:
        loaded.refresh_prices()
    assert progress.args == ["Downloading IWM", pytest.approx(0.3)]
    assert seen == ["yahoo"]
    with qtbot.waitSignal(workspace.runner.dropped, timeout=5000):
        loaded._progress.canceled.emit()  # what its Cancel button does
    assert workspace.result is shown_before  # nothing replaced by a cancelled download
    assert workspace.market is not None


def test_unknown_ticker_is_flagged_in_the_holdings_table(loaded, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui import edits

    with qtbot.waitSignal(workspace.settled, timeout=20000):
        workspace.edit(edits.add_holding(workspace.scenario, "ZZZZ", 10.0))
    assert workspace.result is None and workspace.outcome.problem is not None
    label = loaded.holdings.problem
    assert label.isVisible() and "ZZZZ" in label.text()
    assert "ZZZZ" in loaded.holdings.model.problem_tickers
    assert "ZZZZ" in loaded.result.status.text()


def test_invalid_combination_is_explained_under_its_control(loaded, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = loaded.constraints
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        c.cash_flow.setValue(-5000.0)
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        c.mode.setCurrentIndex(c.mode.findData(Mode.BUY_ONLY.value))
    assert workspace.result is None
    label = c.problems["mode"]
    assert label.isVisible() and "buy-only cannot pay a withdrawal" in label.text()
    assert loaded.result.trades.rowCount() == 0


def test_use_demo_data_asks_for_the_demo_market(loaded, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    asked: list[bool] = []
    real = workspace.engine.resolve_market

    def resolve(scenario, *, force_demo=False, **kw):  # type: ignore[no-untyped-def]
        asked.append(force_demo)
        return real(scenario, force_demo=force_demo, **kw)

    workspace.engine.resolve_market = resolve
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        loaded.act_demo.trigger()
    assert asked == [True] and loaded.act_demo.isChecked()
    assert "test market" in loaded.source_label.text()


def test_finder_file_open_event_opens_the_scenario(window, workspace, app, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """macOS delivers a double-clicked document as a QFileOpenEvent to the application."""
    from PySide6.QtGui import QFileOpenEvent

    from gui.app import FileOpenFilter

    path = tmp_path / "client.coresat.toml"
    scenario_file.save(twelve_asset_scenario(), path)
    filt = FileOpenFilter(window)
    app.installEventFilter(filt)
    try:
        with qtbot.waitSignal(workspace.settled, timeout=20000):
            app.sendEvent(app, QFileOpenEvent(str(path)))
    finally:
        app.removeEventFilter(filt)
    assert workspace.path is not None and Path(workspace.path).resolve() == path.resolve()


def test_the_application_opens_a_finder_document_itself(
    window, workspace, app, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The app receives the QFileOpenEvent in CoresatApplication.event: no application-wide event filter,
    which would run Python for every event of every widget."""
    from PySide6.QtGui import QFileOpenEvent

    from gui.app import CoresatApplication, open_guarded

    assert isinstance(app, CoresatApplication)
    path = tmp_path / "client.coresat.toml"
    scenario_file.save(twelve_asset_scenario(), path)
    app.file_open = lambda p: open_guarded(window, p)
    try:
        with qtbot.waitSignal(workspace.settled, timeout=20000):
            app.sendEvent(app, QFileOpenEvent(str(path)))
    finally:
        app.file_open = None
    assert workspace.path is not None and Path(workspace.path).resolve() == path.resolve()


def test_ticking_the_turnover_cap_does_not_mean_no_trading(loaded, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A freshly ticked turnover cap starts at a harmless value, never at 0 % (issue #8)."""
    panel = loaded.constraints
    assert not panel.turnover_on.isChecked()
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        panel.turnover_on.setChecked(True)
    cap = workspace.scenario.constraints.turnover_cap
    assert cap is not None and cap > 0
    assert workspace.result is not None and workspace.result.trades
