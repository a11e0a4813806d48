"""The policy: what a household should hold and the limits on getting there, apart from its accounts.

One policy (the core/satellite target tree with its bands, the household-level limits: volatility cap,
turnover cap, small-cap share, trading costs, minimum trade) can be applied to many households — the
advisor's book does that. The scenario stores it in its ``targets`` and ``constraints`` (as before) plus
``placement``; :func:`policy_of` gathers them and :func:`apply_policy` puts one onto a scenario.

Where-to-trade preferences (:class:`Placement`) are explicit costs the household optimizer adds to its
objective, in basis points of the traded amount:

- ``taxable_sell_bps`` — charged on a sale in a taxable account of a position *without lots* (its basis is
  unknown, so no gain can be computed): it still makes the optimizer rebalance inside tax-advantaged
  accounts first, where a sale realizes no gain. Default 50 bps.
- ``tax`` — the capital-gains rates (:class:`TaxRates`, with the tax year they are for) that price a sale
  in a taxable account lot by lot (engine.optimize.household.tax); ``taxable_sell_bps`` then applies
  only to positions without lots (basis unknown).
- ``location`` — optional asset location: sleeve name → the account kinds it belongs in. A purchase of
  that sleeve in any other kind of account costs ``off_location_bps`` extra (default 20 bps). Only
  purchases are charged, so existing holdings are never churned just to move them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from engine.model.household import AccountKind

if TYPE_CHECKING:
    from engine.model.scenario import Constraints, Scenario, TargetTree

DEFAULT_TAXABLE_SELL_BPS = 50.0
DEFAULT_OFF_LOCATION_BPS = 20.0


class LotMethod(StrEnum):
    SPECIFIC = "specific"  # the lots with the lowest estimated tax first (specific-lot identification)
    HIFO = "hifo"  # highest cost first


DEFAULT_TAX_YEAR = 2026
DEFAULT_SHORT_TERM = 0.24  # US federal ordinary rate of the 24 % bracket: an assumption, set your own
DEFAULT_LONG_TERM = 0.15  # US federal long-term rate for most filers: an assumption, set your own


@dataclass(frozen=True)
class TaxRates:
    """Capital-gains rates (fractions) for ``year``: short-term (held one year or less) and long-term."""

    year: int = DEFAULT_TAX_YEAR
    short_term: float = DEFAULT_SHORT_TERM
    long_term: float = DEFAULT_LONG_TERM
    lot_method: LotMethod = LotMethod.SPECIFIC
    avoid_wash_sales: bool = True


@dataclass(frozen=True)
class Placement:
    taxable_sell_bps: float = DEFAULT_TAXABLE_SELL_BPS
    location: Mapping[str, frozenset[AccountKind]] = field(default_factory=dict)
    off_location_bps: float = DEFAULT_OFF_LOCATION_BPS
    tax: TaxRates = field(default_factory=TaxRates)

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
