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
    pairs = compile_each(ctx)
    return [row for _, c in pairs for row in c.constraints], [c for _, c in pairs]


def compile_each(ctx: Ctx) -> list[tuple[Limit, Compiled]]:
    """Each limit with its compiled rows (a limit with nothing to state is left out)."""
    out: list[tuple[Limit, Compiled]] = []
    for limit in LIMITS:
        c = limit.compile(ctx)
        if c is not None:
            out.append((limit, c))
    return out


def cap_rows(pairs: list[tuple[Limit, Compiled]]) -> list[cp.Constraint]:
    """The volatility cap's rows (its second-order cone): what a cap-free problem leaves out."""
    return [row for limit, c in pairs if isinstance(limit, VolCap) for row in c.constraints]


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
    "cap_rows",
    "compile_each",
    "compile_limits",
]
