"""Proposal reports: the XLSX workbook and the order-upload CSV, read back and checked by hand."""

from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from engine.api import rebalance
from engine.book import proposals as P
from engine.book.store import Book
from engine.cli import EXIT_BAD_INPUT, EXIT_OK, main
from engine.report import orders
from engine.report.proposal import load
from engine.report.xlsx import write_xlsx
from tests.engine.book.builders import client_scenario
from tests.helpers import market

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def read_xlsx(path: Path) -> dict[str, list[list[object]]]:
    """Sheet name → rows of cell values (strings and floats), read straight from the XML in the zip."""
    with zipfile.ZipFile(path) as z:
        shared = [
            "".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t"))
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)
        ]
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels}
        out = {}
        for sheet in ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", NS):  # type: ignore[union-attr]
            xml = ET.fromstring(z.read("xl/" + str(target[sheet.get(REL)])))
            rows: list[list[object]] = []
            for row in xml.iter(f"{{{NS['m']}}}row"):
                cells: list[object] = []
                for c in row.findall("m:c", NS):
                    col = _col(str(c.get("r")))
                    while len(cells) < col:
                        cells.append(None)
                    v = c.find("m:v", NS)
                    if v is None:
                        cells.append(None)
                    elif c.get("t") == "s":
                        cells.append(shared[int(str(v.text))])
                    else:
                        cells.append(float(str(v.text)))
                rows.append(cells)
            out[str(sheet.get("name"))] = rows
        return out


def _col(ref: str) -> int:
    letters = re.match(r"[A-Z]+", ref).group(0)  # type: ignore[union-attr]
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


@pytest.fixture
def proposal(tmp_path: Path) -> tuple[Book, int]:
    book = Book.open(str(tmp_path / "b.sqlite"))
    ids = book.add_household("Ann Lee", client_scenario("Ann Lee", iwm=320.0, cash=9_000.0))
    sc = book.scenario(ids.household_id)
    pid = P.add(book, [P.NewProposal.of(ids.household_id, ids.policy_id, sc, rebalance(sc, market()))])[0]
    P.set_status(book, pid, P.Status.APPROVED, "reviewed with Ann")
    return book, pid


def test_workbook_holds_the_proposal(proposal: tuple[Book, int], tmp_path: Path) -> None:
    book, pid = proposal
    rep = load(book, pid)
    assert rep.trades, "the fixture must trade"
    path = write_xlsx(rep, tmp_path / "ann.xlsx")
    sheets = read_xlsx(path)
    assert list(sheets) == ["Summary", "Allocation", "Trades", "Limits", "Orders"]
    summary = {r[0]: r[1:] for r in sheets["Summary"] if r and r[0]}
    assert summary["Client"][0] == "Ann Lee"
    assert summary["Proposal status"][0] == "approved: reviewed with Ann"
    assert summary["Price date"][0] == "2026-11-20"
    assert any("not investment advice" in str(r[0]) for r in sheets["Summary"] if r)

    # trades: shares × price = amount, checked here; and the cash after trading recomputed from them
    trades = sheets["Trades"]
    assert trades[0][:4] == ["Account", "Side", "Ticker", "Shares"]
    body = trades[1:]
    assert len(body) == len(rep.trades)
    for _acct, _side, _ticker, shares, price, amount, _cost, why in body:
        assert float(shares) * float(price) == pytest.approx(float(amount), rel=1e-9)  # type: ignore[arg-type]
        assert why
    flow = sum((-1 if s == "buy" else 1) * float(a) - float(c) for _, s, _, _, _, a, c, _ in body)  # type: ignore[arg-type]
    cash_before, cash_after = summary["Cash"][0], summary["Cash"][1]
    assert float(cash_before) + flow == pytest.approx(float(cash_after), abs=0.01)  # type: ignore[arg-type]

    # allocation: the weights after trading add up to 100 % with the cash
    alloc = sheets["Allocation"]
    split = alloc.index([]) if [] in alloc else next(i for i, r in enumerate(alloc) if r and r[0] == "Ticker")
    tick_rows = [r for r in alloc[split:] if r and r[0] not in ("Ticker", None)]
    weights_after = sum(float(r[7]) for r in tick_rows)  # type: ignore[arg-type]
    value = float(summary["Portfolio value"][0])  # type: ignore[arg-type]
    cost = sum(float(r[6]) for r in body)  # type: ignore[arg-type]
    assert weights_after + float(cash_after) / (value - cost) == pytest.approx(1.0, abs=1e-6)  # type: ignore[arg-type]

    # the orders sheet is the CSV's rows
    assert sheets["Orders"][0] == list(orders.HEADER)
    assert [[str(c) for c in r[:3]] for r in sheets["Orders"][1:]] == [
        list(r[:3]) for r in orders.order_rows(rep.account, rep.trades)
    ]


def test_orders_csv(proposal: tuple[Book, int], tmp_path: Path) -> None:
    book, pid = proposal
    rep = load(book, pid)
    path = orders.write_orders(tmp_path / "orders.csv", rep.account, rep.trades)
    with path.open(newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["account", "side", "symbol", "quantity", "order_type"]
    sides = [r[1] for r in rows[1:]]
    assert sides == sorted(sides, key=lambda s: s != "SELL")  # sells first
    by_symbol = {r[2]: r for r in rows[1:]}
    for tr in rep.trades:
        row = by_symbol[tr["ticker"]]
        assert row[0] == "Main account" and row[1] == tr["side"].upper() and row[4] == "MARKET"
        assert float(row[3]) == tr["shares"] and "." not in row[3]  # whole shares as integers
    assert orders.quantity_text(2.5) == "2.5" and orders.quantity_text(3.0) == "3"
    assert orders.quantity_text(0.1234567) == "0.123457"


def test_report_command(
    proposal: tuple[Book, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book, pid = proposal
    url = str(book.engine.url.database)
    book.close()
    x, o = tmp_path / "r.xlsx", tmp_path / "r.csv"
    assert main(["report", str(pid), "--book", url, "--xlsx", str(x), "--orders", str(o)]) == EXIT_OK
    assert x.exists() and o.exists() and "orders for account 'Main account'" in capsys.readouterr().out
    for args in (["report", str(pid), "--book", url], ["report", "999", "--book", url, "--orders", str(o)]):
        assert main(args) == EXIT_BAD_INPUT
        err = capsys.readouterr().err
        assert err.startswith("coresat: ") and err.count("\n") == 1
    assert main(["report", str(pid), "--book", url, "--xlsx", str(tmp_path / "r.pdf")]) == EXIT_BAD_INPUT
