"""Holdings CSV: the cases that crashed or were misread, and the messages that name the line."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from engine.errors import CoresatError
from engine.io.holdings_csv import HoldingsCsvError, parse_file, parse_text


def _rows(text: str) -> list[tuple[str, float, float | None]]:
    return [(h.ticker, h.shares, h.price) for h in parse_text(text).holdings]


def test_decimal_comma_is_never_a_thousands_separator_by_default() -> None:
    # "1234,50" was read as 123,450 shares
    assert _rows('IWM,"1234,50"\n') == [("IWM", 1234.5, None)]
    assert _rows("IWM;1234,50;215,3\nVBR;10;100\n") == [("IWM", 1234.5, 215.3), ("VBR", 10.0, 100.0)]
    assert _rows("IWM\t12.5\t215.30\n") == [("IWM", 12.5, 215.3)]


def test_file_wide_mark_and_ambiguous_refused_with_line() -> None:
    assert _rows('IWM,"1,200",215.30\n') == [("IWM", 1200.0, 215.3)]
    with pytest.raises(HoldingsCsvError, match=r"'1,200' \(line 2\) could be 1,200 or 1\.2"):
        parse_text('ticker,shares\nIWM,"1,200"\nVBR,10\n')
    with pytest.raises(HoldingsCsvError, match=r"\(line 1\) has '\.' .* \(line 2\) has ','"):
        parse_text('IWM,1.5\nVBR,"2,5"\n')


def test_field_over_the_csv_limit_is_one_line() -> None:
    big = "9" * (csv.field_size_limit() + 10)
    with pytest.raises(HoldingsCsvError, match="line 1: ") as err:
        parse_text(f'IWM,"{big}"\n')
    assert len(str(err.value)) < 200


def test_broken_quote_and_absurd_numbers() -> None:
    with pytest.raises(HoldingsCsvError, match="line 2"):
        parse_text('IWM,1\nVBR,"2\n')
    with pytest.raises(HoldingsCsvError, match="beyond any real holding"):
        parse_text("IWM,1e308\n")
    with pytest.raises(HoldingsCsvError, match="too large"):
        parse_text("IWM,1e999\n")
    with pytest.raises(HoldingsCsvError, match="is not a ticker symbol"):
        parse_text("../../etc,3\n")


def test_errors_are_coresat_errors() -> None:
    with pytest.raises(CoresatError):
        parse_text("")


@pytest.mark.parametrize("what", ["dir", "url", "fifo"])
def test_special_paths(tmp_path: Path, what: str) -> None:
    if what == "dir":
        path: str | Path = tmp_path
    elif what == "url":
        path = "https://example.com/h.csv"
    else:
        if sys.platform == "win32":
            pytest.skip("POSIX")
        import os

        path = tmp_path / "p.csv"
        os.mkfifo(path)
    with pytest.raises(HoldingsCsvError):
        parse_file(path)


def test_a_price_too_small_to_be_real_is_refused() -> None:
    # 1e-308 was accepted and overflowed the share counts in the rebalance (internal error)
    with pytest.raises(HoldingsCsvError, match=r"line 1: a price of 1e-308 is below any real share price"):
        parse_text("IWM,10,1e-308\n")
    assert parse_text("IWM,10,0.0001\n").holdings[0].price == 0.0001  # a sub-penny price is real
