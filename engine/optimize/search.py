"""The search for tradable holdings: the continuous optimum, made tradable by rounding and repair, with
limits tightened a little and solved again where rounding broke one, and an exact whole-share search when
that gives up. ``find_tradable`` is what ``rebalance`` uses; ``tradable_exists`` asks the same question of
changed limits (to check that a suggested "nearest value" really works with whole shares)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from engine.market import BoolArray
from engine.optimize.checker import evaluate
from engine.optimize.exact import closest_tradable
from engine.optimize.inputs import BIG, Inputs
from engine.optimize.limit_id import LimitKind
from engine.optimize.problem import Solution, problem_for
from engine.optimize.rounding import Settled, settle

MAX_ATTEMPTS = 5
NODE_KINDS = (LimitKind.SLEEVE_MIN, LimitKind.SLEEVE_MAX, LimitKind.SMALL_CAP_MIN, LimitKind.SMALL_CAP_MAX)
LOOK_KINDS = (LimitKind.SECTOR_MIN, LimitKind.SECTOR_MAX, LimitKind.COMPANY_MAX)


def find_tradable(x: Inputs) -> Settled | None:
    """Tradable holdings for ``x`` (``problems`` empty when every limit holds; otherwise what rounding
    could not keep), or None when even the continuous problem is infeasible."""
    prob = problem_for(x)
    xt = x  # the limits as the optimizer sees them: tightened after a rounding that broke one
    cap = x.vol_cap
    fixed = np.zeros(x.n, dtype=bool)
    settled: Settled | None = None
    first: Settled | None = None
    for attempt in range(MAX_ATTEMPTS):
        sol = prob.solve(xt, vol_cap=cap, fixed=fixed)
        if not sol.ok:
            if settled is None:
                return None
            break  # tightening went too far: report what rounding could not keep

        def resolve(f: BoolArray, xt: Inputs = xt, cap: float = cap, fixed: BoolArray = fixed) -> Solution:
            return prob.solve(xt, vol_cap=cap, fixed=f | fixed)

        settled = settle(x, sol, resolve)
        first = first or settled
        if not settled.problems:
            break
        xt, cap, fixed = tighten(x, xt, cap, fixed, settled, attempt + 1)
    assert settled is not None and settled.solution is not None
    if settled.problems and first is not None:
        # rounding and its repair gave up: search the tradable holdings exactly before saying no
        found = closest_tradable(x, first.continuous_shares, whole=x.scenario.constraints.whole_shares)
        if found is not None:
            settled = Settled(
                shares=found,
                evaluation=evaluate(x, found),
                continuous_shares=first.continuous_shares,
                notes=first.notes,
                solution=first.solution,
            )
    return settled


def tradable_exists(x: Inputs) -> bool:
    found = find_tradable(x)
    return found is not None and not found.problems


def tighten(
    x: Inputs, xt: Inputs, cap: float, fixed: BoolArray, settled: Settled, step: int
) -> tuple[Inputs, float, BoolArray]:
    """Limits a little tighter where rounding to tradable shares broke them, for another attempt.

    The steps are the size of what rounding can move: a share's worth of weight per ticker, the
    observed volatility excess; a ticker whose trade fell under the minimum is frozen."""
    ev = settled.evaluation
    lo, hi, nodes, looks = xt.lo.copy(), xt.hi.copy(), list(xt.nodes), list(xt.look_through)
    cash_min, turnover, fixed = xt.cash_min, xt.turnover_cap, fixed.copy()
    share = x.prices / x.value  # weight of one share
    kinds = {v.limit.kind for v in settled.problems}
    if LimitKind.VOL_CAP not in kinds and x.vol_cap < BIG and ev.vol > x.vol_cap * (1.0 - 2e-3):
        # the cap binds: repairing another limit (buying back into a minimum) will push it over, so
        # make room under it too
        cap = min(cap, x.vol_cap) * (1.0 - 1e-3 * step)
    for v in settled.problems:
        kind, who = v.limit.kind, v.limit.subject or v.asset
        i = x.tickers.index(who) if who in x.tickers else -1
        if kind is LimitKind.VOL_CAP:
            cap = cap * min(1.0, x.vol_cap / max(ev.vol, 1e-12)) * (1.0 - 1e-3 * step)
        elif kind is LimitKind.ASSET_MIN:
            lo[i] = min(lo[i] + step * share[i], hi[i])
        elif kind is LimitKind.ASSET_MAX:
            hi[i] = max(hi[i] - step * share[i], lo[i])
        elif kind in NODE_KINDS:
            small = kind in (LimitKind.SMALL_CAP_MIN, LimitKind.SMALL_CAP_MAX)
            key = "small_cap" if small else f"sleeve:{who}"
            j = next(k for k, nd in enumerate(nodes) if nd.key == key)
            nd = nodes[j]
            room = step * float(nd.members @ share)
            nodes[j] = (
                replace(nd, lo=min(nd.lo + room, nd.hi))
                if v.limit.is_lower_bound
                else replace(nd, hi=max(nd.hi - room, nd.lo))
            )
        elif kind in LOOK_KINDS:
            which = "company" if kind is LimitKind.COMPANY_MAX else "sector"
            j = next(k for k, r in enumerate(looks) if r.kind == which and r.subject == who)
            r = looks[j]
            room = step * float(np.max(r.row * share, initial=0.0))
            looks[j] = (
                replace(r, lo=min(r.lo + room, r.hi))
                if v.limit.is_lower_bound
                else replace(r, hi=max(r.hi - room, r.lo))
            )
        elif kind is LimitKind.MIN_CASH:
            cash_min += step * float(share.max())
        elif kind is LimitKind.TURNOVER_CAP:
            turnover = max(turnover - step * float(share.max()), 0.0)
        elif kind is LimitKind.MIN_TRADE and i >= 0:
            fixed[i] = True
    out = replace(
        xt,
        lo=lo,
        hi=hi,
        nodes=tuple(nodes),
        look_through=tuple(looks),
        cash_min=cash_min,
        turnover_cap=turnover,
    )
    return out, cap, fixed
