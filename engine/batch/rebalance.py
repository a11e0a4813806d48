"""Batch rebalancing of the whole client book: plan, run (here, local workers or Dask), store drafts.

report = rebalance_book(Book.open(), Executor(workers=2))
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import sqlalchemy as sa

from engine.batch.plan import Plan, book_market, plan
from engine.batch.run import Cancel, Executor
from engine.book import proposals
from engine.book import schema as t
from engine.book.store import Book, current_user
from engine.market import MarketSnapshot

__all__ = ["BatchReport", "Executor", "Plan", "book_market", "plan", "rebalance_book"]

Progress = Callable[[int, int], None]  # (households done, households in the run)


@dataclass
class BatchReport:
    batch_id: int
    households: int
    proposals: list[int] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)
    seconds: float = 0.0  # the whole run: plan, market, solve, store
    solve_seconds: float = 0.0  # from the first batch sent to the last result stored
    worker_cpu: float = 0.0  # CPU seconds the workers spent on households (all workers together)
    engine_cpu: float = 0.0  # the part of worker_cpu spent in the optimizer's own calls
    cancelled: bool = False


def rebalance_book(
    book: Book,
    executor: Executor | None = None,
    *,
    household_ids: list[int] | None = None,
    market: MarketSnapshot | None = None,
    force_demo: bool = False,
    batch_size: int = 50,
    who: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> BatchReport:
    """Rebalance every household (or ``household_ids``) against its policy; each result is stored as a
    new draft proposal as its batch comes back; failures are stored with the run and reported."""
    start = time.perf_counter()
    executor = executor or Executor()
    who = who or current_user()
    p = plan(list(book.household_inputs(household_ids)), batch_size)
    if market is None:
        market = book_market(p, force_demo=force_demo)
    stream = executor.run(p, market, cancel)  # connects to a cluster now: a failure stores nothing
    with book.begin() as conn:
        key = conn.execute(
            sa.insert(t.batch_runs).values(
                executor=executor.describe(), households=p.households + len(p.failed), created_by=who
            )
        ).inserted_primary_key
        assert key is not None
        batch_id = int(key[0])
    report = BatchReport(batch_id, p.households + len(p.failed))
    _store_failures(book, batch_id, list(p.failed), report)
    done = len(p.failed)
    solve_start = time.perf_counter()
    for out in stream:
        proposals.add_to_batch(book, out.rows, who=who, batch_id=batch_id)
        _store_failures(book, batch_id, out.failed, report)
        done += out.households
        report.worker_cpu += out.cpu
        report.engine_cpu += out.engine_cpu
        if progress is not None:
            progress(done, report.households)
    report.proposals = proposals.batch_ids(book, batch_id)
    report.cancelled = done < report.households
    report.solve_seconds = time.perf_counter() - solve_start
    report.seconds = time.perf_counter() - start
    return report


def _store_failures(book: Book, batch_id: int, failed: list[tuple[int, str]], report: BatchReport) -> None:
    if not failed:
        return
    report.failed += failed
    with book.begin() as conn:
        conn.execute(
            sa.insert(t.batch_failures),
            [{"batch_id": batch_id, "household_id": h, "message": m} for h, m in failed],
        )
