"""Why no trade list can satisfy every limit, and the nearest values that would work.

Runs only when the main problem is infeasible (so it may build a fresh cvxpy problem). The feasible set is
the optimizer's own: the same risk model (exact covariance up to EXACT_MAX assets, the same factor model
above), costs paid from cash and every weight limit on post-cost weights. Every soft limit gets a slack
variable ("elastic programming"):

- the total slack is minimized with every limit elastic: the limits that need slack conflict, and the
  stated value plus its slack is the nearest feasible value;
- each limit alone is made elastic in turn (the others hard): the limits whose removal alone makes the
  problem feasible are named, every one of them.

Trade restrictions (no-buy, no-sell, mode) and "no short positions" stay hard: they are what the user said
must not happen, so they are named as possible causes instead.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import cvxpy as cp
import numpy as np

from engine.model.scenario import Mode
from engine.optimize.inputs import BIG, Inputs
from engine.optimize.limit_id import LimitId, LimitKind
from engine.optimize.limits import LIMITS, ElasticVars
from engine.optimize.problem import EXACT_MAX, N_FACTORS, covariance_factor
from engine.result import Infeasibility

TOL = 1e-6
ROUNDING_CUSHION = 1e-3  # volatility headroom suggested on top of the exact minimum (whole shares)
OFF = 1e3  # slack bound for a limit that is elastic (weights and vols never need this much)


@dataclass(frozen=True)
class Diagnosis:
    """The typed findings behind an Infeasibility."""

    conflicting: tuple[LimitId, ...]  # limits that need slack in the least-slack answer, then restrictions
    fixes_alone: tuple[LimitId, ...]  # every limit whose removal alone makes the problem feasible
    nearest: dict[LimitId, float] = field(default_factory=dict)
    infeasibility: Infeasibility | None = None


def risk_root(x: Inputs) -> tuple[np.ndarray, np.ndarray]:
    """(F, d) of the optimizer's risk model for ``x`` (see problem.RebalanceProblem)."""
    k = x.n if x.n <= EXACT_MAX else N_FACTORS
    return covariance_factor(x.cov, k)


def _vol(x: Inputs, w: cp.Expression) -> cp.Expression:
    f, d = risk_root(x)
    if not d.any():
        return cp.norm(f @ w, 2)
    return cp.norm(cp.hstack([f @ w, cp.multiply(d, w)]), 2)


class _Elastic:
    """The feasible set with one slack per soft limit, each switched on or off by a parameter. Each
    limit object states its own elastic form (limits/), over the same variables."""

    def __init__(self, x: Inputs) -> None:
        self.x = x
        zb = cp.Variable(x.n, nonneg=True)
        zs = cp.Variable(x.n, nonneg=True)
        traded = zb + zs
        ev = ElasticVars(w=x.w0 + zb - zs, traded=traded, cost=x.kappa @ traded, vol=lambda w: _vol(x, w))
        self.cons: list[cp.Constraint] = [zb <= x.buy_ub, zs <= np.maximum(x.sell_ub, 0.0)]
        self.slacks: dict[LimitId, cp.Variable] = {}
        self.allow: dict[LimitId, cp.Parameter] = {}
        for limit in LIMITS:
            self.cons += limit.elastic(x, ev, self._slack)
        total = cp.sum(cp.hstack(list(self.slacks.values()))) if self.slacks else cp.Constant(0.0)
        self.problem = cp.Problem(cp.Minimize(total), self.cons)

    def _slack(self, lid: LimitId) -> cp.Variable:
        v = cp.Variable(nonneg=True, name=str(lid))
        a = cp.Parameter(nonneg=True, name=f"allow {lid}")
        self.cons.append(v <= a)
        self.slacks[lid], self.allow[lid] = v, a
        return v

    def solve(self, elastic: set[LimitId] | None) -> dict[LimitId, float] | None:
        """Slack used per limit with the limits in ``elastic`` (None: all) allowed to move; None when
        even that is infeasible."""
        for lid, a in self.allow.items():
            a.value = OFF if elastic is None or lid in elastic else 0.0
        try:
            self.problem.solve(solver=cp.CLARABEL)
        except cp.error.SolverError:
            return None
        if self.problem.status not in ("optimal", "optimal_inaccurate"):
            return None
        return {k: float(v.value) for k, v in self.slacks.items() if v.value is not None}


def min_volatility(x: Inputs, *, with_limits: bool = True) -> float | None:
    """Lowest volatility reachable under every limit except the volatility cap (None if even that fails),
    as a share of the value after costs, under the optimizer's risk model."""
    zb = cp.Variable(x.n, nonneg=True)
    zs = cp.Variable(x.n, nonneg=True)
    w = x.w0 + zb - zs
    traded = zb + zs
    cons = [zb <= x.buy_ub, zs <= np.maximum(x.sell_ub, 0.0), w >= 0]
    if with_limits:
        keep = 1 - x.kappa @ traded
        cons += [cp.sum(w - x.w0) + x.kappa @ traded <= x.c0 - x.cash_min]
        cons += [w[i] >= x.lo[i] for i in range(x.n) if x.lo[i] > 0]
        cons += [w[i] <= x.hi[i] * keep for i in range(x.n) if x.hi[i] < 1]
        if x.turnover_cap < BIG:
            cons.append(cp.sum(traded) <= x.turnover_cap)
        for nd in x.nodes:
            if nd.lo > 0:
                cons.append(nd.members @ w >= nd.lo)
            if nd.hi < 1:
                cons.append(nd.members @ w <= nd.hi * keep)
    prob = cp.Problem(cp.Minimize(_vol(x, w)), cons)
    try:
        prob.solve(solver=cp.CLARABEL)
    except cp.error.SolverError:
        return None
    if prob.status not in ("optimal", "optimal_inaccurate"):
        return None
    # the vol cap holds on post-cost weights: report volatility in those terms
    keep_value = 1.0 - float(x.kappa @ (np.asarray(zb.value) + np.asarray(zs.value)))
    return float(prob.value) / max(keep_value, 1e-12)


# checks one limit's suggested value against whole shares (engine/optimize/nearest.py): the value that
# works, or None
NearestCheck = Callable[[LimitId, float], "float | None"]


def diagnose(x: Inputs, *, nearest_ok: NearestCheck | None = None) -> Infeasibility:
    d = diagnose_limits(x, nearest_ok=nearest_ok)
    assert d.infeasibility is not None
    return d.infeasibility


def diagnose_limits(x: Inputs, *, nearest_ok: NearestCheck | None = None) -> Diagnosis:
    """Which limits conflict and the nearest values that work. ``nearest_ok`` (engine/optimize/nearest.py)
    checks a single limit's suggestion against whole shares, and moves it further if rounding needs room."""
    el = _Elastic(x)
    used_all = el.solve(None)
    restrictions = _restrictions(x)
    names = _restriction_names(x)
    if used_all is None:
        inf = Infeasibility(
            message="No trade list can satisfy your trade restrictions"
            + (f" ({'; '.join(restrictions)})" if restrictions else "")
            + ". Loosen the restrictions or allow selling.",
            conflicting=tuple(str(n) for n in names),
        )
        return Diagnosis(tuple(names), (), {}, inf)
    used = {k: v for k, v in used_all.items() if v > TOL}
    alone = tuple(lid for lid in el.slacks if el.solve({lid}) is not None)
    d = _explain(x, used, alone, restrictions, names)
    if nearest_ok is None or len(used) != 1 or len(d.nearest) != 1 or not x.scenario.constraints.whole_shares:
        return d  # several limits must move together: their values are a joint suggestion
    return _checked(d, nearest_ok)


def _checked(d: Diagnosis, nearest_ok: NearestCheck) -> Diagnosis:
    """``d`` with its one suggested value checked against whole shares, and the message saying so."""
    assert d.infeasibility is not None
    ((lid, suggested),) = d.nearest.items()
    works = nearest_ok(lid, suggested)
    if works is not None and abs(works - suggested) <= 1e-12:
        return d
    money = lid.kind is LimitKind.MIN_CASH
    shown = (lambda v: f"{v:,.2f}") if money else _pct
    if works is None:
        nearest: dict[LimitId, float] = {}
        extra = f" With whole shares even {shown(suggested)} is not enough; loosen it further or allow fractional shares."
    else:
        nearest = {lid: works}
        extra = f" With whole shares, {shown(works)} works."
    inf = d.infeasibility
    inf = replace(inf, message=inf.message + extra, nearest={str(k): v for k, v in nearest.items()})
    return Diagnosis(d.conflicting, d.fixes_alone, nearest, inf)


def user_vol_cap(x: Inputs, reachable: float) -> float:
    """The cap to suggest for a reachable volatility, with room for whole-share rounding, rounded up to
    the 0.01 % it is shown with."""
    v = reachable + (ROUNDING_CUSHION if x.scenario.constraints.whole_shares else 0.0)
    return math.ceil(v * 1e4) / 1e4


def nearest_vol_cap(x: Inputs) -> float | None:
    v = min_volatility(x)
    return None if v is None else max(user_vol_cap(x, v), x.vol_cap + 1e-4)


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


def _restriction_names(x: Inputs) -> list[LimitId]:
    c = x.scenario.constraints
    names = [LimitId(LimitKind.NO_SELL, t) for t in sorted(c.no_sell)]
    names += [LimitId(LimitKind.NO_BUY, t) for t in sorted(c.no_buy)]
    if c.mode is not Mode.FULL:
        names.append(LimitId(LimitKind.MODE))
    return names


def _pct(v: float) -> str:
    return f"{v * 100:.2f} %"


def _label(lid: LimitId) -> str:
    k = lid.kind
    if k is LimitKind.VOL_CAP:
        return "the volatility cap"
    if k is LimitKind.TURNOVER_CAP:
        return "the turnover cap"
    if k is LimitKind.MIN_CASH:
        return "the cash buffer"
    word = "minimum" if lid.is_lower_bound else "maximum"
    if lid.kind in _LOOK:
        return f"the {word} for {lid.subject} through the funds"
    return f"the {word} for {lid.subject or 'small caps'}"


def _explain(
    x: Inputs,
    used: dict[LimitId, float],
    alone: tuple[LimitId, ...],
    restrictions: list[str],
    names: list[LimitId],
) -> Diagnosis:
    c = x.scenario.constraints
    parts: list[str] = []
    nearest: dict[LimitId, float] = {}
    for lid, s in sorted(used.items(), key=lambda kv: -kv[1]):
        k = lid.kind
        if k is LimitKind.VOL_CAP:
            v = min_volatility(x) if len(used) == 1 else None
            v = user_vol_cap(x, x.vol_cap + s if v is None else v)
            nearest[lid] = v
            parts.append(
                f"the volatility cap of {_pct(x.vol_cap)} cannot be met: the lowest volatility reachable "
                f"under your other limits is about {_pct(v)}; raise the cap to at least {_pct(v)}"
            )
        elif k is LimitKind.MIN_CASH:
            short = s * x.value
            nearest[lid] = max(c.min_cash - short, 0.0)
            flow = f" and the withdrawal of {-c.cash_flow:,.2f}" if c.cash_flow < 0 else ""
            parts.append(
                f"the cash buffer of {c.min_cash:,.2f}{flow} need {short:,.2f} more cash than the trades you "
                f"allow can raise; lower the buffer{' or the withdrawal' if flow else ''} or allow more selling"
            )
        elif k is LimitKind.TURNOVER_CAP:
            nearest[lid] = x.turnover_cap + s
            parts.append(
                f"the turnover cap of {_pct(x.turnover_cap)} is too tight: at least "
                f"{_pct(x.turnover_cap + s)} of trading is needed"
            )
        else:
            label = lid.subject or "small caps"
            label += " through the funds" if lid.kind in _LOOK else ""
            bound = _bound(x, lid)
            if lid.is_lower_bound:
                nearest[lid] = bound - s
                parts.append(
                    f"the minimum of {_pct(bound)} for {label} cannot be reached; at most "
                    f"{_pct(bound - s)} is possible"
                )
            else:
                nearest[lid] = bound + s
                parts.append(
                    f"the maximum of {_pct(bound)} for {label} cannot be kept; at least "
                    f"{_pct(bound + s)} is needed"
                )
    if not parts:
        parts.append("the limits conflict with each other")
    msg = "No trade list satisfies all your limits: " + "; ".join(parts) + "."
    if alone:
        msg += (
            " Removing any one of these alone would allow a trade list: "
            + ", ".join(map(_label, alone))
            + "."
        )
    if restrictions:
        msg += " Your trade restrictions may also be the cause (" + "; ".join(restrictions) + ")."
    conflicting = tuple(dict.fromkeys([*used, *alone, *names]))
    inf = Infeasibility(
        message=msg[0].upper() + msg[1:],
        conflicting=tuple(str(lid) for lid in conflicting),
        nearest={str(k): v for k, v in nearest.items()},
    )
    return Diagnosis(conflicting, alone, nearest, inf)


_LOOK = (LimitKind.SECTOR_MIN, LimitKind.SECTOR_MAX, LimitKind.COMPANY_MAX)


def _bound(x: Inputs, lid: LimitId) -> float:
    low = lid.is_lower_bound
    if lid.kind in _LOOK:
        which = "company" if lid.kind is LimitKind.COMPANY_MAX else "sector"
        r = next(r for r in x.look_through if r.kind == which and r.subject == lid.subject)
        return r.lo if low else r.hi
    if lid.kind in (LimitKind.ASSET_MIN, LimitKind.ASSET_MAX):
        i = x.tickers.index(lid.subject)
        return float(x.lo[i] if low else x.hi[i])
    key = (
        "small_cap"
        if lid.kind in (LimitKind.SMALL_CAP_MIN, LimitKind.SMALL_CAP_MAX)
        else f"sleeve:{lid.subject}"
    )
    nd = next(nd for nd in x.nodes if nd.key == key)
    return nd.lo if low else nd.hi
