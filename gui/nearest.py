"""Limits to controls, and "use the nearest workable value" as a scenario edit (Qt-free, like gui.edits).

A problem names limits by ``LimitId``; ``limit_key`` says which control's label shows it. The engine's
nearest workable value is rounded to what the controls show *toward feasible*: a cap or a maximum up, a
minimum or a cash buffer down (rounding a minimum up would leave it infeasible).
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from engine.errors import ScenarioError
from engine.model.scenario import Scenario

if TYPE_CHECKING:  # engine.optimize (cvxpy) is imported on the main thread at start-up, not by this module
    from engine.optimize.limit_id import LimitId

STEP = 1000  # the controls show weights to 0.1 %


def is_money(limit: LimitId) -> bool:
    return limit.kind.value in ("min_cash", "min_trade")


def limit_key(limit: LimitId) -> str:
    """The key of the control (problem label) that sets ``limit``."""
    from engine.optimize.limit_id import LimitKind as K

    k = limit.kind
    if k in (K.VOL_CAP, K.TURNOVER_CAP, K.MIN_CASH, K.MIN_TRADE, K.MODE, K.WHOLE_SHARES):
        return k.value
    if k in (K.SLEEVE_MIN, K.SLEEVE_MAX):
        return f"sleeve:{limit.subject}"
    if k in (K.SMALL_CAP_MIN, K.SMALL_CAP_MAX):
        return "small_cap"
    if k in (K.ASSET_MIN, K.ASSET_MAX, K.NO_BUY, K.NO_SELL):
        return f"asset:{limit.subject}"
    if k is K.COSTS:
        return "cost_bps"
    if k is K.NO_SHORT:
        return "holdings"
    if k in (K.SECTOR_MIN, K.SECTOR_MAX, K.COMPANY_MAX):
        return "lookthrough"  # gui/panels/lookthrough_limits.py
    return "targets"


def usable_nearest(limit: LimitId, value: float) -> float:
    """The nearest workable value rounded toward feasible, to what the controls show."""
    if is_money(limit):
        return float(math.floor(value + 1e-9))  # a smaller buffer / minimum trade is easier
    if limit.is_lower_bound:
        return max(math.floor(value * STEP + 1e-9) / STEP, 0.0)
    return math.ceil(value * STEP - 1e-9) / STEP


def apply_nearest(sc: Scenario, limit: LimitId, value: float) -> Scenario | None:
    """``sc`` with ``limit`` set to ``value``; None when the limit has no value to set or the result is not
    a valid scenario."""
    from engine.optimize.limit_id import LimitKind as K

    k = limit.kind
    field: dict[str, Any] = {k.value: value}
    c = sc.constraints
    t = sc.targets
    if k in (K.VOL_CAP, K.TURNOVER_CAP, K.MIN_CASH, K.MIN_TRADE):
        out = replace(sc, constraints=replace(c, **field))
    elif k in (K.SMALL_CAP_MIN, K.SMALL_CAP_MAX):
        out = replace(sc, targets=replace(t, **field))
    elif k in (K.SLEEVE_MIN, K.SLEEVE_MAX):
        if not any(s.name == limit.subject for s in t.sleeves):
            return None
        field = {"min_weight" if k is K.SLEEVE_MIN else "max_weight": value}
        sleeves = tuple(replace(s, **field) if s.name == limit.subject else s for s in t.sleeves)
        out = replace(sc, targets=replace(t, sleeves=sleeves))
    elif k in (K.ASSET_MIN, K.ASSET_MAX):
        field = {"min_weight" if k is K.ASSET_MIN else "max_weight": value}
        sleeves = tuple(
            replace(
                s,
                assets=tuple(replace(a, **field) if a.ticker == limit.subject else a for a in s.assets),
            )
            for s in t.sleeves
        )
        if sleeves == t.sleeves:
            return None
        out = replace(sc, targets=replace(t, sleeves=sleeves))
    elif k in (K.SECTOR_MIN, K.SECTOR_MAX, K.COMPANY_MAX):  # look-through limits: {subject: fraction}
        bounds = dict(getattr(c, k.value))
        if limit.subject not in bounds:
            return None
        bounds[limit.subject] = value
        changes: dict[str, Any] = {k.value: bounds}
        out = replace(sc, constraints=replace(c, **changes))
    else:
        return None
    try:
        out.validate()
    except ScenarioError:
        return None
    return out
