"""Scenarios and engine fakes for the GUI tests and the GUI benchmark (no network, no files)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from engine.market import MarketSnapshot
from engine.model.scenario import (
    AssetTarget,
    Constraints,
    Holding,
    Portfolio,
    Role,
    Scenario,
    Sleeve,
    TargetTree,
)
from gui.engine_calls import EngineCalls
from tests import helpers

TWELVE = ("IWM", "VTWO", "IWN", "VBR", "IWO", "VBK", "IJR", "SPSM", "SPY", "AGG", "XLF", "XLK")


def twelve_asset_scenario() -> Scenario:
    """A total portfolio: small caps (core IWM+VTWO; value, growth, S&P 600 satellites) next to SPY, AGG and
    two sector funds — 12 tickers, drifted away from the targets."""
    sleeves = (
        Sleeve("Core", Role.CORE, 0.6, (AssetTarget("IWM", 0.7), AssetTarget("VTWO", 0.3)), min_weight=0.2),
        Sleeve("Value", Role.SATELLITE, 0.2, (AssetTarget("IWN", 0.6), AssetTarget("VBR", 0.4))),
        Sleeve("Growth", Role.SATELLITE, 0.1, (AssetTarget("IWO", 0.5), AssetTarget("VBK", 0.5))),
        Sleeve("S&P 600", Role.SATELLITE, 0.1, (AssetTarget("IJR", 0.5), AssetTarget("SPSM", 0.5))),
        Sleeve("US large caps", Role.OUTSIDE, 0.3, (AssetTarget("SPY", 1.0),)),
        Sleeve("Bonds", Role.OUTSIDE, 0.15, (AssetTarget("AGG", 1.0),)),
        Sleeve("Sectors", Role.OUTSIDE, 0.05, (AssetTarget("XLF", 0.5), AssetTarget("XLK", 0.5))),
    )
    shares = {
        "IWM": 120,
        "VTWO": 80,
        "IWN": 40,
        "VBR": 20,
        "IWO": 10,
        "VBK": 15,
        "IJR": 60,
        "SPSM": 90,
        "SPY": 30,
        "AGG": 120,
        "XLF": 50,
        "XLK": 8,
    }
    return Scenario(
        name="Twelve-asset test portfolio",
        portfolio=Portfolio(holdings=tuple(Holding(t, float(s)) for t, s in shares.items()), cash=3000.0),
        targets=TargetTree(sleeves=sleeves, small_cap_weight=0.5),
        constraints=Constraints(
            vol_cap=0.25, cost_bps=2.0, min_trade=100.0, min_cash=500.0, force_rebalance=True
        ),
    )


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

    return EngineCalls(resolve_market=resolve, **overrides)
