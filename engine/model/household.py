"""The household: several accounts, each with its own cash, positions and (optionally) tax lots.

A household is what an investor (or an advisor's client) owns: a taxable brokerage account, IRAs, a Roth,
a 401(k) with a fund menu, an HSA — often at two brokers. The policy (targets, bands, household limits,
:mod:`engine.model.policy`) is kept apart, so one policy can serve many households.

Units: money in USD; shares may be fractional; a lot's ``basis`` is the cost per share in USD.

A position without lots is valid: its cost basis is unknown, and every place that would show a gain says
"basis unknown" (:attr:`Position.basis_known`).

The scenario keeps working as before: :attr:`Scenario.portfolio` is the household's flat view (every
account's shares and cash added up) and :attr:`Scenario.constraints` carries the household sums of cash
buffers and cash flows (:func:`with_household`). A scenario without a household is one taxable account
(:func:`household_of`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from engine.errors import ScenarioError

if TYPE_CHECKING:
    from engine.model.scenario import Scenario


class AccountKind(StrEnum):
    TAXABLE = "taxable"
    TRADITIONAL_IRA = "traditional_ira"
    ROTH_IRA = "roth_ira"
    K401 = "401k"
    HSA = "hsa"

    @property
    def tax_advantaged(self) -> bool:
        """A sale here realizes no taxable gain."""
        return self is not AccountKind.TAXABLE

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    AccountKind.TAXABLE: "taxable",
    AccountKind.TRADITIONAL_IRA: "traditional IRA",
    AccountKind.ROTH_IRA: "Roth IRA",
    AccountKind.K401: "401(k)",
    AccountKind.HSA: "HSA",
}


@dataclass(frozen=True)
class Lot:
    """A tax lot: ``shares`` bought on ``acquired`` at ``basis`` USD per share."""

    shares: float
    basis: float
    acquired: date | None = None


@dataclass(frozen=True)
class Position:
    """Shares of one ticker in one account. ``lots`` may be empty (basis unknown); when given, their
    shares add up to ``shares``."""

    ticker: str
    shares: float
    price: float | None = None  # the user's own price, if given
    lots: tuple[Lot, ...] = ()

    @property
    def basis_known(self) -> bool:
        return bool(self.lots)

    @property
    def cost_basis(self) -> float | None:
        """Total cost basis in USD, or None when unknown (no lots)."""
        if not self.lots:
            return None
        return sum(lot.shares * lot.basis for lot in self.lots)

    def unrealized_gain(self, price: float) -> float | None:
        """Gain at ``price`` per share, or None: basis unknown."""
        basis = self.cost_basis
        return None if basis is None else self.shares * price - basis


@dataclass(frozen=True)
class HeldOutside:
    """A line the account holds that Coresat does not rebalance — a mutual fund without a ticker, an
    option, a bond, a short or non-USD position (what a broker import lists as "held, not rebalanced").
    Kept with the account so that its value is not lost from view: never traded, in no weight, no limit
    and no household total the optimizer uses. ``value`` is the statement's market value in ``currency``
    (the line's own: a non-USD line is not converted)."""

    symbol: str
    value: float
    why: str = ""
    currency: str = "USD"

    def value_text(self) -> str:
        """``13,385.75`` for USD, ``1,200.00 EUR`` in another currency."""
        return f"{self.value:,.2f}" + ("" if self.currency == "USD" else f" {self.currency}")


def held_usd(held: tuple[HeldOutside, ...]) -> float:
    """The USD value of lines held but not rebalanced (other currencies are not converted: left out)."""
    return sum(h.value for h in held if h.currency == "USD")


@dataclass(frozen=True)
class Account:
    id: str
    name: str
    kind: AccountKind = AccountKind.TAXABLE
    broker: str = ""
    cash: float = 0.0
    cash_buffer: float = 0.0  # cash to keep after trading, USD
    cash_flow: float = 0.0  # + contribution into this account, - withdrawal from it, USD
    positions: tuple[Position, ...] = ()
    no_buy: frozenset[str] = frozenset()
    no_sell: frozenset[str] = frozenset()
    allowed: frozenset[str] | None = None  # the funds this account may buy (a 401(k) menu); None: any
    held: tuple[HeldOutside, ...] = ()  # lines held but not rebalanced (listed, never traded)

    def shares_of(self, ticker: str) -> float:
        return sum(p.shares for p in self.positions if p.ticker == ticker)

    def may_buy(self, ticker: str) -> bool:
        return ticker not in self.no_buy and (self.allowed is None or ticker in self.allowed)

    def may_sell(self, ticker: str) -> bool:
        return ticker not in self.no_sell

    @property
    def label(self) -> str:
        return f"{self.name} ({self.kind.label})"

    @property
    def held_value(self) -> float:
        """The USD value of the lines held but not rebalanced (not part of any weight; lines in another
        currency are not converted and not in this sum)."""
        return held_usd(self.held)


@dataclass(frozen=True)
class Household:
    id: str
    name: str
    accounts: tuple[Account, ...]

    @property
    def tickers(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.ticker for a in self.accounts for p in a.positions))

    def account(self, account_id: str) -> Account:
        return next(a for a in self.accounts if a.id == account_id)

    @property
    def cash(self) -> float:
        return sum(a.cash for a in self.accounts)


# ------------------------------------------------------------------------------ scenario ⇄ household


def household_of(sc: Scenario) -> Household:
    """The scenario's household; a scenario without one is a single taxable account holding its flat
    portfolio, with the scenario's cash buffer and cash flow."""
    if sc.household is not None:
        return sc.household
    c = sc.constraints
    acct = Account(
        id="main",
        name="Account",
        kind=AccountKind.TAXABLE,
        cash=sc.portfolio.cash,
        cash_buffer=c.min_cash,
        cash_flow=c.cash_flow,
        positions=tuple(Position(h.ticker, h.shares, h.price) for h in sc.portfolio.holdings),
    )
    return Household(id="household", name=sc.name, accounts=(acct,))


def flat_view(hh: Household) -> tuple[tuple[tuple[str, float, float | None], ...], float]:
    """(ticker, shares summed over accounts, a given price) per ticker, and the summed cash."""
    shares: dict[str, float] = {}
    price: dict[str, float | None] = {}
    for a in hh.accounts:
        for p in a.positions:
            shares[p.ticker] = shares.get(p.ticker, 0.0) + p.shares
            if price.get(p.ticker) is None:
                price[p.ticker] = p.price
    return tuple((t, s, price[t]) for t, s in shares.items()), hh.cash


def with_household(sc: Scenario, hh: Household) -> Scenario:
    """``sc`` holding ``hh``: the flat portfolio becomes the household's sum, the scenario's cash buffer
    and cash flow the sums of the accounts' (restrictions stay household-wide; accounts add their own)."""
    from engine.model.scenario import Holding, Portfolio

    rows, cash = flat_view(hh)
    portfolio = Portfolio(
        holdings=tuple(Holding(t, s, p) for t, s, p in rows), cash=cash, currency=sc.portfolio.currency
    )
    constraints = replace(
        sc.constraints,
        min_cash=sum(a.cash_buffer for a in hh.accounts),
        cash_flow=sum(a.cash_flow for a in hh.accounts),
    )
    return replace(sc, household=hh, portfolio=portfolio, constraints=constraints)


# ------------------------------------------------------------------------------------------ validation


def validate_household(hh: Household) -> None:
    """Raise ScenarioError naming the account and the field: ``accounts[2] 'Roth' cash: must be ≥ 0``."""
    if not hh.accounts:
        raise ScenarioError("household.accounts", "no accounts: add at least one")
    ids: set[str] = set()
    for i, a in enumerate(hh.accounts):
        where = f"accounts[{i}] {_q(a.name)}"
        if not a.id.strip():
            raise ScenarioError(f"{where} id", "is empty")
        if a.id in ids:
            raise ScenarioError(f"{where} id", f"{_q(a.id)} is used by two accounts")
        ids.add(a.id)
        if not a.name.strip():
            raise ScenarioError(f"accounts[{i}] name", "is empty")
        for name, v in (("cash", a.cash), ("cash_buffer", a.cash_buffer)):
            if not math.isfinite(v) or v < 0:
                raise ScenarioError(f"{where} {name}", f"must be ≥ 0, got {v!r}")
        if not math.isfinite(a.cash_flow):
            raise ScenarioError(f"{where} cash_flow", "must be a number")
        seen: set[str] = set()
        for j, p in enumerate(a.positions):
            pw = f"{where} positions[{j}]"
            if not p.ticker.strip():
                raise ScenarioError(f"{pw} ticker", "is empty")
            if p.ticker in seen:
                raise ScenarioError(
                    f"{pw} ticker", f"{p.ticker} is listed twice in this account; merge the rows"
                )
            seen.add(p.ticker)
            if not math.isfinite(p.shares) or p.shares < 0:
                raise ScenarioError(f"{pw} shares", f"must be ≥ 0, got {p.shares!r}")
            if p.price is not None and (not math.isfinite(p.price) or p.price <= 0):
                raise ScenarioError(f"{pw} price", f"must be positive, got {p.price!r}")
            for k, lot in enumerate(p.lots):
                lw = f"{pw} lots[{k}]"
                if not math.isfinite(lot.shares) or lot.shares <= 0:
                    raise ScenarioError(f"{lw} shares", f"must be > 0, got {lot.shares!r}")
                if not math.isfinite(lot.basis) or lot.basis < 0:
                    raise ScenarioError(f"{lw} basis", f"must be ≥ 0, got {lot.basis!r}")
            if p.lots:
                total = sum(lot.shares for lot in p.lots)
                if abs(total - p.shares) > 1e-6 * max(1.0, p.shares):
                    raise ScenarioError(
                        f"{pw} lots",
                        f"lots hold {total:g} shares but the position holds {p.shares:g}; make them agree",
                    )


def _q(text: str) -> str:
    return repr(text if len(text) <= 30 else text[:29] + "…")
