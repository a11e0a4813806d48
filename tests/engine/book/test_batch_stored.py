"""What a batch run stores is what a one-by-one loop over the public API gives, household by household:
the inputs (the scenario's file document, keys sorted, and its SHA-256), the result (the ``to_dict``
document of ``engine.api.rebalance``), the summary columns (recomputed here from that result) and the
market's date and source — on varied households (three tree shapes, overrides, notes, own prices,
account limits, infeasible ones), in this process, on local worker processes and on a local Dask
cluster, on both databases."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
import sqlalchemy as sa

from engine.api import rebalance
from engine.batch.rebalance import Executor, rebalance_book
from engine.book import schema as t
from engine.book.store import Book
from engine.model import scenario_file
from engine.model.scenario import Holding
from engine.result import RebalanceResult, Status
from tests.engine.book.test_batch import dask_cluster  # noqa: F401  (the fixture)
from tests.engine.book.test_batch_worker import _households, _shapes
from tests.engine.book.test_proposals import _close
from tests.helpers import TWELVE, market

N = 18


@pytest.fixture
def book(book_url: str) -> Iterator[Book]:
    b = Book.open(book_url)
    for i, sc in enumerate(_shapes()):
        b.save_policy_from_scenario(f"P{i}", sc)
    for k, sc in enumerate(_households(N)):
        c, port = sc.constraints, sc.portfolio
        if k % 4 == 2:  # the account's own limits
            c = replace(c, cash_flow=1_500.0, no_sell=frozenset({"IWM"}), min_cash=250.0)
        if k % 5 == 3:  # the user's own price for a holding
            port = replace(port, holdings=(replace(port.holdings[0], price=99.5), *port.holdings[1:]))
        if k == 7:  # a ticker the market has no data for: fails alone
            port = replace(port, holdings=(*port.holdings, Holding("ZZZZ", 3.0)))
        notes = f"notes of H{k}" if k % 2 else ""
        hid = b.add_household(
            f"C{k}", replace(sc, constraints=c, portfolio=port, notes=notes), policy=f"P{k % 3}"
        ).household_id
        if k % 7 == 3:  # a cap no mix of these funds can meet
            b.follow_policy(hid, f"P{k % 3}", "[constraints]\nvol_cap_pct = 1\n")
        elif k % 6 == 1:
            b.follow_policy(hid, f"P{k % 3}", "[constraints]\nvol_cap_pct = 17\n")
    yield b
    b.close()


def _summary(r: RebalanceResult) -> tuple[Any, ...]:
    """The review columns, from the result's own fields."""
    drift = max((abs(s.drift) for s in r.sleeves), default=0.0)
    return (r.status.value, len(r.trades), r.turnover, r.total_cost, r.vol_before, r.vol_after, drift)


def _stored(book: Book, batch_id: int) -> dict[int, Any]:
    p = t.proposals
    cols = (
        p.c.result_status,
        p.c.trades,
        p.c.turnover,
        p.c.cost,
        p.c.vol_before,
        p.c.vol_after,
        p.c.max_drift,
    )
    q = sa.select(
        p.c.id,
        p.c.household_id,
        p.c.scenario_hash,
        p.c.inputs,
        p.c.result,
        p.c.market_date,
        p.c.market_source,
        *cols,
    ).where(p.c.batch_id == batch_id)
    with book.begin() as conn:
        return {int(r.household_id): r for r in conn.execute(q)}


@pytest.mark.parametrize("where", ["this process", "2 local workers", "dask"])
def test_stored_proposals_are_the_one_by_one_api_results(
    book: Book, where: str, request: pytest.FixtureRequest
) -> None:
    m = market(list(TWELVE))
    executor = {"this process": Executor(workers=0), "2 local workers": Executor(workers=2)}.get(where)
    if executor is None:
        executor = Executor(scheduler=request.getfixturevalue("dask_cluster"))
    report = rebalance_book(book, executor, market=m, batch_size=4)
    stored = _stored(book, report.batch_id)
    failing = book.household_id("C7")
    assert [h for h, _ in report.failed] == [failing] and "ZZZZ" in report.failed[0][1]
    assert sorted(report.proposals) == sorted(int(r.id) for r in stored.values())
    assert set(stored) == {h.id for h in book.households()} - {failing}
    statuses, trades = set(), 0
    for hid, row in stored.items():
        sc = book.scenario(hid)  # the public API: policy + overrides + account, validated
        r = rebalance(sc, m)
        statuses.add(r.status)
        trades += len(r.trades)
        # inputs: the scenario's file document with sorted keys, no spaces; its SHA-256
        doc = scenario_file.to_dict(sc)
        assert json.loads(row.inputs) == json.loads(json.dumps(doc, default=str)), hid
        assert row.inputs == json.dumps(doc, sort_keys=True, separators=(",", ":"))
        assert row.scenario_hash == hashlib.sha256(row.inputs.encode()).hexdigest()
        # result: the API result's document (to_dict rounds floats to 10 decimals; the book keeps them whole)
        got = json.loads(row.result)
        want = r.to_dict()
        for d in (got, want):
            d.pop("solve_seconds")
        assert _close(got, want), hid
        assert tuple(row[7:]) == _summary(r), hid
        assert (row.market_date, row.market_source) == (r.assumptions.price_date, r.assumptions.price_source)
    assert {Status.OK, Status.INFEASIBLE} <= statuses and trades > 50
