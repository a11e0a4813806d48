"""The cache of fund look-through data: one table (``fund_data``) in the local price store's SQLite file.

One row per fund: the source, when it was fetched, the as-of date of the figures and the figures as JSON
(plain values, never pickled). Every write is one transaction. Reading never writes. The store is also a
``FundSource``, so ``load_funds`` can put it between a user CSV and the bundled snapshot.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from engine import paths
from engine.data.funds import FundData, FundFetch, FundSource
from engine.errors import DataError

STORE_FILE = "prices.sqlite3"  # the same file as the price store: one local store
READ_TIMEOUT_S = 2.0  # every rebalance reads the cache (engine.risk.exposure_result): never wait long

_SCHEMA = """
CREATE TABLE IF NOT EXISTS fund_data (
    ticker TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    fetched_at TEXT NOT NULL,     -- ISO time (UTC) of the download
    as_of TEXT,                   -- ISO date the figures describe (NULL: not given)
    payload TEXT NOT NULL         -- FundData as JSON
);
"""


@dataclass(frozen=True)
class CachedFund:
    ticker: str
    source: str
    fetched_at: str
    as_of: date | None


_WRITES = 0  # writes made by this process (engine.risk.exposure_cache reads the fund data again after one)


def writes() -> int:
    """How many times this process has written fund data (to any store)."""
    return _WRITES


class FundStore:
    """Fund data cache. Cheap to create; each call opens its own connection."""

    name = "fund cache"

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else paths.data_dir() / STORE_FILE

    @contextmanager
    def _connect(self, *, write: bool) -> Iterator[sqlite3.Connection]:
        try:
            if write:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                con = sqlite3.connect(self.path, timeout=10)
            else:  # read-only, like the price store's reads: a read never writes, a writer never stalls it
                uri = self.path.resolve().as_uri() + "?mode=ro"
                con = sqlite3.connect(uri, uri=True, timeout=READ_TIMEOUT_S)
        except (OSError, sqlite3.Error) as exc:
            raise DataError(f"cannot open the local store {self.path}: {exc}") from None
        try:
            if write:
                con.executescript(_SCHEMA)
            yield con
        except sqlite3.DatabaseError as exc:
            raise DataError(
                f"the local store {self.path} is damaged or locked ({exc}); close other Coresat windows"
            ) from None
        finally:
            con.close()

    def _has_table(self, con: sqlite3.Connection) -> bool:
        row = con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='fund_data'").fetchone()
        return row is not None

    def write(self, funds: Mapping[str, FundData]) -> int:
        global _WRITES
        now = datetime.now(UTC).isoformat(timespec="seconds")
        _WRITES += 1  # before and after: a reader between the two reads the store again too
        with self._connect(write=True) as con, con:
            for fd in funds.values():
                con.execute(
                    "INSERT OR REPLACE INTO fund_data VALUES (?, ?, ?, ?, ?)",
                    (
                        fd.ticker,
                        fd.source,
                        now,
                        fd.as_of.isoformat() if fd.as_of else None,
                        json.dumps(fd.to_dict()),
                    ),
                )
        _WRITES += 1
        return len(funds)

    def read(self, tickers: Sequence[str]) -> dict[str, FundData]:
        if not self.path.exists():
            return {}
        out: dict[str, FundData] = {}
        with self._connect(write=False) as con:
            if not self._has_table(con):
                return {}
            for t in dict.fromkeys(x.upper() for x in tickers):
                row = con.execute("SELECT payload FROM fund_data WHERE ticker = ?", (t,)).fetchone()
                if row is None:
                    continue
                try:
                    out[t] = FundData.from_dict(json.loads(row[0]), ticker=t)
                except (json.JSONDecodeError, DataError):
                    continue  # a damaged row is as good as none: the next source is used
        return out

    def cached(self) -> dict[str, CachedFund]:
        if not self.path.exists():
            return {}
        with self._connect(write=False) as con:
            if not self._has_table(con):
                return {}
            rows = con.execute(
                "SELECT ticker, source, fetched_at, as_of FROM fund_data ORDER BY ticker"
            ).fetchall()
        return {t: CachedFund(t, s, f, date.fromisoformat(a) if a else None) for t, s, f, a in rows}

    def fetch_funds(self, tickers: Sequence[str]) -> FundFetch:
        got = self.read(tickers)
        return FundFetch(got, {t: "not in the fund cache" for t in tickers if t.upper() not in got})

    def update(self, source: FundSource, tickers: Sequence[str]) -> FundFetch:
        """Fetch ``tickers`` from ``source`` and cache what came back (one transaction)."""
        res = source.fetch_funds(tickers)
        if res.funds:
            self.write(res.funds)
        return res
