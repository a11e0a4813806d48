"""From the continuous optimum to tradable share counts.

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
from dataclasses import dataclass, field

import numpy as np

from engine.market import BoolArray, FloatArray
from engine.model.scenario import Mode
from engine.optimize.checker import Evaluation, Violation, evaluate, violations
from engine.optimize.inputs import Inputs
from engine.optimize.problem import Solution

Resolve = Callable[[BoolArray], Solution]

FRACTIONAL_LOT = 1e-6  # smallest fractional share step (brokers go to 1e-3 .. 1e-6)


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


def drop_small_trades(x: Inputs, sol: Solution, solve: Resolve) -> tuple[Solution, list[str]]:
    """Re-solve with assets whose trade is under the minimum frozen, until every trade is big enough."""
    min_trade = x.min_trade_amount
    notes: list[str] = []
    fixed = np.zeros(x.n, dtype=bool)
    for _ in range(x.n):
        amounts = np.abs(sol.w - x.w0) * x.value
        small = (amounts > 0) & (amounts < min_trade) & ~fixed
        if not small.any():
            break
        trial = fixed | small
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
        fixed, sol = trial, s2
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
    name = v.constraint
    tk = name.split(":", 1)[1] if ":" in name else ""
    idx = x.tickers.index(tk) if tk in x.tickers else -1
    c = x.scenario.constraints
    if name in ("min_cash", "no_borrowing"):
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
    if name == "vol_cap":
        marginal = x.cov @ ev.weights
        order = np.argsort(-marginal)
        for i in order:
            if marginal[i] <= 0:
                break
            if ev.delta[i] > 0 or _can_sell(x, int(i), shares):
                return _less_exposure(x, shares, int(i), 1, lot)
        return False
    if name.startswith("asset_max:"):
        excess = (ev.weights[idx] - x.hi[idx]) * ev.value_after
        return _less_exposure(x, shares, idx, _lots(excess, x.prices[idx], lot), lot)
    if name.startswith("asset_min:"):
        deficit = (x.lo[idx] - ev.weights[idx]) * ev.value_after
        return _more_exposure(x, shares, idx, _lots(deficit, x.prices[idx], lot), lot)
    if name.startswith(("sleeve_", "small_cap_")):
        key = "small_cap" if name.startswith("small_cap") else "sleeve:" + name.split(":", 1)[1]
        j = next(k for k, nd in enumerate(x.nodes) if nd.key == key)
        members = [i for i in range(x.n) if x.nodes[j].members[i] > 0]
        if "_max" in name:
            members.sort(key=lambda i: -(ev.weights[i] - x.target[i]))
            return any(_less_exposure(x, shares, i, 1, lot) for i in members)
        members.sort(key=lambda i: ev.weights[i] - x.target[i])
        return any(_more_exposure(x, shares, i, 1, lot) for i in members)
    if name == "turnover_cap":
        i = int(np.argmax(ev.amounts))
        if ev.delta[i] > 0:
            return _less_exposure(x, shares, i, 1, lot)
        shares[i] = min(x.shares0[i], shares[i] + lot)
        return True
    if name.startswith("min_trade:"):
        shares[idx] = x.shares0[idx]  # drop the crumb
        return True
    return False


def _fill(x: Inputs, shares: FloatArray, lot: float) -> FloatArray:
    """Spend cash left idle by rounding on the most underweight assets, one accepted step at a time."""
    ev = evaluate(x, shares)
    best = objective(x, ev.weights)
    for _ in range(2 * x.n):
        improved = False
        gaps = x.target - ev.weights
        for i in np.argsort(-gaps):
            i = int(i)
            if gaps[i] <= 0 or (not _can_buy(x, i) and not ev.delta[i] < 0):
                continue
            spare = ev.cash_after - x.scenario.constraints.min_cash
            if spare < x.prices[i] * lot * (1 + x.kappa[i]):
                continue
            want = min(gaps[i] * ev.value_after, spare) / (x.prices[i] * (1 + x.kappa[i]))
            for n_lots in dict.fromkeys((max(1.0, math.floor(want / lot)), 1.0)):
                trial = shares.copy()
                if not _more_exposure(x, trial, i, n_lots, lot):
                    break
                ev2 = evaluate(x, trial)
                f2 = objective(x, ev2.weights)
                if _better(f2, best) and not violations(x, ev2):
                    shares, ev, best, improved = trial, ev2, f2, True
                    break
            if improved:
                break
        if not improved:
            break
    return shares


def settle(x: Inputs, sol: Solution, solve: Resolve) -> Settled:
    """Tradable shares from the continuous solution ``sol``; ``solve(fixed)`` re-solves with the assets
    flagged in ``fixed`` frozen (the same limits ``sol`` was solved under)."""
    c = x.scenario.constraints
    sol, notes = drop_small_trades(x, sol, solve)
    target_shares = x.shares0 + (sol.w - x.w0) * x.value / x.prices
    lot = 1.0 if c.whole_shares else FRACTIONAL_LOT
    shares = _round_toward_zero(x, target_shares, lot)
    problems: list[Violation] = []
    for _ in range(20 * x.n + 50):
        ev = evaluate(x, shares)
        problems = violations(x, ev)
        if not problems:
            break
        if not _repair_once(x, ev, problems[0], shares, lot):
            break
    if not problems and c.whole_shares:
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
