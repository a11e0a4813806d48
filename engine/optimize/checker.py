"""Check proposed post-trade holdings against every stated limit (the final check before anyone sees a
result). The numbers come from evaluation.evaluate; each limit object (limits/) checks itself."""

from __future__ import annotations

from engine.optimize.evaluation import Evaluation, evaluate
from engine.optimize.inputs import Inputs
from engine.optimize.limits import LIMITS, LimitState, Violation
from engine.optimize.limits.base import VOL_TOL, WEIGHT_TOL

__all__ = [
    "VOL_TOL",
    "WEIGHT_TOL",
    "Evaluation",
    "Violation",
    "evaluate",
    "first_violation",
    "limit_states",
    "violations",
]


def violations(x: Inputs, ev: Evaluation, *, check_trades: bool = True) -> list[Violation]:
    """Every stated limit the evaluated holdings break (empty list: all hold).

    ``check_trades=False`` checks only the state (used to ask whether the *current* holdings already
    satisfy the limits)."""
    out: list[Violation] = []
    for limit in LIMITS:
        out += limit.check(x, ev, trades=check_trades)
    return out


def first_violation(x: Inputs, ev: Evaluation) -> Violation | None:
    """``violations(x, ev)[0]`` (or None), checking the limits in the same order but stopping at the
    first that reports: the rounding repair loop only ever acts on the first broken limit."""
    for limit in LIMITS:
        found = limit.check(x, ev, trades=True)
        if found:
            return found[0]
    return None


def limit_states(x: Inputs, ev: Evaluation) -> list[LimitState]:
    """Stated and reached value of every limit set in the scenario, and whether it binds."""
    out: list[LimitState] = []
    for limit in LIMITS:
        out += limit.states(x, ev)
    return out
