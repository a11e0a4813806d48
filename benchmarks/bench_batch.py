"""Book-wide batch rebalance: N households × 12 ETFs with ten different target-tree shapes.

    .venv/bin/python benchmarks/bench_batch.py [--households 10000] [--workers 2] [--loop-sample 1000]
                                               [--no-dask]

Builds a SQLite client book in a temp folder (10 model policies, each a different grouping of the same 12
tickers into sleeves, so ten problem shapes of one size; households follow them round robin, holdings
drawn at random), then measures on the same book:
- one-by-one loop: ``engine.api.rebalance`` per household in book order (shapes interleaved), in this
  process, on a sample of households (per-household cost);
- in-process batch: the batch path with workers=0 (shape-grouped batches, results stored);
- local workers: ``rebalance_book`` end to end with N worker processes (plan, market, solve, store);
- Dask: the same run on a local Dask cluster of N worker processes (cluster start-up timed apart).
Every run stores its results as draft proposals, like ``coresat batch``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.api import rebalance
from engine.batch.plan import plan
from engine.batch.rebalance import Executor, rebalance_book
from engine.book import parts
from engine.book import schema as t
from engine.book.store import Book, HouseholdInputs, build_scenario
from engine.model.scenario import (
    AssetTarget,
    Constraints,
    Holding,
    Portfolio,
    Role,
    Scenario,
    Sleeve,
    TargetTree,
)
from tests.helpers import PRICES, TWELVE, market

SMALL = TWELVE[:8]  # IWM VTWO IWN VBR IWO VBK IJR SPSM
OUTSIDE = TWELVE[8:]  # SPY AGG XLF XLK

# ten groupings of the 8 small-cap tickers into core + satellites, and of the 4 others into outside sleeves
SHAPES: list[tuple[list[list[str]], list[list[str]]]] = [
    ([["IWM", "VTWO"], ["IWN", "VBR"], ["IWO", "VBK"], ["IJR", "SPSM"]], [["SPY"], ["AGG"], ["XLF", "XLK"]]),
    ([["IWM"], ["VTWO", "IWN", "VBR"], ["IWO", "VBK", "IJR", "SPSM"]], [["SPY", "AGG", "XLF", "XLK"]]),
    ([["IWM", "VTWO", "IJR"], ["IWN", "VBR", "IWO", "VBK", "SPSM"]], [["SPY"], ["AGG", "XLF", "XLK"]]),
    (
        [["IWM"], ["VTWO"], ["IWN"], ["VBR"], ["IWO"], ["VBK"], ["IJR"], ["SPSM"]],
        [["SPY", "AGG"], ["XLF", "XLK"]],
    ),
    ([["IWM", "VTWO", "IWN", "VBR"], ["IWO", "VBK", "IJR", "SPSM"]], [["SPY"], ["AGG"], ["XLF"], ["XLK"]]),
    ([["VTWO"], ["IWM", "IWN"], ["VBR", "IWO"], ["VBK", "IJR", "SPSM"]], [["SPY", "XLF"], ["AGG", "XLK"]]),
    ([["IJR", "SPSM"], ["IWM", "VTWO", "IWN"], ["VBR", "IWO", "VBK"]], [["SPY", "AGG", "XLF"], ["XLK"]]),
    ([["IWM", "IJR"], ["VTWO", "SPSM"], ["IWN", "IWO"], ["VBR", "VBK"]], [["SPY"], ["AGG"], ["XLF", "XLK"]]),
    ([["IWM", "VTWO", "IWN", "VBR", "IWO", "VBK"], ["IJR"], ["SPSM"]], [["SPY", "AGG", "XLF", "XLK"]]),
    (
        [["IWM", "VTWO"], ["IWN"], ["VBR", "IWO"], ["VBK"], ["IJR", "SPSM"]],
        [["SPY", "AGG"], ["XLF"], ["XLK"]],
    ),
]


def policy(i: int) -> Scenario:
    small, outside = SHAPES[i]
    sleeves = []
    n_sat = len(small) - 1
    for j, members in enumerate(small):
        weight = 0.6 if j == 0 else 0.4 / n_sat
        sleeves.append(
            Sleeve(
                "Core" if j == 0 else f"Satellite {j}",
                Role.CORE if j == 0 else Role.SATELLITE,
                weight,
                tuple(AssetTarget(tk, 1.0 / len(members)) for tk in members),
            )
        )
    for j, members in enumerate(outside):
        sleeves.append(
            Sleeve(
                f"Outside {j + 1}",
                Role.OUTSIDE,
                0.5 / len(outside),
                tuple(AssetTarget(tk, 1.0 / len(members)) for tk in members),
            )
        )
    return Scenario(
        name=f"Model {i + 1}",
        portfolio=Portfolio(),
        targets=TargetTree(sleeves=tuple(sleeves), small_cap_weight=0.5),
        constraints=Constraints(vol_cap=0.2 + 0.005 * i, cost_bps=2.0, min_trade=100.0, min_cash=500.0),
    )


def build_book(url: str, households: int, seed: int = 0) -> Book:
    """A book of ``households`` clients following ten policies round robin (setup, not timed)."""
    book = Book.open(url)
    for i in range(len(SHAPES)):
        book.save_policy_from_scenario(f"Model {i + 1}", policy(i))
    rng = np.random.default_rng(seed)
    template = parts.split(policy(0))
    clients, hh, accounts = [], [], []
    for k in range(households):
        shares = rng.integers(0, 200, size=len(TWELVE)) * (rng.random(len(TWELVE)) < 0.85)
        shares[0] += 20  # everyone holds some IWM
        port = Portfolio(
            holdings=tuple(Holding(tk, float(s)) for tk, s in zip(TWELVE, shares, strict=True)),
            cash=float(rng.integers(0, 20_000)),
        )
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


def one_by_one(book: Book, sample: int, *, one_shape: bool = False) -> float:
    """Seconds per household for the API called in a loop, households in book order (ten shapes
    interleaved) or, with ``one_shape``, only the households of one policy (after one warm-up call)."""
    m = market()
    inputs = [x for x in book.household_inputs() if isinstance(x, HouseholdInputs)]
    if one_shape:
        inputs = [x for x in inputs if x.policy_id == inputs[0].policy_id]
    scenarios = [build_scenario(x) for x in inputs[:sample]]
    if one_shape:
        rebalance(scenarios[0], m)
    start = time.perf_counter()
    for sc in scenarios:
        rebalance(sc, m)
    return (time.perf_counter() - start) / len(scenarios)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--households", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--loop-sample", type=int, default=1000, help="households timed in the one-by-one loop")
    ap.add_argument("--inline-sample", type=int, default=1000, help="households in the in-process batch run")
    ap.add_argument("--no-dask", action="store_true")
    args = ap.parse_args()
    assert set(PRICES) >= set(TWELVE)
    n = args.households
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        book = build_book(f"sqlite:///{tmp}/book.sqlite", n)
        p = plan(book)
        print(
            f"book: {n} households × {len(TWELVE)} ETFs, {len(SHAPES)} tree shapes, {len(p.batches)} batches "
            f"(built in {time.perf_counter() - t0:.1f} s)"
        )
        loop = one_by_one(book, min(args.loop_sample, n))
        print(
            f"one-by-one loop (API, book order):      {loop * 1e3:6.2f} ms/household  → {loop * n:6.1f} s for {n}"
        )

        m = market()
        k = min(args.inline_sample, n)
        r = rebalance_book(book, Executor(workers=0), household_ids=list(range(1, k + 1)), market=m)
        assert not r.failed, r.failed[:3]
        print(
            f"batch, in this process ({k} households): {r.seconds / k * 1e3:6.2f} ms/household  "
            f"(solve+store {r.solve_seconds:.1f} s)"
        )

        r = rebalance_book(book, Executor(workers=args.workers), market=m)
        assert not r.failed, r.failed[:3]
        local = r.seconds
        print(
            f"batch, {args.workers} local workers, end to end:  {local:6.1f} s = {local / n * 1e3:5.2f} ms/household "
            f"({len(r.proposals)} draft proposals stored)"
        )

        if not args.no_dask:
            from distributed import LocalCluster

            t0 = time.perf_counter()
            with LocalCluster(
                n_workers=args.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                host="127.0.0.1",
            ) as cluster:
                startup = time.perf_counter() - t0
                r = rebalance_book(book, Executor(scheduler=cluster.scheduler_address), market=m)
                assert not r.failed, r.failed[:3]
            print(
                f"batch, Dask ({args.workers} worker processes):    {r.seconds:6.1f} s = {r.seconds / n * 1e3:5.2f} "
                f"ms/household; overhead vs local {r.seconds - local:+.1f} s ({(r.seconds / local - 1) * 100:+.0f} %); "
                f"cluster start {startup:.1f} s not included"
            )
        book.close()


if __name__ == "__main__":
    main()
