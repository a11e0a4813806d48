"""Proposals: append-only history, status transitions, immutability in code and in the database."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
import sqlalchemy as sa

from engine.api import rebalance
from engine.book import parts
from engine.book import proposals as P
from engine.book import schema as t
from engine.book.db import BookError
from engine.book.store import Book
from tests.engine.book.builders import client_scenario
from tests.helpers import market


@pytest.fixture
def book(book_url: str) -> Book:
    b = Book.open(book_url)
    yield b  # type: ignore[misc]
    b.close()


def _proposal(book: Book, name: str = "Ann") -> tuple[int, P.NewProposal]:
    ids = book.add_household(name, client_scenario(name))
    sc = book.scenario(ids.household_id)
    result = rebalance(sc, market())
    new = P.NewProposal.of(ids.household_id, ids.policy_id, sc, result)
    return P.add(book, [new])[0], new


def test_a_proposal_keeps_inputs_result_and_market_date(book: Book) -> None:
    pid, new = _proposal(book)
    row = P.listing(book)[0]
    assert row.id == pid and row.status is P.Status.DRAFT and row.client == "Ann"
    assert row.market_date == market().as_of
    # the hash is the SHA-256 of the stored inputs, and the inputs rebuild the same scenario
    sc = P.inputs_of(book, pid)
    assert row.scenario_hash == parts.scenario_hash(parts.canonical(sc)) == new.scenario_hash
    assert sc == book.scenario(book.household_id("Ann"))
    stored = json.loads(P.result_json(book, pid))
    result = rebalance(sc, market())
    assert [tr["ticker"] for tr in stored["trades"]] == [tr.ticker for tr in result.trades]
    assert row.summary.trades == len(result.trades)
    assert row.summary.vol_after == pytest.approx(result.vol_after)
    # the summary's max drift is the largest sleeve drift, computed here from the stored rows
    assert row.summary.max_drift == pytest.approx(max(abs(s["drift"]) for s in stored["sleeves"]))


def test_recomputing_makes_a_new_row(book: Book) -> None:
    first, new = _proposal(book)
    second = P.add(book, [new])[0]
    assert second != first
    assert [r.id for r in P.listing(book)] == [second, first]


def test_status_transitions(book: Book) -> None:
    pid, _ = _proposal(book)
    with pytest.raises(BookError, match="needs a note"):
        P.set_status(book, pid, P.Status.APPROVED, "  ")
    P.set_status(book, pid, P.Status.APPROVED, "reviewed with Ann", who="advisor1")
    assert P.status_of(book, pid) is P.Status.APPROVED
    row = P.listing(book, status=P.Status.APPROVED)[0]
    assert row.note == "reviewed with Ann"
    for again in (P.Status.APPROVED, P.Status.REJECTED):
        with pytest.raises(BookError, match="only a draft"):
            P.set_status(book, pid, again, "again")
    with pytest.raises(BookError, match="back to draft"):
        P.set_status(book, pid, P.Status.DRAFT)
    P.set_status(book, pid, P.Status.EXECUTED)
    assert P.status_of(book, pid) is P.Status.EXECUTED
    other, _ = _proposal(book, "Bob")
    with pytest.raises(BookError, match="only an approved proposal can be executed"):
        P.set_status(book, other, P.Status.EXECUTED)
    P.set_status(book, other, P.Status.REJECTED, "client declined")
    assert [r.id for r in P.listing(book, status=P.Status.REJECTED)] == [other]
    assert [r.id for r in P.listing(book, client="Bob")] == [other]
    with pytest.raises(BookError, match="no proposal 999"):
        P.set_status(book, 999, P.Status.REJECTED)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE proposals SET cost = 0",
        "UPDATE proposals SET result = '{}'",
        "DELETE FROM proposals",
        "UPDATE proposal_events SET note = 'changed'",
        "DELETE FROM proposal_events",
        "UPDATE model_policies SET body = ''",
        "DELETE FROM model_policies",
    ],
)
def test_the_database_refuses_to_change_history(book: Book, statement: str) -> None:
    pid, _ = _proposal(book)
    P.set_status(book, pid, P.Status.APPROVED, "ok")
    with pytest.raises(BookError, match="append-only"), book.begin() as conn:
        conn.exec_driver_sql(statement)
    with book.begin() as conn:  # nothing changed
        assert conn.execute(sa.select(sa.func.count()).select_from(t.proposal_events)).scalar() == 1
        cost = conn.execute(sa.select(t.proposals.c.cost)).scalar()
    assert cost == pytest.approx(P.listing(book)[0].summary.cost)
    assert P.status_of(book, pid) is P.Status.APPROVED


def test_the_database_refuses_a_second_decision(book: Book) -> None:
    """Even bypassing the code, a proposal cannot be both approved and rejected."""
    pid, _ = _proposal(book)
    P.set_status(book, pid, P.Status.APPROVED, "ok")
    with pytest.raises(BookError, match="refused"), book.begin() as conn:
        conn.execute(sa.insert(t.proposal_events).values(proposal_id=pid, status="rejected", who="x"))
    with pytest.raises(BookError, match="refused"), book.begin() as conn:
        conn.execute(sa.insert(t.proposal_events).values(proposal_id=pid, status="bogus", who="x"))
    assert P.status_of(book, pid) is P.Status.APPROVED


def _close(a: object, b: object) -> bool:
    """Equal documents, floats equal to 10 decimals (to_dict rounds, the stored JSON does not)."""
    if isinstance(a, float) or isinstance(b, float):
        return (
            isinstance(a, int | float)
            and isinstance(b, int | float)
            and abs(a - b) <= 1e-10 * max(1.0, abs(a))
        )
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def test_stored_result_json_is_the_to_dict_document() -> None:
    from tests.helpers import twelve_asset_scenario

    tight = client_scenario("Tight", vol_cap=0.05)
    infeasible = replace(tight, constraints=replace(tight.constraints, no_sell=frozenset(tight.universe)))
    cases = [client_scenario("A"), twelve_asset_scenario(), infeasible]
    results = [rebalance(sc, market(list(sc.universe))) for sc in cases]
    assert {r.status.value for r in results} >= {"ok", "infeasible"}
    for r in results:
        stored = json.loads(P.result_text(r))
        assert _close(stored, r.to_dict())
        assert stored["status"] == r.status.value and stored["assumptions"]["price_date"] == "2026-11-20"
    assert not _close({"x": 1.0}, {"x": 1.001})  # the comparison can fail
