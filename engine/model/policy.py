"""The policy: what a household should hold and the limits on getting there, apart from its accounts.

One policy (the core/satellite target tree with its bands, the household-level limits: volatility cap,
turnover cap, small-cap share, trading costs, minimum trade) can be applied to many households — the
advisor's book does that. The scenario stores it in its ``targets`` and ``constraints`` (as before) plus
``placement``; :func:`policy_of` gathers them and :func:`apply_policy` puts one onto a scenario.

Where-to-trade preferences (:class:`Placement`) are explicit costs the household optimizer adds to its
objective, in basis points of the traded amount:

- ``taxable_sell_bps`` — charged on every sale in a taxable account. A *placeholder* for a real gain model
  (the tax issue): it makes the optimizer rebalance inside tax-advantaged accounts first, where a sale
  realizes no gain. Default 50 bps.
- ``location`` — optional asset location: sleeve name → the account kinds it belongs in. A purchase of
  that sleeve in any other kind of account costs ``off_location_bps`` extra (default 20 bps). Only
  purchases are charged, so existing holdings are never churned just to move them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from engine.model.household import AccountKind

if TYPE_CHECKING:
    from engine.model.scenario import Constraints, Scenario, TargetTree

DEFAULT_TAXABLE_SELL_BPS = 50.0
DEFAULT_OFF_LOCATION_BPS = 20.0


@dataclass(frozen=True)
class Placement:
    taxable_sell_bps: float = DEFAULT_TAXABLE_SELL_BPS
    location: Mapping[str, frozenset[AccountKind]] = field(default_factory=dict)
    off_location_bps: float = DEFAULT_OFF_LOCATION_BPS

    def off_location(self, sleeve: str | None, kind: AccountKind) -> bool:
        """True when buying ``sleeve`` in an account of ``kind`` goes against the location preference."""
        if sleeve is None or sleeve not in self.location:
            return False
        return kind not in self.location[sleeve]


@dataclass(frozen=True)
class Policy:
    """Targets plus household-level limits. Account-level cash buffers, cash flows and restrictions
    belong to the accounts; ``constraints.no_buy``/``no_sell`` here apply in every account."""

    targets: TargetTree
    constraints: Constraints
    placement: Placement = field(default_factory=Placement)

    @property
    def vol_cap(self) -> float | None:
        return self.constraints.vol_cap

    @property
    def turnover_cap(self) -> float | None:
        return self.constraints.turnover_cap


def policy_of(sc: Scenario) -> Policy:
    """The scenario's policy (its cash buffer and cash flow are the accounts', so set to zero here)."""
    return Policy(
        targets=sc.targets,
        constraints=replace(sc.constraints, min_cash=0.0, cash_flow=0.0),
        placement=sc.placement,
    )


def apply_policy(sc: Scenario, policy: Policy) -> Scenario:
    """``sc`` with ``policy``'s targets, limits and placement; its accounts' buffers and flows kept."""
    constraints = replace(
        policy.constraints, min_cash=sc.constraints.min_cash, cash_flow=sc.constraints.cash_flow
    )
    return replace(sc, targets=policy.targets, constraints=constraints, placement=policy.placement)
