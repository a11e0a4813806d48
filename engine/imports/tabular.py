"""Shared pieces of the CSV readers: named columns, numbers with a line number on failure, accounts."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from engine.imports.assets import CASH, classify, clean_symbol
from engine.imports.statement import AssetType, Position, StatementError
from engine.imports.textnum import norm_header, parse_amount
from engine.io.numbers import DecimalMark

_KINDS = (
    ("roth", "Roth IRA"),
    ("rollover", "Rollover IRA"),
    ("sep", "SEP IRA"),
    ("simple ira", "SIMPLE IRA"),
    ("ira", "IRA"),
    ("401", "401(k)"),
    ("403", "403(b)"),
    ("hsa", "HSA"),
    ("health savings", "HSA"),
    ("joint", "Joint"),
    ("individual", "Individual"),
    ("trust", "Trust"),
    ("brokerage", "Brokerage"),
    ("taxable", "Taxable"),
)


def kind_from_name(name: str) -> str:
    """The account kind when a name says it (``ROTH IRA`` → ``Roth IRA``), else empty."""
    low = name.lower()
    return next((kind for key, kind in _KINDS if key in low), "")


def find_columns(header: Sequence[str], aliases: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """Column index per logical name; a header matches an alias exactly or as ``abbr (alias)``."""
    normed = [norm_header(h) for h in header]
    out: dict[str, int] = {}
    for name, names in aliases.items():
        for alias in names:
            a = norm_header(alias)
            hit = next(
                (i for i, h in enumerate(normed) if h == a or re.search(rf"\({re.escape(a)}\)$", h)), None
            )
            if hit is not None:
                out[name] = hit
                break
    return out


def cell(row: Sequence[str], cols: Mapping[str, int], name: str) -> str:
    i = cols.get(name)
    return row[i] if i is not None and i < len(row) else ""


def amount(
    row: Sequence[str],
    cols: Mapping[str, int],
    name: str,
    *,
    line: int,
    source: str,
    decimal: DecimalMark = ".",
) -> float | None:
    text = cell(row, cols, name)
    try:
        return parse_amount(text, decimal=decimal)
    except ValueError as exc:
        raise StatementError(f"{name.replace('_', ' ')}: {exc}", line=line, source=source) from None


@dataclass
class AccountBuilder:
    """Collects one account's lines while a reader walks the file."""

    number: str
    name: str = ""
    kind: str = ""
    cash: float = 0.0
    positions: list[Position] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    reported_total: float | None = None
    figures: int = 0  # rounded figures summed into the total

    def add_row(
        self,
        row: Sequence[str],
        cols: Mapping[str, int],
        *,
        symbol: str,
        market_value: float | None,
        line: int,
        source: str,
    ) -> None:
        """One holding line read from the named columns of a positions table (Schwab, Fidelity)."""
        self.add_line(
            symbol=symbol,
            description=cell(row, cols, "description"),
            quantity=amount(row, cols, "quantity", line=line, source=source),
            price=amount(row, cols, "price", line=line, source=source),
            market_value=market_value,
            type_text=cell(row, cols, "type"),
            cost_basis=amount(row, cols, "cost_basis", line=line, source=source),
            line=line,
            source=source,
        )

    def add_line(
        self,
        *,
        symbol: str,
        description: str,
        quantity: float | None,
        price: float | None,
        market_value: float | None,
        type_text: str = "",
        cost_basis: float | None = None,
        line: int,
        source: str,
        allow_unpriced: bool = False,
    ) -> None:
        """One holding line: money market goes to cash, the rest becomes a position. ``allow_unpriced``
        accepts a line with a quantity and neither price nor value (its value counts as 0, with a note)."""
        kind = classify(symbol, description, type_text)
        sym = clean_symbol(symbol)
        if market_value is None:
            if quantity is None or price is None:
                if kind is CASH and quantity is not None:
                    market_value = quantity  # money-market funds are priced at 1.00
                elif allow_unpriced and quantity is not None:
                    market_value = 0.0
                    self.notes.append(
                        f"line {line}: {clean_symbol(symbol)} has no price; its value is not in the total"
                    )
                else:
                    raise StatementError(
                        f"{sym or 'this line'} has no market value and no quantity × price",
                        line=line,
                        source=source,
                    )
            else:
                market_value = round(quantity * price, 2)
        self.figures += 1
        if kind is CASH:
            self.cash += market_value
            self.notes.append(f"{sym or description} {market_value:,.2f} (money market) counted as cash")
            return
        if quantity is None:
            raise StatementError(f"{sym} has no quantity", line=line, source=source)
        if not sym:
            raise StatementError("a holding line has no symbol", line=line, source=source)
        asset = kind if isinstance(kind, AssetType) else AssetType.OTHER
        self.positions.append(
            Position(
                symbol=sym,
                quantity=quantity,
                price=price,
                market_value=market_value,
                asset_type=asset,
                description=description,
                cost_basis=cost_basis,
                line=line,
            )
        )
        per_share = asset not in (AssetType.OPTION, AssetType.BOND)  # options ×100, bonds per 100 face
        tolerance = max(0.01, 5e-4 * abs(market_value))
        if per_share and price is not None and quantity and abs(quantity * price - market_value) > tolerance:
            self.notes.append(
                f"line {line}: {sym} quantity × price = {quantity * price:,.2f} but the file says "
                f"market value {market_value:,.2f}; the file's market value is used"
            )
