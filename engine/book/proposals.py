"""Proposals: every rebalance result a household gets, kept for good.

A proposal row holds the inputs (the whole scenario as canonical JSON and its SHA-256), the result
JSON, the market snapshot date and source, a summary for review tables, who and when. It is never
updated: a new computation is a new proposal. Status changes are rows of their own (proposal_events):
draft (no event) → approved with a note | rejected → executed (approved only). The code checks the
transition; the database refuses any UPDATE/DELETE of either table and a second decision.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from engine.book import parts
from engine.book import schema as t
from engine.book.db import BookError
from engine.book.store import Book, current_user
from engine.model.scenario import Scenario
from engine.result import RebalanceResult

if TYPE_CHECKING:
    from engine.household_result import HouseholdResult

Status = t.ProposalStatus


def result_text(r: RebalanceResult) -> str:
    """The result as compact JSON: the document of ``r.to_dict()`` but with floats at full precision
    (to_dict rounds them to 10 decimals for reading), written in one pass by the C JSON encoder,
    several times faster, which counts when a batch stores ten thousand results. Tested against
    ``to_dict``."""
    return json.dumps(r, default=_encode, separators=(",", ":"))


def household_result_text(hr: HouseholdResult) -> str:
    """A household's result as stored: the household as one portfolio (the document of
    :func:`result_text`: net trades per ticker, sleeves, assets, limits) plus, under ``accounts``, each
    account's own trades and cash (``AccountRow``), the placement's ``unplaced``, ``placement_notes`` and
    ``check_problems``. Whole shares placed per account can differ from the net optimum by a share, so
    what will really happen (cash, volatility and cost after the account trades) replaces the net figures
    at the top level, and in the assets' shares and weights after and the sleeves' weights after; the net
    optimum's own are kept as ``net_status``, ``net_cash_after``, ``net_vol_after``, ``net_total_cost`` and
    ``net_shares_after`` / ``net_weight_after`` in each row. Tracking error, turnover and risk
    contributions stay the net optimum's."""
    doc = json.loads(result_text(hr.household))
    placed = [tr for a in hr.accounts for tr in a.trades]
    doc["net_cash_after"], doc["net_vol_after"] = doc.get("cash_after"), doc.get("vol_after")
    doc["net_total_cost"] = doc.get("total_cost")
    doc["cash_after"] = hr.cash_after
    doc["vol_after"] = hr.vol_after
    doc["total_cost"] = sum(tr.cost for tr in placed)
    doc["weights_after"] = hr.weights_after
    held = {tk: sum(a.shares_after.get(tk, 0.0) for a in hr.accounts) for tk in hr.weights_after}
    for row in doc.get("assets", []):  # shares and weights after the placed trades
        tk = row["ticker"]
        row["net_shares_after"], row["net_weight_after"] = row["shares_after"], row["weight_after"]
        row["shares_after"] = held.get(tk, row["shares_after"])
        row["weight_after"] = hr.weights_after.get(tk, row["weight_after"])
    for sl in doc.get("sleeves", []):
        sl["net_weight_after"] = sl["weight_after"]
        sl["weight_after"] = sum(
            r["weight_after"] for r in doc.get("assets", []) if r["sleeve"] == sl["name"]
        )
    doc["accounts"] = hr.accounts
    doc["unplaced"] = hr.unplaced
    doc["placement_notes"] = hr.placement_notes
    doc["check_problems"] = hr.check_problems
    # taxes of the placed sales (lot by lot), with the rates and their year
    doc["realized_gain"] = hr.realized_gain
    doc["tax_estimate"] = hr.tax_estimate
    doc["tax_year"] = hr.tax_year
    doc["short_term_rate"], doc["long_term_rate"] = hr.short_term_rate, hr.long_term_rate
    doc["lot_method"] = hr.lot_method
    doc["net_status"], doc["status"] = doc.get("status"), hr.status  # the placed trades' status
    return json.dumps(doc, default=_encode, separators=(",", ":"))


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _encode(obj: Any) -> Any:
    plain = getattr(obj, "json_value", None)  # messages, limit ids, bindings: their own JSON form
    if plain is not None:
        return plain()
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {k: getattr(obj, k) for k in _field_names(type(obj))}
    if isinstance(obj, date):
        return obj.isoformat()
    if hasattr(obj, "item"):  # numpy scalars
        return obj.item()
    raise TypeError(f"cannot store {type(obj).__name__} in a result")


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
    def of(cls, household_id: int, policy_id: int | None, sc: Scenario, r: RebalanceResult) -> NewProposal:
        inputs = parts.canonical(sc)
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
        cls, household_id: int, policy_id: int | None, sc: Scenario, hr: HouseholdResult
    ) -> NewProposal:
        """A household with several accounts: trades per account (engine.api.rebalance_household)."""
        inputs = parts.canonical(sc)
        r = hr.household
        summary = dataclasses.replace(  # what the account trades do (see household_result_text)
            Summary.of(r, account_trades=len(hr.trades)),
            result_status=hr.status.value,
            vol_after=float(hr.vol_after),
            cost=float(sum(tr.cost for tr in hr.trades)),
        )
        return cls(
            household_id=household_id,
            policy_id=policy_id,
            scenario_hash=parts.scenario_hash(inputs),
            inputs=inputs,
            result=household_result_text(hr),
            market_date=r.assumptions.price_date,
            market_source=r.assumptions.price_source,
            summary=summary,
        )

    def row(self, who: str, batch_id: int | None) -> dict[str, Any]:
        s = self.summary
        return {
            "household_id": self.household_id,
            "policy_id": self.policy_id,
            "batch_id": batch_id,
            "scenario_hash": self.scenario_hash,
            "inputs": self.inputs,
            "result": self.result,
            "result_status": s.result_status,
            "market_date": self.market_date,
            "market_source": self.market_source,
            "trades": s.trades,
            "turnover": s.turnover,
            "cost": s.cost,
            "vol_before": s.vol_before,
            "vol_after": s.vol_after,
            "max_drift": s.max_drift,
            "created_by": who,
        }


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
