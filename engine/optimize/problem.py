"""The parametrized cvxpy rebalancing problem, built once per universe and constraint shape.

Formulated in weights (fractions of the value before trading) — dollar units make solvers stop far from
the optimum. Decision variables: buys ``zb ≥ 0`` and sells ``zs ≥ 0`` (weights), giving ``w = w0 + zb - zs``,
and the cost paid ``c = κᵀ(zb + zs)``. Costs are paid from cash, so the value after trading is ``1 - c``
and the upper limits and the volatility cap hold on the post-cost weights ``w / (1 - c)``: multiplied out
they stay linear / second-order-cone (``w_i ≤ hi_i (1 - c)``, ``‖F w‖ ≤ cap (1 - c)``), so costs are exact
and no limit is shrunk to make room for them. Lower limits are stated as ``w ≥ lo``, which implies
``w ≥ lo (1 - c)`` (stricter by lo·c, a few millionths): written exactly they could be met by paying
extra cost (buying and selling the same fund), which the solver would exploit.

Every number that changes from one solve to the next is a cvxpy Parameter, and the problems are DPP, so a
re-solve only maps new parameter values into the cached solver data. DPP pitfalls avoided on purpose: no
product of two parameters (``F @ t`` is passed in as its own parameter), and the covariance enters through
a factor ``F`` (k × n) plus an idiosyncratic diagonal ``d``: exact (k = n, d = 0) for small universes, a
k-factor model for large ones so that the parameter tensor stays small.

The objective is tracking error first, in up to two solves of the same feasible set:
  1. minimize ‖F(w - t)‖² + ‖d∘(w - t)‖² + γ c       tracking error² to the targets t, plus costs
     (γ = COST_WEIGHT: a one-off cost of 1 % of the value weighs as much as a tracking error² of 0.001,
     a tracking error of about 3.2 %; a stated trade-off, the same in the independent test solve).
     When the risk model is positive definite (the usual case: a shrunk covariance) this answer is unique
     and nothing else may move it, so it is the answer.
  2. Only when the risk model is singular (duplicate funds, more funds than observations) do several
     answers share that optimum: they are exactly the feasible points with the same risk exposures
     F(w - t), d∘(w - t) and no more cost (a strictly convex function of Fw plus a convex one is constant
     in Fw on its optimal set). Among them, minimize ‖w - t‖² + ε 1ᵀ(zb + zs): the stated sub-weights,
     then fewer trades. The equalities keep this a well-conditioned QP and cannot give up any optimality.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

import cvxpy as cp
import numpy as np

from engine.errors import SolverError
from engine.market import BoolArray, FloatArray
from engine.optimize.fastsolve import CompiledClarabel
from engine.optimize.inputs import Inputs

log = logging.getLogger(__name__)

COST_WEIGHT = 0.1  # γ: weight of trading costs (share of value) against tracking error² (variance)
SINGULAR = 1e-9  # a risk model whose smallest eigenvalue is below this × the largest is singular
COST_ROOM = 1e-9  # stage 2 may add this share of the stage-1 cost (solver tolerance)
EPS = 1e-6  # stage 2: weight of the trade count tie-break next to ‖w - t‖²
SCALE = 1e4  # objective scaling: solver tolerances (1e-8) far below the tracking error² that matters
EXACT_MAX = 30  # universes up to this size use the exact covariance factor
N_FACTORS = 20  # factors kept for larger universes
SNAP = 1e-10  # trades below this weight are solver noise and set to zero
SAFETY = 1e-7  # relative room kept under upper limits for solver tolerance
BIG_CAP = 1.0  # a volatility cap at or above this is no cap (inputs use BIG = 10)
FAST_CHECK_TOL = 1e-5  # the fast path must reproduce cvxpy's trades this closely (weights)


def covariance_factor(cov: FloatArray, k: int) -> tuple[FloatArray, FloatArray]:
    """(F, d) with Σ ≈ FᵀF + diag(d²). Exact when k == n (then d = 0); otherwise the top-k principal
    components plus the residual variances on the diagonal (the diagonal of Σ is matched exactly)."""
    n = cov.shape[0]
    vals, vecs = np.linalg.eigh(0.5 * (cov + cov.T))
    vals = np.clip(vals, 0.0, None)
    order = np.argsort(vals)[::-1][:k]
    f: FloatArray = (np.sqrt(vals[order])[:, None] * vecs[:, order].T).astype(float)
    if k >= n:
        return f, np.zeros(n)
    resid = np.clip(np.diag(cov) - np.einsum("ki,ki->i", f, f), 0.0, None)
    return f, np.sqrt(resid)


@dataclass(frozen=True)
class Solution:
    status: str  # "optimal", "infeasible", ...
    w: FloatArray  # weights of the value before trading (w0 + buys - sells)
    buys: FloatArray
    sells: FloatArray
    seconds: float
    cost: float = 0.0  # trading cost as a share of the value before trading

    @property
    def ok(self) -> bool:
        return self.status in ("optimal", "optimal_inaccurate")

    @property
    def w_after(self) -> FloatArray:
        """Weights of the value after trading (costs paid)."""
        out: FloatArray = self.w / max(1.0 - self.cost, 1e-12)
        return out


Values = dict[cp.Parameter, FloatArray | float]


class _Stage:
    """One cvxpy problem plus its fast re-solve path, checked against cvxpy's own solve when created."""

    def __init__(self, problem: cp.Problem, outputs: list[cp.Variable], name: str) -> None:
        self.problem = problem
        self.outputs = outputs
        self.name = name
        self.fast: CompiledClarabel | None = None
        self.fast_failed = False

    def solve(self, values: Values, use_fast: bool) -> tuple[str, list[FloatArray]]:
        if use_fast and self.fast is not None:
            try:
                status, out = self.fast.solve({p.id: val for p, val in values.items()})
                if status in ("optimal", "optimal_inaccurate", "infeasible"):
                    return status, out
                log.info("fast %s solve returned %s; solving with cvxpy", self.name, status)
            except Exception as exc:  # never reaches the user: cvxpy's own solve follows
                log.warning("fast %s solve failed (%s); using cvxpy from now on", self.name, exc)
                self.fast, self.fast_failed = None, True
        for p, val in values.items():
            p.value = val
        status = _solve(self.problem)
        if status not in ("optimal", "optimal_inaccurate") or any(v.value is None for v in self.outputs):
            return status, [np.zeros(v.size) for v in self.outputs]
        out = [np.asarray(v.value, dtype=float) for v in self.outputs]
        if use_fast and self.fast is None and not self.fast_failed:
            # answer with the fast path's own solve of these values: every later solve goes through
            # it, so the same inputs give the same answer whatever was solved before
            out = self._make_fast(values, out) or out
        return status, out

    def _make_fast(self, values: Values, expected: list[FloatArray]) -> list[FloatArray] | None:
        """Compile the fast path and keep it only if it reproduces cvxpy's answer on these values."""
        fast = CompiledClarabel.create(self.problem, self.outputs)
        if fast is None:
            log.info("fast %s path unavailable; using cvxpy's solve", self.name)
            self.fast_failed = True
            return None
        try:
            status, got = fast.solve({p.id: val for p, val in values.items()})
        except Exception as exc:
            log.warning("fast %s path failed its check (%s); using cvxpy's solve", self.name, exc)
            self.fast_failed = True
            return None
        worst = max(float(np.max(np.abs(a - b), initial=0.0)) for a, b in zip(got, expected, strict=True))
        if status not in ("optimal", "optimal_inaccurate") or worst > FAST_CHECK_TOL:
            log.warning(
                "fast %s path disagrees with cvxpy (status %s, largest difference %.2g); using cvxpy's solve",
                self.name,
                status,
                worst,
            )
            self.fast_failed = True
            return None
        self.fast = fast
        return got


class RebalanceProblem:
    """The compiled two-stage problem for a universe size and tree shape; ``solve`` sets parameters only.

    Variables are the trades ``zb`` (buys) and ``zs`` (sells) in weights, ``z = zb - zs``; every
    quantity that depends on the holdings enters as a precomputed parameter (``g0 = F w0`` and the like)
    so that no two parameters are ever multiplied (which would silently turn DPP off).
    """

    def __init__(self, n: int, node_members: FloatArray, n_look: int = 0) -> None:
        self.n = n
        self.n_look = n_look
        self.exact = n <= EXACT_MAX
        self.k = n if self.exact else N_FACTORS
        self._lock = threading.Lock()
        self._factor_key: int | None = None
        self.use_fast_path = True
        self._f = np.zeros((self.k, n))
        self._d = np.zeros(n)
        self.node_members = node_members
        k, m = self.k, node_members.shape[0]
        P = cp.Parameter

        self.zb = cp.Variable(n, nonneg=True, name="buys")
        self.zs = cp.Variable(n, nonneg=True, name="sells")
        self.cost = cp.Variable(name="cost")
        traded = self.zb + self.zs

        self.F = P((k, n), name="F")  # Σ ≈ FᵀF (+ diag(d²))
        self.g0 = P(k, name="F_w0")
        self.kappa = P(n, name="kappa", nonneg=True)
        self.buy_ub = P(n, name="buy_ub")
        self.sell_ub = P(n, name="sell_ub")
        self.z_lo = P(n, name="z_lo")  # lo - w0
        self.z_hi = P(n, name="z_hi")  # hi - w0
        self.hi_c = P(n, name="hi_cost", nonneg=True)  # hi where it binds (< 1), else 0
        self.cash_room = P(name="cash_room")  # c0 - cash_min
        self.turnover = P(name="turnover_cap")
        self.vol_cap = P(name="vol_cap", nonneg=True)
        self.vol_cap_c = P(name="vol_cap_cost", nonneg=True)  # the cap again, for cap·c (0 without a cap)
        self.gt = P(k, name="F_gap")
        self.gap = P(n, name="gap")  # w0 - t
        self.y_star = P(k, name="Fz_stage1")  # stage 2 keeps the stage-1 risk exposures ...
        self.cost_star = P(name="cost_stage1", nonneg=True)  # ... and pays no more cost
        # zv = z once and y = F z once (F enters the matrix a single time, keeping it sparse):
        # tracking error² ‖F(z + w0 - t)‖² = ‖y + gt‖², volatility ‖F(z + w0)‖ = ‖y + g0‖;
        # the factor model adds the residual terms e = d∘z.
        zv = cp.Variable(n, name="z")
        y = cp.Variable(k, name="Fz")
        cons = [
            self.zb <= self.buy_ub,
            self.zs <= self.sell_ub,
            zv == self.zb - self.zs,
            self.cost == self.kappa @ traded,
            zv >= self.z_lo,  # w ≥ lo: implies lo·(1 - c) and cannot be met by paying extra cost
            zv + cp.multiply(self.hi_c, self.cost) <= self.z_hi,
            cp.sum(zv) + self.cost <= self.cash_room,
            cp.sum(traded) <= self.turnover,
            y == self.F @ zv,
        ]
        te2 = cp.sum_squares(y + self.gt)
        keep_risk = [y == self.y_star]
        if self.exact:
            cons.append(cp.norm(y + self.g0, 2) + self.vol_cap_c * self.cost <= self.vol_cap)
        else:
            self.d = P(n, name="d")
            self.e0 = P(n, name="d_w0")
            self.et = P(n, name="d_gap")
            e = cp.Variable(n, name="dz")
            cons.append(e == cp.multiply(self.d, zv))
            te2 = te2 + cp.sum_squares(e + self.et)
            self.e_star = P(n, name="dz_stage1")
            keep_risk.append(e == self.e_star)
            stacked = cp.hstack([y + self.g0, e + self.e0])
            cons.append(cp.norm(stacked, 2) + self.vol_cap_c * self.cost <= self.vol_cap)
        if m:
            self.node_lo = P(m, name="node_lo")
            self.node_hi = P(m, name="node_hi")
            self.node_hi_c = P(m, name="node_hi_cost", nonneg=True)
            mz = node_members @ zv
            cons += [
                mz >= self.node_lo,
                mz + cp.multiply(self.node_hi_c, self.cost) <= self.node_hi,
            ]
        if n_look:
            # look-through rows (sector / company shares through the funds): the fund data is a parameter
            # too, so one compiled problem serves any bound and any fund data of this many rows
            self.look = P((n_look, n), name="look_rows")
            self.look_lo = P(n_look, name="look_lo")
            self.look_hi = P(n_look, name="look_hi")
            self.look_hi_c = P(n_look, name="look_hi_cost", nonneg=True)
            lz = self.look @ zv
            cons += [lz >= self.look_lo, lz + cp.multiply(self.look_hi_c, self.cost) <= self.look_hi]
        stage1 = te2 + COST_WEIGHT * self.cost
        self.problem = cp.Problem(cp.Minimize(SCALE * stage1), cons)
        tie = cp.sum_squares(zv + self.gap) + EPS * cp.sum(traded)
        stage2 = [*cons, *keep_risk, self.cost <= self.cost_star]
        self.tie_problem = cp.Problem(cp.Minimize(SCALE * tie), stage2)
        self.singular = False  # whether the current risk model needs stage 2
        outputs = [self.zb, self.zs]
        self._stage1 = _Stage(self.problem, outputs, "tracking-error")
        self._stage2 = _Stage(self.tie_problem, outputs, "tie-break")

    def is_dpp(self) -> bool:
        return bool(self.problem.is_dcp(dpp=True) and self.tie_problem.is_dcp(dpp=True))

    @property
    def fast_paths(self) -> tuple[bool, bool]:
        """Whether each stage re-solves through the checked fast path (for tests and benchmarks)."""
        return self._stage1.fast is not None, self._stage2.fast is not None

    def _factors(self, cov: FloatArray) -> None:
        key = hash(cov.tobytes())
        if self._factor_key == key:
            return
        self._f, self._d = covariance_factor(cov, self.k)
        self._factor_key = key
        if self.exact:
            sv = np.linalg.norm(self._f, axis=1) ** 2  # rows are √λ · eigenvector
            self.singular = bool(sv.min(initial=np.inf) <= SINGULAR * sv.max(initial=0.0))
        else:
            self.singular = bool(self._d.min(initial=np.inf) ** 2 <= SINGULAR * float(np.max(np.diag(cov))))

    def model_te2(self, w: FloatArray, target: FloatArray) -> float:
        """Tracking error² of ``w`` under the risk model the problem uses (exact or factor)."""
        gap = w - target
        return float(np.sum((self._f @ gap) ** 2) + np.sum((self._d * gap) ** 2))

    def parameter_values(
        self, x: Inputs, vol_cap: float | None = None, fixed: BoolArray | None = None
    ) -> Values:
        """The value of every parameter for inputs ``x`` (nothing is rebuilt)."""
        self._factors(x.cov)
        f, d = self._f, self._d
        gap = x.w0 - x.target
        buy_ub, sell_ub = x.buy_ub, np.maximum(x.sell_ub, 0.0)
        if fixed is not None and fixed.any():
            buy_ub = np.where(fixed, 0.0, buy_ub)
            sell_ub = np.where(fixed, 0.0, sell_ub)
        cap = x.vol_cap if vol_cap is None else vol_cap
        cap_on = cap < BIG_CAP
        keep = 1.0 - SAFETY
        lo = np.maximum(x.lo, 0.0)
        v: Values = {
            self.F: f,
            self.g0: f @ x.w0,
            self.kappa: x.kappa,
            self.buy_ub: buy_ub,
            self.sell_ub: sell_ub,
            self.z_lo: lo - x.w0,
            self.z_hi: np.where(x.hi < 1.0, x.hi * keep, x.hi) - x.w0,
            self.hi_c: np.where(x.hi < 1.0, x.hi * keep, 0.0),
            self.cash_room: x.c0 - x.cash_min,
            self.turnover: x.turnover_cap,
            self.vol_cap: cap * keep if cap_on else cap,
            self.vol_cap_c: cap * keep if cap_on else 0.0,
            self.gt: f @ gap,
            self.gap: gap,
            self.y_star: np.zeros(self.k),
            self.cost_star: 0.0,
        }
        if not self.exact:
            v |= {self.d: d, self.e0: d * x.w0, self.et: d * gap, self.e_star: np.zeros(self.n)}
        if x.nodes:
            mw0 = self.node_members @ x.w0
            nlo = np.array([max(nd.lo, 0.0) for nd in x.nodes])
            nhi = np.array([nd.hi for nd in x.nodes])
            v[self.node_lo] = nlo - mw0
            v[self.node_hi] = np.where(nhi < 1.0, nhi * keep, nhi) - mw0
            v[self.node_hi_c] = np.where(nhi < 1.0, nhi * keep, 0.0)
        if self.n_look:
            rows = np.array([r.row for r in x.look_through])
            rw0 = rows @ x.w0
            rlo = np.array([max(r.lo, 0.0) for r in x.look_through])
            rhi = np.array([r.hi for r in x.look_through])
            v[self.look] = rows
            v[self.look_lo] = rlo - rw0
            v[self.look_hi] = np.where(rhi < 1.0, rhi * keep, rhi) - rw0
            v[self.look_hi_c] = np.where(rhi < 1.0, rhi * keep, 0.0)
        return v

    def solve(self, x: Inputs, *, vol_cap: float | None = None, fixed: BoolArray | None = None) -> Solution:
        """Solve for ``x``. ``fixed`` (bool per asset) forbids trading those assets (min-trade pass)."""
        with self._lock:
            values = self.parameter_values(x, vol_cap, fixed)
            start = time.perf_counter()
            fast = self.use_fast_path
            buy_ub, sell_ub = np.asarray(values[self.buy_ub]), np.asarray(values[self.sell_ub])
            status, (zb, zs) = self._stage1.solve(values, fast)
            if status in ("optimal", "optimal_inaccurate"):
                zb, zs = _snap(zb, zs, buy_ub, sell_ub)
            if status in ("optimal", "optimal_inaccurate") and self.singular:
                z1 = zb - zs
                values[self.y_star] = self._f @ z1
                if not self.exact:
                    values[self.e_star] = self._d * z1
                cost1 = float(x.kappa @ (zb + zs))
                values[self.cost_star] = cost1 * (1.0 + COST_ROOM) + 1e-12
                status2, (zb2, zs2) = self._stage2.solve(values, fast)
                if status2 in ("optimal", "optimal_inaccurate"):
                    zb, zs = _snap(zb2, zs2, buy_ub, sell_ub)
                else:
                    log.info("tie-break solve returned %s; keeping the tracking-error optimum", status2)
            seconds = time.perf_counter() - start
            if status not in ("optimal", "optimal_inaccurate"):
                return Solution(status, x.w0.copy(), np.zeros(self.n), np.zeros(self.n), seconds)
            cost = float(x.kappa @ (zb + zs))
            return Solution(status, x.w0 + zb - zs, zb, zs, seconds, cost)


def _snap(
    zb: FloatArray, zs: FloatArray, buy_ub: FloatArray, sell_ub: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Solver answer → clean trades: net out buy-and-sell noise, drop trades below SNAP, and never
    trade an asset whose bound is zero (a 1e-11 "buy" of a no-buy ticker is noise, not a trade)."""
    net = zb - zs
    net[np.abs(net) < SNAP] = 0.0
    b = np.clip(net, 0.0, None)
    s = np.minimum(np.clip(-net, 0.0, None), np.maximum(sell_ub, 0.0))
    b[buy_ub <= 0] = 0.0
    s[sell_ub <= 0] = 0.0
    return b, s


def _solve(problem: cp.Problem) -> str:
    for solver, opts in ((cp.CLARABEL, {}), (cp.SCS, {"eps_abs": 1e-7, "eps_rel": 1e-7})):
        try:
            problem.solve(solver=solver, **opts)
        except cp.error.SolverError:
            continue
        status = str(problem.status)
        if status in ("optimal", "optimal_inaccurate", "infeasible", "infeasible_inaccurate"):
            return status.replace("infeasible_inaccurate", "infeasible")
    raise SolverError(
        "the optimizer's solvers failed on this problem; try fractional shares or looser limits"
    )


_CACHE: OrderedDict[tuple[object, ...], RebalanceProblem] = OrderedDict()
_CACHE_LOCK = threading.Lock()
_CACHE_SIZE = 8


def problem_for(x: Inputs) -> RebalanceProblem:
    """The cached compiled problem for ``x``'s shape (built on first use)."""
    key = x.shape_key()
    with _CACHE_LOCK:
        prob = _CACHE.get(key)
        if prob is not None:
            _CACHE.move_to_end(key)
            return prob
    members = np.array([nd.members for nd in x.nodes]) if x.nodes else np.zeros((0, x.n))
    prob = RebalanceProblem(x.n, members, len(x.look_through))
    with _CACHE_LOCK:
        _CACHE[key] = prob
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return prob
