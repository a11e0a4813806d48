"""The two shortcuts of the min-trade pass, checked against the full re-solving pass they replace.

- Solver crumbs (trades under a millionth of the value) are zero, not trades that need a re-solve.
- With whole shares, small trades worth together less than one share of the cheapest fund that still
  trades are dropped without a re-solve.
Both must leave the answer as good as re-solving: the same status and tracking error within a hundredth
of a percentage point, on random whole-share scenarios."""

from __future__ import annotations

import numpy as np
import pytest

from engine.model.scenario import Constraints, Scenario
from engine.optimize import rebalance, rounding
from tests.helpers import core_satellite, random_market


def _scenario(seed: int) -> tuple[Scenario, object]:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(3, 30))
    m = random_market(n, seed=seed)
    tk = list(m.tickers)
    core = float(rng.uniform(0.5, 0.8))
    raw = rng.uniform(0.2, 1.0, n - 1)
    raw = raw / raw.sum() * (1 - core)
    cons = Constraints(
        vol_cap=float(rng.choice([0.12, 0.16, 0.2, 0.3, 1.0])),
        min_trade=float(rng.choice([50.0, 500.0, 2000.0])),
        cost_bps=float(rng.choice([0.0, 5.0, 30.0])),
        min_cash=float(rng.choice([0.0, 500.0, 3000.0])),
        whole_shares=True,
    )
    sc = core_satellite(
        {t: float(rng.integers(0, 300)) for t in tk},
        cash=float(rng.uniform(100, 30000)),
        core={tk[0]: core},
        satellites={"S": {t: float(r) for t, r in zip(tk[1:], raw, strict=True)}},
        constraints=cons,
    )
    return sc, m


def _full_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rounding, "SKIP_SUB_SHARE", False)
    monkeypatch.setattr(rounding, "NOISE_WEIGHT", 0.0)


def test_shortcuts_answer_as_well_as_re_solving(monkeypatch: pytest.MonkeyPatch) -> None:
    used = 0
    for seed in range(60):
        sc, m = _scenario(seed)
        calls: list[int] = []

        def spy(*a, real=rounding._under_one_share, calls=calls, **k):  # type: ignore[no-untyped-def]
            out = real(*a, **k)
            calls.append(int(out))
            return out

        with monkeypatch.context() as mp:
            mp.setattr(rounding, "_under_one_share", spy)
            quick = rebalance(sc, m)  # type: ignore[arg-type]
        with monkeypatch.context() as mp:
            _full_pass(mp)
            full = rebalance(sc, m)  # type: ignore[arg-type]
        used += sum(calls)
        assert quick.status == full.status, seed
        assert quick.tracking_error_after == pytest.approx(full.tracking_error_after, abs=1e-4), seed
    assert used > 0  # the sub-share shortcut was taken on some of these scenarios


def test_crumbs_cost_no_re_solve(monkeypatch: pytest.MonkeyPatch) -> None:
    """A many-fund scenario whose continuous answer leaves 1e-8-weight crumbs on funds that should not
    trade: they are zero, so no min-trade re-solve is spent on them."""
    from engine.optimize.inputs import prepare
    from engine.optimize.problem import problem_for

    m = random_market(40, seed=40)
    tk = list(m.tickers)
    rng = np.random.default_rng(3)
    sc = core_satellite(
        {t: float(rng.integers(5, 400)) for t in tk},
        cash=5_000.0,
        core={tk[0]: 0.7},
        satellites={"S": {t: 0.3 / 39 for t in tk[1:]}},
        constraints=Constraints(vol_cap=0.18, min_trade=100.0, cost_bps=2.0, min_cash=1_000.0),
    )
    monkeypatch.setattr(rounding, "SKIP_SUB_SHARE", False)  # only the crumb rule here
    # the cone program (Clarabel, an interior-point method) is the solve that leaves the crumbs; the
    # cap-free QP route (PIQP) here leaves none, so the cone program is asked for
    from engine.optimize.problem import RebalanceProblem

    monkeypatch.setattr(RebalanceProblem, "_cap_likely_slack", lambda self, x, s: False)
    x = prepare(sc, m)
    sol = problem_for(x).solve(x)
    crumbs = np.abs(sol.w - x.w0) * x.value
    noise = (crumbs > 0) & (crumbs < rounding.NOISE_WEIGHT * x.value)
    assert noise.any()  # the solver did leave crumbs
    resolves: list[int] = []

    def solve(fixed):  # type: ignore[no-untyped-def]
        resolves.append(int(fixed.sum()))
        return problem_for(x).solve(x, fixed=fixed)

    out, _ = rounding.drop_small_trades(x, sol, solve)
    assert np.all(out.w[noise] == x.w0[noise])  # crumbs are gone
    # a re-solve happens only for trades above the crumb level and under the minimum
    real_small = (crumbs >= rounding.NOISE_WEIGHT * x.value) & (crumbs < x.min_trade_amount)
    assert not real_small.any() and not resolves  # crumbs only: not one re-solve (each was one before)
