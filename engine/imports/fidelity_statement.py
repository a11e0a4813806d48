"""Fidelity statement CSV (``Statement12312025.csv``): an account summary (Account Type, Account, ...,
Ending mkt Value), then the holdings per account under category lines (Stocks, Mutual Funds, Core
Account, ...), each category closed by a "Subtotal of ..." line."""

from __future__ import annotations

from engine.imports.statement import Account, Statement, StatementError, mask_account
from engine.imports.tabular import AccountBuilder, amount, cell, find_columns, kind_from_name
from engine.imports.textnum import csv_rows, norm_header

LAYOUT = "Fidelity statement CSV"
SUMMARY = {"name": ("Account Type",), "account": ("Account",), "total": ("Ending mkt Value",)}
HOLDINGS = {
    "symbol": ("Symbol/CUSIP",),
    "description": ("Description",),
    "quantity": ("Quantity",),
    "price": ("Price",),
    "market_value": ("Ending Value",),
    "cost_basis": ("Cost Basis",),
}
_CATEGORY = {
    "core account": "cash",
    "mutual funds": "mutual fund",
    "bonds": "bond",
    "fixed income": "bond",
    "options": "option",
    "exchange traded products": "etf",
    "stocks": "",
}


def looks_like(text: str) -> bool:
    return text[:200].lstrip("\ufeff").startswith("Account Type,Account,Beginning mkt Value")


def read(text: str, *, source: str = "") -> Statement:
    accounts: dict[str, AccountBuilder] = {}
    section = "summary"
    cols = find_columns([], SUMMARY)
    current: AccountBuilder | None = None
    category = ""
    for line, row in csv_rows(text, source=source):
        if not row:
            continue
        first = norm_header(row[0])
        if first == "account type":
            cols, section = find_columns(row, SUMMARY), "summary"
            continue
        if first == "symbol/cusip":
            cols, section = find_columns(row, HOLDINGS), "holdings"
            continue
        if section == "summary":
            number = cell(row, cols, "account")
            name = cell(row, cols, "name")
            acct = accounts[number] = AccountBuilder(
                number=mask_account(number), name=name, kind=kind_from_name(name)
            )
            acct.reported_total = amount(row, cols, "total", line=line, source=source)
            continue
        filled = [c for c in row if c]
        if len(filled) == 1:
            if row[0] in accounts:
                current = accounts[row[0]]
            else:
                category = _CATEGORY.get(first, "other")
            continue
        if first.startswith("subtotal of") or first.startswith("total"):
            continue
        if current is None:
            raise StatementError("holding line before its account number line", line=line, source=source)
        mv = amount(row, cols, "market_value", line=line, source=source)
        if category == "cash":
            current.cash += mv or 0.0
            current.figures += 1
            current.notes.append(f"{row[0]} {mv or 0.0:,.2f} (core account) counted as cash")
            continue
        current.add_line(
            symbol=row[0],
            description=cell(row, cols, "description"),
            quantity=amount(row, cols, "quantity", line=line, source=source),
            price=amount(row, cols, "price", line=line, source=source),
            market_value=mv,
            type_text=category,
            cost_basis=amount(row, cols, "cost_basis", line=line, source=source),
            line=line,
            source=source,
        )
    if not any(a.positions or a.figures for a in accounts.values()):
        raise StatementError("no holdings found below the Symbol/CUSIP header", source=source)
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
                reported_total=a.reported_total,
                notes=tuple(a.notes),
                tolerance_rows=a.figures,
            )
            for a in accounts.values()
        ),
        source=source,
        notes=("the file states no date; the statement's period is in its name",),
    )
