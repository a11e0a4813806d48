"""File → Import Statement… and drag-and-drop: read a broker statement off the UI thread, show what it
holds and what would change, and replace the holdings only when the user confirms. An unknown CSV opens
the column mapping dialog. A file that cannot be read changes nothing and says which line and why."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.errors import CoresatError
from engine.imports.apply import ChangeSummary, apply_to_scenario
from engine.imports.detect import MAX_BYTES, read_bytes
from engine.imports.plain_csv import CsvMapping
from engine.imports.statement import NeedsMapping, Statement
from engine.imports.textnum import decode
from engine.io.safe_open import read_user_file
from engine.model.scenario import Scenario
from gui import fmt
from gui.csv_mapping_dialog import CsvMappingDialog
from gui.runner import JobContext
from gui.workspace import Workspace

KIND = "statement"
FILTER = "Statements (*.csv *.txt *.ofx *.qfx *.xml);;All files (*)"
MISMATCH = QColor(200, 40, 40)


def _t(text: str) -> str:
    return QCoreApplication.translate("StatementImport", text)


@dataclass(frozen=True)
class _Read:
    """What the worker hands back: a statement, or the text of a CSV that needs a mapping."""

    source: str
    statement: Statement | None = None
    text: str = ""
    base: Scenario | None = None  # the scenario the change summary was computed against
    applied: tuple[Scenario, ChangeSummary] | None = None


def _read_job(path: str, mapping: CsvMapping | None, base: Scenario | None) -> _Read:
    data = read_user_file(path, MAX_BYTES, "statement")
    source = Path(path).name
    try:
        st = read_bytes(data, source=source, mapping=mapping)
    except NeedsMapping:
        return _Read(source, text=decode(data, source=source).lstrip("\ufeff"))
    return _Read(source, statement=st, base=base, applied=apply_to_scenario(st, base) if base else None)


class StatementPreview(QDialog):
    """The statement by account, its reconciliation, and what would change; Replace applies it."""

    def __init__(
        self, statement: Statement, scenario: Scenario, summary: ChangeSummary, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.statement, self.scenario, self.summary = statement, scenario, summary
        self.setWindowTitle(_t("Import statement"))
        lay = QVBoxLayout(self)
        head = _t("{src}: {layout}").format(src=statement.source or _t("statement"), layout=statement.layout)
        if statement.statement_date:
            head += _t(", as of {date}").format(date=statement.statement_date.isoformat())
        lay.addWidget(QLabel(head))
        self.tree = QTreeWidget()
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels([_t("Symbol"), _t("Quantity"), _t("Price"), _t("Market value"), _t("Type")])
        self.mismatches = 0
        for acct in statement.accounts:
            label = acct.label + (f" ({acct.broker})" if acct.broker else "")
            top = QTreeWidgetItem([label, "", "", fmt.money(acct.reconciliation.computed, 2), acct.kind])
            self.tree.addTopLevelItem(top)
            for p in acct.positions:
                kind = (
                    _t("ETF/stock")
                    if p.rebalanced
                    else _t("held, not rebalanced ({what})").format(
                        what=p.asset_type.value.replace("_", " ") if p.currency == "USD" else p.currency
                    )
                )
                item = QTreeWidgetItem(
                    [
                        p.symbol,
                        fmt.shares(p.quantity),
                        fmt.money(p.price, 2) if p.price is not None else "—",
                        fmt.money(p.market_value, 2),
                        kind + (_t(", {n} lots").format(n=len(p.lots)) if p.lots else ""),
                    ]
                )
                if not p.rebalanced:
                    for c in range(5):
                        item.setForeground(c, QBrush(QColor(128, 128, 128)))
                top.addChild(item)
            top.addChild(
                QTreeWidgetItem([_t("cash"), "", "", fmt.money(acct.cash, 2), _t("cash and sweep funds")])
            )
            rec = QTreeWidgetItem([acct.reconciliation.describe()])
            rec.setFirstColumnSpanned(True)
            if acct.reconciliation.ok is False:
                self.mismatches += 1
                rec.setForeground(0, QBrush(MISMATCH))
            top.addChild(rec)
            top.setExpanded(True)
        for c in range(5):
            self.tree.resizeColumnToContents(c)
        lay.addWidget(self.tree, 3)
        lay.addWidget(QLabel(_t("What changes in the scenario:")))
        self.changes = QPlainTextEdit("\n".join([*summary.lines(), *self._notes()]))
        self.changes.setReadOnly(True)
        lay.addWidget(self.changes, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.replace_button = buttons.addButton(
            _t("Replace holdings"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(860, 620)

    def _notes(self) -> list[str]:
        return [f"{a.label}: {n}" for a in self.statement.accounts for n in a.notes] + list(
            self.statement.notes
        )


class StatementImport(QObject):
    """Owns the Import Statement action, the drop target and the dialogs of one main window."""

    def __init__(self, window: QMainWindow, workspace: Workspace, menu: QMenu) -> None:
        super().__init__(window)
        self.window, self.ws = window, workspace
        self.action = QAction(_t("Import &Statement…"), window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.action.setStatusTip(
            _t("Read positions and cash from a broker statement (CSV, OFX/QFX, Flex XML)")
        )
        self.action.triggered.connect(self.choose_file)
        menu.addAction(self.action)
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        self.workspace_runner = workspace.runner
        self.workspace_runner.finished.connect(self._on_finished)
        self.workspace_runner.failed.connect(self._on_failed)
        self._job: int | None = None
        self._path = ""
        self.dialog: QDialog | None = None  # the open preview or mapping dialog (tests reach it here)
        self.problem = ""  # the last problem shown, one line

    # -- entry points ---------------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, _t("Import statement"), str(Path.home()), FILTER)
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path, mapping: CsvMapping | None = None) -> int:
        """Read ``path`` in the background; the preview opens when it is read."""
        self._path = str(path)
        self.problem = ""
        p, m, base = str(path), mapping, self.ws.scenario

        def job(_ctx: JobContext) -> _Read:
            return _read_job(p, m, base)

        self._job = self.workspace_runner.submit(KIND, job)
        self.window.statusBar().showMessage(_t("Reading {name}…").format(name=Path(path).name))
        return self._job

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DragEnter and isinstance(event, QDragEnterEvent):
            if _local_file(event) is not None:
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            path = _local_file(event)
            if path is not None:
                event.acceptProposedAction()
                self.open_path(path)
                return True
        return super().eventFilter(watched, event)

    # -- answers from the worker ----------------------------------------------------------------

    def _on_finished(self, kind: str, gen: int, value: object) -> None:
        if kind != KIND or gen != self._job or not isinstance(value, _Read):
            return
        self._job = None
        self.window.statusBar().clearMessage()
        if value.statement is None:
            self._ask_mapping(value)
            return
        if self.ws.scenario is None:
            return
        if value.applied is not None and value.base is self.ws.scenario:
            new, summary = value.applied
        else:  # the scenario was edited while the file was read
            new, summary = apply_to_scenario(value.statement, self.ws.scenario)
        dialog = StatementPreview(value.statement, new, summary, self.window)
        dialog.accepted.connect(lambda: self._apply(dialog))
        self._show(dialog)

    def _on_failed(self, kind: str, gen: int, exc: object) -> None:
        if kind != KIND or gen != self._job:
            return
        self._job = None
        self.window.statusBar().clearMessage()
        text = str(exc) if isinstance(exc, CoresatError) else _t("unexpected error: {err}").format(err=exc)
        self.problem = _t("Statement not imported: {msg}. Nothing was changed.").format(msg=text)
        box = QMessageBox(QMessageBox.Icon.Warning, _t("Import statement"), self.problem, parent=self.window)
        self._show(box)

    def _ask_mapping(self, read: _Read) -> None:
        dialog = CsvMappingDialog(read.text, read.source, self.window)
        path = self._path
        dialog.accepted.connect(lambda: self.open_path(path, dialog.mapping()))
        self._show(dialog)

    def _apply(self, dialog: StatementPreview) -> None:
        self.ws.edit(dialog.scenario)
        n = len(dialog.scenario.portfolio.holdings)
        self.window.statusBar().showMessage(
            _t("Imported {n} holdings from {src}").format(n=n, src=dialog.statement.source), 6000
        )

    def _show(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        """A closed dialog is deleted soon after; nobody may reach it through ``self.dialog``."""
        if self.dialog is dialog:
            self.dialog = None


def _local_file(event: QDragEnterEvent | QDropEvent) -> str | None:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
    return files[0] if len(files) == 1 and Path(files[0]).is_file() else None


def install(window: QMainWindow, workspace: Workspace, menu: QMenu) -> StatementImport:
    """Add File → Import Statement… and drag-and-drop of a statement file to ``window``."""
    return StatementImport(window, workspace, menu)
