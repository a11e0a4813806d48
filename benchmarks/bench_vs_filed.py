"""The optimizer now against the code the issues were filed on, side by side in the same minutes.

    .venv/bin/python benchmarks/bench_vs_filed.py [--rev 4ea02af] [--sizes 12,50,200,500] [--rounds 3]

The issues state their speed targets as absolute times next to "today" figures measured on another machine
(issue 8: ``rebalance()`` 4.4 / 18 / 72 / 267–333 ms at 12 / 50 / 200 / 500 assets, targets 2 / 10 / 40 /
120 ms). This machine is not that machine (and is shared: its speed moves by tens of percent from hour to
hour), so an absolute time measured here answers a different question. What can be compared is the ratio:
the code as it was when the issues were filed (``--rev``, by default 4ea02af, the last commit of the first
version) and the current code, each timed on the same scenario (``bench_rebalance.scenario``, unchanged
since then) in separate fresh processes, alternating, in the same minutes. A target is met when the
measured ratio is at most the issue's target ÷ its "today" figure.

The old code is exported with ``git archive`` into a temporary folder (needs the git history, as a clone
has) and runs on this project's virtual environment. Figures: median ``rebalance()`` time per size and
process, then per size the median over rounds and the ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILED = "4ea02af"
# issue 8: (the filed code's time "today" on the filer's machine, the target) in ms; 500: the midpoint
ISSUE8 = {12: (4.4, 2.0), 50: (18.0, 10.0), 200: (72.0, 40.0), 500: (300.0, 120.0)}

CHILD = """
import statistics, sys, time, warnings
warnings.filterwarnings("ignore")
sys.path.insert(0, sys.argv[1])
from benchmarks.bench_rebalance import scenario
from engine.optimize import rebalance
out = []
for n in [int(s) for s in sys.argv[2].split(",")]:
    sc, m = scenario(n)
    for _ in range(5):
        rebalance(sc, m)
    reps = int(sys.argv[3]) if n <= 12 else max(10, int(sys.argv[3]) // (5 if n <= 50 else 20))
    ts = []
    for _ in range(reps):
        t = time.perf_counter()
        rebalance(sc, m)
        ts.append(time.perf_counter() - t)
    out.append(f"{n}={statistics.median(ts) * 1e3:.4f}")
print(" ".join(out))
"""

# the batch benchmark's households (benchmarks/batch_shapes.py, loaded from this tree) on either code's API
LOOP_CHILD = """
import importlib.util, sys, time, warnings
warnings.filterwarnings("ignore")
sys.path.insert(0, sys.argv[1])
spec = importlib.util.spec_from_file_location("batch_shapes", sys.argv[2])
shapes = importlib.util.module_from_spec(spec)
spec.loader.exec_module(shapes)
from dataclasses import replace
from engine.api import rebalance
from tests.helpers import market
m = market()
n = int(sys.argv[3])
policies = [shapes.policy(i) for i in range(len(shapes.SHAPES))]
ports = list(shapes.portfolios(10 * n))
one = [replace(policies[0], portfolio=p) for p in ports[:: len(policies)][:n]]
ten = [replace(policies[k % len(policies)], portfolio=p) for k, p in enumerate(ports[:n])]
for sc in policies:
    rebalance(replace(sc, portfolio=ports[0]), m)
out = []
for tag, scs in (("one", one), ("ten", ten)):
    t = time.process_time()
    for sc in scs:
        rebalance(sc, m)
    out.append(f"{tag}={(time.process_time() - t) / len(scs) * 1e3:.4f}")
print(" ".join(out))
"""


def export(rev: str, into: Path) -> Path:
    """The tree of ``rev`` extracted into ``into`` (git archive: no worktree left behind)."""
    tar = into / "tree.tar"
    with tar.open("wb") as fh:
        subprocess.run(["git", "-C", str(ROOT), "archive", rev], stdout=fh, check=True)
    dest = into / rev
    dest.mkdir()
    with tarfile.open(tar) as tf:
        tf.extractall(dest, filter="data")
    return dest


def child(code: str, *args: str, cwd: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, timeout=1800, cwd=cwd
    )
    pairs = (item.split("=") for item in out.stdout.split())
    return {k: float(v) for k, v in pairs}


def timed(root: Path, sizes: str, reps: int) -> dict[int, float]:
    return {int(n): ms for n, ms in child(CHILD, str(root), sizes, str(reps), cwd=root).items()}


def loop(root: Path, households: int) -> dict[str, float]:
    """CPU ms per household of the API in a loop: one policy's households, then ten shapes interleaved."""
    shapes = ROOT / "benchmarks" / "batch_shapes.py"
    return child(LOOP_CHILD, str(root), str(shapes), str(households), cwd=root)


def gui(root: Path) -> list[str]:
    """The slider and cold-start lines of that code's own GUI benchmark (offscreen). The filed code's
    benchmark counts a move done when its result is delivered and the queued repaints ran; today's waits
    until the window has painted it — stricter, so the ratio is if anything unfavourable to today's code."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, str(root / "benchmarks" / "bench_gui.py")],
        capture_output=True,
        text=True,
        check=True,
        timeout=1800,
        cwd=root,
        env=env,
    )
    return [ln for ln in out.stdout.splitlines() if ln.startswith(("slider", "cold start"))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rev", default=FILED)
    ap.add_argument("--sizes", default="12,50,200,500")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--reps", type=int, default=300)
    ap.add_argument(
        "--loop", type=int, default=0, help="also time the batch book's households in an API loop"
    )
    ap.add_argument(
        "--gui", action="store_true", help="also run each code's own bench_gui.py (slider, cold start)"
    )
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="coresat-filed-") as tmp:
        old_root = export(args.rev, Path(tmp))
        runs: dict[str, list[dict[int, float]]] = {"filed": [], "now": []}
        loops: dict[str, list[dict[str, float]]] = {"filed": [], "now": []}
        for r in range(args.rounds):
            order = [("filed", old_root), ("now", ROOT)]
            for tag, root in order if r % 2 == 0 else order[::-1]:
                got = timed(root, args.sizes, args.reps)
                runs[tag].append(got)
                print(f"round {r + 1} {tag:5s} " + "  ".join(f"{n}: {ms:.2f} ms" for n, ms in got.items()))
                if args.loop:
                    loops[tag].append(loop(root, args.loop))
                    print(f"round {r + 1} {tag:5s} batch households in an API loop: {loops[tag][-1]}")
                if args.gui:
                    for line in gui(root):
                        print(f"round {r + 1} {tag:5s} {line}")
    print(
        f"\nrebalance() median over {args.rounds} rounds (each a median over calls), code at {args.rev} vs now"
    )
    print(f"{'assets':>6} {'filed ms':>9} {'now ms':>8} {'ratio':>6}   issue 8: today → target (ratio)   met")
    for n in (int(s) for s in args.sizes.split(",")):
        old = statistics.median(run[n] for run in runs["filed"])
        new = statistics.median(run[n] for run in runs["now"])
        ratio = new / old
        line = f"{n:>6} {old:>9.2f} {new:>8.2f} {ratio:>6.2f}"
        if n in ISSUE8:
            today, target = ISSUE8[n]
            ask = target / today
            line += f"   {today:g} → {target:g} ms ({ask:.2f})".ljust(35) + ("yes" if ratio <= ask else "no")
        print(line)
    if args.loop:
        print(
            f"\nthe batch benchmark's households, engine.api.rebalance in a loop ({args.loop} each), CPU ms each"
        )
        for what, label in (("one", "one policy"), ("ten", "ten shapes interleaved")):
            old = statistics.median(run[what] for run in loops["filed"])
            new = statistics.median(run[what] for run in loops["now"])
            print(f"  {label:24s} filed {old:6.2f}  now {new:6.2f}  ratio {new / old:.2f}")
        print(
            "  (issue 11 measured the filed code at 3.6 ms with one shape and 23.6 ms with ten on its households)"
        )
    if args.gui:
        print(
            "\nGUI: the rounds above; issue 15 measured the filed code at 15 ms median per slider move (target"
        )
        print("8 ms) and about 2.0 s cold start (target 1.5 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
