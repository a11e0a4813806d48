"""The Book review window: open a client book, rebalance every household in the background (progress,
Cancel), watch results stream into the review table, approve / reject drafts, compare, export PDFs.

Every database call and solve runs on this window's own Runner (gui.runner), never on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engine.report.review import ReviewRow
from gui import settings
from gui.book import calls
from gui.book.review_model import Column, ReviewFilter, ReviewModel
from gui.engine_texts import engine_phrase
from gui.runner import JobContext, Runner

SCHEDULER_KEY = "book/scheduler"  # a Dask scheduler address for Rebalance All; empty: local processes
BOOK_FILTER = "Coresat client book (*.sqlite *.db);;All files (*)"
OPEN, RUN, DECIDE, PDF, COMPARE = "book-open", "book-run", "book-decide", "book-pdf", "book-compare"


class _Stream(QObject):
    """Lives on the UI thread; the batch worker emits rows through it (queued to the UI thread)."""

    rows = Signal(int, object)  # generation, list[ReviewRow]


class BookWindow(QMainWindow):
    opened = Signal(str)  # where
    runFinished = Signal(object)  # calls.RunDone, or None when cancelled
    decided = Signal(object)  # ReviewRow
    problem = Signal(str)  # a one-line message (also shown in a dialog unless quiet)

    def __init__(
        self, parent: QWidget | None = None, *, force_demo: Callable[[], bool] = lambda: False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Client book — Coresat"))
        self.url: str | None = None
        self.executor: Any = (
            None  # None: local worker processes (one per core); tests set Executor(workers=0)
        )
        self.force_demo = force_demo
        self.batch_size = 50  # households per task (engine.batch.plan)
        self.quiet = False  # tests: no modal dialogs, problems only as signals and in the status line
        self.runner = Runner(self)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.progress.connect(self._on_progress)
        self.runner.dropped.connect(self._on_dropped)
        self._stream = _Stream(self)
        self._stream.rows.connect(self._on_rows)
        self._run_gen = 0
        self._after: dict[int, Callable[[Any], None]] = {}
        self._init_ui()
        self._update_actions()
        self.resize(1280, 720)

    # -- construction ---------------------------------------------------------------------------

    def _init_ui(self) -> None:
        self.model = ReviewModel(self)
        self.proxy = ReviewFilter(self.model, self)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(int(Column.CLIENT), Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        head = self.table.horizontalHeader()
        head.setStretchLastSection(True)
        for col, width in ((Column.CLIENT, 170), (Column.HOUSEHOLD, 120), (Column.STATUS, 170)):
            head.resizeSection(col, width)
        for col in (Column.DRIFT, Column.TRADES, Column.COST, Column.VOL_BEFORE, Column.VOL_AFTER):
            head.resizeSection(col, 90)
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        self.where = QLabel(self.tr("No client book open"))
        self.open_button = QPushButton(self.tr("Open Book…"))
        self.open_button.clicked.connect(self.open_dialog)
        self.new_button = QPushButton(self.tr("New Book…"))
        self.new_button.clicked.connect(self.new_dialog)
        self.run_button = QPushButton(self.tr("Rebalance All"))
        self.run_button.setToolTip(
            self.tr("Rebalance every household against its model; results are stored as drafts")
        )
        self.run_button.clicked.connect(self.rebalance_all)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_run)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(True)
        self.progress.setFormat(self.tr("%p %"))
        self.progress.setMaximumWidth(260)
        top = QHBoxLayout()
        for w in (
            self.open_button,
            self.new_button,
            self.where,
            None,
            self.run_button,
            self.progress,
            self.cancel_button,
        ):
            if w is None:
                top.addStretch(1)
            else:
                top.addWidget(w)

        self.needs_action = QCheckBox(self.tr("Needs action only"))
        self.needs_action.toggled.connect(self._on_filter)
        self.counts = QLabel()
        self.approve_button = QPushButton(self.tr("Approve…"))
        self.approve_button.clicked.connect(lambda: self.decide_dialog(True))
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.reject_button.clicked.connect(lambda: self.decide_dialog(False))
        self.compare_button = QPushButton(self.tr("Compare…"))
        self.compare_button.setToolTip(self.tr("Compare the selected proposals side by side"))
        self.compare_button.clicked.connect(self.compare_selected)
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.clicked.connect(self.export_pdf_dialog)
        bottom = QHBoxLayout()
        bottom.addWidget(self.needs_action)
        bottom.addWidget(self.counts)
        bottom.addStretch(1)
        for w in (self.compare_button, self.pdf_button, self.approve_button, self.reject_button):
            bottom.addWidget(w)

        lay = QVBoxLayout()
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addLayout(bottom)
        central = QWidget()
        central.setLayout(lay)
        self.setCentralWidget(central)
        self.model.rowsInserted.connect(lambda *_: self._update_counts())
        self.model.dataChanged.connect(lambda *_: self._update_counts())
        self.model.modelReset.connect(self._update_counts)
        self._update_counts()

    # -- state ------------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._run_gen != 0

    def selected_rows(self) -> list[ReviewRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.proxy.row_at(r) for r in rows]

    def _update_actions(self) -> None:
        has_book, running = self.url is not None, self.running
        sel = self.selected_rows() if has_book else []
        drafts = [r for r in sel if r.status == "draft" and r.proposal_id is not None]
        self.run_button.setEnabled(has_book and not running)
        self.cancel_button.setEnabled(running)
        self.cancel_button.setVisible(running)
        self.progress.setVisible(running)
        self.open_button.setEnabled(not running)
        self.new_button.setEnabled(not running)
        self.approve_button.setEnabled(len(drafts) == 1 and drafts[0].result_status != "infeasible")
        self.reject_button.setEnabled(len(drafts) == 1)
        with_proposal = [r for r in sel if r.proposal_id is not None]
        self.compare_button.setEnabled(len(with_proposal) >= 2)
        self.pdf_button.setEnabled(len(with_proposal) == 1)

    def _update_counts(self) -> None:
        n, act = self.model.counts()
        self.counts.setText(self.tr("{n} households · {a} need action").format(n=n, a=act))

    def _on_filter(self, on: bool) -> None:
        self.proxy.set_needs_action_only(on)
        self._update_actions()

    def _say(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)
        self.problem.emit(message)
        if not self.quiet:
            QMessageBox.warning(self, self.tr("Client book"), message)

    # -- background calls -------------------------------------------------------------------------

    def _submit(self, kind: str, fn: Callable[[JobContext], Any], then: Callable[[Any], None]) -> int:
        gen = self.runner.submit(kind, fn)
        self._after[gen] = then
        return gen

    def _on_finished(self, kind: str, gen: int, value: object) -> None:
        then = self._after.pop(gen, None)
        if then is not None:
            then(value)

    def _on_failed(self, kind: str, gen: int, exc: object) -> None:
        self._after.pop(gen, None)
        if kind == RUN:
            self._run_gen = 0
            self._update_actions()
        self._say(
            engine_phrase(str(exc)) if not isinstance(exc, Exception) or str(exc) else type(exc).__name__
        )

    def _on_dropped(self, kind: str, gen: int) -> None:
        self._after.pop(gen, None)
        if kind == RUN and gen == self._run_gen:  # cancelled: what finished is in the table
            self._run_gen = 0
            n, _ = self.model.counts()
            self.statusBar().showMessage(self.tr("Cancelled; {n} results kept as drafts").format(n=n), 15000)
            self._update_actions()
            self.runFinished.emit(None)

    def _on_progress(self, kind: str, gen: int, message: str, fraction: float) -> None:
        if kind == RUN and gen == self._run_gen:
            self.progress.setValue(round(100 * fraction))
            self.progress.setFormat(message)

    # -- book -------------------------------------------------------------------------------------

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open client book"), str(Path.home()), BOOK_FILTER
        )
        if path:
            self.open_url(path, create=False)

    def new_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New client book"), str(Path.home() / "book.sqlite"), BOOK_FILTER
        )
        if path:
            if Path(path).exists():
                self._say(self.tr("{p} exists already; use Open Book… to open it").format(p=path))
                return
            self.open_url(path, create=True)

    def open_url(self, url: str, *, create: bool = False) -> int:
        def job(_ctx: JobContext) -> calls.Opened:
            return calls.open_book(url, create=create)

        return self._submit(OPEN, job, self._opened)

    def _opened(self, value: object) -> None:
        assert isinstance(value, calls.Opened)
        self.url = value.url
        self.model.clear()
        self.model.add_rows(value.rows)
        run = self.tr("last run {b}").format(b=value.batch_id) if value.batch_id else self.tr("no run yet")
        self.where.setText(
            self.tr("{where} · {n} households · {run}").format(where=value.where, n=value.households, run=run)
        )
        self.where.setToolTip(value.where)
        self._update_actions()
        self.opened.emit(value.where)

    # -- batch ------------------------------------------------------------------------------------

    def run_executor(self) -> Any:
        """The executor set on the window (tests), else a Dask cluster when the "book/scheduler" setting
        names one (Book → Dask Scheduler…), else None: local worker processes, one per core."""
        if self.executor is not None:
            return self.executor
        addr = str(settings.settings().value(SCHEDULER_KEY, "") or "").strip()
        if not addr:
            return None
        from engine.batch.run import Executor

        return Executor(scheduler=addr)

    def rebalance_all(self) -> int:
        if self.url is None or self.running:
            return 0
        url, executor, demo, stream, size = (
            self.url,
            self.run_executor(),
            self.force_demo(),
            self._stream,
            self.batch_size,
        )

        def job(ctx: JobContext) -> calls.RunDone:
            return calls.rebalance_all(
                url,
                lambda rows: stream.rows.emit(ctx.generation, rows),
                executor=executor,
                force_demo=demo,
                batch_size=size,
                progress=ctx.progress,
                cancelled=ctx.cancelled,
            )

        self.model.clear()
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("starting…"))
        self._run_gen = self._submit(RUN, job, self._run_done)
        self._update_actions()
        return self._run_gen

    def cancel_run(self) -> None:
        if self.running:
            self.runner.cancel(RUN)
            self.progress.setFormat(self.tr("cancelling…"))
            self.cancel_button.setEnabled(False)

    def _on_rows(self, gen: int, rows: object) -> None:
        if gen == self._run_gen and isinstance(rows, list):
            self.model.add_rows(rows)

    def _run_done(self, value: object) -> None:
        assert isinstance(value, calls.RunDone)
        self._run_gen = 0
        self._update_actions()
        msg = self.tr("Run {b}: {n} households, {p} drafts, {f} failed in {s} s on {ex}").format(
            b=value.batch_id,
            n=value.households,
            p=value.proposals,
            f=value.failed,
            s=f"{value.seconds:.1f}",
            ex=value.executor,
        )
        self.statusBar().showMessage(msg)
        self.where.setText(
            self.where.text().split(" · last run")[0].split(" · no run")[0]
            + " · "
            + self.tr("last run {b}").format(b=value.batch_id)
        )
        self.runFinished.emit(value)

    # -- decisions --------------------------------------------------------------------------------

    def decide_dialog(self, approve: bool) -> None:
        rows = self.selected_rows()
        if len(rows) != 1 or rows[0].proposal_id is None:
            return
        row = rows[0]
        title = self.tr("Approve proposal") if approve else self.tr("Reject proposal")
        label = (
            self.tr("Why is proposal {id} for {c} right for the client? (required)")
            if approve
            else self.tr("Why is proposal {id} for {c} rejected? (optional)")
        ).format(id=row.proposal_id, c=row.client)
        note, ok = QInputDialog.getMultiLineText(self, title, label)
        if ok:
            self.decide(row, approve, note)

    def decide(self, row: ReviewRow, approve: bool, note: str) -> int:
        if self.url is None or row.proposal_id is None:
            return 0
        if approve and not note.strip():
            self._say(self.tr("An approval needs a note: why the proposal is right for the client."))
            return 0
        url, pid, hid = self.url, row.proposal_id, row.household_id

        def job(_ctx: JobContext) -> ReviewRow:
            return calls.decide(url, pid, hid, approve, note)

        return self._submit(DECIDE, job, self._decided)

    def _decided(self, value: object) -> None:
        assert isinstance(value, ReviewRow)
        self.model.replace(value)
        self._update_actions()
        self.decided.emit(value)

    # -- compare and PDF --------------------------------------------------------------------------

    def compare_selected(self) -> None:
        ids = [r.proposal_id for r in self.selected_rows() if r.proposal_id is not None]
        if self.url is None or len(ids) < 2:
            return
        from gui.book.compare_dialog import CompareDialog

        dialog = CompareDialog(self, url=self.url, force_demo=self.force_demo)
        dialog.add_proposals(ids)
        dialog.show()
        self.compare_dialog = dialog

    def export_pdf_dialog(self) -> None:
        rows = [r for r in self.selected_rows() if r.proposal_id is not None]
        if len(rows) != 1:
            return
        pid = rows[0].proposal_id
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export proposal PDF"),
            str(Path.home() / f"proposal-{pid}.pdf"),
            self.tr("PDF, A4 (*.pdf);;PDF, Letter (*.pdf)"),
        )
        if path:
            self.export_pdf(int(pid or 0), path, "letter" if "Letter" in chosen else "a4")

    def export_pdf(self, proposal_id: int, path: str, page: str = "a4") -> int:
        if self.url is None:
            return 0
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        url = self.url

        def job(_ctx: JobContext) -> Path:
            from engine.book.store import Book
            from engine.report.proposal import load
            from gui.book.proposal_pdf import write_pdf

            book = Book.open(url, create=False)
            try:
                report = load(book, proposal_id)
            finally:
                book.close()
            return write_pdf(report, path, page)

        return self._submit(
            PDF, job, lambda p: self.statusBar().showMessage(self.tr("Saved {p}").format(p=p), 8000)
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.shutdown()
        event.accept()
