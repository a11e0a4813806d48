"""A bad file says which line and why; nothing is written."""

from __future__ import annotations

import pytest

from engine.errors import CoresatError
from engine.imports.detect import read_bytes
from engine.imports.statement import StatementError
from tests.engine.imports.conftest import fixture


def _schwab_with(bad: str) -> bytes:
    text = fixture("schwab_single_2023.csv").read_text()
    return text.replace('"10","$420.05"', f'"{bad}","$420.05"').encode()


def test_bad_number_names_line_column_and_cell() -> None:
    with pytest.raises(StatementError) as err:
        read_bytes(_schwab_with("ten"), source="positions.csv")
    assert err.value.line == 5
    assert str(err.value).startswith("positions.csv: line 5: quantity: 'ten' is not a number")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02binary", "binary file"),
        (b"<OFX><INVSTMTMSGSRSV1></INVSTMTMSGSRSV1></OFX>", "no investment statement"),
        (b'<!DOCTYPE x [<!ENTITY a "aaaa">]><OFX>&a;</OFX>', "DOCTYPE or ENTITY declaration refused"),
        (
            b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]><FlexQueryResponse>&lol;</FlexQueryResponse>',
            "DOCTYPE or ENTITY declaration refused",
        ),
        (b"<FlexQueryResponse><FlexStatements>", "not well-formed XML"),
        (b"Date,Action,Symbol,Quantity\n2025-01-02,Buy,IWM,3\n", "transaction history, not a positions"),
        (b"Ticker,Shares\nIWM,abc\n", "line 2: quantity: 'abc' is not a number"),
        (b"Ticker,Shares,Price\nIWM,1,2\nVBR,1.234,5\nIJR,1,234\n", None),
    ],
)
def test_bad_inputs_end_in_one_clear_line(data: bytes, message: str | None) -> None:
    try:
        read_bytes(data)
    except CoresatError as exc:
        text = str(exc)
        assert "\n" not in text and "Traceback" not in text
        if message is not None:
            assert message in text
    else:
        assert message is None


def test_ofx_bad_number_is_named() -> None:
    text = fixture("etrade_positions.qfx").read_text().replace("<UNITS>45", "<UNITS>4x5")
    with pytest.raises(StatementError, match=r"<UNITS> '4x5' is not a number"):
        read_bytes(text.encode())


def test_ofx_predefined_entities_in_names_are_read() -> None:
    text = (
        fixture("etrade_positions.qfx")
        .read_text()
        .replace("<SECNAME>MICROSOFT CORP", "<SECNAME>AT&amp;T &lt;X&gt;")
    )
    st = read_bytes(text.encode())
    assert [p.description for p in st.positions if p.symbol == "MSFT"] == ["AT&T <X>"]


def test_deeply_nested_ofx_is_refused_quickly() -> None:
    import time

    data = b"OFXHEADER:100\n<OFX>" + b"<A>" * 200_000 + b"</B>" * 200_000
    start = time.perf_counter()
    with pytest.raises(StatementError, match="nested more than"):
        read_bytes(data)
    assert time.perf_counter() - start < 2.0
