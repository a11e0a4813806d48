"""Batch rebalancing: planning, in-process / local workers / a real local Dask cluster, failures isolated."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import replace

import pytest
import sqlalchemy as sa

from engine.api import rebalance
from engine.batch import run as batch_run
from engine.batch.plan import book_market, plan
from engine.batch.rebalance import Executor, rebalance_book
from engine.book import proposals as P
from engine.book import schema as t
from engine.book.db import BookError
from engine.book.inputs import HouseholdInputs
from engine.book.store import Book
from engine.model.scenario import Holding
from tests.engine.book.builders import client_scenario, with_inline_market
from tests.helpers import market

BAD = "Broken Co"  # holds a ticker the market has no data for


@pytest.fixture
def book(book_url: str) -> Iterator[Book]:
    b = Book.open(book_url)
    growth = client_scenario("Growth model", vol_cap=0.22)
    b.save_policy_from_scenario("Growth", growth)
    careful = client_scenario("Careful model", vol_cap=0.2)
    b.save_policy_from_scenario(
        "Careful", replace(careful, constraints=replace(careful.constraints, turnover_cap=0.1))
    )
    for i in range(7):
        b.add_household(
            f"Client {i}",
            client_scenario(f"Client {i}", iwm=60.0 + 40 * i),
            policy=("Growth", "Careful")[i % 2],
        )
    bad = client_scenario(BAD)
    b.add_household(
        BAD,
        replace(
            bad, portfolio=replace(bad.portfolio, holdings=(*bad.portfolio.holdings, Holding("ZZZZ", 5.0)))
        ),
    )
    yield b
    b.close()


def trades_by_household(book: Book, batch_id: int) -> dict[str, list[tuple[str, str, float]]]:
    out = {}
    for row in P.listing(book, batch_id=batch_id, limit=10_000):
        result = json.loads(P.result_json(book, row.id))
        out[row.client] = [(tr["ticker"], tr["side"], tr["shares"]) for tr in result["trades"]]
    return out


def one_by_one(book: Book) -> dict[str, list[tuple[str, str, float]]]:
    """The reference: each household's scenario rebalanced on its own through the public API."""
    out = {}
    for h in book.households():
        if h.client == BAD:
            continue
        r = rebalance(book.scenario(h.id), market())
        out[h.client] = [(tr.ticker, tr.side.value, tr.shares) for tr in r.trades]
    return out


def test_plan_groups_households_by_shape_in_batches(book: Book) -> None:
    p = plan(book, batch_size=2)
    assert p.households == 8
    assert all(1 <= len(b) <= 2 for b in p.batches)
    for b in p.batches:  # one policy and one set of held tickers per batch
        assert len({(x.policy_id, x.overrides) for x in b}) == 1
    assert len({x.household_id for b in p.batches for x in b}) == 8
    assert "ZZZZ" in p.tickers and set(market().tickers) & set(p.tickers) == {"IWM", "IWN", "VBR", "SPSM"}
    with pytest.raises(BookError, match="at least 1"):
        plan(book, batch_size=0)


def test_in_process_run_matches_one_by_one_and_isolates_the_failure(book: Book) -> None:
    expected = one_by_one(book)
    assert any(expected.values())  # the test would be empty if nobody traded
    report = rebalance_book(book, Executor(workers=0), market=market(), batch_size=3)
    assert len(report.proposals) == 7
    assert [h for h, _ in report.failed] == [book.household_id(BAD)]
    assert "ZZZZ" in report.failed[0][1]
    assert trades_by_household(book, report.batch_id) == expected
    assert all(r.status is P.Status.DRAFT for r in P.listing(book, batch_id=report.batch_id))
    with book.begin() as conn:
        stored = conn.execute(sa.select(t.batch_failures.c.household_id, t.batch_failures.c.message)).all()
    assert [(h, "ZZZZ" in m) for h, m in stored] == [(book.household_id(BAD), True)]


def test_local_worker_processes_give_the_same_proposals(book: Book) -> None:
    seen: list[int] = []
    report = rebalance_book(
        book,
        Executor(workers=2),
        market=market(),
        batch_size=2,
        progress=lambda done, total: seen.append(done),
    )
    assert len(report.proposals) == 7 and len(report.failed) == 1
    assert trades_by_household(book, report.batch_id) == one_by_one(book)
    assert seen == sorted(seen) and seen[-1] == 8 and len(seen) == len(plan(book, 2).batches)


def _dying(tasks: list[HouseholdInputs]) -> list[object]:
    """Stands in for the worker function: the process dies on the household of "Client 3"."""
    if any('"Client 3"' in x.extra for x in tasks):
        os._exit(3)
    return batch_run.__dict__["_real_solve"](tasks)  # type: ignore[no-any-return]


def test_a_worker_that_dies_fails_its_batch_only(book: Book, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("the stand-in worker function reaches the workers only when they are forked")
    # forked from this process (whatever threads other tests left), so the workers see the stand-in
    monkeypatch.setattr(batch_run, "_context", lambda: multiprocessing.get_context("fork"))
    monkeypatch.setitem(batch_run.__dict__, "_real_solve", batch_run.solve_with_worker_market)
    monkeypatch.setattr(batch_run, "solve_with_worker_market", _dying)
    report = rebalance_book(book, Executor(workers=2), market=market(), batch_size=1)
    dead = book.household_id("Client 3")
    assert sorted(h for h, _ in report.failed) == sorted([dead, book.household_id(BAD)])
    assert "died" in dict(report.failed)[dead]
    assert len(report.proposals) == 6


def test_cancel_stops_handing_out_batches(book: Book) -> None:
    calls = [0]

    def cancel() -> bool:
        calls[0] += 1
        return calls[0] > 1

    report = rebalance_book(book, Executor(workers=0), market=market(), batch_size=1, cancel=cancel)
    assert report.cancelled
    assert 1 <= len(report.proposals) + len(report.failed) < 8


def test_book_market_uses_the_households_inline_market() -> None:
    b = Book.open("sqlite://")  # in memory
    b.add_household("Inline", with_inline_market(client_scenario("Inline")))
    m = book_market(plan(b))
    assert m.price_source == "inline test market" and m.history is None
    assert set(m.tickers) >= {"IWM", "IWN", "VBR", "SPSM"}
    b.close()


# ------------------------------------------------------------------------------------------- Dask


@pytest.fixture(scope="module")
def dask_cluster() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=False,
        protocol="tcp://",
        host="127.0.0.1",
        scheduler_port=0,
        dashboard_address=":0",
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def test_dask_cluster_gives_the_same_proposals(book: Book, dask_cluster: str) -> None:
    assert dask_cluster.startswith("tcp://127.0.0.1:")
    seen: list[int] = []
    report = rebalance_book(
        book,
        Executor(scheduler=dask_cluster),
        market=market(),
        batch_size=2,
        progress=lambda done, total: seen.append(done),
    )
    assert len(report.proposals) == 7
    assert [h for h, _ in report.failed] == [book.household_id(BAD)]
    assert trades_by_household(book, report.batch_id) == one_by_one(book)
    assert seen[-1] == 8 and len(seen) == len(plan(book, 2).batches)  # streamed per batch
    with book.begin() as conn:
        executor = conn.execute(
            sa.select(t.batch_runs.c.executor).where(t.batch_runs.c.id == report.batch_id)
        ).scalar()
    assert executor == f"dask {dask_cluster}"


def test_unreachable_scheduler_stores_nothing(book: Book) -> None:
    with pytest.raises(BookError, match="cannot reach the Dask scheduler"):
        rebalance_book(book, Executor(scheduler="tcp://127.0.0.1:9", connect_timeout=1.0), market=market())
    with book.begin() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(t.batch_runs)).scalar() == 0


def test_holding_fewer_tickers_keeps_the_shape_an_untargeted_one_does_not(book: Book) -> None:
    few = client_scenario("Few")
    few = replace(few, portfolio=replace(few.portfolio, holdings=(Holding("IWM", 10.0),)))
    book.add_household("Few", few, policy="Growth")
    extra = client_scenario("Extra")
    extra = replace(
        extra, portfolio=replace(extra.portfolio, holdings=(Holding("IWM", 10.0), Holding("SPY", 3.0)))
    )
    book.add_household("Extra", extra, policy="Growth")
    p = plan(book, batch_size=100)
    groups = [{x.household_id for x in b} for b in p.batches]
    growth = {book.household_id(f"Client {i}") for i in range(0, 7, 2)} | {book.household_id("Few")}
    assert growth in groups  # one batch: the same universe, hence the same problem shape
    assert {book.household_id("Extra")} in groups  # SPY is outside the policy: another universe
