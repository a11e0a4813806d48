"""The compiled-problem cache keeps a book's many small tree shapes (issue #11: ten shapes interleaved
recompiled on almost every call when only eight were kept) and few large problems (memory)."""

from __future__ import annotations

import numpy as np
import pytest

from engine.optimize import problem
from engine.optimize.inputs import prepare
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


def test_ten_interleaved_shapes_compile_once_each() -> None:
    problem._CACHE.clear()
    m = market(TICKERS)
    xs = [prepare(_shape(k), m) for k in range(10)]
    assert len({x.shape_key() for x in xs}) == 10  # really ten shapes (more than the eight once kept)
    first = [problem.problem_for(x) for x in xs]
    again = [problem.problem_for(x) for x in xs]
    assert all(a is b for a, b in zip(first, again, strict=True))


def test_large_problems_are_evicted_by_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    problem._CACHE.clear()
    m = market(TICKERS)
    xs = [prepare(_shape(k), m) for k in range(3)]
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
