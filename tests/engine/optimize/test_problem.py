from __future__ import annotations

import cvxpy as cp
import numpy as np
import pytest

from engine.optimize.inputs import prepare
from engine.optimize.problem import (
    COST_WEIGHT,
    EXACT_MAX,
    FAST_CHECK_TOL,
    RebalanceProblem,
    Solution,
    covariance_factor,
    problem_for,
)
from tests.helpers import core_satellite, market, random_market


def _scenario_for(n: int):  # type: ignore[no-untyped-def]
    m = random_market(n, seed=n)
    tk = list(m.tickers)
    sc = core_satellite(
        {t: 10.0 + i for i, t in enumerate(tk)},
        core={tk[0]: 0.5},
        satellites={"Rest": {t: 0.5 / (n - 1) for t in tk[1:]}},
    )
    return sc, m


@pytest.mark.parametrize("n", [4, 12, EXACT_MAX + 5])
def test_problem_is_dpp(n: int) -> None:
    """Fails if a change makes the problem lose DPP (e.g. a product of two parameters)."""
    sc, m = _scenario_for(n)
    prob = problem_for(prepare(sc, m))
    assert prob.is_dpp()
    assert prob.problem.is_dcp()


def test_problem_is_built_once_per_shape() -> None:
    sc, m = _scenario_for(12)
    x1 = prepare(sc, m)
    p1 = problem_for(x1)
    import dataclasses

    sc2 = dataclasses.replace(sc, portfolio=dataclasses.replace(sc.portfolio, cash=50_000.0))
    p2 = problem_for(prepare(sc2, m))
    assert p1 is p2


def test_resolve_matches_fresh_build() -> None:
    """Re-solving the cached problem with new parameter values gives the fresh problem's answer."""
    sc, m = _scenario_for(12)
    x = prepare(sc, m)
    cached = problem_for(x)
    cached.solve(x)  # first solve with other values would also do; make it warm
    import dataclasses

    sc2 = dataclasses.replace(sc, portfolio=dataclasses.replace(sc.portfolio, cash=9_000.0))
    x2 = prepare(sc2, m)
    a = cached.solve(x2)
    members = np.array([nd.members for nd in x2.nodes])
    fresh = RebalanceProblem(x2.n, members)
    b = fresh.solve(x2)
    assert a.ok and b.ok
    np.testing.assert_allclose(a.w, b.w, atol=1e-6)


@pytest.mark.parametrize("n", [5, 30])
def test_exact_factor_reconstructs_covariance(n: int) -> None:
    cov = np.asarray(random_market(n, seed=3).covariance)
    f, d = covariance_factor(cov, n)
    np.testing.assert_allclose(f.T @ f + np.diag(d**2), cov, atol=1e-12)


def test_factor_model_matches_diagonal_and_stays_close() -> None:
    cov = np.asarray(random_market(120, seed=4).covariance)
    f, d = covariance_factor(cov, 20)
    approx = f.T @ f + np.diag(d**2)
    np.testing.assert_allclose(np.diag(approx), np.diag(cov), rtol=1e-10)
    assert np.abs(approx - cov).max() < 0.05 * np.abs(cov).max()


def test_problem_shapes_use_parameters_only() -> None:
    sc, m = _scenario_for(12)
    prob = problem_for(prepare(sc, m))
    constants = [c for c in prob.problem.constants() if np.size(c.value) > 1]
    # only structural constants (sleeve membership) are baked in; numbers that change are parameters
    for c in constants:
        assert set(np.unique(c.value)) <= {0.0, 1.0}
    assert len(prob.problem.parameters()) >= 10
    assert isinstance(prob.problem, cp.Problem)


def test_small_market_builds() -> None:
    x = prepare(core_satellite({"IWM": 10, "IWN": 5}, satellites={"V": {"IWN": 0.3}}), market(["IWM", "IWN"]))
    assert problem_for(x).solve(x).ok


@pytest.mark.parametrize("n", [12, EXACT_MAX + 10])
def test_fast_path_matches_plain_cvxpy_solve(n: int) -> None:
    """The in-place Clarabel re-solve gives the same answer as cvxpy's own solve()."""
    sc, m = _scenario_for(n)
    x = prepare(sc, m)
    prob = problem_for(x)
    prob.solve(x)  # compiles; creates the fast path
    assert all(prob.fast_paths[:1])  # stage 1 re-solves through the checked fast path
    fast = prob.solve(x, vol_cap=0.15)
    prob.use_fast_path = False
    try:
        plain = prob.solve(x, vol_cap=0.15)
    finally:
        prob.use_fast_path = True
    assert fast.ok and plain.ok

    # the same optimum: the objective agrees to solver precision; the weights to FAST_CHECK_TOL (the
    # objective is nearly flat along the cost-vs-tracking-error trade-off, so two 1e-8-accurate solves
    # may sit a few 1e-6 apart in weight with objectives 1e-12 apart)
    def objective(s: Solution) -> float:
        return prob.model_te2(s.w, x.target) + COST_WEIGHT * s.cost

    assert objective(fast) == pytest.approx(objective(plain), rel=1e-9, abs=1e-12)
    np.testing.assert_allclose(fast.w, plain.w, atol=FAST_CHECK_TOL)
