"""Fidelity "Portfolio_Positions" CSV: one header row, one row per holding with its account number and
name, money-market core positions (``SPAXX**``) and "Pending Activity", then a disclaimer footer."""

from __future__ import annotations

import re

from engine.imports.statement import Account, Statement, StatementError, mask_account
from engine.imports.tabular import AccountBuilder, amount, cell, find_columns, kind_from_name
from engine.imports.textnum import csv_rows, parse_date

LAYOUT = "Fidelity positions CSV"

COLUMNS = {
    "account": ("Account Number",),
    "account_name": ("Account Name",),
    "symbol": ("Symbol",),
    "description": ("Description",),
    "quantity": ("Quantity",),
    "price": ("Last Price",),
    "market_value": ("Current Value",),
    "cost_basis": ("Cost Basis Total", "Cost Basis"),
    "type": ("Security Type", "Asset Type"),
}
_DOWNLOADED = re.compile(r"Date downloaded\s+(\S+)", re.IGNORECASE)


def looks_like(text: str) -> bool:
    head = text[:2000].lstrip("\ufeff")
    return head.startswith("Account Number,Account Name,Symbol,Description,Quantity,Last Price") or (
        "Account Name" in head[:300] and "Last Price" in head[:300] and "Current Value" in head[:300]
    )


def read(text: str, *, source: str = "") -> Statement:
    rows = csv_rows(text, source=source)
    header_line, header = next(((n, r) for n, r in rows if r), (0, []))
    cols = find_columns(header, COLUMNS)
    missing = [k for k in ("account", "symbol", "quantity", "market_value") if k not in cols]
    if missing:
        raise StatementError(f"header has no {', '.join(missing)} column", line=header_line, source=source)
    accounts: dict[str, AccountBuilder] = {}
    stmt_date = None
    footer = 0
    for line, row in rows:
        if not row:
            continue
        if len([c for c in row if c]) < 3:  # the disclaimer footer: free text, one cell per line
            footer += 1
            m = _DOWNLOADED.search(" ".join(row))
            if m:
                stmt_date = parse_date(m.group(1))
            continue
        number = cell(row, cols, "account")
        acct = accounts.get(number)
        if acct is None:
            name = cell(row, cols, "account_name")
            acct = accounts[number] = AccountBuilder(
                number=mask_account(number), name=name, kind=kind_from_name(name)
            )
        symbol = cell(row, cols, "symbol")
        mv = amount(row, cols, "market_value", line=line, source=source)
        if symbol.lower().startswith("pending activity"):
            acct.cash += mv or 0.0
            acct.figures += 1
            acct.notes.append(f"pending activity {mv or 0.0:,.2f} counted as cash")
            continue
        acct.add_row(row, cols, symbol=symbol, market_value=mv, line=line, source=source)
    if not accounts:
        raise StatementError("no holding lines below the header", line=header_line, source=source)
    notes = (f"{footer} footer line(s) of text ignored",) if footer else ()
    return Statement(
        layout=LAYOUT,
        accounts=tuple(
            Account(
                number=a.number,
                name=a.name,
                kind=a.kind,
                broker="Fidelity",
                cash=round(a.cash, 6),
                positions=tuple(a.positions),
                statement_date=stmt_date,
                notes=tuple(a.notes),
                tolerance_rows=a.figures,
            )
            for a in accounts.values()
        ),
        statement_date=stmt_date,
        source=source,
        notes=notes,
    )
