"""``coresat batch``: rebalance every household in the client book; results become draft proposals.

coresat batch [--book URL] [--workers N | --scheduler tcp://host:8786] [--client NAME ...] [--demo]
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from engine.errors import CoresatError as BookError

if TYPE_CHECKING:
    from engine.book.store import Book, HouseholdRow

MAX_LISTED = 20


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("batch", help="rebalance the whole client book; results are stored as draft proposals")
    p.add_argument("--book", metavar="URL", help="client book: a file path, sqlite:///FILE or postgresql://…")
    p.add_argument(
        "--workers", type=int, help="local worker processes (default: one per CPU core; 0 = this process)"
    )
    p.add_argument("--scheduler", metavar="ADDR", help="run on a Dask cluster, e.g. tcp://host:8786")
    p.add_argument("--client", action="append", help="only this client (repeatable)")
    p.add_argument("--batch-size", type=int, default=50, help="households per task (default 50)")
    p.add_argument("--demo", action="store_true", help="use the bundled simulated demo data")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")


def run(args: argparse.Namespace) -> int:
    from engine.batch.rebalance import Executor, rebalance_book
    from engine.batch.run import default_workers
    from engine.book.store import Book

    if args.scheduler and args.workers is not None:
        raise BookError("give --workers (local processes) or --scheduler (a Dask cluster), not both")
    if args.workers is not None and args.workers < 0:
        raise BookError("--workers must be 0 (this process) or more")
    if args.batch_size < 1:
        raise BookError("--batch-size must be 1 or more")
    executor = Executor(
        workers=default_workers() if args.workers is None else args.workers, scheduler=args.scheduler
    )
    book = Book.open(args.book, create=False)
    try:
        ids = None
        if args.client:
            ids = [h.id for c in args.client for h in _households(book, c)]
        last = [-1]

        def progress(done: int, total: int) -> None:
            pct = int(100 * done / max(total, 1))
            if not args.quiet and pct != last[0]:
                last[0] = pct
                print(f"\r  {done}/{total} households", end="", file=sys.stderr, flush=True)

        report = rebalance_book(
            book,
            executor,
            household_ids=ids,
            force_demo=args.demo,
            batch_size=args.batch_size,
            progress=progress,
        )
        if not args.quiet:
            print(file=sys.stderr)
    finally:
        book.close()
    n_ok = len(report.proposals)
    print(
        f"batch {report.batch_id}: {report.households} households, {n_ok} draft proposals, "
        f"{len(report.failed)} failed, {report.seconds:.1f} s on {executor.describe()}"
    )
    for hid, why in report.failed[:MAX_LISTED]:
        print(f"  household {hid}: {why}")
    if len(report.failed) > MAX_LISTED:
        print(
            f"  … and {len(report.failed) - MAX_LISTED} more (coresat book proposals --batch {report.batch_id})"
        )
    if n_ok:
        print(f"review: coresat book proposals --batch {report.batch_id}")
    return 0 if not report.failed else 1


def _households(book: Book, client: str) -> list[HouseholdRow]:
    rows = book.households(client)
    if not rows:
        raise BookError(f"no client named {client!r} in the book (coresat book list shows them)")
    return list(rows)
