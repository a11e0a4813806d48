"""One object per limit: each checks a result, reports whether it binds, gives its elastic form for the
infeasibility diagnosis and says how rounding repairs it (see base.Limit). ``LIMITS`` is the whole list,
in the order the checker reports them."""

import cvxpy as cp

from engine.optimize.limits.base import Compiled, Ctx, ElasticVars, Limit, LimitState, Repair, Violation
from engine.optimize.limits.portfolio import AssetBounds, MinCash, NodeBounds, VolCap
from engine.optimize.limits.sector import CompanyCaps, SectorBounds
from engine.optimize.limits.trades import MinTrade, NoShort, Restrictions, Turnover, WholeShares

LIMITS: tuple[Limit, ...] = (
    NoShort(),
    MinCash(),
    VolCap(),
    AssetBounds(),
    NodeBounds(),
    SectorBounds(),
    CompanyCaps(),
    Turnover(),
    Restrictions(),
    MinTrade(),
    WholeShares(),
)


def compile_limits(ctx: Ctx) -> tuple[list[cp.Constraint], list[Compiled]]:
    """Every limit's rows against the variables in ``ctx`` (a limit with nothing to state adds none), and
    the compiled limits, which set their own parameter values at each solve."""
    rows: list[cp.Constraint] = []
    compiled: list[Compiled] = []
    for limit in LIMITS:
        c = limit.compile(ctx)
        if c is not None:
            rows += c.constraints
            compiled.append(c)
    return rows, compiled


__all__ = [
    "LIMITS",
    "AssetBounds",
    "CompanyCaps",
    "ElasticVars",
    "Limit",
    "LimitState",
    "MinCash",
    "MinTrade",
    "NoShort",
    "NodeBounds",
    "Repair",
    "Restrictions",
    "SectorBounds",
    "Turnover",
    "Violation",
    "VolCap",
    "WholeShares",
    "compile_limits",
]
