"""The compiled-problem cache keeps a book's many small tree shapes (issue #11: ten shapes interleaved
recompiled on almost every call when only eight were kept) and few large problems (memory)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from engine.optimize import problem
from engine.optimize.inputs import prepare
from engine.optimize.limits import portfolio as limits_portfolio
from tests.helpers import core_satellite, market

TICKERS = ["IWM", "IWN", "VBR", "SPSM", "IJR", "IWO", "VBK"]
SIZES = [[6], [1, 5], [2, 4], [3, 3], [4, 2], [5, 1], [1, 1, 4], [1, 2, 3], [2, 2, 2], [1, 1, 1, 1, 1, 1]]


def _shape(k: int):  # type: ignore[no-untyped-def]
    """Ten different trees over the same seven funds: the six satellites in sleeves of these sizes (the
    problem's shape is the sleeves' membership, in the universe's order)."""
    sats, start = {}, 1
    for j, size in enumerate(SIZES[k]):
        sats[f"S{j}"] = {t: 0.3 / 6 for t in TICKERS[start : start + size]}
        start += size
    return core_satellite({t: 20.0 for t in TICKERS}, cash=2_000.0, core={"IWM": 0.7}, satellites=sats)


def test_ten_trees_share_one_compiled_problem_per_sleeve_count() -> None:
    """Issue #11: one compiled problem serves every tree of a size — the sleeve membership is parameter
    data, so the ten trees (1, 2, 3 or 6 satellite sleeves) compile four problems, once each, even
    interleaved."""
    problem._CACHE.clear()
    m = market(TICKERS)
    xs = [prepare(_shape(k), m) for k in range(10)]
    assert len({tuple(tuple(nd.members) for nd in x.nodes) for x in xs}) == 10  # ten different trees
    first = [problem.problem_for(x) for x in xs]
    again = [problem.problem_for(x) for x in xs]
    assert all(a is b for a, b in zip(first, again, strict=True))
    assert len({id(p) for p in first}) == len({len(x.nodes) for x in xs}) == 4


def test_shared_problem_answers_as_one_built_for_the_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shared problem (membership as data) and one compiled for the tree alone (membership constant)
    reach the same optimum, tree after tree on the one shared problem."""
    from engine.optimize.problem import COST_WEIGHT, RebalanceProblem

    problem._CACHE.clear()
    m = market(TICKERS)
    for k in (2, 3, 4, 7, 8):  # five trees with three nodes each: one shared problem
        sc = _shape(k)
        # the first satellite sleeve must hold 3 points more than its target: a sleeve row that binds,
        # over different funds in each tree
        sleeves = list(sc.targets.sleeves)
        sleeves[1] = dataclasses.replace(sleeves[1], min_weight=sleeves[1].weight + 0.03)
        sc = dataclasses.replace(
            sc,
            targets=dataclasses.replace(sc.targets, sleeves=tuple(sleeves)),
            constraints=dataclasses.replace(sc.constraints, vol_cap=0.17),
        )
        x = prepare(sc, m)
        shared = problem.problem_for(x).solve(x)
        with monkeypatch.context() as mp:
            mp.setattr(limits_portfolio, "MEMBERS_AS_DATA_MAX", 0)
            own = RebalanceProblem(x.n, x.node_matrix).solve(x)
        assert shared.ok and own.ok

        def objective(s, x=x):  # type: ignore[no-untyped-def]
            gap = s.w - x.target
            return float(gap @ x.cov @ gap + COST_WEIGHT * s.cost)

        assert objective(shared) == pytest.approx(objective(own), rel=1e-7, abs=1e-12), k
        np.testing.assert_allclose(shared.w, own.w, atol=1e-4)
        node_w = x.node_matrix @ shared.w / (1 - shared.cost)  # the tree's own sleeve weights hold
        for j, nd in enumerate(x.nodes):
            assert nd.lo - 1e-6 <= node_w[j] <= nd.hi + 1e-6
        s0 = next(j for j, nd in enumerate(x.nodes) if nd.label == "S0")
        # it binds, on this tree's funds (lower limits hold on pre-cost weights: problem.py)
        assert float(x.node_matrix[s0] @ shared.w) == pytest.approx(x.nodes[s0].lo, abs=1e-6)


def test_large_problems_are_evicted_by_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    problem._CACHE.clear()
    m = market(TICKERS)
    xs = [prepare(_shape(k), m) for k in (0, 1, 6)]  # 1, 2 and 3 sleeves: three compiled problems
    one = problem.BYTES_PER_TICKER2 * 7 * 7  # what one of these problems counts for
    monkeypatch.setattr(problem, "_CACHE_BYTES", int(2.5 * one))
    for x in xs:
        problem.problem_for(x)
    assert len(problem._CACHE) == 2  # the oldest went when a third would pass the memory budget
    assert xs[0].shape_key() not in problem._CACHE
    monkeypatch.setattr(problem, "_CACHE_BYTES", 1)
    problem.problem_for(xs[0])
    assert list(problem._CACHE) == [xs[0].shape_key()]  # the newest is always kept
    assert np.isfinite(problem.problem_for(xs[0]).solve(xs[0]).w).all()
