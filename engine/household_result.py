"""HouseholdResult: a rebalance of several accounts toward one set of targets.

Plain, typed, serializable, like :class:`engine.result.RebalanceResult`, which it carries for the
household as a whole (``household``: targets, bands, risk and the household's net trade per ticker, from
the single-account engine run on the household's flat view). Units: weights are fractions of value
(``weights_*`` of the household: of its total value after cash flows, cash included; an account's: of
that account's value); money in USD.

Identity fields trace a stored result to its inputs: ``household_id``, ``account_ids``, ``scenario_hash``
(SHA-256 of the scenario as canonical JSON), ``engine_version``, ``schema_version``.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from engine.result import RebalanceResult, Side, Status, _plain

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class AccountTrade:
    account_id: str
    ticker: str
    side: Side
    shares: float
    price: float
    amount: float  # shares × price
    cost: float  # estimated trading cost, USD
    tax_placeholder: float  # taxable_sell_bps × amount for a sale in a taxable account, else 0 (not a tax)
    realized_gain: (
        float | None
    )  # sale in a taxable account with lots: at average cost; None: no gain or unknown
    basis_known: bool  # False: a sale of a position without lots (its gain cannot be shown)
    reason: str  # why this trade (household) and why in this account (placement)


@dataclass(frozen=True)
class AccountRow:
    id: str
    name: str
    kind: str
    broker: str
    cash_flow: float
    cash_before: float  # after its cash flow, before trades
    cash_after: float
    cash_buffer: float
    value_before: float  # after its cash flow, before trades
    value_after: float  # after trades and their costs
    trades: tuple[AccountTrade, ...]
    shares_before: dict[str, float]
    shares_after: dict[str, float]
    weights_before: dict[str, float]  # of this account's value; cash under "CASH"
    weights_after: dict[str, float]


@dataclass(frozen=True)
class Unplaced:
    ticker: str
    shares: float  # + household buy / − sell that no account could take
    reason: str


@dataclass(frozen=True)
class HouseholdResult:
    status: Status
    household_id: str
    household_name: str
    account_ids: tuple[str, ...]
    scenario_hash: str
    engine_version: str
    household: RebalanceResult  # the household as one portfolio (its trades are the net per ticker)
    accounts: tuple[AccountRow, ...]
    weights_before: dict[str, float]  # household, fractions of total value after cash flows; "CASH" too
    weights_after: dict[str, float]
    vol_after: float  # annualized, of the household after the account trades
    cash_before: float
    cash_after: float
    unplaced: tuple[Unplaced, ...]
    placement_notes: tuple[str, ...]
    check_problems: tuple[str, ...]  # what the independent per-account checker found (empty: all held)
    solve_seconds: float
    schema_version: int = SCHEMA_VERSION

    @property
    def trades(self) -> tuple[AccountTrade, ...]:
        return tuple(t for a in self.accounts for t in a.trades)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = _plain(dataclasses.asdict(self))
        return out

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, sort_keys=False)
