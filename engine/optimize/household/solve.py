"""From the household problem's continuous answer to whole-share trades per account, checked.

1. Solve the joint problem (:mod:`.joint`).
2. Per account, round: buys down, sales to the nearest share (up when the account's cash needs it), a
   buy one share up where the continuous answer was at least half a share over and the account's own
   cash still covers it. No account's cash can fall under its buffer: rounding only ever spends cash the
   account has.
3. A trade under the minimum trade in some account is frozen there (that account may not trade that
   ticker) and the problem re-solved.
4. The household's holdings are checked against every household limit object (the same checks as the
   single-account engine, with turnover and costs of the gross per-account trades). A broken limit is
   tightened by what rounding moved (engine.optimize.rebalancer.tighten) and the problem re-solved.
5. After ``MAX_ATTEMPTS`` what is still broken is reported: status infeasible, no trades, the reason.

Nothing is left "unplaced": the household's trades are the sum of the accounts' trades by construction.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from engine.market import FloatArray
from engine.model.policy import Placement
from engine.optimize.checker import violations
from engine.optimize.evaluation import Evaluation, evaluate
from engine.optimize.household.book import Book, params
from engine.optimize.household.joint import joint_problem
from engine.optimize.household.layout import JointSolution, Layout
from engine.optimize.inputs import Inputs
from engine.optimize.limit_id import LimitKind
from engine.optimize.limits.base import Violation
from engine.optimize.rounding import Settled
from engine.optimize.search import tighten

MAX_ATTEMPTS = 8
SNAP = 1e-8  # a trade below this share of the household's value is solver noise
PER_ACCOUNT = (LimitKind.MIN_TRADE, LimitKind.WHOLE_SHARES)  # checked per account, not on household sums


def cash_left(x: Inputs, book: Book, b: FloatArray, s: FloatArray) -> FloatArray:
    """[a] USD over each account's buffer after the trades (shares)."""
    p, k = x.prices, x.kappa
    spent = (b * p).sum(axis=1) - (s * p).sum(axis=1) + ((b + s) * p * k).sum(axis=1)
    out: FloatArray = book.room - spent
    return out


def round_trades(
    x: Inputs, book: Book, sol: JointSolution, whole: bool, fixed: np.ndarray | None = None
) -> tuple[FloatArray, FloatArray]:
    """Account trades in shares; whole shares when asked, never spending cash an account lacks. Solver
    noise is no trade: below SNAP of the household's value, or where the trade's bound is zero."""
    p = x.prices
    b = sol.buys * x.value / p[None, :]
    s = np.minimum(sol.sells * x.value / p[None, :], book.held)
    net = np.minimum(b, s)
    b, s = b - net, s - net
    noise = SNAP * x.value / p[None, :]
    frozen = np.zeros(b.shape, dtype=bool) if fixed is None else fixed
    b[(b < noise) | ~book.may_buy | frozen] = 0.0
    s[(s < noise) | ~book.may_sell | frozen] = 0.0
    if not whole:  # the solver's tolerance may leave an account a few cents short: buy that much less
        left = cash_left(x, book, b, s)
        for short in np.flatnonzero(left < 0):
            big = int(np.argmax(b[short] * p))
            b[short, big] = max(b[short, big] + left[short] / (p[big] * (1 + x.kappa[big])), 0.0)
        return b, s
    cb, cs = b, s
    b = np.floor(cb + 1e-7)
    s = np.minimum(np.round(cs), book.held)
    s = np.where(
        (cs > 0) & (s == 0) & (cs >= book.held - 1e-7), book.held, s
    )  # a whole (fractional) position
    left = cash_left(x, book, b, s)
    per_share = p * (1 + x.kappa)  # a buy's cash per share
    gaps = cb - b  # each row changes only in its own account's step, after its gaps are read
    owes: list[bool] = (left < 0).tolist()
    up_one = np.any(gaps >= 0.5, axis=1)
    for a in range(len(book.accounts)):
        if owes[a]:  # sales rounded down left the account short: round them up, largest part first
            for t in np.argsort(-(cs[a] - np.floor(cs[a]))):
                if left[a] >= 0:
                    break
                up = min(np.ceil(cs[a, t] - 1e-7), book.held[a, t])
                if up > s[a, t]:
                    left[a] += (up - s[a, t]) * p[t] * (1 - x.kappa[t])
                    s[a, t] = up
        if up_one[a]:  # a buy half a share or more short: one more if cash allows, the largest gap first
            gap = gaps[a]
            order = np.argsort(-gap)
            for t in order[gap[order] >= 0.5]:
                per = per_share[t]
                if left[a] >= per and s[a, t] == 0:
                    b[a, t] += 1
                    left[a] -= per
        while left[a] < -1e-9:  # still short: drop a share of the largest buy
            t = int(np.argmax(b[a] * p))
            if b[a, t] <= 0:
                break
            b[a, t] -= 1
            left[a] += p[t] * (1 + x.kappa[t])
    return b, s


def _needed_sales_up(
    x: Inputs, book: Book, b: FloatArray, s: FloatArray, smallest: float, whole: bool
) -> FloatArray:
    """A sale under the minimum that its account's cash needs (without it the account falls under its
    buffer) is raised to the minimum when the account holds that much: freezing it would leave the account
    short. A larger sale only adds cash; the household limits are checked after."""
    p = x.prices
    left = cash_left(x, book, b, s)
    out = s.copy()
    for a, t in zip(*np.nonzero((s > 0) & (s * p[None, :] < smallest - 1e-9)), strict=True):
        if left[a] - s[a, t] * p[t] * (1 - x.kappa[t]) >= 0:
            continue  # the account does not need it: the minimum-trade pass may freeze it
        need = smallest / p[t]
        need = float(np.ceil(need - 1e-9)) if whole else need
        if need <= book.held[a, t] + 1e-9:
            left[a] += (need - out[a, t]) * p[t] * (1 - x.kappa[t])
            out[a, t] = min(need, book.held[a, t])
    return out


def household_evaluation(x: Inputs, b: FloatArray, s: FloatArray) -> Evaluation:
    """The household's holdings after the account trades; amounts, costs and turnover of the gross
    per-account trades (an account's buy is not netted against another account's sale)."""
    delta = (b - s).sum(axis=0)
    gross = ((b + s) * x.prices[None, :]).sum(axis=0)
    return evaluate(x, x.shares0 + delta, amounts=gross)


@dataclass
class Outcome:
    status: str  # "ok", "infeasible" (the continuous problem), "unrepaired" (rounding broke a limit)
    buys: FloatArray  # [a, t] shares
    sells: FloatArray
    evaluation: Evaluation | None
    problems: list[Violation] = field(default_factory=list)
    w_cont: FloatArray | None = None  # household weights of the continuous answer (after costs)
    frozen: list[tuple[int, int]] = field(default_factory=list)  # (account, ticker) frozen by the minimum
    solves: int = 0


_SETTLED: OrderedDict[tuple[object, ...], tuple[JointSolution, Settlement]] = OrderedDict()
_SETTLED_LOCK = threading.Lock()
SETTLED_KEPT = 16
Settlement = tuple[FloatArray, FloatArray, Evaluation | None, FloatArray]


def _settle(
    x: Inputs, book: Book, sol: JointSolution, whole: bool, smallest: float, fixed: np.ndarray
) -> Settlement:
    """(buys, sells, evaluation or None when a trade is under the minimum, continuous weights) of a
    solution: whole shares per account and the household's holdings after them. Kept per solution
    object (the joint problem hands back the same one for a volatility cap it already keeps) and the
    inputs rounding reads: nothing here depends on the cap."""
    key = (  # everything rounding and evaluate() read besides the solution
        id(sol),
        book.held.tobytes(),
        book.may_buy.tobytes(),
        book.may_sell.tobytes(),
        book.room.tobytes(),
        x.prices.tobytes(),
        x.kappa.tobytes(),
        x.value,
        x.cash0,
        x.shares0.tobytes(),
        x.w0.tobytes(),
        x.cov.tobytes(),
        x.node_matrix.tobytes(),
        whole,
        smallest,
        fixed.tobytes(),
    )
    with _SETTLED_LOCK:
        got = _SETTLED.get(key)
        if got is not None and got[0] is sol:
            return got[1]
    b, s = round_trades(x, book, sol, whole, fixed)
    s = _needed_sales_up(x, book, b, s, smallest, whole)
    amounts = (b + s) * x.prices[None, :]
    small = (amounts > 0) & (amounts < smallest - 1e-9)
    ev = None if small.any() else household_evaluation(x, b, s)
    w_cont = (x.w0 + (sol.buys - sol.sells).sum(axis=0)) / max(
        1.0 - float(x.kappa @ (sol.buys + sol.sells).sum(axis=0)), 1e-12
    )
    made: Settlement = (b, s, ev, w_cont)
    with _SETTLED_LOCK:
        _SETTLED[key] = (sol, made)
        while len(_SETTLED) > SETTLED_KEPT:
            _SETTLED.popitem(last=False)
    return made


def solve_household(
    x: Inputs,
    book: Book,
    placement: Placement,
    sleeve_of: tuple[str | None, ...],
    on: date | None,
    frozen_lots: frozenset[int] = frozenset(),
) -> Outcome:
    lay = Layout(len(book.accounts), x.n, tuple(a * x.n + t for a, t, _ in book.lots))
    prob = joint_problem(x, lay)
    whole = x.scenario.constraints.whole_shares
    smallest = x.min_trade_amount
    fixed = np.zeros(book.held.shape, dtype=bool)
    xt, cap = x, x.vol_cap
    out = Outcome("infeasible", np.zeros_like(book.held), np.zeros_like(book.held), None)
    for attempt in range(MAX_ATTEMPTS):
        ap = params(xt, book, placement, sleeve_of, on, fixed, frozen_lots)
        sol = prob.solve(xt, ap, vol_cap=cap)
        out.solves += 1
        if not sol.ok:
            return out  # infeasible at once, or after tightening: the last rounding's problems stand
        b, s, ev, w_cont = _settle(x, book, sol, whole, smallest, fixed)
        if ev is None:  # a trade under the minimum: frozen in that account, solved again
            amounts = (b + s) * x.prices[None, :]
            small = (amounts > 0) & (amounts < smallest - 1e-9)
            fixed = fixed | small
            out.frozen += [(int(a), int(t)) for a, t in zip(*np.nonzero(small), strict=True)]
            out.status, out.problems = "unrepaired", []
            continue
        probs = [v for v in violations(x, ev) if v.limit.kind not in PER_ACCOUNT]
        out = Outcome("ok" if not probs else "unrepaired", b, s, ev, probs, w_cont, out.frozen, out.solves)
        if not probs:
            return out
        settled = Settled(shares=ev.shares, evaluation=ev, continuous_shares=ev.shares, problems=probs)
        xt, cap, _ = tighten(x, xt, cap, np.zeros(x.n, dtype=bool), settled, attempt + 1)
    return out
