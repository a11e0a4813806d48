"""One account's part of a household result: its row (cash, values, shares, weights), its trades with why
each sits in this account (clauses and their English), and the lots its taxable sales take.

A row reads the account itself, the trades (every account's: a sale's clause says what the other accounts
holding the ticker sell), the other accounts' ids, names, kinds and positions, prices, costs, sleeves and
the placement policy — not the other accounts' cash. So rows are kept (:func:`drafts`) under a key of
everything but the accounts' cash and own settings, each row under its account: an edit of one account's
cash rebuilds that account's row only.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from engine.household_result import AccountRow, AccountTrade, LotSale
from engine.market import FloatArray
from engine.messages import Message, english
from engine.model.household import Account, HeldOutside, Household, Lot, Position
from engine.model.policy import Placement, TaxRates
from engine.optimize.household.explain import (
    Holders,
    bought_clauses,
    english_clauses,
    location_clause,
    sell_clause,
)
from engine.optimize.household.tax import sell_lots, wash_sale
from engine.result import Side

Sales = dict[tuple[int, str], tuple[LotSale, ...]]  # (account index, ticker) → the lots its sale takes
# AccountTrade's fields in order; the reason (index 10) says why in this account only
TradeFields = tuple[
    str, str, Side, float, float, float, float, float, float | None, bool, str, tuple[LotSale, ...], float,
    tuple[Message, ...],
]  # fmt: skip
Head = tuple[
    str, str, str, str, float, float, float, float, float, float
]  # AccountRow's fields to value_after
Tail = tuple[
    dict[str, float], dict[str, float], dict[str, float], dict[str, float], tuple[HeldOutside, ...]
]  # the fields after trades


def account_sales(
    hh: Household,
    a_i: int,
    tickers: tuple[str, ...],
    prices: FloatArray,
    buys: FloatArray,
    sells: FloatArray,
    skip_lots: frozenset[tuple[int, str, int]],
    on: date | None,
    rates: TaxRates,
) -> Sales:
    """The lots account ``a_i``'s taxable sales take, in ticker order, wash sales marked."""
    a = hh.accounts[a_i]
    out: Sales = {}
    if a.kind.tax_advantaged or not any(p.lots for p in a.positions):
        return out  # no taxable lots to take
    first: dict[str, Position] = {}
    for p in a.positions:
        first.setdefault(p.ticker, p)
    for i, t in enumerate(tickers):
        q = float(sells[a_i, i])
        if q <= 0:
            continue
        pos = first.get(t)
        if pos is None or not pos.lots:
            continue
        skip = frozenset(k for (aa, tt, k) in skip_lots if aa == a_i and tt == t)
        bought = bool(buys[:, i].sum() > 0)
        sales = []
        for k, ls in sell_lots(pos.lots, q, float(prices[i]), on, rates, skip):
            # the other lots of the ticker (any account) matter only to a loss not bought back now
            others: list[Lot] = (
                [
                    lot
                    for b in hh.accounts
                    for p in b.positions
                    if p.ticker == t
                    for j, lot in enumerate(p.lots)
                    if not (b is a and j == k)
                ]
                if ls.gain < 0 and not bought and on is not None
                else []
            )
            sales.append(replace(ls, wash_sale=True) if wash_sale(ls, bought, others, on) else ls)
        out[(a_i, t)] = tuple(sales)
    return out


@dataclass(frozen=True, eq=False)
class Draft:
    """One account's row; each trade's reason says only why in this account (:meth:`row` puts the
    household's reason for the ticker in front)."""

    head: Head
    trades: tuple[TradeFields, ...]
    tail: Tail
    signed: tuple[tuple[str, str, float], ...]  # (account id, ticker, + bought / − sold shares)
    sales: Sales

    rows: dict[tuple[str | None, ...], AccountRow] = field(default_factory=dict)  # by the reasons it read

    def row(self, reasons: Mapping[str, str]) -> AccountRow:
        """The row, each trade's reason the household's for its ticker (if any), then why in this account;
        kept for the same reasons of this row's tickers."""
        said = tuple(reasons.get(f[1]) for f in self.trades)
        got = self.rows.get(said)
        if got is None:
            trades = tuple(
                AccountTrade(*f[:10], f"{why} — {f[10]}", *f[11:]) if why else AccountTrade(*f)
                for f, why in zip(self.trades, said, strict=True)
            )
            got = AccountRow(*self.head, trades, *self.tail)
            if len(self.rows) >= 8:
                self.rows.clear()
            self.rows[said] = got
        return got


@dataclass(eq=False)
class Sheet:
    """What every account's row reads besides its own account (one per result)."""

    hh: Household
    tickers: tuple[str, ...]
    prices: FloatArray
    cost_bps: FloatArray
    sleeve_of: tuple[str | None, ...]
    buys_m: FloatArray  # [account, ticker] shares
    sells_m: FloatArray
    skip_lots: frozenset[tuple[int, str, int]]  # (account, ticker, lot) kept from sale
    placement: Placement
    on: date | None
    held: list[list[float]]  # [account][ticker] shares, summed over the account's positions
    p: list[float] = field(init=False)
    kappa: list[float] = field(init=False)
    buys: list[list[float]] = field(init=False)
    sells: list[list[float]] = field(init=False)
    holders: dict[int, Holders] = field(init=False)  # ticker column → the accounts holding it

    def __post_init__(self) -> None:
        self.p = self.prices.tolist()
        self.kappa = (self.cost_bps / 1e4).tolist()
        self.buys, self.sells = self.buys_m.tolist(), self.sells_m.tolist()
        self.holders = {}

    def key(self) -> Key:
        """Everything a row reads but its own account (whose row is kept under its own equal account)."""
        pl = self.placement
        return Key(
            (
                tuple((o.id, o.name, o.kind, o.positions) for o in self.hh.accounts),
                self.tickers,
                self.prices.tobytes(),
                self.cost_bps.tobytes(),
                self.sleeve_of,
                self.buys_m.shape,
                self.buys_m.tobytes(),
                self.sells_m.tobytes(),
                self.skip_lots,
                pl.taxable_sell_bps,
                pl.off_location_bps,
                tuple(sorted((k, frozenset(v)) for k, v in pl.location.items())),
                pl.tax,
                self.on,
            )
        )

    def holders_of(self, i: int) -> Holders:
        """The accounts holding ticker column ``i``, with their shares (what Account.shares_of says)."""
        got = self.holders.get(i)
        if got is None:
            got = self.holders[i] = [
                (o, h[i]) for o, h in zip(self.hh.accounts, self.held, strict=True) if h[i] > 0
            ]
        return got


def make_row(s: Sheet, a_i: int, held_row: FloatArray, after_row: FloatArray, lots: Sales) -> Draft:
    """Account ``a_i``'s row: ``held_row`` / ``after_row`` its shares before / after, ``lots`` its sales'."""
    a = s.hh.accounts[a_i]
    tickers, p, kappa, pl, on = s.tickers, s.p, s.kappa, s.placement, s.on
    n = len(tickers)
    first: dict[str, Position] = {}
    for q in a.positions:
        first.setdefault(q.ticker, q)
    b, sl = s.buys[a_i], s.sells[a_i]
    traded = [i for i in range(n) if b[i] > 0 or sl[i] > 0]
    cash0 = a.cash + a.cash_flow
    cash1 = cash0  # trade by trade, in the order the trades are listed (sells first per ticker)
    for i in traded:
        for sh, sign in ((sl[i], 1.0), (b[i], -1.0)):
            if sh > 0:
                amount = sh * p[i]
                cash1 = cash1 + sign * amount - amount * kappa[i]
    sold_here = [tickers[i] for i in range(n) if sl[i] > 0]
    sheltered = a.kind.tax_advantaged
    bought: tuple[tuple[Message, ...], str] | None = None  # every purchase here says this alike
    trades: list[TradeFields] = []
    signed: list[tuple[str, str, float]] = []
    for i in traded:
        t = tickers[i]
        pos = first.get(t)
        for side, sh in ((Side.SELL, sl[i]), (Side.BUY, b[i])):
            if sh <= 0:
                continue
            amount = sh * p[i]
            taxable_sale = side is Side.SELL and not sheltered
            sales = lots.get((a_i, t), ()) if taxable_sale else ()
            why: tuple[Message, ...]
            if side is Side.SELL:
                who = s.holders_of(i)
                elsewhere = {  # what the other accounts holding it sell (all sell_clause reads)
                    o.id: s.sells[o_i][i]
                    for o_i, o in enumerate(s.hh.accounts)
                    if o_i != a_i and s.held[o_i][i] > 0
                }
                why = sell_clause(s.hh, a, t, sh, p[i], pl, on, sales, elsewhere, who)
                reason = english_clauses(why)
            else:
                if bought is None:
                    base = bought_clauses(s.hh, a, sold_here, cash0, cash1)
                    bought = base, english_clauses(base)
                loc = location_clause(a, s.sleeve_of[i], pl, amount)
                if loc is None:
                    why, reason = bought
                else:
                    why, reason = (*bought[0], loc), f"{bought[1]}; {english(loc)}"
            no_lots = taxable_sale and (pos is None or not pos.lots)
            trades.append(
                (
                    a.id,
                    t,
                    side,
                    sh,
                    p[i],
                    amount,
                    amount * kappa[i],
                    amount * pl.taxable_sell_bps / 1e4 if no_lots else 0.0,
                    sum(x.gain for x in sales) if sales else None,
                    pos is not None and pos.basis_known,
                    reason,
                    sales,
                    sum(x.tax for x in sales),
                    why,
                )
            )
            signed.append((a.id, t, sh if side is Side.BUY else -sh))
    held, after = s.held[a_i], after_row.tolist()
    v0 = cash0 + float(held_row @ s.prices)
    v1 = cash1 + float(after_row @ s.prices)
    head: Head = (a.id, a.name, a.kind.value, a.broker, a.cash_flow, cash0, cash1, a.cash_buffer, v0, v1)
    tail: Tail = (
        {t: x for t, x in zip(tickers, held, strict=True) if x > 0},
        {t: x for t, x in zip(tickers, after, strict=True) if x > 0},
        weights(tickers, held, p, cash0, v0),
        weights(tickers, after, p, cash1, v0),
        a.held,
    )
    return Draft(head, tuple(trades), tail, tuple(signed), lots)


def weights(
    tickers: tuple[str, ...], shares: list[float], p: list[float], cash: float, value: float
) -> dict[str, float]:
    if value <= 0:
        return {}
    out = {t: x * px / value for t, x, px in zip(tickers, shares, p, strict=True) if x > 0}
    out["CASH"] = cash / value
    return out


class Key:
    """A tuple key whose hash is computed once (it is looked up more than once per result)."""

    __slots__ = ("_hash", "parts")

    def __init__(self, parts: tuple[object, ...]) -> None:
        self.parts = parts
        self._hash = hash(parts)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Key) and self._hash == other._hash and self.parts == other.parts


_ROWS: OrderedDict[Key, dict[tuple[int, Account], Draft]] = OrderedDict()
_ROWS_LOCK = threading.Lock()
ROWS_KEPT = 16  # keys kept (trades and households)
ROWS_PER_KEY = 64  # rows kept under one key (accounts × their cash edits)


def drafts(s: Sheet, held_m: FloatArray, after_m: FloatArray, sales: Sales | None) -> list[Draft]:
    """Every account's row (``held_m`` / ``after_m``: shares before / after, [account, ticker]); a row kept
    under the sheet's key for an equal account is taken as it is. ``sales``: the lots every sale takes,
    when already known."""
    key = s.key()
    with _ROWS_LOCK:
        kept = _ROWS.get(key)
        if kept is None:
            kept = _ROWS[key] = {}
            while len(_ROWS) > ROWS_KEPT:
                _ROWS.popitem(last=False)
        else:
            _ROWS.move_to_end(key)
        found = [kept.get((a_i, a)) for a_i, a in enumerate(s.hh.accounts)]
    out: list[Draft] = []
    made: list[tuple[tuple[int, Account], Draft]] = []
    for a_i, got in enumerate(found):
        if got is None:
            lots = (
                {k: v for k, v in sales.items() if k[0] == a_i}
                if sales is not None
                else account_sales(
                    s.hh, a_i, s.tickers, s.prices, s.buys_m, s.sells_m, s.skip_lots, s.on, s.placement.tax
                )
            )
            got = make_row(s, a_i, held_m[a_i], after_m[a_i], lots)
            made.append(((a_i, s.hh.accounts[a_i]), got))
        out.append(got)
    if made:
        with _ROWS_LOCK:
            if len(kept) + len(made) > ROWS_PER_KEY:
                kept.clear()
            kept.update(made)
    return out
