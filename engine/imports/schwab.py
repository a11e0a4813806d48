"""Schwab "Positions" CSV: a title row, then per account an optional heading row ("Individual  XXXX-1234"),
a header row, one row per holding, "Cash & Cash Investments" and "Account Total"."""

from __future__ import annotations

import re

from engine.imports.statement import Account, Statement, StatementError, mask_account
from engine.imports.tabular import AccountBuilder, amount, find_columns, kind_from_name
from engine.imports.textnum import csv_rows, norm_header, parse_date

LAYOUT = "Schwab positions CSV"

COLUMNS = {
    "symbol": ("Symbol",),
    "description": ("Description",),
    "quantity": ("Quantity", "Qty"),
    "price": ("Price",),
    "market_value": ("Market Value", "Mkt Val"),
    "cost_basis": ("Cost Basis",),
    "type": ("Security Type", "Asset Type"),
}
_TITLE = re.compile(r"^Positions for (?:account )?(.*?) as of (.*)$", re.IGNORECASE)
_DATE = re.compile(r"(\d{1,2}/\d{1,2}/\d{4}|\d{4}/\d{2}/\d{2}|\d{4}-\d{2}-\d{2})")


def looks_like(text: str) -> bool:
    head = text[:4000]
    return bool(re.search(r'^"?Positions for ', head, re.MULTILINE | re.IGNORECASE)) or (
        '"Symbol","Description"' in head and ("Account Total" in text or "Cash & Cash Investments" in text)
    )


def _split_name_number(label: str) -> tuple[str, str]:
    parts = label.strip().rsplit(None, 1)
    if len(parts) == 2 and any(c.isdigit() for c in parts[1]):
        return parts[0].strip(), parts[1]
    return label.strip(), ""


def read(text: str, *, source: str = "") -> Statement:
    stmt_date = None
    accounts: list[AccountBuilder] = []
    current: AccountBuilder | None = None
    pending_label = ""
    cols: dict[str, int] = {}
    for line, row in csv_rows(text, source=source):
        cells = [c for c in row if c]
        if not cells:
            continue
        first = row[0]
        m = _TITLE.match(first)
        if m and len(cells) == 1:
            d = _DATE.search(m.group(2))
            stmt_date = parse_date(d.group(1)) if d else None
            if not m.group(1).lower().startswith("all-accounts"):
                pending_label = m.group(1)
            continue
        if norm_header(first) == "symbol":
            cols = find_columns(row, COLUMNS)
            missing = [k for k in ("symbol", "quantity", "market_value") if k not in cols]
            if missing:
                raise StatementError(f"header has no {', '.join(missing)} column", line=line, source=source)
            name, number = _split_name_number(pending_label)
            current = AccountBuilder(number=mask_account(number), name=name, kind=kind_from_name(name))
            accounts.append(current)
            pending_label = ""
            continue
        if len(cells) == 1:  # heading of the next account ("Roth IRA   XXXX-5678")
            pending_label = first
            current = None
            continue
        if current is None:
            raise StatementError("holding line before any header row", line=line, source=source)
        mv = amount(row, cols, "market_value", line=line, source=source)
        if first.lower().startswith(("account total", "positions total")):
            current.reported_total = mv
            current = None
            continue
        if first.lower().startswith("cash & cash investments") or first.lower() == "cash":
            current.cash += mv or 0.0
            current.figures += 1
            continue
        current.add_row(row, cols, symbol=first, market_value=mv, line=line, source=source)
    if not accounts:
        raise StatementError("no header row (Symbol, Description, Quantity, ...) found", source=source)
    return Statement(
        layout=LAYOUT,
        accounts=tuple(
            Account(
                number=a.number,
                name=a.name,
                kind=a.kind,
                broker="Schwab",
                cash=round(a.cash, 6),
                positions=tuple(a.positions),
                statement_date=stmt_date,
                reported_total=a.reported_total,
                notes=tuple(a.notes),
                tolerance_rows=a.figures,
            )
            for a in accounts
        ),
        statement_date=stmt_date,
        source=source,
    )
