"""No look-ahead: decisions up to a day do not change when every later price changes."""

from __future__ import annotations

import numpy as np

from engine.backtest import BacktestSettings, Every, Policy, PolicyKind, simulate
from engine.backtest.optimizer_policy import OptimizerPolicy
from engine.backtest.policies import OPTIMIZER
from engine.risk.covariance import ledoit_wolf_covariance
from tests.engine.backtest.paths import random_paths, spread_scenario

TICKERS = ["IWM", "IWN", "IWO", "SPY", "AGG"]
SETTINGS = BacktestSettings(monthly_flow=500.0, start="targets", warmup_days=300)


def _upto(run, day: int) -> list[tuple[int, str, int]]:  # type: ignore[no-untyped-def]
    return [(f.day, f.ticker, f.shares) for f in run.fills if f.day <= day]


def test_perturbing_future_prices_leaves_every_earlier_optimizer_decision_unchanged() -> None:
    prices = random_paths(700, TICKERS, seed=3)
    sc = spread_scenario(TICKERS, vol_cap=0.16)
    base = simulate(sc, prices, OPTIMIZER, SETTINGS)
    assert len(base.rebalance_days) >= 3  # the optimizer really decides something in this run
    cut = base.rebalance_days[len(base.rebalance_days) // 2]  # a day on which it traded
    shocked = prices.copy()
    rng = np.random.default_rng(11)
    later = shocked.index > base.dates[cut]
    shocked.loc[later] *= np.exp(np.cumsum(rng.normal(0, 0.05, (int(later.sum()), len(TICKERS))), axis=0))
    other = simulate(sc, shocked, OPTIMIZER, SETTINGS)
    assert _upto(other, cut) == _upto(base, cut)
    assert (other.shares[: cut + 1] == base.shares[: cut + 1]).all()
    assert (other.cash_cents[: cut + 1] == base.cash_cents[: cut + 1]).all()
    # ...and the future did change: the check can fail
    assert _upto(other, len(base.dates)) != _upto(base, len(base.dates))


def test_the_covariance_of_a_day_uses_returns_before_that_day_only() -> None:
    prices = random_paths(500, TICKERS, seed=5)
    sc = spread_scenario(TICKERS)
    opt = OptimizerPolicy(sc, tuple(TICKERS), prices, offset=300)
    t = 50  # day 350 of the full history
    window = sc.data.risk_window_days
    px = prices.to_numpy()[max(350 - window - 1, 0) : 350]  # days .. 349
    expected = ledoit_wolf_covariance(px[1:] / px[:-1] - 1.0)
    assert np.allclose(opt.covariance(t), expected, rtol=0, atol=1e-15)
    bumped = prices.copy()
    bumped.iloc[350:] *= 3.0  # the day itself and after
    assert np.array_equal(
        OptimizerPolicy(sc, tuple(TICKERS), bumped, offset=300).covariance(t), opt.covariance(t)
    )


def test_rule_policies_do_not_look_ahead_either() -> None:
    prices = random_paths(500, TICKERS, seed=9)
    sc = spread_scenario(TICKERS)
    for policy in (Policy(PolicyKind.BANDS, Every.DAILY), Policy(PolicyKind.DARYANANI, Every.TWO_WEEKS)):
        base = simulate(sc, prices, policy, SETTINGS)
        cut = 120
        shocked = prices.copy()
        shocked.iloc[300 + cut + 1 :] *= 0.5
        other = simulate(sc, shocked, policy, SETTINGS)
        assert _upto(other, cut) == _upto(base, cut)
