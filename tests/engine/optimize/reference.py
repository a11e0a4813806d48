"""An independent continuous reference solve, written directly in post-trade weights with the full
covariance (no factor model, no trade split into buys and sells, no shared code with engine/optimize
beyond the prepared numbers w0, target, cov, bounds).

The stated problem: minimize tracking error² + 0.1 × trading cost (the stated weight of costs); among several minimizers (singular
covariance only), the one with the smallest ‖w − t‖². Costs are paid from cash, so the value after trading is
``1 − cost`` (in units of the value before); every weight limit and the volatility cap apply to the
post-cost weights ``w / (1 − cost)``, which are linear / second-order-cone constraints when multiplied out.
"""

from __future__ import annotations

import cvxpy as cp
import numpy as np

from engine.optimize.inputs import BIG, Inputs

COST_WEIGHT = 0.1  # the stated weight of trading costs against tracking error² (docs of problem.py)


def _limits(x: Inputs, w: cp.Variable) -> tuple[list[cp.Constraint], cp.Expression]:
    c = x.scenario.constraints
    d = w - x.w0
    traded = cp.Variable(x.n, nonneg=True)  # ≥ |d|: the amount traded, costs paid on it
    cost = x.kappa @ traded
    keep = 1 - cost
    cons: list[cp.Constraint] = [w >= 0, traded >= d, traded >= -d]
    cons.append(x.c0 - cp.sum(d) - cost >= x.cash_min)
    for i, tk in enumerate(x.tickers):
        if tk in c.no_buy or c.mode.value == "sell_only":
            cons.append(d[i] <= 0)
        if tk in c.no_sell or c.mode.value == "buy_only":
            cons.append(d[i] >= 0)
        if x.lo[i] > 0:
            cons.append(w[i] >= x.lo[i])
        if x.hi[i] < 1:
            cons.append(w[i] <= x.hi[i] * keep)
    for nd in x.nodes:
        if nd.lo > 0:
            cons.append(nd.members @ w >= nd.lo)
        if nd.hi < 1:
            cons.append(nd.members @ w <= nd.hi * keep)
    if x.turnover_cap < BIG:
        cons.append(cp.sum(traded) <= x.turnover_cap)
    if x.vol_cap < BIG:
        vals, vecs = np.linalg.eigh(x.cov)
        root = vecs @ np.diag(np.sqrt(np.clip(vals, 0, None))) @ vecs.T
        cons.append(cp.norm(root @ w, 2) <= x.vol_cap * keep)
    return cons, cost


def _f(x: Inputs, w: np.ndarray) -> float:
    gap = w - x.target
    return float(gap @ x.cov @ gap + COST_WEIGHT * x.kappa @ np.abs(w - x.w0))


def min_te(x: Inputs) -> np.ndarray | None:
    """Pre-trade-value weights of the reference answer (None when infeasible). With a positive definite
    covariance the minimum is unique; with a singular one, the answer closest to the targets among the
    minimizers (those with the same risk exposures and cost)."""
    w = cp.Variable(x.n)
    cons, cost = _limits(x, w)
    vals, vecs = np.linalg.eigh(x.cov)
    root = np.diag(np.sqrt(np.clip(vals, 0, None))) @ vecs.T
    te2 = cp.sum_squares(root @ (w - x.target))
    p1 = cp.Problem(cp.Minimize(1e2 * (te2 + COST_WEIGHT * cost)), cons)
    best: np.ndarray | None = None
    for tight in ({"tol_gap_abs": 1e-10, "tol_gap_rel": 1e-10, "tol_feas": 1e-10}, {}):
        try:
            p1.solve(solver=cp.CLARABEL, **tight)
        except cp.error.SolverError:
            continue
        if p1.status in ("optimal", "optimal_inaccurate") and (best is None or _f(x, w.value) < _f(x, best)):
            best = np.asarray(w.value)
        if p1.status == "infeasible":
            return None
    if best is None:
        return None
    w1 = best
    if vals.min() > 1e-9 * vals.max():
        return w1
    c1 = float(x.kappa @ np.abs(w1 - x.w0))
    p2 = cp.Problem(
        cp.Minimize(cp.sum_squares(w - x.target)),
        [*cons, root @ w == root @ w1, cost <= c1 * (1 + 1e-9) + 1e-12],
    )
    try:
        p2.solve(solver=cp.CLARABEL)
    except cp.error.SolverError:
        return w1
    if p2.status not in ("optimal", "optimal_inaccurate"):
        return w1
    return np.asarray(w.value)
