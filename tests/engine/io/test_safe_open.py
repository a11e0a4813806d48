"""read_user_file refuses what is not a regular, reasonably sized file, at once (never waits)."""

from __future__ import annotations

import gzip
import os
import sys
import time
from pathlib import Path

import pytest

from engine.io.errors import FileRefusedError
from engine.io.safe_open import read_user_file, read_user_text

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")


def test_reads_a_regular_file(tmp_path: Path) -> None:
    f = tmp_path / "a.csv"
    f.write_bytes(b"IWM,10\n")
    assert read_user_file(f, 100, "holdings CSV") == b"IWM,10\n"
    assert read_user_text(str(f), 100, "holdings CSV") == "IWM,10\n"


def test_folder_missing_file_and_missing_parent(tmp_path: Path) -> None:
    with pytest.raises(FileRefusedError, match="is a folder, not a file"):
        read_user_file(tmp_path, 100, "price file")
    with pytest.raises(FileRefusedError, match="price file not found"):
        read_user_file(tmp_path / "nope.csv", 100, "price file")
    with pytest.raises(FileRefusedError, match=r"price file not found: .*the folder .* does not exist"):
        read_user_file(tmp_path / "no" / "such.csv", 100, "price file")


@pytest.mark.parametrize(
    "url", ["https://example.com/p.csv", "http://x/y", "ftp://h/f", "file:///etc/passwd", "HTTPS://X/y.csv"]
)
def test_web_address_is_refused_not_fetched(url: str) -> None:
    with pytest.raises(FileRefusedError, match="web address"):
        read_user_file(url, 100, "price file")


@posix_only
def test_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    t0 = time.monotonic()
    with pytest.raises(FileRefusedError, match="pipe"):
        read_user_file(fifo, 100, "price file")
    assert time.monotonic() - t0 < 2.0


@posix_only
@pytest.mark.parametrize("dev", ["/dev/zero", "/dev/urandom"])
def test_endless_devices_are_refused(dev: str) -> None:
    if not Path(dev).exists():
        pytest.skip(f"{dev} absent")
    t0 = time.monotonic()
    with pytest.raises(FileRefusedError, match="device"):
        read_user_file(dev, 100, "scenario file")
    assert time.monotonic() - t0 < 2.0


def test_size_limit_is_stated(tmp_path: Path) -> None:
    f = tmp_path / "big.csv"
    f.write_bytes(b"x" * 50_000)
    with pytest.raises(FileRefusedError, match=r"big.csv is 50 kB; a holdings CSV is at most 20 kB"):
        read_user_file(f, 20_000, "holdings CSV")


def test_gzip_is_unpacked_and_a_bomb_refused_quickly(tmp_path: Path) -> None:
    ok = tmp_path / "p.csv.gz"
    ok.write_bytes(gzip.compress(b"Date,Close\n2024-01-02,1\n"))
    assert read_user_file(ok, 1000, "price file") == b"Date,Close\n2024-01-02,1\n"
    bomb = tmp_path / "bomb.csv.gz"
    bomb.write_bytes(gzip.compress(b"0" * 60_000_000, compresslevel=9))
    assert bomb.stat().st_size < 1_000_000
    t0 = time.monotonic()
    with pytest.raises(FileRefusedError, match=r"unpacks to more than 5 MB"):
        read_user_file(bomb, 5_000_000, "price file")
    assert time.monotonic() - t0 < 2.0


def test_damaged_gzip_and_other_archives(tmp_path: Path) -> None:
    cut = tmp_path / "cut.gz"
    cut.write_bytes(gzip.compress(b"a" * 10_000)[:20])
    with pytest.raises(FileRefusedError, match="damaged"):
        read_user_file(cut, 100_000, "price file")
    z = tmp_path / "x.zip"
    z.write_bytes(b"PK\x03\x04rest")
    with pytest.raises(FileRefusedError, match="zip archive; unpack it first"):
        read_user_file(z, 100_000, "price file")


def test_binary_and_non_utf8_text(tmp_path: Path) -> None:
    b = tmp_path / "b.csv"
    b.write_bytes(b"IWM,\x00\x01")
    with pytest.raises(FileRefusedError, match="not a text file"):
        read_user_text(b, 100, "holdings CSV")
    latin = tmp_path / "l.csv"
    latin.write_bytes(b"IWM,1\nCAF\xe9,2\n")
    with pytest.raises(FileRefusedError, match=r"not UTF-8 text \(line 2\)"):
        read_user_text(latin, 100, "holdings CSV")


def test_a_web_address_passed_as_a_path_is_still_a_web_address(tmp_path: Path) -> None:
    # Path("https://x.com/a.csv") is "https:/x.com/a.csv": it was reported as a missing folder
    with pytest.raises(FileRefusedError, match=r"^https:/x.com/a.csv is a web address"):
        read_user_file(Path("https://x.com/a.csv"), 1000, "fund holdings CSV")
    f = tmp_path / "c.csv"  # an ordinary path (on Windows "C:\\...": one letter, never a scheme)
    f.write_text("a", encoding="utf-8")
    assert read_user_file(Path(f), 1000, "CSV") == b"a"
