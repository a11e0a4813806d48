"""Holdings: the editable table (ticker, shares, price, value, weight, target, drift by band), cash,
add/remove rows and import from CSV with a preview."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engine.model.scenario import Scenario
from gui import edits
from gui.engine_calls import Outcome
from gui.holdings_csv import valid_ticker
from gui.panels.problems import ProblemLabel
from gui.tablemodels import HoldingsColumn, HoldingsModel
from gui.workspace import Workspace


class HoldingsPanel(QGroupBox):
    importRequested = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Holdings"))
        self.ws = workspace
        self.model = HoldingsModel(on_edit=lambda sc: workspace.edit(sc), parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(HoldingsColumn.TICKER, QHeaderView.ResizeMode.Stretch)
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
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.problem)

        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.import_button.clicked.connect(self.importRequested)
        self.cash.valueChanged.connect(self._cash_changed)
        workspace.scenarioChanged.connect(self._on_scenario)
        workspace.outcomeChanged.connect(self._on_outcome)
        workspace.marketChanged.connect(lambda _m: self._refresh())

    def _prices(self) -> dict[str, float]:
        return dict(self.ws.market.prices) if self.ws.market is not None else {}

    def _refresh(self) -> None:
        self.model.set_state(self.ws.scenario, self.ws.result, self._prices())

    def _on_scenario(self, sc: Scenario) -> None:
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
            if col is not HoldingsColumn.TICKER:
                self.table.resizeColumnToContents(col)

    def _cash_changed(self, value: float) -> None:
        if self.ws.scenario is not None:
            self.ws.edit(edits.set_cash(self.ws.scenario, float(value)))

    def _add(self) -> None:
        if self.ws.scenario is None:
            return
        text, ok = QInputDialog.getText(
            self, self.tr("Add holding"), self.tr("Ticker symbol (for example VBR):")
        )
        ticker = text.strip().upper()
        if not ok or not ticker:
            return
        if not valid_ticker(ticker):
            self.problem.show_problem(
                self.tr("{text} is not a ticker symbol: use letters, digits, '.' or '-'").format(text=text)
            )
            return
        if ticker in self.ws.scenario.portfolio.tickers:
            self.problem.show_problem(
                self.tr("{ticker} is already in the table: edit its shares instead").format(ticker=ticker)
            )
            return
        self.problem.clear_problem()
        self.ws.edit(edits.add_holding(self.ws.scenario, ticker))

    def selected_ticker(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.ticker_at(rows[0].row()) if rows else None

    def _remove(self) -> None:
        ticker = self.selected_ticker()
        if ticker is not None and self.ws.scenario is not None:
            self.ws.edit(edits.remove_holding(self.ws.scenario, ticker))
