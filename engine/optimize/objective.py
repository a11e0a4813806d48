"""The objective's terms, one object each, compiled like the limits (limits/base.py): tracking error to
the targets, trading costs, and the tie-break that only orders answers sharing the optimum.

Stage 1 minimizes ``TrackingError + TradingCost``; stage 2 (a singular risk model only, problem.py) keeps
the stage-1 risk exposures and cost (``TieBreak.pin``) and minimizes ``TieBreak`` among those answers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import cvxpy as cp
import numpy as np

from engine.market import FloatArray
from engine.optimize.inputs import Inputs
from engine.optimize.limits.base import Ctx, Setting, Values

COST_WEIGHT = 0.1  # γ: weight of trading costs (share of value) against tracking error² (variance)
EPS = 1e-6  # stage 2: weight of the trade count tie-break next to ‖w - t‖²


def _none(x: Inputs, s: Setting) -> Values:
    return {}


@dataclass(frozen=True, eq=False)
class CompiledTerm:
    expr: cp.Expression
    values: Callable[[Inputs, Setting], Values] = _none
    constraints: list[cp.Constraint] = field(default_factory=list)
    # stage 2 only: the values that pin the stage-1 answer's risk exposures and cost (trades z1, cost c1)
    pin: Callable[[FloatArray, float, Setting], Values] | None = None


class TrackingError:
    """Tracking error² to the targets t: ``‖F(w - t)‖² + ‖d∘(w - t)‖²`` = ``‖y + F·gap‖² + ‖e + d∘gap‖²``
    with ``gap = w0 - t`` passed in as parameters (no product of two parameters: DPP)."""

    def compile(self, ctx: Ctx) -> CompiledTerm:
        gt = cp.Parameter(ctx.k, name="F_gap")
        te2 = cp.sum_squares(ctx.y + gt)
        et = None
        if not ctx.exact:
            assert ctx.e is not None
            et = cp.Parameter(ctx.n, name="d_gap")
            te2 = te2 + cp.sum_squares(ctx.e + et)

        def values(x: Inputs, s: Setting) -> Values:
            gap = x.w0 - x.target
            v: Values = {gt: s.f @ gap}
            if et is not None:
                v[et] = s.d * gap
            return v

        return CompiledTerm(te2, values)


class TradingCost:
    """γ · cost: a one-off cost of 1 % of the value weighs as much as a tracking error² of 0.001 (a
    tracking error of about 3.2 %); the same stated trade-off as the independent test solve."""

    def compile(self, ctx: Ctx) -> CompiledTerm:
        return CompiledTerm(COST_WEIGHT * ctx.cost)


class TieBreak:
    """Among answers with the stage-1 risk exposures and no more cost: ``‖w - t‖² + ε·traded`` (the
    stated sub-weights, then fewer trades). The pinned equalities keep it a well-conditioned QP that
    cannot give up any optimality."""

    COST_ROOM = 1e-9  # stage 2 may add this share of the stage-1 cost (solver tolerance)

    def compile(self, ctx: Ctx) -> CompiledTerm:
        gap = cp.Parameter(ctx.n, name="gap")  # w0 - t
        y_star = cp.Parameter(ctx.k, name="Fz_stage1")
        cost_star = cp.Parameter(name="cost_stage1", nonneg=True)
        cons = [ctx.y == y_star, ctx.cost <= cost_star]
        e_star = None
        if not ctx.exact:
            assert ctx.e is not None
            e_star = cp.Parameter(ctx.n, name="dz_stage1")
            cons.append(ctx.e == e_star)
        expr = cp.sum_squares(ctx.z + gap) + EPS * cp.sum(ctx.traded)

        def values(x: Inputs, s: Setting) -> Values:
            v: Values = {gap: x.w0 - x.target, y_star: np.zeros(ctx.k), cost_star: 0.0}
            if e_star is not None:
                v[e_star] = np.zeros(ctx.n)
            return v

        def pin(z1: FloatArray, cost1: float, s: Setting) -> Values:
            v: Values = {y_star: s.f @ z1, cost_star: cost1 * (1.0 + self.COST_ROOM) + 1e-12}
            if e_star is not None:
                v[e_star] = s.d * z1
            return v

        return CompiledTerm(expr, values, cons, pin)
