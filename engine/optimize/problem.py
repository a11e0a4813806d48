"""The parametrized cvxpy rebalancing problem, built once per universe and constraint shape.

Formulated in weights (fractions of the value before trading) — dollar units make solvers stop far from
the optimum. Decision variables: buys ``zb ≥ 0`` and sells ``zs ≥ 0`` (weights), giving ``w = w0 + zb - zs``,
and the cost paid ``c = κᵀ(zb + zs)``. Costs are paid from cash, so the value after trading is ``1 - c``
and the upper limits and the volatility cap hold on the post-cost weights ``w / (1 - c)``: multiplied out
they stay linear / second-order-cone (``w_i ≤ hi_i (1 - c)``, ``‖F w‖ ≤ cap (1 - c)``), so costs are exact
and no limit is shrunk to make room for them. Lower limits are stated as ``w ≥ lo``, which implies
``w ≥ lo (1 - c)`` (stricter by lo·c, a few millionths): written exactly they could be met by paying
extra cost (buying and selling the same fund), which the solver would exploit.

Each limit (limits/) and objective term (objective.py) compiles its own rows and parameters against the
variables here and sets its own values (cvxportfolio-style), so a new limit is one object plus its
registration in ``limits.LIMITS``. Every number that changes from one solve to the next is a cvxpy Parameter, and the problems are DPP, so a
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

The volatility cap is the only cone. Up to QP_FIRST_MAX tickers a cap-free twin of stage 1 is compiled
too, a QP solved by PIQP (fastqp.py); when the holdings and the targets are both under the cap it is tried
first and its answer kept if it keeps the cap (then it is the capped answer: ``_first``).
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

import cvxpy as cp
import numpy as np

from engine.io.capacity import BYTES_PER_TICKER2, DENSE_BYTES_PER_TICKER2, use_parametrized
from engine.market import BoolArray, FloatArray
from engine.optimize.inputs import Inputs
from engine.optimize.limits import cap_rows, compile_each
from engine.optimize.limits.base import BIG_CAP, Compiled, Ctx, Setting, Values
from engine.optimize.limits.trades import trade_bounds
from engine.optimize.objective import COST_WEIGHT as COST_WEIGHT  # the stated trade-off (tests, benchmarks)
from engine.optimize.objective import CompiledTerm, TieBreak, TrackingError, TradingCost
from engine.optimize.stage import FAST_CHECK_TOL as FAST_CHECK_TOL  # the fast path's check (tests)
from engine.optimize.stage import Stage

log = logging.getLogger(__name__)

SINGULAR = 1e-9  # a risk model whose smallest eigenvalue is below this × the largest is singular
SCALE = 1e4  # objective scaling: solver tolerances (1e-8) far below the tracking error² that matters
EXACT_MAX = 30  # universes up to this size use the exact covariance factor
N_FACTORS = 20  # factors kept for larger universes
LANCZOS_MIN = 150  # from this size the top factors come from a Lanczos solve, not a full eigendecomposition
SNAP = 1e-10  # trades below this weight are solver noise and set to zero
QP_FIRST_MAX = 60  # up to this size a cap-free QP twin of the problem is compiled too (``solve``)
CAP_ROOM = 1e-7  # a cap-free answer is taken when its volatility is this far under the cap row's bound


def factor_model(cov: FloatArray, k: int, exact: bool) -> tuple[FloatArray, FloatArray, bool]:
    """(F, d, singular): ``covariance_factor`` and whether that risk model is singular (then several
    answers can share the tracking-error optimum and a tie-break stage decides)."""
    f, d = covariance_factor(cov, k)
    if exact:
        sv = np.linalg.norm(f, axis=1) ** 2  # rows are √λ · eigenvector
        return f, d, bool(sv.min(initial=np.inf) <= SINGULAR * sv.max(initial=0.0))
    return f, d, bool(d.min(initial=np.inf) ** 2 <= SINGULAR * float(np.max(np.diag(cov))))


def covariance_factor(cov: FloatArray, k: int) -> tuple[FloatArray, FloatArray]:
    """(F, d) with Σ ≈ FᵀF + diag(d²). Exact when k == n (then d = 0); otherwise the top-k principal
    components plus the residual variances on the diagonal (the diagonal of Σ is matched exactly)."""
    n = cov.shape[0]
    sym = 0.5 * (cov + cov.T)
    if k < n and n >= LANCZOS_MIN:
        # only the top k of n eigenpairs are kept: Lanczos finds them in a few hundred products with Σ
        # (0.3 s at 1,000 tickers where a full eigendecomposition takes 1–2.5 s). A fixed start vector
        # keeps the answer the same from run to run. One BLAS thread: these hundreds of small products
        # ran 9× slower with OpenBLAS's threads on a busy 2-core machine (3.8 s against 0.43 s).
        from scipy.sparse.linalg import eigsh
        from threadpoolctl import threadpool_limits

        with threadpool_limits(limits=1, user_api="blas"):
            vals, vecs = eigsh(sym, k=k, which="LA", v0=np.ones(n) / np.sqrt(n))
    else:
        vals, vecs = np.linalg.eigh(sym)
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


class RebalanceProblem:
    """The compiled two-stage problem for a universe size and limit shape; ``solve`` sets parameters only.

    The problem owns the variables and the risk model (``y = F z``, ``e = d∘z``, ``cost = κᵀ(zb + zs)``);
    every limit (``limits.LIMITS``) and objective term (``objective``) compiles its own rows and
    parameters against them, so a new limit is one object plus its registration in ``LIMITS``.
    """

    def __init__(self, n: int, node_members: FloatArray, look_kinds: tuple[str, ...] = ()) -> None:
        self.n = n
        self.exact = n <= EXACT_MAX
        self.k = n if self.exact else N_FACTORS
        # Compiling the parametrized (DPP) form costs memory in the square of the size (cvxpy's parameter
        # tensors: 2.4 GB at 1,000 tickers); beyond capacity.DPP_MAX tickers, or when that would not fit
        # in free memory, each solve canonicalizes the problem with its parameters as constants instead
        # (about 0.4 s and +30 MB at 1,000 tickers), giving up only the fast re-solve a slider needs.
        self.dpp = use_parametrized(n)
        self._lock = threading.Lock()
        self._factor_key: int | None = None
        self.use_fast_path = True
        self._f = np.zeros((self.k, n))
        self._d = np.zeros(n)
        self.node_members = node_members
        k = self.k
        P = cp.Parameter

        self.zb = cp.Variable(n, nonneg=True, name="buys")
        self.zs = cp.Variable(n, nonneg=True, name="sells")
        self.cost = cp.Variable(name="cost")
        self.F = P((k, n), name="F")  # Σ ≈ FᵀF (+ diag(d²))
        self.kappa = P(n, name="kappa", nonneg=True)
        # z once and y = F z once (F enters the matrix a single time, keeping it sparse); the factor
        # model adds the residual exposures e = d∘z
        zv = cp.Variable(n, name="z")
        y = cp.Variable(k, name="Fz")
        cons: list[cp.Constraint] = [
            zv == self.zb - self.zs,
            self.cost == self.kappa @ (self.zb + self.zs),
            y == self.F @ zv,
        ]
        e = None
        if not self.exact:
            self.d = P(n, name="d")
            e = cp.Variable(n, name="dz")
            cons.append(e == cp.multiply(self.d, zv))
        ctx = Ctx(n, k, self.exact, self.zb, self.zs, zv, self.cost, y, e, node_members, look_kinds)
        pairs = compile_each(ctx)
        cons += [row for _, c in pairs for row in c.constraints]
        self._compiled: list[Compiled | CompiledTerm] = [c for _, c in pairs]
        terms = [term.compile(ctx) for term in (TrackingError(), TradingCost())]
        self._compiled += terms
        self._tie = TieBreak().compile(ctx)
        self._compiled.append(self._tie)
        self.problem = cp.Problem(cp.Minimize(SCALE * cp.sum([t.expr for t in terms])), cons)
        self.tie_problem = cp.Problem(cp.Minimize(SCALE * self._tie.expr), [*cons, *self._tie.constraints])
        self.singular = False  # whether the current risk model needs stage 2
        outputs = [self.zb, self.zs]
        # stage 1 is unique when the risk model is positive definite, and stage 2 runs when it is not
        self._stage1 = Stage(self.problem, outputs, "tracking-error", kept_solver=True)
        self._stage2 = Stage(self.tie_problem, outputs, "tie-break", kept_solver=True)
        # stage 1 without the volatility cap's cone is a quadratic program, solved by PIQP in about half
        # Clarabel's time for the cone program (``solve``: used when its answer keeps the cap)
        self.free_problem: cp.Problem | None = None
        self._free: Stage | None = None
        if n <= QP_FIRST_MAX and self.dpp:
            capped = cap_rows(pairs)
            free_rows = [c for c in cons if not any(c is r for r in capped)]
            self.free_problem = cp.Problem(self.problem.objective, free_rows)
            self._free = Stage(self.free_problem, outputs, "cap-free", qp=True)

    def is_dpp(self) -> bool:
        free_dpp = self.free_problem is None or self.free_problem.is_dcp(dpp=True)
        return bool(self.problem.is_dcp(dpp=True) and self.tie_problem.is_dcp(dpp=True) and free_dpp)

    @property
    def fast_paths(self) -> tuple[bool, bool]:
        """Whether each stage re-solves through a checked fast path (for tests and benchmarks): stage 1's
        cone program, or its cap-free QP when that is what has been solving."""
        free = self._free is not None and self._free.fast is not None
        return self._stage1.fast is not None or free, self._stage2.fast is not None

    def _factors(self, cov: FloatArray) -> None:
        key = hash(cov.tobytes())
        if self._factor_key == key:
            return
        self._f, self._d, self.singular = factor_model(cov, self.k, self.exact)
        self._factor_key = key

    def model_te2(self, w: FloatArray, target: FloatArray) -> float:
        """Tracking error² of ``w`` under the risk model the problem uses (exact or factor)."""
        gap = w - target
        return float(np.sum((self._f @ gap) ** 2) + np.sum((self._d * gap) ** 2))

    def _setting(self, x: Inputs, vol_cap: float | None, fixed: BoolArray | None) -> Setting:
        self._factors(x.cov)
        return Setting(self._f, self._d, x.vol_cap if vol_cap is None else vol_cap, fixed)

    def parameter_values(
        self, x: Inputs, vol_cap: float | None = None, fixed: BoolArray | None = None
    ) -> Values:
        """The value of every parameter for inputs ``x`` (nothing is rebuilt): each compiled limit and
        term sets its own."""
        s = self._setting(x, vol_cap, fixed)
        v: Values = {self.F: s.f, self.kappa: x.kappa}
        if not self.exact:
            v[self.d] = s.d
        for c in self._compiled:
            v |= c.values(x, s)
        return v

    def solve(self, x: Inputs, *, vol_cap: float | None = None, fixed: BoolArray | None = None) -> Solution:
        """Solve for ``x``. ``fixed`` (bool per asset) forbids trading those assets (min-trade pass)."""
        with self._lock:
            values = self.parameter_values(x, vol_cap, fixed)
            s = self._setting(x, vol_cap, fixed)
            start = time.perf_counter()
            fast = self.use_fast_path
            buy_ub, sell_ub = trade_bounds(x, fixed)
            status, (zb, zs) = self._first(x, s, values, fast)
            if status in ("optimal", "optimal_inaccurate"):
                zb, zs = _snap(zb, zs, buy_ub, sell_ub)
            if status in ("optimal", "optimal_inaccurate") and self.singular:
                assert self._tie.pin is not None
                values |= self._tie.pin(zb - zs, float(x.kappa @ (zb + zs)), s)
                status2, (zb2, zs2) = self._stage2.solve(values, fast, self.dpp)
                if status2 in ("optimal", "optimal_inaccurate"):
                    zb, zs = _snap(zb2, zs2, buy_ub, sell_ub)
                else:
                    log.info("tie-break solve returned %s; keeping the tracking-error optimum", status2)
            seconds = time.perf_counter() - start
            if status not in ("optimal", "optimal_inaccurate"):
                return Solution(status, x.w0.copy(), np.zeros(self.n), np.zeros(self.n), seconds)
            cost = float(x.kappa @ (zb + zs))
            return Solution(status, x.w0 + zb - zs, zb, zs, seconds, cost)

    def _first(self, x: Inputs, s: Setting, values: Values, fast: bool) -> tuple[str, list[FloatArray]]:
        """Stage 1. When the cap is likely slack (``_cap_likely_slack``), the cap-free QP first: its answer,
        when it keeps the cap, IS the answer with the cap (optimal for a larger feasible set and feasible
        for this one; unique when the risk model is positive definite, the only case taken here). Otherwise,
        or when it breaks the cap, the cone program with the cap. Which is tried first depends on the
        inputs only, so the same inputs always get their answer the same way."""
        if self._free is not None and fast and not self.singular and self._cap_likely_slack(x, s):
            status, out = self._free.solve(values, fast, self.dpp)
            if status in ("optimal", "optimal_inaccurate") and (
                s.vol_cap >= BIG_CAP or self._keeps_cap(x, s, out[0], out[1])
            ):
                return status, out
        return self._stage1.solve(values, fast, self.dpp)

    def _risk(self, w: FloatArray) -> float:
        return model_vol(self._f, self._d, w)

    def _cap_likely_slack(self, x: Inputs, s: Setting) -> bool:
        """The holdings and the targets are both under the cap: the answer, close to the line between
        them, most likely is too (volatility is convex). Only decides which problem is tried first."""
        if s.vol_cap >= BIG_CAP:
            return True
        return max(self._risk(x.w0), self._risk(x.target)) < s.vol_cap * s.keep

    def _keeps_cap(self, x: Inputs, s: Setting, zb: FloatArray, zs: FloatArray) -> bool:
        b, sl = np.maximum(zb, 0.0), np.maximum(zs, 0.0)
        return keeps_cap(self._f, self._d, x.w0 + b - sl, float(x.kappa @ (b + sl)), s.vol_cap * s.keep)


def model_vol(f: FloatArray, d: FloatArray, w: FloatArray) -> float:
    """Volatility of weights ``w`` under a risk model ``Σ ≈ FᵀF + diag(d²)`` (the cap row's norm)."""
    return math.sqrt(float(np.sum((f @ w) ** 2)) + float(np.sum((d * w) ** 2)))


def keeps_cap(f: FloatArray, d: FloatArray, w: FloatArray, cost: float, cap_keep: float) -> bool:
    """The compiled cap row ``‖F w‖ + cap·keep·c ≤ cap·keep`` holds for weights ``w`` (the value before
    trading) and trading cost ``c``, with CAP_ROOM to spare: a cap-free answer this far under it is the
    capped answer too."""
    return model_vol(f, d, w) + cap_keep * cost <= cap_keep - CAP_ROOM


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


_CACHE: OrderedDict[tuple[object, ...], RebalanceProblem] = OrderedDict()
_CACHE_LOCK = threading.Lock()
# Compiled problems kept: many small ones (a book with ten target-tree shapes interleaved recompiled on
# almost every call when only 8 were kept: 47 ms per household instead of 5), few large ones (the
# parametrized problem's memory grows with the square of its size; capacity.BYTES_PER_TICKER2).
_CACHE_SIZE = 64
_CACHE_BYTES = 600_000_000


def problem_for(x: Inputs) -> RebalanceProblem:
    """The cached compiled problem for ``x``'s shape (built on first use)."""
    key = x.shape_key()
    with _CACHE_LOCK:
        prob = _CACHE.get(key)
        if prob is not None:
            _CACHE.move_to_end(key)
            return prob
    members = np.array([nd.members for nd in x.nodes]) if x.nodes else np.zeros((0, x.n))
    prob = RebalanceProblem(x.n, members, tuple(r.kind for r in x.look_through))
    with _CACHE_LOCK:
        _CACHE[key] = prob
        while len(_CACHE) > 1 and (len(_CACHE) > _CACHE_SIZE or _cached_bytes() > _CACHE_BYTES):
            _CACHE.popitem(last=False)  # the least recently used; the newest is always kept
    return prob


def _cached_bytes() -> int:
    return sum(
        BYTES_PER_TICKER2 * p.n * p.n if p.dpp else DENSE_BYTES_PER_TICKER2 * p.n * p.n
        for p in _CACHE.values()
    )
