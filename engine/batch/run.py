"""Running a plan: in this process, on local worker processes, or on a Dask distributed cluster.

Every executor yields each batch's ``Outcome`` as soon as that batch finishes (``as_completed``), so the
caller stores and reports progress while the rest is still being solved. A household that fails is listed
in its batch's failures; a batch whose worker dies is reported as failed for each of its households;
neither stops the run. ``cancel()`` returning True stops handing out batches (finished ones are kept).
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, cast

from engine.batch.plan import Plan
from engine.batch.work import Outcome, init_worker, solve_batch, solve_on_cluster, solve_with_worker_market
from engine.book.db import BookError
from engine.book.inputs import HouseholdInputs
from engine.market import MarketSnapshot

Cancel = Callable[[], bool]
# what a worker imports to solve: loaded before the workers start (fork: in this process; fork server: there)
PRELOAD = ("engine.batch.work", "engine.api", "engine.optimize", "engine.risk.exposure_cache")


@dataclass
class Executor:
    """Where a run goes: ``workers`` local processes (0 = in this process) or a Dask ``scheduler``."""

    workers: int = 0
    scheduler: str | Any | None = None  # "tcp://host:8786" or a distributed.Client
    connect_timeout: float = 10.0
    timings: dict[str, float] = field(default_factory=dict)

    def describe(self) -> str:
        if self.scheduler is not None:
            addr = (
                self.scheduler
                if isinstance(self.scheduler, str)
                else getattr(self.scheduler, "scheduler", "")
            )
            return f"dask {getattr(addr, 'address', addr)}"
        return "this process" if self.workers == 0 else f"{self.workers} local worker processes"

    def run(self, plan: Plan, market: MarketSnapshot, cancel: Cancel | None = None) -> Iterator[Outcome]:
        if self.scheduler is not None:
            return run_dask(plan, market, self.scheduler, cancel=cancel, timeout=self.connect_timeout)
        if self.workers == 0:
            return run_inline(plan, market, cancel=cancel)
        return run_local(plan, market, self.workers, cancel=cancel)


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def run_inline(plan: Plan, market: MarketSnapshot, cancel: Cancel | None = None) -> Iterator[Outcome]:
    from engine.risk.exposure_cache import Exposures

    exposures = Exposures()  # the fund data, read once for the run
    for batch in plan.batches:
        if cancel is not None and cancel():
            return
        yield solve_batch(list(batch), market, exposures)


def _context() -> multiprocessing.context.BaseContext:
    """fork when this process runs a single thread (instant, nothing to re-import); otherwise (a GUI, a
    Dask client's threads) a fork server that has imported the engine once, so workers still start
    without re-importing cvxpy; spawn where neither exists (Windows)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform.startswith("linux") and threading.active_count() == 1:
        for name in PRELOAD:  # imported once here, not again in every worker (0.7 s of CPU each)
            importlib.import_module(name)
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(list(PRELOAD))
        return ctx
    return multiprocessing.get_context("spawn")


def _failed(batch: tuple[HouseholdInputs, ...], why: str) -> Outcome:
    return Outcome([], [(x.household_id, why) for x in batch])


def run_local(
    plan: Plan, market: MarketSnapshot, workers: int, cancel: Cancel | None = None
) -> Iterator[Outcome]:
    """Worker processes, each holding the market snapshot and its own compiled problems.

    A worker that dies (killed, out of memory, a crash in native code) breaks the whole pool: a new
    pool takes over, and the batches that were in flight are sent again one at a time ("suspects"),
    so that the one that kills a worker on its own is reported as failed and every other batch runs."""
    if workers < 1:
        raise BookError("--workers must be 1 or more (0 runs in this process)")
    todo: list[tuple[tuple[HouseholdInputs, ...], bool]] = [(b, False) for b in plan.batches]
    pending: dict[Future[Outcome], tuple[tuple[HouseholdInputs, ...], bool]] = {}

    def pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers, mp_context=_context(), initializer=init_worker, initargs=(market,)
        )

    def may_submit() -> bool:
        if not todo or (cancel is not None and cancel()) or any(s for _, s in pending.values()):
            return False
        # a suspect runs alone; otherwise a few batches per worker in flight (busy, yet quick to cancel)
        return not pending if todo[0][1] else len(pending) < 4 * workers

    ex = pool()
    try:
        while todo or pending:
            while may_submit():
                b, suspect = todo.pop(0)
                pending[ex.submit(solve_with_worker_market, list(b))] = (b, suspect)
            if not pending:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for fut in done:
                batch, suspect = pending.pop(fut)
                try:
                    yield fut.result()
                except BrokenProcessPool:
                    broken = True
                    if suspect:
                        yield _failed(batch, "a worker process died while solving this batch")
                    else:
                        todo.insert(0, (batch, True))
                except Exception as exc:
                    yield _failed(batch, f"worker failed: {type(exc).__name__}: {exc}")
            if broken:
                todo[:0] = [(batch, True) for batch, _ in pending.values()]
                pending.clear()
                ex.shutdown(wait=True, cancel_futures=True)
                ex = pool()
            if cancel is not None and cancel():
                todo.clear()
    finally:
        ex.shutdown(wait=True, cancel_futures=True)


def run_dask(
    plan: Plan,
    market: MarketSnapshot,
    scheduler: str | Any,
    cancel: Cancel | None = None,
    timeout: float = 10.0,
) -> Iterator[Outcome]:
    """The same batches on a Dask distributed cluster (workers need Coresat installed). Connects at
    once (an unreachable scheduler is a BookError before anything is stored), then streams."""
    try:
        import distributed
    except ImportError:
        raise BookError(
            "a Dask cluster needs the distributed package: pip install 'dask[distributed]'"
        ) from None
    own = isinstance(scheduler, str)
    client: Any = scheduler
    if own:
        try:
            client = cast(Any, distributed.Client)(scheduler, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise BookError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    return _dask_stream(client, own, distributed.as_completed, plan, market, cancel)


def _dask_stream(
    client: Any, own: bool, as_completed: Any, plan: Plan, market: MarketSnapshot, cancel: Cancel | None
) -> Iterator[Outcome]:
    try:
        with client.as_current():
            market_f = client.scatter(market, broadcast=True, hash=False)
            run = f"{time.time_ns()}"
            futures = {
                client.submit(
                    solve_on_cluster, list(b), market_f, pure=False, key=f"coresat-batch-{run}-{i}"
                ): b
                for i, b in enumerate(plan.batches)
            }
            for fut in as_completed(list(futures)):
                batch = futures[fut]
                try:
                    yield fut.result()
                except Exception as exc:
                    yield _failed(batch, f"dask task failed: {type(exc).__name__}: {exc}")
                finally:
                    fut.release()
                if cancel is not None and cancel():
                    client.cancel([f for f in futures if not f.done()])
                    return
    finally:
        if own:
            client.close()
