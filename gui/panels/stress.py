"""The Stress tab: the current, target and proposed portfolios through past crises (hypothetical).

Runs in the background when asked (and again after a new result while the tab is shown); a window of
the user's own is added with two dates. Selecting a window shows its loss per sleeve.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.backtest.stress_report import StressReport
from engine.risk.stress import HYPOTHETICAL, Window, WindowResult
from gui import fmt, theme
from gui.backtest_calls import BacktestCalls
from gui.engine_calls import Outcome, Problem
from gui.engine_texts import engine_phrase, engine_text
from gui.runner import JobContext, RunControls, wire_runner
from gui.workspace import Workspace

LABELS = ("current", "target", "proposed")


class StressPanel(RunControls, QWidget):
    def __init__(
        self, workspace: Workspace, calls: BacktestCalls | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.ws = workspace
        self.calls = calls or BacktestCalls()
        self.report: StressReport | None = None
        self.user_windows: list[Window] = []
        self.rates_file: str | None = None
        self._job = 0
        self._stale = True
        self._busy = False  # a run is going: a new request waits for it (a slider drag never queues runs)
        self._pending = False
        self.runner = wire_runner(self)
        self._init_widgets()
        workspace.outcomeChanged.connect(self._on_outcome)

    def _init_widgets(self) -> None:
        self.hypothetical = theme.mute(QLabel(engine_text(HYPOTHETICAL)))
        self.hypothetical.setWordWrap(True)
        self.run_button = QPushButton(self.tr("Run stress test"))
        self.run_button.clicked.connect(self.run)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Your window"))
        self.start = QDateEdit(QDate(2011, 7, 22))
        self.end = QDateEdit(QDate(2011, 10, 3))
        for d in (self.start, self.end):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        self.add_button = QPushButton(self.tr("Add window"))
        self.add_button.clicked.connect(self.add_window)
        name_row = (
            QHBoxLayout()
        )  # the window's name on its own row: beside the dates it was squeezed unreadable
        name_row.addWidget(self.name, 1)
        controls = QHBoxLayout()
        controls.addWidget(self.start)
        controls.addWidget(QLabel("→"))
        controls.addWidget(self.end)
        controls.addWidget(self.add_button)
        controls.addStretch(1)
        run_row = QHBoxLayout()  # its own row, so the tab fits a 1280-pixel window in any language
        run_row.addStretch(1)
        run_row.addWidget(self.run_button)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        run_row.addWidget(self.cancel_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        self.status = theme.mute(QLabel(self.tr("Replays today's weights through past crises.")))
        self.status.setWordWrap(True)
        self.windows = QTableWidget(0, 5)
        self.windows.setHorizontalHeaderLabels(
            [self.tr("Window"), self.tr("Current"), self.tr("Target"), self.tr("Proposed"), self.tr("Notes")]
        )
        self.windows.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.windows.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.windows.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.windows.horizontalHeader().setStretchLastSection(True)
        self.windows.verticalHeader().setVisible(False)
        self.windows.itemSelectionChanged.connect(self._show_sleeves)
        self.sleeves = QTableWidget(0, 4)
        self.sleeves.setHorizontalHeaderLabels(
            [self.tr("Sleeve"), self.tr("Current"), self.tr("Target"), self.tr("Proposed")]
        )
        self.sleeves.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.sleeves.horizontalHeader().setStretchLastSection(True)
        self.sleeves.verticalHeader().setVisible(False)
        self.rates = QLabel()
        self.rates.setWordWrap(True)
        self.rates_button = QPushButton(self.tr("Rate series…"))
        self.rates_button.setToolTip(
            self.tr(
                "A CSV of dates and interest rates in percent (e.g. FRED's DGS10) to compare the portfolio with"
            )
        )
        self.rates_button.clicked.connect(self._choose_rates)
        rates_row = QHBoxLayout()
        rates_row.addWidget(self.rates, 1)
        rates_row.addWidget(self.rates_button, 0, Qt.AlignmentFlag.AlignTop)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.windows)
        split.addWidget(self.sleeves)
        split.setSizes([260, 200])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.hypothetical)
        lay.addLayout(name_row)
        lay.addLayout(controls)
        lay.addLayout(run_row)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(split, 1)
        lay.addLayout(rates_row)

    # -- running ---------------------------------------------------------------------------------------

    def add_window(self) -> None:
        a, b = self.start.date().toPython(), self.end.date().toPython()
        assert isinstance(a, date) and isinstance(b, date)
        if b <= a:
            self.status.setText(self.tr("The window ends before it starts: put the earlier date first."))
            return
        name = self.name.text().strip() or f"{a:%Y-%m-%d} .. {b:%Y-%m-%d}"
        self.user_windows.append(Window(name, a, b, user=True))
        self.run()

    def run(self) -> None:
        sc, market, out = self.ws.scenario, self.ws.market, self.ws.outcome
        if sc is None or market is None or out is None or out.result is None:
            self.status.setText(self.tr("A stress test needs a scenario with a result: open one first."))
            return
        if self._busy:
            self._pending = True
            return
        result, calls, extra, rates = out.result, self.calls, tuple(self.user_windows), self.rates_file

        def job(ctx: JobContext) -> object:
            return calls.stress(sc, market, result, extra, rates, progress=ctx.progress, cancel=ctx.cancelled)

        self._job = self.runner.submit("stress", job)
        self._busy = True
        self._stale = False
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Replaying…"))

    def cancel(self) -> None:
        """Stop the run going (its answer is dropped) and any run asked for meanwhile."""
        self._pending = False
        self.runner.cancel("stress")
        self.status.setText(self.tr("Stress test cancelled."))
        self._idle()

    def _dropped(self, kind: str, gen: int) -> None:
        """A cancelled run ended: start one asked for since, if any."""
        if not self._next() and gen == self._job:
            self._idle()

    def _choose_rates(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Rate series"), "", self.tr("CSV files (*.csv *.txt);;All files (*)")
        )
        if path:
            self.set_rates_file(path)

    def set_rates_file(self, path: str | None) -> None:
        """Use a rate series from ``path`` (read on the worker; a bad file is said in the status line)."""
        self.rates_file = path
        self.run()

    def shutdown(self) -> None:
        self.runner.shutdown()

    def _on_outcome(self, outcome: Outcome) -> None:
        self._stale = True
        if self.isVisible() and outcome.result is not None:
            self.run()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale and self.ws.outcome is not None and self.ws.outcome.result is not None:
            self.run()

    def _next(self) -> bool:
        """The run ended: start the one asked for meanwhile, if any (True when one started)."""
        self._busy = False
        if self._pending:
            self._pending = False
            self.run()
            return True
        return False

    def _failed(self, kind: str, gen: int, exc: object) -> None:
        if self._next():
            return
        if gen == self._job:
            self._idle()
            self.status.setText(self.tr("The stress test failed: {e}").format(e=engine_phrase(str(exc))))

    def _finished(self, kind: str, gen: int, value: object) -> None:
        if self._next() or gen != self._job:
            return
        self._idle()
        if isinstance(value, Problem):
            self.status.setText(engine_phrase(value.message))
            return
        if not isinstance(value, StressReport):
            return
        self.report = value
        text = self.tr("Portfolio value {v} on {src}.").format(
            v=fmt.money(value.total_value), src=engine_phrase(value.price_source)
        )
        self.status.setText(" ".join([text, *(engine_phrase(n) for n in value.notes)]))
        self._fill(value)
        self.rates.setText(
            "<b>"
            + self.tr("Interest rates")
            + "</b>: "
            + " ".join(engine_text(s.message) for s in value.rates)
        )

    # -- showing ---------------------------------------------------------------------------------------

    @staticmethod
    def _cell(text: str, tip: str = "", right: bool = True) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        if right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if tip:
            item.setToolTip(tip)
        return item

    def _fill(self, r: StressReport) -> None:
        t = self.windows
        t.setRowCount(len(r.windows))
        for i, w in enumerate(r.windows):
            win = w.window
            name = win.name if win.user else engine_text(win.name)
            label = f"{name} ({win.start:%Y-%m-%d} .. {win.end:%Y-%m-%d})"
            label += self.tr(" (yours)") if win.user else ""
            t.setItem(i, 0, self._cell(label, right=False))
            by = {loss.label: loss for loss in w.losses}
            for j, name in enumerate(LABELS, start=1):
                loss = by.get(name)
                if loss is None:
                    t.setItem(i, j, self._cell("—"))
                    continue
                tip = self.tr("Lowest point {p} on {d}").format(
                    p=fmt.pct(loss.trough_pct), d=loss.trough_day.isoformat()
                )
                t.setItem(i, j, self._cell(f"{fmt.pct(loss.change_pct)} ({fmt.money(loss.change)})", tip))
            t.setItem(i, 4, self._cell(w.note, w.note, right=False))
        t.resizeColumnsToContents()
        if r.windows:
            t.selectRow(0)
        self._show_sleeves()

    def _selected(self) -> WindowResult | None:
        rows = self.windows.selectionModel().selectedRows() if self.windows.selectionModel() else []
        if self.report is None or not rows:
            return None
        return self.report.windows[rows[0].row()]

    def _show_sleeves(self) -> None:
        w = self._selected()
        t = self.sleeves
        t.setRowCount(0)
        if w is None:
            return
        names = list(dict.fromkeys(s.sleeve for loss in w.losses for s in loss.sleeves))
        t.setRowCount(len(names))
        by = {loss.label: {s.sleeve: s for s in loss.sleeves} for loss in w.losses}
        for i, name in enumerate(names):
            t.setItem(i, 0, self._cell(name, right=False))
            for j, label in enumerate(LABELS, start=1):
                s = by.get(label, {}).get(name)
                text = f"{fmt.pct(s.change_pct)} ({fmt.money(s.change)})" if s is not None else "—"
                t.setItem(i, j, self._cell(text))
        t.resizeColumnsToContents()


def add_history_tabs(tabs: object, workspace: Workspace) -> tuple[QWidget, QWidget]:
    """Add the Backtest and Stress tabs to a tab widget (the charts area)."""
    from PySide6.QtWidgets import QTabWidget

    from gui.panels.backtest import BacktestPanel

    assert isinstance(tabs, QTabWidget)
    backtest, stress = BacktestPanel(workspace), StressPanel(workspace)
    tabs.addTab(backtest, QCoreApplication.translate("HistoryTabs", "Backtest"))
    tabs.addTab(stress, QCoreApplication.translate("HistoryTabs", "Stress"))
    return backtest, stress
