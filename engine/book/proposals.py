"""Proposals: every rebalance result a household gets, kept for good.

A proposal row holds the inputs (the whole scenario as canonical JSON and its SHA-256), the result
JSON, the market snapshot date and source, a summary for review tables, who and when. It is never
updated: a new computation is a new proposal. Status changes are rows of their own (proposal_events):
draft (no event) → approved with a note | rejected → executed (approved only). The code checks the
transition; the database refuses any UPDATE/DELETE of either table and a second decision.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from engine.book import parts
from engine.book import schema as t
from engine.book.db import BookError
from engine.book.placed import covariance_of, household_result_text
from engine.book.result_text import result_text
from engine.book.store import Book, current_user
from engine.model.scenario import Scenario
from engine.result import RebalanceResult

if TYPE_CHECKING:
    from engine.household_result import HouseholdResult
    from engine.market import MarketSnapshot  # not at import: engine.market loads pandas

Status = t.ProposalStatus


@dataclass(frozen=True)
class Summary:
    """The numbers a review table shows, taken from a result."""

    result_status: str
    trades: int
    turnover: float
    cost: float
    vol_before: float
    vol_after: float
    max_drift: float  # largest |weight - target| over sleeves before trading

    @classmethod
    def of(cls, r: RebalanceResult, account_trades: int | None = None) -> Summary:
        """``account_trades``: a household's count of orders over its accounts (else the net trades)."""
        return cls(
            result_status=r.status.value,
            trades=len(r.trades) if account_trades is None else account_trades,
            turnover=float(r.turnover),
            cost=float(r.total_cost),
            vol_before=float(r.vol_before),
            vol_after=float(r.vol_after),
            max_drift=max((abs(s.drift) for s in r.sleeves), default=0.0),
        )


@dataclass(frozen=True)
class NewProposal:
    """A computed proposal ready to store (what batch workers send back)."""

    household_id: int
    policy_id: int | None
    scenario_hash: str
    inputs: str
    result: str
    market_date: date | None
    market_source: str
    summary: Summary

    @classmethod
    def of(
        cls,
        household_id: int,
        policy_id: int | None,
        sc: Scenario,
        r: RebalanceResult,
        *,
        inputs: str | None = None,
    ) -> NewProposal:
        """``inputs``: ``parts.canonical(sc)`` when the caller has it already (a batch worker)."""
        inputs = parts.canonical(sc) if inputs is None else inputs
        return cls(
            household_id=household_id,
            policy_id=policy_id,
            scenario_hash=parts.scenario_hash(inputs),
            inputs=inputs,
            result=result_text(r),
            market_date=r.assumptions.price_date,
            market_source=r.assumptions.price_source,
            summary=Summary.of(r),
        )

    @classmethod
    def of_household(
        cls,
        household_id: int,
        policy_id: int | None,
        sc: Scenario,
        hr: HouseholdResult,
        market: MarketSnapshot,
    ) -> NewProposal:
        """A household with several accounts: trades per account (engine.api.rebalance_household),
        solved on ``market``; the figures stored are the placed trades' (see household_result_text)."""
        inputs = parts.canonical(sc)
        r = hr.household
        result = household_result_text(hr, covariance_of(r, market))
        doc = json.loads(result)
        summary = dataclasses.replace(
            Summary.of(r, account_trades=len(hr.trades)),
            result_status=hr.status.value,
            turnover=float(doc["turnover"]),
            vol_after=float(doc["vol_after"]),
            cost=float(doc["total_cost"]),
        )
        return cls(
            household_id=household_id,
            policy_id=policy_id,
            scenario_hash=parts.scenario_hash(inputs),
            inputs=inputs,
            result=result,
            market_date=r.assumptions.price_date,
            market_source=r.assumptions.price_source,
            summary=summary,
        )

    def values(self) -> tuple[Any, ...]:
        """The stored columns (``COLUMNS``) as a plain tuple: what a batch worker sends back."""
        s = self.summary
        return (
            self.household_id,
            self.policy_id,
            self.scenario_hash,
            self.inputs,
            self.result,
            s.result_status,
            self.market_date,
            self.market_source,
            s.trades,
            s.turnover,
            s.cost,
            s.vol_before,
            s.vol_after,
            s.max_drift,
        )

    def row(self, who: str, batch_id: int | None) -> dict[str, Any]:
        return _row(self.values(), who, batch_id)


# the columns of NewProposal.values(), in order
COLUMNS = (
    "household_id",
    "policy_id",
    "scenario_hash",
    "inputs",
    "result",
    "result_status",
    "market_date",
    "market_source",
    "trades",
    "turnover",
    "cost",
    "vol_before",
    "vol_after",
    "max_drift",
)


def _row(values: tuple[Any, ...], who: str, batch_id: int | None) -> dict[str, Any]:
    row = dict(zip(COLUMNS, values, strict=True))
    row["batch_id"] = batch_id
    row["created_by"] = who
    return row


@dataclass(frozen=True)
class ProposalRow:
    id: int
    client: str
    household: str
    status: Status
    note: str
    scenario_hash: str
    market_date: date | None
    summary: Summary
    created_by: str
    created_at: datetime
    batch_id: int | None


def add(
    book: Book, proposals: list[NewProposal], *, who: str | None = None, batch_id: int | None = None
) -> list[int]:
    """Store new draft proposals in one transaction; returns their ids."""
    if not proposals:
        return []
    rows = [p.row(who or current_user(), batch_id) for p in proposals]
    with book.begin() as conn:  # one INSERT … RETURNING for many rows (SQLAlchemy's insertmanyvalues)
        res = conn.execute(
            sa.insert(t.proposals).returning(t.proposals.c.id, sort_by_parameter_order=True), rows
        )
        return [int(i) for i in res.scalars()]


def add_to_batch(book: Book, values: list[tuple[Any, ...]], *, who: str, batch_id: int) -> None:
    """Store a batch run's new draft proposals, given as ``NewProposal.values()`` tuples (what batch
    workers send back), in one transaction: one executemany, no ids read back (``batch_ids`` reads
    them, in the order stored, when the run is over)."""
    if values:
        with book.begin() as conn:
            conn.execute(sa.insert(t.proposals), [_row(v, who, batch_id) for v in values])


def batch_ids(book: Book, batch_id: int) -> list[int]:
    """The ids of a batch run's proposals, in the order they were stored."""
    p = t.proposals
    with book.begin() as conn:
        return [
            int(i)
            for i in conn.execute(
                sa.select(p.c.id).where(p.c.batch_id == batch_id).order_by(p.c.id)
            ).scalars()
        ]


def status_of(book: Book, proposal_id: int) -> Status:
    with book.begin() as conn:
        return _status(conn, proposal_id)


def _status(conn: sa.Connection, proposal_id: int) -> Status:
    if conn.execute(sa.select(t.proposals.c.id).where(t.proposals.c.id == proposal_id)).first() is None:
        raise BookError(f"no proposal {proposal_id} in the book (coresat book proposals lists them)")
    events = set(
        conn.execute(
            sa.select(t.proposal_events.c.status).where(t.proposal_events.c.proposal_id == proposal_id)
        ).scalars()
    )
    for s in (Status.EXECUTED, Status.APPROVED, Status.REJECTED):
        if s.value in events:
            return s
    return Status.DRAFT


_ALLOWED = {
    Status.APPROVED: (Status.DRAFT,),
    Status.REJECTED: (Status.DRAFT,),
    Status.EXECUTED: (Status.APPROVED,),
}


def set_status(book: Book, proposal_id: int, status: Status, note: str = "", who: str | None = None) -> None:
    """Record a decision (approve needs a note) or the execution of an approved proposal."""
    if status is Status.DRAFT:
        raise BookError("a proposal cannot go back to draft; compute a new proposal instead")
    if status is Status.APPROVED and not note.strip():
        raise BookError(
            "an approval needs a note (why it is right for the client), e.g. --note 'reviewed with client'"
        )
    with book.begin() as conn:
        now = _status(conn, proposal_id)
        if now not in _ALLOWED[status]:
            allowed = " or ".join(str(s) for s in _ALLOWED[status])
            article = "an" if allowed[0] in "aeiou" else "a"
            raise BookError(
                f"proposal {proposal_id} is {now.value}; only {article} {allowed} proposal can be {status.value}"
            )
        conn.execute(
            sa.insert(t.proposal_events).values(
                proposal_id=proposal_id, status=status.value, note=note.strip(), who=who or current_user()
            )
        )


def listing(
    book: Book,
    *,
    client: str | None = None,
    status: Status | None = None,
    batch_id: int | None = None,
    proposal_id: int | None = None,
    limit: int = 200,
) -> list[ProposalRow]:
    p, h, c, e = t.proposals, t.households, t.clients, t.proposal_events
    q = (
        sa.select(
            p.c.id,
            c.c.name,
            h.c.name.label("household"),
            p.c.scenario_hash,
            p.c.market_date,
            p.c.result_status,
            p.c.trades,
            p.c.turnover,
            p.c.cost,
            p.c.vol_before,
            p.c.vol_after,
            p.c.max_drift,
            p.c.created_by,
            p.c.created_at,
            p.c.batch_id,
        )
        .join(h, h.c.id == p.c.household_id)
        .join(c, c.c.id == h.c.client_id)
        .order_by(p.c.id.desc())
    )
    if client is not None:
        q = q.where(c.c.name == client)
    if batch_id is not None:
        q = q.where(p.c.batch_id == batch_id)
    if proposal_id is not None:
        q = q.where(p.c.id == proposal_id)
    with book.begin() as conn:
        rows = conn.execute(q).all()
        ids = [int(r.id) for r in rows]
        ev: dict[int, dict[str, str]] = {}
        for chunk in range(0, len(ids), 500):
            for pid, st_, note_ in conn.execute(
                sa.select(e.c.proposal_id, e.c.status, e.c.note).where(
                    e.c.proposal_id.in_(ids[chunk : chunk + 500])
                )
            ):
                ev.setdefault(int(pid), {})[st_] = note_
    out = []
    for r in rows:
        events = ev.get(int(r.id), {})
        st = next(
            (s for s in (Status.EXECUTED, Status.APPROVED, Status.REJECTED) if s.value in events),
            Status.DRAFT,
        )
        if status is not None and st is not status:
            continue
        note = events.get(Status.APPROVED.value) or events.get(Status.REJECTED.value) or ""
        summary = Summary(
            r.result_status, r.trades, r.turnover, r.cost, r.vol_before, r.vol_after, r.max_drift
        )
        out.append(
            ProposalRow(
                int(r.id),
                r.name,
                r.household,
                st,
                note,
                r.scenario_hash,
                r.market_date,
                summary,
                r.created_by,
                r.created_at,
                r.batch_id,
            )
        )
        if len(out) >= limit:
            break
    return out


def result_json(book: Book, proposal_id: int) -> str:
    with book.begin() as conn:
        text = conn.execute(sa.select(t.proposals.c.result).where(t.proposals.c.id == proposal_id)).scalar()
    if text is None:
        raise BookError(f"no proposal {proposal_id} in the book")
    return str(text)


def inputs_of(book: Book, proposal_id: int) -> Scenario:
    with book.begin() as conn:
        text = conn.execute(sa.select(t.proposals.c.inputs).where(t.proposals.c.id == proposal_id)).scalar()
    if text is None:
        raise BookError(f"no proposal {proposal_id} in the book")
    return parts.scenario_from_inputs(str(text))
