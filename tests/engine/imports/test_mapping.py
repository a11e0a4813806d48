"""Any other CSV: a mapping picks the columns; it is saved per layout and reused."""

from __future__ import annotations

import pytest

from engine.imports import mappings
from engine.imports.detect import read_bytes, read_file
from engine.imports.plain_csv import CsvMapping, layout_key
from engine.imports.statement import NeedsMapping
from tests.engine.imports.conftest import fixture

MAPPING = CsvMapping(
    columns={"symbol": 0, "quantity": 1, "price": 2, "market_value": 3, "basis": 4},
    header_line=3,
    delimiter=",",
    decimal=".",
)


def test_mapping_reads_parentheses_currency_and_thousands() -> None:
    st = read_file(fixture("needs_mapping.csv"), mapping=MAPPING)
    iwm, avuv = st.positions
    assert (iwm.symbol, iwm.quantity, iwm.price, iwm.market_value) == ("IWM", 1000, 205.50, 205500.00)
    assert iwm.cost_basis == -1200.00  # "(1,200.00)"
    assert avuv.cost_basis == 1500.00


def test_saved_mapping_is_reused_for_the_same_layout_only() -> None:
    text = fixture("needs_mapping.csv").read_text()
    with pytest.raises(NeedsMapping):
        read_bytes(text.encode())
    mappings.save(layout_key(text, MAPPING), MAPPING)
    assert read_bytes(text.encode()).positions[0].quantity == 1000  # reused without asking
    other = text.replace("Units held", "Units owned")  # another layout: not reused
    with pytest.raises(NeedsMapping):
        read_bytes(other.encode())


def test_mapping_json_round_trip_and_damaged_store() -> None:
    assert CsvMapping.from_json(MAPPING.to_json()) == MAPPING
    with pytest.raises(ValueError):
        CsvMapping.from_json({"columns": {"symbol": "A"}})
    mappings.save("k", MAPPING)
    path = mappings._path()
    path.write_text("{not json", encoding="utf-8")
    assert mappings.load_all() == {}  # a damaged file means "map again", not a crash


def test_european_mapping_by_hand() -> None:
    m = CsvMapping(
        columns={"account": 0, "symbol": 1, "quantity": 2, "price": 3},
        header_line=1,
        delimiter=";",
        decimal=",",
    )
    st = read_file(fixture("european.csv"), mapping=m)
    assert [p.quantity for p in st.positions] == [1200, 12.5]
    assert [p.market_value for p in st.positions] == [1200 * 205.5, round(12.5 * 90.2, 2)]


def test_ambiguous_decimal_mark_is_refused_with_the_cell() -> None:
    with pytest.raises(Exception, match=r"'1,234' \(line 2, quantity\) could be 1,234 or 1.234"):
        read_bytes(b'Symbol,Shares,Price\nIWM,"1,234",5\n')
    # in a semicolon file a decimal comma needs no quotes, so 1,234 reads as 1.234 there
    assert read_bytes(b"Symbol;Shares;Price\nIWM;1,234;5\n").positions[0].quantity == 1.234
