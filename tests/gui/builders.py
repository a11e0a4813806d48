"""Scenarios and engine fakes for the GUI tests and the GUI benchmark (no network, no files)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from engine.market import MarketSnapshot
from engine.model.scenario import (
    Scenario,
)
from gui.engine_calls import EngineCalls
from tests import helpers

TWELVE = helpers.TWELVE
twelve_asset_scenario = helpers.twelve_asset_scenario


def history(tickers: tuple[str, ...] = TWELVE, days: int = 500, seed: int = 1) -> pd.DataFrame:
    """Synthetic adjusted daily prices consistent with helpers' covariance (for growth/drawdown charts)."""
    m = helpers.market(list(tickers))
    rng = np.random.default_rng(seed)
    rets = rng.multivariate_normal(np.full(len(tickers), 0.0003), m.covariance / 252, size=days)
    prices = 100 * np.exp(np.cumsum(rets, axis=0))
    idx = pd.bdate_range("2024-11-01", periods=days)
    return pd.DataFrame(prices, index=idx, columns=list(tickers))


def market_with_history(tickers: tuple[str, ...] = TWELVE, *, with_history: bool = True) -> MarketSnapshot:
    m = helpers.market(list(tickers))
    return replace(m, history=history(tickers) if with_history else None, price_source="test market")


def fake_engine(market: MarketSnapshot | None = None, **overrides: Any) -> EngineCalls:
    """The real optimizer over an in-memory market (no data layer, no network)."""
    snap = market or market_with_history()

    def resolve(scenario: Scenario, **_kw: Any) -> MarketSnapshot:
        return snap

    overrides.setdefault("online", lambda: True)  # never probe the real network from a test
    return EngineCalls(resolve_market=resolve, **overrides)
