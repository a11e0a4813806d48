"""Peak memory of one rebalance against the number of tickers (each size in a fresh process).

    PYTHONPATH=. python benchmarks/bench_universe_memory.py 100 200 300

Prints, per size, the peak resident memory above the memory after imports, and the fitted bytes per
ticker² that engine/io/capacity.py uses to refuse too-large universes (BYTES_PER_TICKER2 up to DPP_MAX
tickers, DENSE_BYTES_PER_TICKER2 above).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

CHILD = r"""
import json, resource, sys, time
import numpy as np
from engine.model.scenario import AssetTarget, Holding, Portfolio, Role, Scenario, Sleeve, TargetTree, Constraints
from tests.helpers import random_market
import engine.optimize  # imports (cvxpy) before the baseline
n = int(sys.argv[1])
m = random_market(n)
tk = list(m.tickers)
rng = np.random.default_rng(0)
sleeves = (
    Sleeve("Core", Role.CORE, 0.6, (AssetTarget(tk[0], 1.0),)),
    Sleeve("Rest", Role.SATELLITE, 0.4, tuple(AssetTarget(t, 1.0 / (n - 1)) for t in tk[1:])),
)
sc = Scenario(
    name="bench",
    portfolio=Portfolio(tuple(Holding(t, float(rng.integers(0, 50))) for t in tk), cash=10_000.0),
    targets=TargetTree(sleeves=sleeves),
    constraints=Constraints(vol_cap=0.3),
)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
from engine.api import rebalance
r = rebalance(sc, m)
dt = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"n": n, "extra_mb": (peak - base) / 1024, "seconds": dt, "status": str(r.status)}))
"""


def main(sizes: list[int]) -> None:
    rows = []
    for n in sizes:
        t0 = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(n)], capture_output=True, text=True, check=True
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(
            f"{n:5d} tickers: +{row['extra_mb']:8.1f} MB peak, solve {row['seconds']:6.1f} s "
            f"({row['status']}; wall {time.perf_counter() - t0:.1f} s)"
        )
    fit = max(r["extra_mb"] * 1e6 / r["n"] ** 2 for r in rows)
    print(f"largest bytes per ticker²: {fit:,.0f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 200, 300])
