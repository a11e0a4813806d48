"""One object per limit: each checks a result, reports whether it binds, gives its elastic form for the
infeasibility diagnosis and says how rounding repairs it (see base.Limit). ``LIMITS`` is the whole list,
in the order the checker reports them."""

from engine.optimize.limits.base import ElasticVars, Limit, LimitState, Repair, Violation
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
]
