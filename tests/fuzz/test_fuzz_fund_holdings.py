"""Fuzz the fund-holdings CSV reader (engine.data.fund_files): any bytes, any text and rows built from
fund / symbol / weight-like cells give fund data or one clear DataError line — and what it returns holds
together (weights in [0, 1] adding up to at most the whole fund, sectors from the scheme). Special files
(a folder, a pipe, a device, an oversized file, a gzip bomb, a web address) are refused at once."""

from __future__ import annotations

import gzip
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.data import fund_files
from engine.data.fund_files import parse_holdings_csv, read_holdings_csv
from engine.data.funds import OTHER, SECTORS
from engine.errors import DataError
from tests.fuzz._check import FUZZ, result_or_clear_error

weight_like = st.one_of(
    st.from_regex(r"[-+]?[0-9]{0,4}([.,][0-9]{0,4}){0,2}%?([eE][-+]?[0-9]{1,3})?", fullmatch=True),
    st.sampled_from(["1234,50", "1,5", "1.5", "100", "100.0001", "-0", "nan", "inf", "1e309", "9" * 400, ""]),
    st.text(max_size=6),
)
name_like = st.one_of(st.from_regex(r"[A-Za-z0-9.\-/ ]{0,8}", fullmatch=True), st.text(max_size=6))
sector_like = st.one_of(
    st.sampled_from([*SECTORS, "Technology", "financial services", "", "Crypto"]), name_like
)


def _holds_together(out: object) -> None:
    if isinstance(out, Exception):
        return
    assert isinstance(out, dict)
    for fund, fd in out.items():
        assert fund == fd.ticker and fund.strip() and fd.holdings
        total = sum(h.weight for h in fd.holdings)
        assert all(0.0 <= h.weight <= 1.0 for h in fd.holdings)
        assert total <= 1.0 + 1e-6
        if fd.sectors is not None:
            assert set(fd.sectors) <= {*SECTORS, OTHER}
            assert sum(fd.sectors.values()) == pytest.approx(total, abs=1e-9)


@FUZZ
@given(raw=st.binary(max_size=3000))
def test_any_bytes(tmp_path_factory: Any, raw: bytes) -> None:
    p = Path(tmp_path_factory.mktemp("fz")) / "funds.csv"
    p.write_bytes(raw)
    _holds_together(result_or_clear_error(lambda: read_holdings_csv(p)))


@FUZZ
@given(text=st.text(max_size=600))
def test_any_text(text: str) -> None:
    _holds_together(result_or_clear_error(lambda: parse_holdings_csv(text)))


@FUZZ
@given(
    rows=st.lists(
        st.tuples(name_like, name_like, weight_like, st.none() | sector_like), min_size=0, max_size=10
    ),
    sep=st.sampled_from([",", ";", "\t"]),
    header=st.sampled_from(
        ["fund{s}symbol{s}weight_pct{s}sector", "ETF{s}Ticker{s}Weight %{s}Sector", "fund{s}symbol{s}name"]
    ),
    quote=st.booleans(),
)
def test_structured_rows(
    rows: list[tuple[str, str, str, str | None]], sep: str, header: str, quote: bool
) -> None:
    def cell(c: str) -> str:
        return '"' + c.replace('"', '""') + '"' if quote else c

    lines = [header.format(s=sep)]
    lines += [sep.join(cell(c) for c in (f, s, w) + ((x,) if x is not None else ())) for f, s, w, x in rows]
    _holds_together(result_or_clear_error(lambda: parse_holdings_csv("\n".join(lines) + "\n")))


# -- special paths: refused quickly, with the limit in the message -----------------------------------------


def test_special_files_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(DataError, match="a folder, not a file"):
        read_holdings_csv(tmp_path)
    with pytest.raises(DataError, match="web address"):
        read_holdings_csv("https://example.com/holdings.csv")
    with pytest.raises(DataError, match=r"the folder .* does not exist"):
        read_holdings_csv(tmp_path / "nowhere" / "h.csv")
    big = tmp_path / "big.csv"
    big.write_bytes(b"fund,symbol,weight_pct\n" + b"IWM,AAA,0.0001\n" * 1000)
    monkeypatch.setattr(fund_files, "MAX_HOLDINGS_BYTES", 5_000)
    with pytest.raises(DataError, match=r"big.csv is 15 kB; a fund holdings CSV is at most 5 kB"):
        read_holdings_csv(big)
    bomb = tmp_path / "bomb.csv.gz"
    bomb.write_bytes(gzip.compress(b"fund,symbol,weight_pct\n" + b"0" * 2_000_000))
    with pytest.raises(DataError, match=r"unpacks to more than 5 kB"):
        read_holdings_csv(bomb)
    ok = tmp_path / "ok.csv.gz"
    ok.write_bytes(gzip.compress(b"fund,symbol,weight_pct\nIWM,AAA,60\nIWM,BBB,40\n"))
    monkeypatch.setattr(fund_files, "MAX_HOLDINGS_BYTES", 20_000_000)
    assert [h.symbol for h in read_holdings_csv(ok)["IWM"].holdings or ()] == ["AAA", "BBB"]


@pytest.mark.skipif(sys.platform == "win32", reason="no FIFOs or /dev/zero on Windows")
def test_pipe_and_devices_do_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    result: list[BaseException | None] = []

    def read(p: Path) -> None:
        try:
            read_holdings_csv(p)
            result.append(None)
        except BaseException as exc:  # handed to the test thread
            result.append(exc)

    for path, words in ((fifo, "a pipe, not a saved file"), (Path("/dev/zero"), "a device")):
        result.clear()
        t0 = time.perf_counter()
        th = threading.Thread(target=read, args=(path,), daemon=True)
        th.start()
        th.join(5)
        assert not th.is_alive(), f"{path} made the reader hang"
        assert time.perf_counter() - t0 < 5
        (exc,) = result
        assert isinstance(exc, DataError) and words in str(exc)
