"""An independent continuous household solve, written from the issue's rules in dollars with the full
covariance (no factor model, no code shared with engine/optimize/household; from engine it takes only the
prepared household numbers w0, target, cov, bounds, sleeves — like tests/engine/optimize/reference.py).

Per account a and ticker t: buys u ≥ 0 and sells v ≥ 0 (USD); a taxable position with lots sells lot by
lot (q ≥ 0 per lot, at most the lot's value). Each account pays its buys and costs from its own cash and
cash flow and keeps its buffer; it buys only what it may hold and is not barred from; it sells only what it
holds and may sell. The household's weights (of its value before trading) w = w0 + Σ_a (u − v) / V, cost
share c = Σ κ (u + v) / V; weight limits and the volatility cap on post-cost weights w / (1 − c);
turnover Σ (u + v) / V.

Objective: tracking error² + 0.1 × (trading costs + tax of every lot sold + the placeholder bps on taxable
sales without lots + the off-location bps on purchases against the asset-location preference) / V.
Tax of a lot per share: max(price − basis, 0) × (long-term rate if held more than one year on the price
date, else the short-term rate).
"""

from __future__ import annotations

from datetime import date

import cvxpy as cp
import numpy as np

from engine.model.household import Household
from engine.model.policy import Placement
from engine.model.scenario import Mode
from engine.optimize.inputs import BIG, Inputs

GAMMA = 0.1


def lot_tax_per_share(
    basis: float, acquired: date | None, price: float, on: date | None, p: Placement
) -> float:
    lt = False
    if acquired is not None and on is not None:
        try:
            anniversary = acquired.replace(year=acquired.year + 1)
        except ValueError:
            anniversary = acquired.replace(year=acquired.year + 1, day=28)
        lt = on > anniversary
    return max(price - basis, 0.0) * (p.tax.long_term if lt else p.tax.short_term)


def min_tax(lots: list[tuple[float, float]], shares: float) -> float:
    """Least tax selling ``shares`` from lots (shares, tax per share): cheapest first (a fractional
    knapsack with linear costs)."""
    out, left = 0.0, shares
    for q, t in sorted(lots, key=lambda z: z[1]):
        take = min(q, left)
        out += take * t
        left -= take
    return out


def reference(
    x: Inputs, hh: Household, placement: Placement, sleeve_of: dict[str, str | None], on: date | None
):  # type: ignore[no-untyped-def]
    """(household weights before-trading-value, objective value) of the optimum, or None: infeasible."""
    out = reference_split(x, hh, placement, sleeve_of, on)
    return None if out is None else (out[0], out[1])


TIE_ROOM = 1e-7  # stage 2 may add this share of stage 1's costs (solver tolerance)


def reference_split(
    x: Inputs,
    hh: Household,
    placement: Placement,
    sleeve_of: dict[str, str | None],
    on: date | None,
    tie: bool = False,
):  # type: ignore[no-untyped-def]
    """(weights, objective, buys [a, t] USD, sells [a, t] USD) or None. With ``tie``, a second solve of
    the same constraints with the household weights and the costs pinned to the first's, minimizing
    Σ_a (a + 1)·(buys + sells)[a] / V + ½ ‖(buys, sells, lots) / V‖² (the accounts listed first take the
    trades; unique: strictly convex)."""
    c = x.scenario.constraints
    p, kap = x.prices, x.kappa
    V = x.value
    na, n = len(hh.accounts), x.n
    u = cp.Variable((na, n), nonneg=True)
    v = cp.Variable((na, n), nonneg=True)
    cons: list[cp.Constraint] = []
    extra = 0
    lot_vars: list[cp.Variable] = []
    for a, acct in enumerate(hh.accounts):
        cons.append(
            acct.cash + acct.cash_flow - cp.sum(u[a] - v[a]) - kap @ (u[a] + v[a]) >= acct.cash_buffer
        )
        for t, tk in enumerate(x.tickers):
            held = acct.shares_of(tk)
            buy_ok = acct.may_buy(tk) and tk not in c.no_buy and c.mode is not Mode.SELL_ONLY
            sell_ok = acct.may_sell(tk) and tk not in c.no_sell and c.mode is not Mode.BUY_ONLY
            if not buy_ok:
                cons.append(u[a, t] == 0)
            cons.append(v[a, t] <= (held * p[t] if sell_ok else 0.0))
            if placement.off_location(sleeve_of[tk], acct.kind):
                extra = extra + placement.off_location_bps / 1e4 * u[a, t]
            if acct.kind.tax_advantaged:
                continue
            pos = next((q for q in acct.positions if q.ticker == tk), None)
            if pos is None or not pos.lots:
                extra = extra + placement.taxable_sell_bps / 1e4 * v[a, t]
                continue
            q = cp.Variable(len(pos.lots), nonneg=True)
            lot_vars.append(q)
            cons += [cp.sum(q) == v[a, t], q <= np.array([lot.shares * p[t] for lot in pos.lots])]
            per = np.array(
                [lot_tax_per_share(lot.basis, lot.acquired, p[t], on, placement) for lot in pos.lots]
            )
            extra = extra + (per / p[t]) @ q
    traded = cp.sum(u + v, axis=0)
    w = x.w0 + cp.sum(u - v, axis=0) / V
    cost = kap @ traded / V
    keep = 1 - cost
    cons += [w >= 0]
    for i in range(n):
        if x.lo[i] > 0:
            cons.append(w[i] >= x.lo[i])
        if x.hi[i] < 1:
            cons.append(w[i] <= x.hi[i] * keep)
    for nd in x.nodes:
        if nd.lo > 0:
            cons.append(nd.members @ w >= nd.lo)
        if nd.hi < 1:
            cons.append(nd.members @ w <= nd.hi * keep)
    for r in x.look_through:
        cons.append(r.row @ w <= r.hi * keep)
        if r.lo > 0:
            cons.append(r.row @ w >= r.lo)
    if x.turnover_cap < BIG:
        cons.append(cp.sum(traded) / V <= x.turnover_cap)
    if x.vol_cap < BIG:
        vals, vecs = np.linalg.eigh(x.cov)
        root = vecs @ np.diag(np.sqrt(np.clip(vals, 0, None))) @ vecs.T
        cons.append(cp.norm(root @ w, 2) <= x.vol_cap * keep)
    gap = w - x.target
    obj = cp.quad_form(gap, cp.psd_wrap(x.cov)) + GAMMA * (cost + extra / V)
    prob = cp.Problem(cp.Minimize(1e4 * obj), cons)
    prob.solve(solver=cp.CLARABEL)
    if prob.status not in ("optimal", "optimal_inaccurate"):
        return None
    w1, f1 = np.asarray(w.value), float(prob.value) / 1e4
    if tie:
        spent = float((cost + extra / V).value)
        rank = np.arange(1.0, na + 1.0)
        tie_obj = rank @ cp.sum(u + v, axis=1) / V + 0.5 * (
            cp.sum_squares(u / V) + cp.sum_squares(v / V) + sum(cp.sum_squares(q / V) for q in lot_vars)
        )
        pins = [w == w1, cost + extra / V <= spent * (1 + TIE_ROOM) + 1e-12]
        second = cp.Problem(cp.Minimize(tie_obj), cons + pins)
        second.solve(solver=cp.CLARABEL)
        if second.status not in ("optimal", "optimal_inaccurate"):
            return None
    return w1, f1, np.asarray(u.value), np.asarray(v.value)


def objective_of(  # type: ignore[no-untyped-def]
    x: Inputs, hh: Household, placement: Placement, sleeve_of: dict[str, str | None], on: date | None, r
) -> float:
    """The same objective evaluated on a household result's account trades (least tax for the shares
    each taxable position sells)."""
    p, kap, V = x.prices, x.kappa, x.value
    idx = {tk: i for i, tk in enumerate(x.tickers)}
    delta = np.zeros(x.n)
    costs = extra = 0.0
    for a, row in zip(hh.accounts, r.accounts, strict=True):
        for t in row.trades:
            i = idx[t.ticker]
            sign = 1.0 if t.side.value == "buy" else -1.0
            delta[i] += sign * t.amount
            costs += kap[i] * t.amount
            if sign > 0:
                if placement.off_location(sleeve_of[t.ticker], a.kind):
                    extra += placement.off_location_bps / 1e4 * t.amount
                continue
            if a.kind.tax_advantaged:
                continue
            pos = next(q for q in a.positions if q.ticker == t.ticker)
            if not pos.lots:
                extra += placement.taxable_sell_bps / 1e4 * t.amount
            else:
                per = [
                    (lot.shares, lot_tax_per_share(lot.basis, lot.acquired, p[i], on, placement))
                    for lot in pos.lots
                ]
                extra += min_tax(per, t.shares)
    w = x.w0 + delta / V
    gap = w - x.target
    return float(gap @ x.cov @ gap + GAMMA * (costs + extra) / V)
