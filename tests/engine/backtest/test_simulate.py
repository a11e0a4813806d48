"""Backtest replays on hand-built price paths whose answers are worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest

from engine.backtest import ALL_POLICIES, BacktestSettings, Every, Policy, PolicyKind, simulate
from engine.backtest.policies import DARYANANI, NEVER, check_days, flow_split
from engine.errors import DataError
from tests.engine.backtest.paths import (
    days,
    random_paths,
    spread_scenario,
    two_asset_path,
    two_asset_scenario,
)

FROM_TARGETS = BacktestSettings(start="targets", warmup_days=0)
BANDS_DAILY = Policy(PolicyKind.BANDS, Every.DAILY)


def test_bands_trigger_exactly_twice_with_the_hand_computed_trades() -> None:
    run = simulate(two_asset_scenario(), two_asset_path(), BANDS_DAILY, FROM_TARGETS)
    assert run.rebalance_days == [10, 20]
    first = [(f.ticker, f.shares) for f in run.fills if f.day == 10]
    second = [(f.ticker, f.shares) for f in run.fills if f.day == 20]
    # day 10: 500 A at 125 + 500 B at 100 = 112,500; half is 56,250 = 450 A, 562.5 B -> sell 50 A, buy 62
    # (62.5 rounds half to even; costs then trim nothing: cash 6,250 - 6.25 - 6,200 - 6.20 = 37.55)
    assert first == [("A", -50), ("B", 62)]
    assert int(run.cash_cents[10]) == 3755
    # day 20: 450 A at 100 + 562 B = 101,237.55 -> 50,618.78 each: buy 56 A (506.19 -> 56), sell 56 B
    v = 450 * 100 + 562 * 100 + 37.55
    assert v == pytest.approx(101_237.55)
    assert second == [("B", -56), ("A", 56)]
    assert run.shares[-1].tolist() == [506, 506]


def test_bands_checked_monthly_only_see_month_starts() -> None:
    """Month starts are days 23 (Feb 3) and 43 (Mar 2), when A is back at 100: the breach of days 10–19
    is never seen. Holding A at 125 until day 25 makes day 23 see it."""
    path = two_asset_path()
    month_starts = np.flatnonzero(check_days(path.index, Every.MONTHLY)).tolist()
    assert month_starts == [23, 43]
    monthly = Policy(PolicyKind.BANDS, Every.MONTHLY)
    assert simulate(two_asset_scenario(), path, monthly, FROM_TARGETS).rebalance_days == []
    path.iloc[20:25, 0] = 125.0
    # and, rebalanced at 125, the fall back to 100 on day 25 is seen on day 43
    assert simulate(two_asset_scenario(), path, monthly, FROM_TARGETS).rebalance_days == [23, 43]


def test_daryanani_trades_half_way_back() -> None:
    run = simulate(two_asset_scenario(cost_bps=0.0), two_asset_path(), DARYANANI, FROM_TARGETS)
    # checks on days 10, 20, ...; on day 10 A is 55.6 %: half way back is 50 % + 5/2 = 52.5 % of 112,500
    # = 59,062.50: sell 3,437.50 = 27.5 -> 28 (half to even) A; those 3,437.50 buy 34.4 -> 34 B
    assert run.rebalance_days[0] == 10
    assert [(f.ticker, f.shares) for f in run.fills if f.day == 10] == [("A", -28), ("B", 34)]
    assert int(run.cash_cents[10]) == (28 * 125 - 34 * 100) * 100
    w_a = 472 * 125 / (472 * 125 + 534 * 100 + 100)
    assert w_a == pytest.approx(0.525, abs=125 / 112_500)


def test_never_keeps_the_starting_shares_and_calendar_trades_on_schedule() -> None:
    path = two_asset_path()
    never = simulate(two_asset_scenario(), path, NEVER, FROM_TARGETS)
    assert not never.fills and (never.shares == never.shares[0]).all()
    monthly = simulate(two_asset_scenario(), path, Policy(PolicyKind.CALENDAR, Every.MONTHLY), FROM_TARGETS)
    starts = set(np.flatnonzero(check_days(path.index, Every.MONTHLY)).tolist())
    assert {f.day for f in monthly.fills} <= starts


def test_check_days() -> None:
    d = days(600, "2020-01-01")
    for every, per_year in ((Every.MONTHLY, 12), (Every.QUARTERLY, 4), (Every.ANNUAL, 1)):
        hit = d[check_days(d, every)]
        assert all(x.day <= 3 or x.weekday() == 0 for x in hit)  # first business day of the month
        assert len(hit[(hit.year == 2021)]) == per_year
    assert check_days(d, Every.TWO_WEEKS).sum() == len(range(10, 600, 10))


def test_a_contribution_fills_the_gaps_first() -> None:
    values = np.array([40.0, 60.0, 0.0])
    target = np.array([60.0, 60.0, 30.0])
    allowed = np.array([True, True, True])
    assert flow_split(values, target, 25.0, allowed).tolist() == pytest.approx(
        [25 * 20 / 50, 0.0, 25 * 30 / 50]
    )
    # more than the gaps: gaps filled, the rest pro rata to the targets
    out = flow_split(values, target, 150.0, allowed)
    assert out.sum() == pytest.approx(150.0)
    assert (values + out).tolist() == pytest.approx((target / target.sum() * 250.0).tolist())
    # a withdrawal comes from what is over target
    assert flow_split(np.array([80.0, 20.0]), np.array([50.0, 50.0]), -10.0, allowed[:2]).tolist() == [
        -10.0,
        0.0,
    ]


@pytest.mark.parametrize("policy", ALL_POLICIES, ids=lambda p: p.key)
@pytest.mark.parametrize("flow", [750.0, -900.0])
def test_whole_share_cash_bookkeeping_is_exact_to_the_cent(policy: Policy, flow: float) -> None:
    tickers = ["IWM", "IWN", "IWO", "SPY", "AGG"]
    prices = random_paths(400, tickers, seed=7)
    sc = spread_scenario(tickers, vol_cap=0.30)
    run = simulate(sc, prices, policy, BacktestSettings(monthly_flow=flow, start="targets", warmup_days=100))
    p = prices.to_numpy()[100:]
    cash = run.start_cash_cents
    shares = run.start_shares.astype(np.int64).copy()
    for f in run.fills:
        i = tickers.index(f.ticker)
        assert f.price == p[f.day, i]
        amount = round(abs(f.shares) * f.price * 100)  # cents, recomputed here
        cost = round(amount * 7.0 / 10_000)
        assert (f.amount_cents, f.cost_cents) == (amount, cost)
        cash += (-amount if f.shares > 0 else amount) - cost
        shares[i] += f.shares
    cash += int(run.flow_cents.sum())
    assert cash == int(run.cash_cents[-1])
    assert shares.tolist() == run.shares[-1].tolist()
    assert (run.shares >= 0).all() and (run.cash_cents >= 0).all()
    assert run.shares.dtype == np.int64
    # the starting book is the scenario's 50,000 to the cent, in whole shares
    assert (
        run.start_cash_cents + sum(round(s * x * 100) for s, x in zip(run.start_shares, p[0], strict=True))
        == 5_000_000
    )
    # a contribution is paid in every month (withdrawals as long as there is money)
    n_months = int(check_days(run.dates, Every.MONTHLY).sum())
    if flow > 0:
        assert int(run.flow_cents.sum()) == n_months * 75_000


def test_too_little_history_is_one_clear_line() -> None:
    sc = two_asset_scenario()
    with pytest.raises(DataError, match="at least 60"):
        simulate(sc, two_asset_path().iloc[:30], NEVER, FROM_TARGETS)
    with pytest.raises(DataError, match="no price history for B"):
        simulate(sc, two_asset_path()[["A"]], NEVER, FROM_TARGETS)


def test_the_optimizer_policy_keeps_the_vol_cap_on_the_covariance_it_knew() -> None:
    """After each optimizer trade, the ex-ante volatility on that day's covariance (recomputed here from
    the prices before the day) is within the cap, up to the checker's tolerance."""
    from engine.backtest.policies import OPTIMIZER
    from engine.risk.covariance import ledoit_wolf_covariance

    tickers = ["IWM", "IWN", "IWO", "SPY", "AGG"]
    prices = random_paths(700, tickers, seed=13)
    sc = spread_scenario(tickers, vol_cap=0.12)
    run = simulate(sc, prices, OPTIMIZER, BacktestSettings(start="targets", warmup_days=300))
    assert len(run.rebalance_days) >= 3
    full = prices.to_numpy()
    for t in run.rebalance_days:
        px = full[max(300 + t - sc.data.risk_window_days - 1, 0) : 300 + t]
        cov = ledoit_wolf_covariance(px[1:] / px[:-1] - 1.0)
        value = float(run.shares[t] @ full[300 + t]) + run.cash_cents[t] / 100.0
        w = run.shares[t] * full[300 + t] / value
        assert float(np.sqrt(w @ cov @ w)) <= 0.12 * (1 + 1e-4)


def test_a_withdrawal_larger_than_the_portfolio_empties_it_without_going_negative() -> None:
    tickers = ["IWM", "SPY", "AGG"]
    prices = random_paths(300, tickers, seed=2)
    sc = spread_scenario(tickers, min_cash=0.0)
    for policy in (NEVER, BANDS_DAILY):
        run = simulate(
            sc, prices, policy, BacktestSettings(monthly_flow=-20_000.0, start="targets", warmup_days=0)
        )
        assert (run.shares >= 0).all() and (run.cash_cents >= 0).all()
        assert run.shares[-1].sum() <= 1  # nothing left to sell but a share a withdrawal could not need
        paid = -int(run.flow_cents.sum())
        traded = sum((f.amount_cents if f.shares < 0 else -f.amount_cents) - f.cost_cents for f in run.fills)
        assert paid == run.start_cash_cents + traded - int(run.cash_cents[-1])
        assert paid < 20_000_00 * int(check_days(run.dates, Every.MONTHLY).sum())  # it ran out
