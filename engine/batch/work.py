"""What one worker does: rebuild each household's scenario and rebalance it, one batch at a time.

Runs in a worker process (local pool) or on a Dask worker. The market snapshot is sent once per worker
(the pool's initializer, or a scattered Dask future), and the optimizer's compiled problems stay cached
per process between batches (engine.optimize.problem keeps one per problem shape), so batches are
planned shape by shape. A batch comes back as one ``Outcome``: its proposals as plain tuples (stored in
bulk by the caller) and its failed households with why; a household that fails never stops the rest.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from engine.book.inputs import HouseholdInputs, batch_scenario
from engine.book.proposals import NewProposal
from engine.errors import CoresatError
from engine.market import MarketSnapshot
from engine.model.scenario import Scenario
from engine.result import RebalanceResult

if TYPE_CHECKING:
    from engine.risk.exposure_cache import Exposures


@dataclass(frozen=True)
class Outcome:
    """What a worker sends back for one batch: plain tuples, cheap to pickle and to store in bulk."""

    rows: list[tuple[Any, ...]]  # one per solved household: NewProposal.values() (proposals.COLUMNS)
    failed: list[tuple[int, str]]  # (household id, why) of the households that could not be solved
    cpu: float = 0.0  # CPU time of the worker process for the batch (load-independent)
    engine_cpu: float = 0.0  # the part of ``cpu`` spent in the optimizer's own calls

    @property
    def households(self) -> int:
        return len(self.rows) + len(self.failed)


_MARKET: MarketSnapshot | None = None
_EXPOSURES: Exposures | None = None


def init_worker(market: MarketSnapshot) -> None:
    """Process-pool initializer: keep the book's market snapshot in this worker, and the fund data read
    for the look-through exposures (a local pool lives for one run: the data is never older than it)."""
    from engine.risk.exposure_cache import Exposures

    global _MARKET, _EXPOSURES
    _MARKET, _EXPOSURES = market, Exposures()


def solve_with_worker_market(tasks: list[HouseholdInputs]) -> Outcome:
    if _MARKET is None:
        raise RuntimeError("worker started without a market snapshot")
    return solve_batch(tasks, _MARKET, _EXPOSURES)


_KEPT: tuple[MarketSnapshot, Exposures] | None = None


def solve_on_cluster(tasks: list[HouseholdInputs], market: MarketSnapshot) -> Outcome:
    """A Dask worker's task: ``solve_batch`` with the fund data kept for as long as the run's market
    snapshot (scattered once per run: the same object for every batch of it) stays the same."""
    from engine.risk.exposure_cache import Exposures

    global _KEPT
    kept = _KEPT
    if kept is None or kept[0] is not market:
        kept = _KEPT = (market, Exposures())
    return solve_batch(tasks, market, kept[1])


def rebalance(
    sc: Scenario,
    market: MarketSnapshot,
    timing: list[float] | None = None,
    fits: set[int] | None = None,
    exposures: Exposures | None = None,
) -> RebalanceResult:
    """``engine.api.rebalance(sc, market)``, with the look-through exposures from fund data read once per
    batch (``exposures``, engine.risk.exposure_cache): the same result (tested). ``timing`` gets the
    optimizer's CPU seconds; ``fits``: universe sizes whose memory check passed already in this batch
    (checked once, not per household)."""
    from engine.io.capacity import check_fits
    from engine.optimize import rebalance as _rebalance
    from engine.risk.exposure_cache import Exposures

    n = len(sc.universe)
    if fits is None or n not in fits:
        check_fits(n)
        if fits is not None:
            fits.add(n)
    cpu = time.process_time()
    r = _rebalance(sc, market)
    if timing is not None:
        timing.append(time.process_time() - cpu)
    return (exposures or Exposures()).attach(r)


def solve_batch(
    tasks: list[HouseholdInputs], market: MarketSnapshot, exposures: Exposures | None = None
) -> Outcome:
    """``exposures``: fund data kept across batches (a local worker's, for its run); else read once for
    this batch (a Dask worker outlives a run)."""
    from engine.api import rebalance_household
    from engine.risk.exposure_cache import Exposures

    rows: list[tuple[Any, ...]] = []
    failed: list[tuple[int, str]] = []
    fits: set[int] = set()
    exposures = exposures or Exposures()
    engine: list[float] = []
    cpu = time.process_time()
    for x in tasks:
        try:
            sc, inputs = batch_scenario(x)
            if sc.household is not None:  # several accounts: trades per account
                e0 = time.process_time()
                hr = rebalance_household(sc, market)
                engine.append(time.process_time() - e0)
                p = NewProposal.of_household(x.household_id, x.policy_id, sc, hr, market)
            else:
                r = rebalance(sc, market, engine, fits, exposures)
                p = NewProposal.of(x.household_id, x.policy_id, sc, r, inputs=inputs)
            rows.append(p.values())
        except CoresatError as exc:
            failed.append((x.household_id, str(exc)))
        except Exception as exc:  # a bug must not stop the other households; it is reported per household
            failed.append((x.household_id, f"unexpected error: {type(exc).__name__}: {exc}"))
    return Outcome(rows, failed, time.process_time() - cpu, sum(engine))
