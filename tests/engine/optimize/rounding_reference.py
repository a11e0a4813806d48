"""The whole-share settling step as it was before it was made faster (engine/optimize/rounding.py at
commit 6bdb191): kept unchanged so that tests can check the faster one gives the very same answers.
Not used by the engine.

1. Minimum trade: trades smaller than the minimum are removed by re-solving with those assets frozen
   (the constraints still hold after each re-solve, unlike simply deleting a trade).
2. Whole shares: every trade is rounded toward zero (trade a little less), except that selling a whole
   position sells all of it, even a fractional remainder.
3. Repair: rounding can still push a limit over by a share (a floored sell leaves cash short of the
   buffer, or volatility a hair above the cap); a short greedy loop fixes the first broken limit by the
   smallest trade change that addresses it.
4. Fill: spare cash left by rounding buys more whole shares of the most underweight assets, as long as
   every limit still holds and the portfolio gets closer to its targets.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt

from engine.market import BoolArray, FloatArray
from engine.model.scenario import Mode
from engine.optimize.checker import Evaluation, Violation, evaluate, first_violation, violations
from engine.optimize.inputs import BIG, Inputs
from engine.optimize.limit_id import LimitKind
from engine.optimize.limits import LIMITS, MinCash, NoShort, VolCap
from engine.optimize.problem import Solution

Resolve = Callable[[BoolArray], Solution]
IntArray = npt.NDArray[np.intp]

FRACTIONAL_LOT = 1e-6  # smallest fractional share step (brokers go to 1e-3 .. 1e-6)
# trades under a millionth of the value are below what the solver resolves in weights (its answers are
# accurate to about 1e-8 in the objective and a few 1e-6 in weights): an interior-point answer leaves
# such crumbs (1e-8..1e-7) on most assets that should not trade. They are zero, not trades too small to
# keep, so they never cost a re-solve.
NOISE_WEIGHT = 1e-6
SCREEN_MIN = 16  # from this many fill candidates, screen them in numpy before the scalar tests
# With whole shares, small trades worth together less than one share of the cheapest fund that still
# trades are dropped without a re-solve: a re-solve could move no other fund by a whole share, and the
# rounding, repair and fill steps settle that amount as they settle every rounding remainder. Measured
# on 300 random whole-share scenarios against re-solving: 296 identical, tracking error within ±0.006
# points on the other 4 (a test keeps it so).
SKIP_SUB_SHARE = True


@dataclass
class Settled:
    shares: FloatArray
    evaluation: Evaluation
    continuous_shares: FloatArray
    problems: list[Violation] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    solution: Solution | None = None


def objective(x: Inputs, w: FloatArray) -> tuple[float, float]:
    """(tracking error², ‖w - t‖²): compared lexicographically, tracking error first."""
    gap = w - x.target
    return float(gap @ x.cov @ gap), float(gap @ gap)


def _better(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """``a`` improves on ``b``: lower tracking error, or the same (to 1e-12) and closer to the targets."""
    if a[0] < b[0] - 1e-12 * max(1.0, b[0]) - 1e-15:
        return True
    return abs(a[0] - b[0]) <= 1e-12 + 1e-9 * b[0] and a[1] < b[1] - 1e-15


def _without(x: Inputs, sol: Solution, drop: BoolArray) -> Solution:
    """``sol`` with the trades flagged in ``drop`` set to zero (the weights and cost follow)."""
    buys = np.where(drop, 0.0, sol.buys)
    sells = np.where(drop, 0.0, sol.sells)
    return replace(sol, w=x.w0 + buys - sells, buys=buys, sells=sells, cost=float(x.kappa @ (buys + sells)))


def _without_noise(x: Inputs, sol: Solution) -> Solution:
    """``sol`` with trades under NOISE_WEIGHT set to zero."""
    noise = np.abs(sol.w - x.w0) < NOISE_WEIGHT
    if not np.any(noise & ((sol.buys > 0) | (sol.sells > 0))):
        return sol
    return _without(x, sol, noise)


def _under_one_share(x: Inputs, amounts: FloatArray, small: BoolArray) -> bool:
    """The small trades together are worth less than one share of the cheapest fund still trading."""
    trading = (amounts > 0) & ~small
    return bool(trading.any()) and float(amounts[small].sum()) <= float(x.prices[trading].min())


def drop_small_trades(x: Inputs, sol: Solution, solve: Resolve) -> tuple[Solution, list[str]]:
    """Re-solve with assets whose trade is under the minimum frozen, until every trade is big enough."""
    min_trade = x.min_trade_amount
    notes: list[str] = []
    fixed = np.zeros(x.n, dtype=bool)
    sol = _without_noise(x, sol)
    for _ in range(x.n):
        amounts = np.abs(sol.w - x.w0) * x.value
        small = (amounts > 0) & (amounts < min_trade) & ~fixed
        if not small.any():
            break
        trial = fixed | small
        if SKIP_SUB_SHARE and x.scenario.constraints.whole_shares and _under_one_share(x, amounts, small):
            fixed, sol = trial, _without(x, sol, small)
            continue
        s2 = solve(trial)
        if not s2.ok:
            j = int(np.argmin(np.where(small, amounts, np.inf)))
            trial = fixed.copy()
            trial[j] = True
            s2 = solve(trial)
            if not s2.ok:
                notes.append(
                    f"a {x.tickers[j]} trade of {amounts[j]:,.2f} is below the minimum trade but cannot be "
                    "dropped without breaking another limit"
                )
                break
        fixed, sol = trial, _without_noise(x, s2)
    return sol, notes


def _round_toward_zero(x: Inputs, target_shares: FloatArray, lot: float) -> FloatArray:
    delta = target_shares - x.shares0
    mag = np.floor(np.abs(delta) / lot + 1e-9) * lot
    shares = x.shares0 + np.sign(delta) * mag
    # selling (almost) everything sells the whole position, fractional remainder included; so does
    # any sale of a holding whose target is zero (the repair loop undoes it if a limit objects)
    sell_all = ((target_shares <= 0.5 * lot) | (x.target <= 0)) & (x.shares0 > 0) & (delta < 0) & ~x.no_sell
    shares[sell_all] = 0.0
    return np.clip(shares, 0.0, None)


def _can_buy(x: Inputs, i: int) -> bool:
    c = x.scenario.constraints
    return x.tickers[i] not in c.no_buy and c.mode is not Mode.SELL_ONLY


def _can_sell(x: Inputs, i: int, shares: FloatArray) -> bool:
    c = x.scenario.constraints
    return shares[i] > 0 and x.tickers[i] not in c.no_sell and c.mode is not Mode.BUY_ONLY


def _less_exposure(x: Inputs, shares: FloatArray, i: int, n_lots: float, lot: float) -> bool:
    """Reduce holding i by n_lots: shrink a buy first, else grow a sell. False if impossible."""
    delta = shares[i] - x.shares0[i]
    step = n_lots * lot
    if delta > 0:
        shares[i] = max(x.shares0[i], shares[i] - step)
        return True
    if _can_sell(x, i, shares):
        shares[i] = max(0.0, shares[i] - step)
        if shares[i] < lot:  # do not leave a crumb
            shares[i] = 0.0
        return True
    return False


def _more_exposure(x: Inputs, shares: FloatArray, i: int, n_lots: float, lot: float) -> bool:
    delta = shares[i] - x.shares0[i]
    step = n_lots * lot
    if delta < 0:
        shares[i] = min(x.shares0[i], shares[i] + step)
        return True
    if _can_buy(x, i):
        shares[i] += step
        return True
    return False


def _lots(amount: float, price: float, lot: float) -> float:
    return max(1.0, math.ceil(amount / (price * lot) - 1e-9))


def _repair_once(x: Inputs, ev: Evaluation, v: Violation, shares: FloatArray, lot: float) -> bool:
    """One repair step for the broken limit ``v``, as its limit object says (Limit.repair)."""
    kind = v.limit.kind
    who = v.limit.subject or v.asset
    idx = x.tickers.index(who) if who in x.tickers else -1
    c = x.scenario.constraints
    if kind is LimitKind.MIN_CASH:
        short = max(c.min_cash, 0.0) - ev.cash_after
        buys = [i for i in range(x.n) if ev.delta[i] > 0]
        if buys:
            i = max(buys, key=lambda j: ev.amounts[j])
            return _less_exposure(x, shares, i, _lots(short, x.prices[i], lot), lot)
        sells = [i for i in range(x.n) if _can_sell(x, i, shares)]
        if not sells:
            return False
        i = max(sells, key=lambda j: (ev.delta[j] < 0, ev.weights[j] - x.target[j]))
        return _less_exposure(x, shares, i, _lots(short, x.prices[i], lot), lot)
    if kind is LimitKind.VOL_CAP:
        marginal = x.cov @ ev.weights
        order = np.argsort(-marginal)
        for i in order:
            if marginal[i] <= 0:
                break
            if ev.delta[i] > 0 or _can_sell(x, int(i), shares):
                return _less_exposure(x, shares, int(i), 1, lot)
        return False
    if kind is LimitKind.ASSET_MAX:
        excess = (ev.weights[idx] - x.hi[idx]) * ev.value_after
        return _less_exposure(x, shares, idx, _lots(excess, x.prices[idx], lot), lot)
    if kind is LimitKind.ASSET_MIN:
        deficit = (x.lo[idx] - ev.weights[idx]) * ev.value_after
        return _more_exposure(x, shares, idx, _lots(deficit, x.prices[idx], lot), lot)
    if kind in (LimitKind.SLEEVE_MIN, LimitKind.SLEEVE_MAX, LimitKind.SMALL_CAP_MIN, LimitKind.SMALL_CAP_MAX):
        small = kind in (LimitKind.SMALL_CAP_MIN, LimitKind.SMALL_CAP_MAX)
        key = "small_cap" if small else f"sleeve:{who}"
        j = next(k for k, nd in enumerate(x.nodes) if nd.key == key)
        members = [i for i in range(x.n) if x.nodes[j].members[i] > 0]
        if not v.limit.is_lower_bound:
            members.sort(key=lambda i: -(ev.weights[i] - x.target[i]))
            return any(_less_exposure(x, shares, i, 1, lot) for i in members)
        members.sort(key=lambda i: ev.weights[i] - x.target[i])
        return any(_more_exposure(x, shares, i, 1, lot) for i in members)
    if kind in (LimitKind.SECTOR_MIN, LimitKind.SECTOR_MAX, LimitKind.COMPANY_MAX):
        which = "company" if kind is LimitKind.COMPANY_MAX else "sector"
        row = next(r.row for r in x.look_through if r.kind == which and r.subject == who)
        funds = [i for i in range(x.n) if row[i] > 0]
        funds.sort(key=lambda i: -row[i])  # the fund with most of the sector / company moves it most
        if not v.limit.is_lower_bound:
            return any(_less_exposure(x, shares, i, 1, lot) for i in funds)
        return any(_more_exposure(x, shares, i, 1, lot) for i in funds)
    if kind is LimitKind.TURNOVER_CAP:
        i = int(np.argmax(ev.amounts))
        if ev.delta[i] > 0:
            return _less_exposure(x, shares, i, 1, lot)
        shares[i] = min(x.shares0[i], shares[i] + lot)
        return True
    if kind is LimitKind.MIN_TRADE and idx >= 0:
        shares[idx] = x.shares0[idx]  # drop the crumb
        return True
    return False


class _Book:
    """Incremental state of a candidate holding for the fill step: every limit and the objective of
    "add k shares of asset i" in O(n) (upper bounds) or O(1) (the rest), without re-evaluating the
    portfolio or building violation messages (the caller checks the final answer in full)."""

    def __init__(self, x: Inputs, shares: FloatArray) -> None:
        self.x = x
        p = x.prices
        self.shares = shares.copy()
        self.h = shares * p
        delta = shares - x.shares0
        amounts = np.abs(delta) * p
        self.traded = float(amounts.sum())
        self.cash = float(x.cash0 - delta @ p - amounts @ x.kappa)
        self.sig_h = x.cov @ self.h
        self.hsh = float(self.h @ self.sig_h)
        self.sig_t = x.cov @ x.target
        self.tst = float(x.target @ self.sig_t)
        self.tsh = float(x.target @ self.sig_h)
        self.hh = float(self.h @ self.h)
        self.th = float(x.target @ self.h)
        self.tt = float(x.target @ x.target)
        # sleeve rows and look-through rows (sectors, companies) share the same upper-bound check
        rows = [nd.members for nd in x.nodes] + [r.row for r in x.look_through]
        self.members = np.array(rows) if rows else np.zeros((0, x.n))
        self.node_h = self.members @ self.h
        self.node_hi = np.array([nd.hi for nd in x.nodes] + [r.hi for r in x.look_through])
        self.var = np.diag(x.cov).copy()
        self.room = x.hi + 1e-9

    def objective(self, v: float, hsh: float, tsh: float, hh: float, th: float) -> tuple[float, float]:
        return hsh / v**2 - 2.0 * tsh / v + self.tst, hh / v**2 - 2.0 * th / v + self.tt

    def value(self) -> float:
        return float(self.h.sum() + self.cash)

    def current(self) -> tuple[float, float]:
        return self.objective(self.value(), self.hsh, self.tsh, self.hh, self.th)

    def try_add(self, i: int, new_shares: float) -> tuple[tuple[float, float], dict[str, float]] | None:
        """Objective and new state numbers if asset i goes to ``new_shares`` and every limit holds."""
        x = self.x
        c = x.scenario.constraints
        p, k = float(x.prices[i]), float(x.kappa[i])
        s0, s = float(x.shares0[i]), float(self.shares[i])
        ds = new_shares - s
        dh = ds * p
        d_old, d_new = s - s0, new_shares - s0
        d_amount = (abs(d_new) - abs(d_old)) * p
        cash = self.cash - dh - k * d_amount
        tol = max(0.005, 1e-9 * x.value)
        if cash < c.min_cash - tol:
            return None
        if d_new != 0 and abs(d_new) * p < x.min_trade_amount - min(tol, 1e-6 * x.min_trade_amount):
            return None
        if c.whole_shares and new_shares != 0 and abs(d_new - round(d_new)) > 1e-9:
            return None
        traded = self.traded + d_amount
        if x.turnover_cap < BIG and traded / x.value > x.turnover_cap + 1e-9:
            return None
        v = float(self.h.sum()) + dh + cash
        hsh = self.hsh + 2.0 * dh * float(self.sig_h[i]) + dh * dh * float(x.cov[i, i])
        if x.vol_cap < BIG and math.sqrt(max(hsh, 0.0)) / v > x.vol_cap + 1e-9:
            return None
        w = self.h / v
        w[i] = (self.h[i] + dh) / v
        if np.any(w > x.hi + 1e-9):
            return None
        if len(self.node_hi):
            node_h = self.node_h + dh * self.members[:, i]
            if np.any(node_h / v > self.node_hi + 1e-9):
                return None
        tsh = self.tsh + dh * float(self.sig_t[i])
        hh = self.hh + 2.0 * dh * float(self.h[i]) + dh * dh
        th = self.th + dh * float(x.target[i])
        state = {"cash": cash, "traded": traded, "hsh": hsh, "tsh": tsh, "hh": hh, "th": th, "dh": dh}
        return self.objective(v, hsh, tsh, hh, th), state

    def maybe(self, idx: IntArray, new_shares: FloatArray, best: tuple[float, float]) -> BoolArray:
        """For many candidates at once: False where "asset idx[k] to new_shares[k]" certainly fails a
        limit or does not improve on ``best`` (``try_add``'s tests in numpy, each with a little slack, so
        that the exact scalar ``try_add`` still decides every candidate this lets through)."""
        x = self.x
        c = x.scenario.constraints
        slack = 1e-7
        p, k = x.prices[idx], x.kappa[idx]
        s0, s = x.shares0[idx], self.shares[idx]
        dh = (new_shares - s) * p
        d_new = new_shares - s0
        d_amount = (np.abs(d_new) - np.abs(s - s0)) * p
        cash = self.cash - dh - k * d_amount
        tol = max(0.005, 1e-9 * x.value) + slack * x.value
        ok = cash >= c.min_cash - tol
        ok &= (d_new == 0) | (np.abs(d_new) * p >= x.min_trade_amount * (1 - slack) - tol)
        if x.turnover_cap < BIG:
            ok &= (self.traded + d_amount) / x.value <= x.turnover_cap + 1e-9 + slack
        v = float(self.h.sum()) + dh + cash
        hsh = self.hsh + 2.0 * dh * self.sig_h[idx] + dh * dh * self.var[idx]
        if x.vol_cap < BIG:
            ok &= np.sqrt(np.maximum(hsh, 0.0)) <= (x.vol_cap + 1e-9) * v * (1 + slack)
        # upper weight bounds: the others' weights all change with v; the largest ratio h_j / hi_j
        # among j != i decides
        room = self.room
        r = self.h / room
        top = int(np.argmax(r))
        r_top = float(r[top])
        r[top] = -np.inf
        r_next = float(r.max())
        others = np.where(idx == top, r_next, r_top)
        ok &= others <= v * (1 + slack)
        ok &= (self.h[idx] + dh) <= room[idx] * v * (1 + slack)
        if len(self.node_hi):
            node_h = self.node_h[:, None] + self.members[:, idx] * dh[None, :]
            ok &= np.all(node_h <= (self.node_hi[:, None] + 1e-9) * v[None, :] * (1 + slack), axis=0)
        tsh = self.tsh + dh * self.sig_t[idx]
        te2 = hsh / v**2 - 2.0 * tsh / v + self.tst
        b0 = best[0]
        ok &= te2 < b0 + 1e-9 * max(1.0, abs(b0)) + 1e-12  # no worse in tracking error (``_better``)
        out: BoolArray = ok
        return out

    def apply(self, i: int, new_shares: float, st: dict[str, float]) -> None:
        dh = st["dh"]
        self.shares[i] = new_shares
        self.h[i] += dh
        self.sig_h += dh * self.x.cov[:, i]
        self.node_h += dh * self.members[:, i]
        self.cash, self.traded = st["cash"], st["traded"]
        self.hsh, self.tsh, self.hh, self.th = st["hsh"], st["tsh"], st["hh"], st["th"]


def _fill(x: Inputs, shares: FloatArray, lot: float) -> FloatArray:
    """Spend cash left idle by rounding on the most underweight assets, one accepted step at a time
    (incremental: each candidate costs O(n), not a full evaluation and check). Each round screens all
    candidates at once in numpy (``_Book.maybe``) and asks the exact step-by-step test only of those
    that may pass, in the same order, so the answer is the same as testing every candidate."""
    book = _Book(x, shares)
    best = book.current()
    min_cash = x.scenario.constraints.min_cash
    buyable = np.array([_can_buy(x, i) for i in range(x.n)], dtype=bool)
    unit = x.prices * lot * (1 + x.kappa)
    for _ in range(2 * x.n):
        improved = False
        v = book.value()
        gaps = x.target - book.h / v
        spare = book.cash - min_cash
        delta = book.shares - x.shares0
        eligible = (gaps > 0) & (buyable | (delta < 0)) & (spare >= unit)
        if not eligible.any():
            break
        want = np.minimum(gaps * v, spare) / (x.prices * (1 + x.kappa))
        big = np.maximum(1.0, np.floor(want / lot))
        idx = np.flatnonzero(eligible)
        step_big = big[idx] * lot
        step_one = np.full(len(idx), lot)
        sh = book.shares[idx]
        selling = delta[idx] < 0
        new_big = np.where(selling, np.minimum(x.shares0[idx], sh + step_big), sh + step_big)
        new_one = np.where(selling, np.minimum(x.shares0[idx], sh + step_one), sh + step_one)
        maybe = np.zeros(x.n, dtype=bool)
        if len(idx) >= SCREEN_MIN:
            both = book.maybe(np.concatenate([idx, idx]), np.concatenate([new_big, new_one]), best)
            maybe[idx] = both[: len(idx)] | both[len(idx) :]
        else:  # a few candidates: the scalar tests cost less than the screen
            maybe[idx] = True
        for i in np.argsort(-gaps):
            i = int(i)
            if not maybe[i]:
                continue
            want_i = float(want[i])
            for n_lots in dict.fromkeys((max(1.0, math.floor(want_i / lot)), 1.0)):
                trial = book.shares.copy()
                if not _more_exposure(x, trial, i, n_lots, lot):
                    break
                got = book.try_add(i, float(trial[i]))
                if got is not None and _better(got[0], best):
                    book.apply(i, float(trial[i]), got[1])
                    best, improved = got[0], True
                    break
            if improved:
                break
        if not improved:
            break
    if violations(x, evaluate(x, book.shares)):  # the incremental checks missed something: keep it simple
        return shares
    return book.shares


_CAP = next(i for i, lim in enumerate(LIMITS) if isinstance(lim, VolCap))
# the cap's repair only sells or buys less: cash rises and nothing goes short, so the limits checked before
# it (no short positions, the cash buffer) stay kept while it repairs; nothing else may come before it
assert [type(lim) for lim in LIMITS[:_CAP]] == [NoShort, MinCash]


def _next_broken(x: Inputs, ev: Evaluation, last: Violation | None) -> Violation | None:
    """``first_violation(x, ev)``; after a repair of the volatility cap the limits before it in LIMITS
    cannot have broken, so the cap is asked first (hundreds of one-share cap repairs in a backtest)."""
    if last is not None and last.limit.kind is LimitKind.VOL_CAP:
        again = LIMITS[_CAP].check(x, ev)
        if again:
            return again[0]
    return first_violation(x, ev)


def settle(x: Inputs, sol: Solution, solve: Resolve) -> Settled:
    """Tradable shares from the continuous solution ``sol``; ``solve(fixed)`` re-solves with the assets
    flagged in ``fixed`` frozen (the same limits ``sol`` was solved under)."""
    c = x.scenario.constraints
    sol, notes = drop_small_trades(x, sol, solve)
    target_shares = x.shares0 + (sol.w - x.w0) * x.value / x.prices
    lot = 1.0 if c.whole_shares else FRACTIONAL_LOT
    shares = _round_toward_zero(x, target_shares, lot)
    broken: Violation | None = None
    for _ in range(20 * x.n + 50):
        ev = evaluate(x, shares)
        broken = _next_broken(x, ev, broken)  # the loop acts on the first broken limit only
        if broken is None:
            break
        if not _repair_once(x, ev, broken, shares, lot):
            break
    if broken is None and c.whole_shares:
        shares = _fill(x, shares, lot)
    ev = evaluate(x, shares)
    return Settled(
        shares=shares,
        evaluation=ev,
        continuous_shares=target_shares,
        problems=violations(x, ev),
        notes=notes,
        solution=sol,
    )
