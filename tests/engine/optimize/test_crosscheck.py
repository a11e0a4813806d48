"""The continuous optimum agrees with an independent method (scipy SLSQP) on small cases."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import minimize

from engine.model.scenario import Constraints
from engine.optimize.inputs import Inputs, prepare
from engine.optimize.problem import problem_for
from tests.helpers import core_satellite, market


def _scipy_optimum(x: Inputs) -> np.ndarray:
    """Minimize (w-t)ᵀΣ(w-t) subject to the same limits, written directly in w (no costs)."""
    q = x.cov
    cons = [
        {"type": "ineq", "fun": lambda w: (x.c0 - x.cash_min) - np.sum(w - x.w0)},
    ]
    if x.vol_cap < 1:
        cons.append({"type": "ineq", "fun": lambda w: x.vol_cap**2 - w @ x.cov @ w})
    for nd in x.nodes:
        cons.append({"type": "ineq", "fun": lambda w, m=nd.members, hi=nd.hi: hi - m @ w})
        cons.append({"type": "ineq", "fun": lambda w, m=nd.members, lo=nd.lo: m @ w - lo})
    bounds = [(max(lo, 0.0), hi) for lo, hi in zip(x.lo, x.hi, strict=True)]
    best = None
    for start in (x.w0, x.target, np.full(x.n, 0.5 / x.n)):
        res = minimize(
            lambda w: (w - x.target) @ q @ (w - x.target),
            start,
            method="SLSQP",
            bounds=bounds,
            constraints=cons,
            options={"ftol": 1e-14, "maxiter": 500},
        )
        if res.success and (best is None or res.fun < best.fun):
            best = res
    assert best is not None
    return np.asarray(best.x)


@pytest.mark.parametrize(
    ("cap", "min_cash", "hi"),
    [(None, 0.0, 1.0), (0.20, 0.0, 1.0), (0.17, 5_000.0, 1.0), (0.21, 0.0, 0.12)],
)
def test_continuous_optimum_matches_scipy(cap: float | None, min_cash: float, hi: float) -> None:
    m = market()
    sc = core_satellite(
        {"IWM": 640, "IWN": 95, "VBR": 70, "SPSM": 180},
        constraints=Constraints(vol_cap=cap, min_cash=min_cash, cost_bps=0.0),
    )
    if hi < 1:
        import dataclasses

        sleeves = list(sc.targets.sleeves)
        value = sleeves[1]
        assets = tuple(dataclasses.replace(a, max_weight=hi) for a in value.assets)
        sleeves[1] = dataclasses.replace(value, assets=assets)
        sc = dataclasses.replace(sc, targets=dataclasses.replace(sc.targets, sleeves=tuple(sleeves)))
    x = prepare(sc, m)
    ours = problem_for(x).solve(x)
    assert ours.ok
    ref = _scipy_optimum(x)
    q = x.cov

    def f(w: np.ndarray) -> float:
        return float((w - x.target) @ q @ (w - x.target))

    assert f(ours.w) <= f(ref) + 1e-8
    np.testing.assert_allclose(ours.w, ref, atol=2e-4)
