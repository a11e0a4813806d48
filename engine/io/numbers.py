"""The number rule: how a cell a user wrote becomes a float, with the decimal mark decided per file.

A number may carry a currency sign or code (``$``, ``€``, ``£``, ``¥``, ``₩``, ``USD``…), a sign (``-``,
``+``, the unicode minus ``−``), parentheses for a negative (``(1,234.50)``), thousands separators (the
other mark, a space, a no-break space, an apostrophe) in groups of three, and an exponent (``1.5e3``).
Percent signs, words and ``nan``/``inf`` are not numbers.

The decimal mark is ``.`` or ``,``. :func:`detect_decimal_mark` decides it for a whole file from the cells
that can only be read one way (``1234,50`` has ``,``; ``1,234,567`` and ``0.5`` have ``.``); cells such as
``1,234`` (1234 or 1.234?) follow the file. A file whose cells disagree, or whose only evidence is such a
cell, has no decimal mark (``None``): the reader asks or refuses with the line shown, it never guesses.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Sequence
from typing import Literal

from engine.io.errors import NumberError

DecimalMark = Literal[".", ","]
MARKS: tuple[DecimalMark, DecimalMark] = (".", ",")
MAX_CELL_CHARS = 64

_CURRENCY_SIGNS = "$€£¥₩"
_CURRENCY_CODES = ("USD", "US$", "EUR", "GBP", "CAD", "CHF", "JPY", "KRW", "AUD")
_MINUS = "-−‒–"  # hyphen-minus, unicode minus, figure dash, en dash
_SPACES = " \u00a0\u202f\u2009"
_APOSTROPHES = "'’"
_BODY = re.compile(r"^[0-9.,'’ \u00a0\u202f\u2009]*[0-9][0-9.,'’ \u00a0\u202f\u2009]*$|^[.,][0-9]+$")
_EXPONENT = re.compile(r"^(?P<mantissa>[0-9]*[.,]?[0-9]*)[eE](?P<exp>[+-]?[0-9]{1,4})$")


class _Cell:
    """A cell taken apart: sign, digits-and-separators body, optional exponent."""

    __slots__ = ("body", "exponent", "negative")

    def __init__(self, body: str, exponent: str, negative: bool) -> None:
        self.body = body
        self.exponent = exponent
        self.negative = negative


def _strip_currency(s: str) -> str:
    changed = True
    while changed and s:
        changed = False
        for code in _CURRENCY_CODES:
            if s.startswith(code):
                s, changed = s[len(code) :].strip(), True
            elif s.endswith(code):
                s, changed = s[: -len(code)].strip(), True
        if s and s[0] in _CURRENCY_SIGNS:
            s, changed = s[1:].strip(), True
        if s and s[-1] in _CURRENCY_SIGNS:
            s, changed = s[:-1].strip(), True
    return s


def _take_apart(text: str) -> _Cell | None:
    s = text.strip()
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    s = _strip_currency(s)
    if s and (s[0] in _MINUS or s[0] == "+"):
        if negative and s[0] in _MINUS:
            return None  # "(-5)": two negatives, not a way anyone writes a number
        negative = negative or s[0] in _MINUS
        s = _strip_currency(s[1:].strip())
    exponent = ""
    m = _EXPONENT.match(s)
    if m:
        s, exponent = m.group("mantissa"), m.group("exp")
        if not any(ch.isdigit() for ch in s):
            return None
    if not s or not _BODY.match(s):
        return None
    return _Cell(s, exponent, negative)


def _value_under(cell: _Cell, mark: DecimalMark) -> float | None:
    """The value of ``cell`` if ``mark`` is the decimal mark, or None when it cannot be read that way."""
    parts = cell.body.split(mark)
    if len(parts) > 2:
        return None
    whole, frac = parts[0], parts[1] if len(parts) == 2 else ""
    if not frac.isdigit() and frac != "":
        return None
    if not frac and len(parts) == 2 and not whole:
        return None
    other = "," if mark == "." else "."
    seps = set(ch for ch in whole if not ch.isdigit())
    if seps:
        if cell.exponent or len(seps) > 1 or not seps <= set(other + _SPACES + _APOSTROPHES):
            return None
        groups = whole.split(seps.pop())
        first, rest = groups[0], groups[1:]
        if not (1 <= len(first) <= 3) or not first.isdigit() or first.startswith("0"):
            return None
        if any(len(g) != 3 or not g.isdigit() for g in rest):
            return None
        whole = "".join(groups)
    elif not whole and not frac:
        return None
    literal = f"{whole or '0'}.{frac or '0'}" + (f"e{cell.exponent}" if cell.exponent else "")
    value = float(literal)
    return -value if cell.negative else value


def _readings(text: str) -> dict[DecimalMark, float] | None:
    """Every way ``text`` can be read: {mark: value}; None when it does not look like a number at all."""
    if len(text) > MAX_CELL_CHARS:
        return None
    cell = _take_apart(text)
    if cell is None:
        return None
    out: dict[DecimalMark, float] = {}
    for mark in MARKS:
        v = _value_under(cell, mark)
        if v is not None:
            out[mark] = v
    return out


@functools.lru_cache(maxsize=4096)
def _evidence(text: str) -> DecimalMark | Literal["either", "ambiguous"] | None:
    r = _readings(text)
    if not r:
        return None
    if len(r) == 1:
        return next(iter(r))
    vals = list(r.values())
    return "either" if vals[0] == vals[1] else "ambiguous"


def delimiter_of(header: str) -> str:
    """The field separator of a CSV from its first line: ';' or tab when it has at least as many of them
    as commas (``IWM;1234,50`` is two fields), else ','."""
    commas = header.count(",")
    for d in (";", "\t"):
        n = header.count(d)
        if n and n >= commas:
            return d
    return ","


def _natural_mark(delimiter: str | None) -> DecimalMark | None:
    """The decimal mark a file separated by ``delimiter`` can write unquoted: ',' files use '.'."""
    if delimiter == ",":
        return "."
    return "," if delimiter == ";" else None


def _weak(text: str, natural: DecimalMark | None) -> bool:
    """An ambiguous cell whose only separator is the natural mark (``12.345`` in a comma file)."""
    if natural is None:
        return False
    other = "," if natural == "." else "."
    return other not in text and text.count(natural) == 1


def detect_decimal_mark(cells: Iterable[str], *, delimiter: str | None = None) -> DecimalMark | None:
    """The file's decimal mark from its number cells; None when ambiguous or contradictory.

    Cells that can be read only one way decide; when no cell depends on the mark at all (whole numbers
    without separators) the answer is ``"."``, which reads them the same as ``","`` would. With the file's
    ``delimiter`` given, a cell such as ``12.345`` in a comma-separated file (where a decimal comma
    would have to be quoted) or ``12,345`` in a semicolon-separated one is read the natural way when no
    other cell decides; ``"1,234"`` quoted in a comma file stays ambiguous.
    """
    natural = _natural_mark(delimiter)
    seen: set[DecimalMark] = set()
    ambiguous = weak = False
    for text in cells:
        ev = _evidence(text)
        if ev == "." or ev == ",":
            seen.add(ev)
            if len(seen) > 1:
                return None
        elif ev == "ambiguous":
            if _weak(text, natural):
                weak = True
            else:
                ambiguous = True
    if len(seen) == 1:
        return seen.pop()
    if ambiguous:
        return None
    return natural if weak and natural else "."


def require_decimal_mark(
    cells: Sequence[str],
    labels: Sequence[str] | None = None,
    *,
    where: str = "",
    delimiter: str | None = None,
) -> DecimalMark:
    """Like :func:`detect_decimal_mark`, but an undecidable file raises NumberError showing the cell(s).

    ``labels[i]`` names where ``cells[i]`` is (``"line 4, shares"``); ``where`` names the file.
    """
    mark = detect_decimal_mark(cells, delimiter=delimiter)
    if mark is not None:
        return mark

    def label(i: int) -> str:
        return labels[i] if labels is not None else f"cell {i + 1}"

    first: dict[DecimalMark, int] = {}
    for i, text in enumerate(cells):
        ev = _evidence(text)
        if ev in MARKS and ev not in first:
            first[ev] = i
    if len(first) == 2:
        i, j = first["."], first[","]
        raise NumberError(
            cells[i],
            f"({label(i)}) has '.' as the decimal mark but {cells[j]!r} ({label(j)}) has ','; "
            "write every number in the file the same way",
            where,
        )
    natural = _natural_mark(delimiter)
    for i, text in enumerate(cells):
        if _evidence(text) == "ambiguous" and not _weak(text, natural):
            r = _readings(text) or {}
            raise NumberError(
                text,
                f"({label(i)}) could be {_fmt(r['.'])} or {_fmt(r[','])} and no other number in the file "
                "tells which: write it without a thousands separator (1234 or 1.234)",
                where,
            )
    raise AssertionError("unreachable: detect_decimal_mark returned None without evidence")


def _fmt(v: float) -> str:
    return f"{v:,.10g}" if abs(v) < 1e15 else repr(v)


def parse_number(text: str, decimal_mark: DecimalMark | None, *, where: str = "") -> float:
    """``text`` as a finite float under the file's decimal mark, or NumberError naming the text.

    ``decimal_mark=None`` (not known) reads only cells that mean the same under either mark, or that
    only one mark can read; ``1,234`` is then refused as ambiguous.
    """
    if not isinstance(text, str):
        raise NumberError(str(text), "is not a number", where)
    if not text.strip():
        raise NumberError(text, "is empty; a number is needed", where)
    if len(text) > MAX_CELL_CHARS:
        raise NumberError(text, f"is too long to be a number ({len(text)} characters)", where)
    r = _readings(text)
    if not r:
        raise NumberError(text, "is not a number", where)
    if decimal_mark is None:
        if len(r) == 2 and r["."] != r[","]:
            raise NumberError(
                text,
                f"could be {_fmt(r['.'])} or {_fmt(r[','])}: the decimal mark is unclear; "
                "write it without a thousands separator",
                where,
            )
        value = next(iter(r.values()))
    elif decimal_mark in r:
        value = r[decimal_mark]
    elif decimal_mark in MARKS:
        raise NumberError(
            text, f"is not a number with '{decimal_mark}' as the decimal mark, which this file uses", where
        )
    else:
        raise ValueError(f"decimal_mark must be '.', ',' or None, not {decimal_mark!r}")
    if not math.isfinite(value):
        raise NumberError(text, "is too large to be a number Coresat can use", where)
    return value + 0.0  # -0.0 -> 0.0
