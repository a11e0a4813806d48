"""The optimizer policy's covariances computed for all decision days at once equal the one-window
estimator on each day's own window."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from engine.backtest.batched_cov import batched_covariances
from engine.backtest.optimizer_policy import OptimizerPolicy
from engine.model.scenario import Estimator
from engine.risk.covariance import estimate_covariance
from tests.engine.backtest.paths import random_paths, spread_scenario

TICKERS = ["IWM", "IWN", "IWO", "SPY", "AGG", "VBR"]


@pytest.mark.parametrize("estimator", [Estimator.SAMPLE, Estimator.LEDOIT_WOLF])
def test_each_matrix_from_running_sums_equals_the_one_window_estimator(estimator: Estimator) -> None:
    prices = random_paths(900, TICKERS, seed=4).to_numpy()
    r = prices[1:] / prices[:-1] - 1.0
    ends = [300, 321, 500, 899]
    got = batched_covariances(r, [*ends, 100], 252, estimator, 63.0)
    assert sorted(got) == ends  # 100 has no whole window before it: left to the one-window estimator
    for e in ends:
        expected = estimate_covariance(r[e - 252 : e], estimator, half_life=63.0)
        assert np.allclose(got[e], expected, rtol=1e-12, atol=0)
        assert np.abs(got[e]).max() > 1e-3  # real matrices, not zeros
    # the shrinkage is really used (a pure sample correlation would differ)
    if estimator is Estimator.LEDOIT_WOLF:
        sample = estimate_covariance(r[300 - 252 : 300], Estimator.SAMPLE)
        assert not np.allclose(got[300], sample, rtol=1e-6, atol=0)


def test_ewma_and_a_fund_that_did_not_move_are_left_to_the_one_window_estimator() -> None:
    prices = random_paths(400, TICKERS, seed=4)
    r = (prices.to_numpy()[1:] / prices.to_numpy()[:-1]) - 1.0
    assert batched_covariances(r, [300], 252, Estimator.EWMA, 63.0) == {}
    r[:, 2] = 0.0
    assert batched_covariances(r, [300], 252, Estimator.LEDOIT_WOLF, 63.0) == {}


def test_the_policy_uses_the_batch_on_its_days_and_the_same_windows_as_before() -> None:
    prices = random_paths(800, TICKERS, seed=6)
    sc = spread_scenario(TICKERS)
    sc = replace(sc, data=replace(sc.data, risk_window_days=252))
    days = [10, 40, 300, 450]
    fresh = OptimizerPolicy(sc, tuple(TICKERS), prices, offset=200)
    batched = OptimizerPolicy(sc, tuple(TICKERS), prices, offset=200)
    batched.precompute(days)
    assert sorted(batched._cov) == [t for t in days if 200 + t - 1 >= 252]  # day 10: a short window
    for t in days:
        a, b = fresh.covariance(t), batched.covariance(t)
        assert a is not None and b is not None
        assert np.allclose(a, b, rtol=1e-12, atol=0)
    bumped = prices.copy()
    bumped.iloc[200 + 300 :] *= 2.0  # day 300 itself and after
    late = OptimizerPolicy(sc, tuple(TICKERS), bumped, offset=200)
    late.precompute(days)
    assert np.array_equal(late.covariance(300), batched.covariance(300))
    assert not np.allclose(late.covariance(450), batched.covariance(450))  # the check can fail


def test_the_replay_trades_the_same_with_or_without_explanations(monkeypatch: pytest.MonkeyPatch) -> None:
    """The optimizer policy asks rebalance() for numbers only (explain=False); asking for every sentence
    gives the same trades, day by day."""
    import engine.api
    from engine.backtest import BacktestSettings, simulate
    from engine.backtest.policies import OPTIMIZER

    prices = random_paths(700, TICKERS[:5], seed=3)
    sc = spread_scenario(TICKERS[:5], vol_cap=0.16)
    settings = BacktestSettings(monthly_flow=500.0, start="targets", warmup_days=300)
    asked: list[bool] = []
    inner = engine.api.rebalance

    def spy(scenario, market, explain=True):  # type: ignore[no-untyped-def]
        asked.append(explain)
        return inner(scenario, market, explain=explain)

    monkeypatch.setattr(engine.api, "rebalance", spy)
    quiet = simulate(sc, prices, OPTIMIZER, settings)
    assert asked and not any(asked)
    monkeypatch.setattr(engine.api, "rebalance", lambda s, m, explain=True: inner(s, m, explain=True))
    told = simulate(sc, prices, OPTIMIZER, settings)
    assert len(quiet.rebalance_days) >= 3
    assert [(f.day, f.ticker, f.shares) for f in quiet.fills] == [
        (f.day, f.ticker, f.shares) for f in told.fills
    ]
