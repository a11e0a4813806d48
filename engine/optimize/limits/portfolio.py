"""Limits on the portfolio after trading: volatility cap, asset bounds, sleeve and small-cap bounds, cash."""

from __future__ import annotations

import cvxpy as cp
import numpy as np

from engine.optimize.evaluation import Evaluation
from engine.optimize.inputs import BIG, MEMBERS_AS_DATA_MAX, Inputs, Node
from engine.optimize.limit_id import LimitId, LimitKind
from engine.optimize.limits.base import (
    BIG_CAP,
    NEAR,
    VOL_TOL,
    WEIGHT_TOL,
    Compiled,
    Ctx,
    ElasticVars,
    Limit,
    LimitState,
    Repair,
    Setting,
    Slack,
    Values,
    Violation,
    pct,
    upper,
)

VOL = LimitId(LimitKind.VOL_CAP)
CASH = LimitId(LimitKind.MIN_CASH)


class VolCap(Limit):
    """Volatility of the post-cost weights ≤ cap (exact: ‖F w‖ ≤ cap·(1 - cost))."""

    repair = Repair.LESS_EXPOSURE

    def ids(self, x: Inputs) -> tuple[LimitId, ...]:
        return (VOL,) if x.vol_cap < BIG else ()

    def check(self, x: Inputs, ev: Evaluation, *, trades: bool = True) -> list[Violation]:
        if x.vol_cap < BIG and ev.vol > x.vol_cap + VOL_TOL:
            return [Violation(VOL, f"volatility {pct(ev.vol)} is above the cap {pct(x.vol_cap)}")]
        return []

    def states(self, x: Inputs, ev: Evaluation) -> list[LimitState]:
        if x.vol_cap >= BIG:
            return []
        return [LimitState(VOL, x.vol_cap, ev.vol, ev.vol >= x.vol_cap - NEAR)]

    def elastic(self, x: Inputs, v: ElasticVars, slack: Slack) -> list[cp.Constraint]:
        if x.vol_cap >= BIG:
            return []
        return [v.vol(v.w) <= x.vol_cap * v.keep + slack(VOL)]

    def compile(self, ctx: Ctx) -> Compiled:
        """``‖F(w0 + z)‖ + cap·c ≤ cap`` (``F w0`` passed in as its own parameter: DPP). Always stated: no
        cap is a cap of BIG with no cost term, so the same compiled problem serves both."""
        g0 = cp.Parameter(ctx.k, name="F_w0")
        cap = cp.Parameter(name="vol_cap", nonneg=True)
        cap_c = cp.Parameter(name="vol_cap_cost", nonneg=True)  # the cap again, for cap·c (0 without a cap)
        e0 = None
        if ctx.exact:
            risk = cp.norm(ctx.y + g0, 2)
        else:
            assert ctx.e is not None
            e0 = cp.Parameter(ctx.n, name="d_w0")
            risk = cp.norm(cp.hstack([ctx.y + g0, ctx.e + e0]), 2)

        def values(x: Inputs, s: Setting) -> Values:
            on = s.vol_cap < BIG_CAP
            v: Values = {
                g0: s.f @ x.w0,
                cap: s.vol_cap * s.keep if on else s.vol_cap,
                cap_c: s.vol_cap * s.keep if on else 0.0,
            }
            if e0 is not None:
                v[e0] = s.d * x.w0
            return v

        return Compiled([risk + cap_c * ctx.cost <= cap], values)


class MinCash(Limit):
    """Cash after trading (costs paid from it) ≥ the buffer; never negative."""

    repair = Repair.LESS_BUYING

    def ids(self, x: Inputs) -> tuple[LimitId, ...]:
        return (CASH,)

    def check(self, x: Inputs, ev: Evaluation, *, trades: bool = True) -> list[Violation]:
        c = x.scenario.constraints
        tol = max(0.005, 1e-9 * x.value)
        if ev.cash_after < min(c.min_cash, 0.0) - tol or ev.cash_after < c.min_cash - tol:
            what = f"below the cash buffer {c.min_cash:,.2f}" if c.min_cash > 0 else "negative"
            return [Violation(CASH, f"cash after trading {ev.cash_after:,.2f} is {what}")]
        return []

    def states(self, x: Inputs, ev: Evaluation) -> list[LimitState]:
        c = x.scenario.constraints
        binds = ev.cash_after <= c.min_cash + max(1.0, NEAR * x.value)
        return [LimitState(CASH, c.min_cash, ev.cash_after, binds)]

    def elastic(self, x: Inputs, v: ElasticVars, slack: Slack) -> list[cp.Constraint]:
        return [cp.sum(v.w - x.w0) + v.cost <= x.c0 - x.cash_min + slack(CASH)]

    def compile(self, ctx: Ctx) -> Compiled:
        """Net buying plus the cost paid comes out of cash: ``Σz + c ≤ c0 - cash_min``."""
        room = cp.Parameter(name="cash_room")
        return Compiled([cp.sum(ctx.z) + ctx.cost <= room], lambda x, s: {room: x.c0 - x.cash_min})


class AssetBounds(Limit):
    """Each ticker's post-cost weight within [min, max]."""

    repair = Repair.LESS_EXPOSURE  # max; a broken min gets more exposure

    def ids(self, x: Inputs) -> tuple[LimitId, ...]:
        out: list[LimitId] = []
        for i, tk in enumerate(x.tickers):
            if x.lo[i] > 0:
                out.append(LimitId(LimitKind.ASSET_MIN, tk))
            if x.hi[i] < 1:
                out.append(LimitId(LimitKind.ASSET_MAX, tk))
        return tuple(out)

    def check(self, x: Inputs, ev: Evaluation, *, trades: bool = True) -> list[Violation]:
        out: list[Violation] = []
        w = ev.weights
        low, high = w < x.lo - WEIGHT_TOL, w > x.hi + WEIGHT_TOL
        if not (low.any() or high.any()):  # the usual case, without building anything
            return out
        if low.any():
            for i in np.flatnonzero(low):
                tk = x.tickers[i]
                lid = LimitId(LimitKind.ASSET_MIN, tk)
                out.append(Violation(lid, f"{tk} at {pct(w[i])} is below its minimum {pct(x.lo[i])}"))
        if high.any():
            for i in np.flatnonzero(high):
                tk = x.tickers[i]
                lid = LimitId(LimitKind.ASSET_MAX, tk)
                out.append(Violation(lid, f"{tk} at {pct(w[i])} is above its maximum {pct(x.hi[i])}"))
        return out

    def states(self, x: Inputs, ev: Evaluation) -> list[LimitState]:
        out = []
        for i, tk in enumerate(x.tickers):
            w = float(ev.weights[i])
            if x.lo[i] > 0:
                out.append(
                    LimitState(LimitId(LimitKind.ASSET_MIN, tk), float(x.lo[i]), w, w <= x.lo[i] + NEAR)
                )
            if x.hi[i] < 1:
                out.append(
                    LimitState(LimitId(LimitKind.ASSET_MAX, tk), float(x.hi[i]), w, w >= x.hi[i] - NEAR)
                )
        return out

    def elastic(self, x: Inputs, v: ElasticVars, slack: Slack) -> list[cp.Constraint]:
        cons = []
        for i, tk in enumerate(x.tickers):
            if x.lo[i] > 0:
                cons.append(v.w[i] >= x.lo[i] - slack(LimitId(LimitKind.ASSET_MIN, tk)))
            if x.hi[i] < 1:
                cons.append(v.w[i] <= x.hi[i] * v.keep + slack(LimitId(LimitKind.ASSET_MAX, tk)))
        return cons

    def compile(self, ctx: Ctx) -> Compiled:
        """``w ≥ lo`` (implies lo·(1 - c); stated exactly it could be met by paying extra cost) and
        ``w ≤ hi·(1 - c)``, as trades: ``z ≥ lo - w0``, ``z + hi·c ≤ hi - w0``."""
        z_lo = cp.Parameter(ctx.n, name="z_lo")
        z_hi = cp.Parameter(ctx.n, name="z_hi")
        hi_c = cp.Parameter(ctx.n, name="hi_cost", nonneg=True)  # hi where it binds (< 1), else 0

        def values(x: Inputs, s: Setting) -> Values:
            hi, hc = upper(x.hi, s.keep)
            return {z_lo: np.maximum(x.lo, 0.0) - x.w0, z_hi: hi - x.w0, hi_c: hc}

        return Compiled([ctx.z >= z_lo, ctx.z + cp.multiply(hi_c, ctx.cost) <= z_hi], values)


def node_ids(nd: Node) -> tuple[LimitId, LimitId]:
    """(min, max) ids of a sleeve or of the small-cap share."""
    if nd.key == "small_cap":
        return LimitId(LimitKind.SMALL_CAP_MIN), LimitId(LimitKind.SMALL_CAP_MAX)
    return LimitId(LimitKind.SLEEVE_MIN, nd.label), LimitId(LimitKind.SLEEVE_MAX, nd.label)


class NodeBounds(Limit):
    """Each sleeve's (and the small-cap share's) post-cost weight within [min, max]."""

    repair = Repair.LESS_EXPOSURE

    def ids(self, x: Inputs) -> tuple[LimitId, ...]:
        out: list[LimitId] = []
        for nd in x.nodes:
            lo, hi = node_ids(nd)
            out += [lo] if nd.lo > 0 else []
            out += [hi] if nd.hi < 1 else []
        return tuple(out)

    def check(self, x: Inputs, ev: Evaluation, *, trades: bool = True) -> list[Violation]:
        out = []
        for j, nd in enumerate(x.nodes):
            w = float(ev.node_weights[j])
            if w < nd.lo - WEIGHT_TOL:
                out.append(
                    Violation(node_ids(nd)[0], f"{nd.label} at {pct(w)} is below its minimum {pct(nd.lo)}")
                )
            if w > nd.hi + WEIGHT_TOL:
                out.append(
                    Violation(node_ids(nd)[1], f"{nd.label} at {pct(w)} is above its maximum {pct(nd.hi)}")
                )
        return out

    def states(self, x: Inputs, ev: Evaluation) -> list[LimitState]:
        out = []
        for j, nd in enumerate(x.nodes):
            w = float(ev.node_weights[j])
            lo, hi = node_ids(nd)
            if nd.lo > 0:
                out.append(LimitState(lo, nd.lo, w, w <= nd.lo + NEAR))
            if nd.hi < 1:
                out.append(LimitState(hi, nd.hi, w, w >= nd.hi - NEAR))
        return out

    def elastic(self, x: Inputs, v: ElasticVars, slack: Slack) -> list[cp.Constraint]:
        cons = []
        for nd in x.nodes:
            lo, hi = node_ids(nd)
            if nd.lo > 0:
                cons.append(nd.members @ v.w >= nd.lo - slack(lo))
            if nd.hi < 1:
                cons.append(nd.members @ v.w <= nd.hi * v.keep + slack(hi))
        return cons

    def compile(self, ctx: Ctx) -> Compiled | None:
        """Sleeve rows like asset bounds: ``M z ≥ lo - M w0``, ``M z + hi·c ≤ hi - M w0``."""
        m = ctx.node_members.shape[0]
        if not m:
            return None
        lo_p = cp.Parameter(m, name="node_lo")
        hi_p = cp.Parameter(m, name="node_hi")
        hi_c = cp.Parameter(m, name="node_hi_cost", nonneg=True)
        # the membership as data (small universes: one compiled problem for every tree of a size) or as
        # constant sparse rows (large ones); inputs.MEMBERS_AS_DATA_MAX, matching Inputs.shape_key
        members_p = cp.Parameter((m, ctx.n), name="node_members") if ctx.n <= MEMBERS_AS_DATA_MAX else None
        mz = (members_p if members_p is not None else ctx.node_members) @ ctx.z

        def values(x: Inputs, s: Setting) -> Values:
            members = x.node_matrix
            mw0 = members @ x.w0
            hi, hc = upper(np.array([nd.hi for nd in x.nodes]), s.keep)
            lo = np.array([max(nd.lo, 0.0) for nd in x.nodes])
            out: Values = {lo_p: lo - mw0, hi_p: hi - mw0, hi_c: hc}
            if members_p is not None:
                out[members_p] = members
            return out

        return Compiled([mz >= lo_p, mz + cp.multiply(hi_c, ctx.cost) <= hi_p], values)
