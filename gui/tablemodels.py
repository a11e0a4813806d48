"""Thin item models with named columns: holdings and trades. Tested without widgets.

The holdings model never edits the scenario itself: it hands the edited Scenario to ``on_edit`` (the
workspace), which makes it current; the model is refreshed from the workspace's signals.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt

from engine.model.scenario import Scenario
from engine.result import AssetRow, RebalanceResult, Side, Trade
from gui import edits, fmt, message_texts, theme
from gui.holdings_csv import valid_ticker
from gui.snapshot_model import SnapshotModel as _SnapshotModel

Index = QModelIndex | QPersistentModelIndex
_ROLE = Qt.ItemDataRole
_FLAG = Qt.ItemFlag
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_READ_ONLY = _FLAG.ItemIsEnabled | _FLAG.ItemIsSelectable
_EDITABLE = _READ_ONLY | _FLAG.ItemIsEditable
_CHECKABLE = _READ_ONLY | _FLAG.ItemIsUserCheckable
_DISPLAY = int(_ROLE.DisplayRole)
_CHECK = int(_ROLE.CheckStateRole)
_ALIGN = int(_ROLE.TextAlignmentRole)
_FG = int(_ROLE.ForegroundRole)
_BG = int(_ROLE.BackgroundRole)
_TIP = int(_ROLE.ToolTipRole)


class HoldingsColumn(IntEnum):
    TICKER = 0
    SHARES = 1
    PRICE = 2
    VALUE = 3
    WEIGHT = 4
    TARGET = 5
    DRIFT = 6
    NO_BUY = 7
    NO_SELL = 8


def _holding_headers() -> dict[HoldingsColumn, str]:
    return {
        HoldingsColumn.TICKER: QCoreApplication.translate("TableModels", "Ticker"),
        HoldingsColumn.SHARES: QCoreApplication.translate("TableModels", "Shares"),
        HoldingsColumn.PRICE: QCoreApplication.translate("TableModels", "Price"),
        HoldingsColumn.VALUE: QCoreApplication.translate("TableModels", "Value"),
        HoldingsColumn.WEIGHT: QCoreApplication.translate("TableModels", "Weight"),
        HoldingsColumn.TARGET: QCoreApplication.translate("TableModels", "Target"),
        HoldingsColumn.DRIFT: QCoreApplication.translate("TableModels", "Drift (pts)"),
        HoldingsColumn.NO_BUY: QCoreApplication.translate("TableModels", "No buy"),
        HoldingsColumn.NO_SELL: QCoreApplication.translate("TableModels", "No sell"),
    }


class HoldingsModel(_SnapshotModel):
    """One row per ticker the scenario deals with: holdings first, then targeted tickers not held."""

    def __init__(self, on_edit: Callable[[Scenario], None] | None = None, parent: Any = None) -> None:
        super().__init__(0, len(HoldingsColumn), parent)
        self._on_edit = on_edit
        self.scenario: Scenario | None = None
        self._rows: list[str] = []
        self._assets: dict[str, AssetRow] = {}
        self._prices: dict[str, float] = {}
        self.problem_tickers: set[str] = set()
        self._memo: dict[tuple[int, int], Any] = {}
        self._index_scenario()
        self._set_headers(
            list(_holding_headers().values()),
            {
                HoldingsColumn.DRIFT: QCoreApplication.translate(
                    "TableModels", "Weight minus target, in percentage points; orange when outside its band"
                ),
                HoldingsColumn.PRICE: QCoreApplication.translate(
                    "TableModels", "Your own price if you typed one, else the market price (grey)"
                ),
                HoldingsColumn.NO_BUY: QCoreApplication.translate("TableModels", "Never buy this ticker"),
                HoldingsColumn.NO_SELL: QCoreApplication.translate("TableModels", "Never sell this ticker"),
            },
        )

    # -- state ----------------------------------------------------------------------------------

    def set_state(
        self,
        scenario: Scenario | None,
        result: RebalanceResult | None = None,
        market_prices: dict[str, float] | None = None,
    ) -> None:
        self.scenario = scenario
        self._rows = list(scenario.universe) if scenario else []
        self._assets = {a.ticker: a for a in result.assets} if result else {}
        if market_prices:
            self._prices = dict(market_prices)
        self._memo.clear()
        self._index_scenario()
        self._refill(len(self._rows))

    def _index_scenario(self) -> None:
        """Per-ticker lookups made once per state (not once per cell)."""
        sc = self.scenario
        self._own_price: dict[str, float | None] = {}  # the first holding's typed price (None: none)
        self._shares: dict[str, float] = {}
        self._held: frozenset[str] = frozenset()
        self._targets: dict[str, float] = {}
        if sc is None:
            return
        for h in sc.portfolio.holdings:
            self._shares[h.ticker] = self._shares.get(h.ticker, 0.0) + h.shares
            if h.ticker not in self._own_price:
                self._own_price[h.ticker] = h.price
        self._held = frozenset(self._shares)
        self._targets = sc.targets.asset_weights()

    def invalidate(self) -> None:
        """Recompute the cells (after ``problem_tickers`` changed)."""
        self._refill(len(self._rows))

    def _row_keys(self, row: int) -> tuple[object, ...] | None:
        """What each cell of a row is computed from (see ``_value`` and ``_cell_roles``), in one pass."""
        sc = self.scenario
        if sc is None:
            return None
        t = self._rows[row]
        a = self._assets.get(t)
        shares = self._shares.get(t, 0.0)
        price, own = self._price(t)
        value = None if price is None else shares * price
        weight = a.weight_before if a else None
        target = a.weight_target if a else self._targets.get(t, 0.0)
        drift = a.drift if a else None
        no_buy, no_sell = t in sc.constraints.no_buy, t in sc.constraints.no_sell
        return (
            (t, t in self.problem_tickers),  # TICKER
            (type(shares), shares),
            (price, own),  # PRICE: typed by the user or the market's (grey)
            (type(value), value),
            (type(weight), weight),
            (type(target), target),
            (drift, None) if a is None else (drift, a.band, a.outside_band),  # DRIFT: coloured by its band
            (bool, no_buy),
            (bool, no_sell),
        )

    def _cell_key(self, row: int, col: int) -> object:
        keys = self._row_keys(row)
        return None if keys is None else keys[col]

    def _flags_key(self) -> object:
        return (tuple(self._rows), self._held)

    def ticker_at(self, row: int) -> str:
        return self._rows[row]

    def row_of(self, ticker: str) -> int:
        return self._rows.index(ticker)

    def _price(self, ticker: str) -> tuple[float | None, bool]:
        """(price, typed by the user)."""
        own = self._own_price.get(ticker)
        if own is not None:
            return own, True
        a = self._assets.get(ticker)
        if a is not None:
            return a.price, False
        return self._prices.get(ticker), False

    def value(self, row: int, col: HoldingsColumn) -> Any:
        """The raw value of a cell (numbers as numbers), for tests and sorting."""
        key = (row, int(col))
        memo = self._memo
        if key not in memo:
            memo[key] = self._value(row, col)
        return memo[key]

    def _value(self, row: int, col: HoldingsColumn) -> Any:
        sc = self.scenario
        assert sc is not None
        t = self._rows[row]
        a = self._assets.get(t)
        if col is HoldingsColumn.TICKER:
            return t
        if col is HoldingsColumn.SHARES:
            return self._shares.get(t, 0.0)
        if col is HoldingsColumn.PRICE:
            return self._price(t)[0]
        if col is HoldingsColumn.VALUE:
            price = self._price(t)[0]
            return None if price is None else self._shares.get(t, 0.0) * price
        if col is HoldingsColumn.WEIGHT:
            return a.weight_before if a else None
        if col is HoldingsColumn.TARGET:
            return a.weight_target if a else self._targets.get(t, 0.0)
        if col is HoldingsColumn.DRIFT:
            return a.drift if a else None
        if col is HoldingsColumn.NO_BUY:
            return t in sc.constraints.no_buy
        if col is HoldingsColumn.NO_SELL:
            return t in sc.constraints.no_sell
        raise IndexError(col)

    def _cell_roles(self, row: int, column: int) -> dict[int, Any]:
        """Everything a view asks of one cell, computed in one pass."""
        if self.scenario is None:
            return {}
        col = column  # a plain int: enum conversions dominate the cost of a refill
        t = self._rows[row]
        v = self.value(row, HoldingsColumn(col))
        a = self._assets.get(t)
        out: dict[int, Any] = {}
        if col in (HoldingsColumn.NO_BUY, HoldingsColumn.NO_SELL):
            out[_CHECK] = Qt.CheckState.Checked if v else Qt.CheckState.Unchecked
            return out
        if col == HoldingsColumn.TICKER:
            out[_DISPLAY] = v
            if t in self.problem_tickers:
                out[_FG] = theme.sell()
                out[_TIP] = QCoreApplication.translate("TableModels", "No price or risk data for this ticker")
            return out
        out[_ALIGN] = _RIGHT
        if col == HoldingsColumn.SHARES:
            out[_DISPLAY] = fmt.shares(v)
        elif col == HoldingsColumn.PRICE:
            out[_DISPLAY] = fmt.money(v, 2)
            if not self._price(t)[1]:
                out[_FG] = theme.muted()
        elif col == HoldingsColumn.VALUE:
            out[_DISPLAY] = fmt.money(v)
        elif col == HoldingsColumn.DRIFT:
            out[_DISPLAY] = fmt.points(v, unit=False)
            if a is not None:
                out[_FG] = theme.warn() if a.outside_band else theme.ok()
                if a.outside_band:
                    out[_BG] = theme.warn_bg()
                where = (
                    QCoreApplication.translate("TableModels", "outside")
                    if a.outside_band
                    else QCoreApplication.translate("TableModels", "inside")
                )
                out[_TIP] = QCoreApplication.translate(
                    "TableModels", "Drift {drift}; band ±{band}: {where} its band"
                ).format(drift=fmt.points(a.drift), band=fmt.pct(a.band), where=where)
        else:
            out[_DISPLAY] = fmt.pct(v)
        return out

    def _cell_flags(self, row: int, column: int) -> Qt.ItemFlag:
        if column in (HoldingsColumn.SHARES, HoldingsColumn.PRICE):
            return _EDITABLE
        if column == HoldingsColumn.TICKER:
            return _EDITABLE if self._rows[row] in self._held else _READ_ONLY
        if column in (HoldingsColumn.NO_BUY, HoldingsColumn.NO_SELL):
            return _CHECKABLE
        return _READ_ONLY

    def edited(self, row: int, col: HoldingsColumn, value: Any) -> Scenario | None:
        """The scenario after setting cell (row, col) to ``value``; None when the value is not accepted."""
        sc = self.scenario
        if sc is None:
            return None
        t = self._rows[row]
        if col is HoldingsColumn.SHARES:
            x = _to_float(value)
            return None if x is None or x < 0 else edits.set_shares(sc, t, x)
        if col is HoldingsColumn.PRICE:
            x = _to_float(value)
            if x is None or x < 0:
                return None
            return edits.set_price(sc, t, x if x > 0 else None)
        if col is HoldingsColumn.TICKER:
            new = str(value).strip().upper()
            if not valid_ticker(new) or (new != t and new in sc.universe):
                return None
            return edits.rename_holding(sc, t, new)
        if col in (HoldingsColumn.NO_BUY, HoldingsColumn.NO_SELL):
            on = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, True, 2)
            key = "no_buy" if col is HoldingsColumn.NO_BUY else "no_sell"
            return edits.set_restriction(sc, t, **{key: on})
        return None

    def setData(self, index: Index, value: Any, role: int = _ROLE.EditRole) -> bool:
        if not index.isValid() or role not in (_ROLE.EditRole, _ROLE.CheckStateRole):
            return False
        new = self.edited(index.row(), HoldingsColumn(index.column()), value)
        if new is None:
            return False
        if self._on_edit is not None:
            self._on_edit(new)
        return True


def _to_float(value: Any) -> float | None:
    """A number from an editor: a float, or text as displayed ("$1,234.50", "1 200", locale separators)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        x = float(value)
    else:
        text = str(value).strip().replace("$", "").replace(" ", "").replace("\u00a0", "")
        x, ok = QLocale().toDouble(text)
        if not ok:
            try:
                x = float(text.replace(",", ""))
            except ValueError:
                return None
    return x if math.isfinite(x) else None


class TradesColumn(IntEnum):
    SIDE = 0
    TICKER = 1
    SHARES = 2
    PRICE = 3
    AMOUNT = 4
    COST = 5
    REASON = 6


def _trade_headers() -> dict[TradesColumn, str]:
    return {
        TradesColumn.SIDE: QCoreApplication.translate("TableModels", "Side"),
        TradesColumn.TICKER: QCoreApplication.translate("TableModels", "Ticker"),
        TradesColumn.SHARES: QCoreApplication.translate("TableModels", "Shares"),
        TradesColumn.PRICE: QCoreApplication.translate("TableModels", "Price"),
        TradesColumn.AMOUNT: QCoreApplication.translate("TableModels", "Amount"),
        TradesColumn.COST: QCoreApplication.translate("TableModels", "Est. cost"),
        TradesColumn.REASON: QCoreApplication.translate("TableModels", "Reason"),
    }


class TradesModel(_SnapshotModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(0, len(TradesColumn), parent)
        self.trades: tuple[Trade, ...] = ()
        self._set_headers(list(_trade_headers().values()))

    def set_trades(self, trades: tuple[Trade, ...]) -> None:
        self.trades = trades
        self._refill(len(trades))

    def _cell_key(self, row: int, col: int) -> object:
        t = self.trades[row]
        if col == TradesColumn.SIDE:
            return t.side
        if col == TradesColumn.TICKER:
            return t.ticker
        if col == TradesColumn.SHARES:
            return t.shares
        if col == TradesColumn.PRICE:
            return t.price
        if col == TradesColumn.AMOUNT:
            return (t.amount, t.side)
        if col == TradesColumn.COST:
            return t.cost
        return (t.why, t.reason)

    def _flags_key(self) -> object:
        return 0  # every cell is read-only

    def _cell_roles(self, row: int, column: int) -> dict[int, Any]:
        t = self.trades[row]
        col = column  # a plain int: enum conversions dominate the cost of a refill
        buy = t.side is Side.BUY
        out: dict[int, Any] = {}
        if col == TradesColumn.SIDE:
            out[_DISPLAY] = (
                QCoreApplication.translate("TableModels", "Buy")
                if buy
                else QCoreApplication.translate("TableModels", "Sell")
            )
            out[_FG] = theme.buy() if buy else theme.sell()
            out[_BG] = theme.buy_bg() if buy else theme.sell_bg()
        elif col == TradesColumn.TICKER:
            out[_DISPLAY] = t.ticker
        elif col == TradesColumn.REASON:
            reason = message_texts.render(t.why, t.reason)
            out[_DISPLAY] = reason
            out[_TIP] = reason
        else:
            out[_ALIGN] = _RIGHT
            if col == TradesColumn.SHARES:
                out[_DISPLAY] = fmt.shares(t.shares)
            elif col == TradesColumn.PRICE:
                out[_DISPLAY] = fmt.money(t.price, 2)
            elif col == TradesColumn.AMOUNT:
                out[_DISPLAY] = fmt.money(t.amount)
                out[_FG] = theme.buy() if buy else theme.sell()
            else:
                out[_DISPLAY] = fmt.money(t.cost, 2)
        return out
