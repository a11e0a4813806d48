"""What the book window asks of the engine. Every function runs on a worker thread (gui.runner) and never
touches Qt; streamed rows go out through the ``emit`` callable the window hands in (a signal emit)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine.book.store import Book, current_user
from engine.report.review import Cursor, ReviewRow

Emit = Callable[[list[ReviewRow]], None]


@dataclass(frozen=True)
class Opened:
    url: str
    where: str
    households: int
    batch_id: int | None
    rows: list[ReviewRow] = field(default_factory=list)


@dataclass(frozen=True)
class RunDone:
    batch_id: int
    households: int
    proposals: int
    failed: int
    seconds: float
    cancelled: bool
    executor: str


def open_book(url: str, *, create: bool) -> Opened:
    """Open (or create) the book, and read the rows of its latest batch run."""
    from engine.report.review import batch_rows, latest_batch_id

    book = Book.open(url, create=create)
    try:
        bid = latest_batch_id(book)
        rows = batch_rows(book, bid)[0] if bid is not None else []
        return Opened(url, book.where, len(book.households()), bid, rows)
    finally:
        book.close()


def rebalance_all(
    url: str,
    emit: Emit,
    *,
    executor: Any = None,
    force_demo: bool = False,
    batch_size: int = 50,
    progress: Callable[[str, float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RunDone:
    """Run the batch for every household; after each finished batch, emit the rows stored since."""
    from engine.batch.rebalance import Executor, rebalance_book
    from engine.batch.run import default_workers
    from engine.report.review import batch_after, batch_rows, latest_batch_id

    ex = executor if executor is not None else Executor(workers=default_workers())
    who = current_user()
    book = Book.open(url, create=False)
    try:
        before = latest_batch_id(book)
        state: dict[str, Any] = {"bid": None, "cursor": Cursor()}

        def pull(batch_id: int | None) -> None:
            if batch_id is None:
                return
            rows, state["cursor"] = batch_rows(book, batch_id, state["cursor"])
            if rows:
                emit(rows)

        def on_progress(done: int, total: int) -> None:
            if state["bid"] is None:
                state["bid"] = batch_after(book, before, who)
            pull(state["bid"])
            if progress is not None:
                progress(f"{done} / {total}", done / max(total, 1))

        report = rebalance_book(
            book,
            ex,
            force_demo=force_demo,
            batch_size=batch_size,
            who=who,
            progress=on_progress,
            cancel=cancelled,
        )
        if state["bid"] not in (None, report.batch_id):  # another run by the same user slipped in
            state["cursor"] = Cursor()
        pull(report.batch_id)
        return RunDone(
            report.batch_id,
            report.households,
            len(report.proposals),
            len(report.failed),
            report.seconds,
            report.cancelled,
            ex.describe(),
        )
    finally:
        book.close()


def decide(url: str, proposal_id: int, household_id: int, approve: bool, note: str) -> ReviewRow:
    """Approve (with a note) or reject a proposal; returns its row as it is now."""
    from engine.book import proposals
    from engine.report.review import proposal_row

    book = Book.open(url, create=False)
    try:
        status = proposals.Status.APPROVED if approve else proposals.Status.REJECTED
        proposals.set_status(book, proposal_id, status, note)
        return proposal_row(book, proposal_id, household_id)
    finally:
        book.close()


def proposal_documents(url: str, proposal_ids: list[int]) -> list[tuple[str, dict[str, Any]]]:
    """(label, stored result) of each proposal, for a comparison."""
    from engine.report.proposal import load

    book = Book.open(url, create=False)
    try:
        out = []
        for pid in proposal_ids:
            r = load(book, pid)
            out.append((f"#{pid} {r.client}", r.result))
        return out
    finally:
        book.close()


def scenario_document(path: str | Path, *, force_demo: bool = False) -> tuple[str, dict[str, Any]]:
    """Solve a scenario file for a comparison: (its name, the result document)."""
    from engine import api
    from engine.model import scenario_file

    sc = scenario_file.load(path)
    result = api.rebalance(sc, api.resolve_market(sc, force_demo=force_demo))
    return sc.name or Path(path).stem, result.to_dict()
