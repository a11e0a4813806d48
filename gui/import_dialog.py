"""File → Import Statement… and drag-and-drop: read a broker statement off the UI thread, show per
account what it holds and what would change in which household account, and update the accounts only
when the user confirms (one undo step). A lots file adds lots to the positions held. An unknown CSV opens
the column mapping dialog. A file that cannot be read, or whose lots disagree with the held shares,
changes nothing and says which line and why."""

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
from engine.imports.changes import AccountChanges, HouseholdChanges
from engine.imports.detect import MAX_BYTES, read_bytes
from engine.imports.into_household import account_kind, apply_to_household
from engine.imports.plain_csv import CsvMapping
from engine.imports.statement import Account as StatementAccount
from engine.imports.statement import NeedsMapping, Statement
from engine.imports.textnum import decode
from engine.io.safe_open import read_user_file
from engine.model.scenario import Scenario
from gui import fmt
from gui.csv_mapping_dialog import CsvMappingDialog
from gui.import_texts import import_text, layout_text
from gui.message_texts import held_why, kind_label
from gui.runner import JobContext
from gui.workspace import Workspace

KIND = "statement"
FILTER = "Statements (*.csv *.txt *.ofx *.qfx *.xml);;All files (*)"
MISMATCH = QColor(200, 40, 40)


@dataclass(frozen=True)
class _Read:
    """What the worker hands back: a statement, or the text of a CSV that needs a mapping."""

    source: str
    statement: Statement | None = None
    text: str = ""
    base: Scenario | None = None  # the scenario the change summary was computed against
    applied: tuple[Scenario, HouseholdChanges] | None = None


def _read_job(path: str, mapping: CsvMapping | None, base: Scenario | None) -> _Read:
    data = read_user_file(path, MAX_BYTES, "statement")
    source = Path(path).name
    try:
        st = read_bytes(data, source=source, mapping=mapping)
    except NeedsMapping:
        return _Read(source, text=decode(data, source=source).lstrip("\ufeff"))
    return _Read(source, statement=st, base=base, applied=apply_to_household(st, base) if base else None)


def _target(summary: HouseholdChanges, index: int) -> AccountChanges | None:
    """The household account the statement's account number ``index`` goes into."""
    return next((a for a in summary.accounts if a.statement_index == index), None)


def _where(change: AccountChanges | None) -> str:
    if change is None:
        return ""
    # the household account's name and its kind in the user's language (an older summary: its label)
    name = f"{change.name} ({kind_label(change.kind)})" if change.kind else change.label
    if change.status == "new":
        return QCoreApplication.translate("StatementImport", "→ new account {name}").format(name=name)
    if change.status == "lots":
        return QCoreApplication.translate("StatementImport", "→ adds lots to {name}").format(name=name)
    return QCoreApplication.translate("StatementImport", "→ updates {name}").format(name=name)


def _kind_text(acct: StatementAccount) -> str:
    """The account kind the statement's words name (as a new household account gets it), in the user's
    language; empty when the statement names none."""
    if not (acct.kind or acct.name):
        return ""
    return kind_label(account_kind(f"{acct.kind} {acct.name}").value)


def _position_change(change: AccountChanges | None, symbol: str) -> str:
    """``+20 shares`` / ``-10 shares`` / ``unchanged`` for one ticker of the account it goes into."""
    if change is None or change.status == "lots":
        return ""
    for c in (*change.new, *change.bought, *change.sold):
        if c.ticker == symbol:
            return QCoreApplication.translate("StatementImport", "{sign}{n} shares").format(
                sign="+" if c.after > c.before else "", n=fmt.shares(c.after - c.before)
            )
    if symbol in change.unchanged:
        return QCoreApplication.translate("StatementImport", "unchanged")
    return ""


class StatementPreview(QDialog):
    """The statement by account, the household account each goes into, its reconciliation, and what
    would change; the accept button applies it."""

    COLUMNS = 6

    def __init__(
        self,
        statement: Statement,
        scenario: Scenario,
        summary: HouseholdChanges,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.statement, self.scenario, self.summary = statement, scenario, summary
        self.setWindowTitle(QCoreApplication.translate("StatementImport", "Import statement"))
        lay = QVBoxLayout(self)
        head = QCoreApplication.translate("StatementImport", "{src}: {layout}").format(
            src=statement.source or QCoreApplication.translate("StatementImport", "statement"),
            layout=layout_text(statement.layout),
        )
        if statement.statement_date:
            head += QCoreApplication.translate("StatementImport", ", as of {date}").format(
                date=statement.statement_date.isoformat()
            )
        lay.addWidget(QLabel(head))
        self.tree = QTreeWidget()
        self.tree.setColumnCount(self.COLUMNS)
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("StatementImport", "Symbol"),
                QCoreApplication.translate("StatementImport", "Quantity"),
                QCoreApplication.translate("StatementImport", "Price"),
                QCoreApplication.translate("StatementImport", "Market value"),
                QCoreApplication.translate("StatementImport", "Type"),
                QCoreApplication.translate("StatementImport", "Change"),
            ]
        )
        self.mismatches = 0
        for index, acct in enumerate(statement.accounts):
            label = acct.label + (f" ({acct.broker})" if acct.broker else "")
            change = _target(summary, index)
            top = QTreeWidgetItem(
                [label, "", "", fmt.money(acct.reconciliation.computed, 2), _kind_text(acct), _where(change)]
            )
            if acct.kind:  # the broker's own words, as the file says them
                said = QCoreApplication.translate("StatementImport", "The statement says: {words}")
                top.setToolTip(4, said.format(words=acct.kind))
            self.tree.addTopLevelItem(top)
            for p in acct.positions:
                kind = (
                    QCoreApplication.translate("StatementImport", "ETF/stock")
                    if p.rebalanced
                    else QCoreApplication.translate(
                        "StatementImport", "held, not rebalanced ({what})"
                    ).format(
                        what=held_why(p.asset_type.value.replace("_", " "))
                        if p.currency == "USD"
                        else p.currency
                    )
                )
                item = QTreeWidgetItem(
                    [
                        p.symbol,
                        fmt.shares(p.quantity),
                        fmt.money(p.price, 2) if p.price is not None else "—",
                        fmt.money(p.market_value, 2),
                        kind
                        + (
                            QCoreApplication.translate("StatementImport", ", {n} lots").format(n=len(p.lots))
                            if p.lots
                            else ""
                        ),
                        _position_change(change, p.symbol) if p.rebalanced else "",
                    ]
                )
                if not p.rebalanced:
                    for c in range(self.COLUMNS):
                        item.setForeground(c, QBrush(QColor(128, 128, 128)))
                top.addChild(item)
            for c in change.gone if change is not None else ():  # held before, not in the statement
                gone = QTreeWidgetItem([c.ticker, "0", "", "", "", ""])
                gone.setText(
                    5,
                    QCoreApplication.translate("StatementImport", "gone (was {n} shares)").format(
                        n=fmt.shares(c.before)
                    ),
                )
                top.addChild(gone)
            top.addChild(
                QTreeWidgetItem(
                    [
                        QCoreApplication.translate("StatementImport", "cash"),
                        "",
                        "",
                        fmt.money(acct.cash, 2),
                        QCoreApplication.translate("StatementImport", "cash and sweep funds"),
                        ""
                        if change is None or abs(change.cash_after - change.cash_before) <= 0.005
                        else f"{fmt.money(change.cash_before, 2)} → {fmt.money(change.cash_after, 2)}",
                    ]
                )
            )
            rec = QTreeWidgetItem([import_text(acct.reconciliation.describe())])
            rec.setFirstColumnSpanned(True)
            if acct.reconciliation.ok is False:
                self.mismatches += 1
                rec.setForeground(0, QBrush(MISMATCH))
            top.addChild(rec)
            top.setExpanded(True)
        for c in range(self.COLUMNS):
            self.tree.resizeColumnToContents(c)
        lay.addWidget(self.tree, 3)
        lay.addWidget(QLabel(QCoreApplication.translate("StatementImport", "What changes in the scenario:")))
        self.changes = QPlainTextEdit("\n".join(import_text(ln) for ln in [*summary.lines(), *self._notes()]))
        self.changes.setReadOnly(True)
        lay.addWidget(self.changes, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.replace_button = buttons.addButton(
            QCoreApplication.translate("StatementImport", "Add lots")
            if statement.lots_only
            else QCoreApplication.translate("StatementImport", "Update accounts"),
            QDialogButtonBox.ButtonRole.AcceptRole,
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

    def __init__(
        self, window: QMainWindow, workspace: Workspace, menu: QMenu, before: QAction | None = None
    ) -> None:
        super().__init__(window)
        self.window, self.ws = window, workspace
        self.action = QAction(QCoreApplication.translate("StatementImport", "Import &Statement…"), window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.action.setStatusTip(
            QCoreApplication.translate(
                "StatementImport", "Read positions and cash from a broker statement (CSV, OFX/QFX, Flex XML)"
            )
        )
        self.action.triggered.connect(self.choose_file)
        if before is not None:
            menu.insertAction(before, self.action)
        else:
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
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate("StatementImport", "Import statement"),
            str(Path.home()),
            FILTER,
        )
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
        self.window.statusBar().showMessage(
            QCoreApplication.translate("StatementImport", "Reading {name}…").format(name=Path(path).name)
        )
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
            try:
                new, summary = apply_to_household(value.statement, self.ws.scenario)
            except CoresatError as exc:
                self._problem(exc)
                return
        dialog = StatementPreview(value.statement, new, summary, self.window)
        dialog.accepted.connect(lambda: self._apply(dialog))
        self._show(dialog)

    def _on_failed(self, kind: str, gen: int, exc: object) -> None:
        if kind != KIND or gen != self._job:
            return
        self._job = None
        self.window.statusBar().clearMessage()
        self._problem(exc)

    def _problem(self, exc: object) -> None:
        """One line saying why nothing was imported, in a warning box."""
        text = (
            str(exc)
            if isinstance(exc, CoresatError)
            else QCoreApplication.translate("StatementImport", "unexpected error: {err}").format(err=exc)
        )
        self.problem = QCoreApplication.translate(
            "StatementImport", "Statement not imported: {msg}. Nothing was changed."
        ).format(msg=text)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("StatementImport", "Import statement"),
            self.problem,
            parent=self.window,
        )
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
            QCoreApplication.translate("StatementImport", "Imported {n} holdings from {src}").format(
                n=n, src=dialog.statement.source
            ),
            6000,
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


def install(
    window: QMainWindow, workspace: Workspace, menu: QMenu, *, before: QAction | None = None
) -> StatementImport:
    """Add File → Import Statement… (before ``before``, else last) and drag-and-drop of a statement file
    to ``window``."""
    return StatementImport(window, workspace, menu, before)
