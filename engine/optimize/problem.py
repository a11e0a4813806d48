"""The parametrized cvxpy rebalancing problem, built once per universe and constraint shape.

Formulated in weights (fractions of the total value) — dollar units make solvers stop far from the
optimum. Decision variables: buys ``zb ≥ 0`` and sells ``zs ≥ 0`` (weights), giving post-trade weights
``w = w0 + zb - zs``. Every number that changes from one solve to the next is a cvxpy Parameter, and the
problem is DPP, so a re-solve only maps new parameter values into the cached solver data.

DPP pitfalls avoided on purpose: no product of two parameters (``F @ t`` is passed in as its own
parameter ``g``; ``d ∘ t`` as ``dt``), and the covariance enters through a factor ``F`` (k × n) plus an
idiosyncratic diagonal ``d``: exact (k = n, d = 0) for small universes, a k-factor model for large ones so
that the parameter tensor stays small.

Objective (lower is better), all terms in annualized variance units:
    ‖F(w - t)‖² + ‖d∘(w - t)‖²      risk-based tracking error² to the targets t
  + η ‖w - t‖²                       fidelity to the stated sub-weights (near-identical ETFs such as IWM
                                     and VTWO have almost no tracking error between them)
  + κᵀ(zb + zs)                      trading costs
  + ε 1ᵀ(zb + zs)                    tie-break toward fewer and smaller trades
"""

from __future__ import annotations

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

ETA = 0.05  # weight-fidelity penalty (variance units per unit of squared weight deviation)
EPS = 1e-7  # tie-break per unit traded
SCALE = 100.0  # objective scaling for solver tolerances
EXACT_MAX = 30  # universes up to this size use the exact covariance factor
N_FACTORS = 20  # factors kept for larger universes


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
    w: FloatArray
    buys: FloatArray
    sells: FloatArray
    seconds: float

    @property
    def ok(self) -> bool:
        return self.status in ("optimal", "optimal_inaccurate")


class RebalanceProblem:
    """One compiled problem for a universe size and tree shape; ``solve`` sets parameters only.

    Variables are the trades ``zb`` (buys) and ``zs`` (sells) in weights, ``z = zb - zs``; every
    quantity that depends on the holdings enters as a precomputed parameter (``g0 = F w0`` and the like)
    so that no two parameters are ever multiplied (which would silently turn DPP off).
    """

    def __init__(self, n: int, node_members: FloatArray) -> None:
        self.n = n
        self.exact = n <= EXACT_MAX
        self.k = n if self.exact else N_FACTORS
        self._lock = threading.Lock()
        self._factor_key: int | None = None
        self._fast: CompiledClarabel | None = None
        self.use_fast_path = True
        self._f = np.zeros((self.k, n))
        self._d = np.zeros(n)
        self.node_members = node_members
        k, m = self.k, node_members.shape[0]
        P = cp.Parameter

        self.zb = cp.Variable(n, nonneg=True, name="buys")
        self.zs = cp.Variable(n, nonneg=True, name="sells")
        z = self.zb - self.zs
        traded = self.zb + self.zs

        self.F = P((k, n), name="F")  # Σ ≈ FᵀF (+ diag(d²))
        self.g0 = P(k, name="F_w0")
        self.kappa = P(n, name="kappa")
        self.buy_ub = P(n, name="buy_ub")
        self.sell_ub = P(n, name="sell_ub")
        self.z_lo = P(n, name="z_lo")  # max(lo, 0) - w0
        self.z_hi = P(n, name="z_hi")  # hi - w0
        self.cash_room = P(name="cash_room")  # c0 - cash_min
        self.turnover = P(name="turnover_cap")
        self.vol_cap = P(name="vol_cap")
        cons = [
            self.zb <= self.buy_ub,
            self.zs <= self.sell_ub,
            z >= self.z_lo,
            z <= self.z_hi,
            cp.sum(z) + self.kappa @ traded <= self.cash_room,
            cp.sum(traded) <= self.turnover,
        ]
        # y = F z once (F enters the matrix a single time, keeping it sparse for the solver):
        # tracking error² ‖F(z + w0 - t)‖² = ‖y + gt‖², volatility ‖F(z + w0)‖ = ‖y + g0‖;
        # the factor model adds the residual terms e = d∘z.
        zv = cp.Variable(n, name="z")
        y = cp.Variable(k, name="Fz")
        self.gt = P(k, name="F_gap")
        self.gap = P(n, name="gap")  # w0 - t
        cons += [zv == z, y == self.F @ zv]
        risk = cp.sum_squares(y + self.gt) + ETA * cp.sum_squares(zv + self.gap)
        if self.exact:
            cons.append(cp.norm(y + self.g0, 2) <= self.vol_cap)
        else:
            self.d = P(n, name="d")
            self.e0 = P(n, name="d_w0")
            self.et = P(n, name="d_gap")
            e = cp.Variable(n, name="dz")
            cons.append(e == cp.multiply(self.d, zv))
            risk = risk + cp.sum_squares(e + self.et)
            cons.append(cp.norm(cp.hstack([y + self.g0, e + self.e0]), 2) <= self.vol_cap)
        if m:
            self.node_lo = P(m, name="node_lo")
            self.node_hi = P(m, name="node_hi")
            cons += [node_members @ z >= self.node_lo, node_members @ z <= self.node_hi]
        objective = risk + self.kappa @ traded + EPS * cp.sum(traded)
        self.problem = cp.Problem(cp.Minimize(SCALE * objective), cons)

    def is_dpp(self) -> bool:
        return bool(self.problem.is_dcp(dpp=True))

    def _factors(self, cov: FloatArray) -> None:
        key = hash(cov.tobytes())
        if self._factor_key == key:
            return
        self._f, self._d = covariance_factor(cov, self.k)
        self._factor_key = key

    def parameter_values(
        self, x: Inputs, vol_cap: float | None = None, fixed: BoolArray | None = None
    ) -> dict[cp.Parameter, FloatArray | float]:
        """The value of every parameter for inputs ``x`` (nothing is rebuilt)."""
        self._factors(x.cov)
        f, d = self._f, self._d
        gap = x.w0 - x.target
        buy_ub, sell_ub = x.buy_ub, np.maximum(x.sell_ub, 0.0)
        if fixed is not None and fixed.any():
            buy_ub = np.where(fixed, 0.0, buy_ub)
            sell_ub = np.where(fixed, 0.0, sell_ub)
        v: dict[cp.Parameter, FloatArray | float] = {
            self.F: f,
            self.g0: f @ x.w0,
            self.kappa: x.kappa,
            self.buy_ub: buy_ub,
            self.sell_ub: sell_ub,
            self.z_lo: np.maximum(x.lo, 0.0) - x.w0,
            self.z_hi: tight(x.hi, x.cost_margin) - x.w0,
            self.cash_room: x.c0 - x.cash_min,
            self.turnover: x.turnover_cap,
            self.vol_cap: x.vol_cap if vol_cap is None else vol_cap,
        }
        v |= {self.gt: f @ gap, self.gap: gap}
        if not self.exact:
            v |= {self.d: d, self.e0: d * x.w0, self.et: d * gap}
        if x.nodes:
            mw0 = self.node_members @ x.w0
            v[self.node_lo] = np.array([nd.lo for nd in x.nodes]) - mw0
            v[self.node_hi] = tight(np.array([nd.hi for nd in x.nodes]), x.cost_margin) - mw0
        return v

    def solve(self, x: Inputs, *, vol_cap: float | None = None, fixed: BoolArray | None = None) -> Solution:
        """Solve for ``x``. ``fixed`` (bool per asset) forbids trading those assets (min-trade pass)."""
        with self._lock:
            values = self.parameter_values(x, vol_cap, fixed)
            start = time.perf_counter()
            status, zb, zs = self._solve_values(values)
            seconds = time.perf_counter() - start
            if status not in ("optimal", "optimal_inaccurate"):
                return Solution(status, x.w0.copy(), np.zeros(self.n), np.zeros(self.n), seconds)
            # net out solver noise: an asset is never bought and sold at once
            net = zb - zs
            zb, zs = np.clip(net, 0.0, None), np.clip(-net, 0.0, None)
            return Solution(status, x.w0 + zb - zs, zb, zs, seconds)

    def _solve_values(
        self, values: dict[cp.Parameter, FloatArray | float]
    ) -> tuple[str, FloatArray, FloatArray]:
        if self._fast is not None and self.use_fast_path:
            status, (zb, zs) = self._fast.solve({p.id: val for p, val in values.items()})
            if status in ("optimal", "optimal_inaccurate", "infeasible"):
                return status, zb, zs
        for p, val in values.items():
            p.value = val
        status = _solve(self.problem)
        if self._fast is None and status in ("optimal", "optimal_inaccurate"):
            self._fast = CompiledClarabel.create(self.problem, [self.zb, self.zs])
        if status not in ("optimal", "optimal_inaccurate") or self.zb.value is None:
            return status, np.zeros(self.n), np.zeros(self.n)
        return status, np.asarray(self.zb.value, dtype=float), np.asarray(self.zs.value, dtype=float)


def tight(hi: FloatArray, margin: float) -> FloatArray:
    """Upper bounds as the optimizer must see them so that they still hold after costs shrink the
    portfolio's value (a bound of 100 % is no bound and stays as it is)."""
    out: FloatArray = np.where(hi < 1.0, hi * margin, hi)
    return out


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
    prob = RebalanceProblem(x.n, members)
    with _CACHE_LOCK:
        _CACHE[key] = prob
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return prob
