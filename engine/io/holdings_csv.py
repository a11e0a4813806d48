"""Read a holdings CSV (``ticker,shares[,price]``) into Holding values, or say clearly what is wrong.

Qt-free: the GUI's import dialog shows the parsed rows as a preview before anything changes. The file is
opened through :func:`engine.io.safe_open.read_user_text` (regular files only, at most 2 MB); numbers follow
:mod:`engine.io.numbers` with the decimal mark decided for the whole file (``;``- and tab-separated files
are understood); an ambiguous file is refused with the line shown.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from engine.io.errors import InputError, NumberError
from engine.io.numbers import DecimalMark, delimiter_of, parse_number, require_decimal_mark
from engine.io.safe_open import read_user_text
from engine.io.tickers import TICKER_RE, TICKER_RULE, is_ticker, normalize_ticker
from engine.model.scenario import Holding
from engine.model.scenario_checks import MAX_PRICE, MAX_SHARES, MIN_PRICE

__all__ = [
    "MAX_BYTES",
    "TICKER_RE",
    "HoldingsCsvError",
    "ParsedHoldings",
    "parse_file",
    "parse_text",
    "valid_ticker",
]

MAX_BYTES = 2_000_000
MAX_FIELD_CHARS = 10_000


class HoldingsCsvError(InputError):
    """One line a user can act on: which line and column is wrong, and what to change."""


@dataclass(frozen=True)
class ParsedHoldings:
    holdings: tuple[Holding, ...]
    skipped_header: bool
    decimal_mark: DecimalMark = "."


def valid_ticker(text: str) -> bool:
    return is_ticker(text)


def _delimiter(text: str) -> str:
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    return delimiter_of(first)


def _rows(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) of the non-blank rows; a broken quote or a giant field names its line."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    out: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            if any(len(c) > MAX_FIELD_CHARS for c in row):
                raise HoldingsCsvError(
                    f"line {reader.line_num}: a field is longer than {MAX_FIELD_CHARS} characters; "
                    "is this a holdings file?"
                )
            if any(c.strip() for c in row):
                out.append((reader.line_num, row))
    except csv.Error as exc:
        raise HoldingsCsvError(
            f"line {reader.line_num}: cannot be read as CSV ({exc}); check the quotes on that line"
        ) from None
    return out


def parse_text(text: str) -> ParsedHoldings:
    """Parse CSV text; HoldingsCsvError names the line and what to change."""
    delimiter = _delimiter(text)
    rows = _rows(text, delimiter)
    if not rows:
        raise HoldingsCsvError("the file has no rows: expected lines like 'IWM,120' or 'IWM,120,215.30'")
    header = [c.strip().lower() for c in rows[0][1]]
    skipped = bool(header) and header[0] in {"ticker", "symbol"}
    body: list[tuple[int, list[str]]] = []
    for n, row in rows[1:] if skipped else rows:
        cells = [c.strip() for c in row]
        while cells and not cells[-1]:
            cells.pop()
        if len(cells) not in (2, 3):
            raise HoldingsCsvError(
                f"line {n}: expected 2 or 3 columns (ticker, shares[, price]), found {len(cells)}"
            )
        body.append((n, cells))
    numbers = [(c, f"line {n}") for n, cells in body for c in cells[1:] if c]
    try:
        mark = require_decimal_mark([c for c, _ in numbers], [w for _, w in numbers], delimiter=delimiter)
    except NumberError as exc:
        raise HoldingsCsvError(str(exc)) from None
    out: dict[str, Holding] = {}
    for n, cells in body:
        ticker = normalize_ticker(cells[0])
        if not is_ticker(ticker):
            raise HoldingsCsvError(f"line {n}: {cells[0][:40]!r} is not a ticker symbol ({TICKER_RULE})")
        if ticker in out:
            raise HoldingsCsvError(f"line {n}: {ticker} is listed twice; merge the rows")
        shares = _number(cells[1], mark, n, "shares")
        if shares < 0:
            raise HoldingsCsvError(f"line {n}: shares must be zero or more, got {cells[1]}")
        if shares > MAX_SHARES:
            raise HoldingsCsvError(
                f"line {n}: {cells[1]} shares is beyond any real holding; check the number"
            )
        price = None
        if len(cells) == 3 and cells[2]:
            price = _number(cells[2], mark, n, "price")
            if price <= 0:
                raise HoldingsCsvError(f"line {n}: price must be positive, got {cells[2]}")
            if price > MAX_PRICE:
                raise HoldingsCsvError(f"line {n}: a price of {cells[2]} is beyond any real share price")
            if price < MIN_PRICE:
                raise HoldingsCsvError(
                    f"line {n}: a price of {cells[2]} is below any real share price (at least {MIN_PRICE:g})"
                )
        out[ticker] = Holding(ticker=ticker, shares=shares, price=price)
    if not out:
        raise HoldingsCsvError("the file has a header but no holdings")
    return ParsedHoldings(holdings=tuple(out.values()), skipped_header=skipped, decimal_mark=mark)


def _number(text: str, mark: DecimalMark, line: int, column: str) -> float:
    try:
        return parse_number(text, mark)
    except NumberError as exc:
        raise HoldingsCsvError(f"line {line}: {column} {exc}") from None


def parse_file(path: str | Path) -> ParsedHoldings:
    try:
        text = read_user_text(path, MAX_BYTES, "holdings CSV")
    except HoldingsCsvError:
        raise
    except InputError as exc:
        raise HoldingsCsvError(str(exc)) from None
    return parse_text(text)
