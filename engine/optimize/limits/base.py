"""What every limit object does, and the small records they exchange.

A limit knows, for one kind of user-stated restriction:
- ``ids``: the typed names (``LimitId``) of its instances in a scenario (one per ticker / sleeve, or one);
- ``check``: which of them a proposed set of holdings breaks (the final checker), in plain words;
- ``states``: for each instance, the stated value, the value reached and whether it binds;
- ``elastic``: its constraints with a slack variable per instance, for the infeasibility diagnosis, over
  the optimizer's own feasible-set variables (weights of the value before trading, cost share);
- ``repair``: how whole-share rounding repairs it (the rounding and retry steps read this).
The optimizer's parametrized problem (problem.py) states the same limits in DPP form; the elastic forms
here use the same post-cost weights and risk model, and the tests check both against each other.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass

import cvxpy as cp

from engine.optimize.evaluation import Evaluation
from engine.optimize.inputs import Inputs
from engine.optimize.limit_id import LimitId

WEIGHT_TOL = 1e-9
VOL_TOL = 1e-9
NEAR = 2e-4  # a limit within this (weight or volatility) of its value binds


@dataclass(frozen=True)
class Violation:
    limit: LimitId
    message: str  # plain words
    asset: str = ""  # the ticker concerned, for limits stated once for all (minimum trade, whole shares)

    @property
    def constraint(self) -> str:
        """The limit's name as text (JSON and older callers): "vol_cap", "asset_max:IWN", "min_trade:IWN"."""
        if self.asset and not self.limit.subject:
            return f"{self.limit}:{self.asset}"
        return str(self.limit)


@dataclass(frozen=True)
class LimitState:
    limit: LimitId
    stated: float  # the limit's value (weights and vols as fractions, money in currency)
    reached: float  # the same quantity in the evaluated holdings
    binds: bool  # at (or within NEAR of) its value


@dataclass(frozen=True)
class ElasticVars:
    """The diagnosis's feasible-set variables: weights of the value before trading, traded weight, the
    cost share of value (``keep = 1 - cost``), and the volatility expression under the solve's model."""

    w: cp.Expression
    traded: cp.Expression
    cost: cp.Expression
    vol: Callable[[cp.Expression], cp.Expression]

    @property
    def keep(self) -> cp.Expression:
        return 1 - self.cost


Slack = Callable[[LimitId], cp.Variable]


class Repair:
    """How rounding repairs a broken limit (read by rounding and the retry loop)."""

    LESS_EXPOSURE = "less exposure"  # trade less of / sell more of the holdings pushing it over
    MORE_EXPOSURE = "more exposure"  # buy more of / sell less of the holdings below it
    LESS_BUYING = "less buying"  # shrink the largest buy (cash)
    LESS_TRADING = "less trading"  # shrink the largest trade (turnover)
    DROP_TRADE = "drop trade"  # drop a trade that is too small
    NONE = "none"  # rounding never breaks it (restrictions are kept exactly)


class Limit(ABC):
    repair: str = Repair.NONE

    @abstractmethod
    def ids(self, x: Inputs) -> tuple[LimitId, ...]:
        """The instances stated in this scenario (empty: the limit is not set)."""

    @abstractmethod
    def check(self, x: Inputs, ev: Evaluation, *, trades: bool = True) -> list[Violation]:
        """The instances ``ev`` breaks. ``trades=False`` checks only the state, not the trades."""

    def states(self, x: Inputs, ev: Evaluation) -> list[LimitState]:
        """Stated vs reached value of each instance (limits on trades report what the trades used)."""
        return []

    def elastic(self, x: Inputs, v: ElasticVars, slack: Slack) -> list[cp.Constraint]:
        """Constraints with a slack per instance (limits that stay hard return them without slack)."""
        return []


def pct(v: float) -> str:
    return f"{v * 100:.2f} %"
