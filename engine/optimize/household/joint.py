"""The household problem: household weights and every account's trades in one convex problem.

Variables are weights of the household's value before trading (after cash flows), like the
single-account problem (engine.optimize.problem): buys ``B[a,t] ≥ 0`` and sells ``S[a,t] ≥ 0`` per account
``a`` and ticker ``t``, and for a taxable position with lots the weight sold of each lot ``Q[l] ≥ 0``.
The household's buys and sells are ``zb = Σ_a B[a]``, ``zs = Σ_a S[a]``, and every household limit object
(engine.optimize.limits.LIMITS: volatility cap, ticker / sleeve / small-cap bounds, look-through sector
and company limits, turnover, cash, restrictions) compiles its own rows against them — the same objects
as the single-account engine, not a copy. Turnover and trading costs count the gross per-account trades.

Per account, with parameters only (the problem is built once per shape and re-solved):
- its own cash pays its own buys and costs (no transfers): ``Σ_t (B − S + κ∘(B + S))[a] ≤ room_a``,
  ``room_a = (cash + cash flow − buffer) / value``;
- ``B[a,t] ≤ buy_ub[a,t]`` (0 off its menu, on a no-buy list, in sell-only mode, or frozen) and
  ``S[a,t] ≤ sell_ub[a,t]`` (its holding; 0 on a no-sell list, in buy-only mode, or frozen);
- lots: ``S[a,t] = Σ_{l in (a,t)} Q[l]``, ``Q[l] ≤ lot_ub[l]``.

Objective: the single-account engine's tracking error² plus γ × (trading costs + estimated tax on each
lot sold + ``taxable_sell_bps`` on sales of taxable positions without lots + ``off_location_bps`` on
purchases against the asset-location preference), all in the same money units (γ = COST_WEIGHT). The
household weights are unique when the risk model is positive definite; the split across accounts is
then the cheapest in those costs. No second (tie-break) stage: with a singular risk model the household
weights may be any of the optimal ones (stated in the result's notes).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

import cvxpy as cp
import numpy as np
import scipy.sparse as sp

from engine.market import FloatArray
from engine.optimize.inputs import Inputs
from engine.optimize.limits import compile_limits
from engine.optimize.limits.base import Compiled, Ctx, Setting, Values
from engine.optimize.objective import COST_WEIGHT, CompiledTerm, TrackingError, TradingCost
from engine.optimize.problem import EXACT_MAX, N_FACTORS, SCALE, SINGULAR, _Stage, covariance_factor


@dataclass(frozen=True)
class Layout:
    """The structure of one household problem: accounts × tickers and which (account, ticker) each lot
    belongs to (``j = a * n + t``)."""

    n_accounts: int
    n: int
    lot_owner: tuple[int, ...]

    @property
    def m(self) -> int:
        return self.n_accounts * self.n


@dataclass(frozen=True, eq=False)
class AccountParams:
    """Per-solve values, weights of the household value: bounds, cash room, extra costs per weight."""

    buy_ub: FloatArray  # [m]
    sell_ub: FloatArray  # [m]
    lot_ub: FloatArray  # [L]
    room: FloatArray  # [accounts]
    buy_cost: FloatArray  # [m] asset-location cost per weight bought
    sell_cost: FloatArray  # [m] placeholder tax per weight sold (taxable positions without lots)
    lot_cost: FloatArray  # [L] estimated tax per weight sold from each lot


@dataclass(frozen=True)
class JointSolution:
    status: str
    buys: FloatArray  # [accounts, n] weights
    sells: FloatArray
    lots: FloatArray  # [L]

    @property
    def ok(self) -> bool:
        return self.status in ("optimal", "optimal_inaccurate")


class JointProblem:
    def __init__(self, layout: Layout, node_members: FloatArray, look_kinds: tuple[str, ...]) -> None:
        na, n, m = layout.n_accounts, layout.n, layout.m
        self.layout = layout
        self.exact = n <= EXACT_MAX
        self.k = n if self.exact else N_FACTORS
        self._lock = threading.Lock()
        self._factor_key: int | None = None
        self._f = np.zeros((self.k, n))
        self._d = np.zeros(n)
        self.singular = False
        P = cp.Parameter
        L = len(layout.lot_owner)

        self.B = cp.Variable(m, nonneg=True, name="account_buys")
        self.S = cp.Variable(m, nonneg=True, name="account_sells")
        self.Q = cp.Variable(max(L, 1), nonneg=True, name="lot_sells")
        zb = cp.Variable(n, nonneg=True, name="buys")
        zs = cp.Variable(n, nonneg=True, name="sells")
        cost = cp.Variable(name="cost")
        zv = cp.Variable(n, name="z")
        y = cp.Variable(self.k, name="Fz")
        self.F = P((self.k, n), name="F")
        self.kappa = P(n, name="kappa", nonneg=True)
        g = sp.hstack([sp.identity(n, format="csr")] * na, format="csr")  # Σ over accounts
        acct = sp.kron(sp.identity(na), np.ones((1, n)), format="csr")  # Σ over tickers, per account
        self.kap_m = P(m, name="kappa_accounts", nonneg=True)
        self.buy_ub = P(m, name="account_buy_ub", nonneg=True)
        self.sell_ub = P(m, name="account_sell_ub", nonneg=True)
        self.room = P(na, name="account_room")
        self.buy_cost = P(m, name="buy_cost", nonneg=True)
        self.sell_cost = P(m, name="sell_cost", nonneg=True)
        cons: list[cp.Constraint] = [
            zb == g @ self.B,
            zs == g @ self.S,
            zv == zb - zs,
            cost == self.kappa @ (zb + zs),
            y == self.F @ zv,
            self.buy_ub >= self.B,
            self.sell_ub >= self.S,
            acct @ (self.B - self.S + cp.multiply(self.kap_m, self.B + self.S)) <= self.room,
        ]
        extra = self.buy_cost @ self.B + self.sell_cost @ self.S
        self.lot_ub = P(max(L, 1), name="lot_ub", nonneg=True)
        self.lot_cost = P(max(L, 1), name="lot_cost", nonneg=True)
        if L:
            owners = sorted(set(layout.lot_owner))
            row = {j: r for r, j in enumerate(owners)}
            hs = sp.csr_matrix((np.ones(len(owners)), (range(len(owners)), owners)), shape=(len(owners), m))
            hq = sp.csr_matrix(
                (np.ones(L), ([row[j] for j in layout.lot_owner], range(L))), shape=(len(owners), L)
            )
            cons += [hs @ self.S == hq @ self.Q, self.lot_ub >= self.Q]
            extra = extra + self.lot_cost @ self.Q
        else:
            cons.append(self.Q == 0)
        e = None
        if not self.exact:
            self.d = P(n, name="d")
            e = cp.Variable(n, name="dz")
            cons.append(e == cp.multiply(self.d, zv))
        ctx = Ctx(n, self.k, self.exact, zb, zs, zv, cost, y, e, node_members, look_kinds)
        rows, compiled = compile_limits(ctx)
        cons += rows
        self._compiled: list[Compiled | CompiledTerm] = [*compiled]
        terms = [term.compile(ctx) for term in (TrackingError(), TradingCost())]
        self._compiled += terms
        objective = cp.sum([t.expr for t in terms]) + COST_WEIGHT * extra
        self.problem = cp.Problem(cp.Minimize(SCALE * objective), cons)
        self._stage = _Stage(self.problem, [self.B, self.S, self.Q], "household")

    def is_dpp(self) -> bool:
        return bool(self.problem.is_dcp(dpp=True))

    @property
    def fast_path(self) -> bool:
        return self._stage.fast is not None

    def _factors(self, cov: FloatArray) -> None:
        key = hash(cov.tobytes())
        if self._factor_key == key:
            return
        self._f, self._d = covariance_factor(cov, self.k)
        self._factor_key = key
        if self.exact:
            sv = np.linalg.norm(self._f, axis=1) ** 2
            self.singular = bool(sv.min(initial=np.inf) <= SINGULAR * sv.max(initial=0.0))
        else:
            self.singular = bool(self._d.min(initial=np.inf) ** 2 <= SINGULAR * float(np.max(np.diag(cov))))

    def solve(self, x: Inputs, a: AccountParams, *, vol_cap: float | None = None) -> JointSolution:
        lay = self.layout
        with self._lock:
            self._factors(x.cov)
            s = Setting(self._f, self._d, x.vol_cap if vol_cap is None else vol_cap, None)
            v: Values = {self.F: s.f, self.kappa: x.kappa}
            if not self.exact:
                v[self.d] = s.d
            for c in self._compiled:
                v |= c.values(x, s)
            L = len(lay.lot_owner)
            v |= {
                self.kap_m: np.tile(x.kappa, lay.n_accounts),
                self.buy_ub: a.buy_ub,
                self.sell_ub: a.sell_ub,
                self.room: a.room,
                self.buy_cost: a.buy_cost,
                self.sell_cost: a.sell_cost,
                self.lot_ub: a.lot_ub if L else np.zeros(1),
                self.lot_cost: a.lot_cost if L else np.zeros(1),
            }
            status, (b, sl, q) = self._stage.solve(v, True)
        shape = (lay.n_accounts, lay.n)
        if status not in ("optimal", "optimal_inaccurate"):
            return JointSolution(status, np.zeros(shape), np.zeros(shape), np.zeros(L))
        b = np.clip(np.asarray(b, dtype=float), 0.0, None).reshape(shape)
        sl = np.clip(np.asarray(sl, dtype=float), 0.0, None).reshape(shape)
        return JointSolution(status, b, sl, np.clip(np.asarray(q, dtype=float)[:L], 0.0, None))


_CACHE: OrderedDict[tuple[object, ...], JointProblem] = OrderedDict()
_CACHE_LOCK = threading.Lock()
_CACHE_SIZE = 8


def joint_problem(x: Inputs, layout: Layout) -> JointProblem:
    """The cached compiled household problem for this shape (built on first use)."""
    key = (layout, x.shape_key())
    with _CACHE_LOCK:
        prob = _CACHE.get(key)
        if prob is not None:
            _CACHE.move_to_end(key)
            return prob
    members = np.array([nd.members for nd in x.nodes]) if x.nodes else np.zeros((0, x.n))
    prob = JointProblem(layout, members, tuple(r.kind for r in x.look_through))
    with _CACHE_LOCK:
        _CACHE[key] = prob
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return prob
