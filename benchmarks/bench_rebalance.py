"""The optimizer's speed, all figures measured side by side in one run (machines are noisy: compare ratios).

    .venv/bin/python benchmarks/bench_rebalance.py [--repeat N] [--sizes 12,50,200,500] [--big 1000]

For each size: median time of
- re-solve: the cached problem with new parameter values (a different volatility cap each call, as a
  slider would set), including setting the parameters and reading the answer;
- bare Clarabel: a fresh Clarabel solver on the very same solver data (P, q, A, b) — the floor for the
  formulation the engine uses;
- lean Clarabel: a fresh Clarabel solve of the same problem written by hand in its leanest form (buys and
  sells only, risk model folded into P, only rows that can bind), checked to give the same trades;
- cvxpy cached: cvxpy's own re-solve of the compiled parametrized problem (what the fast path replaces);
- plain cvxpy: a plain (non-parametrized) cvxpy build of the same model (same risk model, costs,
  limits) and its solve, as anyone would write it;
- full rebalance: the whole engine call (inputs, solve, whole-share settling, checker, explanations).
Then the first build (compile + first solve) of a ``--big``-ticker problem, in a fresh process, with its
peak memory.
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
from engine.optimize.problem import problem_for
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


def plain_cvxpy(x, cap: float) -> float:  # type: ignore[no-untyped-def]
    """Build and solve the same model in plain cvxpy (constants, no parameters); returns seconds."""
    import cvxpy as cp

    from engine.optimize.diagnose import risk_root
    from engine.optimize.problem import COST_WEIGHT

    t = time.perf_counter()
    f, d = risk_root(x)
    zb = cp.Variable(x.n, nonneg=True)
    zs = cp.Variable(x.n, nonneg=True)
    w = x.w0 + zb - zs
    cost = x.kappa @ (zb + zs)
    gap = w - x.target
    te2 = cp.sum_squares(f @ gap) + (cp.sum_squares(cp.multiply(d, gap)) if d.any() else 0)
    risk = cp.hstack([f @ w, cp.multiply(d, w)]) if d.any() else f @ w
    cons = [
        zb <= x.buy_ub,
        zs <= x.sell_ub,
        cp.sum(zb - zs) + cost <= x.c0 - x.cash_min,
        cp.norm(risk, 2) <= cap * (1 - cost),
    ]
    for nd in x.nodes:
        if nd.lo > 0:
            cons.append(nd.members @ w >= nd.lo * (1 - cost))
    prob = cp.Problem(cp.Minimize(te2 + COST_WEIGHT * cost), cons)
    prob.solve(solver=cp.CLARABEL)
    assert prob.status == "optimal", prob.status
    return time.perf_counter() - t


def bare_clarabel(prob, x, cap: float) -> float:  # type: ignore[no-untyped-def]
    """A fresh Clarabel solve of the engine's own stage-1 solver data; returns seconds."""
    import clarabel

    fast = prob._stage1.fast
    values = prob.parameter_values(x, cap)
    p, q, a, b = fast._data({k.id: v for k, v in values.items()})
    settings = clarabel.DefaultSettings()
    settings.verbose = False
    t = time.perf_counter()
    clarabel.DefaultSolver(p, q, a, b, fast._cones, settings).solve()
    return time.perf_counter() - t


def lean_data(prob, x, cap: float):  # type: ignore[no-untyped-def]
    """The same stage-1 problem written by hand in its leanest form for Clarabel: only the buys and sells
    (2n variables), the risk model folded into a dense P, and only rows that can bind (no row for a bound
    of BIG or an upper weight of 1). Returns (P, q, A, b, cones)."""
    import clarabel
    import scipy.sparse as sp

    from engine.optimize.inputs import BIG
    from engine.optimize.limits.base import SAFETY
    from engine.optimize.problem import COST_WEIGHT, SCALE

    s = prob._setting(x, cap, None)
    f, d = s.f, s.d
    n = x.n
    keep = 1.0 - SAFETY
    sig = f.T @ f + np.diag(d * d)
    dmat = np.hstack([np.eye(n), -np.eye(n)])  # z = D u, u = (buys, sells)
    kap2 = np.concatenate([x.kappa, x.kappa])  # cost = kap2 @ u
    p = 2.0 * SCALE * dmat.T @ sig @ dmat
    q = SCALE * (2.0 * dmat.T @ sig @ (x.w0 - x.target) + COST_WEIGHT * kap2)
    rows: list[np.ndarray] = []
    rhs: list[float] = []

    def le(row: np.ndarray, b: float) -> None:  # row @ u <= b
        rows.append(row)
        rhs.append(b)

    eye2 = np.eye(2 * n)
    for i in range(2 * n):
        le(-eye2[i], 0.0)  # u >= 0
    for i in range(n):
        if x.buy_ub[i] < BIG:
            le(eye2[i], float(x.buy_ub[i]))
        le(eye2[n + i], float(max(x.sell_ub[i], 0.0)))
    le(np.ones(n) @ dmat + kap2, x.c0 - x.cash_min)  # cash
    for i in range(n):
        if x.lo[i] > 0:
            le(-dmat[i], -(x.lo[i] - x.w0[i]))
        if x.hi[i] < 1:
            le(dmat[i] + x.hi[i] * keep * kap2, x.hi[i] * keep - x.w0[i])
    for nd in x.nodes:
        mw0 = float(nd.members @ x.w0)
        if nd.lo > 0:
            le(-(nd.members @ dmat), -(max(nd.lo, 0.0) - mw0))
        if nd.hi < 1:
            le(nd.members @ dmat + nd.hi * keep * kap2, nd.hi * keep - mw0)
    if x.turnover_cap < BIG:
        le(np.ones(2 * n), x.turnover_cap)
    a_lin = np.array(rows)
    b_lin = np.array(rhs)
    cones = [clarabel.NonnegativeConeT(len(rows))]
    a, b = a_lin, b_lin
    if cap < BIG:
        # ‖R (w0 + D u)‖ <= cap·keep·(1 - kap2 @ u), R = [F; diag(d)] (d rows only for a factor model)
        r = f if not d.any() else np.vstack([f, np.diag(d)])
        a = np.vstack([a_lin, cap * keep * kap2[None, :], -r @ dmat])
        b = np.concatenate([b_lin, [cap * keep], r @ x.w0])
        cones.append(clarabel.SecondOrderConeT(1 + r.shape[0]))
    return sp.csc_matrix(np.triu(p)), q, sp.csc_matrix(a), b, cones


def stage1_objective(prob, x, z: np.ndarray) -> float:  # type: ignore[no-untyped-def]
    """Tracking error² under the problem's risk model plus the weighted cost, for net trades z."""
    from engine.optimize.problem import COST_WEIGHT

    return prob.model_te2(x.w0 + z, x.target) + COST_WEIGHT * float(x.kappa @ np.abs(z))


def lean_clarabel(prob, x, cap: float) -> tuple[float, np.ndarray]:  # type: ignore[no-untyped-def]
    """Seconds of a fresh Clarabel solve of the lean formulation (data built outside the timing), and
    its net trades z (checked against the engine's own answer by the caller)."""
    import clarabel

    p, q, a, b, cones = lean_data(prob, x, cap)
    settings = clarabel.DefaultSettings()
    settings.verbose = False
    t = time.perf_counter()
    sol = clarabel.DefaultSolver(p, q, a, b, cones, settings).solve()
    dt = time.perf_counter() - t
    u = np.asarray(sol.x)
    return dt, u[: x.n] - u[x.n :]


def cvxpy_cached(prob, x, cap: float) -> float:  # type: ignore[no-untyped-def]
    """cvxpy's own re-solve of the compiled (DPP) problem: set the parameters, ``problem.solve``."""
    import cvxpy as cp

    values = prob.parameter_values(x, cap)
    t = time.perf_counter()
    for par, val in values.items():
        par.value = val
    prob.problem.solve(solver=cp.CLARABEL)
    return time.perf_counter() - t


def first_build(n: int) -> tuple[float, float]:
    """Seconds and peak MB (whole process) of compiling and solving an n-ticker problem, fresh process."""
    import subprocess

    code = f"""
import resource, sys, time
sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})
from benchmarks.bench_rebalance import scenario
from engine.optimize.inputs import prepare
from engine.optimize.problem import problem_for
sc, m = scenario({n})
x = prepare(sc, m)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
sol = problem_for(x).solve(x)
dt = time.perf_counter() - t
assert sol.ok
print(dt, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=900
    )
    secs, mb = out.stdout.split()
    return float(secs), float(mb)


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
    bare = [bare_clarabel(prob, x, float(caps[i % len(caps)])) for i in range(max(5, repeat // 5))]
    lean = []
    for i in range(max(5, repeat // 5)):
        cap = float(caps[i % len(caps)])
        dt, z = lean_clarabel(prob, x, cap)
        lean.append(dt)
        engine_z = prob.solve(x, vol_cap=cap).w - x.w0
        # the same problem: the same optimal value (the optimum can be flat, so trades may differ a little)
        a, b = stage1_objective(prob, x, z), stage1_objective(prob, x, engine_z)
        assert abs(a - b) <= 1e-6 * max(b, 1e-6), f"the lean formulation is not the same problem ({a} vs {b})"
    cached = [cvxpy_cached(prob, x, float(caps[i % len(caps)])) for i in range(max(3, repeat // 20))]
    plain = [plain_cvxpy(x, float(caps[i % len(caps)])) for i in range(max(3, repeat // 20))]
    full = []
    for _ in range(max(5, repeat // 10)):
        t = time.perf_counter()
        rebalance(sc, m)
        full.append(time.perf_counter() - t)
    return {
        "n": n,
        "resolve_ms": median_ms(resolve),
        "bare_ms": median_ms(bare),
        "lean_ms": median_ms(lean),
        "cached_ms": median_ms(cached),
        "plain_ms": median_ms(plain),
        "rebalance_ms": median_ms(full),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=200)
    ap.add_argument("--sizes", default="12,50,200,500")
    ap.add_argument("--big", type=int, default=1000)
    args = ap.parse_args()
    head = (
        "assets",
        "re-solve ms",
        "bare Clarabel ms",
        "lean Clarabel ms",
        "ratio to lean",
        "cvxpy cached ms",
        "plain cvxpy ms",
        "rebalance() ms",
    )
    print("{:>6} {:>12} {:>17} {:>17} {:>14} {:>16} {:>15} {:>15}".format(*head))
    for n in (int(v) for v in args.sizes.split(",")):
        r = run(n, args.repeat if n < 200 else max(20, args.repeat // 8))
        print(
            f"{n:>6} {r['resolve_ms']:>12.3f} {r['bare_ms']:>17.3f} {r['lean_ms']:>17.3f}"
            f" {r['resolve_ms'] / r['lean_ms']:>14.2f} {r['cached_ms']:>16.2f}"
            f" {r['plain_ms']:>15.2f} {r['rebalance_ms']:>15.2f}"
        )
    if args.big:
        secs, mb = first_build(args.big)
        print(f"first build + solve of a {args.big}-ticker problem: {secs:.2f} s, peak {mb:.0f} MB (process)")


if __name__ == "__main__":
    main()
