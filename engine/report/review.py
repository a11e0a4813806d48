"""The rows of a book review table: one per household of a batch run (its draft proposal, or why it
failed), read from the client book. Qt-free; the GUI's review window and its tests use it.

``batch_rows(book, batch_id, after=Cursor())`` returns the rows stored since ``after`` and a new cursor,
so a window can stream a run's results in while the run is still going.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from engine.book import proposals
from engine.book import schema as t
from engine.book.db import BookError
from engine.book.store import Book

FAILED = "failed"  # the review status of a household whose run failed (no proposal)


@dataclass(frozen=True)
class ReviewRow:
    household_id: int
    client: str
    household: str
    status: str  # draft | approved | rejected | executed | failed
    proposal_id: int | None = None
    result_status: str = ""  # ok | no_trades_needed | infeasible ("" when failed)
    drift: float | None = None  # largest |sleeve weight - target| before trading (fraction)
    trades: int | None = None
    cost: float | None = None  # estimated trading cost, money
    vol_before: float | None = None  # annualized, fraction
    vol_after: float | None = None
    note: str = ""  # the approval / rejection note
    problems: str = ""  # why it failed, why nothing fits, or what the result warns about
    accounts: tuple[tuple[str, int], ...] = ()  # a household's accounts: (name, orders), in account order

    @property
    def needs_action(self) -> bool:
        """A failed household, an infeasible proposal, or a draft with trades to decide on."""
        if self.status == FAILED or self.result_status == "infeasible":
            return True
        return self.status == proposals.Status.DRAFT.value and bool(self.trades)


@dataclass(frozen=True)
class Cursor:
    """What a reader has already seen of a batch: the last proposal id and the last failure id."""

    proposal: int = 0
    failure: int = 0


def latest_batch_id(book: Book) -> int | None:
    with book.begin() as conn:
        v = conn.execute(sa.select(sa.func.max(t.batch_runs.c.id))).scalar()
    return None if v is None else int(v)


def batch_after(book: Book, batch_id: int | None, who: str) -> int | None:
    """The first batch run newer than ``batch_id`` started by ``who`` (the run a caller just began)."""
    q = sa.select(sa.func.min(t.batch_runs.c.id)).where(t.batch_runs.c.created_by == who)
    if batch_id is not None:
        q = q.where(t.batch_runs.c.id > batch_id)
    with book.begin() as conn:
        v = conn.execute(q).scalar()
    return None if v is None else int(v)


def problems_of(result: dict[str, Any]) -> str:
    """One line: why nothing fits (infeasible), else the result's own warnings, then (households)
    trades no account could take and what the per-account check found."""
    inf = result.get("infeasibility")
    if inf:
        return str(inf.get("message", "")).strip() or "the limits cannot all be met"
    lines = [str(m) for m in result.get("messages", [])]
    lines += [f"{u['ticker']}: {u['reason']}" for u in result.get("unplaced", [])]
    lines += [str(m) for m in result.get("check_problems", [])]
    return " · ".join(lines)


def accounts_of(result: dict[str, Any]) -> tuple[tuple[str, int], ...]:
    """A household's accounts and how many orders each gets (empty for a one-account proposal)."""
    return tuple(
        (str(a.get("name") or a.get("id")), sum(1 for tr in a.get("trades", []) if float(tr["shares"]) > 0))
        for a in result.get("accounts", [])
    )


def batch_rows(book: Book, batch_id: int, after: Cursor = Cursor()) -> tuple[list[ReviewRow], Cursor]:
    """Rows of ``batch_id`` stored after ``after`` (proposals first, then failures, each by id); reads
    only the new rows, so streaming a run of n households costs O(n) in all."""
    p, h, c, f, e = t.proposals, t.households, t.clients, t.batch_failures, t.proposal_events
    with book.begin() as conn:
        prows = conn.execute(
            sa.select(
                p.c.id,
                p.c.household_id,
                p.c.result,
                p.c.result_status,
                p.c.trades,
                p.c.cost,
                p.c.vol_before,
                p.c.vol_after,
                p.c.max_drift,
                c.c.name,
                h.c.name.label("household"),
            )
            .join(h, h.c.id == p.c.household_id)
            .join(c, c.c.id == h.c.client_id)
            .where(p.c.batch_id == batch_id, p.c.id > after.proposal)
            .order_by(p.c.id)
        ).all()
        events: dict[int, dict[str, str]] = {}
        if prows:
            lo, hi = int(prows[0].id), int(prows[-1].id)
            for pid, st, note in conn.execute(
                sa.select(e.c.proposal_id, e.c.status, e.c.note).where(
                    e.c.proposal_id >= lo, e.c.proposal_id <= hi
                )
            ):
                events.setdefault(int(pid), {})[str(st)] = str(note)
        frows = conn.execute(
            sa.select(f.c.id, f.c.household_id, f.c.message, c.c.name, h.c.name.label("household"))
            .join(h, h.c.id == f.c.household_id)
            .join(c, c.c.id == h.c.client_id)
            .where(f.c.batch_id == batch_id, f.c.id > after.failure)
            .order_by(f.c.id)
        ).all()
    out = [
        ReviewRow(
            household_id=int(r.household_id),
            client=r.name,
            household=r.household,
            status=_status(events.get(int(r.id), {})),
            proposal_id=int(r.id),
            result_status=str(r.result_status),
            drift=float(r.max_drift),
            trades=int(r.trades),
            cost=float(r.cost),
            vol_before=float(r.vol_before),
            vol_after=float(r.vol_after),
            note=_note(events.get(int(r.id), {})),
            problems=problems_of(doc),
            accounts=accounts_of(doc),
        )
        for r in prows
        for doc in (json.loads(r.result),)
    ]
    out += [
        ReviewRow(int(r.household_id), r.name, r.household, FAILED, problems=str(r.message)) for r in frows
    ]
    cursor = Cursor(
        max([after.proposal, *(int(r.id) for r in prows)]), max([after.failure, *(int(r.id) for r in frows)])
    )
    return out, cursor


def _status(events: dict[str, str]) -> str:
    for s in (proposals.Status.EXECUTED, proposals.Status.APPROVED, proposals.Status.REJECTED):
        if s.value in events:
            return s.value
    return proposals.Status.DRAFT.value


def _note(events: dict[str, str]) -> str:
    return events.get(proposals.Status.APPROVED.value) or events.get(proposals.Status.REJECTED.value) or ""


def proposal_row(book: Book, proposal_id: int, household_id: int) -> ReviewRow:
    """The review row of one proposal as it is now (after an approval or a rejection)."""
    rows = proposals.listing(book, proposal_id=proposal_id)
    if not rows:
        raise BookError(f"no proposal {proposal_id} in the book")
    doc = json.loads(proposals.result_json(book, proposal_id))
    return _from_listing(rows[0], household_id, problems_of(doc), accounts_of(doc))


def _from_listing(
    row: proposals.ProposalRow, household_id: int, problems: str, accounts: tuple[tuple[str, int], ...]
) -> ReviewRow:
    s = row.summary
    return ReviewRow(
        household_id=household_id,
        client=row.client,
        household=row.household,
        status=row.status.value,
        proposal_id=row.id,
        result_status=s.result_status,
        drift=s.max_drift,
        trades=s.trades,
        cost=s.cost,
        vol_before=s.vol_before,
        vol_after=s.vol_after,
        note=row.note,
        problems=problems,
        accounts=accounts,
    )
