"""What a broker statement says, as plain Qt-free values (the reader output of every layout).

Statement → accounts → positions → lots. Money is in the statement's currency (USD for every layout we
read; a position in another currency is kept and flagged). ``market_value`` is the broker's own figure
when the file gives one, else quantity × price. Account numbers are masked on the way in: only the last
four characters are kept.

:mod:`engine.imports.into_household` maps them onto the household model (each statement account becomes
or updates one account of the scenario's household). A *lots file* (Schwab lot details, Fidelity open
lots) has ``lots_only`` set: its positions are the sums of their lots, and importing it adds the lots to
positions already in the scenario instead of replacing the holdings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from engine.errors import CoresatError


class StatementError(CoresatError):
    """A statement file cannot be read. ``line`` is the 1-based line of the file where it went wrong."""

    def __init__(self, problem: str, *, line: int | None = None, source: str = "") -> None:
        self.problem = problem
        self.line = line
        self.source = source
        where = f"line {line}: " if line is not None else ""
        prefix = f"{source}: " if source else ""
        super().__init__(f"{prefix}{where}{problem}")


class NeedsMapping(StatementError):
    """A CSV whose layout is not recognised: pick its columns (GUI mapping dialog or --map on the CLI)."""


class AssetType(StrEnum):
    ETF = "etf"
    STOCK = "stock"
    ETF_OR_STOCK = "etf_or_stock"  # the file does not say which; both are rebalanced the same way
    MUTUAL_FUND = "mutual_fund"
    OPTION = "option"
    BOND = "bond"
    OTHER = "other"

    @property
    def rebalanced(self) -> bool:
        """ETFs and stocks take part in a rebalance; the rest is held, not rebalanced."""
        return self in (AssetType.ETF, AssetType.STOCK, AssetType.ETF_OR_STOCK)

    @property
    def label(self) -> str:
        return "ETF/stock" if self.rebalanced else "held, not rebalanced"


@dataclass(frozen=True)
class Lot:
    quantity: float
    basis_per_share: float | None = None
    acquired: date | None = None


@dataclass(frozen=True)
class Position:
    symbol: str
    quantity: float
    price: float | None
    market_value: float
    asset_type: AssetType = AssetType.ETF_OR_STOCK
    description: str = ""
    cost_basis: float | None = None  # total, when the file gives it
    lots: tuple[Lot, ...] = ()
    currency: str = "USD"
    line: int | None = None  # where in the file it came from

    @property
    def rebalanced(self) -> bool:
        return self.asset_type.rebalanced and self.currency == "USD" and self.quantity >= 0


@dataclass(frozen=True)
class Reconciliation:
    """Sum of the positions' market values plus cash, against the account total the file states."""

    computed: float
    reported: float | None
    tolerance: float

    @property
    def difference(self) -> float | None:
        return None if self.reported is None else self.computed - self.reported

    @property
    def ok(self) -> bool | None:
        """True/False when the file states a total, None when there is nothing to check against."""
        d = self.difference
        return None if d is None else abs(d) <= self.tolerance

    def describe(self) -> str:
        if self.reported is None:
            return f"total {self.computed:,.2f} (the file states no account total to check against)"
        if self.ok:
            return f"total {self.computed:,.2f} matches the file's account total"
        return (
            f"total {self.computed:,.2f} does NOT match the file's account total {self.reported:,.2f} "
            f"(difference {self.difference:+,.2f})"
        )


@dataclass(frozen=True)
class Account:
    number: str  # masked: last four characters only
    name: str = ""
    kind: str = ""  # as the file says it (Individual, Roth IRA, 401(k), ...); empty when it does not
    broker: str = ""
    cash: float = 0.0  # cash plus money-market sweep funds
    positions: tuple[Position, ...] = ()
    statement_date: date | None = None
    reported_total: float | None = None  # the file's own account total, when it has one
    notes: tuple[str, ...] = ()
    tolerance_rows: int = 0  # how many rounded figures make up the computed total (for the tolerance)

    @property
    def positions_value(self) -> float:
        return sum(p.market_value for p in self.positions)

    @property
    def reconciliation(self) -> Reconciliation:
        rows = self.tolerance_rows or (len(self.positions) + 1)
        return Reconciliation(
            computed=round(self.positions_value + self.cash, 6),
            reported=self.reported_total,
            tolerance=0.005 * (rows + 1),
        )

    @property
    def label(self) -> str:
        kind = self.kind if self.kind.lower() not in self.name.lower() else ""
        bits = [b for b in (self.name, kind, self.number) if b]
        return " ".join(bits) or "(one account)"


@dataclass(frozen=True)
class Statement:
    layout: str  # human name of the detected layout, e.g. "Schwab positions CSV"
    accounts: tuple[Account, ...]
    statement_date: date | None = None
    source: str = ""  # file name
    notes: tuple[str, ...] = field(default=())
    lots_only: bool = False  # a lots file: adds lots to the scenario's positions, replaces nothing

    @property
    def cash(self) -> float:
        return sum(a.cash for a in self.accounts)

    @property
    def positions(self) -> tuple[Position, ...]:
        return tuple(p for a in self.accounts for p in a.positions)

    @property
    def total(self) -> float:
        return sum(a.reconciliation.computed for a in self.accounts)

    @property
    def reconciled(self) -> bool:
        """No account's total disagrees with the file (accounts without a stated total do not count)."""
        return all(a.reconciliation.ok is not False for a in self.accounts)


def mask_account(number: str) -> str:
    """Keep the last four letters or digits of an account number: ``Z12345678`` → ``…5678``."""
    chars = [c for c in number if c.isalnum()]
    if not chars:
        return ""
    tail = "".join(chars[-4:])
    return f"…{tail}" if len(chars) > 4 or number.strip() != tail else tail
