"""The tradable holdings closest to the continuous optimum, found exactly (mixed-integer search, HiGHS).

The fallback when rounding and its repair cannot keep every limit: whenever a tradable answer exists
this finds one. Share counts are integers (or free with fractional shares); a fractional holding may be
sold whole; each trade is zero or at least the minimum; an asset is bought or sold, not both. Every
limit is linear in the post-trade holdings H (money) and the value after costs V' except the volatility
cap √(HᵀΣH) ≤ cap·V', a convex cone handled by cutting planes (each cut is a tangent of the cone at a
point that broke it, so no tradable answer is ever cut off). The objective is the money distance of
the trades from the continuous optimum's trades.
"""

from __future__ import annotations

import logging
import math

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp

from engine.market import FloatArray
from engine.optimize.checker import evaluate, violations
from engine.optimize.inputs import BIG, Inputs
from engine.optimize.limit_id import LimitKind

log = logging.getLogger(__name__)

MAX_CUTS = 40
TIME_LIMIT = 5.0  # seconds per MILP solve
VOL_ROOM = 1e-9  # relative room under the cap for the solver's tolerance


def closest_tradable(x: Inputs, target_shares: FloatArray, *, whole: bool) -> FloatArray | None:
    """Share counts after trading that keep every limit, closest (in money) to ``target_shares``;
    None when no tradable answer exists (or the search gave up)."""
    n = x.n
    p = x.prices / x.value  # money per share, in units of the value before trading
    h0 = x.shares0
    frac = h0 - np.floor(h0) if whole else np.zeros(n)
    has_frac = frac > 1e-12
    # variables: b (n) buys, s (n) whole sells, a (n) sell-the-remainder, yb (n), ys (n), t (n)
    nv = 6 * n
    ib, is_, ia, iyb, iys, it = range(6)  # variable blocks

    def blk(k: int) -> slice:
        return slice(k * n, (k + 1) * n)

    cost_obj = np.zeros(nv)
    cost_obj[blk(it)] = p
    lo_b = np.zeros(nv)
    hi_b = np.full(nv, np.inf)
    cash_all = max(x.c0 + float(h0 @ p), 0.0)
    hi_b[blk(ib)] = np.where(x.no_buy, 0.0, np.floor(cash_all / p + 1.0) if whole else cash_all / p + 1.0)
    hi_b[blk(is_)] = np.where(x.no_sell, 0.0, np.floor(h0) if whole else h0)
    hi_b[blk(ia)] = np.where(x.no_sell | ~has_frac, 0.0, 1.0)
    hi_b[blk(iyb)] = np.where(x.no_buy, 0.0, 1.0)
    hi_b[blk(iys)] = np.where(x.no_sell | (h0 <= 0), 0.0, 1.0)
    integrality = np.zeros(nv)
    if whole:
        integrality[blk(ib)] = integrality[blk(is_)] = 1
    integrality[blk(ia)] = integrality[blk(iyb)] = integrality[blk(iys)] = 1

    rows: list[tuple[dict[int, FloatArray], float, float]] = []  # ({block: coef}, lb, ub)

    def row(coefs: dict[int, FloatArray], lb: float, ub: float) -> None:
        rows.append((coefs, lb, ub))

    kp = x.kappa * p  # cost per share bought or sold
    mt = x.min_trade_amount / x.value
    eye = np.eye(n)
    # sells in shares S = s + frac·a; deltas D = b - S; cost = kp·(b + S); V' = 1 - cost
    # cash: c0 - p·D - cost ≥ cash_min
    row({ib: -(p + kp), is_: p - kp, ia: frac * (p - kp)}, x.cash_min - x.c0, np.inf)
    if x.turnover_cap < BIG:
        row({ib: p, is_: p, ia: frac * p}, -np.inf, x.turnover_cap)
    per_asset: list[tuple[FloatArray, float, float]] = []  # (coef on D-space via blocks), bounds
    for i in range(n):
        e = eye[i]
        # S_i ≥ floor(h0)·a_i (the remainder goes only with the whole position)
        if has_frac[i]:
            row({is_: e, ia: -math.floor(h0[i]) * e}, 0.0, np.inf)
        # side switches: b ≤ U·yb, S ≤ h0·ys, yb + ys ≤ 1, and each trade ≥ min trade
        ub_b = hi_b[blk(ib)][i]
        if np.isfinite(ub_b) and ub_b > 0:
            row({ib: e, iyb: -ub_b * e}, -np.inf, 0.0)
        else:
            row({ib: e}, -np.inf, 0.0)
        row({is_: e, ia: frac[i] * e, iys: -max(h0[i], 0.0) * e}, -np.inf, 0.0)
        row({iyb: e, iys: e}, -np.inf, 1.0)
        # every trade is zero or at least the minimum (never dust)
        row({ib: p[i] * e, iyb: -mt * e}, 0.0, np.inf)
        row({is_: p[i] * e, ia: frac[i] * p[i] * e, iys: -mt * e}, 0.0, np.inf)
        # distance: t ≥ |D - Dc|
        dc = float(target_shares[i] - h0[i])
        row({it: e, ib: -e, is_: e, ia: frac[i] * e}, -dc, np.inf)
        row({it: e, ib: e, is_: -e, ia: -frac[i] * e}, dc, np.inf)
    del per_asset

    def holding_bound(members: FloatArray, bound: float, upper: bool) -> None:
        # H_m = members·(h0 + D)·p vs bound·V', V' = 1 - cost (everything in units of value)
        mp = members * p
        coef_b = mp + bound * kp
        coef_s = -mp + bound * kp
        base = float(mp @ h0)
        if upper:
            row({ib: mp + bound * kp, is_: coef_s, ia: frac * coef_s}, -np.inf, bound - base)
        else:
            row({ib: coef_b, is_: coef_s, ia: frac * coef_s}, bound - base, np.inf)

    for i in range(n):
        if x.hi[i] < 1.0:
            holding_bound(eye[i], float(x.hi[i]), upper=True)
        if x.lo[i] > 0.0:
            holding_bound(eye[i], float(x.lo[i]), upper=False)
    for nd in x.nodes:
        if nd.hi < 1.0:
            holding_bound(nd.members, nd.hi, upper=True)
        if nd.lo > 0.0:
            holding_bound(nd.members, nd.lo, upper=False)

    def matrix() -> tuple[sp.csr_array, FloatArray, FloatArray]:
        a = np.zeros((len(rows), nv))
        lbs = np.empty(len(rows))
        ubs = np.empty(len(rows))
        for r, (coefs, lb, ub) in enumerate(rows):
            for k, v in coefs.items():
                a[r, blk(k)] += v
            lbs[r], ubs[r] = lb, ub
        return sp.csr_array(a), lbs, ubs

    for _ in range(MAX_CUTS):
        a, lbs, ubs = matrix()
        res = milp(
            cost_obj,
            integrality=integrality,
            bounds=Bounds(lo_b, hi_b),
            constraints=LinearConstraint(a, lbs, ubs),
            options={"time_limit": TIME_LIMIT, "mip_rel_gap": 1e-6},
        )
        if res.x is None:
            if res.status not in (2,):  # 2 = infeasible
                log.info("exact whole-share search stopped: %s", res.message)
            return None
        v = np.asarray(res.x)
        b, s, al = v[blk(ib)], v[blk(is_)], v[blk(ia)]
        if whole:
            b, s, al = np.round(b), np.round(s), np.round(al)
        sells = np.where(al > 0.5, h0, np.minimum(s, h0))
        shares: FloatArray = np.clip(h0 + b - sells, 0.0, None)
        ev = evaluate(x, shares)
        broken = violations(x, ev)
        if not broken:
            return shares
        if (
            x.vol_cap < BIG
            and ev.vol > x.vol_cap * (1 - VOL_ROOM)
            and all(v.limit.kind is LimitKind.VOL_CAP for v in broken)
        ):
            # tangent cut at H: g·H ≤ cap·V' with g = ΣH/√(HᵀΣH) (holdings in units of value)
            hv = shares * p
            sig = x.cov @ hv
            g = sig / math.sqrt(max(float(hv @ sig), 1e-300))
            cap = x.vol_cap * (1 - VOL_ROOM)
            base = float(g @ (h0 * p))
            coef_s = -g * p + cap * kp
            row({ib: g * p + cap * kp, is_: coef_s, ia: frac * coef_s}, -np.inf, cap - base)
            continue
        log.info("exact whole-share search answer broke %s", ", ".join(v.constraint for v in broken))
        return None
    return None
