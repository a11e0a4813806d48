"""Book-wide batch rebalance: N households × 12 ETFs with ten different target-tree shapes.

    .venv/bin/python benchmarks/bench_batch.py [--households 10000] [--workers 2] [--loop-sample 1000]
                                               [--no-dask]

Builds a SQLite client book in a temp folder (10 model policies, each a different grouping of the same 12
tickers into sleeves, so ten problem shapes of one size; households follow them round robin, holdings
drawn at random), then measures on the same book:
- one-by-one loop: ``engine.api.rebalance`` per household in book order (shapes interleaved), in this
  process, on a sample of households (per-household cost);
- the batch layer step by step (scenario + inputs JSON, optimizer, exposures, result JSON + summary) on
  the in-process sample, and the parent's steps (read, plan, store);
- in-process batch: the batch path with workers=0 (shape-grouped batches, results stored);
- local workers: ``rebalance_book`` end to end with N worker processes (plan, market, solve, store);
- Dask: the same run on a local Dask cluster of N worker processes (cluster start-up timed apart).
Every run stores its results as draft proposals, like ``coresat batch``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.batch_shapes import SHAPES, policy, portfolios
from engine.api import rebalance
from engine.batch.plan import plan
from engine.batch.rebalance import Executor, rebalance_book
from engine.book import parts
from engine.book import schema as t
from engine.book.inputs import HouseholdInputs, build_scenario
from engine.book.store import Book
from engine.market import MarketSnapshot
from tests.helpers import PRICES, TWELVE, market


def build_book(url: str, households: int, seed: int = 0) -> Book:
    """A book of ``households`` clients following ten policies round robin (setup, not timed)."""
    book = Book.open(url)
    for i in range(len(SHAPES)):
        book.save_policy_from_scenario(f"Model {i + 1}", policy(i))
    template = parts.split(policy(0))
    clients, hh, accounts = [], [], []
    for k, port in enumerate(portfolios(households, seed)):
        account = dict(template.account)
        account["portfolio"] = {
            "currency": "USD",
            "cash": port.cash,
            "holdings": [{"ticker": h.ticker, "shares": h.shares} for h in port.holdings],
        }
        clients.append({"id": k + 1, "name": f"Client {k + 1:05d}"})
        hh.append(
            {
                "id": k + 1,
                "client_id": k + 1,
                "name": "Household",
                "policy_name": f"Model {k % len(SHAPES) + 1}",
                "extra": json.dumps({"name": f"Client {k + 1:05d}", "notes": ""}),
            }
        )
        accounts.append({"household_id": k + 1, "name": "Main account", "body": parts.account_text(account)})
    with book.begin() as conn:
        conn.execute(sa.insert(t.clients), clients)
        conn.execute(sa.insert(t.households), hh)
        conn.execute(sa.insert(t.accounts), accounts)
    return book


def one_by_one(book: Book, sample: int, *, one_shape: bool = False) -> tuple[float, float]:
    """(wall, CPU) seconds per household for the API called in a loop, households in book order (ten
    shapes interleaved) or, with ``one_shape``, only the households of one policy (after a warm-up call)."""
    m = market()
    inputs = [x for x in book.household_inputs() if isinstance(x, HouseholdInputs)]
    if one_shape:
        inputs = [x for x in inputs if x.policy_id == inputs[0].policy_id]
    scenarios = [build_scenario(x) for x in inputs[:sample]]
    if one_shape:
        rebalance(scenarios[0], m)
    start, cpu = time.perf_counter(), time.process_time()
    for sc in scenarios:
        rebalance(sc, m)
    return (time.perf_counter() - start) / len(scenarios), (time.process_time() - cpu) / len(scenarios)


@dataclass
class Run:
    wall: float
    cpu: float  # workers + this process
    engine: float  # the optimizer's own calls (in the workers)
    workers: float  # everything the workers did for the households (engine included)
    parent: float  # this process: plan, sending, receiving, storing (and a Dask client and scheduler)


def batch(book: Book, executor: Executor, m: MarketSnapshot, ids: list[int] | None = None) -> Run:
    """Times of one stored batch run."""
    cpu = time.process_time()
    r = rebalance_book(book, executor, household_ids=ids, market=m)
    assert not r.failed and len(r.proposals) == (len(ids) if ids else book_size(book)), r.failed[:3]
    own = time.process_time() - cpu
    if not (executor.workers or executor.scheduler):  # in this process: own CPU includes the households'
        return Run(r.seconds, own, r.engine_cpu, r.worker_cpu, own - r.worker_cpu)
    return Run(r.seconds, own + r.worker_cpu, r.engine_cpu, r.worker_cpu, own)


def _shape_costs(samples: list[HouseholdInputs], m: MarketSnapshot) -> list[tuple[float, float, float]]:
    """In a fresh worker process: per shape, (CPU of building its compiled problem, of the first rebalance
    of a household of that shape after it, of the same rebalance again). Imports and a first solve on
    the first sample happen before any timing."""
    from engine.optimize import rebalance as solve
    from engine.optimize.inputs import prepare
    from engine.optimize.problem import problem_for

    solve(build_scenario(samples[0]), m)
    out = []
    for x in samples[1:]:
        sc = build_scenario(x)
        c0 = time.process_time()
        problem_for(prepare(sc, m))
        c1 = time.process_time()
        solve(sc, m)
        c2 = time.process_time()
        solve(sc, m)
        out.append((c1 - c0, c2 - c1, time.process_time() - c2))
    return out


def shape_costs(book: Book, m: MarketSnapshot) -> list[tuple[float, float, float]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    seen: dict[int | None, HouseholdInputs] = {}
    for x in book.household_inputs():
        if isinstance(x, HouseholdInputs):
            seen.setdefault(x.policy_id, x)
    samples = list(seen.values())  # the first shape warms up, then every other shape is timed cold
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as ex:
        return ex.submit(_shape_costs, samples, m).result()


def layer_split(book: Book, m: MarketSnapshot, sample: int) -> None:
    """CPU per household of each step of the batch layer, in this process on ``sample`` households in
    plan order (after one household of each shape), and of the parent's steps on the whole book."""
    from engine.batch.work import solve_batch
    from engine.book import proposals
    from engine.book.inputs import batch_scenario
    from engine.book.proposals import NewProposal
    from engine.optimize import rebalance as solve
    from engine.risk.exposure_cache import Exposures

    clock = time.process_time
    c = clock()
    inputs = book.household_inputs()
    read = clock() - c
    c = clock()
    p = plan(inputs)
    planned = clock() - c
    ex = Exposures()
    for b in p.batches:
        solve_batch(list(b[:1]), m, ex)  # compiled problems, fund data, policies' shared parts
    steps = dict.fromkeys(("scenario + inputs JSON", "optimizer", "exposures", "result JSON + summary"), 0.0)
    names = list(steps)
    rows = []
    done = 0
    for b in p.batches:
        for x in b[: sample - done]:
            t0 = clock()
            sc, text = batch_scenario(x)
            t1 = clock()
            r = solve(sc, m)
            t2 = clock()
            r = ex.attach(r)
            t3 = clock()
            rows.append(NewProposal.of(x.household_id, x.policy_id, sc, r, inputs=text).values())
            t4 = clock()
            for name, dt in zip(names, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                steps[name] += dt
        done = len(rows)
    with book.begin() as conn:
        bid = conn.execute(sa.insert(t.batch_runs).values(executor="split", households=0, created_by="bench"))
        batch_id = int(bid.inserted_primary_key[0])  # type: ignore[index]
    c = clock()
    for i in range(0, len(rows), 50):
        proposals.add_to_batch(book, rows[i : i + 50], who="bench", batch_id=batch_id)
    store = clock() - c
    n, k = len(inputs), len(rows)
    layer = sum(v for name, v in steps.items() if name != "optimizer")
    print(
        f"batch layer, step by step ({k} households, this process): "
        + ", ".join(f"{name} {v / k * 1e3:.3f}" for name, v in steps.items())
        + f" ms; batch layer {layer / k * 1e3:.3f} ms"
    )
    print(
        f"parent, step by step: read {read / n * 1e3:.3f} + plan {planned / n * 1e3:.3f} "
        f"+ store {store / k * 1e3:.3f} ms per household (receiving results is not in these)"
    )


def book_size(book: Book) -> int:
    return len(book.household_inputs())


def line(label: str, n: int, wall: float, cpu: float, extra: str = "") -> None:
    print(
        f"{label:34} {wall:7.1f} s wall = {wall / n * 1e3:6.2f} ms/household; CPU {cpu / n * 1e3:6.2f} ms/household"
        f"{extra}"
    )


def split(r: Run, n: int) -> None:
    own = r.workers - r.engine
    print(
        f"{'':34} per household: optimizer {r.engine / n * 1e3:.2f} ms + batch layer in the workers "
        f"{own / n * 1e3:.2f} ms (scenario, exposures, proposal JSON) + this process {r.parent / n * 1e3:.2f} ms "
        f"(plan, transfer, store) = {r.cpu / n * 1e3:.2f} ms CPU"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--households", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--loop-sample", type=int, default=200, help="households timed in the one-by-one loops")
    ap.add_argument("--inline-sample", type=int, default=500, help="households in the in-process batch run")
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--repeat", type=int, default=1, help="runs of the local and the Dask batch, alternated")
    args = ap.parse_args()
    assert set(PRICES) >= set(TWELVE)
    n = args.households
    cores = os.cpu_count() or 1
    print(f"load average before: {os.getloadavg()[0]:.1f} on {cores} cores")
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        book = build_book(f"sqlite:///{tmp}/book.sqlite", n)
        p = plan(book)
        print(
            f"book: {n} households × {len(TWELVE)} ETFs, {len(SHAPES)} tree shapes, {len(p.batches)} batches "
            f"(built in {time.perf_counter() - t0:.1f} s); every batch run stores its proposals"
        )
        k = min(args.loop_sample, n)
        for label, one_shape in (("book order", False), ("one shape", True)):
            wall, cpu = one_by_one(book, k, one_shape=one_shape)
            line(f"one-by-one loop, {label} ({k})", k, wall * k, cpu * k, f"; × {n} = {wall * n:.0f} s wall")

        m = market()
        costs = shape_costs(book, m)
        build = [c for c, _, _ in costs]
        extra = [f - w for _, f, w in costs]
        print(
            f"per tree shape, in a fresh worker ({len(costs)} shapes): compiled problem built in "
            f"{statistics.median(build) * 1e3:.0f} ms CPU (median; {min(build) * 1e3:.0f}-{max(build) * 1e3:.0f}); "
            f"the first solve after it costs {statistics.median(extra) * 1e3:+.1f} ms more than the next"
        )
        k = min(args.inline_sample, n)
        layer_split(book, m, k)
        r = batch(book, Executor(workers=0), m, list(range(1, k + 1)))
        line(f"batch in this process ({k})", k, r.wall, r.cpu)
        split(r, k)

        local: list[Run] = []
        dask: list[Run] = []
        # first without any Dask threads in this process: the local pool forks, as `coresat batch` does
        local.append(batch(book, Executor(workers=args.workers), m))
        cluster = None
        if not args.no_dask:
            from distributed import LocalCluster

            t0 = time.perf_counter()
            cluster = LocalCluster(
                n_workers=args.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                host="127.0.0.1",
            )
            print(
                f"Dask local cluster, {args.workers} worker processes: started in {time.perf_counter() - t0:.1f} s"
            )
        for i in range(args.repeat):  # alternated, so that the machine's load hits both alike
            if cluster is not None:
                dask.append(batch(book, Executor(scheduler=cluster.scheduler_address), m))
            if i + 1 < args.repeat:  # with a Dask client's threads here, the pool uses the fork server
                local.append(batch(book, Executor(workers=args.workers), m))
        for label, runs in (
            (f"batch, {args.workers} local workers ({n})", local),
            (f"batch, Dask ({n})", dask),
        ):
            if runs:
                r = (
                    min(runs, key=lambda x: x.wall)
                    if len(runs) == 1
                    else sorted(runs, key=lambda x: x.wall)[len(runs) // 2]
                )
                walls = ", ".join(f"{x.wall:.1f}" for x in runs)
                line(label, n, r.wall, r.cpu, f"; runs {walls} s; CPU/{cores} cores = {r.cpu / cores:.1f} s")
                split(r, n)
        if dask:
            lw, dw = statistics.median(x.wall for x in local), statistics.median(x.wall for x in dask)
            lc, dc = statistics.median(x.cpu for x in local), statistics.median(x.cpu for x in dask)
            lp, dp = statistics.median(x.parent for x in local), statistics.median(x.parent for x in dask)
            print(
                f"Dask overhead vs local workers: wall {dw - lw:+.1f} s, CPU {dc - lc:+.1f} s "
                f"(of it this process, client and scheduler: {dp - lp:+.1f} s; cluster start not included)"
            )
        print(f"load average after: {os.getloadavg()[0]:.1f}")
        if cluster is not None:
            cluster.close()
        book.close()


if __name__ == "__main__":
    main()
