"""What the CLI and the GUI call: resolve market data for a scenario, rebalance, and sweep a frontier."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from engine.market import MarketSnapshot
from engine.model import scenario_file
from engine.model.scenario import Scenario
from engine.result import RebalanceResult

if TYPE_CHECKING:
    from engine.household_result import HouseholdResult

Progress = Callable[[str, float], None]  # (message, fraction done 0..1)
Cancel = Callable[[], bool]  # returns True when the caller no longer wants the answer


def resolve_market(
    scenario: Scenario,
    *,
    force_demo: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> MarketSnapshot:
    """Market inputs for ``scenario``: the inline market if the file carries one, else the data layer
    (price store, Yahoo, or the bundled simulated demo data, per ``scenario.data.source``)."""
    if scenario.market is not None and not force_demo:
        from engine.data.exclusions import without_history

        return without_history(_inline(scenario), scenario.universe, scenario.data.exclude_from_risk)
    from engine.data import load_market

    return load_market(scenario, force_demo=force_demo, progress=progress, cancel=cancel)


INLINE_STALE_DAYS = 7  # the same age at which stored or downloaded prices are called stale (data.loader)


def _inline(scenario: Scenario) -> MarketSnapshot:
    """The scenario's own [market], with a warning when its prices are old (every path says so)."""
    import dataclasses
    from datetime import date

    assert scenario.market is not None
    snap = MarketSnapshot.from_inline(scenario.market)
    if snap.as_of is not None and (age := (date.today() - snap.as_of).days) > INLINE_STALE_DAYS:
        warning = (
            f"the prices in the scenario's [market] end {snap.as_of:%Y-%m-%d}, {age} days ago; update them "
            "in the file, or remove [market] to use the price store or Yahoo"
        )
        snap = dataclasses.replace(snap, warnings=(*snap.warnings, warning))
    return snap


def rebalance(scenario: Scenario, market: MarketSnapshot, *, explain: bool = True) -> RebalanceResult:
    """Trades that bring ``scenario`` back to its targets under its constraints (checked).
    ``explain=False``: the same numbers without any sentence (engine.optimize.rebalancer.rebalance)."""
    from engine.io.capacity import check_fits
    from engine.optimize import rebalance as _rebalance

    check_fits(len(scenario.universe))
    result = _rebalance(scenario, market, explain=explain)
    if not explain:  # numbers only (backtests, batch first passes): no look-through either
        return result
    from engine.risk.exposure_cache import attach_cached

    return attach_cached(result)  # sectors through the funds, with the data's source and date


def rebalance_household(scenario: Scenario, market: MarketSnapshot) -> HouseholdResult:
    """One set of targets for the household, trades per account (engine.optimize.household)."""
    from engine.io.capacity import check_fits
    from engine.optimize.household import rebalance_household as _rebalance_household

    check_fits(len(scenario.universe))
    hr = _rebalance_household(scenario, market)
    from dataclasses import replace

    from engine.risk.exposure_cache import attach_cached

    # sectors through the funds for the household as one portfolio (its "after" is the household's optimum;
    # the placed whole shares differ from it by at most a share per account and ticker)
    return replace(hr, household=attach_cached(hr.household))


def rebalance_file(path: str | Path, *, force_demo: bool = False) -> RebalanceResult:
    scenario = scenario_file.load(path)
    return rebalance(scenario, resolve_market(scenario, force_demo=force_demo))


def frontier(scenario: Scenario, market: MarketSnapshot, points: int = 12) -> list[tuple[float, float]]:
    """(volatility, tracking error) pairs from the lowest reachable volatility up to the targets' own."""
    from engine.io.capacity import check_fits
    from engine.optimize import frontier as _frontier

    check_fits(len(scenario.universe))

    return _frontier(scenario, market, points)
