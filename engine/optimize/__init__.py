"""The rebalancing optimizer (cvxpy): built once per universe and constraint shape, re-solved with new
parameter values; whole-share post-processing; the result checker; explanations."""

from __future__ import annotations

from engine.market import MarketSnapshot
from engine.model.scenario import Scenario
from engine.result import RebalanceResult


def rebalance(scenario: Scenario, market: MarketSnapshot) -> RebalanceResult:
    raise NotImplementedError("the optimizer lands in the next commit")
