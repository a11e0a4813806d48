"""A household's trades grouped by account, for the Proposed trades panel: one header row per account (its
kind, number of trades, cash before → after) and under it that account's trades (side, ticker, shares,
price, amount, estimated cost and tax, reason). Formatting only: every number is the HouseholdResult's.

The reason of an account trade is the household's reason for the ticker (a message, so in the user's
language) followed by why it sits in this account (engine.optimize.household.explain: messages too).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from engine.household_result import AccountTrade, HouseholdResult
from engine.result import Side
from gui import fmt, theme
from gui.message_texts import kind_label, render, render_all

CTX = "AccountTradesView"
COLUMNS = (
    str(QT_TRANSLATE_NOOP("AccountTradesView", "Account / side")),
    str(QT_TRANSLATE_NOOP("AccountTradesView", "Ticker")),
    str(QT_TRANSLATE_NOOP("AccountTradesView", "Shares")),
    str(QT_TRANSLATE_NOOP("AccountTradesView", "Price")),
    str(QT_TRANSLATE_NOOP("AccountTradesView", "Amount")),
    str(QT_TRANSLATE_NOOP("AccountTradesView", "Est. cost")),
    str(QT_TRANSLATE_NOOP("AccountTradesView", "Reason")),
)
REASON = len(COLUMNS) - 1
HEAD_MANY = str(
    QT_TRANSLATE_NOOP("AccountTradesView", "{name} ({kind}): {n} trades · cash {before} → {after}")
)
HEAD_ONE = str(QT_TRANSLATE_NOOP("AccountTradesView", "{name} ({kind}): 1 trade · cash {before} → {after}"))
BUY = str(QT_TRANSLATE_NOOP("AccountTradesView", "Buy"))
SELL = str(QT_TRANSLATE_NOOP("AccountTradesView", "Sell"))
COST_TIP = str(QT_TRANSLATE_NOOP("AccountTradesView", "trading cost {cost} + estimated tax {tax}"))
TRADE_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def trade_reason(r: HouseholdResult, t: AccountTrade) -> str:
    """The household's reason for the ticker in the user's language, then why in this account."""
    flat = next((h for h in r.household.trades if h.ticker == t.ticker), None)
    here = render_all(t.where) if t.where else None
    if flat is None or not flat.reason or not t.reason.startswith(flat.reason + " — "):
        return here if here is not None else t.reason
    if here is None:  # a stored result without the clauses as messages: their English
        here = t.reason[len(flat.reason) + 3 :]
    return f"{render(flat.why, flat.reason)} — {here}"


class AccountTradesView(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels([_tr(c) for c in COLUMNS])
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.result: HouseholdResult | None = None

    def show_result(self, r: HouseholdResult) -> None:
        self.result = r
        self.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        for row in r.accounts:
            if not row.trades:
                continue
            count = len(row.trades)
            head = _tr(HEAD_ONE if count == 1 else HEAD_MANY).format(
                name=row.name,
                kind=kind_label(row.kind),
                n=fmt.locale().toString(count),
                before=fmt.money(row.cash_before),
                after=fmt.money(row.cash_after),
            )
            top = QTreeWidgetItem([head])
            top.setFont(0, bold)
            top.setToolTip(0, head)
            self.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            for t in row.trades:
                buy = t.side is Side.BUY
                why = trade_reason(r, t)
                cost = t.cost + t.tax_estimate + t.tax_placeholder
                item = QTreeWidgetItem(
                    [
                        _tr(BUY) if buy else _tr(SELL),
                        t.ticker,
                        fmt.shares(t.shares),
                        fmt.money(t.price, 2),
                        fmt.money(t.amount),
                        fmt.money(cost, 2),
                        why,
                    ]
                )
                item.setData(0, TRADE_ROLE, (row.id, t.ticker, t.side.value))
                item.setForeground(0, theme.buy() if buy else theme.sell())
                item.setBackground(0, theme.buy_bg() if buy else theme.sell_bg())
                item.setForeground(4, theme.buy() if buy else theme.sell())
                for col in range(2, 6):
                    item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(REASON, why)
                if t.tax_estimate or t.tax_placeholder:
                    item.setToolTip(
                        5,
                        _tr(COST_TIP).format(
                            cost=fmt.money(t.cost, 2), tax=fmt.money(t.tax_estimate + t.tax_placeholder, 2)
                        ),
                    )
                top.addChild(item)
            top.setExpanded(True)
        for col in range(1, REASON):
            self.resizeColumnToContents(col)
        fm = self.fontMetrics()  # the first column holds Buy / Sell (the account rows span every column)
        self.setColumnWidth(
            0,
            max(fm.horizontalAdvance(_tr(w)) for w in (BUY, SELL, COLUMNS[0])) + self.indentation() + 16,
        )

    def trade_at(self, item: QTreeWidgetItem | None) -> AccountTrade | None:
        if item is None or self.result is None:
            return None
        key = item.data(0, TRADE_ROLE)
        if not key:
            return None
        aid, ticker, side = key
        for row in self.result.accounts:
            if row.id == aid:
                return next((t for t in row.trades if t.ticker == ticker and t.side.value == side), None)
        return None

    def account_name(self, item: QTreeWidgetItem | None) -> str:
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is None or self.result is None:
            return ""
        i = self.indexOfTopLevelItem(item)
        shown = [row for row in self.result.accounts if row.trades]
        return shown[i].name if 0 <= i < len(shown) else ""
