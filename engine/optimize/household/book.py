"""The household as arrays over the optimizer's tickers (:class:`Book`: shares held, what each account may
buy and sell, its cash room, its tax lots) and each solve's per-account values (:func:`params`: bounds,
cash room, placement costs, lot taxes), both kept for the same inputs: a volatility-cap change reads none of
them differently."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date

import numpy as np

from engine.market import FloatArray
from engine.model.household import Account, Household, Lot
from engine.model.policy import LotMethod, Placement
from engine.model.scenario import Mode
from engine.optimize.household.layout import AccountParams
from engine.optimize.household.tax import lot_order, tax_per_share
from engine.optimize.inputs import Inputs

ROOM_SAFETY = 1e-8  # weight kept under each account's cash room for the solver's tolerance


@dataclass(frozen=True, eq=False)
class Book:
    """The household as arrays over the optimizer's tickers."""

    accounts: tuple[Account, ...]
    held: FloatArray  # [a, t] shares
    may_buy: np.ndarray  # [a, t] bool
    may_sell: np.ndarray
    room: FloatArray  # [a] cash + flow − buffer, USD
    lots: tuple[tuple[int, int, int], ...]  # (account, ticker, lot index in the position) per lot


_BOOKS: OrderedDict[tuple[object, ...], tuple[Household, Book]] = OrderedDict()
_BOOKS_LOCK = threading.Lock()


def book_of(hh: Household, x: Inputs) -> Book:
    """The household over the optimizer's tickers; the same Book for the same household object, tickers
    and restrictions (a volatility-cap change keeps all three)."""
    c = x.scenario.constraints
    key = (id(hh), x.tickers, c.mode, c.no_buy, c.no_sell)
    with _BOOKS_LOCK:
        got = _BOOKS.get(key)
        if got is not None and got[0] is hh:
            return got[1]
    book = _make_book(hh, x)
    with _BOOKS_LOCK:
        _BOOKS[key] = (hh, book)
        while len(_BOOKS) > 8:
            _BOOKS.popitem(last=False)
    return book


def _make_book(hh: Household, x: Inputs) -> Book:
    c = x.scenario.constraints
    n = x.n
    col = {t: i for i, t in enumerate(x.tickers)}
    held_l: list[list[float]] = []
    mb_l: list[list[bool]] = []
    ms_l: list[list[bool]] = []
    lots: list[tuple[int, int, int]] = []
    for a, acct in enumerate(hh.accounts):  # in Python lists, then one array each (the same numbers)
        taxable = not acct.kind.tax_advantaged
        row = [0.0] * n
        for pos in acct.positions:
            t = col.get(pos.ticker)
            if t is None:
                continue
            row[t] += pos.shares
            if taxable and pos.lots and not any(la == a and lt == t for la, lt, _ in lots):
                lots += [(a, t, k) for k in range(len(pos.lots))]  # the first position of a ticker
        held_l.append(row)
        mb_l.append([t not in acct.no_buy and (acct.allowed is None or t in acct.allowed) for t in x.tickers])
        ms_l.append([t not in acct.no_sell for t in x.tickers])
    held = np.array(held_l, dtype=float).reshape(len(hh.accounts), n)
    mb = np.array(mb_l, dtype=bool).reshape(held.shape)
    ms = np.array(ms_l, dtype=bool).reshape(held.shape)
    never_buy = np.array([t in c.no_buy for t in x.tickers], dtype=bool)
    never_sell = np.array([t in c.no_sell for t in x.tickers], dtype=bool)
    mb &= ~never_buy[None, :] & (c.mode is not Mode.SELL_ONLY)
    ms &= ~never_sell[None, :] & (c.mode is not Mode.BUY_ONLY) & (held > 0)
    room = np.array([a.cash + a.cash_flow - a.cash_buffer for a in hh.accounts])
    for arr in (held, mb, ms, room):
        arr.setflags(write=False)  # shared by every solve of this household (book_of)
    return Book(hh.accounts, held, mb, ms, room, tuple(sorted(lots)))  # by account, ticker, lot


def lot_of(book: Book, a: int, t: int, k: int, x: Inputs) -> Lot:
    pos = next(p for p in book.accounts[a].positions if p.ticker == x.tickers[t])
    return pos.lots[k]


_PARAMS: OrderedDict[tuple[object, ...], tuple[Book, AccountParams]] = OrderedDict()
_PARAMS_LOCK = threading.Lock()


def params(
    x: Inputs,
    book: Book,
    placement: Placement,
    sleeve_of: tuple[str | None, ...],
    on: date | None,
    fixed: np.ndarray,
    frozen_lots: frozenset[int],
) -> AccountParams:
    """The per-solve values; the same for the same book object and the inputs they read (a volatility-cap
    change reads none of them differently)."""
    key = (
        id(book),
        x.prices.tobytes(),
        x.value,
        x.buy_ub.tobytes(),
        placement.taxable_sell_bps,
        placement.off_location_bps,
        tuple(sorted((k, frozenset(v)) for k, v in placement.location.items())),
        placement.tax,
        sleeve_of,
        on,
        fixed.tobytes(),
        frozen_lots,
    )
    with _PARAMS_LOCK:
        got = _PARAMS.get(key)
        if got is not None and got[0] is book:
            return got[1]
    made = _make_params(x, book, placement, sleeve_of, on, fixed, frozen_lots)
    with _PARAMS_LOCK:
        _PARAMS[key] = (book, made)
        while len(_PARAMS) > 16:
            _PARAMS.popitem(last=False)
    return made


def _make_params(
    x: Inputs,
    book: Book,
    placement: Placement,
    sleeve_of: tuple[str | None, ...],
    on: date | None,
    fixed: np.ndarray,
    frozen_lots: frozenset[int],
) -> AccountParams:
    v, p = x.value, x.prices
    na, n = book.held.shape
    buy_ub = np.where(book.may_buy & ~fixed, np.minimum(x.buy_ub, 10.0)[None, :], 0.0)
    sell_ub = np.where(book.may_sell & ~fixed, book.held * p[None, :] / v, 0.0)
    has_lots = np.zeros((na, n), dtype=bool)
    for a, t, _ in book.lots:
        has_lots[a, t] = True
    taxable = np.array([not acct.kind.tax_advantaged for acct in book.accounts], dtype=bool)
    sell_cost = np.where(taxable[:, None] & ~has_lots, placement.taxable_sell_bps / 1e4, 0.0)
    buy_cost = np.zeros((na, n))
    if placement.location:  # only a location preference makes a purchase cost more in some account
        for a, acct in enumerate(book.accounts):
            for t in range(n):
                if placement.off_location(sleeve_of[t], acct.kind):
                    buy_cost[a, t] = placement.off_location_bps / 1e4
    lot_ub = np.zeros(len(book.lots))
    lot_cost = np.zeros(len(book.lots))
    for i, (a, t, k) in enumerate(book.lots):
        lot = lot_of(book, a, t, k, x)
        lot_ub[i] = (
            0.0 if i in frozen_lots or fixed[a, t] or not book.may_sell[a, t] else lot.shares * p[t] / v
        )
        lot_cost[i] = tax_per_share(lot, float(p[t]), on, placement.tax) / p[t]
    if placement.tax.lot_method is LotMethod.HIFO:
        _hifo_costs(x, book, lot_cost, on, placement)
    return AccountParams(
        buy_ub=buy_ub.ravel(),
        sell_ub=sell_ub.ravel(),
        lot_ub=lot_ub,
        room=np.where(
            book.room >= 0, np.maximum(book.room / v - ROOM_SAFETY, 0.0), book.room / v - ROOM_SAFETY
        ),
        buy_cost=buy_cost.ravel(),
        sell_cost=sell_cost.ravel(),
        lot_cost=lot_cost,
    )


def _hifo_costs(x: Inputs, book: Book, lot_cost: FloatArray, on: date | None, placement: Placement) -> None:
    """Highest cost first takes the lots in basis order whatever their tax, which a convex problem cannot
    state exactly when a later lot is taxed less per share (long-term after short-term). Each lot's cost
    becomes the highest per-share tax up to it in that order: the tax counted is never below the tax the
    broker's order realizes, and equals it when the per-share tax rises along the order (the usual case)."""
    groups: dict[tuple[int, int], list[int]] = {}
    for i, (a, t, _) in enumerate(book.lots):
        groups.setdefault((a, t), []).append(i)
    for (a, t), idx in groups.items():
        lots = tuple(lot_of(book, a, t, book.lots[i][2], x) for i in idx)
        running = 0.0
        for j in lot_order(lots, float(x.prices[t]), on, placement.tax):
            running = max(running, float(lot_cost[idx[j]]))
            lot_cost[idx[j]] = running
