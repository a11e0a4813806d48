"""Place the household's trades in its accounts: a linear program (scipy's HiGHS), then whole shares.

Given the household's trade per ticker (shares, from the single-account engine run on the household's
flat view), choose buys ``b[a,t]`` and sells ``s[a,t]`` in each account ``a`` so that

- every account pays for its own buys with its own cash, cash flow and sales (no transfers between
  accounts): ``Σ_t p_t (b − s) + Σ_t c_t p_t (b + s) ≤ cash_a + flow_a − buffer_a``;
- an account buys only what it may hold (its menu) and nothing on its own or the household's no-buy list,
  sells only what it holds and nothing on a no-sell list, and the household's mode (buy-only /
  sell-only) holds in every account;
- whole shares when the policy says so, and each trade is 0 or at least the minimum trade;
- the accounts' trades add up to the household's trade per ticker, as far as the rules above allow:
  a share that cannot be placed costs ``UNPLACED_PER_DOLLAR`` (1 $ per $), far above every other cost,
  and is reported, never hidden.

Whole shares and the minimum trade are reached after the linear program by a deterministic repair
(:func:`_whole`, :func:`_min_trade`) that never lets an account's cash fall under its buffer: an exact
integer program of the same model took up to seconds on four accounts (whole shares packed into each
account's cash), too slow for an interactive tool.

Objective (dollars): trading costs, plus ``taxable_sell_bps`` of every sale in a taxable account (the
documented placeholder for a real gain model, engine.model.policy), plus ``off_location_bps`` of every
purchase of a sleeve in an account kind its asset-location preference does not list. So rebalancing
happens inside tax-advantaged accounts first, and new money goes where the sleeve belongs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog

from engine.model.household import Account, Household
from engine.model.scenario import Mode

UNPLACED_PER_DOLLAR = 1.0
CASH_TOL = 1e-6  # dollars: the solver's feasibility slack on a cash row
# An account may buy (sell) at most this many shares beyond the household's own buy (sell) of a ticker:
# room for small swaps between accounts that fit whole shares into each account's cash.
SWAP_ROOM_SHARES = 2.0


@dataclass(frozen=True)
class Ask:
    """What the allocation is asked to place, and under which rules."""

    household: Household
    tickers: tuple[str, ...]
    prices: tuple[float, ...]
    delta: tuple[float, ...]  # household trade per ticker, shares (+ buy, − sell)
    cost_bps: tuple[float, ...]  # trading cost per ticker
    sleeve_of: tuple[str | None, ...]
    mode: Mode
    no_buy: frozenset[str]  # household-wide
    no_sell: frozenset[str]
    whole_shares: bool
    min_trade: float
    taxable_sell_bps: float
    off_location: tuple[tuple[bool, ...], ...]  # [account][ticker]: buying there goes against location
    off_location_bps: float


@dataclass(frozen=True)
class Placed:
    buys: np.ndarray  # [account, ticker] shares
    sells: np.ndarray
    unplaced: np.ndarray  # [ticker] shares of the household trade no account could take (signed)
    ok: bool  # False: the solver found no allocation at all (an account cannot fund its own withdrawal)
    message: str = ""


def may_buy(ask: Ask, a: Account, t: str) -> bool:
    return ask.mode is not Mode.SELL_ONLY and t not in ask.no_buy and a.may_buy(t)


def may_sell(ask: Ask, a: Account, t: str) -> bool:
    return ask.mode is not Mode.BUY_ONLY and t not in ask.no_sell and a.may_sell(t) and a.shares_of(t) > 0


def allocate(ask: Ask) -> Placed:
    """The linear program (HiGHS), then whole shares account by account (:func:`_whole`)."""
    accts = ask.household.accounts
    na, nt = len(accts), len(ask.tickers)
    p = np.array(ask.prices)
    c = np.array(ask.cost_bps) / 1e4
    nab = na * nt
    nv = 2 * nab + 2 * nt  # b[a,t], s[a,t] (shares), then unplaced up[t], um[t]
    hi = np.zeros(nv)
    hi[2 * nab :] = np.inf
    obj = np.zeros(nv)
    caps = _all_caps(ask)
    room = np.zeros(na)
    a_cash = np.zeros((na, nv))
    a_sum = np.zeros((nt, nv))
    for a, acct in enumerate(accts):
        room[a] = acct.cash + acct.cash_flow - acct.cash_buffer
        for t in range(nt):
            ib, is_ = a * nt + t, nab + a * nt + t
            hi[ib], hi[is_] = caps[a, t]
            obj[ib] = p[t] * (c[t] + (ask.off_location_bps / 1e4 if ask.off_location[a][t] else 0.0))
            obj[is_] = p[t] * (c[t] + (0.0 if acct.kind.tax_advantaged else ask.taxable_sell_bps / 1e4))
            a_cash[a, ib], a_cash[a, is_] = p[t] * (1 + c[t]), -p[t] * (1 - c[t])
            a_sum[t, ib], a_sum[t, is_] = 1.0, -1.0
    for t in range(nt):
        a_sum[t, 2 * nab + t], a_sum[t, 2 * nab + nt + t] = 1.0, -1.0
        obj[2 * nab + t] = obj[2 * nab + nt + t] = UNPLACED_PER_DOLLAR * p[t]
    res = linprog(
        obj,
        A_ub=a_cash,
        b_ub=room + CASH_TOL,
        A_eq=a_sum,
        b_eq=np.array(ask.delta),
        bounds=np.column_stack([np.zeros(nv), hi]),
        method="highs",
    )
    if res.x is None:
        zeros = np.zeros((na, nt))
        return Placed(zeros, zeros.copy(), np.array(ask.delta), False, str(res.message))
    b = np.clip(res.x[:nab].reshape(na, nt), 0.0, None)
    s = np.clip(res.x[nab : 2 * nab].reshape(na, nt), 0.0, None)
    net = np.minimum(b, s)  # never buy and sell one ticker in one account
    b, s = b - net, s - net
    if ask.whole_shares:
        b, s = _whole(ask, b, s, caps)
    else:
        b, s = np.where(b < 1e-9, 0.0, b), np.where(s < 1e-9, 0.0, s)
    if ask.min_trade > 0:
        b, s = _min_trade(ask, b, s, caps)
    unplaced = np.array(ask.delta) - (b - s).sum(axis=0)
    unplaced[np.abs(unplaced) < 1e-7] = 0.0
    return Placed(b, s, unplaced, True)


def _all_caps(ask: Ask) -> np.ndarray:
    """[account, ticker, (buy, sell)]: the most shares each account may buy and sell of each ticker."""
    p = np.array(ask.prices)
    out = np.zeros((len(ask.household.accounts), len(ask.tickers), 2))
    for a, acct in enumerate(ask.household.accounts):
        held = np.array([acct.shares_of(tk) for tk in ask.tickers])
        money = max(acct.cash + acct.cash_flow + float(held @ p), 0.0)
        for t, tk in enumerate(ask.tickers):
            d = ask.delta[t]
            cap_b = money / p[t] if may_buy(ask, acct, tk) else 0.0
            cap_s = held[t] if may_sell(ask, acct, tk) else 0.0
            if ask.whole_shares:
                cap_b, cap_s = np.floor(cap_b), np.floor(cap_s + 1e-9)
            out[a, t] = (
                min(cap_b, max(d, 0.0) + SWAP_ROOM_SHARES),
                min(cap_s, max(-d, 0.0) + SWAP_ROOM_SHARES),
            )
    return out


def _cash_left(ask: Ask, b: np.ndarray, s: np.ndarray) -> np.ndarray:
    p = np.array(ask.prices)
    c = np.array(ask.cost_bps) / 1e4
    out = []
    for a, acct in enumerate(ask.household.accounts):
        spent = float(b[a] @ (p * (1 + c)) - s[a] @ (p * (1 - c)))
        out.append(acct.cash + acct.cash_flow - acct.cash_buffer - spent)
    return np.array(out)


def _order(ask: Ask, t: int, buy: bool) -> list[int]:
    """Accounts in the order the objective prefers them for one more share of ticker ``t``."""
    accts = ask.household.accounts

    def rank(a: int) -> float:
        if buy:
            return ask.off_location_bps if ask.off_location[a][t] else 0.0
        return 0.0 if accts[a].kind.tax_advantaged else ask.taxable_sell_bps

    return sorted(range(len(accts)), key=rank)


def _whole(ask: Ask, b: np.ndarray, s: np.ndarray, caps: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Whole shares: buys rounded down and sales up (both keep each account's cash), then the shares still
    missing from the household's trade added one at a time where the account's own cash allows."""
    p = np.array(ask.prices)
    c = np.array(ask.cost_bps) / 1e4
    accts = ask.household.accounts
    b = np.floor(b + 1e-7)
    s = np.minimum(np.ceil(s - 1e-7), caps[:, :, 1])
    left = _cash_left(ask, b, s)
    for t in sorted(range(len(ask.tickers)), key=lambda t: -p[t]):
        need = ask.delta[t] - float((b[:, t] - s[:, t]).sum())
        while need > 0.5:  # a share too few bought (or too many sold)
            done = False
            for a in sorted(range(len(accts)), key=lambda a: -s[a, t]):  # undo an extra sale first
                if s[a, t] >= 1 and left[a] >= p[t] * (1 - c[t]) and b[a, t] == 0:
                    s[a, t] -= 1
                    left[a] -= p[t] * (1 - c[t])
                    done = True
                    break
            if not done:
                for a in _order(ask, t, buy=True):
                    if s[a, t] == 0 and b[a, t] + 1 <= caps[a, t, 0] and left[a] >= p[t] * (1 + c[t]):
                        b[a, t] += 1
                        left[a] -= p[t] * (1 + c[t])
                        done = True
                        break
            if not done:
                break
            need -= 1
        while need < -0.5:  # a share too many bought (or too few sold)
            a_b = [a for a in range(len(accts)) if b[a, t] >= 1]
            if a_b:
                a = max(a_b, key=lambda a: b[a, t])
                b[a, t] -= 1
                left[a] += p[t] * (1 + c[t])
            else:
                a_s = [a for a in _order(ask, t, buy=False) if s[a, t] + 1 <= caps[a, t, 1]]
                if not a_s:
                    break
                s[a_s[0], t] += 1
                left[a_s[0]] += p[t] * (1 - c[t])
            need += 1
    return b, s


def _min_trade(ask: Ask, b: np.ndarray, s: np.ndarray, caps: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Trades under the minimum: merged into another account's trade of the same ticker and side when
    that account's cash and holdings allow, else dropped when the account's cash allows (reported as
    unplaced); a sale that the account's own buys need stays, and the checker names it."""
    p = np.array(ask.prices)
    c = np.array(ask.cost_bps) / 1e4
    accts = ask.household.accounts
    left = _cash_left(ask, b, s)
    for t in range(len(ask.tickers)):
        for arr, side_buy in ((b, True), (s, False)):
            for a in range(len(accts)):
                q = arr[a, t]
                if q <= 0 or q * p[t] >= ask.min_trade - 1e-9:
                    continue
                per = p[t] * (1 + c[t]) if side_buy else -p[t] * (1 - c[t])
                for o in range(len(accts)):
                    other_ok = o != a and arr[o, t] > 0 and arr[o, t] + q <= caps[o, t, 0 if side_buy else 1]
                    if other_ok and left[o] - q * per >= -CASH_TOL:
                        arr[o, t] += q
                        left[o] -= q * per
                        left[a] += q * per
                        arr[a, t] = 0.0
                        break
                else:
                    if left[a] + q * per >= -CASH_TOL:
                        arr[a, t] = 0.0
                        left[a] += q * per
                        continue
                    # the account needs this sale's cash: sell up to the minimum instead, if it holds enough
                    need = ask.min_trade / p[t]
                    need = float(np.ceil(need - 1e-9)) if ask.whole_shares else need
                    if not side_buy and need <= caps[a, t, 1]:
                        left[a] += (need - q) * p[t] * (1 - c[t])
                        arr[a, t] = need
    return b, s
