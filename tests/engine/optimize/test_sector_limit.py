"""The look-through sector limit (engine/optimize/limits/sector.py): a cap that binds is met by the
optimizer's answer — checked with numpy on the fund data and against the independent reference solve —
and the limit object checks, reports and explains it.

The optimizer does not take sector limits from a scenario yet; the tests state the sector row to the
compiled problem as one more linear row beside the sleeve rows (same form: row · w ≤ max · (1 - cost)).
"""

from __future__ import annotations

from dataclasses import replace

import cvxpy as cp
import numpy as np
import pytest

from engine.data.fund_files import bundled_snapshot
from engine.optimize.evaluation import evaluate
from engine.optimize.inputs import Inputs, Node, prepare
from engine.optimize.limit_id import LimitId, LimitKind
from engine.optimize.limits.base import ElasticVars
from engine.optimize.limits.sector import SectorBounds
from engine.optimize.problem import RebalanceProblem, Solution
from engine.risk.exposures import build_model
from tests.engine.optimize.reference import min_te
from tests.helpers import core_satellite, market

FIN = LimitId(LimitKind.SECTOR_MAX, "Financials")


def _inputs() -> Inputs:
    sc = core_satellite(
        {"IWM": 500, "IWN": 50, "XLF": 200},
        core={"IWM": 0.6},
        satellites={"Value": {"IWN": 0.2}, "Financials": {"XLF": 0.2}},
    )
    return prepare(sc, market(list(sc.universe)))


def _bounds(x: Inputs, cap: float) -> SectorBounds:
    model = build_model(x.tickers, bundled_snapshot().funds)
    return SectorBounds.from_model(model, {"Financials": (0.0, cap)})


def _with_row(x: Inputs, b: SectorBounds) -> Inputs:
    (bound,) = b.bounds
    row = Node(
        key="sector:Financials",
        label="Financials",
        role="sector",
        members=bound.vector(x.tickers),
        target=0.0,
        lo=bound.lo,
        hi=bound.hi,
        band=x.nodes[0].band,
    )
    return replace(x, nodes=(*x.nodes, row))


def _solve(x: Inputs) -> Solution:
    members = np.array([nd.members for nd in x.nodes])
    sol = RebalanceProblem(x.n, members).solve(x)
    assert sol.ok, sol.status
    return sol


def _fin(x: Inputs) -> np.ndarray:
    snap = bundled_snapshot().funds
    return np.array([(snap[t].sectors or {}).get("Financials", 0.0) for t in x.tickers])


def _shares(x: Inputs, w: np.ndarray) -> np.ndarray:
    return np.asarray(w * x.value / x.prices, dtype=float)


@pytest.mark.parametrize("cap", [0.22, 0.25, 0.30])
def test_binding_sector_cap_is_met_and_matches_the_reference(cap: float) -> None:
    x = _inputs()
    e = _fin(x)  # independent: the snapshot's Financials weight per fund
    free = _solve(x)
    assert e @ free.w_after > cap + 0.005  # without the limit the portfolio is over the cap: it binds
    b = _bounds(x, cap)
    xs = _with_row(x, b)
    sol = _solve(xs)
    assert e @ sol.w_after <= cap + 1e-7
    assert e @ sol.w_after == pytest.approx(cap, abs=2e-4)  # it binds: held at the cap
    ref = min_te(xs)  # plain cvxpy, full covariance, post-trade weights
    assert ref is not None
    assert np.max(np.abs(sol.w - ref)) < 2e-4
    ev = evaluate(x, _shares(x, sol.w))
    assert b.check(x, ev) == []
    (state,) = b.states(x, ev)
    assert state.limit == FIN and state.binds and state.reached == pytest.approx(e @ ev.weights)


def test_check_names_a_broken_cap_and_explains_a_binding_one() -> None:
    x = _inputs()
    b = _bounds(x, 0.25)
    ev_free = evaluate(x, _shares(x, _solve(x).w))
    (v,) = b.check(x, ev_free)
    assert v.limit == FIN and v.constraint == "sector_max:Financials"
    reached = _fin(x) @ ev_free.weights
    assert f"{reached * 100:.2f} %" in v.message and "above its maximum 25.00 %" in v.message
    ev = evaluate(x, _shares(x, _solve(_with_row(x, b)).w))
    (sentence,) = b.explain(x, ev, x.target)
    at_target = _fin(x) @ x.target
    assert sentence.startswith("Financials through the funds is held at its maximum 25.00 %")
    assert f"the targets would give {at_target * 100:.2f} %" in sentence
    assert b.explain(x, ev_free, x.target) == []  # over the cap is a violation, not "held at"


def test_not_binding_and_floor() -> None:
    x = _inputs()
    high = _bounds(x, 0.60)
    ev = evaluate(x, _shares(x, _solve(x).w))
    (state,) = high.states(x, ev)
    assert not state.binds and high.explain(x, ev, x.target) == []
    model = build_model(x.tickers, bundled_snapshot().funds)
    floor = SectorBounds.from_model(model, {"Energy": (0.10, 1.0)})
    assert floor.ids(x) == (LimitId(LimitKind.SECTOR_MIN, "Energy"),)
    (v,) = floor.check(x, ev)
    assert "below its minimum 10.00 %" in v.message


def test_elastic_form_needs_slack_exactly_when_the_cap_is_broken() -> None:
    x = _inputs()
    b = _bounds(x, 0.25)
    for w, broken in ((_solve(x).w, True), (_solve(_with_row(x, b)).w, False)):
        cost = float(x.kappa @ np.abs(w - x.w0))
        slack = cp.Variable(nonneg=True)
        vars_ = ElasticVars(
            w=cp.Constant(w),
            traded=cp.Constant(np.abs(w - x.w0)),
            cost=cp.Constant(cost),
            vol=lambda z: cp.norm(z),
        )
        (con,) = b.elastic(x, vars_, lambda lid, s=slack: s)
        prob = cp.Problem(cp.Minimize(slack), [con])
        prob.solve(solver=cp.CLARABEL)
        assert (slack.value > 1e-6) == broken


def test_company_cap_binds_and_is_met() -> None:
    from datetime import date

    from engine.data.funds import FundData, Holding
    from engine.optimize.limits.sector import CompanyCaps

    def fund(t: str, x_weight: float) -> FundData:
        return FundData(t, "hand-built", date(2025, 1, 2), holdings=(Holding("XCO", "X Corp", x_weight),))

    funds = {"IWM": fund("IWM", 0.04), "IWN": fund("IWN", 0.02), "XLF": fund("XLF", 0.12)}
    x = _inputs()
    e = np.array([funds[t].holdings[0].weight for t in x.tickers])  # type: ignore[index]
    assert e @ x.target == pytest.approx(0.6 * 0.04 + 0.2 * 0.02 + 0.2 * 0.12)
    caps = CompanyCaps.from_model(build_model(x.tickers, funds), {"xco": (0.0, 0.04)})
    assert caps.ids(x) == (LimitId(LimitKind.COMPANY_MAX, "XCO"),)
    (bound,) = caps.bounds
    row = Node("company:XCO", "XCO", "company", bound.vector(x.tickers), 0.0, 0.0, 0.04, x.nodes[0].band)
    xs = replace(x, nodes=(*x.nodes, row))
    sol = _solve(xs)
    assert e @ sol.w_after <= 0.04 + 1e-7 and e @ sol.w_after == pytest.approx(0.04, abs=2e-4)
    ref = min_te(xs)
    assert ref is not None and np.max(np.abs(sol.w - ref)) < 2e-4
    ev = evaluate(x, _shares(x, sol.w))
    assert caps.check(x, ev) == []
    (sentence,) = caps.explain(x, ev, x.target)
    assert sentence.startswith("X Corp (XCO) through the funds is held at its maximum 4.00 %")
    (v,) = caps.check(x, evaluate(x, _shares(x, _solve(x).w)))
    assert v.limit == LimitId(LimitKind.COMPANY_MAX, "XCO") and "above its maximum 4.00 %" in v.message
