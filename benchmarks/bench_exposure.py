"""Benchmark: look-through of a 12-fund portfolio with 2,000 underlying holdings each (target ≤ 20 ms):
arranging the fund data into the exposure matrices (``build_model``) plus the report for the weights
before / target / after (``lookthrough``: sectors, top companies, 66 fund pairs of overlap, harmonic P/E).

Run: ``.venv/bin/python benchmarks/bench_exposure.py``. Synthetic funds drawn from a 6,000-company
universe (so funds overlap as small-cap funds do); touches no network and no user folder.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.data.funds import SECTORS, EarningsMethod, FundData, Holding
from engine.risk.exposures import build_model, lookthrough

FUNDS = 12
HOLDINGS = 2000
UNIVERSE = 6000
RUNS = 30


def synthetic_funds(rng: np.random.Generator) -> dict[str, FundData]:
    names = [f"C{i:05d}" for i in range(UNIVERSE)]
    sector_of = rng.integers(len(SECTORS), size=UNIVERSE)
    funds = {}
    for f in range(FUNDS):
        idx = rng.choice(UNIVERSE, size=HOLDINGS, replace=False)
        w = rng.dirichlet(np.ones(HOLDINGS))
        order = np.argsort(-w)
        holdings = tuple(
            Holding(names[i], f"Company {names[i]}", float(w[k]), SECTORS[sector_of[i]])
            for k, i in zip(order, idx[order], strict=True)
        )
        sectors: dict[str, float] = {}
        for h in holdings:
            assert h.sector is not None
            sectors[h.sector] = sectors.get(h.sector, 0.0) + h.weight
        t = f"F{f:02d}"
        funds[t] = FundData(
            ticker=t,
            source="synthetic",
            as_of=date(2026, 1, 1),
            sectors=sectors,
            holdings=holdings,
            holdings_complete=True,
            holdings_count=HOLDINGS,
            pe=float(rng.uniform(10, 30)),
            pe_method=EarningsMethod.EXCLUDES_LOSS_MAKERS,
            pb=float(rng.uniform(1, 4)),
        )
    return funds


def main() -> int:
    rng = np.random.default_rng(0)
    funds = synthetic_funds(rng)
    tickers = list(funds)
    build: list[float] = []
    report: list[float] = []
    cpu: list[float] = []
    for _ in range(RUNS):
        before, target = rng.dirichlet(np.ones(FUNDS)) * 0.98, rng.dirichlet(np.ones(FUNDS)) * 0.99
        after = 0.5 * before + 0.5 * target
        c0 = time.process_time()
        t0 = time.perf_counter()
        model = build_model(tickers, funds)
        t1 = time.perf_counter()
        r = lookthrough(model, before, target, after)
        t2 = time.perf_counter()
        cpu.append(time.process_time() - c0)
        build.append(t1 - t0)
        report.append(t2 - t1)
    total = [a + b for a, b in zip(build, report, strict=True)]
    print(
        f"{FUNDS} funds × {HOLDINGS} holdings, {len(model.companies)} distinct companies, {len(r.overlaps)} pairs"
    )
    for label, xs in (("build_model", build), ("lookthrough", report), ("total", total), ("total CPU", cpu)):
        print(
            f"{label:12} median {statistics.median(xs) * 1000:6.1f} ms   "
            f"min {min(xs) * 1000:6.1f} ms   max {max(xs) * 1000:6.1f} ms"
        )
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall times grow with the load)")
    ok = statistics.median(total) <= 0.020
    print("target ≤ 20 ms (median):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
