"""Lots files: Schwab "Lot Details" CSV and Fidelity "open lots" CSV.

Neither file holds a whole account (no cash, often one ticker), so a lots file is a statement with
``lots_only`` set: its positions are the sums of their lots, and importing it adds the lots to positions
the scenario already holds (:mod:`engine.imports.into_household`, which checks the shares agree).

Schwab (Positions → Cost Basis → Lot Details → Export): per ticker a title row
``IWM Lot Details for Individual XXXX-4821 as of 04:10 PM ET, 03/14/2025``, a header row
``Open Date, Quantity, Price, Cost/Share, Market Value, Cost Basis, Gain/Loss $, Gain/Loss %, Holding
Period``, one row per lot, and a ``Total`` row that must equal the lots' sum. A file may hold several
tickers' blocks; a Symbol column, when present, names the ticker instead of the title.

Fidelity (Positions → open lots → Download): one header row ``Account Number, Account Name, Symbol,
Description, Date Acquired, Term, Quantity, Cost Basis Per Share, Cost Basis Total, Current Value, …``,
one row per lot, then the disclaimer footer with ``Date downloaded``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from engine.imports.assets import CASH, classify, clean_symbol
from engine.imports.statement import (
    Account,
    AssetType,
    Lot,
    Position,
    Statement,
    StatementError,
    mask_account,
)
from engine.imports.tabular import amount, cell, find_columns, kind_from_name
from engine.imports.textnum import csv_rows, norm_header, parse_date

SCHWAB_LAYOUT = "Schwab lot details CSV"
FIDELITY_LAYOUT = "Fidelity open lots CSV"

LOT_COLUMNS = {
    "account": ("Account Number", "Account Name/Number", "Account"),
    "account_name": ("Account Name",),
    "symbol": ("Symbol",),
    "description": ("Description", "Security Description"),
    "acquired": ("Open Date", "Date Acquired", "Acquired", "Acquisition Date"),
    "quantity": ("Quantity", "Qty"),
    "price": ("Price", "Last Price", "Current Price"),
    "basis_per_share": ("Cost/Share", "Cost Basis Per Share", "Cost Per Share", "Unit Cost"),
    "cost_basis": ("Cost Basis", "Cost Basis Total", "Total Cost Basis"),
    "market_value": ("Market Value", "Current Value", "Mkt Val"),
    "type": ("Security Type",),  # Fidelity's "Type" is the account side (Cash, Margin), not the security
}
_SCHWAB_TITLE = re.compile(
    r"^\s*(?P<sym>\S+)?\s*Lot Details(?: for (?:account )?(?P<acct>.*?))?(?: as of (?P<asof>.*))?$",
    re.IGNORECASE,
)
_DATE = re.compile(r"(\d{1,2}/\d{1,2}/\d{4}|\d{4}/\d{2}/\d{2}|\d{4}-\d{2}-\d{2})")
_DOWNLOADED = re.compile(r"Date downloaded\s+(\S+)", re.IGNORECASE)


def _headers(text: str, limit: int = 12) -> list[set[str]]:
    out = []
    for line in text.splitlines()[:limit]:
        out.append({norm_header(c.strip().strip('"')) for c in line.split(",")})
    return out


def schwab_looks_like(text: str) -> bool:
    head = text[:3000]
    if re.search(r'^"?\s*\S*\s*Lot Details', head, re.MULTILINE | re.IGNORECASE):
        return True
    return any({"open date", "quantity", "cost/share"} <= h for h in _headers(text))


def fidelity_looks_like(text: str) -> bool:
    for h in _headers(text, 3):
        acquired = bool(h & {"date acquired", "acquired", "acquisition date"})
        if acquired and "quantity" in h and h & {"account number", "account name/number", "account name"}:
            return True
    return False


@dataclass
class _Block:
    """The lots of one ticker in one account while the file is read."""

    symbol: str
    description: str = ""
    type_text: str = ""
    lots: list[Lot] = field(default_factory=list)
    value: float = 0.0
    price: float | None = None
    line: int = 0


@dataclass
class _Acct:
    number: str
    name: str
    blocks: dict[str, _Block] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _lot_row(row: Sequence[str], cols: dict[str, int], block: _Block, *, line: int, source: str) -> float:
    """Add one lot row to ``block``; its quantity."""
    qty = amount(row, cols, "quantity", line=line, source=source)
    if qty is None or qty <= 0:
        what = "no quantity" if qty is None else f"quantity {qty:g}: a lot holds a positive number of shares"
        raise StatementError(f"a lot has {what}", line=line, source=source)
    price = amount(row, cols, "price", line=line, source=source)
    per_share = amount(row, cols, "basis_per_share", line=line, source=source)
    total = amount(row, cols, "cost_basis", line=line, source=source)
    if per_share is None and total is not None and qty:
        per_share = total / qty
    if per_share is not None and per_share < 0:
        raise StatementError(f"cost basis {per_share:g} per share is negative", line=line, source=source)
    text = cell(row, cols, "acquired")
    acquired: date | None = parse_date(text)
    if text and acquired is None and text.lower() not in ("--", "n/a", "various"):
        raise StatementError(f"acquired: {text[:30]!r} is not a date", line=line, source=source)
    mv = amount(row, cols, "market_value", line=line, source=source)
    if mv is None:
        mv = round(qty * price, 2) if price is not None else 0.0
    block.lots.append(Lot(quantity=qty, basis_per_share=per_share, acquired=acquired))
    block.value += mv
    block.price = price if price is not None else block.price
    block.line = block.line or line
    return qty


def _statement(layout: str, broker: str, accts: list[_Acct], when: date | None, source: str) -> Statement:
    accounts = []
    for a in accts:
        positions = []
        for b in a.blocks.values():
            kind = classify(b.symbol, b.description, b.type_text)
            positions.append(
                Position(
                    symbol=b.symbol,
                    quantity=round(sum(lo.quantity for lo in b.lots), 9),
                    price=b.price,
                    market_value=round(b.value, 2),
                    asset_type=kind if isinstance(kind, AssetType) else AssetType.OTHER,
                    description=b.description,
                    cost_basis=None
                    if any(lo.basis_per_share is None for lo in b.lots)
                    else sum(lo.quantity * (lo.basis_per_share or 0.0) for lo in b.lots),
                    lots=tuple(b.lots),
                    line=b.line,
                )
            )
        name, number = a.name, a.number
        accounts.append(
            Account(
                number=number,
                name=name,
                kind=kind_from_name(name),
                broker=broker,
                positions=tuple(positions),
                statement_date=when,
                notes=tuple(a.notes),
            )
        )
    if not accounts or not any(a.positions for a in accounts):
        raise StatementError("no lot rows found below the header", source=source)
    return Statement(
        layout=layout, accounts=tuple(accounts), statement_date=when, source=source, lots_only=True
    )


def _split_label(label: str) -> tuple[str, str]:
    parts = label.strip().rsplit(None, 1)
    if len(parts) == 2 and any(c.isdigit() for c in parts[1]):
        return parts[0].strip(), mask_account(parts[1])
    return label.strip(), ""


def read_schwab(text: str, *, source: str = "") -> Statement:
    accts: dict[str, _Acct] = {}
    acct: _Acct | None = None
    symbol = ""
    cols: dict[str, int] = {}
    when: date | None = None
    block: _Block | None = None
    headers: dict[tuple[str, ...], dict[str, int]] = {}
    for line, row in csv_rows(text, source=source):
        cells = [c for c in row if c]
        if not cells:
            continue
        first = row[0]
        m = _SCHWAB_TITLE.match(first) if len(cells) == 1 else None
        if m:
            symbol = clean_symbol(m.group("sym") or "")
            name, number = _split_label(m.group("acct") or "")
            key = number or name
            acct = accts.setdefault(key, _Acct(number=number, name=name))
            d = _DATE.search(m.group("asof") or "")
            when = parse_date(d.group(1)) if d else when
            cols, block = {}, None
            continue
        joined = ",".join(row).lower()  # cheap test first: a lot row never says "quantity"
        normed = {norm_header(c) for c in row} if "quantity" in joined or "qty" in joined else set()
        if normed & {"quantity", "qty"} and normed & {"open date", "date acquired", "acquired"}:
            header = tuple(row)
            if header not in headers:  # every ticker's block repeats the same header
                headers[header] = find_columns(row, LOT_COLUMNS)
            cols = headers[header]
            if "quantity" not in cols or "acquired" not in cols:
                raise StatementError(
                    "lot header has no Open Date or Quantity column", line=line, source=source
                )
            if acct is None:
                acct = accts.setdefault("", _Acct(number="", name=""))
            block = None
            continue
        if not cols:
            raise StatementError(
                "lot line before any header row (Open Date, Quantity, ...)", line=line, source=source
            )
        assert acct is not None
        if first.lower().startswith("total"):
            qty = amount(row, cols, "quantity", line=line, source=source)
            if block is not None and qty is not None:
                got = sum(lo.quantity for lo in block.lots)
                if abs(got - qty) > 1e-6 * max(1.0, abs(qty)):
                    raise StatementError(
                        f"{block.symbol}: the Total row says {qty:,.6g} shares but the lots above it add up "
                        f"to {got:,.6g}; download the lot details again",
                        line=line,
                        source=source,
                    )
            block = None
            continue
        sym = clean_symbol(cell(row, cols, "symbol")) or symbol
        if not sym:
            raise StatementError(
                "the lot's ticker is unknown: no Symbol column and no 'XYZ Lot Details' title row",
                line=line,
                source=source,
            )
        block = acct.blocks.setdefault(
            sym, _Block(sym, cell(row, cols, "description"), cell(row, cols, "type"))
        )
        _lot_row(row, cols, block, line=line, source=source)
    return _statement(SCHWAB_LAYOUT, "Schwab", list(accts.values()), when, source)


def read_fidelity(text: str, *, source: str = "") -> Statement:
    rows = csv_rows(text, source=source)
    header_line, header = next(((n, r) for n, r in rows if r), (0, []))
    cols = find_columns(header, LOT_COLUMNS)
    missing = [k for k in ("symbol", "acquired", "quantity") if k not in cols]
    if missing:
        raise StatementError(f"header has no {', '.join(missing)} column", line=header_line, source=source)
    accts: dict[str, _Acct] = {}
    when: date | None = None
    for line, row in rows:
        if not row:
            continue
        if len([c for c in row if c]) < 3:  # the disclaimer footer
            m = _DOWNLOADED.search(" ".join(row))
            when = parse_date(m.group(1)) if m else when
            continue
        raw = cell(row, cols, "account")
        name = cell(row, cols, "account_name")
        if "account_name" not in cols or cols.get("account_name") == cols.get("account"):
            name, number = _split_label(raw)
        else:
            number = mask_account(raw)
        acct = accts.setdefault(number or name, _Acct(number=number, name=name))
        symbol = cell(row, cols, "symbol")
        sym = clean_symbol(symbol)
        if not sym:
            raise StatementError("a lot line has no symbol", line=line, source=source)
        if classify(symbol, cell(row, cols, "description"), "") is CASH:
            acct.notes.append(f"line {line}: {sym} is a money-market fund (cash); its lots are not kept")
            continue
        block = acct.blocks.setdefault(
            sym, _Block(sym, cell(row, cols, "description"), cell(row, cols, "type"))
        )
        _lot_row(row, cols, block, line=line, source=source)
    return _statement(FIDELITY_LAYOUT, "Fidelity", list(accts.values()), when, source)
