"""The fast re-solve path: bounded solver versions, checked when created, falls back on any trouble."""

from __future__ import annotations

import tomllib
from importlib.metadata import version
from pathlib import Path

import numpy as np
import pytest
from packaging.requirements import Requirement

from engine.optimize import fastsolve, rebalance
from engine.optimize.inputs import prepare
from engine.optimize.problem import RebalanceProblem
from tests.helpers import market, twelve_asset_scenario

ROOT = Path(__file__).resolve().parents[3]
SOLVERS = ("cvxpy", "clarabel", "osqp", "scs", "piqp")


def test_solver_packages_have_upper_bounds_that_the_installed_versions_meet() -> None:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    reqs = {Requirement(d).name: Requirement(d) for d in deps}
    for name in SOLVERS:
        spec = reqs[name].specifier
        assert any(s.operator in ("<", "<=") for s in spec), f"{name} has no upper bound"
        assert spec.contains(version(name)), f"installed {name} {version(name)} is outside {spec}"


def _fresh() -> tuple[RebalanceProblem, object]:
    x = prepare(twelve_asset_scenario(), market())
    members = np.array([nd.members for nd in x.nodes])
    return RebalanceProblem(x.n, members), x


def test_fast_path_that_disagrees_with_cvxpy_is_not_used(monkeypatch: pytest.MonkeyPatch, caplog) -> None:  # type: ignore[no-untyped-def]
    real = fastsolve.CompiledClarabel._values

    def off(self, values):  # type: ignore[no-untyped-def]
        p, q, a, b = real(self, values)
        return p, q * 1.05, a, b  # a wrong parameter map: the linear costs 5 % off

    monkeypatch.setattr(fastsolve.CompiledClarabel, "_values", off)
    prob, x = _fresh()
    plain = prob.solve(x, vol_cap=0.2)  # type: ignore[arg-type]
    assert plain.ok
    assert prob.fast_paths == (False, False)
    assert "disagrees with cvxpy" in caplog.text
    again = prob.solve(x, vol_cap=0.2)  # type: ignore[arg-type]
    np.testing.assert_allclose(again.w, plain.w, atol=1e-9)


def test_fast_path_error_falls_back_to_cvxpy(monkeypatch: pytest.MonkeyPatch, caplog) -> None:  # type: ignore[no-untyped-def]
    prob, x = _fresh()
    first = prob.solve(x, vol_cap=0.15)  # type: ignore[arg-type]  # binds: the cone program solves
    assert prob._stage1.fast is not None

    def broken(self, values):  # type: ignore[no-untyped-def]
        raise RuntimeError("new cvxpy internals")

    monkeypatch.setattr(fastsolve.CompiledClarabel, "solve", broken)
    second = prob.solve(x, vol_cap=0.15)  # type: ignore[arg-type]
    assert second.ok and prob.fast_paths == (False, False)
    np.testing.assert_allclose(second.w, first.w, atol=1e-6)
    assert "fast tracking-error solve failed" in caplog.text


def test_rebalance_never_raises_when_the_fast_path_cannot_be_built(monkeypatch: pytest.MonkeyPatch) -> None:
    def nope(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise ValueError("unexpected solver data")

    monkeypatch.setattr(fastsolve.CompiledClarabel, "__init__", nope)
    from engine.optimize import problem

    problem._CACHE.clear()
    r = rebalance(twelve_asset_scenario(), market())
    problem._CACHE.clear()
    assert r.status.value in ("ok", "no_trades_needed")


def test_kept_solver_answers_bit_for_bit_as_a_fresh_solver() -> None:
    """The fast path keeps one Clarabel solver and replaces its data for each solve; with equilibration
    off nothing computed from earlier data survives, so the answer must equal a fresh solver's exactly
    (same inputs, same answer, whatever was solved before)."""
    import clarabel

    prob, x = _fresh()
    prob.solve(x, vol_cap=0.12)  # compiles and creates the fast path (the cap binds: the cone program)
    fast = prob._stage1.fast
    assert fast is not None
    caps = (0.12, 0.2, 0.15, 0.31, 0.15, 0.12)
    for cap in caps:
        values = {p.id: v for p, v in prob.parameter_values(x, cap).items()}
        before = fast.updates
        status, got = fast.solve(values)
        assert status == "optimal"
        p, q, a, b = fast._data(values)
        ref = np.asarray(clarabel.DefaultSolver(p, q, a, b, fast._cones, fast._settings).solve().x)
        want = [ref[s] for s in fast._slices]
        for g, w in zip(got, want, strict=True):
            assert np.array_equal(g, w), f"cap {cap}: kept solver differs from a fresh one"
        assert fast.updates == before + 1  # the kept solver answered, not a new one
    # a new risk model changes the matrices (the kept solver is handed them), then the old one again (and
    # the kept solver is handed them back): each answer still equals a fresh solver's
    from dataclasses import replace

    m = market()
    calmer = replace(m, covariance=m.covariance * 0.8)
    for mk in (calmer, m, calmer):
        x2 = prepare(twelve_asset_scenario(), mk)
        values = {p.id: v for p, v in prob.parameter_values(x2).items()}
        status, got = fast.solve(values)
        p, q, a, b = fast._data(values)
        ref = np.asarray(clarabel.DefaultSolver(p, q, a, b, fast._cones, fast._settings).solve().x)
        for g, w in zip(got, [ref[s] for s in fast._slices], strict=True):
            assert np.array_equal(g, w), "kept solver differs from a fresh one after a new risk model"


def test_flat_optimum_keeps_the_fast_path_at_the_same_objective(caplog) -> None:  # type: ignore[no-untyped-def]
    """A tiny two-fund portfolio whose optimum is flat: the fast answer sits 1.5e-5 from cvxpy's in weight
    (over the 1e-5 check) at the same objective value; the fast path is kept (a wrong map, above, is not)."""
    import logging

    from engine.model.scenario import Constraints
    from engine.optimize import problem
    from engine.optimize.problem import problem_for
    from tests.helpers import core_satellite

    caplog.set_level(logging.INFO)
    sc = core_satellite(
        {"IJR": 0.0, "IWN": 1.0},
        cash=0.0,
        core={"IJR": 0.2},
        satellites={"S0": {"IWN": 0.8}},
        constraints=Constraints(vol_cap=0.125, cost_bps=5.0, min_trade=0.0, whole_shares=False),
    )
    x = prepare(sc, market(list(sc.universe)))
    problem._CACHE.clear()  # compiled here: the creation check runs on this problem
    prob = problem_for(x)
    assert prob.solve(x).ok
    assert prob.fast_paths[0]
    assert "at the same objective; kept" in caplog.text
