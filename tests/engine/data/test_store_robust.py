"""The price store reads without writing; damaged, locked, read-only, full and newer stores each get their
own message, and only a damaged one is offered a reset (which keeps a backup)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import engine.data.store as store_mod
from engine.data.store import PriceStore
from engine.data.store_errors import StoreError, classify


def _frame(tickers: list[str], start: str = "2024-01-01", days: int = 5) -> pd.DataFrame:
    idx = pd.bdate_range(start, periods=days, name="Date")
    return pd.DataFrame({t: 100.0 + i + np.arange(days) for i, t in enumerate(tickers)}, index=idx)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_reading_writes_nothing(tmp_path: Path) -> None:
    p = tmp_path / "s" / "p.sqlite3"
    PriceStore(p).write(_frame(["IWM", "VBR"]), "test")
    before = _snapshot(p.parent)
    reader = PriceStore(p)  # a fresh instance: the first connection of a new process
    assert reader.tickers() == ("IWM", "VBR")
    assert reader.load(["IWM"])["IWM"].iloc[0] == 100.0
    assert set(reader.coverage()) == {"IWM", "VBR"}
    assert reader.has_all(["IWM"])
    after = _snapshot(p.parent)
    assert after["p.sqlite3"] == before["p.sqlite3"]  # the database itself is untouched
    # a write-ahead-log reader may create SQLite's shared-memory index and an empty log, nothing more
    assert set(after) - set(before) <= {"p.sqlite3-shm", "p.sqlite3-wal"}
    assert after.get("p.sqlite3-wal", b"") == before.get("p.sqlite3-wal", b"")


def test_a_store_never_written_is_not_created_by_reading(tmp_path: Path) -> None:
    s = PriceStore(tmp_path / "none" / "p.sqlite3")
    assert s.tickers() == () and s.load(["IWM"]).empty
    assert not (tmp_path / "none").exists()


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root ignores file modes")
def test_read_only_store_is_read(tmp_path: Path) -> None:
    d = tmp_path / "ro"
    p = d / "p.sqlite3"
    PriceStore(p).write(_frame(["IWM"]), "test")
    p.chmod(0o444)
    d.chmod(0o555)
    try:
        assert PriceStore(p).load(["IWM"])["IWM"].iloc[-1] == 104.0
        with pytest.raises(StoreError) as err:
            PriceStore(p).write(_frame(["VBR"]), "test")
        assert err.value.kind in ("read-only", "unreadable") and not err.value.can_reset
    finally:
        d.chmod(0o755)
        p.chmod(0o644)


def test_write_to_a_read_only_database_is_named_read_only(tmp_path: Path) -> None:
    p = tmp_path / "p.sqlite3"
    PriceStore(p).write(_frame(["IWM"]), "test")
    con = sqlite3.connect(p.resolve().as_uri() + "?mode=ro", uri=True)
    with pytest.raises(sqlite3.Error) as real:
        con.execute("DELETE FROM series")
    con.close()
    err = classify(real.value, p, writing=True)
    assert err.kind == "read-only" and not err.can_reset
    assert "read-only" in str(err) and "damaged" not in str(err)


def test_full_disk_is_its_own_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "p.sqlite3"
    PriceStore(p).write(_frame(["IWM"]), "test")
    real_connect = sqlite3.connect

    def tiny_disk(*args: object, **kwargs: object) -> sqlite3.Connection:
        con = real_connect(*args, **kwargs)  # type: ignore[arg-type]
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        con.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "database or disk is full"
        return con

    monkeypatch.setattr(store_mod.sqlite3, "connect", tiny_disk)
    big = _frame([f"T{i}" for i in range(40)], days=2000)
    with pytest.raises(StoreError) as err:
        PriceStore(p).write(big, "test")
    assert err.value.kind == "full" and not err.value.can_reset
    assert "full" in str(err.value)
    monkeypatch.undo()
    assert PriceStore(p).tickers() == ("IWM",)  # unchanged


@pytest.mark.skipif(sys.platform == "win32", reason="subprocess lock timing")
def test_writer_in_another_process_does_not_block_readers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = tmp_path / "p.sqlite3"
    PriceStore(p).write(_frame(["IWM"]), "test")
    code = (
        "import sqlite3, sys, time\n"
        f"con = sqlite3.connect({str(p)!r}, isolation_level=None)\n"
        "con.execute('BEGIN IMMEDIATE')\n"
        "con.execute(\"UPDATE series SET source = 'other'\")\n"
        "print('locked', flush=True)\n"
        "time.sleep(30)\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"locked"
        t0 = time.monotonic()
        fresh = PriceStore(p)
        assert fresh.load(["IWM"])["IWM"].iloc[0] == 100.0
        assert fresh.coverage()["IWM"].source == "test"  # the uncommitted change is not seen
        assert time.monotonic() - t0 < 3.0  # the old first connection waited 10 s for the lock
        monkeypatch.setattr(store_mod, "WRITE_TIMEOUT_S", 0.2)
        with pytest.raises(StoreError) as err:
            PriceStore(p).write(_frame(["VBR"]), "test")
        assert err.value.kind == "locked" and not err.value.can_reset
        assert "busy" in str(err.value) and "damaged" not in str(err.value)
    finally:
        holder.kill()
        holder.wait()


def test_damaged_store_is_offered_a_reset_that_keeps_a_backup(tmp_path: Path) -> None:
    p = tmp_path / "p.sqlite3"
    junk = b"this is not a database" * 100
    p.write_bytes(junk)
    s = PriceStore(p)
    with pytest.raises(StoreError) as err:
        s.tickers()
    assert err.value.kind == "damaged" and err.value.can_reset
    backup = s.reset()
    assert backup is not None and backup.read_bytes() == junk
    assert not p.exists()
    s.write(_frame(["IWM"]), "test")
    assert s.tickers() == ("IWM",)


def test_cut_short_blob_is_damage(tmp_path: Path) -> None:
    p = tmp_path / "p.sqlite3"
    PriceStore(p).write(_frame(["IWM"]), "test")
    con = sqlite3.connect(p)
    con.execute("UPDATE series SET closes = substr(closes, 1, 7)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="cut short") as err:
        PriceStore(p).load(["IWM"])
    assert err.value.can_reset


def test_newer_schema_is_not_called_damaged(tmp_path: Path) -> None:
    p = tmp_path / "p.sqlite3"
    PriceStore(p).write(_frame(["IWM"]), "test")
    con = sqlite3.connect(p)
    con.execute("UPDATE meta SET value = '7' WHERE key = 'schema'")
    con.commit()
    con.close()
    with pytest.raises(StoreError) as err:
        PriceStore(p).tickers()
    assert err.value.kind == "newer" and not err.value.can_reset
    assert "newer Coresat" in str(err.value)


def _v1_store(p: Path) -> None:
    """The version-1 layout (one row per ticker and day), as the first Coresat wrote it."""
    con = sqlite3.connect(p)
    con.executescript(
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE prices (ticker TEXT NOT NULL, day INTEGER NOT NULL,
                             close REAL NOT NULL CHECK (close > 0), PRIMARY KEY (ticker, day)) WITHOUT ROWID;
        CREATE TABLE series (ticker TEXT PRIMARY KEY, source TEXT NOT NULL, updated_at TEXT NOT NULL);
        INSERT INTO meta VALUES ('schema', '1');
        INSERT INTO prices VALUES ('IWM', 19724, 195.5), ('IWM', 19725, 196.0), ('IWM', 19726, 197.25);
        INSERT INTO series VALUES ('IWM', 'CSV IWM.csv', '2024-01-05T00:00:00+00:00');
        """
    )
    con.close()


def test_schema_one_is_read_then_migrated_on_the_next_write(tmp_path: Path) -> None:
    p = tmp_path / "p.sqlite3"
    _v1_store(p)
    s = PriceStore(p)
    got = s.load(["IWM"])["IWM"]
    # day 19724 after 1970-01-01 is 2024-01-02
    assert list(got.index) == list(pd.to_datetime(["2024-01-02", "2024-01-03", "2024-01-04"]))
    assert list(got) == [195.5, 196.0, 197.25]
    assert s.coverage()["IWM"].source == "CSV IWM.csv"
    s.write(_frame(["VBR"]), "test")
    con = sqlite3.connect(p)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0] == "2"
    assert "prices" not in {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    con.close()
    again = PriceStore(p)
    assert list(again.load(["IWM"])["IWM"].dropna()) == [195.5, 196.0, 197.25]
    assert again.tickers() == ("IWM", "VBR")


def test_cli_reset_only_for_a_damaged_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from engine.data import commands
    from engine.errors import DataError

    p = tmp_path / "p.sqlite3"
    PriceStore(p).write(_frame(["IWM"]), "test")
    with pytest.raises(DataError, match="not damaged; nothing was changed"):
        commands.run(argparse.Namespace(prices_command="reset"), PriceStore(p))
    assert PriceStore(p).tickers() == ("IWM",)
    p.write_bytes(b"\x00garbage" * 500)
    assert commands.run(argparse.Namespace(prices_command="reset"), PriceStore(p)) == 0
    assert "kept" not in capsys.readouterr().err
    assert [q.name.startswith("p.sqlite3.damaged-") for q in tmp_path.iterdir()].count(True) >= 1


def test_impossible_stored_days_or_prices_are_damage_not_data(tmp_path: Path) -> None:
    p = tmp_path / "p.sqlite3"
    PriceStore(p).write(_frame(["IWM"], days=3), "test")
    con = sqlite3.connect(p)
    con.execute(
        "UPDATE series SET days = ?, closes = ?",
        (
            np.array([5, 2**31 - 1, -(2**31)], dtype="<i4").tobytes(),
            np.array([np.nan, -1.0, 1e308]).tobytes(),
        ),
    )
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not valid dates and prices") as err:
        PriceStore(p).load(["IWM"])
    assert err.value.can_reset


def test_text_that_is_not_text_is_damage(tmp_path: Path) -> None:
    # found by tests/fuzz/test_fuzz_store.py: one changed byte in a ticker name gave a UnicodeDecodeError
    p = tmp_path / "p.sqlite3"
    PriceStore(p).write(_frame(["IWM"]), "test")
    con = sqlite3.connect(p)
    con.execute("UPDATE series SET source = CAST(X'80FF' AS TEXT)")
    con.commit()
    con.close()
    with pytest.raises(StoreError) as err:
        PriceStore(p).coverage()
    assert err.value.kind == "damaged"


def test_a_failed_multi_file_import_changes_nothing(tmp_path: Path) -> None:
    p = tmp_path / "p.sqlite3"
    PriceStore(p).write(_frame(["IWM"]), "before")
    good = tmp_path / "VBR.csv"
    good.write_text("Date,Close\n2024-01-02,50\n2024-01-03,51\n")
    bad = tmp_path / "IJR.csv"
    bad.write_text("Date,Close\n2024-02-30,50\n2024-01-03,51\n")
    from engine.errors import DataError

    with pytest.raises(DataError, match="2024-02-30"):
        PriceStore(p).import_csvs([good, bad])
    assert PriceStore(p).tickers() == ("IWM",)  # VBR, read first, was not stored either
    files = PriceStore(p).import_csvs([good])
    assert [f.ticker for f in files] == ["VBR"] and PriceStore(p).tickers() == ("IWM", "VBR")
