"""Shared fakes and builders for tests: scenarios and inline markets without any network or files."""

from __future__ import annotations

from datetime import date

import numpy as np

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

# Annualized vols and a correlation structure like the real ETFs (small caps ~0.9+ among themselves).
VOLS = {
    "IWM": 0.23,
    "VTWO": 0.23,
    "IWN": 0.24,
    "IWO": 0.26,
    "VBR": 0.22,
    "VBK": 0.25,
    "IJR": 0.22,
    "SPSM": 0.22,
    "SPY": 0.17,
    "AGG": 0.05,
    "XLF": 0.24,
    "XLK": 0.25,
}
PRICES = {
    "IWM": 231.4,
    "VTWO": 93.1,
    "IWN": 172.9,
    "IWO": 301.2,
    "VBR": 203.6,
    "VBK": 287.0,
    "IJR": 117.5,
    "SPSM": 45.8,
    "SPY": 652.3,
    "AGG": 99.4,
    "XLF": 52.7,
    "XLK": 281.9,
}


def correlation(tickers: list[str]) -> np.ndarray:
    small = {"IWM", "VTWO", "IWN", "IWO", "VBR", "VBK", "IJR", "SPSM"}
    n = len(tickers)
    c = np.eye(n)
    for i in range(n):
        for j in range(i + 1, n):
            a, b = tickers[i], tickers[j]
            if {a, b} <= {"IWM", "VTWO"}:
                r = 0.995
            elif a in small and b in small:
                r = 0.92
            elif "AGG" in (a, b):
                r = 0.05
            else:
                r = 0.8
            c[i, j] = c[j, i] = r
    return c


def market(tickers: list[str] | None = None, as_of: date = date(2026, 11, 20)) -> MarketSnapshot:
    tickers = list(tickers or VOLS)
    vols = np.array([VOLS[t] for t in tickers])
    cov = correlation(tickers) * np.outer(vols, vols)
    return MarketSnapshot(
        tickers=tuple(tickers),
        prices={t: PRICES[t] for t in tickers},
        covariance=cov,
        as_of=as_of,
        price_source="test market",
        risk_window="test covariance",
        estimator="given",
    )


def random_market(n: int, seed: int = 0) -> MarketSnapshot:
    """n synthetic assets with a 3-factor covariance and prices between 20 and 500."""
    rng = np.random.default_rng(seed)
    tickers = [f"T{i:03d}" for i in range(n)]
    b = rng.normal(0.0, 0.12, size=(3, n)) + np.array([[0.15], [0.0], [0.0]])
    cov = b.T @ b + np.diag(rng.uniform(0.02, 0.08, n) ** 2)
    return MarketSnapshot(
        tickers=tuple(tickers),
        prices={t: float(p) for t, p in zip(tickers, rng.uniform(20, 500, n), strict=True)},
        covariance=cov,
        as_of=date(2026, 11, 20),
        price_source="synthetic",
        risk_window="synthetic",
        estimator="given",
    )


def core_satellite(
    holdings: dict[str, float],
    *,
    cash: float = 1000.0,
    core: dict[str, float] | None = None,
    satellites: dict[str, dict[str, float]] | None = None,
    constraints: Constraints | None = None,
) -> Scenario:
    """A small-cap-only scenario. Weights: core/satellite sleeve weights are given with the sub-weights
    as {sleeve name: {ticker: weight of portfolio}}; sub-weights are derived."""
    core = core or {"IWM": 0.7}
    satellites = (
        satellites
        if satellites is not None
        else {"Value": {"IWN": 0.15, "VBR": 0.10}, "S&P 600": {"SPSM": 0.05}}
    )
    sleeves = []
    for name, role, members in [("Core", Role.CORE, core)] + [
        (k, Role.SATELLITE, v) for k, v in satellites.items()
    ]:
        total = sum(members.values())
        sleeves.append(
            Sleeve(
                name=name,
                role=role,
                weight=total,
                assets=tuple(AssetTarget(t, w / total) for t, w in members.items()),
            )
        )
    return Scenario(
        name="test",
        portfolio=Portfolio(holdings=tuple(Holding(t, s) for t, s in holdings.items()), cash=cash),
        targets=TargetTree(sleeves=tuple(sleeves)),
        constraints=constraints or Constraints(),
    )


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
