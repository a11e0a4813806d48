"""run_stress: the current, target and proposed portfolios of a rebalance through past crises, and how
the portfolio moved with interest rates (when a rate series is available)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from engine.model.scenario import Role, Scenario
from engine.result import RebalanceResult, Status, _plain
from engine.risk.rates import RateSensitivity, find_rate_series, rate_sensitivity
from engine.risk.stress import HYPOTHETICAL, WINDOWS, Window, WindowResult, stress_test

METHOD = (
    "Each window replays the funds' adjusted daily prices (dividends reinvested): the weights are bought "
    "on the window's first trading day and held to its last, without rebalancing; cash earns nothing.",
    "Loss per sleeve is in money and in percent of that sleeve's own value at the start; the total is in "
    "percent of the whole portfolio, cash included. 'Lowest point' is the worst day inside the window.",
    "Current = today's holdings; target = the target weights; proposed = after the proposed trades.",
)


@dataclass(frozen=True)
class StressReport:
    scenario_name: str
    price_source: str
    total_value: float
    proposed_status: str
    windows: tuple[WindowResult, ...]
    rates: tuple[RateSensitivity, ...]
    hypothetical: str = HYPOTHETICAL
    method: tuple[str, ...] = METHOD
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = _plain({"kind": "coresat-stress", **dataclasses.asdict(self)})
        return out

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent)


def weight_sets(result: RebalanceResult) -> dict[str, dict[str, float]]:
    sets = {
        "current": {a.ticker: a.weight_before for a in result.assets},
        "target": {a.ticker: a.weight_target for a in result.assets},
    }
    if result.status is not Status.INFEASIBLE:
        sets["proposed"] = {a.ticker: a.weight_after for a in result.assets}
    return sets


def run_stress(
    scenario: Scenario,
    result: RebalanceResult,
    prices: pd.DataFrame,
    windows: Sequence[Window] = WINDOWS,
    rates: pd.Series | None = None,
    *,
    progress: Callable[[str, float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> StressReport:
    """Stress ``result``'s weights on ``prices`` (each fund's own full history, NaN before it started).
    ``progress(message, fraction)`` as the windows are replayed; ``cancel()`` true stops it (DataError)."""
    sets = weight_sets(result)
    sleeve_of = {a.ticker: a.sleeve for a in result.assets}
    found = rates if rates is not None else find_rate_series(prices)
    shown = sets.get("proposed", sets["current"])
    which = "proposed" if "proposed" in sets else "current"
    sens = [rate_sensitivity(prices, shown, found, label=f"the {which} portfolio")]
    small = {
        t for t in shown if (s := scenario.targets.sleeve_of(t)) is not None and s.role is not Role.OUTSIDE
    }
    if found is not None and small and small != {t for t, w in shown.items() if w}:
        total = sum(shown[t] for t in small)
        if total > 0:
            only = {t: shown[t] / total for t in small}
            sens.append(
                rate_sensitivity(prices, only, found, label=f"the {which} small-cap sleeve on its own")
            )
    notes = []
    if result.status is Status.INFEASIBLE:
        notes.append("the limits cannot all be met, so there are no proposed trades: current and target only")
    return StressReport(
        scenario_name=scenario.name,
        price_source=result.assumptions.price_source,
        total_value=result.total_value,
        proposed_status=result.status.value,
        windows=stress_test(
            prices, sets, sleeve_of, result.total_value, windows, progress=progress, cancel=cancel
        ),
        rates=tuple(sens),
        notes=tuple(notes),
    )
