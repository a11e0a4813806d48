"""Realized gains through a backtest (first in, first out), on hand-built paths worked out by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from engine.backtest import BacktestSettings, Every, Policy, PolicyKind, run_backtest, simulate
from engine.backtest.lots import LotBook, OpeningLots, _long_term
from engine.backtest.text import format_backtest
from engine.model.household import Account, AccountKind, Household, Lot, Position, with_household
from engine.model.scenario import Holding, Portfolio
from tests.engine.backtest.paths import days, random_paths, two_asset_path, two_asset_scenario

FROM_TARGETS = BacktestSettings(start="targets", warmup_days=0)
FROM_HOLDINGS = BacktestSettings(start="holdings", warmup_days=0)
BANDS_DAILY = Policy(PolicyKind.BANDS, Every.DAILY)


def test_long_term_means_sold_after_the_first_anniversary() -> None:
    assert not _long_term(date(2020, 1, 1), date(2021, 1, 1))  # exactly one year: short-term
    assert _long_term(date(2020, 1, 1), date(2021, 1, 2))
    assert not _long_term(date(2020, 2, 29), date(2021, 2, 28))
    assert _long_term(date(2020, 2, 29), date(2021, 3, 1))


def test_bands_sell_short_term_then_long_term_gains_by_hand() -> None:
    """50/50 A/B, 100,000 in cash, no costs. A: 100, 125 from day 10 (2020-01-15), 160 from day 300
    (2021-02-24); B stays at 100. Bought on 2020-01-01: 500 A and 500 B."""
    a = np.full(320, 100.0)
    a[10:300] = 125.0
    a[300:] = 160.0
    px = pd.DataFrame({"A": a, "B": np.full(320, 100.0)}, index=days(320))
    assert (px.index[10].date(), px.index[300].date()) == (date(2020, 1, 15), date(2021, 2, 24))
    run = simulate(two_asset_scenario(cost_bps=0.0), px, BANDS_DAILY, FROM_TARGETS)
    # day 10: 62,500 + 50,000 -> 56,250 each: sell 50 A, buy 62 B (62.5, half to even); cash 50.
    # day 300: 450 A at 160 = 72,000, 562 B = 56,200, cash 50 -> 64,125 each: sell 49.2 -> 49 A
    # (+7,840, cash 7,890); buy 79.25 -> 79 B = 7,900 > cash, trimmed to 78 B. Cash 90.
    assert [(f.day, f.ticker, f.shares) for f in run.fills] == [
        (10, "A", -50),
        (10, "B", 62),
        (300, "A", -49),
        (300, "B", 78),
    ]
    assert int(run.cash_cents[-1]) == 9000
    # gains: 50 A bought at 100 on 2020-01-01, sold at 125 14 days later: short-term 50 × 25 = 1,250;
    # 49 A of the same lot sold at 160 on 2021-02-24, more than a year later: long-term 49 × 60 = 2,940
    assert run.gains is not None
    assert (run.gains.short_term, run.gains.long_term, run.gains.unknown_term) == (1250.0, 2940.0, 0.0)


def test_costs_go_into_the_basis_and_out_of_the_proceeds_and_sales_take_the_oldest_lot_first() -> None:
    d = pd.bdate_range("2020-01-01", "2021-03-01")
    book = LotBook(1, d)
    book.seed(("A",), [10], [100.0], OpeningLots(True, "", {}))  # 10 A at 100 on 2020-01-01
    book.buy(0, 5, 10, 101_000)  # 2020-01-08: 10 A for 1,000 + 10 of cost: basis 101 a share
    sale = int(np.flatnonzero(d == pd.Timestamp("2021-01-05"))[0])
    book.sell(0, sale, 15, 180_000 - 200)  # 15 A for 1,800 less 2 of cost: 119.8667 a share
    per = 1798.0 / 15
    g = book.realized()
    assert g.long_term == pytest.approx(round(10 * (per - 100.0), 2))  # held since 2020-01-01
    assert g.short_term == pytest.approx(round(5 * (per - 101.0), 2))  # 2020-01-08: not a year yet
    assert [(lot.shares, lot.basis) for lot in book.lots[0]] == [(5.0, 101.0)]
    with pytest.raises(AssertionError):
        book.sell(0, sale, 6, 60_000)


def _lots_scenario(b_account: AccountKind = AccountKind.TAXABLE, b_lots: bool = True):  # type: ignore[no-untyped-def]
    """500 A and 500 B at today's price of 100 each. A: 300 bought at 50 400 days ago, 200 at 150 30 days
    ago; B: 500 at 80, purchase date not given."""
    as_of = days(60)[-1].date()
    a = Position(
        "A",
        500.0,
        100.0,
        (Lot(200.0, 150.0, as_of - timedelta(days=30)), Lot(300.0, 50.0, as_of - timedelta(days=400))),
    )
    b = Position("B", 500.0, 100.0, (Lot(500.0, 80.0, None),) if b_lots else ())
    if b_account is AccountKind.TAXABLE:
        accounts = (Account("t", "Taxable", AccountKind.TAXABLE, positions=(a, b)),)
    else:
        accounts = (
            Account("t", "Taxable", AccountKind.TAXABLE, positions=(a,)),
            Account("i", "IRA", b_account, positions=(b,)),
        )
    base = two_asset_scenario(cost_bps=0.0, cash=0.0)
    base = replace(base, portfolio=Portfolio((Holding("A", 500.0, 100.0), Holding("B", 500.0, 100.0))))
    return with_household(base, Household("h", "H", accounts))


def test_todays_lots_are_carried_back_with_their_gain_fraction_and_age() -> None:
    """The opening book is 500 A and 500 B at 100 on 2020-01-01. A's lots start at 50 (half of today's
    price) aged 400 days, and at 150 aged 30 days; the oldest goes first. B's lot starts at 80, undated.
    Day 10 (2020-01-15): sell 50 A at 125 from the 400-day lot: long-term 50 × (125 − 50) = 3,750.
    Day 20 (2020-01-29): sell 56 B at 100 from the undated lot: 56 × (100 − 80) = 1,120 of unknown term."""
    run = simulate(_lots_scenario(), two_asset_path(), BANDS_DAILY, FROM_HOLDINGS)
    assert run.start_shares.tolist() == [500, 500]
    assert [(f.day, f.ticker, f.shares) for f in run.fills if f.shares < 0] == [
        (10, "A", -50),
        (20, "B", -56),
    ]
    assert run.gains is not None
    assert (run.gains.short_term, run.gains.long_term, run.gains.unknown_term) == (0.0, 3750.0, 1120.0)
    assert "carried back" in run.gains_how


def test_gains_are_not_known_without_lots_or_in_a_tax_advantaged_account() -> None:
    no_lots = run_backtest(_lots_scenario(b_lots=False), two_asset_path(), [BANDS_DAILY], FROM_HOLDINGS)
    s = no_lots.policies[0]
    assert (s.realized_short_term, s.realized_long_term, s.realized_unknown_term) == (None, None, None)
    assert "no tax lots for B" in no_lots.gains_how
    text = format_backtest(no_lots)
    assert "Realized gains, short-term" in text and "not known" in text
    assert no_lots.to_dict()["policies"][0]["realized_long_term"] is None
    ira = run_backtest(
        _lots_scenario(AccountKind.TRADITIONAL_IRA), two_asset_path(), [BANDS_DAILY], FROM_HOLDINGS
    )
    assert ira.policies[0].realized_long_term is None
    assert "B in IRA (traditional IRA)" in ira.gains_how
    # starting from the targets, the replay buys every opening share itself: the basis is known
    bought = run_backtest(_lots_scenario(b_lots=False), two_asset_path(), [BANDS_DAILY], FROM_TARGETS)
    assert bought.policies[0].realized_short_term == 1250.0  # 50 A bought at 100, sold at 125 on day 10


def test_the_optimizer_replays_a_household_as_one_account() -> None:
    """A household scenario: every monthly decision is taken on the household's sums (before, each one
    failed: the replayed portfolio no longer matched the accounts)."""
    from engine.backtest.policies import OPTIMIZER

    run = simulate(
        _lots_scenario(), random_paths(300, ["A", "B"]), OPTIMIZER, BacktestSettings(warmup_days=100)
    )
    checks = int((run.dates.to_period("M")[1:] != run.dates.to_period("M")[:-1]).sum())
    assert checks >= 8 and run.infeasible_days == [] and not run.notes
    assert run.gains is not None  # the lots are known and all in the taxable account
