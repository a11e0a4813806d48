"""The SQLite price store: round trips, staleness, incremental updates, crash safety, CSV import."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from engine import paths
from engine.data.sources import Cancel, FetchResult, Progress
from engine.data.store import STORE_FILE, PriceStore
from engine.errors import DataError

FIX = Path(__file__).parent / "fixtures"


def frame(tickers: Sequence[str], start: str, days: int, scale: float = 1.0) -> pd.DataFrame:
    idx = pd.bdate_range(start, periods=days, name="Date")
    data = {t: scale * (100 + i * 10 + np.arange(days, dtype=float)) for i, t in enumerate(tickers)}
    return pd.DataFrame(data, index=idx)


class FakeSource:
    """A price source with a fixed full history; records what was asked."""

    name = "Fake"

    def __init__(self, full: pd.DataFrame, fail: dict[str, str] | None = None) -> None:
        self.full = full
        self.fail = fail or {}
        self.requests: list[tuple[tuple[str, ...], date | None]] = []

    def fetch_history(
        self,
        tickers: Sequence[str],
        start: date | None = None,
        *,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> FetchResult:
        self.requests.append((tuple(tickers), start))
        ok = [t for t in tickers if t in self.full.columns and t not in self.fail]
        part = self.full[ok]
        if start is not None:
            part = part[part.index >= pd.Timestamp(start)]
        return FetchResult(part, {t: self.fail.get(t, "unknown") for t in tickers if t not in ok})


def test_store_lives_in_the_data_folder() -> None:
    store = PriceStore()
    store.write(frame(["IWM"], "2024-01-01", 3), "test")
    assert store.path == paths.data_dir() / STORE_FILE
    assert store.path.exists()
    assert "coresat-home" in str(store.path)  # the test fixture's temp folder, not the real one


def test_write_and_load_round_trip(tmp_path: Path) -> None:
    store = PriceStore(tmp_path / "p.sqlite3")
    f = frame(["IWM", "IWN"], "2024-01-01", 30)
    f.loc[f.index[3], "IWN"] = np.nan
    assert store.write(f, "test") == 59
    back = store.load(["IWM", "IWN", "ZZZ"])
    assert list(back.columns) == ["IWM", "IWN"]
    assert back.index.equals(f.index)
    assert np.allclose(back["IWM"], f["IWM"])
    assert np.isnan(back.loc[f.index[3], "IWN"])
    assert store.tickers() == ("IWM", "IWN")
    assert store.load(["IWM"], start=f.index[10].date()).index[0] == f.index[10]


def test_staleness_and_coverage(tmp_path: Path) -> None:
    store = PriceStore(tmp_path / "p.sqlite3")
    assert store.last_days(["IWM"]) == {"IWM": None}
    assert not store.has_all(["IWM"])
    store.write(frame(["IWM"], "2024-01-01", 10), "CSV IWM.csv")
    store.write(frame(["SPY"], "2024-01-01", 5), "Yahoo")
    last = store.last_days(["IWM", "SPY", "AGG"])
    assert last == {"IWM": date(2024, 1, 12), "SPY": date(2024, 1, 5), "AGG": None}
    cov = store.coverage()
    assert cov["IWM"].rows == 10 and cov["IWM"].first_day == date(2024, 1, 1)
    assert cov["SPY"].source == "Yahoo"
    assert store.has_all(["IWM", "SPY"]) and not store.has_all(["IWM", "AGG"])


def test_a_failed_write_leaves_the_store_unchanged(tmp_path: Path) -> None:
    store = PriceStore(tmp_path / "p.sqlite3")
    good = frame(["IWM"], "2024-01-01", 10)
    store.write(good, "test")
    bad = frame(["IWM", "IWN"], "2024-01-15", 5)
    bad = bad.astype(object)
    bad.loc[bad.index[2], "IWN"] = "not a number"  # fails inside the transaction, after IWM was written
    with pytest.raises((sqlite3.Error, TypeError, ValueError)):
        store.write(bad, "test", replace=True)
    back = store.load(["IWM", "IWN"])
    assert list(back.columns) == ["IWM"]
    assert back["IWM"].dropna().index.equals(good.index)  # IWM's replace was rolled back too


def test_incremental_update_fetches_only_missing_days(tmp_path: Path) -> None:
    full = frame(["IWM", "IWN"], "2024-01-01", 60)
    store = PriceStore(tmp_path / "p.sqlite3")
    store.write(full.iloc[:40], "Fake")
    src = FakeSource(full)
    report = store.update(src, ["IWM", "IWN"])
    assert len(src.requests) == 1
    (tickers, start) = src.requests[0]
    assert set(tickers) == {"IWM", "IWN"}
    assert start is not None and start > full.index[30].date()  # only the recent days plus a short overlap
    assert set(report.updated) == {"IWM", "IWN"} and not report.refetched
    assert store.load(["IWM"]).index.equals(full.index)


def test_new_ticker_gets_its_whole_history(tmp_path: Path) -> None:
    full = frame(["IWM", "VBR"], "2024-01-01", 20)
    store = PriceStore(tmp_path / "p.sqlite3")
    store.write(full[["IWM"]].iloc[:15], "Fake")
    src = FakeSource(full)
    store.update(src, ["IWM", "VBR"])
    assert (("VBR",), None) in src.requests
    assert len(store.load(["VBR"])) == 20


def test_re_adjusted_history_is_fetched_again(tmp_path: Path) -> None:
    old = frame(["IWM"], "2024-01-01", 40)
    store = PriceStore(tmp_path / "p.sqlite3")
    store.write(old, "Fake")
    readjusted = frame(["IWM"], "2024-01-01", 50, scale=0.98)  # a dividend re-scaled the whole history
    src = FakeSource(readjusted)
    report = store.update(src, ["IWM"])
    assert report.refetched == ("IWM",)
    assert src.requests[-1] == (("IWM",), None)
    back = store.load(["IWM"])["IWM"]
    assert np.allclose(back.to_numpy(), readjusted["IWM"].to_numpy())


def test_failed_tickers_are_reported_and_old_prices_kept(tmp_path: Path) -> None:
    full = frame(["IWM", "IWN"], "2024-01-01", 30)
    store = PriceStore(tmp_path / "p.sqlite3")
    store.write(full.iloc[:20], "Fake")
    report = store.update(FakeSource(full, fail={"IWN": "rate limited"}), ["IWM", "IWN"])
    assert report.failed == {"IWN": "rate limited"}
    assert len(store.load(["IWN"])) == 20
    assert len(store.load(["IWM"])) == 30


def test_up_to_date_tickers_are_not_fetched(tmp_path: Path) -> None:
    today = pd.Timestamp(date.today())
    idx = pd.DatetimeIndex([today - timedelta(days=2), today - timedelta(days=1), today])
    store = PriceStore(tmp_path / "p.sqlite3")
    store.write(pd.DataFrame({"IWM": [100.0, 101.0, 102.0]}, index=idx), "Fake")
    src = FakeSource(pd.DataFrame({"IWM": [1.0]}, index=[today]))
    report = store.update(src, ["IWM"])
    assert src.requests == []
    assert report.unchanged == ("IWM",)


def test_import_csv_replaces_the_history(tmp_path: Path) -> None:
    store = PriceStore(tmp_path / "p.sqlite3")
    store.write(frame(["IWM"], "2020-01-01", 5), "old")
    files = store.import_csv(FIX / "IWM.csv")
    assert files[0].column == "Adj Close"
    back = store.load(["IWM"])["IWM"]
    assert back.index[0] == pd.Timestamp("2024-01-02")
    assert back.iloc[0] == pytest.approx(195.10)
    assert store.coverage()["IWM"].source == "CSV IWM.csv"


def test_damaged_store_is_a_clear_data_error(tmp_path: Path) -> None:
    p = tmp_path / "p.sqlite3"
    p.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DataError, match="damaged"):
        PriceStore(p).tickers()
