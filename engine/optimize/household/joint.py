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
purchases against the asset-location preference), all in the same money units (γ = COST_WEIGHT).

Is the answer unique? The household weights are, when the risk model is positive definite: the tracking
error is strictly convex in them and every other term is linear. The split across accounts is NOT: any
two accounts that may take the same trade at the same cost (two IRAs with cash, a buy in the taxable
account or in the IRA without a location preference) tie, and an interior-point solver returns a point
inside that optimal face — the trade spread over every tied account, moving with any unrelated parameter
(measured on the 3-account benchmark: the IWM buy of account 0 can be anything from $0 to $19,588 at the
same optimum). So a second stage (``tie``), run only when some ticker trades in two or more accounts
(a point inside the optimal face trades in every account that any optimal answer trades in, so one
account per ticker means a unique split): with the household's trade ``Σ_a (B − S)`` pinned to stage
1's, all costs at most stage 1's (so no tracking error or cost is given up) and the trading costs alone at
most stage 1's (then every household limit stage 1 met still holds: see TIE_SAFE in ``__init__``), each
account's own rules, turnover and the household's buy bounds kept, minimize
``Σ_a (a + 1)·(B[a] + S[a]) + ½‖(B, S, Q)‖²`` (weights): among equally good answers, trades go to the
accounts listed first, the least-traded such answer. Strictly convex, so the split is unique; tested
against an independent plain-cvxpy solve of both stages with every constraint
(tests/engine/household/test_tie.py). When the turnover cap binds, stage 2 may trade no more than stage 1
did (rather than a hair under the cap, where it would have no room), so the split is unique then too. With
a singular risk model the household weights may still be any of the optimal ones (stated in the result's
notes).
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import cvxpy as cp
import numpy as np
import scipy.sparse as sp

from engine.market import FloatArray
from engine.optimize.household.layout import AccountParams, JointSolution, Layout
from engine.optimize.household.stage import OK, Stage
from engine.optimize.inputs import BIG, Inputs
from engine.optimize.limits import cap_rows, compile_each
from engine.optimize.limits.base import BIG_CAP, SAFETY, Compiled, Ctx, Setting, Values
from engine.optimize.objective import COST_WEIGHT, CompiledTerm, TrackingError, TradingCost
from engine.optimize.problem import EXACT_MAX, N_FACTORS, SCALE, factor_model, keeps_cap

FREE_KEPT = 16  # cap-free answers kept per compiled problem
TIE_SAFE = (  # the limits whose rows stage 2 may leave out (they bound z, or z and c on the loose side)
    "NoShort",
    "MinCash",
    "VolCap",
    "AssetBounds",
    "NodeBounds",
    "SectorBounds",
    "CompanyCaps",
    "Turnover",
    "Restrictions",
    "MinTrade",
    "WholeShares",
)
TIE_TOL = 1e-7  # weight: a ticker trades in an account in stage 1 when above this (solver noise below)
COST_ROOM = 1e-9  # stage 2 may add this share of stage 1's costs (solver tolerance)


Stage1 = tuple[str, list[FloatArray]]  # stage 1's status and (buys, sells, lot sales), flat


class _Free:
    """The cap-free stage 1 for some parameter values, and its final answer once asked for."""

    def __init__(self, first: Stage1) -> None:
        self.first = first
        self.final: JointSolution | None = None


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
        zb = cp.Variable(n, name="buys")  # = Σ_a B[a] ≥ 0: a sign row of its own would be redundant
        zs = cp.Variable(n, name="sells")
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
        own: list[cp.Constraint] = [  # each account's own rules
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
            own += [hs @ self.S == hq @ self.Q, self.lot_ub >= self.Q]
            extra = extra + self.lot_cost @ self.Q
        else:
            own.append(self.Q == 0)
        cons: list[cp.Constraint] = [
            zb == g @ self.B,
            zs == g @ self.S,
            zv == zb - zs,
            cost == self.kappa @ (zb + zs),
            y == self.F @ zv,
            *own,
        ]
        e = None
        if not self.exact:
            self.d = P(n, name="d")
            e = cp.Variable(n, name="dz")
            cons.append(e == cp.multiply(self.d, zv))
        ctx = Ctx(n, self.k, self.exact, zb, zs, zv, cost, y, e, node_members, look_kinds)
        pairs = compile_each(ctx)
        cons += [row for _, c in pairs for row in c.constraints]
        self._compiled: list[Compiled | CompiledTerm] = [c for _, c in pairs]
        terms = [term.compile(ctx) for term in (TrackingError(), TradingCost())]
        self._compiled += terms
        objective = cp.sum([t.expr for t in terms]) + COST_WEIGHT * extra
        self.problem = cp.Problem(cp.Minimize(SCALE * objective), cons)
        outputs = [self.B, self.S, self.Q]
        # stage 1's household trade is unique, its split across accounts need not be (stage 2 decides it)
        self._stage = Stage(
            self.problem, outputs, "household", kept_solver=True, compare=lambda out: [g @ (out[0] - out[1])]
        )
        # the same without the volatility cap's cone, a quadratic program (PIQP): the cap-free answer
        # ``solve`` computes first, in about a third of the cone program's time
        capped = cap_rows(pairs)
        self.free_problem = cp.Problem(
            self.problem.objective, [c for c in cons if not any(c is r for r in capped)]
        )
        self._free_stage = Stage(
            self.free_problem,
            outputs,
            "household cap-free",
            qp=True,
            compare=lambda out: [g @ (out[0] - out[1])],
        )
        # stage 2 (module docstring): each account's own rules, the household trade pinned, trading costs
        # at most stage 1's and all costs at most stage 1's, turnover and the household's buy bounds. With
        # the trade z fixed and the trading cost c no higher, every other household limit holds as in stage
        # 1: they bound z (weights, sleeves, look-through, no short) or z and c with c on the loose side
        # (volatility cap ‖F(w0 + z)‖ + cap·c ≤ cap, post-cost upper limits z + hi·c ≤ z_hi, cash
        # Σz + c ≤ room). TIE_SAFE lists the limits this reasoning covers (a test keeps it equal to LIMITS).
        self.z_star = P(n, name="z_stage1")
        self.trading_star = P(name="trading_cost_stage1", nonneg=True)
        self.cost_star = P(name="cost_stage1", nonneg=True)
        self.turnover = P(name="turnover_cap", nonneg=True)
        self.hh_buy_ub = P(n, name="household_buy_ub", nonneg=True)
        gross = g @ (self.B + self.S)
        rank = np.repeat(np.arange(1.0, na + 1.0), n)
        tie = rank @ (self.B + self.S) + 0.5 * (
            cp.sum_squares(self.B) + cp.sum_squares(self.S) + cp.sum_squares(self.Q)
        )
        pins = [
            g @ (self.B - self.S) == self.z_star,
            self.kappa @ gross <= self.trading_star,
            self.kappa @ gross + extra <= self.cost_star,
            cp.sum(gross) <= self.turnover,
            g @ self.B <= self.hh_buy_ub,
        ]
        self.tie_problem = cp.Problem(cp.Minimize(tie), [*own, *pins])
        # a QP: PIQP with the one-variable rows as bounds (engine.optimize.fastqp; 0.27 against 0.79 ms for
        # a fresh Clarabel solver at 3 accounts × 12 tickers), a fresh Clarabel solver when PIQP does not
        # solve it (the kept one, without equilibration, measured slower here: 2.1 against 1.1 ms)
        self._tie = Stage(self.tie_problem, outputs, "tie-break", kept_solver=False, qp=True)
        self._free: OrderedDict[bytes, _Free] = OrderedDict()  # cap-free answers (``solve``)

    def is_dpp(self) -> bool:
        problems = (self.problem, self.tie_problem, self.free_problem)
        return all(p.is_dcp(dpp=True) for p in problems)

    @property
    def fast_path(self) -> bool:
        return self._stage.fast is not None

    @property
    def fast_paths(self) -> tuple[bool, bool]:
        """Whether each stage re-solves through the checked fast path (tests, benchmarks)."""
        return self._stage.fast is not None, self._tie.fast is not None

    def _factors(self, cov: FloatArray) -> None:
        key = hash(cov.tobytes())
        if self._factor_key == key:
            return
        self._f, self._d, self.singular = factor_model(cov, self.k, self.exact)
        self._factor_key = key

    def _values(self, x: Inputs, a: AccountParams, cap: float) -> Values:
        s = Setting(self._f, self._d, cap, None)
        v: Values = {self.F: s.f, self.kappa: x.kappa}
        if not self.exact:
            v[self.d] = s.d
        for c in self._compiled:
            v |= c.values(x, s)
        v |= self._account_values(x, a)
        return v

    def _account_values(self, x: Inputs, a: AccountParams) -> Values:
        """The per-account parameters both stages share (bounds, costs, lots)."""
        L = len(self.layout.lot_owner)
        return {
            self.kap_m: np.tile(x.kappa, self.layout.n_accounts),
            self.buy_ub: a.buy_ub,
            self.sell_ub: a.sell_ub,
            self.room: a.room,
            self.buy_cost: a.buy_cost,
            self.sell_cost: a.sell_cost,
            self.lot_ub: a.lot_ub if L else np.zeros(1),
            self.lot_cost: a.lot_cost if L else np.zeros(1),
        }

    def _two_stages(self, x: Inputs, a: AccountParams, v: Values) -> JointSolution:
        return self._second(x, a, self._stage.solve(v))

    def _second(self, x: Inputs, a: AccountParams, first: Stage1) -> JointSolution:
        """Stage 2 on stage 1's answer when the split is ambiguous; the solution in [account, ticker]."""
        lay = self.layout
        L = len(lay.lot_owner)
        status, (b, sl, q) = first
        tied = False
        if status in OK and self._split_ambiguous(b, sl):
            status2, out2 = self._tie.solve(self._pins(x, a, b, sl, q))
            if status2 in OK:
                b, sl, q = out2
                tied = True
        shape = (lay.n_accounts, lay.n)
        if status not in OK:
            return JointSolution(status, np.zeros(shape), np.zeros(shape), np.zeros(L))
        b = np.maximum(np.asarray(b, dtype=float), 0.0).reshape(shape)  # = np.clip(b, 0.0, None)
        sl = np.maximum(np.asarray(sl, dtype=float), 0.0).reshape(shape)
        return JointSolution(status, b, sl, np.maximum(np.asarray(q, dtype=float)[:L], 0.0), tied)

    def solve(self, x: Inputs, a: AccountParams, *, vol_cap: float | None = None) -> JointSolution:
        """The two-stage answer at this volatility cap.

        The answer without the cap is computed first (and kept for the same other values): when it keeps
        the cap it IS the answer with the cap — optimal for a larger feasible set and feasible for this
        one, and stage 2's unique minimizer over the cap-free optimal face lies in the capped one, which
        that face contains. So a volatility-cap change the cap-free answer keeps (a slider moved above it)
        re-solves nothing, and the answer never depends on which caps were solved before. Whether it keeps
        the cap is read off the cap-free stage 1 (stage 2 keeps its trade and costs no more), so a cap that
        binds costs one extra solve, not two. The cap-free stage 1 is a quadratic program (the same rows
        but the cap's cone), solved by PIQP (engine.optimize.fastqp) unless the risk model is singular."""
        cap = x.vol_cap if vol_cap is None else vol_cap
        with self._lock:
            self._factors(x.cov)
            v_free = self._values(x, a, BIG)
            key = _key(v_free)
            free = self._free.get(key)
            if free is None:
                # with a singular risk model the household weights may be any of several optimal ones:
                # then the cone program, as for the capped answer, so both pick the same way
                free = _Free((self._stage if self.singular else self._free_stage).solve(v_free))
                self._free[key] = free
                while len(self._free) > FREE_KEPT:
                    self._free.popitem(last=False)
            else:
                self._free.move_to_end(key)
            status, (b, sl, _) = free.first
            if cap >= BIG_CAP or status not in OK or self._keeps_cap(x, b, sl, cap):
                if free.final is None:
                    free.final = self._second(x, a, free.first)
                return free.final
            return self._two_stages(x, a, self._values(x, a, cap))

    def _keeps_cap(self, x: Inputs, b: FloatArray, s: FloatArray, cap: float) -> bool:
        """The compiled cap row holds with room to spare for stage 1's buys ``b`` and sells ``s`` (flat
        [account × ticker])."""
        # np.maximum(v, 0.0) is what np.clip(v, 0.0, None) computes, without its dispatch
        zb, zs = per_ticker(self.layout, np.maximum(b, 0.0)), per_ticker(self.layout, np.maximum(s, 0.0))
        cost = float(x.kappa @ (zb + zs))
        return keeps_cap(self._f, self._d, x.w0 + (zb - zs), cost, cap * (1.0 - SAFETY))

    def _split_ambiguous(self, b: FloatArray, s: FloatArray) -> bool:
        """Some ticker trades (either side) in two or more accounts in stage 1's answer."""
        lay = self.layout
        trading = (b.reshape(lay.n_accounts, lay.n) > TIE_TOL) | (s.reshape(lay.n_accounts, lay.n) > TIE_TOL)
        return bool(np.any(trading.sum(axis=0) >= 2))

    def _pins(self, x: Inputs, a: AccountParams, b: FloatArray, s: FloatArray, q: FloatArray) -> Values:
        """Stage 2's values: the accounts' own, stage 1's household trade and costs (trading costs;
        trading costs + taxes + placement costs), turnover and the household's buy bounds."""
        lay = self.layout
        zb, zs = per_ticker(self.layout, b), per_ticker(self.layout, s)
        L = len(lay.lot_owner)
        lot = float(a.lot_cost @ q[:L]) if L else 0.0
        trading = max(float(x.kappa @ (zb + zs)), 0.0)
        cost = max(trading + float(a.buy_cost @ b + a.sell_cost @ s) + lot, 0.0)
        gross = float(np.maximum(b, 0.0).sum() + np.maximum(s, 0.0).sum())
        room = 1.0 + COST_ROOM
        return {
            self.kappa: x.kappa,
            **self._account_values(x, a),
            self.z_star: zb - zs,
            self.trading_star: trading * room + 1e-12,
            self.cost_star: cost * room + 1e-12,
            # a little under the cap, as for upper limits (the checker's tolerance is tighter than the
            # solver's); when stage 1 already trades at the cap, no more than stage 1 traded (its own split
            # then is feasible, and stage 2 picks the one split among those that trade no more)
            self.turnover: max(min(x.turnover_cap, BIG) * (1.0 - SAFETY), gross * room + 1e-12),
            self.hh_buy_ub: np.maximum(np.minimum(x.buy_ub, BIG), zb),
        }


def per_ticker(layout: Layout, v: FloatArray) -> FloatArray:
    """``g @ v``, the sum over accounts per ticker of a flat [account × ticker] vector, bit for bit without
    the sparse product: the accounts added in order as the product does (it starts from 0.0, so an all
    −0.0 sum is 0.0: the ``+ 0.0``)."""
    out: FloatArray = v.reshape(layout.n_accounts, layout.n).sum(axis=0) + 0.0
    return out


def _key(v: Values) -> bytes:
    """Every parameter value (in the problem's fixed parameter order), as bytes."""
    return b"".join(np.ascontiguousarray(val, dtype=float).tobytes() for val in v.values())


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
