"""Charts (pyqtgraph): allocation, risk contribution, volatility-vs-tracking-error frontier, growth of
$10,000 and drawdown. Only the visible chart is redrawn when a result arrives; the others catch up
when shown. Hovering shows the values under the mouse in a line beneath each chart."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QComboBox, QGraphicsItem, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gui import fmt, theme
from gui.engine_calls import Outcome
from gui.engine_texts import engine_phrase
from gui.panels.chart_items import Bars, cache_legend
from gui.workspace import Workspace

SERIES = ("current", "target", "after")


def configure() -> None:
    """Chart colours from the palette (call after theme.apply, before creating charts)."""
    pg.setConfigOptions(
        antialias=True,
        background=theme.chart_background(),
        foreground=theme.chart_foreground(),
    )


def _title(text: str) -> QLabel:
    """A chart's title line: wraps instead of making the chart wider than the window."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setMinimumWidth(120)
    return label


class QuietAxis(pg.AxisItem):  # type: ignore[misc]
    """An axis that ignores being given the label it already shows: pyqtgraph would throw away and redraw
    the axis, its ticks and grid (a per-result ``setLabel`` cost 5 ms of every slider move)."""

    _shown: tuple[object, ...] | None = None

    def setLabel(
        self, text: str | None = None, units: str | None = None, unitPrefix: str | None = None, **kwargs: Any
    ) -> None:
        key = (text, units, unitPrefix, sorted(kwargs.items()))
        if key == self._shown:
            return
        self._shown = key
        super().setLabel(text, units, unitPrefix, **kwargs)


class ChartView(QWidget):
    """A plot with a value readout under it."""

    def __init__(self, parent: QWidget | None = None, *, axis_items: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        axis_items = {"left": QuietAxis(orientation="left"), **(axis_items or {})}
        # no context menus: built per chart (about a third of its construction time) and never shown
        self.plot = pg.PlotWidget(axisItems=axis_items, enableMenu=False)
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.plot.getPlotItem().setMouseEnabled(x=False, y=False)
        self.plot.getPlotItem().hideButtons()
        for name in ("left", "bottom"):  # axes and grid from a cached pixmap while the range stays
            self.plot.getPlotItem().getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.readout = QLabel(" ")
        theme.mute(self.readout)
        self.header = QHBoxLayout()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(self.header)
        lay.addWidget(self.plot, 1)
        # instead of empty axes: why there is nothing to draw (no result, market data missing, ...)
        self.notice = QLabel()
        self.notice.setObjectName("chartNotice")
        self.notice.setWordWrap(True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setVisible(False)
        lay.addWidget(self.notice, 1)
        lay.addWidget(self.readout)
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)
        self.outcome: Outcome | None = None

    def _mouse_moved(self, pos: QPointF) -> None:
        vb = self.plot.getPlotItem().vb
        if not self.plot.sceneBoundingRect().contains(pos):
            return
        p = vb.mapSceneToView(pos)
        text = self.readout_at(p.x(), p.y())
        if text:
            self.readout.setText(text)

    def readout_at(self, x: float, y: float) -> str:
        return ""

    def show_outcome(self, outcome: Outcome, workspace: Workspace) -> None:
        self.outcome = outcome
        if outcome.result is None:
            why = engine_phrase(outcome.problem.message) if outcome.problem else self.tr("no result")
            self.show_notice(self.tr("Nothing to chart: {why}").format(why=why))
        else:
            self.show_notice("")

    def show_notice(self, text: str) -> None:
        """A message in place of the plot ("" shows the plot again)."""
        if self.notice.text() != text:
            self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.plot.setVisible(not text)


class BarsChart(ChartView):
    """Grouped bars per label (ticker or sleeve) for a few series."""

    def __init__(self, series: tuple[str, ...], names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series = series
        self.names = names
        self.labels: list[str] = []
        self.values: dict[str, np.ndarray] = {}
        self.plot.addLegend(offset=(-10, 4), labelTextColor=theme.chart_foreground(), colCount=len(series))
        width = 0.8 / len(series)
        self.bars: dict[str, pg.BarGraphItem] = {}
        for i, s in enumerate(series):
            item = Bars(x=[], height=[], width=width, brush=theme.series(s), pen=None, name=names[s])
            item._offset = (i - (len(series) - 1) / 2) * width
            self.plot.addItem(item)
            self.bars[s] = item
        self.plot.getPlotItem().getAxis("left").setLabel(self.tr("% of portfolio"))
        # the second tick level is drawn only while all labels take under 80 % of the axis
        self.plot.getPlotItem().getAxis("bottom").setStyle(textFillLimits=[(0, 0.8)])
        cache_legend(self.plot)

    def set_bars(self, labels: list[str], values: dict[str, np.ndarray]) -> None:
        x = np.arange(len(labels), dtype=float)
        if labels != self.labels:
            self.labels = labels
            # every other label on a second level: pyqtgraph drops that level when the labels would crowd
            # (a narrow chart shows IWM, IWN, ... instead of running "IWMVTWO" together)
            ticks = list(enumerate(labels))
            self.plot.getPlotItem().getAxis("bottom").setTicks([ticks[::2], ticks[1::2]])
            self.plot.setXRange(-0.6, len(labels) - 0.4, padding=0)
        self.values = values
        top = 0.0
        for s, item in self.bars.items():
            v = values.get(s, np.zeros(len(labels))) * 100.0
            item.setOpts(x=x + item._offset, height=v)
            top = max(top, float(v.max()) if len(v) else 0.0)
        self._set_top(top)

    def _set_top(self, top: float) -> None:
        """The y range: room above the tallest bar for the legend, in steps of 5 points and kept while the
        bars still fit, so a slider move redraws the bars but not the axis and grid."""
        shown = getattr(self, "_top", None)
        if shown is not None and top * 1.12 <= shown <= max(top * 1.6, 5.0):
            return
        want = max(top * 1.22, 1.0)
        self._top = want if want <= 5.0 else math.ceil(want / 5.0) * 5.0
        self.plot.setYRange(0, self._top, padding=0)

    def readout_at(self, x: float, y: float) -> str:
        i = round(x)
        if not 0 <= i < len(self.labels):
            return ""
        parts = [
            f"{self.names[s]} {fmt.pct(float(self.values[s][i]))}" for s in self.series if s in self.values
        ]
        return f"{self.labels[i]}: " + " · ".join(parts)


class AllocationChart(BarsChart):
    def __init__(self, parent: QWidget | None = None) -> None:
        names = {"current": self.tr("Current"), "target": self.tr("Target"), "after": self.tr("After trades")}
        super().__init__(SERIES, names, parent)
        self.level = QComboBox()
        self.level.addItem(self.tr("Per ticker"), "ticker")
        self.level.addItem(self.tr("Per sleeve"), "sleeve")
        # the title takes the free width (a stretch beside it would squeeze it into three lines)
        self.header.addWidget(_title(self.tr("Allocation: current, target and after the trades")), 1)
        self.header.addWidget(self.level)
        self.level.currentIndexChanged.connect(lambda _i: self._redraw())

    def show_outcome(self, outcome: Outcome, workspace: Workspace) -> None:
        super().show_outcome(outcome, workspace)
        self._redraw()

    def _redraw(self) -> None:
        r = self.outcome.result if self.outcome else None
        if r is None:
            self.set_bars([], {})
            return
        rows: Any = (
            [s for s in r.sleeves if s.role != "small_cap"]
            if self.level.currentData() == "sleeve"
            else r.assets
        )
        labels = [getattr(x, "name", None) or x.ticker for x in rows]
        self.set_bars(
            labels,
            {
                "current": np.array([x.weight_before for x in rows]),
                "target": np.array([x.weight_target for x in rows]),
                "after": np.array([x.weight_after for x in rows]),
            },
        )


class RiskChart(BarsChart):
    def __init__(self, parent: QWidget | None = None) -> None:
        names = {"current": self.tr("Current"), "after": self.tr("After trades")}
        super().__init__(("current", "after"), names, parent)
        self.header.addWidget(
            _title(self.tr("Risk contribution: each holding's share of the portfolio's ups and downs"))
        )
        self.plot.getPlotItem().getAxis("left").setLabel(self.tr("% of portfolio risk"))

    def show_outcome(self, outcome: Outcome, workspace: Workspace) -> None:
        super().show_outcome(outcome, workspace)
        r = outcome.result
        if r is None:
            self.set_bars([], {})
            return
        self.set_bars(
            [a.ticker for a in r.assets],
            {
                "current": np.array([a.risk_contribution_before for a in r.assets]),
                "after": np.array([a.risk_contribution_after for a in r.assets]),
            },
        )


class FrontierChart(ChartView):
    """Lowest tracking error reachable at each volatility, with the cap and three portfolios marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header.addWidget(
            _title(self.tr("Volatility vs tracking error: how close to the targets each risk level allows"))
        )
        pi = self.plot.getPlotItem()
        pi.getAxis("bottom").setLabel(self.tr("Volatility (annualized, %)"))
        pi.getAxis("left").setLabel(self.tr("Tracking error (%)"))
        self.plot.addLegend(offset=(-10, 34), labelTextColor=theme.chart_foreground())
        self.curve = self.plot.plot(
            [], [], pen=pg.mkPen(theme.chart_foreground(), width=2), name=self.tr("Frontier")
        )
        self.cap = pg.InfiniteLine(
            angle=90, pen=pg.mkPen(theme.sell(), width=2, style=pg.QtCore.Qt.PenStyle.DashLine)
        )
        self.cap_label = pg.TextItem(color=theme.sell(), anchor=(1.05, 0))
        self.plot.addItem(self.cap)
        self.plot.addItem(self.cap_label)
        self.points: dict[str, pg.ScatterPlotItem] = {}
        names = {"current": self.tr("Current"), "target": self.tr("Target"), "after": self.tr("Proposed")}
        # the target is a large hollow square and the proposed portfolio a smaller filled triangle, so both
        # stay visible when the trades land on the target
        looks = {
            "current": {"symbol": "o", "size": 12, "brush": theme.series("current")},
            "target": {"symbol": "s", "size": 20, "brush": None},
            "after": {"symbol": "t", "size": 11, "brush": theme.series("after")},
        }
        for s in SERIES:
            look = looks[s]
            pen = (
                pg.mkPen(theme.series(s), width=2.5) if s == "target" else pg.mkPen(theme.chart_foreground())
            )
            item = pg.ScatterPlotItem(
                size=look["size"],
                brush=look["brush"],
                pen=pen,
                symbol=look["symbol"],
                name=names[s],
                hoverable=True,
            )
            self.plot.addItem(item)
            self.points[s] = item
        self.names = names
        self.frontier: list[tuple[float, float]] = []
        self.marks: dict[str, tuple[float, float]] = {}
        cache_legend(self.plot)

    def show_outcome(self, outcome: Outcome, workspace: Workspace) -> None:
        super().show_outcome(outcome, workspace)
        r = outcome.result
        self.frontier = list(workspace.frontier or [])
        fx = [v * 100 for v, _ in self.frontier]
        fy = [t * 100 for _, t in self.frontier]
        self.curve.setData(fx, fy)
        if r is None:
            self.marks = {}
        else:
            self.marks = {
                "current": (r.vol_before, r.tracking_error_before),
                "target": (r.vol_target, 0.0),
                "after": (r.vol_after, r.tracking_error_after),
            }
        for s, item in self.points.items():
            if s in self.marks:
                v, t = self.marks[s]
                item.setData([v * 100], [t * 100])
            else:
                item.setData([], [])
        cap = r.vol_cap if r is not None else None
        self.cap.setVisible(cap is not None)
        self.cap_label.setVisible(cap is not None)
        xs = fx + [m[0] * 100 for m in self.marks.values()]
        ys = fy + [m[1] * 100 for m in self.marks.values()]
        if cap is not None:
            self.cap.setValue(cap * 100)
            self.cap_label.setText(self.tr("cap {cap}").format(cap=fmt.pct(cap)))
            xs.append(cap * 100)
        if xs:
            lo, hi = min(xs), max(xs)
            pad = max((hi - lo) * 0.15, 0.5)
            self.plot.setXRange(lo - pad, hi + pad, padding=0)
            top = max(max(ys) * 1.2, 0.5)
            # below zero too: a marker at zero tracking error (the target) is drawn whole, not cut by the axis
            self.plot.setYRange(-top * 0.06, top, padding=0)
            if cap is not None:
                self.cap_label.setPos(cap * 100, top)

    def readout_at(self, x: float, y: float) -> str:
        best, dist = "", 1e9
        for s, (v, t) in self.marks.items():
            d = (v * 100 - x) ** 2 + (t * 100 - y) ** 2
            if d < dist:
                best, dist = s, d
        for v, t in self.frontier:
            d = (v * 100 - x) ** 2 + (t * 100 - y) ** 2
            if d < dist:
                best, dist = f"f{v},{t}", d
        if not best:
            return ""
        if best.startswith("f"):
            v, t = (float(p) for p in best[1:].split(","))
            name = self.tr("Frontier")
        else:
            v, t = self.marks[best]
            name = self.names[best]
        return self.tr("{name}: volatility {vol}, tracking error {te}").format(
            name=name, vol=fmt.pct(v), te=fmt.pct(t, 2)
        )


class PathChart(ChartView):
    """Growth of $10,000 or drawdown, current vs proposed weights, over the price history."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, axis_items={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.kind = kind
        title = (
            self.tr("Growth of $10,000 on the price history: current vs proposed weights")
            if kind == "growth"
            else self.tr("Drawdown: fall from the previous high, current vs proposed weights")
        )
        self.header.addWidget(_title(title))
        self.plot.getPlotItem().getAxis("left").setLabel("$" if kind == "growth" else "%")
        # growth starts bottom-left, drawdown hugs the top: keep the legend out of the lines' way
        self.plot.addLegend(
            offset=(10, 10) if kind == "growth" else (10, -10), labelTextColor=theme.chart_foreground()
        )
        self.before = self.plot.plot(
            [], [], pen=pg.mkPen(theme.series("current"), width=2), name=self.tr("Current")
        )
        # two lines told apart by more than colour: the current one is dashed
        self.before.setPen(pg.mkPen(theme.series("current"), width=2, style=Qt.PenStyle.DashLine))
        self.after = self.plot.plot(
            [], [], pen=pg.mkPen(theme.series("after"), width=2.5), name=self.tr("Proposed")
        )
        self.before.setZValue(2)  # dashes on top: where the lines coincide both colours still show
        cache_legend(self.plot)
        self.simulated = pg.TextItem(
            self.tr("Simulated prices, not real history"), color=theme.warn(), anchor=(1, 0)
        )
        self.simulated.setParentItem(self.plot.getPlotItem().vb)
        self.simulated.setVisible(False)
        vb = self.plot.getPlotItem().vb
        vb.sigResized.connect(lambda _vb: self.simulated.setPos(vb.width() - 6, 4))
        self.empty = pg.TextItem(
            self.tr("No price history for this scenario"), color=theme.muted(), anchor=(0.5, 0.5)
        )
        self.plot.addItem(self.empty)
        self.xs = np.zeros(0)
        self.ys: tuple[np.ndarray, np.ndarray] = (np.zeros(0), np.zeros(0))

    def show_outcome(self, outcome: Outcome, workspace: Workspace) -> None:
        super().show_outcome(outcome, workspace)
        p = outcome.paths
        if p is None:
            self.xs = np.zeros(0)
            self.before.setData([], [])
            self.after.setData([], [])
            self.empty.setVisible(True)
            self.empty.setPos(0.5, 0.5)
            self.plot.setXRange(0, 1)
            self.plot.setYRange(0, 1)
            return
        self.empty.setVisible(False)
        r = outcome.result
        simulated = r is not None and "simulated" in r.assumptions.price_source.lower()
        self.simulated.setVisible(simulated)
        if simulated:  # pinned to the top-right corner of the plot area (pixels), whatever the ranges
            self.simulated.setPos(self.plot.getPlotItem().vb.width() - 6, 4)
        dates = np.asarray(p.dates)
        x = (
            dates.astype("datetime64[s]").astype(float)
            if np.issubdtype(dates.dtype, np.datetime64)
            else dates.astype(float)
        )
        if self.kind == "growth":
            b, a = np.asarray(p.growth_before), np.asarray(p.growth_after)
        else:
            b, a = np.asarray(p.drawdown_before) * 100, np.asarray(p.drawdown_after) * 100
        self.xs, self.ys = x, (b, a)
        self.before.setData(x, b)
        self.after.setData(x, a)
        self.plot.enableAutoRange()

    def readout_at(self, x: float, y: float) -> str:
        if not len(self.xs):
            return ""
        i = int(np.clip(np.searchsorted(self.xs, x), 0, len(self.xs) - 1))
        day = datetime.fromtimestamp(float(self.xs[i]), tz=UTC).date().isoformat()
        b, a = float(self.ys[0][i]), float(self.ys[1][i])
        vals = (fmt.money(b), fmt.money(a)) if self.kind == "growth" else (fmt.pct(b / 100), fmt.pct(a / 100))
        return self.tr("{day}: current {b}, proposed {a}").format(day=str(day), b=vals[0], a=vals[1])


def retheme(views: list[ChartView]) -> None:
    """Chart colours from the current palette (after the system switched light/dark)."""
    configure()
    fg = theme.chart_foreground()
    for view in views:
        view.plot.setBackground(theme.chart_background())
        item = view.plot.getPlotItem()
        for name in ("left", "bottom"):
            item.getAxis(name).setPen(fg)
            item.getAxis(name).setTextPen(fg)
        if item.legend is not None:
            item.legend.setLabelTextColor(fg)
            for _sample, label in item.legend.items:
                label.setText(label.text, color=fg)
        if isinstance(view, FrontierChart):
            view.curve.setPen(pg.mkPen(fg, width=2))
