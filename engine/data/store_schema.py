"""The price store's layouts on disk, reading either, and migrating the old one.

- schema 1 (the first Coresat): one row per ticker and day, ``prices(ticker, day, close)``, plus
  ``series(ticker, source, updated_at)``;
- schema 2 (now): one row per ticker holding its whole history as two packed arrays (days since
  1970-01-01 as little-endian int32, closes as little-endian float64; plain numbers, never pickled).

Reads understand both; the first write migrates schema 1 to 2 in one transaction. A newer schema is
refused as "written by a newer Coresat", never called damaged.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np

from engine.data.store_errors import StoreError, newer

SCHEMA_VERSION = "2"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS series (
    ticker TEXT PRIMARY KEY,
    source TEXT NOT NULL,          -- "Yahoo", "CSV IWM.csv", ...
    updated_at TEXT NOT NULL,      -- ISO time (UTC) of the last write
    first_day INTEGER NOT NULL,    -- days since 1970-01-01
    last_day INTEGER NOT NULL,
    n INTEGER NOT NULL,
    days BLOB NOT NULL,            -- n little-endian int32
    closes BLOB NOT NULL           -- n little-endian float64, all > 0
);
"""


def schema_version(con: sqlite3.Connection, path: Path) -> int:
    """Schema version on disk: 0 for an empty file, 1 for the row-per-day layout, 2 for packed arrays."""
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables & {"series", "prices"}:
        return 0
    raw = None
    if "meta" in tables:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        raw = None if row is None else str(row[0])
    if raw is None:
        return 1 if "prices" in tables else int(SCHEMA_VERSION)
    try:
        version = int(raw)
    except ValueError:
        raise StoreError(
            "damaged",
            path,
            f"the price store {path} has an unknown schema {raw[:20]!r}; reset it",
        ) from None
    if version > int(SCHEMA_VERSION):
        raise newer(path, raw, SCHEMA_VERSION)
    return version


def prepare(con: sqlite3.Connection, path: Path) -> None:
    """Before the first write: write-ahead log, tables, and an older schema migrated (one transaction)."""
    if str(con.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
        con.execute("PRAGMA journal_mode=WAL")
    version = schema_version(con, path)
    if version == int(SCHEMA_VERSION):
        return
    old = _read_all(con, version, path) if version else {}
    con.execute("BEGIN IMMEDIATE")
    try:
        if version == 1:
            con.execute("DROP TABLE IF EXISTS prices")
            con.execute("DROP TABLE IF EXISTS series")
        for stmt in _SCHEMA.split(";"):
            if stmt.strip():
                con.execute(stmt)
        for tk, (source, updated, days, closes) in old.items():
            if len(days):
                con.execute(
                    "INSERT OR REPLACE INTO series VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    row_values(tk, source, updated, days, closes),
                )
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        con.commit()
    except BaseException:
        con.rollback()
        raise


def _read_all(
    con: sqlite3.Connection, version: int, path: Path
) -> dict[str, tuple[str, str, np.ndarray, np.ndarray]]:
    out = {}
    for tk, _lo, _hi, _n, src, upd in summary(con, version):
        arrs = arrays(con, version, tk, path)
        if arrs is not None:
            out[tk] = (src, upd, arrs[0], arrs[1])
    return out


def summary(con: sqlite3.Connection, version: int) -> list[tuple[str, int, int, int, str, str]]:
    if version == 1:
        return con.execute(
            "SELECT p.ticker, MIN(p.day), MAX(p.day), COUNT(*), COALESCE(s.source, '?'), "
            "COALESCE(s.updated_at, '') FROM prices p LEFT JOIN series s ON s.ticker = p.ticker "
            "GROUP BY p.ticker ORDER BY p.ticker"
        ).fetchall()
    return con.execute(
        "SELECT ticker, first_day, last_day, n, source, updated_at FROM series ORDER BY ticker"
    ).fetchall()


def arrays(
    con: sqlite3.Connection, version: int, ticker: str, path: Path
) -> tuple[np.ndarray, np.ndarray] | None:
    if version == 1:
        rows = con.execute(
            "SELECT day, close FROM prices WHERE ticker = ? ORDER BY day", (ticker,)
        ).fetchall()
        if not rows:
            return None
        try:
            a = np.asarray(rows, dtype=np.float64)
        except (TypeError, ValueError, OverflowError):  # text where a number belongs
            a = np.full((len(rows), 2), np.nan)
        days = np.where(np.isfinite(a[:, 0]), a[:, 0], FIRST_DAY - 1).astype(np.int64)
        return _checked(days, a[:, 1], ticker, path)
    row = con.execute("SELECT days, closes FROM series WHERE ticker = ?", (ticker,)).fetchone()
    if row is None:
        return None
    days, closes = row
    if not isinstance(days, bytes) or not isinstance(closes, bytes) or len(days) * 2 != len(closes):
        raise StoreError(
            "damaged",
            path,
            f"the price store {path} is damaged (the prices of {ticker} are cut "
            "short); reset it, or import that ticker's prices again",
        )
    d = np.frombuffer(days, dtype="<i4").astype(np.int64)
    c = np.frombuffer(closes, dtype="<f8")
    return _checked(d, c, ticker, path)


FIRST_DAY, LAST_DAY = -25_567, 47_846  # 1900-01-01 and 2100-12-31 as days since 1970-01-01


def _checked(days: np.ndarray, closes: np.ndarray, ticker: str, path: Path) -> tuple[np.ndarray, np.ndarray]:
    """What every write guarantees (days ascending within 1900–2100, closes finite and positive);
    anything else was changed behind the store's back and is damage, never read as prices."""
    ok = (
        len(days) == len(closes)
        and bool(np.all((days >= FIRST_DAY) & (days <= LAST_DAY)))
        and bool(np.all(np.diff(days) > 0))
        and bool(np.all(np.isfinite(closes) & (closes > 0)))
    )
    if not ok:
        raise StoreError(
            "damaged",
            path,
            f"the price store {path} is damaged (the stored prices of {ticker} are not valid dates and "
            "prices); reset it, or import that ticker's prices again",
        )
    return days, closes


def row_values(
    ticker: str, source: str, updated: str, days: np.ndarray, closes: np.ndarray
) -> tuple[str, str, str, int, int, int, bytes, bytes]:
    return (
        ticker,
        source,
        updated,
        int(days[0]),
        int(days[-1]),
        len(days),
        days.astype("<i4").tobytes(),
        closes.astype("<f8").tobytes(),
    )
