"""The window fits small screens (1024×768, 1280×720), remembers its layout per screen, shows whole share
counts and whole reasons, and draws unchecked boxes that show on the dark palette."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QColor, QPalette


def test_minimum_size_fits_small_laptop_screens(loaded, app) -> None:  # type: ignore[no-untyped-def]
    app.processEvents()
    hint = loaded.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 720, hint
    loaded.resize(1024, 720)  # the smallest of both screens at once
    app.processEvents()
    assert loaded.width() == 1024 and loaded.height() == 720
    assert loaded.minimumSizeHint().width() <= 1024


def test_narrow_window_moves_the_charts_into_a_tab_and_back(loaded, app) -> None:  # type: ignore[no-untyped-def]
    loaded.resize(1480, 900)
    app.processEvents()
    assert not loaded.compact and loaded.splitter.indexOf(loaded.charts) == 2
    loaded.resize(1024, 768)
    app.processEvents()
    assert loaded.compact
    assert loaded.splitter.indexOf(loaded.charts) == -1 and loaded.lower_tabs.indexOf(loaded.charts) == 1
    assert loaded.charts.visibleRegion().isEmpty()  # behind the trades tab until chosen
    loaded.lower_tabs.setCurrentWidget(loaded.charts)
    app.processEvents()
    assert loaded.charts.isVisible() and loaded.charts.width() > 400
    loaded.resize(1280, 720)
    app.processEvents()
    assert not loaded.compact and loaded.splitter.indexOf(loaded.charts) == 2 and loaded.charts.isVisible()
    # every column has room: the targets rows fit without cutting, the charts keep a usable width
    assert loaded.left.width() >= 400 and loaded.charts.width() >= 300


def test_layout_is_remembered_per_screen_size(loaded, app) -> None:  # type: ignore[no-untyped-def]
    from gui import settings

    loaded.left.setSizes([500, 300])
    loaded.save_state()
    prefix = loaded._layout_prefix()
    size = loaded.screen().availableGeometry().size()
    assert prefix == f"layout/{size.width()}x{size.height()}/"
    s = settings.settings()
    assert s.value(prefix + "left") is not None and s.value(prefix + "geometry") is not None
    assert s.value("layout/9999x9999/left") is None


def test_fractional_share_counts_are_shown_whole(loaded, workspace, qtbot, app) -> None:  # type: ignore[no-untyped-def]
    sc = workspace.scenario
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        workspace.edit(replace(sc, constraints=replace(sc.constraints, whole_shares=False)))
    table = loaded.result.table
    model = loaded.result.trades
    assert model.rowCount() > 0
    app.processEvents()
    fm = table.fontMetrics()
    from gui.tablemodels import TradesColumn

    fractional = [t for t in model.trades if abs(t.shares - round(t.shares)) > 1e-6]
    assert fractional, "expected fractional trades with whole shares off"
    for r in range(model.rowCount()):
        text = model.index(r, TradesColumn.SHARES).data()
        assert "…" not in text
        assert abs(float(text.replace(",", "")) - model.trades[r].shares) < 1e-4  # exact to 4 decimals
        assert fm.horizontalAdvance(text) < table.columnWidth(TradesColumn.SHARES), text


def test_the_whole_reason_is_shown_without_hovering(loaded, app) -> None:  # type: ignore[no-untyped-def]
    panel = loaded.result
    trades = panel.trades.trades
    assert trades
    assert trades[0].reason in panel.reason.text() and panel.reason.wordWrap()
    panel.table.selectRow(len(trades) - 1)
    app.processEvents()
    assert trades[-1].reason in panel.reason.text()
    assert trades[-1].ticker in panel.reason.text()


def test_unchecked_boxes_have_a_visible_outline_on_the_dark_palette(loaded, app) -> None:  # type: ignore[no-untyped-def]
    from gui import theme

    def contrast(a: QColor, b: QColor) -> float:
        def lum(c: QColor) -> float:
            def ch(v: float) -> float:
                return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

            return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

        hi, lo = sorted((lum(a), lum(b)), reverse=True)
        return (hi + 0.05) / (lo + 0.05)

    try:
        theme.apply(app, dark=True)
        for widget in (loaded.holdings.table, loaded.constraints.turnover_on):
            pal = widget.palette()
            outline = pal.color(QPalette.ColorRole.Window).darker(140)  # what Fusion draws the box with
            base = pal.color(QPalette.ColorRole.Base)
            assert contrast(outline, base) >= 3.0, widget  # WCAG: non-text contrast
            assert base == app.palette().color(QPalette.ColorRole.Base)  # the rest looks the same
    finally:
        theme.apply(app, dark=False)
    pal = loaded.holdings.table.palette()
    assert pal.color(QPalette.ColorRole.Window) == app.palette().color(QPalette.ColorRole.Window)


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
def test_nothing_falls_off_small_screens(loaded, app, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    loaded.resize(*size)
    app.processEvents()
    win = loaded.rect()
    for w in (loaded.statusBar(), loaded.result.notes, loaded.result.table, loaded.holdings.table):
        if not w.isVisible():
            continue
        top_left = w.mapTo(loaded, w.rect().topLeft())
        bottom_right = w.mapTo(loaded, w.rect().bottomRight())
        assert win.contains(top_left) and win.contains(bottom_right), (w, size)


def test_a_new_window_fits_the_screen(app, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui.mainwindow import MainWindow

    w = MainWindow(workspace)
    w.ask_before_discard = False
    qtbot.addWidget(w)
    avail = w.screen().availableGeometry()
    assert w.width() <= avail.width() and w.height() <= avail.height() - 40  # room for a title bar
    assert avail.contains(w.geometry().topLeft())


def test_a_short_holdings_list_leaves_room_for_every_trade_at_1280x720(window, workspace, qtbot, app) -> None:  # type: ignore[no-untyped-def]
    from engine import resources
    from engine.model import scenario_file

    window.resize(1280, 720)
    app.processEvents()
    example = scenario_file.load(resources.path("examples", "russell-core-value-satellites.coresat.toml"))
    few = replace(example, market=None)  # four funds, as in the README screenshot
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        workspace.set_document(few, None)
    app.processEvents()
    holdings = window.holdings.table
    assert holdings.verticalScrollBar().maximum() == 0  # every holding shows
    trades = window.result.table
    n = window.result.trades.rowCount()
    assert 0 < n <= 6, n
    assert trades.verticalScrollBar().maximum() == 0, (
        "the trades table scrolls although the holdings pane has room"
    )
