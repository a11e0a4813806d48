"""HouseholdResult: a rebalance of several accounts toward one set of targets.

Plain, typed, serializable, like :class:`engine.result.RebalanceResult`, which it carries for the
household as a whole (``household``: targets, bands, risk, binding limits and the household's net trade
per ticker — the sum of the accounts' trades, from one joint solve; engine.optimize.household). Units: weights are fractions of value
(``weights_*`` of the household: of its total value after cash flows and before trading, cash included;
an account's: of that account's value the same way); money in USD.

Taxes: a sale in a taxable account of a position with lots lists the lots it takes (``lots``), their gains
(short- or long-term by acquired date vs the price date) and the estimated tax at the policy's rates for
``tax_year`` (a loss is shown, never credited). A position without lots has no gain to show
(``basis_known`` False); its sale carries the ``tax_placeholder`` cost instead.

Identity fields trace a stored result to its inputs: ``household_id``, ``account_ids``, ``scenario_hash``
(SHA-256 of the scenario as canonical JSON), ``engine_version``, ``schema_version``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from engine.messages import Message
from engine.model.household import HeldOutside, held_usd
from engine.result import RebalanceResult, Side, Status, _plain

SCHEMA_VERSION = 2  # 2: lots, tax estimates and tax year; 'unplaced' always empty (one joint solve)


@dataclass(frozen=True)
class LotSale:
    """One lot (or part of one) a taxable sale takes."""

    acquired: date | None
    shares: float
    basis: float  # per share, USD
    gain: float  # shares × (price − basis), USD (negative: a loss)
    long_term: bool  # held more than one year on the price date (unknown date: False)
    tax: float  # estimated: max(gain, 0) × the term's rate, USD
    wash_sale: bool = False  # a loss disallowed: the ticker is bought now or was in the last 30 days


@dataclass(frozen=True)
class AccountTrade:
    account_id: str
    ticker: str
    side: Side
    shares: float
    price: float
    amount: float  # shares × price
    cost: float  # estimated trading cost, USD
    tax_placeholder: float  # taxable_sell_bps × amount: a taxable sale of a position without lots, else 0
    realized_gain: float | None  # taxable sale with lots: Σ lot gains (USD); None: not taxable or unknown
    basis_known: bool  # False: a sale of a position without lots (its gain cannot be shown)
    reason: str  # why this trade (household) and why in this account (placement)
    lots: tuple[LotSale, ...] = ()  # the lots a taxable sale takes, in the policy's lot order
    tax_estimate: float = 0.0  # Σ lot taxes, USD (0 outside taxable accounts)
    where: tuple[Message, ...] = ()  # why in this account, as messages (``reason`` ends with their English)


@dataclass(frozen=True)
class Unplaced:
    """Kept for stored results of schema 1 and their readers: one joint solve places every share, so a
    schema-2 result's ``unplaced`` is always empty."""

    ticker: str
    shares: float  # + household buy / − sell that no account could take
    reason: str


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
    # lines held but not rebalanced (a mutual fund, an option…): listed, in no value or weight above
    held: tuple[HeldOutside, ...] = ()

    @property
    def held_value(self) -> float:
        """USD lines only (engine.model.household.held_usd)."""
        return held_usd(self.held)


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
    weights_before: dict[str, float]  # household, fractions of value after cash flows; "CASH" too
    weights_after: dict[str, float]  # fractions of the value before trading (after cash flows)
    vol_after: float  # annualized, of the household after the account trades
    cash_before: float
    cash_after: float
    tax_year: int  # the tax year of the rates used
    short_term_rate: float
    long_term_rate: float
    lot_method: str  # "specific" | "hifo"
    realized_gain: float  # Σ over taxable sales with lots, USD
    tax_estimate: float  # Σ estimated tax, USD
    placement_notes: tuple[str, ...]
    check_problems: tuple[str, ...]  # what the independent per-account checker found (empty: all held)
    solve_seconds: float
    unplaced: tuple[Unplaced, ...] = ()  # always empty since schema 2 (kept for the book and reports)
    schema_version: int = SCHEMA_VERSION

    @property
    def trades(self) -> tuple[AccountTrade, ...]:
        return tuple(t for a in self.accounts for t in a.trades)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = _plain(self)  # messages as {id, params, text}, like RebalanceResult
        return out

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, sort_keys=False)
