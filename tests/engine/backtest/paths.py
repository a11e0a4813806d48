"""Hand-built price paths and small scenarios for the backtest tests (answers worked out by hand)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from engine.model.scenario import (
    AssetTarget,
    Band,
    Constraints,
    Portfolio,
    Role,
    Scenario,
    Sleeve,
    TargetTree,
)


def days(n: int, start: str = "2020-01-01") -> pd.DatetimeIndex:
    return pd.bdate_range(start, periods=n)


def two_asset_path() -> pd.DataFrame:
    """B stays at 100. A: 100 for days 0–9; 125 on days 10–19 (out of a 5-point band: 55.6 %); 100 from
    day 20 on (44.4 % after the rebalance at 125: out again). A wobble to 110 on days 30–34 (52.4 %) stays
    inside. Bands checked daily trigger on day 10 and day 20, nowhere else."""
    a = np.full(60, 100.0)
    a[10:20] = 125.0
    a[30:35] = 110.0
    return pd.DataFrame({"A": a, "B": np.full(60, 100.0)}, index=days(60))


def two_asset_scenario(cost_bps: float = 10.0, cash: float = 100_000.0, min_cash: float = 0.0) -> Scenario:
    """50/50 A/B, 5/25 band (5 points on a 50 % target), everything in cash: start from the targets."""
    return Scenario(
        name="two assets",
        portfolio=Portfolio(cash=cash),
        targets=TargetTree(
            sleeves=(Sleeve("Core", Role.CORE, 1.0, (AssetTarget("A", 0.5), AssetTarget("B", 0.5))),),
            default_band=Band(0.05, 0.25),
        ),
        constraints=Constraints(cost_bps=cost_bps, min_cash=min_cash),
    )


def random_paths(n_days: int, tickers: list[str], seed: int = 0) -> pd.DataFrame:
    """Geometric random walks with prices between about 20 and 400 (cent-unfriendly on purpose)."""
    rng = np.random.default_rng(seed)
    vol = rng.uniform(0.1, 0.35, len(tickers)) / np.sqrt(252)
    r = rng.standard_normal((n_days, len(tickers))) * vol + 0.0003
    start = rng.uniform(20, 400, len(tickers))
    return pd.DataFrame(
        start * np.exp(np.cumsum(r, axis=0)), index=days(n_days, "2010-01-04"), columns=tickers
    )


def spread_scenario(
    tickers: list[str], *, cost_bps: float = 7.0, min_cash: float = 250.0, vol_cap: float | None = None
) -> Scenario:
    """A core of the first ticker (60 %) and one satellite sleeve of the rest, with a cash buffer."""
    rest = tickers[1:]
    sleeves = (
        Sleeve("Core", Role.CORE, 0.6, (AssetTarget(tickers[0], 1.0),)),
        Sleeve("Satellites", Role.SATELLITE, 0.4, tuple(AssetTarget(t, 1.0 / len(rest)) for t in rest)),
    )
    return Scenario(
        name="spread",
        portfolio=Portfolio(cash=50_000.0),
        targets=TargetTree(sleeves=sleeves),
        constraints=Constraints(cost_bps=cost_bps, min_cash=min_cash, min_trade=50.0, vol_cap=vol_cap),
    )
