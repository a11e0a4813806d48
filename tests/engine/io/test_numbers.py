"""The number rule: each expected value below is written by hand from how a person reads the cell."""

from __future__ import annotations

import pytest

from engine.errors import CoresatError
from engine.io.errors import NumberError
from engine.io.numbers import detect_decimal_mark, parse_number, require_decimal_mark


@pytest.mark.parametrize(
    ("text", "mark", "expected"),
    [
        ("1234,50", ",", 1234.5),
        ("100,1436", ",", 100.1436),
        ("1,234", ".", 1234.0),
        ("1,234", ",", 1.234),
        ("1.234,50", ",", 1234.5),
        ("1,234.50", ".", 1234.5),
        ("(1,234.50)", ".", -1234.5),
        ("−5", ".", -5.0),
        ("-$3.50", ".", -3.5),
        ("$-3.50", ".", -3.5),
        ("€ 1.234,56", ",", 1234.56),
        ("USD 12", ".", 12.0),
        ("1 234,5", ",", 1234.5),
        ("1\u00a0234.5", ".", 1234.5),
        ("1'234.5", ".", 1234.5),
        ("  7 ", None, 7.0),
        (".5", ".", 0.5),
        ("0,500", ",", 0.5),
        ("1.5e3", ".", 1500.0),
        ("+4", ".", 4.0),
        ("1,234,567", ".", 1234567.0),
        ("-0", ".", 0.0),
    ],
)
def test_reads_numbers_as_written(text: str, mark: str | None, expected: float) -> None:
    assert parse_number(text, mark) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "mark", "words"),
    [
        ("1234,50", ".", "decimal mark"),  # never 123,450
        ("100,1436", ".", "decimal mark"),  # never 1,001,436
        ("1,234", None, "could be 1,234 or 1.234"),
        ("nan", ".", "not a number"),
        ("inf", ".", "not a number"),
        ("12%", ".", "not a number"),
        ("1" * 400, ".", "too long"),
        ("1e309", ".", "too large"),
        ("", ".", "empty"),
        ("(-5)", ".", "not a number"),
        ("1,23,456", ".", "not a number"),
        ("1.2.3", ".", "not a number"),
        ("0,001", ".", "decimal mark"),
        ("abc", ",", "not a number"),
    ],
)
def test_refuses_with_the_text_named(text: str, mark: str | None, words: str) -> None:
    with pytest.raises(NumberError) as info:
        parse_number(text, mark, where="line 3, shares")  # type: ignore[arg-type]
    msg = str(info.value)
    assert words in msg
    assert msg.startswith("line 3, shares: ")
    assert repr(text[:40])[:-1] in msg
    assert isinstance(info.value, CoresatError) and isinstance(info.value, ValueError)


def test_detects_per_file() -> None:
    assert detect_decimal_mark(["1,234", "1234,50"]) == ","
    assert detect_decimal_mark(["1,234", "12.5"]) == "."
    assert detect_decimal_mark(["12", "13", ""]) == "."  # no cell depends on it
    assert detect_decimal_mark(["1,234"]) is None  # only ambiguous evidence
    assert detect_decimal_mark(["1.5", "2,5"]) is None  # contradictory
    assert detect_decimal_mark(["x", "1.234,5"]) == ","


def test_require_shows_the_line() -> None:
    with pytest.raises(NumberError, match=r"x\.csv: '1,234' \(line 2\) could be 1,234 or 1\.234"):
        require_decimal_mark(["12", "1,234"], ["line 1", "line 2"], where="x.csv")
    with pytest.raises(NumberError, match=r"'1\.5' \(line 1\) has '\.' .* '2,5' \(line 2\) has ','"):
        require_decimal_mark(["1.5", "2,5"], ["line 1", "line 2"])
    assert require_decimal_mark(["1,5", "2"]) == ","


def test_delimiter_decides_only_the_natural_reading() -> None:
    # a comma file cannot write an unquoted decimal comma: 12.345 is twelve point three four five
    assert detect_decimal_mark(["12.345", "13.5"], delimiter=",") == "."
    assert detect_decimal_mark(["12.345"], delimiter=",") == "."
    assert detect_decimal_mark(["12.345"]) is None
    # a quoted "1,234" in a comma file stays ambiguous; so does 1.500 in a semicolon file
    assert detect_decimal_mark(["1,234"], delimiter=",") is None
    assert detect_decimal_mark(["1.500"], delimiter=";") is None
    assert detect_decimal_mark(["12,345"], delimiter=";") == ","
    # cells that decide still decide
    assert detect_decimal_mark(["12.345", "1,5"], delimiter=";") == ","
