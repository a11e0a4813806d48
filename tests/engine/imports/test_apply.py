"""Statement → one-account scenario, and the change summary of a re-import."""

from __future__ import annotations

from dataclasses import replace

import pytest

from engine.imports.apply import apply_to_scenario
from engine.imports.detect import read_bytes, read_file
from engine.model.scenario import Holding, Portfolio
from tests.engine.imports.conftest import fixture
from tests.helpers import core_satellite


def test_accounts_are_merged_per_ticker_and_the_summary_says_so() -> None:
    st = read_file(fixture("schwab_all_accounts.csv"))
    sc = core_satellite({"IWM": 10, "IWN": 5}, cash=100.0)
    new, summary = apply_to_scenario(st, sc)
    new.validate()
    shares = {h.ticker: h.shares for h in new.portfolio.holdings}
    assert shares == {"IWM": 120 + 30, "AVUV": 85.5}  # option, mutual fund and bond left out
    assert new.portfolio.cash == pytest.approx(8013.35 + 761.75)
    assert all(h.price is None for h in new.portfolio.holdings)  # market prices by default
    assert any("2 accounts merged into one portfolio" in n for n in summary.notes)
    held = {h.symbol: h.why for h in summary.held_not_rebalanced}
    assert held == {"AAPL 06/20/2025 200.00 C": "option", "SWPPX": "mutual fund", "912828YK0": "bond"}
    assert [c.ticker for c in summary.bought] == ["IWM"]
    assert [c.ticker for c in summary.new] == ["AVUV"]
    assert [c.ticker for c in summary.gone] == ["IWN"]
    assert new.targets == sc.targets and new.constraints == sc.constraints  # only the portfolio changes


def test_reimport_of_a_newer_statement_says_bought_sold_new_gone() -> None:
    old_csv = b"Ticker,Shares,Price\nIWM,100,200\nVBR,50,190\nIJR,10,110\nCash,1000,\n"
    new_csv = b"Ticker,Shares,Price\nIWM,120,205\nVBR,40,195\nAVUV,7,90\nCash,250.5,\n"
    sc = core_satellite({}, cash=0.0)
    first, _ = apply_to_scenario(read_bytes(old_csv), sc)
    second, summary = apply_to_scenario(read_bytes(new_csv), first)
    assert [(c.ticker, c.before, c.after) for c in summary.bought] == [("IWM", 100, 120)]
    assert [(c.ticker, c.before, c.after) for c in summary.sold] == [("VBR", 50, 40)]
    assert [(c.ticker, c.after) for c in summary.new] == [("AVUV", 7)]
    assert [(c.ticker, c.before) for c in summary.gone] == [("IJR", 10)]
    assert (summary.cash_before, summary.cash_after) == (1000, 250.5)
    text = "\n".join(summary.lines())
    assert "bought: IWM 100 → 120 shares (+20)" in text
    assert "sold: VBR 50 → 40 shares (-10)" in text
    assert "gone: IJR (was 10 shares)" in text
    assert [h.ticker for h in second.portfolio.holdings] == ["IWM", "VBR", "AVUV"]  # old order kept


def test_same_statement_twice_changes_nothing() -> None:
    st = read_file(fixture("etrade_positions.qfx"))
    once, _ = apply_to_scenario(st, core_satellite({}, cash=0.0))
    twice, summary = apply_to_scenario(st, once)
    assert twice.portfolio == once.portfolio
    assert not summary.changed
    assert summary.lines()[0].startswith("no change")


def test_with_prices_keeps_statement_prices_and_default_drops_own_prices() -> None:
    st = read_file(fixture("etrade_positions.qfx"))
    sc = replace(core_satellite({}), portfolio=Portfolio(holdings=(Holding("IWM", 1, 150.0),), cash=0))
    priced, _ = apply_to_scenario(st, sc, with_prices=True)
    assert {h.ticker: h.price for h in priced.portfolio.holdings}["IWM"] == 205.50
    unpriced, summary = apply_to_scenario(st, sc)
    assert all(h.price is None for h in unpriced.portfolio.holdings)
    assert any("your own prices for IWM were dropped" in n for n in summary.notes)


def test_mismatch_is_carried_into_the_summary() -> None:
    st = read_file(fixture("schwab_total_mismatch.csv"))
    _, summary = apply_to_scenario(st, core_satellite({}))
    assert any("does NOT match" in n for n in summary.notes)
