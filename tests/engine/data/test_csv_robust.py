"""Price CSVs that once crashed, hung or were misread: each gets one clear DataError or the right numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.data.csv_import import read_price_csv
from engine.errors import DataError

HEAD = "Date,Close\n"
ROWS = "2024-01-02,100.5\n2024-01-03,101.25\n2024-01-04,100.75\n"


def _read(tmp_path: Path, text: str, name: str = "IWM.csv") -> list:  # type: ignore[type-arg]
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return read_price_csv(p)


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ("2024-02-30,100\n", "line 5 has '2024-02-30', which is not a date"),
        (",100\n", "line 5 has no date"),
        ("0001-01-02,100\n", "line 5 has the date '0001-01-02'; price dates must be between 1900 and 2100"),
        ("9999-12-31,100\n", "line 5 has the date '9999-12-31'"),
    ],
)
def test_impossible_blank_and_extreme_dates_name_the_line(tmp_path: Path, row: str, words: str) -> None:
    with pytest.raises(DataError, match=words):
        _read(tmp_path, HEAD + ROWS + row)


def test_decimal_comma_is_read_per_file_not_stripped(tmp_path: Path) -> None:
    # quoted decimal commas: 100,1436 is a hundred and a bit, never 1,001,436
    text = 'Date,Close\n2024-01-02,"100,1436"\n2024-01-03,"101,5"\n2024-01-04,"100,75"\n'
    f = _read(tmp_path, text)[0]
    assert list(f.prices) == [100.1436, 101.5, 100.75]


def test_semicolon_file_with_decimal_commas(tmp_path: Path) -> None:
    text = "Date;Close;Volume\n2024-01-02;100,1436;1.200.000\n2024-01-03;101,5;900.000\n2024-01-04;100,75;1.000\n"
    f = _read(tmp_path, text)[0]
    assert list(f.prices) == [100.1436, 101.5, 100.75]
    assert f.volume is not None and list(f.volume) == [1_200_000.0, 900_000.0, 1_000.0]


def test_mixed_marks_are_refused_with_both_lines(tmp_path: Path) -> None:
    text = 'Date,Close\n2024-01-02,100.5\n2024-01-03,"101,5"\n2024-01-04,100.75\n'
    with pytest.raises(
        DataError, match=r"'100\.5' \(line 2, column 'Close'\) has '\.' .* \(line 3, column 'Close'\) has ','"
    ):
        _read(tmp_path, text)


def test_only_ambiguous_numbers_are_refused_not_guessed(tmp_path: Path) -> None:
    text = 'Date,Close\n2024-01-02,"1,234"\n2024-01-03,"1,250"\n'
    with pytest.raises(DataError, match=r"'1,234' \(line 2, column 'Close'\) could be 1,234 or 1\.234"):
        _read(tmp_path, text)


def test_three_decimals_in_a_comma_file_are_decimals(tmp_path: Path) -> None:
    f = _read(tmp_path, "Date,Close\n2024-01-02,12.345\n2024-01-03,12.355\n")[0]
    assert list(f.prices) == [12.345, 12.355]


def test_blank_lines_keep_line_numbers(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="line 6 has '2024-13-01'"):
        _read(tmp_path, HEAD + ROWS + "\n2024-13-01,100\n")


@pytest.mark.parametrize("what", ["dir", "url"])
def test_folder_and_web_address_are_refused(tmp_path: Path, what: str) -> None:
    src = str(tmp_path) if what == "dir" else "https://example.com/IWM.csv"
    with pytest.raises(DataError, match="folder, not a file" if what == "dir" else "web address"):
        read_price_csv(src)


def test_huge_field_and_binary(tmp_path: Path) -> None:
    f = _read(tmp_path, HEAD + ROWS + "2024-01-05," + "9" * 200_000 + "\n")[0]
    assert len(f.prices) == 3 and any("1 rows without a price skipped" in n for n in f.notes)
    p = tmp_path / "IWM.csv"
    p.write_bytes(b"Date,Close\n\xff\xfe\x00\x01\n")
    with pytest.raises(DataError, match="UTF-8"):
        read_price_csv(p)


def test_non_ascii_digits_are_not_numbers(tmp_path: Path) -> None:
    # Python's \d matches Arabic-Indic digits; a price cell '١٢' must not slip through as 12
    f = _read(tmp_path, "Date,Close\n2024-01-02,١٢\n2024-01-03,100\n2024-01-04,101\n")[0]
    assert list(f.prices) == [100.0, 101.0] and any("1 rows without a price" in n for n in f.notes)


@pytest.mark.parametrize(
    ("cell", "shown"),
    [("1e308", "'1e308'"), ("1e-308", "'1e-308'"), ("9" * 400, "'" + "9" * 40 + "'"), ("2e7", "'2e7'")],
)
def test_a_price_beyond_any_real_one_is_refused_with_its_line(tmp_path: Path, cell: str, shown: str) -> None:
    # these were stored, and the rebalance then overflowed (internal error) or traded 2.6e12 shares
    with pytest.raises(DataError) as err:
        _read(tmp_path, HEAD + ROWS + f"2024-01-05,{cell}\n")
    msg = str(err.value)
    assert msg.startswith(
        f"IWM.csv: line 5 has the price {shown} in column 'Close', beyond any real share price"
    )


def test_real_extreme_prices_are_still_read(tmp_path: Path) -> None:
    # BRK-A near 700,000 and a split-adjusted early close of a thousandth of a dollar are real prices
    small = _read(tmp_path, HEAD + "2024-01-02,0.001\n2024-01-03,0.0011\n", "A.csv")[0]
    assert list(small.prices) == [0.001, 0.0011]
    large = _read(tmp_path, HEAD + "2024-01-02,712000\n2024-01-03,713000\n", "B.csv")[0]
    assert list(large.prices) == [712000.0, 713000.0]


def test_the_unreadable_date_is_named_not_a_good_one(tmp_path: Path) -> None:
    # one stray cell under ISO dates was reported as "cannot read dates like '2024-01-02'" (a good date)
    with pytest.raises(DataError, match=r"IWM.csv: line 5 has 'Total', which is not a date like the others"):
        _read(tmp_path, HEAD + ROWS + "Total,302.5\n")
    # day-first dates: the message shows one that cannot be month-first, not the first row
    rows = "".join(f"{d:02d}/01/2024,{100 + d}\n" for d in range(2, 29))
    with pytest.raises(DataError, match=r"cannot read dates like '13/01/2024'"):
        _read(tmp_path, HEAD + rows)
