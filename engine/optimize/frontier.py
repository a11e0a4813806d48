"""Volatility vs tracking-error frontier: the best continuous trade-off for a range of volatility caps."""

from __future__ import annotations

import numpy as np

from engine.market import MarketSnapshot
from engine.model.scenario import Scenario
from engine.optimize.diagnose import min_volatility
from engine.optimize.inputs import prepare
from engine.optimize.problem import problem_for
from engine.risk.metrics import portfolio_volatility, tracking_error


def frontier(scenario: Scenario, market: MarketSnapshot, points: int = 12) -> list[tuple[float, float]]:
    """(volatility, tracking error) pairs, annualized, from the lowest volatility reachable under the
    scenario's other limits up to the volatility of the targets, each the optimizer's continuous answer
    with the cap set to that volatility. Empty when no volatility is reachable."""
    x = prepare(scenario, market)
    lo = min_volatility(x)
    if lo is None:
        return []
    hi = max(portfolio_volatility(x.target, x.cov), lo)
    prob = problem_for(x)
    out: list[tuple[float, float]] = []
    for cap in np.linspace(lo * 1.0005, hi * 1.0005, points):
        sol = prob.solve(x, vol_cap=float(cap))
        if sol.ok:
            out.append((portfolio_volatility(sol.w, x.cov), tracking_error(sol.w, x.target, x.cov)))
    return out
