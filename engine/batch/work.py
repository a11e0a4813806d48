"""What one worker does: rebuild each household's scenario and rebalance it, one batch at a time.

Runs in a worker process (local pool) or on a Dask worker. The market snapshot is sent once per worker
(the pool's initializer, or a scattered Dask future), and the optimizer's compiled problems stay cached
per process between batches (engine.optimize.problem keeps one per problem shape), so batches are
planned shape by shape. A household that fails yields an error outcome; the rest of the batch goes on.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from engine.book.inputs import HouseholdInputs, build_scenario
from engine.book.proposals import NewProposal
from engine.errors import CoresatError
from engine.market import MarketSnapshot
from engine.model.scenario import Scenario
from engine.result import RebalanceResult

if TYPE_CHECKING:
    from engine.batch.exposures import Exposures


@dataclass(frozen=True)
class Outcome:
    household_id: int
    proposal: NewProposal | None
    error: str | None
    seconds: float  # wall time spent on this household in the worker
    cpu: float = 0.0  # CPU time of the worker process for it (load-independent)
    engine_cpu: float = 0.0  # the part of ``cpu`` spent in the optimizer's own call


_MARKET: MarketSnapshot | None = None


def init_worker(market: MarketSnapshot) -> None:
    """Process-pool initializer: keep the book's market snapshot in this worker."""
    global _MARKET
    _MARKET = market


def solve_with_worker_market(tasks: list[HouseholdInputs]) -> list[Outcome]:
    if _MARKET is None:
        raise RuntimeError("worker started without a market snapshot")
    return solve_batch(tasks, _MARKET)


def rebalance(
    sc: Scenario,
    market: MarketSnapshot,
    timing: list[float] | None = None,
    fits: set[int] | None = None,
    exposures: Exposures | None = None,
) -> RebalanceResult:
    """``engine.api.rebalance(sc, market)``, with the look-through exposures from fund data read once per
    batch (``exposures``, engine.batch.exposures): the same result (tested). ``timing`` gets the
    optimizer's CPU seconds; ``fits``: universe sizes whose memory check passed already in this batch
    (checked once, not per household)."""
    from engine.batch.exposures import Exposures
    from engine.io.capacity import check_fits
    from engine.optimize import rebalance as _rebalance

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


def solve_batch(tasks: list[HouseholdInputs], market: MarketSnapshot) -> list[Outcome]:
    from engine.api import rebalance_household

    out = []
    from engine.batch.exposures import Exposures

    fits: set[int] = set()
    exposures = Exposures()
    for x in tasks:
        start, cpu = time.perf_counter(), time.process_time()
        proposal, error = None, None
        engine: list[float] = []
        try:
            sc = build_scenario(x, validate=False)
            if sc.household is not None:  # several accounts: trades per account
                e0 = time.process_time()
                hr = rebalance_household(sc, market)
                engine.append(time.process_time() - e0)
                proposal = NewProposal.of_household(x.household_id, x.policy_id, sc, hr, market)
            else:
                r = rebalance(sc, market, engine, fits, exposures)
                proposal = NewProposal.of(x.household_id, x.policy_id, sc, r)
        except CoresatError as exc:
            error = str(exc)
        except Exception as exc:  # a bug must not stop the other households; it is reported per household
            error = f"unexpected error: {type(exc).__name__}: {exc}"
        out.append(
            Outcome(x.household_id, proposal, error, _since(start), time.process_time() - cpu, sum(engine))
        )
    return out


def _since(start: float) -> float:
    return time.perf_counter() - start
