"""PIQP on compiled QPs (engine.optimize.fastqp): the same answers as cvxpy's own Clarabel solve, Clarabel
whenever PIQP cannot answer, the household's tie-break really solved by it, and the single-account problem's
cap-free QP route (engine.optimize.problem): taken only when its answer keeps the cap, chosen by the inputs."""

from __future__ import annotations

from dataclasses import replace

import cvxpy as cp
import numpy as np
import pytest

from engine.optimize.fastqp import CompiledPiqp
from engine.optimize.household import joint
from engine.optimize.household import run as hh_run
from engine.optimize.inputs import Inputs, prepare
from engine.optimize.problem import RebalanceProblem
from engine.optimize.stage import Stage
from tests.helpers import market, twelve_asset_scenario


def _qp(n: int, seed: int) -> tuple[cp.Problem, cp.Variable, dict[cp.Parameter, object]]:
    """A random QP shaped like the tie-break: signs, per-variable caps, equalities, a few general rows."""
    rng = np.random.default_rng(seed)
    x = cp.Variable(n, nonneg=True)
    target, cap = cp.Parameter(n), cp.Parameter(n, nonneg=True)
    total, room = cp.Parameter(), cp.Parameter(2)
    groups = rng.integers(0, 2, size=(2, n)).astype(float)
    cons = [x <= cap, cp.sum(x) == total, groups @ x <= room]
    prob = cp.Problem(cp.Minimize(0.5 * cp.sum_squares(x - target) + np.arange(n) @ x), cons)
    values = {
        target: rng.normal(0.3, 0.5, n),
        cap: rng.uniform(0.05, 1.0, n),
        total: float(rng.uniform(0.5, 2.0)),
        room: rng.uniform(0.5, 1.5, 2),
    }
    values[total] = min(float(values[total]), float(values[cap].sum()) * 0.9)  # type: ignore[arg-type]
    return prob, x, values


def _cvxpy_answer(prob: cp.Problem, x: cp.Variable, values: dict[cp.Parameter, object]) -> np.ndarray:
    for p, v in values.items():
        p.value = v
    prob.solve(solver=cp.CLARABEL)
    assert prob.status == "optimal"
    return np.asarray(x.value, dtype=float)


@pytest.mark.parametrize("seed", range(12))
def test_piqp_gives_cvxpys_answer_on_random_qps(seed: int) -> None:
    prob, x, values = _qp(8 + seed, seed)
    expected = _cvxpy_answer(prob, x, values)
    fast = CompiledPiqp.create_qp(prob, [x])
    assert fast is not None
    status, (got,) = fast.solve({p.id: v for p, v in values.items()})  # type: ignore[misc]
    assert status == "optimal"
    assert fast.piqp_solves == 1  # PIQP answered, not the Clarabel fallback
    np.testing.assert_allclose(got, expected, atol=1e-6)
    assert fast.last_objective == pytest.approx(float(prob.value), rel=1e-6, abs=1e-8)


def test_a_bound_row_with_a_zero_coefficient_goes_to_clarabel() -> None:
    x = cp.Variable(3, nonneg=True)
    alpha = cp.Parameter()
    prob = cp.Problem(cp.Minimize(cp.sum_squares(x - np.array([2.0, 1.0, 0.5]))), [alpha * x[0] <= 1.0])
    fast = CompiledPiqp.create_qp(prob, [x])
    assert fast is not None
    status, (got,) = fast.solve({alpha.id: 0.0})  # the row reads "0 <= 1": no bound on x[0]
    assert status == "optimal" and fast.piqp_solves == 0
    np.testing.assert_allclose(got, [2.0, 1.0, 0.5], atol=1e-6)
    status, (got,) = fast.solve({alpha.id: 2.0})  # x[0] <= 0.5
    assert status == "optimal" and fast.piqp_solves == 1
    np.testing.assert_allclose(got, [0.5, 1.0, 0.5], atol=1e-6)


def test_an_infeasible_qp_is_called_infeasible_by_clarabel() -> None:
    x = cp.Variable(2, nonneg=True)
    lo = cp.Parameter()
    prob = cp.Problem(cp.Minimize(cp.sum_squares(x)), [cp.sum(x) >= lo, x <= 1.0])
    fast = CompiledPiqp.create_qp(prob, [x])
    assert fast is not None
    status, _ = fast.solve({lo.id: 3.0})  # x ≤ 1 each cannot sum to 3
    assert status == "infeasible"
    assert fast.piqp_solves == 0


def test_a_cone_problem_is_not_taken() -> None:
    x = cp.Variable(3)
    radius = cp.Parameter(nonneg=True)
    prob = cp.Problem(cp.Minimize(cp.sum(x)), [cp.norm(x) <= radius])
    assert CompiledPiqp.create_qp(prob, [x]) is None
    # and a Stage asked for a QP path falls back to Clarabel's fast path
    stage = Stage(prob, [x], "cone", qp=True)
    status, (got,) = stage.solve({radius: 1.0})
    assert status == "optimal"
    assert stage.fast is not None and not isinstance(stage.fast, CompiledPiqp)
    np.testing.assert_allclose(got, -np.ones(3) / np.sqrt(3), atol=1e-6)


def test_the_household_tie_break_is_solved_by_piqp() -> None:
    from benchmarks.bench_household import household_scenario

    sc, m = household_scenario(3, 12)
    free = hh_run.rebalance_household(replace(sc, constraints=replace(sc.constraints, vol_cap=None)), m)
    capped = replace(sc, constraints=replace(sc.constraints, vol_cap=free.vol_after * 0.95))
    r = hh_run.rebalance_household(capped, m)
    assert not r.check_problems
    probs = [p for p in joint._CACHE.values() if p.layout.n_accounts == 3 and p.layout.n == 12]
    assert probs
    tie = probs[-1]._tie.fast
    assert isinstance(tie, CompiledPiqp)
    assert tie.piqp_solves >= 1


def _twelve() -> tuple[RebalanceProblem, Inputs]:
    x = prepare(twelve_asset_scenario(), market())  # cap 25 %: the holdings and the targets are under it
    members = np.array([nd.members for nd in x.nodes])
    return RebalanceProblem(x.n, members), x


def _vol(x: Inputs, w: np.ndarray) -> float:
    return float(np.sqrt(w @ x.cov @ w))


def test_a_slack_cap_is_answered_by_the_cap_free_qp_with_the_cone_programs_answer() -> None:
    prob, x = _twelve()
    sol = prob.solve(x)
    assert sol.ok
    assert prob._free is not None and isinstance(prob._free.fast, CompiledPiqp)
    assert prob._free.fast.piqp_solves >= 1
    assert prob._stage1.fast is None  # the cone program was never needed
    assert _vol(x, sol.w) < x.vol_cap
    prob.use_fast_path = False  # cvxpy's own solve of the problem with the cap's cone
    ref = prob.solve(x)
    np.testing.assert_allclose(sol.w, ref.w, atol=1e-7)


def test_a_cap_free_answer_that_breaks_the_cap_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RebalanceProblem, "_cap_likely_slack", lambda self, x, s: True)  # always try it
    prob, x = _twelve()
    sol = prob.solve(x, vol_cap=0.14)  # binds: the cap-free answer sits near 16.8 %
    assert prob._free is not None and isinstance(prob._free.fast, CompiledPiqp)
    assert prob._free.fast.piqp_solves == 1  # tried ...
    assert prob._stage1.fast is not None  # ... and the cone program answered
    assert _vol(x, sol.w) <= 0.14 + 1e-7
    prob.use_fast_path = False
    np.testing.assert_allclose(sol.w, prob.solve(x, vol_cap=0.14).w, atol=1e-6)


def test_the_route_depends_on_the_inputs_only() -> None:
    prob, x = _twelve()
    first = prob.solve(x).w.copy()
    prob.solve(x, vol_cap=0.14)  # the cone program in between
    prob.solve(x, vol_cap=0.30)
    assert np.array_equal(prob.solve(x).w, first)  # same inputs, same answer, bit for bit


@pytest.mark.parametrize("seed", range(10))
def test_the_cap_free_route_equals_cvxpys_cone_program_on_random_portfolios(seed: int) -> None:
    """Random universes (6–40 funds: the exact risk model and the factor model), holdings, costs, bounds and
    a cap above both the holdings' and the targets' volatility: the QP route's answer (PIQP) is cvxpy's own
    solve of the problem with the cap's cone (Clarabel)."""
    from engine.model.scenario import Constraints
    from tests.helpers import core_satellite, random_market

    rng = np.random.default_rng(seed)
    n = int(rng.integers(6, 41))
    m = random_market(n, seed=100 + seed)
    tk = list(m.tickers)
    sc = core_satellite(
        {t: float(rng.integers(0, 300)) for t in tk},
        cash=float(rng.uniform(0, 20_000)),
        core={tk[0]: 0.6},
        satellites={"Rest": {t: 0.4 / (n - 1) for t in tk[1:]}},
        constraints=Constraints(
            vol_cap=0.9,
            cost_bps=float(rng.uniform(0, 20)),
            min_trade=0.0,
            whole_shares=False,
            force_rebalance=True,
        ),
    )
    x = prepare(sc, m)
    members = np.array([nd.members for nd in x.nodes])
    prob = RebalanceProblem(x.n, members)
    sol = prob.solve(x)
    assert sol.ok
    assert prob._free is not None and isinstance(prob._free.fast, CompiledPiqp)
    assert prob._stage1.fast is None  # the QP answered
    prob.use_fast_path = False
    ref = prob.solve(x)
    np.testing.assert_allclose(sol.w, ref.w, atol=2e-6)
