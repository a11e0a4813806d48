"""What ``rebalance()`` spends outside the solver and the whole-share settling (``find_tradable``): preparing
the inputs (with the scenario's validation), building the result (rows, risk, bindings, trade reasons,
headline, notes, the final check) and rendering the messages.

    .venv/bin/python benchmarks/bench_rebalance_parts.py [--sizes 12,50] [--calls 400] [--before]

Each call of ``rebalance()`` on the benchmark scenario (benchmarks/bench_rebalance.py) is timed whole and by
part; the figures are the 10th percentile and the median over the calls (the machine is shared: the low
percentile is the steadiest). ``--before`` also runs the frozen copy of the code as it was before these parts
were made faster (tests/engine/optimize/legacy, the same solver and settling), call by call interleaved with
the current code in this one process — compare the ratios. (The copy shares the message value classes with
the current code, so its figures already include their faster construction: the ratios understate.)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_rebalance import scenario

PARTS = ("prepare", "_result", "find_tradable")


def _instrument(mod: ModuleType, spent: dict[str, float]) -> None:
    for name in PARTS:
        f = getattr(mod, name)

        def timed(*a: Any, _f: Any = f, _name: str = name, **k: Any) -> Any:
            t = time.perf_counter()
            try:
                return _f(*a, **k)
            finally:
                spent[_name] = spent.get(_name, 0.0) + time.perf_counter() - t

        setattr(mod, name, timed)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="12,50")
    ap.add_argument("--calls", type=int, default=400)
    ap.add_argument("--before", action="store_true")
    args = ap.parse_args(argv)
    import engine.optimize.rebalancer as now

    spent: dict[str, float] = {}
    _instrument(now, spent)
    runs: dict[str, Any] = {"now": now.rebalance}
    if args.before:
        from tests.engine.optimize.legacy import rebalancer_old as before

        _instrument(before, spent)
        runs = {"before": before.rebalance, **runs}
    for n in (int(s) for s in args.sizes.split(",")):
        sc, m = scenario(n)
        calls = args.calls if n <= 12 else max(args.calls // 3, 20)
        for f in runs.values():
            for _ in range(20):
                f(sc, m)
        rows: dict[str, list[tuple[float, ...]]] = {k: [] for k in runs}
        for j in range(calls):
            for tag in list(runs)[:: 1 if j % 2 else -1]:  # alternate which runs first
                spent.clear()
                t = time.perf_counter()
                runs[tag](sc, m)
                total = time.perf_counter() - t
                p, r, s = (spent.get(k, 0.0) for k in PARTS)
                rows[tag].append((total, p, r, total - s))

        def q(tag: str, col: int, at: float, rows: dict[str, list[tuple[float, ...]]] = rows) -> float:
            v = sorted(row[col] for row in rows[tag])
            return v[int(at * (len(v) - 1))] * 1e3

        print(f"{n} assets, {calls} calls each; ms at the 10th percentile / median")
        for col, name in ((0, "rebalance()"), (1, "prepare"), (2, "_result"), (3, "all but find_tradable")):
            cells = [f"{tag} {q(tag, col, 0.1):7.3f} / {q(tag, col, 0.5):7.3f}" for tag in runs]
            ratio = (
                f"   before / now {q('before', col, 0.1) / q('now', col, 0.1):.2f}"
                if "before" in runs
                else ""
            )
            print(f"  {name:22s} " + "   ".join(cells) + ratio)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
