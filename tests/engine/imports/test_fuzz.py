"""Any bytes end in a Statement or one clear CoresatError line — never a traceback — in bounded time."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.errors import CoresatError
from engine.imports.detect import read_bytes
from engine.imports.statement import Statement
from tests.conftest import SHARED_REAL
from tests.engine.imports.conftest import FIXTURES

REAL = SHARED_REAL / "broker-exports"
SEEDS = sorted(p.read_bytes() for p in FIXTURES.iterdir()) + (
    sorted(p.read_bytes() for p in REAL.glob("*/*")) if REAL.is_dir() else []  # real exports, when present
)
CSV_ALPHABET = st.sampled_from(list(',;"\n\r\t$()-.1234567890 ABCSymbolQuantityPriceCash&%*\ufeff'))


def _check(data: bytes) -> None:
    start = time.perf_counter()
    try:
        result = read_bytes(data, source="fuzz.csv")
    except CoresatError as exc:
        text = str(exc)
        assert text and "\n" not in text.strip()
    else:
        assert isinstance(result, Statement)
        assert result.accounts
    assert time.perf_counter() - start < 2.0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_any_bytes(data: bytes) -> None:
    _check(data)


@settings(max_examples=300, deadline=None)
@given(st.lists(CSV_ALPHABET, max_size=400).map(lambda cs: "".join(cs).encode("utf-8")))
def test_csv_like_text(data: bytes) -> None:
    _check(data)


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(SEEDS),
    st.lists(
        st.tuples(st.integers(0, 10**6), st.integers(0, 255), st.sampled_from(["flip", "cut", "dup", "del"])),
        max_size=6,
    ),
)
def test_mutated_valid_files(seed: bytes, edits: list[tuple[int, int, str]]) -> None:
    data = bytearray(seed)
    for pos, byte, op in edits:
        if not data:
            break
        i = pos % len(data)
        if op == "flip":
            data[i] = byte
        elif op == "cut":
            del data[i:]
        elif op == "dup":
            data[i:i] = data[i : i + 40]
        else:
            del data[i : i + 40]
    _check(bytes(data))


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="()+-$,.0123456789 ²١", max_size=14), st.sampled_from([".", ","]))
def test_fast_number_path_agrees_with_the_general_rule(text: str, mark: str) -> None:
    from engine.imports.textnum import EMPTY, parse_amount
    from engine.io.numbers import parse_number

    if text.strip().lower() in EMPTY:
        return
    try:
        ours: object = parse_amount(text, decimal=mark)  # type: ignore[arg-type]
    except ValueError:
        ours = "refused"
    try:
        general: object = parse_number(text.strip(), mark)  # type: ignore[arg-type]
    except ValueError:
        general = "refused"
    assert ours == general


@settings(max_examples=3000, deadline=None)
@given(
    st.one_of(
        st.text(alphabet="0123456789/-.; :", max_size=14),
        st.dates().map(lambda d: d.strftime("%m/%d/%Y")),
        st.dates().map(lambda d: d.strftime("%Y%m%d;%H%M")),
        st.dates().map(lambda d: d.strftime("%m/%d/%y")),
    )
)
def test_fast_date_path_agrees_with_strptime(text: str) -> None:
    """parse_date's regular expressions read exactly what strptime reads with the same formats."""
    from datetime import datetime

    from engine.imports.textnum import _DATE_FORMATS, EMPTY, parse_date

    s = text.strip()
    expected = None
    if s and s.lower() not in EMPTY:
        token = s.split(";")[0].split(" ")[0]
        for fmt in _DATE_FORMATS:
            try:
                expected = datetime.strptime(token, fmt).date()
                break
            except ValueError:
                continue
    assert parse_date(text) == expected


def _check_into_household(data: bytes) -> None:
    """Read, then put into a household (a one-portfolio scenario and one holding the lot fixtures'
    positions): a scenario that validates, or one CoresatError line."""
    from engine.imports.into_household import apply_to_household
    from tests.helpers import core_satellite

    holding = core_satellite({"IWM": 120, "AVUV": 85.5, "IJR": 150, "VBR": 90.25})
    try:
        statement = read_bytes(data, source="fuzz.csv")
        for base in (core_satellite({"IWM": 1}), holding):
            new, changes = apply_to_household(statement, base)
            new.validate()
            assert new.household is not None and changes.lines()
    except CoresatError as exc:
        assert str(exc) and "\n" not in str(exc).strip()


LOT_SEEDS = [p.read_bytes() for p in sorted(FIXTURES.glob("*lot*"))]
LOT_CELL = st.text(alphabet="0123456789$,.-/()+% TLongShort", max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SEEDS), st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=4))
def test_mutated_files_into_a_household(seed: bytes, flips: list[tuple[int, int]]) -> None:
    data = bytearray(seed)
    for pos, byte in flips:
        if data:
            data[pos % len(data)] = byte
    _check_into_household(bytes(data))


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(LOT_SEEDS),
    st.lists(st.tuples(st.integers(0, 10**4), st.integers(0, 11), LOT_CELL), min_size=1, max_size=6),
)
def test_lot_files_with_random_cells(seed: bytes, edits: list[tuple[int, int, str]]) -> None:
    """The Schwab lot details and Fidelity open lots fixtures with cells replaced by number-like junk
    (negative, zero, empty, malformed quantities, dates and bases)."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(seed.decode("utf-8"))))
    body = [i for i, r in enumerate(rows) if len(r) > 5 and r[0][:1].isalnum() and i > 0]
    for row_pick, col, value in edits:
        row = rows[body[row_pick % len(body)]]
        row[col % len(row)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    _check_into_household(out.getvalue().encode())
