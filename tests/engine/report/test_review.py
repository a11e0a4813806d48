"""Review rows of a batch run, streamed with a cursor: each household once, numbers from the stored
results (recomputed here from the result JSON, not taken from the summary columns)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from engine.batch.rebalance import Executor, rebalance_book
from engine.book import proposals as P
from engine.book.store import Book
from engine.model.scenario import Mode
from engine.report.review import FAILED, Cursor, batch_after, batch_rows, latest_batch_id, proposal_row
from tests.engine.book.builders import client_scenario, with_inline_market
from tests.engine.book.conftest import _no_network, book_url  # noqa: F401  (fixtures: both backends)


def filled(url: str) -> Book:
    book = Book.open(url)
    book.add_household("Smith", with_inline_market(client_scenario("Smith", iwm=300.0)))
    book.add_household("Jones", with_inline_market(client_scenario("Jones", iwm=100.0)))
    # VBR may not be sold and alone is more volatile than 0.1 %: nothing fits
    book.add_household("Stuck", with_inline_market(client_scenario("Stuck", vol_cap=0.001)))
    twice = with_inline_market(client_scenario("Twice"))
    book.add_household("Twice", twice)
    # a second account that may only buy while the first trades fully: one household cannot be both
    buy_only = replace(twice, constraints=replace(twice.constraints, mode=Mode.BUY_ONLY))
    book.add_household("Twice", buy_only, account="Second account")
    return book


def test_rows_stream_once_each_with_the_results_numbers(book_url: str) -> None:  # noqa: F811
    book = filled(book_url)
    assert latest_batch_id(book) is None
    seen: list = []  # type: ignore[type-arg]
    cursor = Cursor()
    state: dict = {}  # type: ignore[type-arg]

    def progress(done: int, total: int) -> None:
        nonlocal cursor
        state.setdefault("bid", batch_after(book, None, "tester"))
        rows, cursor = batch_rows(book, state["bid"], cursor)
        seen.extend(rows)

    report = rebalance_book(book, Executor(workers=0), who="tester", progress=progress, batch_size=1)
    rest, cursor = batch_rows(book, report.batch_id, cursor)
    seen += rest
    assert state["bid"] == report.batch_id == latest_batch_id(book)
    assert sorted(r.client for r in seen) == ["Jones", "Smith", "Stuck", "Twice"]  # each exactly once
    assert batch_rows(book, report.batch_id, cursor)[0] == []
    by = {r.client: r for r in seen}
    assert (
        by["Twice"].status == FAILED
        and "different modes" in by["Twice"].problems
        and by["Twice"].needs_action
    )
    stuck = by["Stuck"]
    assert stuck.result_status == "infeasible" and stuck.needs_action and stuck.problems
    for name in ("Smith", "Jones"):
        r = by[name]
        assert r.proposal_id is not None
        doc = json.loads(P.result_json(book, r.proposal_id))
        assert r.trades == len(doc["trades"])
        assert r.cost == pytest.approx(sum(t["cost"] for t in doc["trades"]))
        assert r.vol_before == pytest.approx(doc["vol_before"]) and r.vol_after == pytest.approx(
            doc["vol_after"]
        )
        assert r.drift == pytest.approx(
            max(abs(s["weight_before"] - s["weight_target"]) for s in doc["sleeves"])
        )
        assert r.status == "draft" and r.needs_action == (r.trades > 0)


def test_a_decision_shows_in_the_row_and_ends_the_need_for_action(book_url: str) -> None:  # noqa: F811
    book = filled(book_url)
    report = rebalance_book(book, Executor(workers=0))
    rows, _ = batch_rows(book, report.batch_id)
    smith = next(r for r in rows if r.client == "Smith")
    assert smith.needs_action and smith.proposal_id is not None
    P.set_status(book, smith.proposal_id, P.Status.APPROVED, "reviewed with client")
    now = proposal_row(book, smith.proposal_id, smith.household_id)
    assert now.status == "approved" and now.note == "reviewed with client" and not now.needs_action
    again = {r.client: r for r in batch_rows(book, report.batch_id)[0]}
    assert again["Smith"].status == "approved" and again["Jones"].status == "draft"
