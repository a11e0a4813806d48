"""What every limit object does, and the small records they exchange.

A limit knows, for one kind of user-stated restriction:
- ``ids``: the typed names (``LimitId``) of its instances in a scenario (one per ticker / sleeve, or one);
- ``check``: which of them a proposed set of holdings breaks (the final checker), in plain words;
- ``states``: for each instance, the stated value, the value reached and whether it binds;
- ``elastic``: its constraints with a slack variable per instance, for the infeasibility diagnosis, over
  the optimizer's own feasible-set variables (weights of the value before trading, cost share);
- ``repair``: how whole-share rounding repairs it (the rounding and retry steps read this);
- ``compile``: its rows in the optimizer's parametrized DPP problem (problem.py), over the problem's
  variables (``Ctx``), with the parameters it owns and how to set them from the inputs (``Compiled``):
  the problem is built once per shape, and a solve only sets values (cvxportfolio's constraints are the
  model). A limit that adds no row (minimum trade, whole shares) compiles to nothing.
The elastic forms use the same post-cost weights and risk model, and the tests check both against each
other.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass

import cvxpy as cp
import numpy as np

from engine.market import BoolArray, FloatArray
from engine.optimize.evaluation import Evaluation
from engine.optimize.inputs import Inputs
from engine.optimize.limit_id import LimitId

WEIGHT_TOL = 1e-9
VOL_TOL = 1e-9
NEAR = 2e-4  # a limit within this (weight or volatility) of its value binds
SAFETY = 1e-7  # relative room kept under upper limits for solver tolerance
BIG_CAP = 1.0  # a volatility cap at or above this is no cap (inputs use BIG = 10)

Values = dict[cp.Parameter, FloatArray | float]


@dataclass(frozen=True, eq=False)
class Ctx:
    """The optimizer's variables and structure, which every limit and objective term compiles against.
    Weights are fractions of the value before trading: trades ``z = zb - zs`` (buys, sells ≥ 0), the cost
    share ``cost``, the risk exposures of the trades ``y = F z`` (and ``e = d∘z`` with a factor model)."""

    n: int
    k: int  # rows of the risk factor F
    exact: bool  # F is the exact covariance root (no residual term e)
    zb: cp.Variable
    zs: cp.Variable
    z: cp.Variable
    cost: cp.Variable
    y: cp.Variable
    e: cp.Variable | None
    node_members: FloatArray  # sleeve / small-cap rows (0/1 per asset)
    look_kinds: tuple[str, ...]  # kind of each look-through row ("sector", "company")

    @property
    def traded(self) -> cp.Expression:
        return self.zb + self.zs


@dataclass(frozen=True, eq=False)
class Setting:
    """What one solve sets besides the inputs: the risk model in use (``Σ ≈ FᵀF + diag(d²)``), the
    volatility cap (the user's, or one tightened for rounding) and the assets frozen for this solve."""

    f: FloatArray
    d: FloatArray
    vol_cap: float
    fixed: BoolArray | None = None

    @property
    def keep(self) -> float:
        return 1.0 - SAFETY


def upper(hi: FloatArray, keep: float) -> tuple[FloatArray, FloatArray]:
    """(upper bound, its cost coefficient) of post-cost upper limits ``w ≤ hi·(1 - c)``: a little room
    for solver tolerance where the limit is real (hi < 1), nothing where it is not."""
    hi = np.asarray(hi, dtype=float)
    return np.where(hi < 1.0, hi * keep, hi), np.where(hi < 1.0, hi * keep, 0.0)


@dataclass(frozen=True, eq=False)
class Compiled:
    """One limit's (or objective term's) rows in the problem and how to set its parameters."""

    constraints: list[cp.Constraint]
    values: Callable[[Inputs, Setting], Values]


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

    def compile(self, ctx: Ctx) -> Compiled | None:
        """Its rows in the DPP problem, with parameters only (None: it adds no row)."""
        return None


def pct(v: float) -> str:
    return f"{v * 100:.2f} %"
