"""The Exposure tab: what the portfolio holds through its funds — sector bars before / target / after,
the weighted P/E and P/B line (against the S&P 500 when the data has it), the overlap between funds, the
largest underlying companies, and where every figure comes from with its date.

The fund data is read and the look-through computed on a worker (``Workspace.runner``, kind
``"exposure"``), only while the tab is visible; a newer result makes an older answer stale.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.data.funds import FundData, FundFetch, FundSource
from engine.result import RebalanceResult
from engine.risk.exposure_report import ExposureReport, Valuation
from engine.risk.exposures import ExposureModel
from gui import fmt, theme
from gui.engine_calls import Outcome
from gui.engine_texts import engine_phrase, engine_text
from gui.runner import JobContext
from gui.workspace import Workspace

KIND = "exposure"
FETCH = "exposure-fetch"
SERIES = ("current", "target", "after")
FundLoader = Callable[[Sequence[str]], FundFetch]


def default_loader(tickers: Sequence[str]) -> FundFetch:
    """User data first (the fund cache in the local store), then the bundled snapshot. Worker thread."""
    from engine.data.fund_store import FundStore
    from engine.data.funds import load_funds

    return load_funds(tickers, store=FundStore())


# how a P/E treats loss-making companies (engine.data.funds.EarningsMethod), in the user's language
PE_METHODS = {
    "excludes loss-makers": QT_TRANSLATE_NOOP("ExposurePanel", "excludes loss-makers"),
    "includes loss-makers": QT_TRANSLATE_NOOP("ExposurePanel", "includes loss-makers"),
    "method not stated by the source": QT_TRANSLATE_NOOP("ExposurePanel", "method not stated by the source"),
}


def _pe_method(method: str) -> str:
    known = PE_METHODS.get(str(method))
    return QCoreApplication.translate("ExposurePanel", str(known)) if known is not None else str(method)


def yahoo_source() -> FundSource:
    from engine.data.funds_yahoo import YahooFundSource

    return YahooFundSource()


def fetch_into_cache(tickers: Sequence[str], online: FundSource) -> FundFetch:
    """Download fund data and keep it in the local cache (worker thread; network)."""
    from engine.data.fund_store import FundStore

    return FundStore().update(online, tickers)


def compute(
    result: RebalanceResult,
    loader: FundLoader,
    known: Mapping[str, FundData] | None = None,
    model: ExposureModel | None = None,
) -> tuple[ExposureReport, dict[str, FundData], ExposureModel]:
    """The look-through of ``result``, the fund data used and its model (runs on a worker; no Qt).
    ``known`` / ``model``: fund data already read for this universe and the model built from it (a slider
    drag neither reads the store nor arranges the holdings again); ``model`` is used only with ``known``."""
    from engine.risk.exposures import build_model, fund_tickers_for, report_for_result

    tickers = [a.ticker for a in result.assets]
    funds = dict(known) if known is not None else dict(loader(fund_tickers_for(tickers)).funds)
    if known is None or model is None or model.tickers != tuple(t.upper() for t in tickers):
        model = build_model(tickers, funds)
    return report_for_result(result, funds, top=12, model=model), funds, model


class SectorChart(QWidget):
    """Horizontal grouped bars: one row per sector, bars for before / target / after."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(enableMenu=False)  # no context menu: never shown, costly to build
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=True, y=False, alpha=0.25)
        item = self.plot.getPlotItem()
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        item.invertY(True)
        item.getAxis("bottom").setLabel(self.tr("% of portfolio"))
        item.getAxis("left").setStyle(tickLength=0)
        self.names = {
            "current": self.tr("Before"),
            "target": self.tr("Target"),
            "after": self.tr("After trades"),
        }
        self.legend = QLabel()
        self._legend_text()
        height = 0.8 / len(SERIES)
        self.bars: dict[str, pg.BarGraphItem] = {}
        for i, s in enumerate(SERIES):
            bar = pg.BarGraphItem(
                x0=[], y=[], width=[], height=height, brush=theme.series(s), pen=None, name=self.names[s]
            )
            bar._offset = (i - 1) * height
            self.plot.addItem(bar)
            self.bars[s] = bar
        self.labels: list[str] = []
        self.values: dict[str, np.ndarray] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.legend)
        lay.addWidget(self.plot, 1)
        self.readout = QLabel(" ")
        theme.mute(self.readout)
        lay.addWidget(self.readout)
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)

    def _mouse_moved(self, pos: QPointF) -> None:
        if not self.plot.sceneBoundingRect().contains(pos):
            return
        p = self.plot.getPlotItem().vb.mapSceneToView(pos)
        text = self.readout_at(p.x(), p.y())
        if text:
            self.readout.setText(text)

    def readout_at(self, x: float, y: float) -> str:
        """The values of the sector row under the mouse (y is the row position)."""
        i = round(y)
        if not 0 <= i < len(self.labels):
            return ""
        parts = [f"{self.names[s]} {fmt.pct(float(self.values[s][i]))}" for s in SERIES if s in self.values]
        return f"{self.labels[i]}: " + " · ".join(parts)

    def _legend_text(self) -> None:
        self.legend.setText(
            "  ".join(
                f"<span style='color:{theme.series(s).name()}'>■</span> {self.names[s]}" for s in SERIES
            )
        )

    def retheme(self) -> None:
        """Colours from the current palette (the system switched light/dark)."""
        fg = theme.chart_foreground()
        self.plot.setBackground(theme.chart_background())
        item = self.plot.getPlotItem()
        for name in ("left", "bottom"):
            item.getAxis(name).setPen(fg)
            item.getAxis(name).setTextPen(fg)
        for s, bar in self.bars.items():
            bar.setOpts(brush=theme.series(s))
        self._legend_text()

    def set_rows(self, labels: list[str], values: dict[str, np.ndarray]) -> None:
        self.labels, self.values = labels, values
        y = np.arange(len(labels), dtype=float)
        self.plot.getPlotItem().getAxis("left").setTicks([list(enumerate(labels))])
        top = 0.0
        for s, bar in self.bars.items():
            v = values[s] * 100.0
            bar.setOpts(x0=np.zeros(len(labels)), y=y + bar._offset, width=v)
            top = max(top, float(v.max()) if len(v) else 0.0)
        self.plot.setYRange(-0.6, max(len(labels), 1) - 0.4, padding=0)
        self.plot.setXRange(0, max(top * 1.12, 1.0), padding=0)


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _fill(table: QTableWidget, rows: list[list[str]], right: set[int]) -> None:
    table.setRowCount(len(rows))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            item = QTableWidgetItem(text)
            if j in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(i, j, item)


class ExposurePanel(QWidget):
    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        loader: FundLoader = default_loader,
        online: Callable[[], FundSource] = yahoo_source,
    ) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.loader = loader
        self.online = online
        self._fetch_job = 0
        self._funds_universe: tuple[str, ...] | None = None  # fund data kept for this universe
        self._funds: dict[str, FundData] = {}
        self._model: ExposureModel | None = None  # built from ``_funds``
        self.report: ExposureReport | None = None
        self._stale = True
        self._job = 0
        self.title = QLabel(self.tr("Sectors through the funds: before, target and after the trades"))
        self.fetch_button = QPushButton(self.tr("Update from Yahoo"))
        self.fetch_button.setToolTip(
            self.tr(
                "Download the funds' sector weights, top holdings, P/E and expense ratio from Yahoo into the "
                "local cache (needs a network). Until then the bundled, dated snapshot is used."
            )
        )
        self.fetch_button.clicked.connect(self.fetch_online)
        self.fetch_status = QLabel("")
        self.fetch_status.setWordWrap(True)
        self.fetch_status.setVisible(False)  # shown once a download was asked for
        theme.mute(self.fetch_status)
        self.chart = SectorChart()
        self.valuation = QLabel(" ")
        self.valuation.setWordWrap(True)
        self.overlap = _table([self.tr("Funds"), self.tr("Overlap"), self.tr("Shared"), self.tr("Note")])
        self.companies = _table([self.tr("Company"), self.tr("Before"), self.tr("After"), self.tr("Via")])
        self.funds = _table([self.tr("Fund"), self.tr("P/E"), self.tr("Expense"), self.tr("Source")])
        self.tables = QTabWidget()
        self.tables.addTab(self.overlap, self.tr("Overlap"))
        self.tables.addTab(self.companies, self.tr("Companies"))
        self.tables.addTab(self.funds, self.tr("Fund data"))
        self.sources = QLabel(" ")
        self.sources.setWordWrap(True)
        theme.mute(self.sources)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        split.addWidget(self.tables)
        split.setSizes([430, 220])
        split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.fetch_button)
        lay.addLayout(head)
        lay.addWidget(self.fetch_status)
        lay.addWidget(split, 1)
        lay.addWidget(self.valuation)
        lay.addWidget(self.sources)
        workspace.outcomeChanged.connect(self._on_outcome)
        workspace.runner.finished.connect(self._on_finished)
        workspace.runner.failed.connect(self._on_failed)

    # -- work -------------------------------------------------------------------------------------

    def _on_outcome(self, _outcome: Outcome) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Compute the look-through of the current result on a worker."""
        self._stale = False
        out = self.ws.outcome
        if out is None or out.result is None:
            self.show_message(self.tr("No result to look through yet."))
            return
        result, loader = out.result, self.loader
        universe = tuple(a.ticker for a in result.assets)
        known = self._funds if self._funds_universe == universe else None
        model = self._model if known is not None else None

        def job(
            _ctx: JobContext,
        ) -> tuple[tuple[str, ...], ExposureReport, dict[str, FundData], ExposureModel]:
            report, funds, built = compute(result, loader, known, model)
            return universe, report, funds, built

        self._job = self.ws.runner.submit(KIND, job)

    def fetch_online(self) -> None:
        """Download the fund data of the current result's tickers into the cache, then look through again."""
        out = self.ws.outcome
        if out is None or out.result is None:
            return
        from engine.risk.exposures import fund_tickers_for

        tickers = fund_tickers_for([a.ticker for a in out.result.assets])
        online = self.online

        def job(_ctx: JobContext) -> FundFetch:
            return fetch_into_cache(tickers, online())

        self.fetch_button.setEnabled(False)
        self.fetch_status.setVisible(True)
        self.fetch_status.setText(self.tr("Downloading fund data from Yahoo…"))
        self._fetch_job = self.ws.runner.submit(FETCH, job)

    def _on_finished(self, kind: str, gen: int, value: object) -> None:
        if kind == KIND and gen == self._job and isinstance(value, tuple):
            universe, report, funds, model = value
            self._funds_universe, self._funds, self._model = universe, funds, model
            self.show_report(report)
        elif kind == FETCH and gen == self._fetch_job and isinstance(value, FundFetch):
            self.fetch_button.setEnabled(True)
            text = self.tr("Updated from Yahoo: {ok}.").format(ok=", ".join(value.funds) or self.tr("none"))
            if value.failed:
                text += " " + self.tr("Not available: {f}").format(
                    f="; ".join(f"{t}: {engine_phrase(why)}" for t, why in value.failed.items())
                )
            self.fetch_status.setText(text)
            self._funds_universe = None  # read the cache again
            self.refresh()

    def _on_failed(self, kind: str, gen: int, exc: object) -> None:
        message = engine_phrase(str(exc)) or type(exc).__name__
        if kind == KIND and gen == self._job:
            self.show_message(self.tr("Fund data not available: {m}").format(m=message))
        elif kind == FETCH and gen == self._fetch_job:
            self.fetch_button.setEnabled(True)
            self.fetch_status.setText(self.tr("Fund data not updated: {m}").format(m=message))

    def show_message(self, text: str) -> None:
        self.report = None
        self.chart.set_rows([], {s: np.zeros(0) for s in SERIES})
        for t in (self.overlap, self.companies, self.funds):
            t.setRowCount(0)
        self.valuation.setText(text)
        self.sources.setText("")

    # -- showing ----------------------------------------------------------------------------------

    def show_report(self, r: ExposureReport) -> None:
        self.report = r
        labels = [engine_text(s.sector) for s in r.sectors]
        self.chart.set_rows(
            labels,
            {
                "current": np.array([s.before for s in r.sectors]),
                "target": np.array([s.target for s in r.sectors]),
                "after": np.array([s.after for s in r.sectors]),
            },
        )
        self.valuation.setText(self.valuation_text(r))
        _fill(
            self.overlap,
            [
                [
                    f"{o.fund_a} – {o.fund_b}",
                    fmt.pct(o.overlap),
                    str(o.shared),
                    self.tr("same index ({i}): nearly the same companies").format(i=o.same_index)
                    if o.same_index
                    else self.tr("at least: top holdings only")
                    if o.lower_bound
                    else self.tr("full holdings"),
                ]
                for o in r.overlaps
            ],
            {1, 2},
        )
        if not r.overlaps:
            self.overlap.setRowCount(1)
            self.overlap.setItem(0, 0, QTableWidgetItem(self.tr("No shared holdings listed")))
        _fill(
            self.companies,
            [
                [f"{c.symbol} {c.name}", fmt.pct(c.before, 2), fmt.pct(c.after, 2), ", ".join(c.funds)]
                for c in r.companies
            ],
            {1, 2},
        )
        _fill(
            self.funds,
            [
                [
                    f.ticker,
                    (
                        f"{fmt.number(f.pe, 1)} ({_pe_method(f.pe_method)})"
                        if f.pe is not None
                        else self.tr("not available")
                    ),
                    fmt.pct(f.expense_ratio, 2) if f.expense_ratio is not None else self.tr("not available"),
                    engine_phrase(f.provenance),
                ]
                for f in r.funds
            ]
            + [
                [t, self.tr("not available"), self.tr("not available"), self.tr("no fund data")]
                for t in r.no_data
            ],
            {1, 2},
        )
        short = [s for s in r.sources if s in {f.provenance for f in r.funds}]
        lines = [self.tr("Data: {s}").format(s="; ".join(engine_phrase(s) for s in short) or self.tr("none"))]
        notes = [engine_phrase(n) for n in r.notes]
        lines += notes
        self.sources.setText("\n".join(lines))
        self.sources.setToolTip("\n\n".join([*(engine_phrase(s) for s in r.sources), *notes]))

    def valuation_text(self, r: ExposureReport) -> str:
        def pe(v: Valuation) -> str:
            return fmt.number(v.pe, 1) if v.pe is not None else self.tr("n/a")

        def pb(v: Valuation) -> str:
            return fmt.number(v.pb, 2) if v.pb is not None else self.tr("n/a")

        text = self.tr("P/E (weighted harmonic) {b} → target {t} → after {a}").format(
            b=pe(r.valuation_before), t=pe(r.valuation_target), a=pe(r.valuation_after)
        )
        if r.benchmark is not None and r.benchmark.pe is not None:
            text += self.tr(" · {name} {pe}").format(name=r.benchmark_name, pe=fmt.number(r.benchmark.pe, 1))
        text += self.tr(" · P/B {b} → {a}").format(b=pb(r.valuation_before), a=pb(r.valuation_after))
        return text

    def retheme(self) -> None:
        self.chart.retheme()

    def readout(self) -> dict[str, Any]:
        """What is shown, for tests: sector labels and the valuation line."""
        return {"labels": list(self.chart.labels), "valuation": self.valuation.text()}
