"""Fuzz the price store's reader: any bytes, and valid stores with bytes changed, read as a result or a
StoreError (never another exception); a store whose bytes were not changed always reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from engine.data.store import PriceStore
from engine.data.store_errors import StoreError
from tests.fuzz._check import FUZZ, result_or_clear_error


def _valid_store_bytes() -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "p.sqlite3"
        idx = pd.bdate_range("2024-01-01", periods=300, name="Date")
        s = PriceStore(p)
        s.write(pd.DataFrame({"IWM": 100 + np.arange(300.0), "VBR": 50 + np.arange(300.0)}, index=idx), "t")
        import sqlite3

        con = sqlite3.connect(p)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        con.close()
        return p.read_bytes()


VALID = _valid_store_bytes()


def _read_everything(p: Path) -> object:
    s = PriceStore(p)
    tickers = s.tickers()
    s.coverage()
    return s.load(list(tickers) or ["IWM"])


def _check(p: Path) -> None:
    out = result_or_clear_error(lambda: _read_everything(p))
    if isinstance(out, Exception):
        assert isinstance(out, StoreError), f"{type(out).__name__}: {out}"


@FUZZ
@given(raw=st.binary(max_size=3000))
def test_any_bytes(tmp_path_factory: Any, raw: bytes) -> None:
    p = Path(tmp_path_factory.mktemp("st")) / "p.sqlite3"
    p.write_bytes(raw)
    _check(p)


@FUZZ
@given(
    changes=st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)), max_size=8),
    cut=st.none() | st.integers(0, len(VALID)),
)
def test_valid_store_with_changed_bytes(
    tmp_path_factory: Any, changes: list[tuple[int, int]], cut: int | None
) -> None:
    raw = bytearray(VALID)
    for i, b in changes:
        raw[i] = b
    if cut is not None:
        raw = raw[:cut]
    p = Path(tmp_path_factory.mktemp("st")) / "p.sqlite3"
    p.write_bytes(bytes(raw))
    if bytes(raw) == VALID:
        assert _read_everything(p) is not None  # good data is never called damaged
    else:
        _check(p)
