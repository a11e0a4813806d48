"""run_backtest: every chosen policy replayed on the same history, side by side, with its method stated."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from engine.backtest.policies import DEFAULT_POLICIES, Policy
from engine.backtest.report import HYPOTHETICAL, PolicySeries, PolicySummary, summarize
from engine.backtest.simulate import BacktestSettings, Cancel, Progress, Universe, simulate
from engine.model.scenario import Scenario
from engine.result import _plain

METHOD = (
    "Each policy starts from the same portfolio on the first day and is replayed day by day on adjusted "
    "daily closing prices (dividends reinvested through the adjustment); trades are whole shares at that "
    "day's closing price.",
    "Trading costs are the scenario's cost in basis points of each trade, rounded to the cent; cash is "
    "kept to the cent and never goes below zero (buys are trimmed to the cash there is).",
    "Monthly cash flows arrive on the first trading day of each month.",
    "The optimizer policy calls Coresat's own rebalance with the scenario's limits on the first trading day "
    "of each month, handing it that month's cash flow; it trades only when a holding, sleeve or the cash is "
    "outside its band, a limit is broken, or there is a cash flow to place. Its covariance is estimated only "
    "from returns before that day (the scenario's risk window and estimator).",
    "The rule-based policies respect whole shares, costs, the minimum trade, the cash buffer and the "
    "no-buy / no-sell lists; only the optimizer also keeps the volatility and turnover caps.",
    "The scenario's one-off cash flow and its buy-only / sell-only mode belong to today's trade and are "
    "not replayed: every policy may buy and sell (the no-buy / no-sell lists still hold).",
)
LIMITS = (
    "No tax is computed: realized gains are reported (first in, first out) only when the cost basis of "
    "every opening share is known, and are never netted, taxed or carried forward.",
    "Dividends are reinvested on the day the adjusted price reflects them, not when they were paid; "
    "share counts are notional on adjusted prices.",
    "No bid/ask spread, market impact or slippage beyond the cost setting; every trade fills at the close.",
    "The price history is the only one used: the common span of every ticker in the scenario.",
)


@dataclass(frozen=True)
class BacktestReport:
    scenario_name: str
    start: date
    end: date
    years: float
    price_source: str
    monthly_flow: float
    policies: tuple[PolicySummary, ...]
    dates: pd.DatetimeIndex = field(repr=False)
    series: dict[str, PolicySeries] = field(repr=False)
    hypothetical: str = HYPOTHETICAL
    method: tuple[str, ...] = METHOD
    limits: tuple[str, ...] = LIMITS
    gains_how: str = ""  # where the cost basis comes from, or why realized gains are not known

    def to_dict(self, *, with_series: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": "coresat-backtest",
            "hypothetical": self.hypothetical,
            "scenario_name": self.scenario_name,
            "start": self.start,
            "end": self.end,
            "years": self.years,
            "price_source": self.price_source,
            "monthly_flow": self.monthly_flow,
            "definitions": {
                "turnover_per_year": "one-way: half of (buys + sells) / that day's value, summed, per year",
                "costs_bp_per_year": "trading costs / average value / years × 10,000",
                "drift": "largest distance of any single holding from its target (max of |weight - "
                "target|, not half the sum of them), fraction of the portfolio, at each close before that "
                "day's trades",
                "returns": "time-weighted (cash flows are not gains)",
                "tracking_error": "annualized, to the targets held exactly every day",
                "realized_gains": "first in, first out; basis includes the buy's cost, proceeds are net of "
                "the sale's cost; long-term when sold after the first anniversary of the purchase; null "
                "when not known",
            },
            "realized_gains_basis": self.gains_how,
            "method": list(self.method),
            "limits": list(self.limits),
            "policies": [dataclasses.asdict(p) for p in self.policies],
        }
        if with_series:
            out["series"] = {
                "dates": [d.date() for d in self.dates],
                **{
                    k: {f: list(getattr(s, f)) for f in ("growth", "drawdown", "drift")}
                    for k, s in self.series.items()
                },
            }
        plain: dict[str, Any] = _plain(out)
        return plain

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent)


def run_backtest(
    scenario: Scenario,
    prices: pd.DataFrame,
    policies: Sequence[Policy] = DEFAULT_POLICIES,
    settings: BacktestSettings | None = None,
    *,
    price_source: str = "",
    current_prices: dict[str, float] | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> BacktestReport:
    """Replay each policy on ``prices`` (adjusted daily closes, DatetimeIndex × tickers)."""
    scenario.validate()
    settings = settings or BacktestSettings()
    u = Universe.of(scenario)
    c = scenario.constraints
    summaries: list[PolicySummary] = []
    series: dict[str, PolicySeries] = {}
    dates = None
    gains_how = ""
    k = len(policies)
    for i, pol in enumerate(policies):

        def step(f: float, i: int = i, pol: Policy = pol) -> None:
            if progress is not None:
                progress(f"Replaying: {pol.label}", (i + f) / k)

        run = simulate(
            scenario, prices, pol, settings, current_prices=current_prices, cancel=cancel, progress=step
        )
        s, ser = summarize(run, u, c.min_cash, c.vol_cap)
        summaries.append(s)
        series[pol.key] = ser
        dates = run.dates
        gains_how = run.gains_how
    if progress is not None:
        progress("Backtest done", 1.0)
    assert dates is not None
    years = (dates[-1] - dates[0]).days / 365.25
    return BacktestReport(
        scenario_name=scenario.name,
        start=dates[0].date(),
        end=dates[-1].date(),
        years=float(years),
        price_source=price_source,
        monthly_flow=settings.monthly_flow,
        policies=tuple(summaries),
        dates=dates,
        series=series,
        gains_how=gains_how,
    )
