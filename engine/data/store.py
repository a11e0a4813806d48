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
from engine.data import store_schema as schema
from engine.data.csv_import import PriceFile, read_price_csv
from engine.data.sources import Cancel, PriceSource, Progress
from engine.data.store_errors import StoreError, classify
from engine.data.store_schema import SCHEMA_VERSION, row_values

STORE_FILE = "prices.sqlite3"
READ_TIMEOUT_S = (
    2.0  # readers are not blocked by a writer (write-ahead log); this covers a rollback-mode file
)
WRITE_TIMEOUT_S = 10.0
_EPOCH = np.datetime64("1970-01-01", "D")
OVERLAP_DAYS = 10  # calendar days re-fetched before the last stored day, to spot re-adjusted history


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
            except (sqlite3.Error, UnicodeDecodeError) as exc:
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
        except (sqlite3.Error, UnicodeDecodeError) as exc:
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
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            raise classify(exc, self.path, writing=True) from None
        finally:
            con.close()

    def _version(self, con: sqlite3.Connection) -> int:
        return schema.schema_version(con, self.path)

    def _summary(self, con: sqlite3.Connection, version: int) -> list[tuple[str, int, int, int, str, str]]:
        return schema.summary(con, version)

    def _arrays(
        self, con: sqlite3.Connection, version: int, ticker: str
    ) -> tuple[np.ndarray, np.ndarray] | None:
        return schema.arrays(con, version, ticker, self.path)

    def _prepare(self, con: sqlite3.Connection) -> None:
        schema.prepare(con, self.path)

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

    def problem(self) -> StoreError | None:
        """Read the whole store; the StoreError that stops it (damaged, locked, newer, ...) or None."""
        try:
            self.load(list(self.tickers()))
        except StoreError as exc:
            return exc
        return None

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
        return self.write_many([(prices, source)], replace=replace)

    def write_many(self, parts: Sequence[tuple[pd.DataFrame, str]], *, replace: bool = False) -> int:
        """Several (prices, source) parts in one transaction: all of them are stored, or none."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        n = 0
        with self._writing() as con, con:
            for prices, source in parts:
                n += self._write_into(con, prices, source, now, replace=replace)
        return n

    def _write_into(
        self, con: sqlite3.Connection, prices: pd.DataFrame, source: str, now: str, *, replace: bool
    ) -> int:
        n = 0
        for t in prices.columns:
            col = pd.to_numeric(prices[t], errors="raise").astype(np.float64)
            s = col[np.isfinite(col.to_numpy()) & (col.to_numpy() > 0)]
            days = _to_days(pd.DatetimeIndex(s.index))
            closes = s.to_numpy(dtype=np.float64)
            inside = (days >= schema.FIRST_DAY) & (days <= schema.LAST_DAY)  # what reads accept
            days, closes = days[inside], closes[inside]
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
                row_values(str(t), source, now, days, closes),
            )
            n += int(inside.sum())
        return n

    def import_csv(self, source: str | Path, *, ticker: str | None = None) -> list[PriceFile]:
        """Read a price CSV (any supported layout) and replace those tickers' histories with it."""
        return self.import_csvs([source], ticker=ticker)

    def import_csvs(self, sources: Sequence[str | Path], *, ticker: str | None = None) -> list[PriceFile]:
        """Read every file first, then store them in one transaction: a file that cannot be read (or a
        failed write) changes nothing, not even the files before it."""
        read: list[tuple[Path | str, list[PriceFile]]] = [
            (src, read_price_csv(src, ticker=ticker)) for src in sources
        ]
        parts = [
            (pd.concat({f.ticker: f.prices for f in files}, axis=1, sort=True), f"CSV {Path(src).name}")
            for src, files in read
        ]
        self.write_many(parts, replace=True)
        return [f for _, files in read for f in files]

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
                self._write_some(res.prices, price_source.name, replace=True)
                updated.extend(res.fetched)
            else:
                ok, redo = self._split_consistent(res.prices)
                self._write_some(res.prices[ok], price_source.name)
                updated.extend(ok)
                refetch.extend(redo)
            if res.cancelled:
                cancelled = True
                break
        if refetch and not cancelled:
            res = price_source.fetch_history(refetch, None, progress=progress, cancel=cancel)
            failed.update(res.failed)
            self._write_some(res.prices, price_source.name, replace=True)
            cancelled = res.cancelled
        return UpdateReport(tuple(updated), tuple(fresh), tuple(refetch), failed, tuple(notes), cancelled)

    def _write_some(self, prices: pd.DataFrame, source: str, *, replace: bool = False) -> None:
        """Write only when something came back: a failed download neither creates nor touches the store."""
        if len(prices.columns):
            self.write(prices, source, replace=replace)

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


def _day(n: int) -> date:
    return date(1970, 1, 1) + timedelta(days=int(n))
