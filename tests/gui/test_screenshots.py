"""Each main view renders to PNG with its text drawn (fonts present), and ``--screenshot`` works."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase, QImage
from PySide6.QtWidgets import QLabel

from engine.model import scenario_file
from engine.model.scenario import InlineMarket
from tests.gui.builders import market_with_history, twelve_asset_scenario

ROOT = Path(__file__).resolve().parents[2]


def ink_pixels(img: QImage, threshold: int = 90) -> int:
    """Pixels dark enough to be text on the light palette (borders and bars are lighter)."""
    img = img.convertToFormat(QImage.Format.Format_Grayscale8)
    count = 0
    for y in range(0, img.height(), 2):
        row = img.constScanLine(y).tobytes()[: img.width()]
        count += sum(1 for b in row[::2] if b < threshold)
    return count


def test_fonts_are_present_and_draw_glyphs(app) -> None:  # type: ignore[no-untyped-def]
    assert QFontDatabase.families(), "no fonts: install fonts-dejavu-core and fontconfig"
    label = QLabel("Coresat 12.3 % → 45.6 %")
    label.resize(300, 40)
    assert ink_pixels(label.grab().toImage()) > 30


@pytest.mark.parametrize("view", ["targets", "constraints", "holdings", "result", "charts", "window"])
def test_each_view_renders_with_text(loaded, tmp_path: Path, view: str) -> None:  # type: ignore[no-untyped-def]
    widget = loaded if view == "window" else getattr(loaded, view)
    img = widget.grab().toImage()
    out = tmp_path / f"{view}.png"
    assert img.save(str(out))
    assert out.stat().st_size > 1000
    assert ink_pixels(img) > 150, f"{view}: no text drawn"


@pytest.mark.parametrize("tab", range(5))
def test_each_chart_tab_renders(loaded, tmp_path: Path, tab: int) -> None:  # type: ignore[no-untyped-def]
    loaded.charts.setCurrentIndex(tab)
    loaded.charts.draw_all()
    view = loaded.charts.views[tab]
    img = view.grab().toImage()
    assert img.save(str(tmp_path / f"chart{tab}.png"))
    assert ink_pixels(img) > 100, f"chart tab {tab}: no axis text drawn"


def test_screenshot_command_renders_after_the_first_result(tmp_path: Path) -> None:
    m = market_with_history(with_history=False)
    cov = tuple(tuple(float(v) for v in row) for row in m.covariance)
    inline = InlineMarket(
        as_of=m.as_of, prices=dict(m.prices), tickers=m.tickers, covariance=cov, source="inline test"
    )
    scenario = tmp_path / "s.coresat.toml"
    scenario_file.save(replace(twelve_asset_scenario(), market=inline), scenario)
    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "gui", "--screenshot", str(out), str(scenario)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    img = QImage(str(out))
    assert img.width() >= 1200 and img.height() >= 700
    assert ink_pixels(img) > 1000


def test_growth_tab_gets_paths_when_shown(loaded, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert workspace.outcome.paths is None  # not computed while the allocation tab is shown
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        loaded.charts.setCurrentIndex(loaded.charts.indexOf(loaded.charts.growth))
    assert workspace.outcome.paths is not None
    assert len(loaded.charts.growth.xs) > 100
    assert loaded.charts.growth.ys[0][0] == pytest.approx(10_000.0)
    loaded.charts.setCurrentIndex(loaded.charts.indexOf(loaded.charts.drawdown))
    assert max(loaded.charts.drawdown.ys[1]) <= 0.0 + 1e-9


def test_switching_to_dark_recolours_charts_tables_and_labels(loaded, app) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from gui import theme
    from gui.tablemodels import HoldingsColumn

    theme.apply(app, dark=True)
    try:
        loaded.retheme()
        app.processEvents()  # palette-change events are delivered by the event loop
        plot = loaded.charts.allocation.plot
        assert plot.backgroundBrush().color() == theme.chart_background()
        model = loaded.holdings.model
        a = next(x for x in loaded.ws.result.assets if not x.outside_band)
        fg = model.data(
            model.index(model.row_of(a.ticker), HoldingsColumn.DRIFT), Qt.ItemDataRole.ForegroundRole
        )
        assert fg == theme.ok()  # the dark palette's green
        assert theme.muted().name() in loaded.targets.hint.styleSheet()
        img = loaded.grab().toImage()
        assert img.pixelColor(img.width() // 2, img.height() - 5).lightness() < 100  # dark window
    finally:
        theme.apply(app, dark=False)


def test_frontier_is_computed_when_its_tab_is_shown(loaded, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert workspace.frontier is None
    with qtbot.waitSignal(workspace.frontierChanged, timeout=30000):
        loaded.charts.setCurrentIndex(loaded.charts.indexOf(loaded.charts.frontier))
    points = workspace.frontier
    assert len(points) >= 2
    vols = [v for v, _ in points]
    assert vols == sorted(vols)
    assert len(loaded.charts.frontier.curve.getData()[0]) == len(points)
    r = workspace.result
    assert loaded.charts.frontier.cap.value() == pytest.approx(r.vol_cap * 100)
