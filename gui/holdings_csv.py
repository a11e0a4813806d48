"""Read a holdings CSV (``ticker,shares[,price]``) into Holding values, or say clearly what is wrong.

Pure Python (no Qt): the import dialog shows the parsed rows as a preview before anything changes.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path

from engine.model.scenario import Holding

TICKER_RE = re.compile(r"^[A-Z0-9][A-Z0-9.\-^=]{0,14}$")
MAX_BYTES = 2_000_000


class HoldingsCsvError(ValueError):
    """One line a user can act on: which line and column is wrong, and what to change."""


@dataclass(frozen=True)
class ParsedHoldings:
    holdings: tuple[Holding, ...]
    skipped_header: bool


def _number(text: str, line: int, column: str) -> float:
    cleaned = text.strip().replace(",", "").replace("$", "")
    try:
        value = float(cleaned)
    except ValueError:
        raise HoldingsCsvError(f"line {line}: {column} {text.strip()!r} is not a number") from None
    if not math.isfinite(value):
        raise HoldingsCsvError(f"line {line}: {column} must be a finite number")
    return value


def valid_ticker(text: str) -> bool:
    return bool(TICKER_RE.match(text.strip().upper()))


def parse_text(text: str) -> ParsedHoldings:
    """Parse CSV text; HoldingsCsvError names the line and what to change."""
    rows = [r for r in csv.reader(io.StringIO(text)) if any(c.strip() for c in r)]
    if not rows:
        raise HoldingsCsvError("the file has no rows: expected lines like 'IWM,120' or 'IWM,120,215.30'")
    header = [c.strip().lower() for c in rows[0]]
    skipped = bool(header) and header[0] in {"ticker", "symbol"}
    out: dict[str, Holding] = {}
    first_line = 2 if skipped else 1
    for n, row in enumerate(rows[1:] if skipped else rows, start=first_line):
        cells = [c.strip() for c in row]
        while cells and not cells[-1]:
            cells.pop()
        if len(cells) not in (2, 3):
            raise HoldingsCsvError(
                f"line {n}: expected 2 or 3 columns (ticker, shares[, price]), found {len(cells)}"
            )
        ticker = cells[0].upper()
        if not valid_ticker(ticker):
            raise HoldingsCsvError(
                f"line {n}: {cells[0]!r} is not a ticker symbol (letters, digits, '.', '-')"
            )
        if ticker in out:
            raise HoldingsCsvError(f"line {n}: {ticker} is listed twice; merge the rows")
        shares = _number(cells[1], n, "shares")
        if shares < 0:
            raise HoldingsCsvError(f"line {n}: shares must be zero or more, got {cells[1]}")
        price = None
        if len(cells) == 3 and cells[2]:
            price = _number(cells[2], n, "price")
            if price <= 0:
                raise HoldingsCsvError(f"line {n}: price must be positive, got {cells[2]}")
        out[ticker] = Holding(ticker=ticker, shares=shares, price=price)
    if not out:
        raise HoldingsCsvError("the file has a header but no holdings")
    return ParsedHoldings(holdings=tuple(out.values()), skipped_header=skipped)


def parse_file(path: str | Path) -> ParsedHoldings:
    p = Path(path)
    try:
        if p.stat().st_size > MAX_BYTES:
            raise HoldingsCsvError(f"{p.name} is larger than 2 MB; a holdings file is a few lines")
        raw = p.read_bytes()
    except OSError as exc:
        raise HoldingsCsvError(f"cannot read {p.name}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise HoldingsCsvError(f"{p.name} is not a UTF-8 text file; save it as CSV (UTF-8)") from None
    return parse_text(text)
