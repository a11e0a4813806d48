"""A household with several accounts in a batch run: the proposal stores trades per account
(engine.api.rebalance_household), and the report writes one order file per account. Each account's
figures are re-added here by hand from its own trades; the order files are read back."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from engine import resources
from engine.batch.rebalance import Executor, rebalance_book
from engine.book.store import Book
from engine.cli import EXIT_BAD_INPUT, EXIT_OK, main
from engine.model import scenario_file as sf
from engine.report import orders
from engine.report.commands import register_pdf_writer
from engine.report.proposal import load
from engine.report.review import batch_rows
from tests.engine.book.test_report import read_xlsx

COUPLE = "household-couple-four-accounts.coresat.toml"


@pytest.fixture
def household_book(tmp_path: Path) -> tuple[str, int, Path]:
    src = tmp_path / COUPLE
    src.write_text(resources.read_text("examples", COUPLE))
    url = f"sqlite:///{tmp_path / 'book.sqlite'}"
    book = Book.open(url)
    try:
        book.import_scenario(src, client="Lee & Park")
        rep = rebalance_book(book, Executor(workers=0), force_demo=True)
        assert not rep.failed and len(rep.proposals) == 1
        return url, rep.proposals[0], src
    finally:
        book.close()


def test_the_proposal_keeps_each_accounts_trades(household_book: tuple[str, int, Path]) -> None:
    url, pid, src = household_book
    sc = sf.load(src)
    assert sc.household is not None
    book = Book.open(url, create=False)
    try:
        rep = load(book, pid)
        rows, _ = batch_rows(book, 1)
    finally:
        book.close()
    accs = rep.account_trades
    assert [a.id for a in accs] == [a.id for a in sc.household.accounts]
    assert sum(len(a.trades) for a in accs) > len(rep.trades)  # more orders than net tickers here
    cost = 0.0
    cash_after = 0.0
    for a, model in zip(accs, sc.household.accounts, strict=True):
        held = {p.ticker: p.shares for p in model.positions}
        cash = model.cash + model.cash_flow
        for tr in a.trades:
            assert float(tr["shares"]) == round(float(tr["shares"])) > 0  # whole shares
            amount = float(tr["shares"]) * float(tr["price"])
            assert float(tr["amount"]) == pytest.approx(amount)
            sign = 1 if tr["side"] == "buy" else -1
            cash -= sign * amount + float(tr["cost"])
            held[tr["ticker"]] = held.get(tr["ticker"], 0.0) + sign * float(tr["shares"])
            if tr["side"] == "sell":
                assert tr["ticker"] not in model.no_sell
            else:
                assert model.may_buy(tr["ticker"])
            cost += float(tr["cost"])
        assert a.cash_before == pytest.approx(model.cash + model.cash_flow)
        assert a.cash_after == pytest.approx(cash, abs=1e-6)  # re-added by hand from its own trades
        assert cash >= model.cash_buffer - 1e-6 and min(held.values()) >= -1e-9
        cash_after += cash
    # the top-level figures are what the account trades do (not the net optimum's)
    assert rep.result["cash_after"] == pytest.approx(cash_after, abs=1e-6)
    assert rep.result["total_cost"] == pytest.approx(cost)
    # the review row counts orders over the accounts, and names each account with its count
    (row,) = rows
    assert row.trades == sum(len(a.trades) for a in accs)
    assert row.accounts == tuple((a.name, len(a.trades)) for a in accs)


def test_report_writes_one_order_file_per_account(
    household_book: tuple[str, int, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, pid, _ = household_book
    book = Book.open(url, create=False)
    try:
        accs = load(book, pid).account_trades
    finally:
        book.close()
    out, x = tmp_path / "out" / "orders.csv", tmp_path / "out" / "p.xlsx"
    out.parent.mkdir()
    assert main(["report", str(pid), "--book", url, "--orders", str(out), "--xlsx", str(x)]) == EXIT_OK
    said = capsys.readouterr().out
    files = sorted(p.name for p in out.parent.glob("orders-*.csv"))
    assert files == sorted(f"orders-{a.id}.csv" for a in accs) and not out.exists()
    every = []
    for a in accs:
        with (out.parent / f"orders-{a.id}.csv").open(newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows[0] == list(orders.HEADER)
        assert {r[0] for r in rows[1:]} <= {a.id}
        assert sorted((r[1], r[2], float(r[3])) for r in rows[1:]) == sorted(
            (str(t["side"]).upper(), t["ticker"], float(t["shares"])) for t in a.trades
        )
        sides = [r[1] for r in rows[1:]]
        assert sides == sorted(sides, key=lambda s: s != "SELL")  # sells first
        every += rows[1:]
        assert f"({len(rows) - 1} orders for account {a.id!r})" in said
    sheets = read_xlsx(x)
    assert sorted(tuple(r[:3]) for r in sheets["Orders"][1:]) == sorted(tuple(r[:3]) for r in every)
    assert sorted((r[0], r[2], r[3]) for r in sheets["Trades"][1:]) == sorted(
        (a.name, t["ticker"], float(t["shares"])) for a in accs for t in a.trades
    )
    facts = {r[0]: r[1:] for r in sheets["Summary"] if r and r[0]}
    assert all(a.name in str(facts["Accounts"][0]) for a in accs)
    assert facts["Trades"][1] == float(len(every))


def test_per_account_paths_are_distinct_and_safe() -> None:
    got = orders.per_account_paths("/t/o.csv", ["joint", "../ira", "ira", "a b"])
    assert [p.name for p in got] == ["o-joint.csv", "o-ira.csv", "o-ira-2.csv", "o-a_b.csv"]
    assert all(p.parent == Path("/t") for p in got)
    assert orders.per_account_paths("/t/o.csv", ["one"]) == [Path("/t/o.csv")]


def test_pdf_without_the_desktop_package_says_how(
    household_book: tuple[str, int, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, pid, _ = household_book
    register_pdf_writer(None)  # engine.cli alone: no writer registered
    pdf = tmp_path / "p.pdf"
    assert main(["report", str(pid), "--book", url, "--pdf", str(pdf)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "PySide6" in err and "--xlsx" in err and err.count("\n") == 1 and not pdf.exists()
    assert main(["report", str(pid), "--book", url, "--pdf", str(tmp_path / "p.txt")]) == EXIT_BAD_INPUT
    assert ".pdf" in capsys.readouterr().err


def test_accounts_stored_one_by_one_are_rebalanced_together(tmp_path: Path) -> None:
    from dataclasses import replace

    from engine.book import schema as t
    from engine.model.scenario import Holding, Portfolio
    from tests.engine.book.builders import client_scenario, with_inline_market

    main_sc = with_inline_market(client_scenario("Twice", iwm=300.0, cash=2_000.0))
    roth = replace(
        main_sc, portfolio=Portfolio(holdings=(Holding("IWN", 10.0), Holding("SPSM", 5.0)), cash=9_000.0)
    )
    book = Book.open(str(tmp_path / "book.sqlite"))
    try:
        book.add_household("Twice", main_sc)
        book.add_household("Twice", roth, account="Roth account", kind=t.AccountKind.ROTH_IRA)
        rep = rebalance_book(book, Executor(workers=0))
        assert not rep.failed, rep.failed
        doc = load(book, rep.proposals[0])
    finally:
        book.close()
    accs = doc.account_trades
    assert [(a.name, a.kind) for a in accs] == [("Main account", "taxable"), ("Roth account", "roth_ira")]
    stored = {"Main account": main_sc.portfolio, "Roth account": roth.portfolio}
    for a in accs:
        port = stored[a.name]
        cash = port.cash
        for tr in a.trades:
            amount = float(tr["shares"]) * float(tr["price"])
            cash += (amount if tr["side"] == "sell" else -amount) - float(tr["cost"])
            if tr["side"] == "sell":
                assert tr["ticker"] != "VBR"  # each account keeps its no-sell list
                held = sum(h.shares for h in port.holdings if h.ticker == tr["ticker"])
                assert float(tr["shares"]) <= held + 1e-9  # an account sells only what it holds
        assert a.cash_before == pytest.approx(port.cash)
        assert a.cash_after == pytest.approx(cash, abs=1e-6)
        assert cash >= 500.0 - 1e-6  # each account keeps its own cash buffer (min_cash 500)
    assert any(a.trades for a in accs)


def test_shares_and_weights_after_are_the_placed_trades(household_book: tuple[str, int, Path]) -> None:
    url, pid, src = household_book
    sc = sf.load(src)
    assert sc.household is not None
    book = Book.open(url, create=False)
    try:
        rep = load(book, pid)
    finally:
        book.close()
    after: dict[str, float] = {}
    for acc in sc.household.accounts:
        for pos in acc.positions:
            after[pos.ticker] = after.get(pos.ticker, 0.0) + pos.shares
    for a in rep.account_trades:
        for t in a.trades:
            after[t["ticker"]] += float(t["shares"]) * (1 if t["side"] == "buy" else -1)
    prices = {r["ticker"]: float(r["price"]) for r in rep.result["assets"]}
    # weights are fractions of the value after the placed trades and their costs (as a single account's)
    cash = sum(acc.cash + acc.cash_flow for acc in sc.household.accounts)
    for a in rep.account_trades:
        for t in a.trades:
            sign = 1 if t["side"] == "buy" else -1
            cash -= sign * float(t["shares"]) * prices[t["ticker"]] + float(t["cost"])
    total = cash + sum(sh * prices[tk] for tk, sh in after.items())
    for r in rep.result["assets"]:
        assert r["shares_after"] == pytest.approx(after.get(r["ticker"], 0.0))
        assert r["weight_after"] == pytest.approx(after.get(r["ticker"], 0.0) * prices[r["ticker"]] / total)
    for s in rep.result["sleeves"]:
        members = [r for r in rep.result["assets"] if r["sleeve"] == s["name"]]
        assert s["weight_after"] == pytest.approx(sum(r["weight_after"] for r in members))
