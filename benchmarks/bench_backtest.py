"""Backtest speed: 20 years of daily prices, 12 ETFs.

    .venv/bin/python benchmarks/bench_backtest.py [--repeat N]

- optimizer: Coresat's vol-capped optimizer (20 % cap, 5/25 bands) checked on the first trading day of
  each month (~228 dates), each with its own Ledoit–Wolf covariance from the 756 days before it;
- six policies: never, quarterly calendar, 5/25 bands checked daily, Daryanani, cash-flow only and the
  optimizer, together, figures included;
without cash flows (--flow 1000 adds a monthly contribution). Median of N runs (after one warm-up run that compiles the problem).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.backtest import DEFAULT_POLICIES, BacktestSettings, run_backtest, simulate
from engine.backtest.policies import OPTIMIZER
from engine.data.demo import load_demo_prices
from tests.helpers import twelve_asset_scenario


def main() -> int:
    import warnings

    warnings.simplefilter("ignore", UserWarning)  # a solver's "inaccurate" note on one date
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--cap", type=float, default=0.20, help="volatility cap (fraction)")
    ap.add_argument("--flow", type=float, default=0.0, help="monthly contribution (+) or withdrawal (-)")
    args = ap.parse_args()
    sc = twelve_asset_scenario()
    sc = replace(sc, constraints=replace(sc.constraints, vol_cap=args.cap, force_rebalance=False))
    prices = load_demo_prices()[list(sc.universe)]
    settings = BacktestSettings(monthly_flow=args.flow)
    import engine.api

    inner = engine.api.rebalance
    spent: list[float] = []
    failed: list[float] = []

    def timed(scenario, market, **kw):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        out = inner(scenario, market, **kw)
        spent.append(time.perf_counter() - t0)
        if out.status.value == "infeasible":
            failed.append(spent[-1])
        return out

    engine.api.rebalance = timed  # type: ignore[assignment]
    run = simulate(sc, prices, OPTIMIZER, settings)  # warm-up: compiles the optimizer's problem
    days = len(run.dates)
    checks = int((run.dates.to_period("M")[1:] != run.dates.to_period("M")[:-1]).sum())
    one, six, engine_part, one_cpu, six_cpu, diag = [], [], [], [], [], []
    for _ in range(args.repeat):
        spent.clear()
        failed.clear()
        t, c = time.perf_counter(), time.process_time()
        run = simulate(sc, prices, OPTIMIZER, settings)
        one.append(time.perf_counter() - t)
        one_cpu.append(time.process_time() - c)
        engine_part.append(sum(spent))
        diag.append(sum(failed))
        t, c = time.perf_counter(), time.process_time()
        run_backtest(sc, prices, DEFAULT_POLICIES, settings)
        six.append(time.perf_counter() - t)
        six_cpu.append(time.process_time() - c)
    print(
        f"{len(sc.universe)} ETFs, {days} trading days ({run.dates[0]:%Y-%m-%d} .. {run.dates[-1]:%Y-%m-%d})"
    )
    print(
        f"optimizer policy, {checks} monthly decisions ({len(run.rebalance_days)} traded, "
        f"{len(run.infeasible_days)} infeasible): {statistics.median(one):.3f} s wall, "
        f"{statistics.median(one_cpu):.3f} s CPU (target <= 1 s); "
        f"Coresat's rebalance() {statistics.median(engine_part):.3f} s of it "
        f"({statistics.median(diag):.3f} s in the infeasible ones)"
    )
    print(
        f"six policies with figures: {statistics.median(six):.3f} s wall, {statistics.median(six_cpu):.3f} s CPU "
        "(target <= 3 s)"
    )
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
