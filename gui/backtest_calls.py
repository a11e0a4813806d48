"""What the Backtest and Stress tabs ask of the engine (run on a worker thread; no Qt here).

Expected problems (no price history, cancelled, bad window) come back as a ``Problem`` value.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from engine.backtest import BacktestReport, BacktestSettings, Policy, run_backtest
from engine.backtest.history import common_history, full_history
from engine.backtest.stress_report import StressReport, run_stress
from engine.errors import CoresatError, ScenarioError
from engine.market import MarketSnapshot
from engine.model.scenario import Scenario
from engine.result import RebalanceResult
from engine.risk.rates import read_rate_csv
from engine.risk.stress import WINDOWS, Window
from gui.engine_calls import Problem

Progress = Callable[[str, float], None]
Cancel = Callable[[], bool]


def _problem(exc: Exception) -> Problem:
    if isinstance(exc, ScenarioError):
        return Problem(exc.problem, exc.field)
    return Problem(str(exc))


@dataclass
class BacktestCalls:
    """Replaceable in tests."""

    def backtest(
        self,
        scenario: Scenario,
        market: MarketSnapshot,
        policies: Sequence[Policy],
        settings: BacktestSettings,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> BacktestReport | Problem:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", UserWarning)  # a solver's "inaccurate" note on one date
                return run_backtest(
                    scenario,
                    common_history(market),
                    policies,
                    settings,
                    price_source=market.price_source,
                    current_prices=dict(market.prices),
                    progress=progress,
                    cancel=cancel,
                )
        except (CoresatError, ValueError) as exc:
            return _problem(exc)

    def stress(
        self,
        scenario: Scenario,
        market: MarketSnapshot,
        result: RebalanceResult,
        extra: Sequence[Window] = (),
        rates_file: str | None = None,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> StressReport | Problem:
        try:
            rates = read_rate_csv(rates_file) if rates_file else None
            history = full_history(scenario, market)
            windows = (*WINDOWS, *extra)
            return run_stress(scenario, result, history, windows, rates, progress=progress, cancel=cancel)
        except (CoresatError, ValueError) as exc:
            return _problem(exc)
