"""What the GUI asks of the engine, bundled so tests and benchmarks can swap in fakes.

Every function here runs on a worker thread (via ``gui.runner``); none touches Qt. Expected problems
(bad input, missing data, infeasible constraints) come back as a ``Problem`` value, not an exception.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.errors import CoresatError, ScenarioError
from engine.model.scenario import Scenario
from engine.result import RebalanceResult
from gui import network

if TYPE_CHECKING:
    from engine.market import MarketSnapshot


# engine.api (and with it engine.market and pandas) is imported on first use, on a worker thread: the
# window comes up without waiting for pandas.
def _resolve_market(*args: Any, **kwargs: Any) -> MarketSnapshot:
    return importlib.import_module("engine.api").resolve_market(*args, **kwargs)  # type: ignore[no-any-return]


def _rebalance(scenario: Scenario, market: MarketSnapshot) -> RebalanceResult:
    return importlib.import_module("engine.api").rebalance(scenario, market)  # type: ignore[no-any-return]


def _rebalance_household(scenario: Scenario, market: MarketSnapshot) -> Any:
    return importlib.import_module("engine.api").rebalance_household(scenario, market)


def _frontier(*args: Any, **kwargs: Any) -> list[tuple[float, float]]:
    return importlib.import_module("engine.api").frontier(*args, **kwargs)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Problem:
    """Something the user must change: ``field`` is a scenario field path or a constraint name."""

    message: str
    field: str = ""


@dataclass(frozen=True)
class Paths:
    """Growth of $10,000 and drawdown of the current and proposed weights over the price history."""

    dates: Any  # numpy datetime64 array (x axis), or day numbers
    growth_before: Any
    growth_after: Any
    drawdown_before: Any
    drawdown_after: Any


@dataclass(frozen=True)
class Outcome:
    """What one solve returns to the UI thread."""

    scenario: Scenario
    result: RebalanceResult | None = None
    problem: Problem | None = None
    paths: Paths | None = None
    extras: dict[str, Any] = field(default_factory=dict)


def covers(market: MarketSnapshot | None, scenario: Scenario) -> bool:
    """True when ``market`` has risk data for every ticker the scenario deals with."""
    return market is not None and set(scenario.universe) <= set(market.tickers)


def _weights(result: RebalanceResult, when: str) -> dict[str, float]:
    return {a.ticker: getattr(a, f"weight_{when}") for a in result.assets}


def history_paths(market: MarketSnapshot, result: RebalanceResult) -> Paths | None:
    """Growth of $10,000 and drawdown of the current and proposed weights (engine.risk.history), or None
    when the market carries no price history."""
    hist = market.history
    if hist is None or hist.empty or not result.assets:
        return None
    history = importlib.import_module("engine.risk.history")
    out: dict[str, Any] = {}
    index = None
    for when in ("before", "after"):
        w = {t: v for t, v in _weights(result, when).items() if t in hist.columns and v > 0}
        g = history.growth_path(hist, w, start_value=10_000.0)
        d = history.drawdown_path(hist, w)
        index = g.index
        out[f"growth_{when}"] = np.asarray(g, dtype=float)
        out[f"drawdown_{when}"] = np.asarray(d.reindex(index), dtype=float)
    assert index is not None
    n = min(len(v) for v in out.values())
    dates = np.asarray(index.values)[-n:]
    return Paths(dates=dates, **{k: v[-n:] for k, v in out.items()})


def import_price_files(files: list[str]) -> list[Any]:
    """The engine's CSV price import (PriceStore.import_csvs): every file is read first, then all are stored
    in one transaction, so a bad file changes nothing. Returns the engine's PriceFile records."""
    store = importlib.import_module("engine.data.store")
    return list(store.PriceStore().import_csvs(files))


@dataclass
class EngineCalls:
    """The engine entry points the workspace uses (replaceable in tests)."""

    resolve_market: Callable[..., MarketSnapshot] = _resolve_market
    rebalance: Callable[[Scenario, MarketSnapshot], RebalanceResult] = _rebalance
    frontier: Callable[..., list[tuple[float, float]]] | None = _frontier
    paths: Callable[[MarketSnapshot, RebalanceResult], Paths | None] = history_paths
    online: Callable[[], bool] = network.reachable  # asked only after a download failed
    import_prices: Callable[[list[str]], list[Any]] = import_price_files
    # a scenario with a household: its joint solve (trades per account); the result shown everywhere is
    # the household's as one portfolio, the HouseholdResult rides along in Outcome.extras["household"]
    rebalance_household: Callable[[Scenario, MarketSnapshot], Any] | None = _rebalance_household

    def solve(self, scenario: Scenario, market: MarketSnapshot, *, with_paths: bool = True) -> Outcome:
        try:
            scenario.validate()
            extras: dict[str, Any] = {}
            if scenario.household is not None and self.rebalance_household is not None:
                extras["household"] = self.rebalance_household(scenario, market)
                result = extras["household"].household
            else:
                result = self.rebalance(scenario, market)
        except ScenarioError as exc:
            return Outcome(scenario, problem=Problem(exc.problem, exc.field))
        except CoresatError as exc:
            return Outcome(scenario, problem=Problem(str(exc)))
        except NotImplementedError:
            return Outcome(scenario, problem=Problem("the optimizer is not available in this build yet"))
        paths = None
        if with_paths:
            try:
                paths = self.paths(market, result)
            except (CoresatError, ValueError, KeyError):
                paths = None
        return Outcome(scenario, result=result, paths=paths, extras=extras)
