"""Published-style sanity facts on real price files (skipped when ../shared is absent)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from engine.backtest import BacktestSettings, Every, Policy, PolicyKind, run_backtest, simulate
from engine.backtest.policies import NEVER
from engine.data import read_price_csv
from engine.model.scenario import AssetTarget, Constraints, Portfolio, Role, Scenario, Sleeve, TargetTree
from tests.conftest import shared_real

pytestmark = pytest.mark.realdata
FROM_TARGETS = BacktestSettings(start="targets", warmup_days=0)


def _prices(*tickers: str) -> pd.DataFrame:
    return pd.concat(
        {t: read_price_csv(shared_real("prices", "long-daily", f"{t}.csv"))[0].prices for t in tickers},
        axis=1,
    )


def test_iwm_total_return_drawdown_2007_to_2009() -> None:
    px = _prices("IWM").loc["2007-07-13":"2009-03-09"]
    sc = Scenario(
        "IWM only",
        Portfolio(cash=100_000.0),
        TargetTree(sleeves=(Sleeve("Core", Role.CORE, 1.0, (AssetTarget("IWM", 1.0),)),)),
        Constraints(cost_bps=0.0),
    )
    s = run_backtest(sc, px, [NEVER], FROM_TARGETS).policies[0]
    raw = pd.read_csv(shared_real("prices", "long-daily", "IWM.csv"), index_col="Date")["Adj Close"]
    by_hand = raw["2009-03-09"] / raw["2007-07-13"] - 1.0  # read straight from the file
    assert by_hand == pytest.approx(-0.586, abs=0.001)
    assert s.max_drawdown.depth == pytest.approx(-0.586, abs=0.001)
    # whole shares and the cash left over dilute the fall by less than one share's worth
    assert s.max_drawdown.depth == pytest.approx(by_hand, abs=0.0005)
    assert (s.max_drawdown.peak.isoformat(), s.max_drawdown.trough.isoformat()) == (
        "2007-07-13",
        "2009-03-09",
    )


def _replica_drift(px: pd.DataFrame, target: np.ndarray, bands: bool) -> tuple[np.ndarray, np.ndarray]:
    """Independent replay: fractional shares, no costs, no cash; each close's drift before its trade, as
    the largest single-fund distance and as half the sum of absolute distances; 5/25 bands (5 points on
    every one of these targets) put everything back to target the day one is breached."""
    tol = np.minimum(0.05, 0.25 * target)
    prices = px.to_numpy()
    shares = target / prices[0]
    largest, half_l1 = [], []
    for p in prices:
        v = shares * p
        d = np.abs(v / v.sum() - target)
        largest.append(d.max())
        half_l1.append(d.sum() / 2.0)
        if bands and (d > tol + 1e-12).any():
            shares = target * v.sum() / p
    return np.array(largest), np.array(half_l1)


def test_never_rebalanced_50_20_30_drifts_over_20_points_and_17_more_than_5_25_bands() -> None:
    """Drift = the largest distance of any single fund from its target weight, in points of the portfolio,
    at a close before that day's trades (the report's definition). On these files (total-return, AGG's
    first day 2003-09-29 .. 2025-09-23) the never-rebalanced 50/20/30 portfolio reaches 22.7 points, and
    one on 5/25 bands checked daily at most 6.0: so it drifts *over 20 points*, and 16.7 points *more* than
    the banded one — "20 points more" is not what the data say, on either price series or definition."""
    px = _prices("SPY", "IWM", "AGG")
    sleeves = (
        Sleeve("Small caps", Role.CORE, 1.0, (AssetTarget("IWM", 1.0),)),
        Sleeve("US large caps", Role.OUTSIDE, 0.5, (AssetTarget("SPY", 1.0),)),
        Sleeve("Bonds", Role.OUTSIDE, 0.3, (AssetTarget("AGG", 1.0),)),
    )
    sc = Scenario(
        "50/20/30 SPY/IWM/AGG",
        Portfolio(cash=100_000.0),
        TargetTree(sleeves=sleeves, small_cap_weight=0.2),
        Constraints(cost_bps=5.0),
    )
    rep = run_backtest(sc, px, [NEVER, Policy(PolicyKind.BANDS, Every.DAILY)], FROM_TARGETS)
    never, bands = rep.policies
    assert (rep.start.isoformat(), rep.end.isoformat()) == ("2003-09-29", "2025-09-23")

    # the same facts computed here, straight from the files' adjusted closes
    raw = pd.concat(
        {
            t: pd.read_csv(
                shared_real("prices", "long-daily", f"{t}.csv"), index_col="Date", parse_dates=True
            )["Adj Close"]
            for t in ("SPY", "IWM", "AGG")
        },
        axis=1,
    ).dropna()
    target = np.array([0.5, 0.2, 0.3])
    never_max, never_half = _replica_drift(raw, target, bands=False)
    bands_max, _ = _replica_drift(raw, target, bands=True)
    # whole shares, costs and the cash left over move the engine's figures by less than 0.1 point
    assert never.max_drift == pytest.approx(never_max.max(), abs=0.001)
    assert bands.max_drift == pytest.approx(bands_max.max(), abs=0.001)
    assert never.max_drift_date.isoformat() == "2025-08-08"
    # only SPY is ever far over target, so half the sum of absolute distances is the same figure
    assert never_half.max() == pytest.approx(never_max.max(), abs=0.001)

    assert never.max_drift > 0.20  # over 20 points (22.7)
    assert bands.max_drift < 0.07  # one day's move past the 5-point band at most (November 2008: 6.0)
    difference = never.max_drift - bands.max_drift
    assert 0.15 < difference < 0.20  # 16.7 points more, not 20
    # not the data: on price-only closes (dividends left out) the difference is 17.7, still under 20
    price_only = pd.concat(
        {
            t: pd.read_csv(
                shared_real("prices", "long-daily", f"{t}.csv"), index_col="Date", parse_dates=True
            )["Close"]
            for t in ("SPY", "IWM", "AGG")
        },
        axis=1,
    ).dropna()
    assert (
        0.15
        < _replica_drift(price_only, target, False)[0].max()
        - _replica_drift(price_only, target, True)[0].max()
        < 0.20
    )
    assert bands.rebalances >= 5
    # after each day's trades the banded portfolio is back inside its band (computed here from the book)
    run = simulate(sc, px, Policy(PolicyKind.BANDS, Every.DAILY), FROM_TARGETS)
    value = (run.shares * run.prices).sum(axis=1) + run.cash_cents / 100.0
    w = run.shares * run.prices / value[:, None]
    tgt = [{"SPY": 0.5, "IWM": 0.2, "AGG": 0.3}[t] for t in run.tickers]
    assert (abs(w - tgt).max(axis=1) <= 0.05 + 1e-9).all()


def test_stress_2008_on_real_files_proxies_vtwo_by_iwm() -> None:
    from engine.risk.stress import WINDOWS, stress_window

    px = _prices("IWM", "VTWO", "AGG")
    gfc = WINDOWS[0]
    res = stress_window(
        px, gfc, {"current": {"VTWO": 0.6, "AGG": 0.4}}, {"VTWO": "Core", "AGG": "Bonds"}, 100_000.0
    )
    assert res.proxies == {"VTWO": "IWM"} and "IWM stands in" in res.note
    raw = {
        t: pd.read_csv(shared_real("prices", "long-daily", f"{t}.csv"), index_col="Date")["Adj Close"]
        for t in ("IWM", "AGG")
    }
    first, last = str(res.first_day), str(res.last_day)
    assert (first, last) == ("2007-10-01", "2009-03-31")
    by_hand = 60_000 * (raw["IWM"][last] / raw["IWM"][first] - 1) + 40_000 * (
        raw["AGG"][last] / raw["AGG"][first] - 1
    )
    assert res.losses[0].change == pytest.approx(by_hand, abs=0.01)
    core = next(s for s in res.losses[0].sleeves if s.sleeve == "Core")
    assert core.change_pct == pytest.approx(raw["IWM"][last] / raw["IWM"][first] - 1, abs=1e-12)
    assert "VTWO did not trade yet (its prices start 2010-09-22)" in res.note
    # 2022: VTWO's own prices; the tariff shock: the VTWO file ends 2023-04-14, IWM stands in, said so
    assert stress_window(px, WINDOWS[3], {"current": {"VTWO": 1.0}}, {}, 1.0).proxies == {}
    late = stress_window(px, WINDOWS[4], {"current": {"VTWO": 1.0}}, {}, 1.0)
    assert late.proxies == {"VTWO": "IWM"} and "its prices end 2023-04-14" in late.note
