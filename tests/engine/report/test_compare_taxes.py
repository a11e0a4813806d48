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
from engine.report.compare import (
    GAIN,
    SUMMARY,
    TAX,
    TAX_PLACEHOLDER,
    TRADES,
    UNKNOWN_BASIS,
    as_text,
    compare,
)

COUPLE = "household-couple-four-accounts.coresat.toml"
JOINT = "cash = 1800.0\ncash_buffer = 1000.0\ncash_flow = 0.0\nno_buy = []\nno_sell = []"
WITHDRAW = 'cash = 1800.0\ncash_buffer = 1000.0\ncash_flow = -20000.0\nno_buy = []\nno_sell = ["IJR"]'


def test_realized_gain_tax_and_placeholder_are_compared(tmp_path: Path) -> None:
    text = resources.read_text("examples", COUPLE)
    # a $20,000 withdrawal from the joint taxable account, which may not sell IJR: it must sell IWM there,
    # from its two lots (160 @ 142.10 bought 2016, 100 @ 198.75 bought 2021: both long-term)
    assert JOINT in text
    forced = text.replace(JOINT, WITHDRAW)
    a, b = tmp_path / "a.coresat.toml", tmp_path / "b.coresat.toml"
    a.write_text(text)
    b.write_text(forced)
    book = Book.open(f"sqlite:///{tmp_path / 'book.sqlite'}")
    try:
        book.import_scenario(a, client="As is")
        book.import_scenario(b, client="Withdrawal from joint")
        rep = rebalance_book(book, Executor(workers=0), force_demo=True)
        assert not rep.failed
        docs = [json.loads(P.result_json(book, pid)) for pid in rep.proposals]
    finally:
        book.close()
    doc = next(
        d
        for d in docs
        if any(tr["side"] == "sell" for acc in d["accounts"] if acc["id"] == "joint" for tr in acc["trades"])
    )
    sells = [
        tr for acc in doc["accounts"] if acc["id"] == "joint" for tr in acc["trades"] if tr["side"] == "sell"
    ]
    assert [tr["ticker"] for tr in sells] == ["IWM"]
    sold, price = sells[0]["shares"], sells[0]["price"]
    # computed here from the file's lots: the lowest tax first (both long-term, the same rate), i.e. the
    # highest basis first; a loss on a lot is shown, never credited
    rate = doc["long_term_rate"]
    take_new = min(sold, 100.0)
    take_old = max(sold - 100.0, 0.0)
    lot_gains = [take_new * (price - 198.75), take_old * (price - 142.10)]
    gain = sum(lot_gains)
    tax = sum(max(g, 0.0) * rate for g in lot_gains)
    other = next(d for d in docs if d is not doc)
    c = compare([("withdrawal", doc), ("as is", other), ("one account", _flat(doc))])
    assert c.value(SUMMARY, GAIN)[0] == pytest.approx(gain) and gain > 0
    assert c.value(SUMMARY, TAX)[0] == pytest.approx(tax, abs=0.01) and tax > 0
    assert doc["tax_year"] >= 2024  # the rates' year is stored with them
    assert c.value(SUMMARY, GAIN)[2] is None and c.value(SUMMARY, TAX)[2] is None  # one account: unknown
    assert c.value(SUMMARY, TAX_PLACEHOLDER)[0] == pytest.approx(
        0.0
    )  # IWM has lots: a real gain, no placeholder
    assert c.value(SUMMARY, UNKNOWN_BASIS)[0] == 0.0
    assert GAIN in as_text(c) and f"{gain:,.2f}" in as_text(c)
    # trades: the orders over the accounts (net per ticker from them), not the net optimum's list
    orders = [tr for acc in doc["accounts"] for tr in acc["trades"]]
    assert c.value(SUMMARY, "Trades")[0] == len(orders)
    for tk in {tr["ticker"] for tr in orders}:
        net = sum(tr["shares"] * (1 if tr["side"] == "buy" else -1) for tr in orders if tr["ticker"] == tk)
        assert c.value(TRADES, tk)[0] == pytest.approx(net)


def _flat(doc: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in doc.items() if k != "accounts"}


def test_one_account_results_have_no_tax_rows() -> None:
    doc = {"trades": [], "assets": [], "sleeves": []}
    c = compare([("a", doc), ("b", doc)])
    assert not [ln for ln in c.lines if ln.name in (GAIN, TAX, UNKNOWN_BASIS, TAX_PLACEHOLDER)]
