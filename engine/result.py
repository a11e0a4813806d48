"""RebalanceResult: the one value every consumer reads (GUI, CLI JSON, reports, batch).

Plain, typed, serializable. Units: weights are fractions of the total portfolio value after the cash
flow (cash included); money in the account currency; volatility and tracking error annualized fractions.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

DISCLAIMER = "Coresat computes what your own settings imply. It is not investment advice."


class Status(StrEnum):
    OK = "ok"  # trades proposed
    NO_TRADES_NEEDED = "no_trades_needed"  # every node inside its band (and no cash flow to invest)
    INFEASIBLE = "infeasible"  # the stated constraints cannot all hold; see ``infeasibility``


class Side(StrEnum):
    BUY = "buy"
    SELL = "sell"


@dataclass(frozen=True)
class Trade:
    ticker: str
    side: Side
    shares: float  # always positive; whole numbers unless fractional shares are allowed
    price: float  # price used to size the trade
    amount: float  # shares × price, positive
    cost: float  # estimated trading cost in currency
    reason: str  # plain words: why this trade is there


@dataclass(frozen=True)
class AssetRow:
    """One ticker: weights before / target / after, and risk."""

    ticker: str
    sleeve: str
    price: float
    shares_before: float
    shares_after: float
    weight_before: float
    weight_target: float
    weight_after: float
    drift: float  # weight_before - weight_target
    band: float  # allowed absolute drift (tolerance)
    outside_band: bool
    risk_contribution_before: float  # share of portfolio variance (sums to 1 over assets)
    risk_contribution_after: float


@dataclass(frozen=True)
class SleeveRow:
    name: str
    role: str
    weight_before: float
    weight_target: float
    weight_after: float
    drift: float
    band: float
    outside_band: bool
    risk_contribution_before: float
    risk_contribution_after: float


@dataclass(frozen=True)
class Binding:
    """A constraint that shapes the answer, said in plain words."""

    constraint: str  # machine name: vol_cap, turnover_cap, asset_max:IWN, sleeve_min:Core, min_cash, ...
    message: str  # "volatility cap 16 % binds: satellites cut from 30 % to 24 %"


@dataclass(frozen=True)
class Infeasibility:
    message: str  # what cannot hold, and what to change
    conflicting: tuple[str, ...]  # constraint names that conflict
    nearest: dict[str, float] = field(default_factory=dict)  # e.g. {"vol_cap": 0.171}


@dataclass(frozen=True)
class Assumptions:
    price_date: date | None
    price_source: str  # "simulated demo data", "Yahoo live", "price store as of …", "inline"
    risk_window: str  # "756 trading days, 2023-11-20 .. 2026-11-20"
    estimator: str
    risk_source: str = ""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class RebalanceResult:
    status: Status
    scenario_name: str
    trades: tuple[Trade, ...]
    assets: tuple[AssetRow, ...]
    sleeves: tuple[SleeveRow, ...]
    total_value: float  # portfolio value after the cash flow, before trades
    cash_before: float  # after the cash flow, before trades
    cash_after: float
    cash_weight_target: float
    vol_before: float
    vol_target: float
    vol_after: float
    vol_cap: float | None
    tracking_error_before: float  # ex-ante, to the target weights
    tracking_error_after: float
    turnover: float  # (buys + sells) / total value
    total_cost: float
    rounding_residual: float  # money by which the tradable trades differ from the continuous optimum
    binding: tuple[Binding, ...]
    assumptions: Assumptions
    infeasibility: Infeasibility | None = None
    messages: tuple[str, ...] = ()  # other things the user should read
    disclaimer: str = DISCLAIMER
    solve_seconds: float = 0.0

    @property
    def n_trades(self) -> int:
        return len(self.trades)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = _plain(dataclasses.asdict(self))
        return out

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, sort_keys=False)


def _plain(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
    if isinstance(obj, StrEnum):
        return obj.value
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, float):
        return round(obj, 10)
    return obj
