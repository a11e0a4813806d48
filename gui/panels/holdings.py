"""Holdings: the editable table (ticker, shares, price, value, weight, target, drift by band), cash,
add/remove rows and import from CSV with a preview.

A household scenario shows its holdings as the household tree instead (gui.panels.household_editor:
account → position → lots, kind and cash per account, accounts added and removed), and Import CSV… asks
which account the file replaces (or hands over to the broker-statement import, which fills every account).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engine.errors import ScenarioError
from engine.model import household_edit as he
from engine.model.household import household_of
from engine.model.scenario import Scenario
from gui import edits, templates, theme, tree_edits
from gui.engine_calls import Outcome
from gui.engine_texts import engine_phrase
from gui.holdings_csv import HoldingsCsvError, parse_file, valid_ticker
from gui.panels.household_editor import HouseholdEditor
from gui.panels.problems import ProblemLabel
from gui.tablemodels import HoldingsColumn, HoldingsModel
from gui.target_editor import NewNodeDialog
from gui.workspace import Workspace


class HoldingsPanel(QGroupBox):
    importRequested = Signal()  # a flat scenario's CSV import (the main window's)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Holdings"))
        self.ws = workspace
        self.model = HoldingsModel(on_edit=lambda sc: workspace.edit(sc), parent=self)
        self.table = QTableView()
        theme.visible_checkboxes(self.table)
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)  # spare width goes to the last column, never taken from a ticker
        # sized to contents when the rows change, not on every update (that measures every cell)
        self._fitted_with_result = False

        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setToolTip(self.tr("Add a holding by its ticker symbol"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected holding"))
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.setToolTip(self.tr("Replace holdings from a CSV file: ticker, shares[, price]"))
        self.cash = QDoubleSpinBox()
        self.cash.setRange(0.0, 1e11)
        self.cash.setDecimals(2)
        self.cash.setPrefix("$ ")
        self.cash.setSingleStep(100.0)
        self.cash.setKeyboardTracking(False)
        self.cash.setMinimumWidth(130)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        bar.addWidget(self.import_button)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Cash")))
        bar.addWidget(self.cash)
        self.problem = ProblemLabel("holdings")
        # a household: its tree in place of the table; Import CSV… sits in the tree's button row
        self.household = HouseholdEditor(workspace, households_only=True)
        self.household_import = QPushButton(self.tr("Import CSV…"))
        self.household_import.setToolTip(
            self.tr(
                "Replace one account's holdings from a CSV file (ticker, shares[, price]), or import a broker statement"
            )
        )
        self.household_import.setMinimumWidth(48)
        self.household.bar.addWidget(self.household_import)
        flat = QWidget()
        flat_lay = QVBoxLayout(flat)
        flat_lay.setContentsMargins(0, 0, 0, 0)
        flat_lay.addLayout(bar)
        flat_lay.addWidget(self.table, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(flat)
        self.pages.addWidget(self.household)
        lay = QVBoxLayout(self)
        lay.addWidget(self.pages, 1)
        lay.addWidget(self.problem)

        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.import_button.clicked.connect(self.importRequested)
        self.household_import.clicked.connect(self.import_into_account)
        self.cash.valueChanged.connect(self._cash_changed)
        workspace.scenarioChanged.connect(self._on_scenario)
        workspace.outcomeChanged.connect(self._on_outcome)
        workspace.marketChanged.connect(lambda _m: self._refresh())

    def wanted_height(self, max_rows: int = 8) -> int:
        """The height that shows every holding (up to ``max_rows``) without empty rows below them."""
        if self.pages.currentIndex() == 1:  # the household tree: its accounts and positions
            tree = self.household.tree
            n = tree.topLevelItemCount()
            items = n
            for i in range(n):
                top = tree.topLevelItem(i)
                items += top.childCount() if top is not None else 0
            row = max(tree.sizeHintForRow(0), 24) if n else 24
            bar = self.household.add_button.sizeHint().height()
            return min(items, 5) * row + tree.header().sizeHint().height() + bar + 40  # trades need room
        rows = min(self.model.rowCount(), max_rows)
        t = self.table
        needed = t.horizontalHeader().sizeHint().height() + rows * t.verticalHeader().defaultSectionSize()
        needed += 2 * t.frameWidth() + t.horizontalScrollBar().sizeHint().height()
        return self.sizeHint().height() - t.sizeHint().height() + needed

    def _prices(self) -> dict[str, float]:
        return dict(self.ws.market.prices) if self.ws.market is not None else {}

    def _refresh(self) -> None:
        self.model.set_state(self.ws.scenario, self.ws.result, self._prices())

    def _on_scenario(self, sc: Scenario) -> None:
        is_household = sc.household is not None
        if self.pages.currentIndex() != int(is_household):
            self.pages.setCurrentIndex(int(is_household))
            self.setTitle(self.tr("Holdings by account") if is_household else self.tr("Holdings"))
        shown = self.model.scenario
        if shown is None or shown.universe != sc.universe:
            self._fitted_with_result = False
        if self.cash.value() != sc.portfolio.cash:
            self.cash.blockSignals(True)
            self.cash.setValue(sc.portfolio.cash)
            self.cash.blockSignals(False)
        if (
            shown is None
            or shown.portfolio != sc.portfolio
            or shown.constraints != sc.constraints
            or shown.universe != sc.universe
        ):
            self._refresh()  # a target-only edit (slider drag) waits for its result instead

    def _on_outcome(self, outcome: Outcome) -> None:
        self._refresh()
        if outcome.result is not None and not self._fitted_with_result:
            self._fitted_with_result = True
            self._fit_columns()

    def _fit_columns(self) -> None:
        for col in HoldingsColumn:
            self.table.resizeColumnToContents(col)

    def _cash_changed(self, value: float) -> None:
        if self.ws.scenario is not None:
            self.ws.edit(edits.set_cash(self.ws.scenario, float(value)))

    def _add(self) -> None:
        if self.ws.scenario is None:
            return
        dialog = NewNodeDialog(self, with_sleeve=False)
        dialog.setWindowTitle(self.tr("Add holding"))
        if dialog.exec() != NewNodeDialog.DialogCode.Accepted:
            return
        self.add_holding(dialog.ticker.text())

    def add_holding(self, text: str) -> bool:
        """Add ``text`` as a holding; a ticker not in the targets asks whether to add it to a sleeve or sell
        it. True when something was added."""
        sc = self.ws.scenario
        if sc is None:
            return False
        ticker = text.split(" — ")[0].strip().upper()
        if not ticker:
            return False
        if not valid_ticker(ticker):
            self.problem.show_problem(
                self.tr("{text} is not a ticker symbol: use letters, digits, '.' or '-'").format(text=text)
            )
            return False
        if ticker in sc.portfolio.tickers:
            self.problem.show_problem(
                self.tr("{ticker} is already in the table: edit its shares instead").format(ticker=ticker)
            )
            return False
        self.problem.clear_problem()
        new = edits.add_holding(sc, ticker)
        if ticker not in sc.targets.tickers:
            sleeve = self.ask_sleeve_for(ticker, [s.name for s in sc.targets.sleeves])
            if sleeve is None:
                return False
            if sleeve:  # "" = sell it: no target, so the rebalance sells it
                new = replace(new, targets=tree_edits.add_ticker(new.targets, sleeve, ticker))
        self.ws.edit(new)
        return True

    def ask_sleeve_for(self, ticker: str, sleeves: list[str]) -> str | None:
        """The sleeve an untargeted holding joins, "" to sell it, None to cancel."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Not in your targets"))
        name = templates.etf_name(ticker)
        box.setText(
            self.tr("{ticker} is not in your targets. Add it to a sleeve, or sell it?").format(
                ticker=f"{ticker} ({name})" if name else ticker
            )
        )
        box.setInformativeText(
            self.tr("A holding without a target is sold by the rebalance (unless you mark it No sell).")
        )
        add = box.addButton(self.tr("Add to a sleeve…"), QMessageBox.ButtonRole.AcceptRole)
        sell = box.addButton(self.tr("Sell it"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is sell:
            return ""
        if box.clickedButton() is not add:
            return None
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("Add to a sleeve"),
            self.tr("Sleeve for {ticker}:").format(ticker=ticker),
            sleeves,
            0,
            False,
        )
        return str(choice) if ok else None

    def selected_ticker(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.ticker_at(rows[0].row()) if rows else None

    def _remove(self) -> None:
        ticker = self.selected_ticker()
        if ticker is not None and self.ws.scenario is not None:
            self.ws.edit(edits.remove_holding(self.ws.scenario, ticker))

    # ------------------------------------------------------------------------------- household import
    def import_into_account(self) -> None:
        """Ask which account the CSV replaces (the selected one first), or hand over to the statement
        import; then the file, a preview, and the edit. A bad file changes nothing."""
        sc = self.ws.scenario
        if sc is None:
            return
        accounts = household_of(sc).accounts
        statement = self.tr("Every account, from a broker statement…")
        names = [a.name for a in accounts]
        chosen = self.household.selected_account()
        first = next((i for i, a in enumerate(accounts) if a.id == chosen), 0)
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("Import holdings"),
            self.tr("The CSV replaces the holdings of:"),
            [*names, statement],
            first,
            False,
        )
        if not ok:
            return
        if choice == statement:  # the main window's File → Import Statement… (gui.import_dialog)
            importer = getattr(self.window(), "statement_import", None)
            if importer is not None:
                importer.choose_file()
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import holdings"), str(Path.home()), "CSV (*.csv *.txt);;All files (*)"
        )
        if path:
            self.import_file_into(accounts[names.index(str(choice))].id, path)

    def import_file_into(self, account_id: str, path: str | Path, *, preview: bool = True) -> bool:
        """Replace ``account_id``'s positions with the CSV's (lots kept where the shares are unchanged)."""
        from gui.dialogs import ImportPreview

        sc = self.ws.scenario
        if sc is None:
            return False
        name = Path(path).name
        try:
            parsed = parse_file(path)
            new = he.replace_account_positions(sc, account_id, parsed.holdings)
        except (HoldingsCsvError, ScenarioError) as exc:
            msg = self.tr("Holdings not imported from {name}: {msg}. Nothing was changed.")
            self.problem.show_problem(msg.format(name=name, msg=engine_phrase(str(exc))))
            return False
        if preview:
            dialog = ImportPreview(parsed.holdings, name, self)
            if dialog.exec() != ImportPreview.DialogCode.Accepted:
                return False
        self.problem.clear_problem()
        self.ws.edit(new)
        return True
