"""Fuzz the holdings CSV reader: bytes, text, and rows built from number-like cells."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from engine.io.holdings_csv import parse_file, parse_text
from tests.fuzz._check import FUZZ, result_or_clear_error

number_like = st.one_of(
    st.from_regex(r"[-+(]?[$€]?[0-9]{0,7}([.,' ][0-9]{0,4}){0,3}\)?([eE][-+]?[0-9]{1,4})?", fullmatch=True),
    st.sampled_from(["1234,50", "100,1436", "1,234", "1.234,5", "(12)", "−3", "nan", "1e309", "9" * 400, ""]),
    st.text(max_size=8),
)
ticker_like = st.one_of(st.from_regex(r"[A-Za-z0-9.^=\-/ ]{0,8}", fullmatch=True), st.just("../../etc"))


@FUZZ
@given(raw=st.binary(max_size=3000))
def test_any_bytes(tmp_path_factory: Any, raw: bytes) -> None:
    p = Path(tmp_path_factory.mktemp("fz")) / "h.csv"
    p.write_bytes(raw)
    result_or_clear_error(lambda: parse_file(p))


@FUZZ
@given(
    rows=st.lists(st.tuples(ticker_like, number_like, st.none() | number_like), min_size=0, max_size=8),
    sep=st.sampled_from([",", ";", "\t"]),
    header=st.booleans(),
    quote=st.booleans(),
)
def test_structured_rows(
    rows: list[tuple[str, str, str | None]], sep: str, header: bool, quote: bool
) -> None:
    def cell(c: str) -> str:
        return f'"{c}"' if quote else c

    lines = [f"Ticker{sep}Shares{sep}Price"] if header else []
    lines += [sep.join(cell(c) for c in (t, s) + ((p,) if p is not None else ())) for t, s, p in rows]
    out = result_or_clear_error(lambda: parse_text("\n".join(lines) + "\n"))
    if not isinstance(out, Exception):
        for h in out.holdings:
            assert h.shares >= 0 and (h.price is None or h.price > 0)


@FUZZ
@given(text=st.text(max_size=500))
def test_any_text(text: str) -> None:
    result_or_clear_error(lambda: parse_text(text))
