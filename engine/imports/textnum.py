"""Numbers, dates and CSV rows as broker files write them.

US broker files: ``$1,234.56``, ``(12.30)`` for negatives, ``+0.09%``, ``--`` or ``n/a`` for "nothing".
The mapping dialog also reads European files (``1.234,56`` with ``;`` between cells); ``decimal`` says
which mark separates the decimals.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterator
from datetime import date

from engine.imports.statement import StatementError
from engine.io.numbers import DecimalMark, detect_decimal_mark, parse_number

EMPTY = frozenset({"", "--", "-", "n/a", "na", "none", "not applicable", "null"})


# The common shapes, read without the general rule (which is ~20× slower): [(][+-][$][+-]digits[.frac][)]
_FAST = {
    ".": re.compile(r"^(\()?([+-])?\$?([+-])?([1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.(\d+))?(\))?$", re.ASCII),
    ",": re.compile(
        r"^(\()?([+-])?\$?([+-])?([1-9]\d{0,2}(?:\.\d{3})+|[1-9]\d{0,2}(?: \d{3})+|\d+)(?:,(\d+))?(\))?$",
        re.ASCII,
    ),
}


def parse_amount(text: str, *, decimal: DecimalMark = ".") -> float | None:
    """A money amount or quantity under the file's decimal mark (engine.io.numbers' rule); None for an
    empty cell (``--``, ``n/a``). Raises NumberError (a ValueError) for anything else."""
    s = text.strip()
    if s.lower() in EMPTY:
        return None
    if s.isascii() and s.isdigit():  # the commonest cell of all: 120
        return float(s)
    m = _FAST[decimal].match(s)
    if m:
        paren, sign1, sign2, whole, frac, close = m.groups()
        if bool(paren) == bool(close) and not (sign1 and sign2):
            sign = sign1 or sign2 or ""
            if not (paren and sign == "-"):
                if len(whole) > 3:
                    whole = whole.replace("," if decimal == "." else ".", "").replace(" ", "")
                value = float(f"{whole}.{frac}" if frac else whole)
                return -value if (paren or sign == "-") and value else value
    return parse_number(s.rstrip("*").strip(), decimal)


def detect_decimal(samples: list[str]) -> DecimalMark | None:
    """'.' or ',' for the number cells of a file; None when they do not say (engine.io.numbers)."""
    return detect_decimal_mark(c for c in samples if c.strip().lower() not in EMPTY)


_DATE_FORMATS = ("%m/%d/%Y", "%Y/%m/%d", "%Y-%m-%d", "%m/%d/%y", "%Y%m%d", "%d.%m.%Y")
# The same shapes as regular expressions built from strptime's own pieces (strptime is ~10× slower and a
# statement has thousands of dates): (pattern, order of the groups as year/month/day, two-digit year).
_Y, _M, _D = r"(\d\d\d\d)", r"(1[0-2]|0[1-9]|[1-9])", r"(3[01]|[12]\d|0[1-9]|[1-9])"
_DATE_SHAPES = (
    (re.compile(rf"{_M}/{_D}/{_Y}", re.ASCII), "mdy", False),
    (re.compile(rf"{_Y}/{_M}/{_D}", re.ASCII), "ymd", False),
    (re.compile(rf"{_Y}-{_M}-{_D}", re.ASCII), "ymd", False),
    (re.compile(rf"{_M}/{_D}/(\d\d)", re.ASCII), "mdy", True),
    (re.compile(rf"{_Y}{_M}{_D}", re.ASCII), "ymd", False),
    (re.compile(rf"{_D}\.{_M}\.{_Y}", re.ASCII), "dmy", False),
)


def parse_date(text: str) -> date | None:
    s = text.strip()
    if not s or s.lower() in EMPTY:
        return None
    return _date_token(s.split(";")[0].split(" ")[0])


@functools.lru_cache(maxsize=4096)
def _date_token(s: str) -> date | None:
    """One of ``_DATE_FORMATS`` (what strptime would read with it), else None."""
    for shape, order, short in _DATE_SHAPES:
        m = shape.match(s)
        if m is None or m.end() != len(s):  # as strptime: the first match, and nothing left over
            continue
        parts = dict(zip(order, (int(g) for g in m.groups()), strict=True))
        year = parts["y"]
        if short:  # strptime's %y: 69-99 → 1969-1999, 00-68 → 2000-2068
            year += 1900 if year >= 69 else 2000
        try:
            return date(year, parts["m"], parts["d"])
        except ValueError:
            continue
    return None


def decode(data: bytes, *, source: str = "") -> str:
    """Text of a file: UTF-8 (with or without BOM), else Windows-1252 (what US brokers write)."""
    if b"\x00" in data[:4096]:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            try:
                return data.decode("utf-16")
            except UnicodeDecodeError as exc:
                raise StatementError("the file is not readable text", source=source) from exc
        raise StatementError(
            "this is a binary file, not a statement (CSV, OFX/QFX or Flex XML)", source=source
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(text: str) -> str:
    head = [ln for ln in text.splitlines()[:40] if ln.strip()]
    best, score = ",", -1
    for d in (",", ";", "\t"):
        counts = [_split_count(ln, d) for ln in head]
        s = max(counts, default=0)
        if s > score:
            best, score = d, s
    return best


def _split_count(line: str, d: str) -> int:
    try:
        return len(next(csv.reader([line], delimiter=d)))
    except (csv.Error, StopIteration):
        return 0


def csv_rows(text: str, *, delimiter: str = ",", source: str = "") -> Iterator[tuple[int, list[str]]]:
    """(1-based line number, cells) for every row; blank rows come through as []."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    line = 1
    try:
        for row in reader:
            yield line, [c.strip() for c in row] if any(c.strip() for c in row) else []
            line = reader.line_num + 1
    except csv.Error as exc:
        raise StatementError(f"not valid CSV ({exc})", line=line, source=source) from exc


def norm_header(cell: str) -> str:
    return re.sub(r"[^a-z0-9$%/]+", " ", cell.lower()).strip()
