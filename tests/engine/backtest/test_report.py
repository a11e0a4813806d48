"""The figures of a backtest against independent pandas computations on the same values."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from engine.backtest import BacktestSettings, Every, Policy, PolicyKind, run_backtest, simulate
from engine.backtest.policies import NEVER
from engine.backtest.report import values_of
from tests.engine.backtest.paths import random_paths, spread_scenario, two_asset_path, two_asset_scenario

FROM_TARGETS = BacktestSettings(start="targets", warmup_days=0)
TICKERS = ["IWM", "IWN", "IWO", "SPY", "AGG"]


def test_growth_figures_match_pandas_on_the_replayed_values() -> None:
    prices = random_paths(900, TICKERS, seed=21)
    sc = spread_scenario(TICKERS)
    rep = run_backtest(sc, prices, [NEVER], FROM_TARGETS)
    s = rep.policies[0]
    run = simulate(sc, prices, NEVER, FROM_TARGETS)
    v = pd.Series(values_of(run), index=run.dates)
    # independent: no cash flows, so growth is just value / first value
    r = v.pct_change().dropna()
    years = (v.index[-1] - v.index[0]).days / 365.25
    assert s.cagr == pytest.approx((v.iloc[-1] / v.iloc[0]) ** (1 / years) - 1, abs=1e-12)
    assert s.realized_vol == pytest.approx(r.std() * np.sqrt(252), rel=1e-10)
    dd = v / v.cummax() - 1
    assert s.max_drawdown.depth == pytest.approx(dd.min(), abs=1e-12)
    assert s.max_drawdown.trough == dd.idxmin().date()
    assert s.max_drawdown.peak == v.loc[: dd.idxmin()].idxmax().date()
    monthly = v.resample("ME").last()
    mret = pd.concat([pd.Series([v.iloc[0]]), monthly]).reset_index(drop=True).pct_change().dropna()
    assert s.worst_month == pytest.approx(mret.min(), abs=1e-12)
    assert s.worst_month_label == str(monthly.index[int(np.argmin(mret.to_numpy()))].to_period("M"))
    assert s.end_value == pytest.approx(v.iloc[-1])
    # tracking error to the targets held exactly every day, by hand
    w = np.array([0.6, 0.1, 0.1, 0.1, 0.1]) * (1 - 250.0 / v.to_numpy())[:, None]
    ar = prices.pct_change().to_numpy()[1:]
    te = np.std(r.to_numpy() - (ar * w[:-1]).sum(axis=1), ddof=1) * np.sqrt(252)
    assert s.tracking_error == pytest.approx(te, rel=1e-9)


def test_turnover_and_costs_follow_their_stated_definitions() -> None:
    path = two_asset_path()
    rep = run_backtest(two_asset_scenario(), path, [Policy(PolicyKind.BANDS, Every.DAILY)], FROM_TARGETS)
    s = rep.policies[0]
    # day 10: sold 6,250, bought 6,200, value 112,487.55 after costs; day 20: 5,600 each way, 101,226.35
    v10 = 100_000 + 500 * 25 - 6.25 - 6.20
    v20 = 450 * 100 + 562 * 100 + 37.55 - 5.60 - 5.60
    years = (path.index[-1] - path.index[0]).days / 365.25
    assert s.turnover_per_year == pytest.approx(((12_450 / 2) / v10 + (11_200 / 2) / v20) / years)
    assert s.costs == pytest.approx(6.25 + 6.20 + 5.60 + 5.60)
    run = simulate(two_asset_scenario(), path, Policy(PolicyKind.BANDS, Every.DAILY), FROM_TARGETS)
    assert s.costs_bp_per_year == pytest.approx(s.costs / values_of(run).mean() / years * 1e4)
    assert (s.rebalances, s.trades) == (2, 4)
    # drift is seen before the day's trades: day 10, A at 62,500 of 112,500 (day 20: 45,000 of 101,237.55)
    assert s.max_drift == pytest.approx(62_500 / 112_500 - 0.5)
    assert s.max_drift_date == path.index[10].date()
    assert s.max_drift > 0.5 - 45_000 / 101_237.55


def test_cash_flows_are_not_returns() -> None:
    flat = pd.DataFrame({"A": 100.0, "B": 100.0}, index=pd.bdate_range("2020-01-01", periods=300))
    rep = run_backtest(
        two_asset_scenario(cost_bps=0.0),
        flat,
        [NEVER, Policy(PolicyKind.CASH_FLOW)],
        BacktestSettings(monthly_flow=1_000.0, start="targets", warmup_days=0),
    )
    for s in rep.policies:
        assert s.cagr == pytest.approx(0.0, abs=1e-12)
        assert s.max_drawdown.depth == pytest.approx(0.0, abs=1e-12)
        assert s.net_flows == pytest.approx(13 * 1_000.0)  # Feb 2020 .. Feb 2021
        assert s.end_value == pytest.approx(100_000 + 13_000)


def test_the_report_says_it_is_hypothetical_and_serializes() -> None:
    rep = run_backtest(two_asset_scenario(), two_asset_path(), [NEVER], FROM_TARGETS)
    data = json.loads(rep.to_json())
    assert data["hypothetical"].startswith("Hypothetical")
    assert data["policies"][0]["key"] == "never"
    assert any("tax" in x for x in data["limits"])
    assert "turnover_per_year" in data["definitions"]
    with_series = rep.to_dict(with_series=True)
    assert len(with_series["series"]["dates"]) == len(with_series["series"]["never"]["growth"]) == 60
