"""Check a suggested "nearest value" against whole shares before the user is offered it.

The diagnosis finds how far each conflicting limit must move from the continuous problem; rounding to
whole shares can need a little more room (a sector floor of 7.36 % is reachable with fractional shares,
not with whole ones and the cash buffer). When exactly one limit must move, ``nearest_check(x)`` returns a
function that takes that suggestion and gives the closest value at or beyond it (in the loosening
direction, in steps of one share's weight, or 0.01 % of volatility) with which tradable holdings exist —
or None when no nearby value works, so that nothing untrue is offered.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from engine.optimize.diagnose import NearestCheck
from engine.optimize.inputs import Inputs
from engine.optimize.limit_id import LimitId, LimitKind
from engine.optimize.search import LOOK_KINDS, NODE_KINDS, tradable_exists

STEPS = 8  # loosening steps tried after the suggestion itself
VOL_STEP = 1e-4  # 0.01 %: the precision volatility is shown with
GRID = 1e-4  # weights are suggested on the 0.01 % grid they are shown with, moved in the loosening direction
CENT = 0.01


def with_limit(x: Inputs, lid: LimitId, value: float) -> Inputs | None:
    """``x`` with the one limit ``lid`` set to ``value`` (None for a limit this cannot set)."""
    kind, who = lid.kind, lid.subject
    low = lid.is_lower_bound
    if kind is LimitKind.VOL_CAP:
        return replace(x, vol_cap=value)
    if kind is LimitKind.MIN_CASH:  # money
        return replace(x, cash_min=max(value, 0.0) / x.value)
    if kind is LimitKind.TURNOVER_CAP:
        return replace(x, turnover_cap=max(value, 0.0))
    if kind in (LimitKind.ASSET_MIN, LimitKind.ASSET_MAX) and who in x.tickers:
        i = x.tickers.index(who)
        lo, hi = x.lo.copy(), x.hi.copy()
        (lo if low else hi)[i] = value
        return replace(x, lo=lo, hi=hi)
    if kind in NODE_KINDS:
        key = "small_cap" if kind in (LimitKind.SMALL_CAP_MIN, LimitKind.SMALL_CAP_MAX) else f"sleeve:{who}"
        nodes = tuple(
            (replace(nd, lo=value) if low else replace(nd, hi=value)) if nd.key == key else nd
            for nd in x.nodes
        )
        return replace(x, nodes=nodes)
    if kind in LOOK_KINDS:
        which = "company" if kind is LimitKind.COMPANY_MAX else "sector"
        looks = tuple(
            (replace(r, lo=value) if low else replace(r, hi=value))
            if r.kind == which and r.subject == who
            else r
            for r in x.look_through
        )
        return replace(x, look_through=looks)
    return None


def _step(x: Inputs, lid: LimitId) -> float:
    """How far one loosening step moves ``lid``: one share of the fund that moves it most."""
    share = x.prices / x.value  # weight of one share
    kind = lid.kind
    if kind is LimitKind.VOL_CAP:
        return VOL_STEP
    if kind is LimitKind.MIN_CASH:
        return float(x.prices.max())  # money
    if kind in (LimitKind.ASSET_MIN, LimitKind.ASSET_MAX) and lid.subject in x.tickers:
        return float(share[x.tickers.index(lid.subject)])
    if kind in NODE_KINDS:
        key = (
            "small_cap"
            if kind in (LimitKind.SMALL_CAP_MIN, LimitKind.SMALL_CAP_MAX)
            else f"sleeve:{lid.subject}"
        )
        rows = [nd.members for nd in x.nodes if nd.key == key]
        return float(np.max(rows[0] * share)) if rows else float(share.max())
    if kind in LOOK_KINDS:
        rows = [r.row for r in x.look_through if r.subject == lid.subject]
        return float(np.max(rows[0] * share)) if rows else float(share.max())
    return float(share.max())


def _on_grid(v: float, grid: float, sign: float) -> float:
    """``v`` rounded to ``grid`` in the direction ``sign`` (+1 up, -1 down)."""
    return (math.ceil(v / grid - 1e-9) if sign > 0 else math.floor(v / grid + 1e-9)) * grid


def nearest_check(x: Inputs) -> NearestCheck:
    def check(lid: LimitId, suggested: float) -> float | None:
        step = _step(x, lid)
        sign = -1.0 if lid.is_lower_bound else 1.0  # loosening direction
        # never exactly on the edge of feasibility (a solver may call that either way): the next value on
        # the grid it is shown with, a hair into the loosening direction
        grid = CENT if lid.kind is LimitKind.MIN_CASH else GRID
        start = _on_grid(suggested + sign * 1e-3 * grid, grid, sign)
        for k in range(STEPS + 1):
            value = start + sign * k * step
            if lid.is_lower_bound and value < 0:
                return None
            changed = with_limit(x, lid, value)
            if changed is None:
                return suggested  # a limit this cannot set: the suggestion as the diagnosis found it
            if tradable_exists(changed):
                return value
        return None

    return check
