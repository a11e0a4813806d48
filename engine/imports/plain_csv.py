"""Any other CSV: a column mapping (header row, symbol / quantity / price / value / basis / account
columns, delimiter, decimal mark) turns it into a Statement. A file whose header names the columns in
plain words (Symbol/Ticker, Quantity/Shares, Price, ...) or a headerless ``ticker,shares[,price]`` file
is mapped automatically; anything else needs the mapping dialog, and the mapping is saved per layout."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field

from engine.imports.statement import Account, NeedsMapping, Statement, StatementError, mask_account
from engine.imports.tabular import AccountBuilder, amount, cell, find_columns, kind_from_name
from engine.imports.textnum import EMPTY, csv_rows, detect_decimal, norm_header, parse_amount, sniff_delimiter
from engine.io.errors import NumberError
from engine.io.numbers import DecimalMark, detect_decimal_mark, require_decimal_mark

LAYOUT = "CSV (mapped columns)"
FIELDS = ("symbol", "quantity", "price", "market_value", "basis", "account")
ALIASES = {
    "symbol": ("Symbol", "Ticker", "Ticker Symbol", "Security", "Instrument"),
    "quantity": ("Quantity", "Shares", "Qty", "Units", "Position", "Anzahl"),
    "price": ("Price", "Last Price", "Share Price", "Close", "Kurs"),
    "market_value": ("Market Value", "Current Value", "Total Value", "Value", "Mkt Val", "Wert"),
    "basis": ("Cost Basis", "Cost Basis Total", "Basis", "Cost"),
    "account": ("Account", "Account Number", "Account Name", "Konto"),
}


@dataclass(frozen=True)
class CsvMapping:
    """Where things are in a CSV. Column numbers are 0-based; ``header_line`` is the 1-based line of the
    header row (0: the file has no header). ``basis`` is the total cost basis of the line."""

    columns: dict[str, int] = field(default_factory=dict)
    header_line: int = 0
    delimiter: str = ","
    decimal: DecimalMark = "."

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    @staticmethod
    def from_json(doc: object) -> CsvMapping:
        if not isinstance(doc, dict):
            raise ValueError("mapping must be an object")
        cols = doc.get("columns", {})
        if not isinstance(cols, dict) or not all(k in FIELDS and isinstance(v, int) for k, v in cols.items()):
            raise ValueError("bad columns")
        delim, dec, hl = doc.get("delimiter", ","), doc.get("decimal", "."), doc.get("header_line", 0)
        if delim not in (",", ";", "\t") or dec not in (".", ",") or not isinstance(hl, int):
            raise ValueError("bad delimiter, decimal or header_line")
        return CsvMapping(
            columns=dict(cols), header_line=hl, delimiter=delim, decimal="," if dec == "," else "."
        )


def rows_of(
    text: str, delimiter: str, *, limit: int | None = None, source: str = ""
) -> list[tuple[int, list[str]]]:
    out = []
    for n, row in csv_rows(text, delimiter=delimiter, source=source):
        out.append((n, row))
        if limit is not None and len(out) >= limit:
            break
    return out


def layout_key(text: str, mapping: CsvMapping) -> str:
    """Identity of a layout: the delimiter and the header row's names (or the column count)."""
    rows = rows_of(text, mapping.delimiter, limit=max(mapping.header_line, 1) + 5)
    header = next((r for n, r in rows if n == mapping.header_line), None)
    if header is None:
        first = next((r for _, r in rows if r), [])
        basis = f"{mapping.delimiter}|{len(first)} columns, no header"
    else:
        basis = mapping.delimiter + "|" + "|".join(norm_header(h) for h in header)
    return hashlib.sha256(basis.encode()).hexdigest()[:16]


def guess(text: str, *, source: str = "") -> CsvMapping | None:
    """A mapping from plain-word headers or a headerless ticker,shares[,price] file; None otherwise."""
    delimiter = sniff_delimiter(text)
    rows = rows_of(text, delimiter, limit=30, source=source)
    for n, row in rows:
        cols = find_columns(row, ALIASES)
        if "symbol" in cols and "quantity" in cols:
            cells: list[tuple[str, str]] = [
                (r[i], f"line {m}, {k.replace('_', ' ')}")
                for m, r in rows_of(text, delimiter, source=source)
                if m > n and r
                for k, i in cols.items()
                if k not in ("symbol", "account") and i < len(r) and r[i].strip().lower() not in EMPTY
            ]
            mark = _decimal(cells, source, delimiter)
            return CsvMapping(columns=cols, header_line=n, delimiter=delimiter, decimal=mark)
    body = [r for _, r in rows if r]
    if body and all(2 <= len(r) <= 3 for r in body):
        samples = [c for r in body for c in r[1:]]
        decimal = detect_decimal(samples)
        if decimal is None:
            return None
        try:
            for c in samples:
                parse_amount(c, decimal=decimal)
        except ValueError:
            return None
        cols = {"symbol": 0, "quantity": 1} | ({"price": 2} if any(len(r) == 3 for r in body) else {})
        return CsvMapping(columns=cols, header_line=0, delimiter=delimiter, decimal=decimal)
    return None


def _decimal(cells: list[tuple[str, str]], source: str, delimiter: str) -> DecimalMark:
    """The file's decimal mark. The first 300 cells with a separator usually decide; a later cell that
    disagrees is then refused where it stands, with its line. Only an undecided file is checked whole."""
    with_sep = [(c, lab) for c, lab in cells if "," in c or "." in c]
    mark = detect_decimal_mark((c for c, _ in with_sep[:300]), delimiter=delimiter)
    if mark is not None:
        return mark
    try:
        return require_decimal_mark(
            [c for c, _ in cells], [lab for _, lab in cells], where=source, delimiter=delimiter
        )
    except NumberError as exc:
        raise StatementError(str(exc)) from None


def read(text: str, mapping: CsvMapping | None = None, *, source: str = "") -> Statement:
    m = mapping or guess(text, source=source)
    if m is None:
        raise NeedsMapping(
            "unknown CSV layout: map its columns once in the app (File → Import Statement…); "
            "the command line then reuses that mapping",
            source=source,
        )
    for need in ("symbol", "quantity"):
        if need not in m.columns:
            raise StatementError(f"the mapping has no {need} column", source=source)
    cols = m.columns
    accounts: dict[str, AccountBuilder] = {}
    for line, row in csv_rows(text, delimiter=m.delimiter, source=source):
        if line <= m.header_line or not row:
            continue
        symbol = cell(row, cols, "symbol")
        if not symbol:
            if sum(1 for c in row if c) <= 1:
                continue  # a note or a total label line without numbers
            raise StatementError("no symbol in the symbol column", line=line, source=source)
        if symbol.lower() in ("total", "totals", "account total", "grand total"):
            continue
        number = cell(row, cols, "account")
        acct = accounts.get(number)
        if acct is None:
            is_number = bool(re.fullmatch(r"[\w*.\-]*\d{3}[\w*.\-]*", number))  # no spaces, 3+ digits
            acct = accounts[number] = AccountBuilder(
                number=mask_account(number) if is_number else "",
                name="" if is_number else number,
                kind=kind_from_name(number),
            )
        if symbol.lower() in ("cash", "cash & cash investments", "cash and cash equivalents"):
            value = amount(row, cols, "market_value", line=line, source=source, decimal=m.decimal)
            if value is None:
                value = amount(row, cols, "quantity", line=line, source=source, decimal=m.decimal)
            acct.cash += value or 0.0
            acct.figures += 1
            continue
        acct.add_line(
            symbol=symbol,
            description="",
            quantity=amount(row, cols, "quantity", line=line, source=source, decimal=m.decimal),
            price=amount(row, cols, "price", line=line, source=source, decimal=m.decimal),
            market_value=amount(row, cols, "market_value", line=line, source=source, decimal=m.decimal),
            cost_basis=amount(row, cols, "basis", line=line, source=source, decimal=m.decimal),
            line=line,
            source=source,
            allow_unpriced=True,
        )
    if not accounts:
        raise StatementError("no holding lines found", source=source)
    return Statement(
        layout=LAYOUT,
        accounts=tuple(
            Account(
                number=a.number,
                name=a.name,
                kind=a.kind,
                cash=round(a.cash, 6),
                positions=tuple(a.positions),
                notes=tuple(a.notes),
                tolerance_rows=a.figures,
            )
            for a in accounts.values()
        ),
        source=source,
    )
