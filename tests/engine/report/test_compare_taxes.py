"""Compare shows what a household result knows about taxes: the gain realized by sales in taxable
accounts (average cost over the lots, computed here from the scenario file's lots and the trade price),
sales whose basis is unknown, and the taxable-sale placeholder; one-account results leave them unknown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine import resources
from engine.batch.rebalance import Executor, rebalance_book
from engine.book import proposals as P
from engine.book.store import Book
from engine.model import scenario_file as sf
from engine.report.compare import (
    GAIN,
    SUMMARY,
    TAX_PLACEHOLDER,
    TRADES,
    UNKNOWN_BASIS,
    as_text,
    compare,
)

COUPLE = "household-couple-four-accounts.coresat.toml"
IRA_KEEP = 'broker = "{b}"\ncash = {c}\ncash_buffer = 0.0\ncash_flow = 0.0\nno_buy = []\nno_sell = []'


def test_realized_gain_and_placeholder_are_compared(tmp_path: Path) -> None:
    text = resources.read_text("examples", COUPLE)
    # the IRAs may not sell IWM: the household's IWM sale must happen in the taxable account
    forced = text
    for broker, cash in (("Fidelity", "2400.0"), ("Vanguard", "900.0")):
        old = IRA_KEEP.format(b=broker, c=cash)
        assert old in forced
        forced = forced.replace(old, old.replace("no_sell = []", 'no_sell = ["IWM"]'))
    a, b = tmp_path / "a.coresat.toml", tmp_path / "b.coresat.toml"
    a.write_text(text)
    b.write_text(forced)
    book = Book.open(f"sqlite:///{tmp_path / 'book.sqlite'}")
    try:
        book.import_scenario(a, client="As is")
        book.import_scenario(b, client="IRAs keep IWM")
        rep = rebalance_book(book, Executor(workers=0), force_demo=True)
        assert not rep.failed
        docs = [json.loads(P.result_json(book, pid)) for pid in rep.proposals]
    finally:
        book.close()
    sc = sf.load(b)
    assert sc.household is not None
    lots = next(p for p in sc.household.account("joint").positions if p.ticker == "IWM").lots
    avg = sum(lt.shares * lt.basis for lt in lots) / sum(lt.shares for lt in lots)
    sells = [
        tr
        for acc in docs[1]["accounts"]
        for tr in acc["trades"]
        if tr["side"] == "sell" and tr["ticker"] == "IWM"
    ]
    assert sells and {tr["account_id"] for tr in sells} == {"joint"}
    gain = sum(tr["shares"] * (tr["price"] - avg) for tr in sells)
    placeholder = sum(0.005 * tr["shares"] * tr["price"] for tr in sells)  # the file's 50 bps
    c = compare([("as is", docs[0]), ("IRAs keep IWM", docs[1]), ("one account", _flat(docs[0]))])
    got = c.value(SUMMARY, GAIN)
    assert got[1] == pytest.approx(gain) and gain > 0 and got[2] is None
    assert got[0] == pytest.approx(
        sum(
            tr["shares"] * (tr["price"] - avg)
            for acc in docs[0]["accounts"]
            for tr in acc["trades"]
            if tr["side"] == "sell" and acc["kind"] == "taxable" and tr["ticker"] == "IWM"
        )
    )
    assert c.value(SUMMARY, TAX_PLACEHOLDER)[1] == pytest.approx(placeholder)
    assert c.value(SUMMARY, UNKNOWN_BASIS)[:2] == (0.0, 0.0)
    assert GAIN in as_text(c) and f"{gain:,.2f}" in as_text(c)
    # trades: the orders over the accounts (net per ticker from them), not the net optimum's list
    orders = [tr for acc in docs[1]["accounts"] for tr in acc["trades"]]
    assert c.value(SUMMARY, "Trades")[1] == len(orders)
    for tk in {tr["ticker"] for tr in orders}:
        net = sum(tr["shares"] * (1 if tr["side"] == "buy" else -1) for tr in orders if tr["ticker"] == tk)
        assert c.value(TRADES, tk)[1] == pytest.approx(net)


def _flat(doc: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in doc.items() if k != "accounts"}


def test_one_account_results_have_no_tax_rows() -> None:
    doc = {"trades": [], "assets": [], "sleeves": []}
    c = compare([("a", doc), ("b", doc)])
    assert not [ln for ln in c.lines if ln.name in (GAIN, UNKNOWN_BASIS, TAX_PLACEHOLDER)]
