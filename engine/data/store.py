"""The local price store: SQLite in the user's data folder, usable offline.

One row per ticker holding its whole history of adjusted closes as two packed arrays (days since
1970-01-01 as little-endian int32, closes as little-endian float64; plain numbers, never pickled), so
twenty years of twenty tickers load in a few milliseconds. Every write is one transaction, so a crash
or a cancelled download leaves the store as it was before that write (SQLite's write-ahead log). Updates fetch only
the missing days; when the source has re-adjusted older prices (after a dividend or split), the
ticker's whole history is fetched again so old and new prices stay on the same scale.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from engine import paths
from engine.data.csv_import import PriceFile, read_price_csv
from engine.data.sources import Cancel, PriceSource, Progress
from engine.data.store_errors import StoreError, classify, newer

STORE_FILE = "prices.sqlite3"
READ_TIMEOUT_S = (
    2.0  # readers are not blocked by a writer (write-ahead log); this covers a rollback-mode file
)
WRITE_TIMEOUT_S = 10.0
SCHEMA_VERSION = "2"
_EPOCH = np.datetime64("1970-01-01", "D")
OVERLAP_DAYS = 10  # calendar days re-fetched before the last stored day, to spot re-adjusted history

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


@dataclass(frozen=True)
class SeriesInfo:
    ticker: str
    first_day: date
    last_day: date
    rows: int
    source: str
    updated_at: str


@dataclass(frozen=True)
class UpdateReport:
    updated: tuple[str, ...] = ()  # tickers that got new days
    unchanged: tuple[str, ...] = ()  # already up to date
    refetched: tuple[str, ...] = ()  # whole history fetched again (re-adjusted by the source)
    failed: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    cancelled: bool = False


def _to_days(index: pd.DatetimeIndex) -> np.ndarray:
    out: np.ndarray = (index.to_numpy().astype("datetime64[D]") - _EPOCH).astype(np.int64)
    return out


def _from_days(days: np.ndarray) -> pd.DatetimeIndex:
    return pd.DatetimeIndex((_EPOCH + days.astype("timedelta64[D]")).astype("datetime64[ns]"))


class PriceStore:
    """SQLite price store. Cheap to create; each call opens its own connection (thread-safe use).

    Reading never writes: a read opens the file read-only (``mode=ro``; ``immutable`` on read-only
    media), creates no tables and changes no journal mode (SQLite may add its shared-memory index file
    next to a write-ahead-log store; the database itself is not touched), so a read-only store can be read, a writer in
    another process does not block readers (write-ahead log) and a full disk does not stop reading.
    The first write prepares the file: write-ahead log, tables, and the migration of an older schema.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else paths.data_dir() / STORE_FILE
        self._ready = False

    # -- connections ----------------------------------------------------------------------------------
    def _open_read(self) -> sqlite3.Connection:
        uri = self.path.resolve().as_uri()
        last: BaseException | None = None
        for query in ("?mode=ro", "?mode=ro&immutable=1"):
            con = None
            try:
                con = sqlite3.connect(uri + query, uri=True, timeout=READ_TIMEOUT_S)
                con.execute("SELECT name FROM sqlite_master LIMIT 1").fetchall()
                return con
            except sqlite3.Error as exc:
                last = exc
                if con is not None:
                    con.close()
                # immutable only where no writer can exist: a file or folder we cannot write
                if os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK):
                    break
        assert last is not None
        raise classify(last, self.path, writing=False) from None

    @contextmanager
    def _reading(self) -> Iterator[tuple[sqlite3.Connection, int] | None]:
        """A read-only connection and its schema version, or None when nothing is stored yet."""
        if not self.path.exists():
            yield None
            return
        if self.path.is_dir():
            raise StoreError("unreadable", self.path, f"the price store {self.path} is a folder, not a file")
        con = self._open_read()
        try:
            version = self._version(con)
            yield (con, version) if version else None
        except sqlite3.Error as exc:
            raise classify(exc, self.path, writing=False) from None
        finally:
            con.close()

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            con = sqlite3.connect(self.path, timeout=WRITE_TIMEOUT_S)
        except (OSError, sqlite3.Error) as exc:
            raise classify(exc, self.path, writing=True) from None
        try:
            if not self._ready:
                self._prepare(con)
                self._ready = True
            yield con
        except sqlite3.Error as exc:
            raise classify(exc, self.path, writing=True) from None
        finally:
            con.close()

    def _version(self, con: sqlite3.Connection) -> int:
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
                self.path,
                f"the price store {self.path} has an unknown schema {raw[:20]!r}; reset it",
            ) from None
        if version > int(SCHEMA_VERSION):
            raise newer(self.path, raw, SCHEMA_VERSION)
        return version

    def _prepare(self, con: sqlite3.Connection) -> None:
        """Before the first write: write-ahead log, tables, and an older schema migrated (one transaction)."""
        if str(con.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
            con.execute("PRAGMA journal_mode=WAL")
        version = self._version(con)
        if version == int(SCHEMA_VERSION):
            return
        old = self._read_all(con, version) if version else {}
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
                        _row(tk, source, updated, days, closes),
                    )
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            con.commit()
        except BaseException:
            con.rollback()
            raise

    def _read_all(
        self, con: sqlite3.Connection, version: int
    ) -> dict[str, tuple[str, str, np.ndarray, np.ndarray]]:
        out = {}
        for tk, _lo, _hi, _n, src, upd in self._summary(con, version):
            arrs = self._arrays(con, version, tk)
            if arrs is not None:
                out[tk] = (src, upd, arrs[0], arrs[1])
        return out

    def _summary(self, con: sqlite3.Connection, version: int) -> list[tuple[str, int, int, int, str, str]]:
        if version == 1:
            return con.execute(
                "SELECT p.ticker, MIN(p.day), MAX(p.day), COUNT(*), COALESCE(s.source, '?'), "
                "COALESCE(s.updated_at, '') FROM prices p LEFT JOIN series s ON s.ticker = p.ticker "
                "GROUP BY p.ticker ORDER BY p.ticker"
            ).fetchall()
        return con.execute(
            "SELECT ticker, first_day, last_day, n, source, updated_at FROM series ORDER BY ticker"
        ).fetchall()

    def _arrays(
        self, con: sqlite3.Connection, version: int, ticker: str
    ) -> tuple[np.ndarray, np.ndarray] | None:
        if version == 1:
            rows = con.execute(
                "SELECT day, close FROM prices WHERE ticker = ? ORDER BY day", (ticker,)
            ).fetchall()
            if not rows:
                return None
            a = np.asarray(rows, dtype=np.float64)
            return a[:, 0].astype(np.int64), a[:, 1]
        row = con.execute("SELECT days, closes FROM series WHERE ticker = ?", (ticker,)).fetchone()
        if row is None:
            return None
        days, closes = row
        if not isinstance(days, bytes) or not isinstance(closes, bytes) or len(days) * 2 != len(closes):
            raise StoreError(
                "damaged",
                self.path,
                f"the price store {self.path} is damaged (the prices of {ticker} are cut "
                "short); reset it, or import that ticker's prices again",
            )
        return np.frombuffer(days, dtype="<i4").astype(np.int64), np.frombuffer(closes, dtype="<f8")

    def exists(self) -> bool:
        return self.path.exists()

    def reset(self) -> Path | None:
        """Move the store (and its journal files) aside as a dated backup and start empty.

        For a damaged store only (``StoreError.can_reset``); returns the backup's path, or None when
        there was no store. Nothing is deleted.
        """
        if not self.path.exists():
            return None
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        try:
            for suffix in ("-wal", "-shm", ""):
                src = self.path.with_name(self.path.name + suffix)
                if src.exists():
                    os.replace(src, backup.with_name(backup.name + suffix))
        except OSError as exc:
            raise classify(exc, self.path, writing=True) from None
        self._ready = False
        return backup

    # -- reading --------------------------------------------------------------------------------------
    def tickers(self) -> tuple[str, ...]:
        with self._reading() as r:
            return () if r is None else tuple(row[0] for row in self._summary(*r))

    def coverage(self) -> dict[str, SeriesInfo]:
        """First and last day, row count and source per stored ticker (shows how stale each one is)."""
        with self._reading() as r:
            rows = [] if r is None else self._summary(*r)
        return {tk: SeriesInfo(tk, _day(lo), _day(hi), int(n), src, upd) for tk, lo, hi, n, src, upd in rows}

    def last_days(self, tickers: Sequence[str]) -> dict[str, date | None]:
        """Last stored day per ticker (None when the ticker is not stored)."""
        out: dict[str, date | None] = dict.fromkeys(tickers)
        with self._reading() as r:
            for tk, _lo, hi, *_rest in [] if r is None else self._summary(*r):
                if tk in out:
                    out[tk] = _day(hi)
        return out

    def has_all(self, tickers: Sequence[str]) -> bool:
        return all(v is not None for v in self.last_days(tickers).values())

    def load(self, tickers: Sequence[str], start: date | None = None) -> pd.DataFrame:
        """Adjusted closes (DatetimeIndex × tickers, NaN where a ticker has no price that day)."""
        got: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        with self._reading() as r:
            if r is not None:
                con, version = r
                for t in dict.fromkeys(tickers):
                    arrs = self._arrays(con, version, t)
                    if arrs is not None and len(arrs[0]):
                        got[t] = arrs
        if start is not None:
            lo = int((np.datetime64(start, "D") - _EPOCH).astype(np.int64))
            got = {t: (d[d >= lo], c[d >= lo]) for t, (d, c) in got.items()}
            got = {t: v for t, v in got.items() if len(v[0])}
        if not got:
            return pd.DataFrame(index=pd.DatetimeIndex([], name="Date"), dtype=float)
        day_arrays = [d for d, _ in got.values()]
        first = day_arrays[0]
        if all(len(d) == len(first) and np.array_equal(d, first) for d in day_arrays):
            all_days = first
            matrix = np.column_stack([c for _, c in got.values()])
        else:
            all_days = np.unique(np.concatenate(day_arrays))
            matrix = np.full((len(all_days), len(got)), np.nan)
            for j, (d, c) in enumerate(got.values()):
                matrix[np.searchsorted(all_days, d), j] = c
        return pd.DataFrame(matrix, index=_from_days(all_days).rename("Date"), columns=list(got))

    # -- writing --------------------------------------------------------------------------------------
    def write(self, prices: pd.DataFrame, source: str, *, replace: bool = False) -> int:
        """Store the given adjusted closes (one transaction for all tickers). New prices replace stored
        ones on the same day; ``replace`` drops each ticker's old history first. Returns the number of
        prices written."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        n = 0
        with self._writing() as con, con:
            for t in prices.columns:
                col = pd.to_numeric(prices[t], errors="raise").astype(np.float64)
                s = col[np.isfinite(col.to_numpy()) & (col.to_numpy() > 0)]
                days = _to_days(pd.DatetimeIndex(s.index))
                closes = s.to_numpy(dtype=np.float64)
                old = None if replace else self._arrays(con, int(SCHEMA_VERSION), str(t))
                if old is not None:
                    keep = ~np.isin(old[0], days)
                    days = np.concatenate([old[0][keep], days])
                    closes = np.concatenate([old[1][keep], closes])
                if len(days) == 0:
                    con.execute("DELETE FROM series WHERE ticker = ?", (str(t),))
                    continue
                order = np.argsort(days, kind="stable")
                days, closes = days[order], closes[order]
                dup = np.concatenate([days[1:] == days[:-1], [False]])  # keep the last of repeated days
                days, closes = days[~dup], closes[~dup]
                con.execute(
                    "INSERT OR REPLACE INTO series VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    _row(str(t), source, now, days, closes),
                )
                n += len(s)
        return n

    def import_csv(self, source: str | Path, *, ticker: str | None = None) -> list[PriceFile]:
        """Read a price CSV (any supported layout) and replace those tickers' histories with it."""
        files = read_price_csv(source, ticker=ticker)
        frame = pd.concat({f.ticker: f.prices for f in files}, axis=1, sort=True)
        self.write(frame, f"CSV {Path(source).name}", replace=True)
        return files

    def update(
        self,
        price_source: PriceSource,
        tickers: Sequence[str],
        *,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> UpdateReport:
        """Fetch what is missing since each ticker's last stored day and store it."""
        last = self.last_days(tickers)
        today = date.today()
        fresh = [t for t, d in last.items() if d is not None and d >= today - timedelta(days=1)]
        todo = [t for t in tickers if t not in fresh]
        groups: dict[date | None, list[str]] = {}
        for t in todo:
            d = last[t]
            groups.setdefault(None if d is None else d - timedelta(days=OVERLAP_DAYS), []).append(t)
        updated: list[str] = []
        refetch: list[str] = []
        failed: dict[str, str] = {}
        notes: list[str] = []
        cancelled = False
        for start, group in groups.items():
            res = price_source.fetch_history(group, start, progress=progress, cancel=cancel)
            failed.update(res.failed)
            notes.extend(res.notes)
            if start is None:
                self.write(res.prices, price_source.name, replace=True)
                updated.extend(res.fetched)
            else:
                ok, redo = self._split_consistent(res.prices)
                self.write(res.prices[ok], price_source.name)
                updated.extend(ok)
                refetch.extend(redo)
            if res.cancelled:
                cancelled = True
                break
        if refetch and not cancelled:
            res = price_source.fetch_history(refetch, None, progress=progress, cancel=cancel)
            failed.update(res.failed)
            self.write(res.prices, price_source.name, replace=True)
            cancelled = res.cancelled
        return UpdateReport(tuple(updated), tuple(fresh), tuple(refetch), failed, tuple(notes), cancelled)

    def _split_consistent(self, fetched: pd.DataFrame) -> tuple[list[str], list[str]]:
        """Tickers whose fetched prices agree with the stored ones on the overlapping days, and those
        whose history the source has re-adjusted since (they need a full re-fetch)."""
        ok: list[str] = []
        redo: list[str] = []
        if fetched.empty:
            return ok, redo
        stored = self.load(list(fetched.columns), start=fetched.index[0].date())
        for t in fetched.columns:
            if t not in stored.columns:
                ok.append(str(t))
                continue
            both = pd.concat([stored[t], fetched[t]], axis=1, keys=["a", "b"]).dropna()
            if both.empty or np.allclose(both["a"], both["b"], rtol=1e-4, atol=0):
                ok.append(str(t))
            else:
                redo.append(str(t))
        return ok, redo


def _row(
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


def _day(n: int) -> date:
    return date(1970, 1, 1) + timedelta(days=int(n))
