"""The Backtest tab: replay the scenario's rebalancing policies on the price history (hypothetical).

A run goes to its own background runner (progress bar, Cancel); the table shows the policies side by side,
the chart their growth of $10,000, drawdown or drift over time. Nothing runs until the user asks: a
20-year replay takes seconds, not milliseconds.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.backtest import ALL_POLICIES, DEFAULT_POLICIES, HYPOTHETICAL, BacktestReport, BacktestSettings
from engine.backtest.report import PolicySummary
from gui import fmt, theme
from gui.backtest_calls import BacktestCalls
from gui.engine_calls import Problem
from gui.engine_texts import engine_phrase, engine_text
from gui.panels.charts import ChartView
from gui.runner import JobContext, RunControls, wire_runner
from gui.workspace import Workspace

COLORS = ("#8c96a5", "#2f6fdb", "#e8772e", "#1a9e77", "#b5489a", "#c9a227", "#6b4fd6", "#d23c3c", "#3ca0d2")


def _seconds(r: BacktestReport) -> np.ndarray:
    """Dates as seconds since 1970 (what pyqtgraph's date axis reads), whatever the index's resolution."""
    out: np.ndarray = r.dates.values.astype("datetime64[s]").astype(np.int64).astype(float)
    return out


def _date(d: Any) -> str:
    return d.isoformat() if d is not None else "—"


class BacktestPanel(RunControls, QWidget):
    def __init__(
        self, workspace: Workspace, calls: BacktestCalls | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.ws = workspace
        self.calls = calls or BacktestCalls()
        self.report: BacktestReport | None = None
        self._ran_for: object = None
        self._job = 0
        self.runner = wire_runner(self)
        self._init_widgets()
        workspace.scenarioChanged.connect(self._scenario_changed)

    # -- widgets ---------------------------------------------------------------------------------------

    def _init_widgets(self) -> None:
        self.hypothetical = theme.mute(QLabel(engine_text(HYPOTHETICAL)))
        self.hypothetical.setWordWrap(True)
        self.all_variants = QCheckBox(self.tr("All nine variants"))
        self.all_variants.setToolTip(
            self.tr("Also monthly and annual calendars and bands checked monthly (default: one of each kind)")
        )
        self.flow = QDoubleSpinBox()
        self.flow.setRange(-1_000_000.0, 1_000_000.0)
        self.flow.setDecimals(0)
        self.flow.setSingleStep(100.0)
        self.flow.setPrefix("$ ")
        self.flow.setToolTip(
            self.tr("Contribution (+) or withdrawal (−) on the first trading day of each month")
        )
        self.start = QComboBox()
        self.start.addItems([self.tr("from today's holdings"), self.tr("from the targets")])
        self.run_button = QPushButton(self.tr("Run backtest"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Monthly flow")))
        controls.addWidget(self.flow)
        controls.addWidget(self.start)
        controls.addStretch(1)
        run_row = QHBoxLayout()  # a second row, so the tab fits a 1280-pixel window in any language
        run_row.addWidget(self.all_variants)
        run_row.addStretch(1)
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.cancel_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        self.status = theme.mute(QLabel(self.tr("Run a backtest to see what each policy would have done.")))
        self.status.setWordWrap(True)

        self.chart_choice = QComboBox()
        self.chart_choice.addItems(
            [self.tr("Growth of $10,000"), self.tr("Drawdown"), self.tr("Drift from targets")]
        )
        self.chart_choice.currentIndexChanged.connect(lambda _i: self._draw())
        self.chart = ChartView(axis_items={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.chart.header.addWidget(self.chart_choice)
        self.chart.header.addStretch(1)
        self.legend = self.chart.plot.addLegend(offset=(10, 4), labelTextColor=theme.chart_foreground())
        self.chart.readout_at = self._readout  # type: ignore[method-assign]
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.method = theme.mute(QLabel())
        self.method.setWordWrap(True)
        self.method.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.method.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.views = QTabWidget()
        self.views.addTab(self.table, self.tr("Side by side"))
        self.views.addTab(self.chart, self.tr("Chart"))
        self.views.addTab(self._scroll(self.method), self.tr("Method and limits"))

        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.hypothetical)
        lay.addLayout(controls)
        lay.addLayout(run_row)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(self.views, 1)

    @staticmethod
    def _scroll(w: QWidget) -> QWidget:
        from PySide6.QtWidgets import QScrollArea

        area = QScrollArea()
        area.setWidget(w)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        return area

    # -- running ---------------------------------------------------------------------------------------

    def run(self) -> None:
        sc, market = self.ws.scenario, self.ws.market
        if sc is None or market is None:
            self.status.setText(self.tr("Open a scenario and wait for its market data first."))
            return
        policies = ALL_POLICIES if self.all_variants.isChecked() else DEFAULT_POLICIES
        settings = BacktestSettings(
            monthly_flow=float(self.flow.value()),
            start="targets" if self.start.currentIndex() == 1 else "holdings",
        )
        calls = self.calls

        def job(ctx: JobContext) -> object:
            return calls.backtest(sc, market, policies, settings, progress=ctx.progress, cancel=ctx.cancelled)

        self.runner.cancel("backtest")
        self._job = self.runner.submit("backtest", job)
        self._ran_for = sc
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Replaying…"))

    def cancel(self) -> None:
        self.runner.cancel("backtest")
        self.status.setText(self.tr("Backtest cancelled."))
        self._idle()

    def shutdown(self) -> None:
        self.runner.shutdown()

    def _dropped(self, _kind: str, generation: int) -> None:
        """A cancelled run ended."""
        if generation == self._job:
            self._idle()

    def _failed(self, kind: str, gen: int, exc: object) -> None:
        if gen != self._job:
            return
        self._idle()
        self.status.setText(self.tr("The backtest failed: {e}").format(e=engine_phrase(str(exc))))

    def _finished(self, kind: str, gen: int, value: object) -> None:
        if gen != self._job:
            return
        self._idle()
        if isinstance(value, Problem):
            self.status.setText(engine_phrase(value.message))
            return
        if not isinstance(value, BacktestReport):
            return
        self.report = value
        self.status.setText(
            self.tr("{start} .. {end} ({years} years) on {source}; monthly flow {flow}").format(
                start=_date(value.start),
                end=_date(value.end),
                years=fmt.number(value.years, 1),
                source=engine_phrase(value.price_source),
                flow=fmt.money(value.monthly_flow),
            )
        )
        self._fill_table(value)
        self.method.setText(
            "<b>"
            + self.tr("Method")
            + "</b><ul>"
            + "".join(f"<li>{engine_text(m)}</li>" for m in value.method)
            + "</ul><b>"
            + self.tr("Limits")
            + "</b><ul>"
            + "".join(f"<li>{engine_text(m)}</li>" for m in value.limits)
            + (
                "<li>" + self.tr("Realized gains") + f": {html.escape(engine_phrase(value.gains_how))}</li>"
                if value.gains_how
                else ""
            )
            + "</ul>"
        )
        self._draw()

    def _scenario_changed(self, scenario: object) -> None:
        if self.report is not None and scenario != self._ran_for:
            self.status.setText(
                self.tr("The scenario changed since this backtest ran: run it again to update it.")
            )

    # -- showing ---------------------------------------------------------------------------------------

    def rows(self) -> list[tuple[str, str, Callable[[PolicySummary], str]]]:
        return [
            (
                self.tr("Rebalances"),
                self.tr("Days the policy traded for reasons other than a cash flow"),
                lambda p: str(p.rebalances),
            ),
            (self.tr("Trades"), "", lambda p: str(p.trades)),
            (
                self.tr("Turnover / year"),
                self.tr("One-way: half of (buys + sells) / that day's value, summed, per year"),
                lambda p: fmt.pct(p.turnover_per_year),
            ),
            (self.tr("Costs"), self.tr("Trading costs over the whole run"), lambda p: fmt.money(p.costs)),
            (
                self.tr("Costs, bp / year"),
                self.tr("Costs / average value / years × 10,000"),
                lambda p: fmt.number(p.costs_bp_per_year),
            ),
            (
                self.tr("Realized gains, short-term"),
                self.tr("First in, first out; held one year or less. 'not known' without tax lots"),
                lambda p: self._gain(p.realized_short_term),
            ),
            (
                self.tr("Realized gains, long-term"),
                self.tr("First in, first out; held more than one year"),
                lambda p: self._gain(p.realized_long_term),
            ),
            *(
                [
                    (
                        self.tr("Realized gains, term unknown"),
                        self.tr("From tax lots the scenario gives without a purchase date"),
                        lambda p: self._gain(p.realized_unknown_term),
                    )
                ]
                if self.report is not None and any(p.realized_unknown_term for p in self.report.policies)
                else []
            ),
            (
                self.tr("Max drift"),
                self.tr(
                    "Largest distance of any holding from its target, at a close before that day's trades"
                ),
                lambda p: fmt.points(p.max_drift).lstrip("+"),
            ),
            (self.tr("Mean drift"), "", lambda p: fmt.points(p.mean_drift).lstrip("+")),
            (
                self.tr("Realized volatility"),
                self.tr("Annualized, of daily time-weighted returns"),
                lambda p: fmt.pct(p.realized_vol),
            ),
            (self.tr("Highest 1-year volatility"), "", lambda p: fmt.pct(p.max_rolling_vol)),
            (self.tr("Volatility cap"), "", lambda p: fmt.pct(p.vol_cap)),
            (
                self.tr("Tracking error"),
                self.tr("Annualized, to the targets held exactly every day"),
                lambda p: fmt.pct(p.tracking_error, 2),
            ),
            (
                self.tr("CAGR"),
                self.tr("Time-weighted: cash flows are not gains"),
                lambda p: fmt.pct(p.cagr, 2),
            ),
            (self.tr("Max drawdown"), "", lambda p: fmt.pct(p.max_drawdown.depth)),
            (self.tr("  peak"), "", lambda p: _date(p.max_drawdown.peak)),
            (self.tr("  trough"), "", lambda p: _date(p.max_drawdown.trough)),
            (
                self.tr("  regained"),
                "",
                lambda p: _date(p.max_drawdown.recovered) if p.max_drawdown.recovered else self.tr("not yet"),
            ),
            (self.tr("Worst month"), "", lambda p: fmt.pct(p.worst_month)),
            (self.tr("  in"), "", lambda p: p.worst_month_label),
            (self.tr("End value"), "", lambda p: fmt.money(p.end_value)),
            (
                self.tr("No feasible trade"),
                self.tr("Check days on which the optimizer found no trades within the limits"),
                lambda p: str(p.optimizer_failures) if p.key.startswith("optimizer") else "—",
            ),
        ]

    def _gain(self, v: float | None) -> str:
        return self.tr("not known") if v is None else fmt.money(v)

    def _fill_table(self, r: BacktestReport) -> None:
        rows = self.rows()
        t = self.table
        t.clear()
        t.setRowCount(len(rows))
        t.setColumnCount(len(r.policies))
        t.setHorizontalHeaderLabels([engine_text(p.short) for p in r.policies])
        t.setVerticalHeaderLabels([name for name, _, _ in rows])
        for j, p in enumerate(r.policies):
            header = t.horizontalHeaderItem(j)
            if header is not None:
                header.setToolTip(engine_text(p.label))
            for i, (_, tip, fn) in enumerate(rows):
                item = QTableWidgetItem(fn(p))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if tip:
                    item.setToolTip(tip)
                t.setItem(i, j, item)
        for i, (_, tip, _) in enumerate(rows):
            if tip:
                t.verticalHeaderItem(i).setToolTip(tip)
        t.resizeColumnsToContents()

    def _draw(self) -> None:
        r = self.report
        plot = self.chart.plot
        plot.clear()
        self.legend.clear()
        if r is None:
            return
        x = _seconds(r)
        which = ("growth", "drawdown", "drift")[self.chart_choice.currentIndex()]
        for k, p in enumerate(r.policies):
            y = np.asarray(getattr(r.series[p.key], which), dtype=float)
            if which != "growth":
                y = y * 100.0
            plot.plot(x, y, pen=pg.mkPen(COLORS[k % len(COLORS)], width=1.4), name=engine_text(p.short))
        plot.setLabel("left", {"growth": "$", "drawdown": "%", "drift": self.tr("points")}[which])
        plot.enableAutoRange()

    def _readout(self, x: float, y: float) -> str:
        r = self.report
        if r is None or not len(r.dates):
            return ""
        i = int(np.clip(np.searchsorted(_seconds(r), x), 0, len(r.dates) - 1))
        which = ("growth", "drawdown", "drift")[self.chart_choice.currentIndex()]
        parts = []
        for p in r.policies:
            v = float(getattr(r.series[p.key], which)[i])
            parts.append(f"{engine_text(p.short)} {fmt.money(v) if which == 'growth' else fmt.pct(v)}")
        return f"{r.dates[i]:%Y-%m-%d}: " + " · ".join(parts)
