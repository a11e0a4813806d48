"""The household's holdings as an editable tree: household → account → position → lots (expandable); each
account's kind and cash editable, accounts added and removed, positions added to an account and their shares
edited in place. Used by the Holdings panel (a household scenario) and the Accounts tab.

Receives the workspace (injected); edits go through engine.model.household_edit, so the widget holds no
finance.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.errors import ScenarioError
from engine.model import household_edit as he
from engine.model.household import Account, AccountKind, HeldOutside, household_of
from engine.model.scenario import Scenario
from gui.engine_texts import engine_phrase
from gui.message_texts import held_value, held_why, kind_label
from gui.panels.account_dialog import AccountDialog
from gui.panels.problems import ProblemLabel
from gui.workspace import Workspace

COLUMNS = (  # an account row: its name, kind and cash; a position row: ticker, shares, cost basis
    str(QT_TRANSLATE_NOOP("HouseholdTreePanel", "Account / position")),
    str(QT_TRANSLATE_NOOP("HouseholdTreePanel", "Kind")),
    str(QT_TRANSLATE_NOOP("HouseholdTreePanel", "Cash / shares")),
    str(QT_TRANSLATE_NOOP("HouseholdTreePanel", "Cost basis")),
)
CASH = SHARES = 2
NAME_MIN, NAME_MAX = 150, 260  # the first column's width, px


class HouseholdEditor(QWidget):
    """``bar``: the button row (the Holdings panel adds its Import button to it)."""

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, *, households_only: bool = False
    ) -> None:
        """``households_only``: follow only scenarios with a household (the Holdings panel, which shows the
        flat table otherwise); else a flat portfolio shows as one account (the Accounts tab)."""
        super().__init__(parent)
        self.ws = workspace
        self.households_only = households_only
        self.tree = QTreeWidget()
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([QCoreApplication.translate("HouseholdTreePanel", c) for c in COLUMNS])
        self.add_button = QPushButton(self.tr("Add account…"))
        self.remove_button = QPushButton(self.tr("Remove account"))
        self.remove_button.setToolTip(
            self.tr("Remove the selected account (a position: set its shares to 0)")
        )
        self.add_holding_button = QPushButton(self.tr("Add holding…"))
        self.add_holding_button.setToolTip(self.tr("Add a position to the selected account"))
        self.settings_button = QPushButton(self.tr("Account…"))
        self.settings_button.setToolTip(
            self.tr("The selected account's name, broker, cash buffer, cash flow and no-buy / no-sell lists")
        )
        self.problem = ProblemLabel("household")
        self.bar = QHBoxLayout()
        self.bar.addWidget(self.add_button)
        self.bar.addWidget(self.remove_button)
        self.bar.addWidget(self.add_holding_button)
        self.bar.addWidget(self.settings_button)
        self.bar.addStretch(1)
        for b in (self.add_button, self.remove_button, self.add_holding_button, self.settings_button):
            b.setMinimumWidth(48)  # a narrow window may squeeze them; they never widen its minimum
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(self.bar)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.problem)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.add_holding_button.clicked.connect(self._add_holding)
        self.settings_button.clicked.connect(lambda: self.edit_account())
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        workspace.scenarioChanged.connect(self._on_scenario)
        self._shown: Scenario | None = None

    def _on_scenario(self, sc: Scenario) -> None:
        if sc.household is not None or not self.households_only:
            self.show_scenario(sc)

    def selected_account(self) -> str | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return None if item is None else str(item.data(0, 0x0100))

    def show_scenario(self, sc: Scenario) -> None:
        if (
            self._shown is not None
            and sc.household == self._shown.household
            and sc.portfolio == self._shown.portfolio
        ):
            return
        self._shown = sc
        keep = self.selected_account()  # the account selected stays selected across the rebuild
        self.tree.clear()
        hh = household_of(sc)
        for acct in hh.accounts:
            title = acct.name + (f" — {acct.broker}" if acct.broker else "")
            top = QTreeWidgetItem([title, "", "", ""])
            top.setToolTip(0, f"{title} ({kind_label(acct.kind.value)})")
            top.setData(0, 0x0100, acct.id)  # Qt.UserRole
            self.tree.addTopLevelItem(top)
            for pos in acct.positions:
                basis = pos.cost_basis
                row = QTreeWidgetItem(
                    [
                        pos.ticker,
                        "",
                        "",
                        self.tr("basis unknown") if basis is None else f"{basis:,.2f}",
                    ]
                )
                top.addChild(row)
                self.tree.setItemWidget(
                    row, SHARES, self._shares_box(acct.id, pos.ticker, pos.shares, bool(pos.lots))
                )
                for lot in pos.lots:
                    when = lot.acquired.isoformat() if lot.acquired else self.tr("date unknown")
                    row.addChild(
                        QTreeWidgetItem([when, "", f"{lot.shares:,.4g}", f"{lot.basis:,.2f} / share"])
                    )
            for held in acct.held:
                top.addChild(self._held_row(held))
            kind = QComboBox()
            for k in AccountKind:
                kind.addItem(kind_label(k.value), k.value)
            kind.setCurrentIndex(list(AccountKind).index(acct.kind))
            kind.currentIndexChanged.connect(lambda i, aid=acct.id: self._kind(aid, list(AccountKind)[i]))
            cash = QDoubleSpinBox()
            cash.setRange(0.0, 1e11)
            cash.setDecimals(2)
            cash.setPrefix("$ ")
            cash.setKeyboardTracking(False)
            cash.setValue(acct.cash)
            cash.valueChanged.connect(lambda v, aid=acct.id: self._cash(aid, float(v)))
            self.tree.setItemWidget(top, 1, kind)
            self.tree.setItemWidget(top, CASH, cash)
            top.setExpanded(True)
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if keep is not None and item is not None and item.data(0, 0x0100) == keep:
                self.tree.setCurrentItem(item)
        widths = (self._name_width(hh.accounts), 118, 108, 96)  # the kind and cash editors need theirs
        for col, w in enumerate(widths):
            if self.tree.columnWidth(col) < w:
                self.tree.setColumnWidth(col, w)

    def _held_row(self, held: HeldOutside) -> QTreeWidgetItem:
        """A line held but not rebalanced: its symbol, value and why, greyed, not editable."""
        row = QTreeWidgetItem(
            [
                held.symbol,
                self.tr("not rebalanced"),
                held_value(held.value, held.currency),
                held_why(held.why),
            ]
        )
        tip = self.tr(
            "Held in this account but not rebalanced (a mutual fund, option, bond, short or non-USD line): "
            "listed with the market value of the last import, never traded, in no weight, limit or total. "
            "Import the account's statement again to update it."
        )
        grey = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        for c in range(len(COLUMNS)):
            row.setToolTip(c, tip)
            row.setForeground(c, grey)
        return row

    def _name_width(self, accounts: tuple[Account, ...]) -> int:
        """The first column fits the longest "name — broker" (at most NAME_MAX px: a longer one elides, its
        tooltip and the Account… dialog show it whole), and is never narrower than NAME_MIN."""
        fm = self.tree.fontMetrics()
        titles = [a.name + (f" — {a.broker}" if a.broker else "") for a in accounts]
        need = max((fm.horizontalAdvance(t) for t in titles), default=0) + self.tree.indentation() + 16
        return max(NAME_MIN, min(need, NAME_MAX))

    def _shares_box(self, account_id: str, ticker: str, shares: float, has_lots: bool) -> QDoubleSpinBox:
        """The position's share count, editable (0 removes it); with tax lots, fewer shares trim the newest
        lots and more than the lots hold is refused with what to import (engine.model.household_edit)."""
        box = QDoubleSpinBox()
        box.setRange(0.0, 1e9)
        box.setDecimals(6 if shares != round(shares) else 0)
        box.setKeyboardTracking(False)
        box.setValue(shares)
        if has_lots:
            box.setToolTip(
                self.tr(
                    "Fewer shares trim the newest tax lots first; for more shares than the lots hold, "
                    "import a lots file or the statement"
                )
            )
        box.valueChanged.connect(lambda v, aid=account_id, tk=ticker: self._shares(aid, tk, float(v)))
        return box

    def account_ids(self) -> list[str]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [str(item.data(0, 0x0100)) for item in items if item is not None]

    # ----------------------------------------------------------------------------------------- edits
    def _apply(self, make: object) -> None:
        sc = self.ws.scenario
        if sc is None:
            return
        try:
            new = make(sc)  # type: ignore[operator]
        except ScenarioError as exc:
            self.problem.show_problem(engine_phrase(str(exc)))
            return
        self.problem.clear_problem()
        self.ws.edit(new)

    def _kind(self, account_id: str, kind: AccountKind) -> None:
        self._apply(lambda sc: he.set_account_kind(sc, account_id, kind))

    def _cash(self, account_id: str, cash: float) -> None:
        self._apply(lambda sc: he.set_account_cash(sc, account_id, cash))

    def _shares(self, account_id: str, ticker: str, shares: float) -> None:
        self._apply(lambda sc: he.set_position_shares(sc, account_id, ticker, shares))

    def _add_holding(self) -> None:
        """A new position in the selected account (its cost basis unknown until lots are imported)."""
        aid = self.selected_account()
        if aid is None:
            self.problem.show_problem(self.tr("Select an account first, then add a holding to it."))
            return
        text, ok = QInputDialog.getText(self, self.tr("Add holding"), self.tr("Ticker:"))
        ticker = text.strip().upper()
        if not ok or not ticker:
            return
        shares, ok = QInputDialog.getDouble(
            self, self.tr("Add holding"), self.tr("Shares:"), 0.0, 0.0, 1e9, 6
        )
        if ok:
            self._apply(lambda sc: he.set_position_shares(sc, aid, ticker, shares))

    def _add(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add account"), self.tr("Account name:"))
        if ok and name.strip():
            self._apply(lambda sc: he.add_account(sc, name.strip()))

    def _remove(self) -> None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is not None:
            aid = str(item.data(0, 0x0100))
            self._apply(lambda sc: he.remove_account(sc, aid))

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.parent() is None:  # an account row: its settings
            self.edit_account()

    def edit_account(self, dialog: AccountDialog | None = None) -> None:
        """The selected account's settings in a dialog (``dialog``: a prepared one, for tests)."""
        aid, sc = self.selected_account(), self.ws.scenario
        if aid is None or sc is None:
            self.problem.show_problem(self.tr("Select an account first."))
            return
        account = household_of(sc).account(aid)
        box = dialog or AccountDialog(account, self)
        if dialog is None and box.exec() != AccountDialog.DialogCode.Accepted:
            return
        values = box.settings()
        self._apply(lambda s: he.set_account_settings(s, aid, **values))  # type: ignore[arg-type]
