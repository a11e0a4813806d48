"""Domain model: holdings, the core/satellite target tree, constraints and the scenario."""

from engine.model.scenario import (
    AssetTarget,
    Band,
    Constraints,
    DataSettings,
    Holding,
    InlineMarket,
    Mode,
    Portfolio,
    Role,
    Scenario,
    Sleeve,
    TargetTree,
)

__all__ = [
    "AssetTarget",
    "Band",
    "Constraints",
    "DataSettings",
    "Holding",
    "InlineMarket",
    "Mode",
    "Portfolio",
    "Role",
    "Scenario",
    "Sleeve",
    "TargetTree",
]
