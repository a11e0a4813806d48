"""The rate file of `coresat stress --rates` is opened like every other user file (it went to pandas)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from engine.errors import DataError
from engine.risk.rates import read_rate_csv


@pytest.mark.parametrize("what", ["url", "fifo", "dev-zero", "dir"])
def test_rate_file_special_paths_are_refused_at_once(tmp_path: Path, what: str) -> None:
    # pandas fetched https://… (a network call) and waited forever on a pipe or /dev/zero
    if what == "url":
        path: str | Path = "https://example.com/DGS10.csv"
    elif what == "fifo":
        if sys.platform == "win32":
            pytest.skip("POSIX")
        path = tmp_path / "DGS10.csv"
        os.mkfifo(path)
    elif what == "dev-zero":
        if not Path("/dev/zero").exists():
            pytest.skip("no /dev/zero")
        path = "/dev/zero"
    else:
        path = tmp_path
    t0 = time.monotonic()
    with pytest.raises(DataError) as err:
        read_rate_csv(path)
    assert time.monotonic() - t0 < 5.0
    msg = str(err.value)
    assert "\n" not in msg and ("web address" in msg or "not a saved file" in msg or "folder" in msg)
