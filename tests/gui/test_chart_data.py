"""Charts tested by their data: the bars are the result's numbers, and those numbers agree with a computation
from the holdings, prices and covariance done here; plus reference images compared with a tolerance."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

REFERENCE = Path(__file__).parent / "reference"


def _heights(chart, series: str) -> np.ndarray:  # type: ignore[no-untyped-def]
    return np.asarray(chart.bars[series].opts["height"], dtype=float)


def test_allocation_bars_are_the_weights_before_target_and_after(loaded, workspace, app) -> None:  # type: ignore[no-untyped-def]
    charts = loaded.charts
    charts.setCurrentIndex(0)
    charts.draw_all()
    chart = charts.views[0]
    r = workspace.result
    sc, market = workspace.scenario, workspace.market
    assert chart.labels == [a.ticker for a in r.assets]
    # independent: value of each holding at the market price over the whole portfolio (cash included)
    shares = np.array([sc.portfolio.shares_of(a.ticker) for a in r.assets])
    prices = np.array([market.prices[a.ticker] for a in r.assets])
    before = shares * prices / (shares @ prices + r.cash_before)
    after_shares = np.array([a.shares_after for a in r.assets])
    after = after_shares * prices / (after_shares @ prices + r.cash_after)
    tree = sc.targets.asset_weights()  # of the invested part, summing to 1
    target = np.array([tree.get(a.ticker, 0.0) for a in r.assets])
    assert np.allclose(_heights(chart, "current"), 100 * before, atol=1e-9)
    assert np.allclose(_heights(chart, "after"), 100 * after, atol=1e-6)
    shown = _heights(chart, "target")
    assert np.allclose(shown / shown.sum(), target, atol=1e-9)  # the tree's mix, scaled to what is invested
    assert 90.0 < shown.sum() <= 100.0 + 1e-9


def test_risk_bars_are_each_holdings_share_of_the_variance(loaded, workspace, app) -> None:  # type: ignore[no-untyped-def]
    charts = loaded.charts
    charts.setCurrentIndex(1)
    charts.draw_all()
    chart = charts.views[1]
    r, market = workspace.result, workspace.market
    tickers = [a.ticker for a in r.assets]
    idx = [market.tickers.index(t) for t in tickers]
    cov = np.asarray(market.covariance)[np.ix_(idx, idx)]
    for series, w in (
        ("current", np.array([a.weight_before for a in r.assets])),
        ("after", np.array([a.weight_after for a in r.assets])),
    ):
        contribution = w * (cov @ w) / (w @ cov @ w)  # Euler: w_i (Σw)_i / wᵀΣw, sums to 1
        assert np.allclose(_heights(chart, series), 100 * contribution, atol=1e-6), series
        assert _heights(chart, series).sum() == pytest.approx(100.0)


def _differs(a: QImage, b: QImage) -> float:
    """Share of pixels whose colour differs by more than 48 (of 255) in any channel."""
    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)
    if a.size() != b.size():
        return 1.0
    x = np.frombuffer(a.constBits(), np.uint8).reshape(a.height(), -1)[:, : a.width() * 4].astype(int)
    y = np.frombuffer(b.constBits(), np.uint8).reshape(b.height(), -1)[:, : b.width() * 4].astype(int)
    diff = np.abs(x - y).reshape(a.height(), a.width(), 4)[..., :3].max(axis=2)
    return float((diff > 48).mean())


@pytest.mark.parametrize("name", ["AllocationChart", "RiskChart"])
def test_chart_matches_its_reference_image(loaded, workspace, app, qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    """Set CORESAT_UPDATE_REFERENCE=1 to write the reference after a deliberate change (then look at it)."""
    from gui.panels import charts

    view = getattr(charts, name)()
    qtbot.addWidget(view)
    view.resize(640, 360)
    view.show_outcome(workspace.outcome, workspace)
    view.show()
    app.processEvents()
    img = view.grab().toImage()
    ref = REFERENCE / f"{name}.png"
    if os.environ.get("CORESAT_UPDATE_REFERENCE") or not ref.exists():
        REFERENCE.mkdir(exist_ok=True)
        img.save(str(ref))
        pytest.skip(f"wrote {ref.name}: look at it and commit it")
    share = _differs(img, QImage(str(ref)))
    assert share < 0.02, f"{name}: {share:.1%} of the pixels differ from {ref.name}"


def test_a_chart_title_uses_the_free_width_before_wrapping(workspace, app, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from gui.panels import charts

    view = charts.AllocationChart()
    qtbot.addWidget(view)
    view.resize(640, 360)
    view.show()
    app.processEvents()
    title = next(w for w in view.findChildren(QLabel) if w.text().startswith("Allocation"))
    assert title.height() < 2 * title.fontMetrics().lineSpacing(), "the title wraps although there is room"


@pytest.mark.parametrize("width", [360, 460, 640])
def test_bar_labels_never_overlap(loaded, workspace, app, qtbot, width: int) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPainter, QPixmap

    from gui.panels import charts

    view = charts.AllocationChart()
    qtbot.addWidget(view)
    view.resize(width, 360)
    view.show_outcome(workspace.outcome, workspace)
    view.show()
    app.processEvents()
    axis = view.plot.getPlotItem().getAxis("bottom")
    pix = QPixmap(10, 10)
    painter = QPainter(pix)
    try:
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    rects = sorted((r for r, _flags, _s in texts), key=lambda r: r.left())
    assert len(rects) >= min(6, len(workspace.result.assets))  # labels are still shown
    for a, b in itertools.pairwise(rects):
        assert a.right() <= b.left(), f"tick labels overlap at {width} px"
    if width >= 640:
        assert len(rects) == len(workspace.result.assets)  # room for all: all are shown
