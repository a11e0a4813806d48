"""Fuzz the price CSV reader: bytes, and files of valid shape with mutated dates and numbers."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from engine.data.csv_import import read_price_csv
from tests.fuzz._check import FUZZ, result_or_clear_error

date_like = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(str),
    st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}( 00:00:00-0[45]:00)?", fullmatch=True),
    st.sampled_from(["", "2024-02-30", "0001-01-01", "9999-12-31", "01/02/2024", "20240102", "x"]),
)
number_like = st.one_of(
    st.floats(min_value=0.01, max_value=1e6).map(lambda v: f"{v:.4f}"),
    st.from_regex(r"[-+]?[$]?[0-9]{0,6}([.,][0-9]{0,4}){0,2}", fullmatch=True),
    st.sampled_from(["null", "", "1,234", "100,1436", "1e308", "9" * 400, "nan", "-5"]),
)
LAYOUTS = [
    "Date,Open,High,Low,Close,Adj Close,Volume",
    "Date,Close",
    "Date,IWM,VBR",
    "Date;Close;Volume",
    "Date,Open,High,Low,Close,Volume,Dividends,Stock Splits",
]


@FUZZ
@given(raw=st.binary(max_size=3000))
def test_any_bytes(raw: bytes) -> None:
    result_or_clear_error(lambda: read_price_csv(raw, ticker="IWM"))


@FUZZ
@given(raw=st.binary(max_size=2000))
def test_any_file(tmp_path_factory: Any, raw: bytes) -> None:
    p = Path(tmp_path_factory.mktemp("fz")) / "IWM.csv"
    p.write_bytes(raw)
    result_or_clear_error(lambda: read_price_csv(p))


@FUZZ
@given(layout=st.sampled_from(LAYOUTS), n=st.integers(2, 30), data=st.data())
def test_valid_files_with_mutated_cells(layout: str, n: int, data: st.DataObject) -> None:
    sep = ";" if ";" in layout else ","
    cols = layout.split(sep)
    start = date(2020, 1, 1)
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    rows = []
    for i in range(n):
        cells = [str(start + timedelta(days=i))] + [f"{100 + rng.normal():.2f}" for _ in cols[1:]]
        rows.append(cells)
    for _ in range(data.draw(st.integers(0, 4))):
        r = data.draw(st.integers(0, n - 1))
        c = data.draw(st.integers(0, len(cols) - 1))
        rows[r][c] = data.draw(date_like if c == 0 else number_like)
    text = "\n".join([layout] + [sep.join(f'"{v}"' if sep in v else v for v in r) for r in rows]) + "\n"
    out = result_or_clear_error(lambda: read_price_csv(text.encode(), ticker="IWM", name="fuzz.csv"))
    if isinstance(out, list):
        for f in out:
            assert f.prices.index.is_monotonic_increasing
            assert bool((f.prices > 0).all()) and bool(np.isfinite(f.prices.to_numpy()).all())
