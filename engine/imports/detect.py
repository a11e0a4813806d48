"""Which layout a statement file is in, from its content (never its name), and reading it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from engine.imports import (
    fidelity,
    fidelity_statement,
    ibkr,
    lot_files,
    mappings,
    ofx,
    plain_csv,
    schwab,
    vanguard_csv,
)
from engine.imports.gcpause import no_cyclic_gc
from engine.imports.plain_csv import CsvMapping
from engine.imports.statement import Statement, StatementError
from engine.imports.textnum import decode, norm_header, sniff_delimiter
from engine.io.safe_open import read_user_file

MAX_BYTES = 50 * 1024 * 1024  # the largest statement we read (real ones are kilobytes)

Reader = Callable[..., Statement]
_LAYOUTS: tuple[tuple[str, Callable[[str], bool], Reader], ...] = (
    (ofx.LAYOUT, ofx.looks_like, ofx.read),
    (ibkr.LAYOUT, ibkr.looks_like, ibkr.read),
    (lot_files.SCHWAB_LAYOUT, lot_files.schwab_looks_like, lot_files.read_schwab),
    (lot_files.FIDELITY_LAYOUT, lot_files.fidelity_looks_like, lot_files.read_fidelity),
    (schwab.LAYOUT, schwab.looks_like, schwab.read),
    (fidelity.LAYOUT, fidelity.looks_like, fidelity.read),
    (fidelity_statement.LAYOUT, fidelity_statement.looks_like, fidelity_statement.read),
    (vanguard_csv.LAYOUT, vanguard_csv.looks_like, vanguard_csv.read),
)
SUPPORTED = (*(name for name, _, _ in _LAYOUTS), plain_csv.LAYOUT)


def detect(text: str) -> str:
    """Name of the layout ``text`` is in; plain CSV when no broker layout matches."""
    return next((name for name, looks, _ in _LAYOUTS if looks(text)), plain_csv.LAYOUT)


def read_bytes(data: bytes, *, source: str = "", mapping: CsvMapping | None = None) -> Statement:
    """Read a statement from bytes. ``mapping`` forces the mapped-CSV reader with those columns."""
    with no_cyclic_gc():
        return _read_bytes(data, source=source, mapping=mapping)


def _read_bytes(data: bytes, *, source: str, mapping: CsvMapping | None) -> Statement:
    text = decode(data, source=source).lstrip("\ufeff")
    if not text.strip():
        raise StatementError("the file is empty", source=source)
    if mapping is not None:
        return plain_csv.read(text, mapping, source=source)
    for _name, looks, read in _LAYOUTS:
        if looks(text):
            return read(text, source=source)
    if text.lstrip('"').startswith("Balances for account") or text.lstrip('"').startswith(
        "Balances  for account"
    ):
        raise StatementError(
            "this is a Schwab balances file, not a positions file: export Positions instead", source=source
        )
    saved = saved_mapping(text)
    if saved is None and _looks_like_transactions(text):
        raise StatementError(
            "this is a transaction history, not a positions statement: "
            "download the positions (holdings) file from your broker instead",
            source=source,
        )
    return plain_csv.read(text, saved, source=source)


_TX_WORDS = ("action", "transaction", "activity", "transaction type", "description")
_DATE_WORDS = ("date", "trade date", "run date", "settlement date", "datetime", "date time")


def _looks_like_transactions(text: str) -> bool:
    """A header with a date column and an action/transaction column, and no market value column."""
    delimiter = sniff_delimiter(text)
    for _n, row in plain_csv.rows_of(text, delimiter, limit=15):
        names = {norm_header(c) for c in row}
        has_date = any(w in names for w in _DATE_WORDS)
        has_tx = any(w in names for w in _TX_WORDS) or "buy sell" in names
        if has_date and has_tx and not names & {"market value", "current value", "total value"}:
            return True
    return False


def saved_mapping(text: str) -> CsvMapping | None:
    """A mapping the user saved for this file's layout, if any."""
    saved = mappings.load_all()
    if not saved:
        return None
    delimiter = sniff_delimiter(text)
    for m in saved.values():
        if m.delimiter == delimiter and mappings.find(plain_csv.layout_key(text, m)) == m:
            return m
    return None


def read_file(path: str | Path, *, mapping: CsvMapping | None = None) -> Statement:
    """Read a statement file: a regular file of at most MAX_BYTES (engine.io.safe_open's rules)."""
    data = read_user_file(path, MAX_BYTES, "statement")
    return read_bytes(data, source=Path(path).name, mapping=mapping)
