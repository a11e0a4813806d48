"""Re-solve time of the cached DPP problem vs a fresh cvxpy build of the same problem, in one run.

    .venv/bin/python benchmarks/bench_rebalance.py [--repeat N]

For 12, 50 and 200 assets: median time of
- re-solve: the cached problem with new parameter values (a different volatility cap each call, as a
  slider would set), including setting the parameters and reading the answer;
- fresh build: constructing the same cvxpy problem and solving it (canonicalization included);
- full rebalance: the whole engine call (inputs, solve, whole-share settling, checker, explanations).
Machines are noisy: compare the ratio measured in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.model.scenario import Constraints
from engine.optimize import rebalance
from engine.optimize.inputs import prepare
from engine.optimize.problem import RebalanceProblem, problem_for
from tests.helpers import core_satellite, market, random_market


def scenario(n: int):  # type: ignore[no-untyped-def]
    m = market() if n == 12 else random_market(n, seed=n)
    tk = list(m.tickers)
    core = tk[0]
    sats = {"Satellites": {t: 0.3 / (n - 1) for t in tk[1:]}}
    rng = np.random.default_rng(0)
    holdings = {t: float(rng.integers(5, 400)) for t in tk}
    sc = core_satellite(
        holdings,
        cash=5_000.0,
        core={core: 0.7},
        satellites=sats,
        constraints=Constraints(vol_cap=0.18, min_trade=100.0, cost_bps=2.0, min_cash=1_000.0),
    )
    return sc, m


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1e3


def run(n: int, repeat: int) -> dict[str, float]:
    sc, m = scenario(n)
    x = prepare(sc, m)
    prob = problem_for(x)
    prob.solve(x)  # compile once
    caps = np.linspace(0.12, 0.2, 16)
    resolve = []
    for i in range(repeat):
        t = time.perf_counter()
        sol = prob.solve(x, vol_cap=float(caps[i % len(caps)]))
        resolve.append(time.perf_counter() - t)
        assert sol.ok
    members = np.array([nd.members for nd in x.nodes])
    fresh = []
    for i in range(max(5, repeat // 20)):
        t = time.perf_counter()
        p = RebalanceProblem(x.n, members)
        p.use_fast_path = False
        sol = p.solve(x, vol_cap=float(caps[i % len(caps)]))
        fresh.append(time.perf_counter() - t)
        assert sol.ok
    full = []
    for _ in range(max(5, repeat // 10)):
        t = time.perf_counter()
        rebalance(sc, m)
        full.append(time.perf_counter() - t)
    return {
        "n": n,
        "resolve_ms": median_ms(resolve),
        "fresh_ms": median_ms(fresh),
        "speedup": median_ms(fresh) / median_ms(resolve),
        "rebalance_ms": median_ms(full),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=200)
    args = ap.parse_args()
    print(
        f"{'assets':>6} {'re-solve ms':>12} {'fresh build ms':>15} {'speed-up':>9} {'full rebalance ms':>18}"
    )
    for n in (12, 50, 200):
        r = run(n, args.repeat if n < 200 else max(40, args.repeat // 4))
        print(
            f"{r['n']:>6} {r['resolve_ms']:>12.3f} {r['fresh_ms']:>15.2f} {r['speedup']:>8.1f}x {r['rebalance_ms']:>18.2f}"
        )


if __name__ == "__main__":
    main()
