"""The household result per account: account → holding (shares before → after, its trade) → lots sold.

:func:`result_rows` turns a HouseholdResult into plain rows (no Qt, unit-tested); :class:`AccountsResultView`
shows them as a tree. Each account row carries its kind and cash before → after (and the buffer it keeps);
each holding row its shares before → after, the trade, its amount and, for a taxable sale, the gain and
estimated tax; each lot row what the sale takes from that lot. Nothing is computed here beyond formatting.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from engine.household_result import AccountRow, AccountTrade, HouseholdResult
from gui.message_texts import held_value, held_why, kind_label, render_all
from gui.panels.account_trades import trade_reason

CTX = "AccountsResultView"
COLUMNS = (
    str(QT_TRANSLATE_NOOP("AccountsResultView", "Account / holding / lot")),
    str(QT_TRANSLATE_NOOP("AccountsResultView", "Shares before → after")),
    str(QT_TRANSLATE_NOOP("AccountsResultView", "Trade")),
    str(QT_TRANSLATE_NOOP("AccountsResultView", "Amount")),
    str(QT_TRANSLATE_NOOP("AccountsResultView", "Cash before → after")),
    str(QT_TRANSLATE_NOOP("AccountsResultView", "Gain / est. tax")),
    str(QT_TRANSLATE_NOOP("AccountsResultView", "Why here")),
)


FIRST_MAX = 300  # px: the account column's widest

SIDES = (QT_TRANSLATE_NOOP("AccountsResultView", "BUY"), QT_TRANSLATE_NOOP("AccountsResultView", "SELL"))


def _tr(text: str) -> str:
    """A string already marked with QT_TRANSLATE_NOOP above (column titles, sides), looked up at run time."""
    return QCoreApplication.translate(CTX, text)


@dataclass
class Row:
    cells: list[str]
    children: list[Row] = field(default_factory=list)
    tooltip: str = ""


def _num(x: float) -> str:
    return f"{x:,.4g}" if x != int(x) else f"{x:,.0f}"


def _money(x: float) -> str:
    return f"{x:,.2f}"


def _lot_rows(t: AccountTrade) -> list[Row]:
    out = []
    for ls in t.lots:
        when = (
            ls.acquired.isoformat()
            if ls.acquired
            else QCoreApplication.translate("AccountsResultView", "date unknown")
        )
        term = (
            QCoreApplication.translate("AccountsResultView", "long-term")
            if ls.long_term
            else QCoreApplication.translate("AccountsResultView", "short-term")
        )
        gain = f"{ls.gain:+,.2f} / {_money(ls.tax)}"
        if ls.wash_sale:
            gain += " " + QCoreApplication.translate("AccountsResultView", "(wash sale: loss disallowed)")
        out.append(
            Row(
                [
                    f"{when} @ {_money(ls.basis)}",
                    _num(ls.shares),
                    term,
                    _money(ls.shares * t.price),
                    "",
                    gain,
                    "",
                ]
            )
        )
    return out


def _why(r: HouseholdResult | None, t: AccountTrade) -> str:
    """The trade's reason in the user's language (the household's, then why in this account)."""
    if r is not None:
        return trade_reason(r, t)
    return render_all(t.where) if t.where else t.reason


def _holding_rows(a: AccountRow, r: HouseholdResult | None = None) -> list[Row]:
    by_ticker: dict[str, list[AccountTrade]] = {}
    for t in a.trades:
        by_ticker.setdefault(t.ticker, []).append(t)
    tickers = list(dict.fromkeys([*a.shares_before, *a.shares_after, *by_ticker]))
    rows = []
    for tk in tickers:
        before, after = a.shares_before.get(tk, 0.0), a.shares_after.get(tk, 0.0)
        trades = by_ticker.get(tk, [])
        trade = " ".join(f"{_tr(t.side.value.upper())} {_num(t.shares)}" for t in trades)
        amount = _money(sum(t.amount for t in trades)) if trades else ""
        gain = ""
        for t in trades:
            if t.realized_gain is not None:
                gain = f"{t.realized_gain:+,.2f} / {_money(t.tax_estimate)}"
            elif t.side.value == "sell" and not t.basis_known and t.tax_placeholder > 0:
                gain = QCoreApplication.translate("AccountsResultView", "basis unknown")
        why = " | ".join(_why(r, t) for t in trades)
        rows.append(
            Row(
                [tk, f"{_num(before)} → {_num(after)}", trade, amount, "", gain, why],
                [lot for t in trades for lot in _lot_rows(t)],
                tooltip=why,
            )
        )
    return rows


def result_rows(r: HouseholdResult) -> list[Row]:
    """One row per account, its holdings below, the lots a taxable sale takes below those."""
    out = []
    for a in r.accounts:
        kind = kind_label(a.kind)
        broker = f", {a.broker}" if a.broker else ""
        cash = f"{_money(a.cash_before)} → {_money(a.cash_after)}"
        gain = sum(t.realized_gain or 0.0 for t in a.trades)
        tax = sum(t.tax_estimate for t in a.trades)
        has_lots = any(t.lots for t in a.trades)
        out.append(
            Row(
                [
                    f"{a.name} ({kind}{broker})",
                    "",
                    str(len(a.trades)),
                    "",
                    cash,
                    f"{gain:+,.2f} / {_money(tax)}" if has_lots else "",
                    QCoreApplication.translate("AccountsResultView", "keeps at least")
                    + f" {_money(a.cash_buffer)}",
                ],
                _holding_rows(a, r) + _held_rows(a),
            )
        )
    return out


def _held_rows(a: AccountRow) -> list[Row]:
    """What the account holds but does not rebalance: its value, never a trade."""
    said = QCoreApplication.translate(
        "AccountsResultView", "held, not rebalanced: never traded, in no weight or value here"
    )
    return [
        Row(
            [h.symbol, "", "", held_value(h.value, h.currency), "", "", f"{said} ({held_why(h.why)})"],
            tooltip=said,
        )
        for h in a.held
    ]


class AccountsResultView(QTreeWidget):
    """The household result as a tree per account (fed by :meth:`show_result`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels([_tr(c) for c in COLUMNS])
        self.setUniformRowHeights(True)

    def show_result(self, r: HouseholdResult) -> None:
        self.clear()
        for row in result_rows(r):
            top = self._item(row)
            top.setToolTip(0, row.cells[0])  # "name (kind, broker)": whole, even where the column elides it
            self.addTopLevelItem(top)
            top.setExpanded(True)
        # the account column fits its longest title, up to FIRST_MAX px (the tooltip shows a longer one)
        self.resizeColumnToContents(0)
        self.setColumnWidth(0, min(self.columnWidth(0), FIRST_MAX))
        for col in range(1, len(COLUMNS) - 1):  # the numbers whole; the reason takes what is left
            self.resizeColumnToContents(col)

    def _item(self, row: Row) -> QTreeWidgetItem:
        item = QTreeWidgetItem(row.cells)
        if row.tooltip:
            item.setToolTip(len(row.cells) - 1, row.tooltip)
        for child in row.children:
            item.addChild(self._item(child))
        return item
