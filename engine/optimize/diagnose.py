"""Why no trade list can satisfy every limit, and the nearest values that would work.

Runs only when the main problem is infeasible (so it may build a fresh cvxpy problem): every soft limit
gets a slack variable ("elastic programming"), the total slack is minimized, and the limits that need
slack are the conflicting ones; the stated value plus its slack is the nearest feasible value. Trade
restrictions (no-buy, no-sell, mode) and "no short positions" stay hard: they are what the user said
must not happen, so they are named as possible causes instead.
"""

from __future__ import annotations

import math

import cvxpy as cp
import numpy as np

from engine.model.scenario import Mode
from engine.optimize.inputs import BIG, Inputs
from engine.optimize.problem import covariance_factor, tight
from engine.result import Infeasibility

TOL = 1e-6
ROUNDING_CUSHION = 1e-3  # volatility headroom suggested on top of the exact minimum (whole shares)


def _feasible_set(x: Inputs) -> tuple[cp.Variable, cp.Expression, cp.Expression, list[cp.Constraint]]:
    zb = cp.Variable(x.n, nonneg=True)
    zs = cp.Variable(x.n, nonneg=True)
    w = x.w0 + zb - zs
    traded = zb + zs
    cons = [zb <= x.buy_ub, zs <= np.maximum(x.sell_ub, 0.0), w >= 0]
    return zb, w, traded, cons


def min_volatility(x: Inputs, *, with_limits: bool = True) -> float | None:
    """Lowest volatility reachable under every limit except the volatility cap (None if even that fails)."""
    f, _ = covariance_factor(x.cov, x.n)
    _, w, traded, cons = _feasible_set(x)
    if with_limits:
        cons += _limits(x, w, traded)
    prob = cp.Problem(cp.Minimize(cp.norm(f @ w, 2)), cons)
    try:
        prob.solve(solver=cp.CLARABEL)
    except cp.error.SolverError:
        return None
    if prob.status not in ("optimal", "optimal_inaccurate"):
        return None
    return float(prob.value)


def _limits(x: Inputs, w: cp.Expression, traded: cp.Expression) -> list[cp.Constraint]:
    cons = [
        cp.sum(w - x.w0) + x.kappa @ traded <= x.c0 - x.cash_min,
        w >= x.lo,
        w <= tight(x.hi, x.cost_margin),
    ]
    if x.turnover_cap < BIG:
        cons.append(cp.sum(traded) <= x.turnover_cap)
    for nd in x.nodes:
        cons += [nd.members @ w >= nd.lo, nd.members @ w <= _tight_one(nd.hi, x.cost_margin)]
    return cons


def diagnose(x: Inputs) -> Infeasibility:
    f, _ = covariance_factor(x.cov, x.n)
    _, w, traded, cons = _feasible_set(x)
    slacks: dict[str, cp.Variable] = {}

    def slack(name: str) -> cp.Variable:
        s = cp.Variable(nonneg=True, name=name)
        slacks[name] = s
        return s

    cons.append(cp.sum(w - x.w0) + x.kappa @ traded <= x.c0 - x.cash_min + slack("min_cash"))
    if x.vol_cap < BIG:
        cons.append(cp.norm(f @ w, 2) <= x.vol_cap * x.cost_margin + slack("vol_cap"))
    if x.turnover_cap < BIG:
        cons.append(cp.sum(traded) <= x.turnover_cap + slack("turnover_cap"))
    for i, tk in enumerate(x.tickers):
        if x.lo[i] > 0:
            cons.append(w[i] >= x.lo[i] - slack(f"asset_min:{tk}"))
        if x.hi[i] < 1:
            cons.append(w[i] <= x.hi[i] * x.cost_margin + slack(f"asset_max:{tk}"))
    for nd in x.nodes:
        pre = "small_cap" if nd.key == "small_cap" else "sleeve"
        suf = "" if nd.key == "small_cap" else ":" + nd.label
        if nd.lo > 0:
            cons.append(nd.members @ w >= nd.lo - slack(f"{pre}_min{suf}"))
        if nd.hi < 1:
            cons.append(nd.members @ w <= nd.hi * x.cost_margin + slack(f"{pre}_max{suf}"))
    prob = cp.Problem(cp.Minimize(cp.sum(cp.hstack(list(slacks.values())))), cons)
    try:
        prob.solve(solver=cp.CLARABEL)
        status = str(prob.status)
    except cp.error.SolverError:
        status = "solver_error"
    restrictions = _restrictions(x)
    if status not in ("optimal", "optimal_inaccurate"):
        return Infeasibility(
            message="No trade list can satisfy your trade restrictions"
            + (f" ({'; '.join(restrictions)})" if restrictions else "")
            + ". Loosen the restrictions or allow selling.",
            conflicting=tuple(_restriction_names(x)),
        )
    used = {k: float(v.value) for k, v in slacks.items() if v.value is not None and v.value > TOL}
    return _explain(x, used, restrictions)


def user_vol_cap(x: Inputs, reachable: float) -> float:
    """The cap to suggest for a reachable volatility: in the user's terms (costs shrink the value), with
    room for whole-share rounding, rounded up to the 0.01 % it is shown with."""
    v = reachable / x.cost_margin + (ROUNDING_CUSHION if x.scenario.constraints.whole_shares else 0.0)
    return math.ceil(v * 1e4) / 1e4


def nearest_vol_cap(x: Inputs) -> float | None:
    v = min_volatility(x)
    return None if v is None else max(user_vol_cap(x, v), x.vol_cap + 1e-4)


def _tight_one(hi: float, margin: float) -> float:
    return hi * margin if hi < 1.0 else hi


def _restrictions(x: Inputs) -> list[str]:
    c = x.scenario.constraints
    out = []
    if c.mode is Mode.BUY_ONLY:
        out.append("buy-only mode: nothing may be sold")
    if c.mode is Mode.SELL_ONLY:
        out.append("sell-only mode: nothing may be bought")
    if c.no_sell:
        out.append("no-sell: " + ", ".join(sorted(c.no_sell)))
    if c.no_buy:
        out.append("no-buy: " + ", ".join(sorted(c.no_buy)))
    return out


def _restriction_names(x: Inputs) -> list[str]:
    c = x.scenario.constraints
    names = [f"no_sell:{t}" for t in sorted(c.no_sell)] + [f"no_buy:{t}" for t in sorted(c.no_buy)]
    if c.mode is not Mode.FULL:
        names.append("mode")
    return names


def _pct(v: float) -> str:
    return f"{v * 100:.2f} %"


def _explain(x: Inputs, used: dict[str, float], restrictions: list[str]) -> Infeasibility:
    c = x.scenario.constraints
    parts: list[str] = []
    nearest: dict[str, float] = {}
    for name, s in sorted(used.items(), key=lambda kv: -kv[1]):
        if name == "vol_cap":
            v = min_volatility(x) if len(used) == 1 else None
            v = user_vol_cap(x, x.vol_cap * x.cost_margin + s if v is None else v)
            nearest["vol_cap"] = v
            parts.append(
                f"the volatility cap of {_pct(x.vol_cap)} cannot be met: the lowest volatility reachable "
                f"under your other limits is about {_pct(v)}; raise the cap to at least {_pct(v)}"
            )
        elif name == "min_cash":
            short = s * x.value
            nearest["min_cash"] = max(c.min_cash - short, 0.0)
            flow = f" and the withdrawal of {-c.cash_flow:,.2f}" if c.cash_flow < 0 else ""
            parts.append(
                f"the cash buffer of {c.min_cash:,.2f}{flow} need {short:,.2f} more cash than the trades you "
                f"allow can raise; lower the buffer{' or the withdrawal' if flow else ''} or allow more selling"
            )
        elif name == "turnover_cap":
            nearest["turnover_cap"] = x.turnover_cap + s
            parts.append(
                f"the turnover cap of {_pct(x.turnover_cap)} is too tight: at least "
                f"{_pct(x.turnover_cap + s)} of trading is needed"
            )
        else:
            kind, _, who = name.partition(":")
            label = who or "small caps"
            if kind.endswith("_min"):
                bound = _bound(x, kind, who, low=True)
                nearest[name] = bound - s
                parts.append(
                    f"the minimum of {_pct(bound)} for {label} cannot be reached; at most "
                    f"{_pct(bound - s)} is possible"
                )
            else:
                bound = _bound(x, kind, who, low=False)
                nearest[name] = bound + s
                parts.append(
                    f"the maximum of {_pct(bound)} for {label} cannot be kept; at least "
                    f"{_pct(bound + s)} is needed"
                )
    if not parts:
        parts.append("the limits conflict with each other")
    msg = "No trade list satisfies all your limits: " + "; ".join(parts) + "."
    if restrictions:
        msg += " Your trade restrictions may also be the cause (" + "; ".join(restrictions) + ")."
    return Infeasibility(
        message=msg[0].upper() + msg[1:],
        conflicting=tuple(used) + tuple(_restriction_names(x)),
        nearest=nearest,
    )


def _bound(x: Inputs, kind: str, who: str, *, low: bool) -> float:
    if kind.startswith("asset"):
        i = x.tickers.index(who)
        return float(x.lo[i] if low else x.hi[i])
    key = "small_cap" if kind.startswith("small_cap") else f"sleeve:{who}"
    nd = next(nd for nd in x.nodes if nd.key == key)
    return nd.lo if low else nd.hi
