"""Backtest: replay a rebalancing policy on price history with whole shares, costs and cash flows, and
no look-ahead. Qt-free. ``run_backtest`` is the entry point; ``coresat backtest FILE`` the command."""

from engine.backtest.policies import ALL_POLICIES, DEFAULT_POLICIES, Every, Policy, PolicyKind, parse_policies
from engine.backtest.report import HYPOTHETICAL, Drawdown, PolicySeries, PolicySummary
from engine.backtest.run import BacktestReport, run_backtest
from engine.backtest.simulate import BacktestSettings, PolicyRun, simulate

__all__ = [
    "ALL_POLICIES",
    "DEFAULT_POLICIES",
    "HYPOTHETICAL",
    "BacktestReport",
    "BacktestSettings",
    "Drawdown",
    "Every",
    "Policy",
    "PolicyKind",
    "PolicyRun",
    "PolicySeries",
    "PolicySummary",
    "parse_policies",
    "run_backtest",
    "simulate",
]
