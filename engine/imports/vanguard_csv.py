"""Vanguard "OfxDownload.csv": a holdings section (Account Number, Investment Name, Symbol, Shares, Share
Price, Total Value), blank lines, then a transactions section whose "Account Type" column names each
account's kind. Only the holdings are imported; the transactions are read for the account kinds."""

from __future__ import annotations

from engine.imports.statement import Account, Statement, StatementError, mask_account
from engine.imports.tabular import AccountBuilder, amount, cell, find_columns
from engine.imports.textnum import csv_rows, norm_header, parse_date

LAYOUT = "Vanguard OfxDownload CSV"

HOLDINGS = {
    "account": ("Account Number",),
    "name": ("Investment Name",),
    "symbol": ("Symbol",),
    "quantity": ("Shares",),
    "price": ("Share Price",),
    "market_value": ("Total Value",),
}
TRANSACTIONS = {"account": ("Account Number",), "kind": ("Account Type",), "date": ("Trade Date",)}


def looks_like(text: str) -> bool:
    lines = text[:300].lstrip("\ufeff").splitlines()
    head = norm_header(lines[0]) if lines else ""
    return head.startswith("account number investment name symbol shares share price")


def read(text: str, *, source: str = "") -> Statement:
    accounts: dict[str, AccountBuilder] = {}
    kinds: dict[str, str] = {}
    section = ""
    cols: dict[str, int] = {}
    last_trade = None
    for line, row in csv_rows(text, source=source):
        if not row:
            continue
        head = norm_header(row[0])
        if head == "account number":
            names = {norm_header(c) for c in row}
            section = "transactions" if "trade date" in names else "holdings"
            cols = find_columns(row, TRANSACTIONS if section == "transactions" else HOLDINGS)
            if section == "holdings" and "symbol" not in cols:
                raise StatementError("holdings header has no Symbol column", line=line, source=source)
            continue
        if section == "transactions":
            number = cell(row, cols, "account")
            kind = cell(row, cols, "kind")
            if number and kind:
                kinds.setdefault(number, kind)
            d = parse_date(cell(row, cols, "date"))
            if d and (last_trade is None or d > last_trade):
                last_trade = d
            continue
        if section != "holdings":
            raise StatementError(
                "expected the holdings header (Account Number, ...)", line=line, source=source
            )
        number = cell(row, cols, "account")
        acct = accounts.get(number)
        if acct is None:
            acct = accounts[number] = AccountBuilder(number=mask_account(number))
        acct.add_line(
            symbol=cell(row, cols, "symbol"),
            description=cell(row, cols, "name"),
            quantity=amount(row, cols, "quantity", line=line, source=source),
            price=amount(row, cols, "price", line=line, source=source),
            market_value=amount(row, cols, "market_value", line=line, source=source),
            line=line,
            source=source,
        )
    if not accounts:
        raise StatementError("no holdings found under the holdings header", source=source)
    notes = ["Vanguard's CSV states no account totals and no date; totals are the sum of the lines"]
    if last_trade:
        notes.append(f"latest transaction in the file: {last_trade:%Y-%m-%d}")
    return Statement(
        layout=LAYOUT,
        accounts=tuple(
            Account(
                number=a.number,
                name=kinds.get(raw, ""),
                kind=kinds.get(raw, ""),
                broker="Vanguard",
                cash=round(a.cash, 6),
                positions=tuple(a.positions),
                notes=tuple(a.notes),
                tolerance_rows=a.figures,
            )
            for raw, a in accounts.items()
        ),
        source=source,
        notes=tuple(notes),
    )
