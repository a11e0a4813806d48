"""RebalanceResult: the one value every consumer reads (GUI, CLI JSON, reports, batch).

Plain, typed, serializable. Units: weights are fractions of the total portfolio value after the cash
flow (cash included); money in the account currency; volatility and tracking error annualized fractions.

Words are ``Message`` values (an id and typed numbers, see engine.messages) next to their English
rendering, which the JSON keeps for readers that do not know the ids. Limits are ``LimitId`` values;
the JSON writes them with ``str()``.

Schema versions: 1 — words as English text only; 2 — ``schema_version``, ``headline``, ``notes``,
``Trade.why``, ``Binding.why`` and ``Infeasibility.why`` (messages with ids), limits as typed ids.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from engine.messages import Message, english

if TYPE_CHECKING:  # engine.optimize imports this module: the id type is imported where it is used
    from engine.optimize.limit_id import LimitId

SCHEMA_VERSION = 2
DISCLAIMER = "Coresat computes what your own settings imply. It is not investment advice."


class Status(StrEnum):
    OK = "ok"  # trades proposed
    NO_TRADES_NEEDED = "no_trades_needed"  # every node inside its band (and no cash flow to invest)
    INFEASIBLE = "infeasible"  # the stated constraints cannot all hold; see ``infeasibility``


class Side(StrEnum):
    BUY = "buy"
    SELL = "sell"


_Row = TypeVar("_Row")


def make_row(cls: type[_Row], values: dict[str, Any]) -> _Row:
    """``cls(**values)`` for a frozen dataclass without ``__post_init__`` or slots (Trade, AssetRow,
    SleeveRow, RebalanceResult, the optimizer's Inputs), ``values`` naming every field, defaults included:
    the same object, built without the generated ``__init__``'s one ``object.__setattr__`` per field (a
    result has a row per ticker and a trade for most). tests/engine/optimize/test_same_as_before.py checks
    that every field is set."""
    row = object.__new__(cls)
    row.__dict__.update(values)
    return row


@dataclass(frozen=True)
class Trade:
    ticker: str
    side: Side
    shares: float  # always positive; whole numbers unless fractional shares are allowed
    price: float  # price used to size the trade
    amount: float  # shares × price, positive
    cost: float  # estimated trading cost in currency
    reason: str  # plain words: why this trade is there (the English rendering of ``why``)
    why: Message | None = None


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
    """A limit that shapes the answer, said in plain words."""

    limit: LimitId  # vol_cap, turnover_cap, asset_max:IWN, sleeve_min:Core, min_cash, ...
    message: str  # "volatility cap 16.0 % binds: ..." (the English rendering of ``why``)
    why: Message | None = None

    @property
    def constraint(self) -> str:
        """The limit's name as the JSON writes it."""
        return str(self.limit)

    def json_value(self) -> dict[str, Any]:
        return {"constraint": str(self.limit), "message": self.message, "why": self.why}


@dataclass(frozen=True)
class Infeasibility:
    message: str  # what cannot hold, and what to change
    conflicting: tuple[LimitId | str, ...]  # the limits that conflict (typed ids; names from older solvers)
    nearest: Mapping[LimitId, float] | Mapping[str, float] = field(
        default_factory=dict
    )  # e.g. {vol_cap: 0.171}
    why: tuple[Message, ...] = ()

    def json_value(self) -> dict[str, Any]:
        """Limits by name (``str``), also as the keys of ``nearest``."""
        return {
            "message": self.message,
            "conflicting": [str(c) for c in self.conflicting],
            "nearest": {str(k): v for k, v in self.nearest.items()},
            "why": list(self.why),
        }

    @property
    def limits(self) -> tuple[LimitId, ...]:
        """The conflicting limits as typed ids (names no limit has are left out)."""
        out = [as_limit(c) for c in self.conflicting]
        return tuple(dict.fromkeys(lim for lim in out if lim is not None))

    @property
    def nearest_by_limit(self) -> dict[LimitId, float]:
        out: dict[LimitId, float] = {}
        for k, v in self.nearest.items():
            lim = as_limit(k)
            if lim is not None:
                out[lim] = float(v)
        return out


_LEGACY = {"no_borrowing": "min_cash", "costs": "costs"}
_PER_TICKER_WITHOUT_SUBJECT = ("min_trade", "whole_shares", "no_short")


def as_limit(name: LimitId | str) -> LimitId | None:
    """A limit name as written by a solver that still uses strings ("vol_cap", "min_trade:IWN",
    "no_borrowing"), as a typed id; a LimitId passes through; None for a name no limit has."""
    from engine.optimize.limit_id import LimitId, LimitKind

    if isinstance(name, LimitId):
        return name
    kind, _, subject = name.partition(":")
    kind = _LEGACY.get(kind, kind)
    if kind in _PER_TICKER_WITHOUT_SUBJECT:
        subject = ""
    try:
        return LimitId(LimitKind(kind), subject)
    except ValueError:
        return None


@dataclass(frozen=True)
class Assumptions:
    price_date: date | None
    price_source: str  # "simulated demo data", "Yahoo live", "price store as of …", "inline"
    risk_window: str  # "756 trading days, 2023-11-20 .. 2026-11-20"
    estimator: str
    risk_source: str = ""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class SectorExposure:
    """A sector's share of the portfolio through all funds (fractions of the total value; the rows of
    engine.risk.exposures: the 11 sectors, "Other", bond funds, "No sector data")."""

    sector: str
    before: float
    target: float
    after: float


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
    messages: tuple[str, ...] = ()  # other things the user should read (English renderings of ``notes``)
    disclaimer: str = DISCLAIMER
    solve_seconds: float = 0.0
    headline: Message | None = None  # what the status means for these numbers ("3 trades proposed.")
    notes: tuple[Message, ...] = ()
    schema_version: int = SCHEMA_VERSION
    # look-through sector weights before / at target / after, whenever a held fund has fund data
    # (engine.risk.exposure_result); empty when none has
    sector_exposures: tuple[SectorExposure, ...] = ()
    exposure_sources: tuple[str, ...] = ()  # the fund data used, each with its as-of date
    exposure_not_available: tuple[str, ...] = ()  # held tickers without fund data ("No sector data")

    @property
    def n_trades(self) -> int:
        return len(self.trades)

    @property
    def headline_text(self) -> str:
        return english(self.headline) if self.headline is not None else ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"schema_version": self.schema_version}
        out.update(_plain(self))
        return out

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, sort_keys=False)


def _plain(obj: Any) -> Any:
    """The JSON document of ``obj``: a value's ``json_value()`` when it has one (messages, limits,
    bindings, infeasibility), dataclasses field by field, floats rounded for reading."""
    if isinstance(obj, float):
        return round(obj, 10)
    if obj is None or (isinstance(obj, int | str) and not isinstance(obj, StrEnum)):
        return obj
    plain = getattr(obj, "json_value", None)
    if plain is not None:
        return _plain(plain())
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Mapping):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
    if isinstance(obj, StrEnum):
        return obj.value
    if isinstance(obj, date):
        return obj.isoformat()
    return obj
