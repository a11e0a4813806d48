"""Invariants of the rebalancer on random portfolios (hypothesis), checked independently of the
engine's own checker: from the trades, prices and the stated constraints only."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from engine.model.scenario import Constraints, Mode
from engine.optimize import rebalance
from engine.result import RebalanceResult, Side, Status
from tests.helpers import VOLS, core_satellite, market

TICKERS = sorted(VOLS)
DUST = 1.0  # the smallest trade worth making, in currency (stated in engine/optimize/checker.py)


@st.composite
def scenarios(draw: st.DrawFn):  # type: ignore[no-untyped-def]
    n = draw(st.integers(2, 6))
    tickers = draw(st.permutations(TICKERS))[:n]
    raw = [draw(st.floats(0.05, 1.0)) for _ in tickers]
    total = sum(raw)
    weights = [r / total for r in raw]
    holdings = {t: draw(st.sampled_from([0.0, 1.0, 7.0, 25.0, 80.0, 300.0, 12.5])) for t in tickers}
    mode = draw(st.sampled_from(list(Mode)))
    flow = {
        Mode.FULL: draw(st.sampled_from([0.0, 5_000.0, -3_000.0])),
        Mode.BUY_ONLY: draw(st.sampled_from([0.0, 10_000.0])),
        Mode.SELL_ONLY: draw(st.sampled_from([0.0, -4_000.0])),
    }[mode]
    constraints = Constraints(
        vol_cap=draw(st.one_of(st.none(), st.floats(0.04, 0.3))),
        turnover_cap=draw(st.one_of(st.none(), st.floats(0.02, 0.6))),
        cost_bps=draw(st.sampled_from([0.0, 1.0, 5.0, 25.0])),
        min_trade=draw(st.sampled_from([0.0, 100.0, 1_000.0])),
        whole_shares=draw(st.booleans()),
        min_cash=draw(st.sampled_from([0.0, 500.0, 2_000.0])),
        no_buy=frozenset(draw(st.lists(st.sampled_from(tickers), max_size=1))),
        no_sell=frozenset(draw(st.lists(st.sampled_from(tickers), max_size=1))),
        mode=mode,
        cash_flow=flow,
        force_rebalance=draw(st.booleans()),
    )
    sc = core_satellite(
        holdings,
        cash=draw(st.sampled_from([0.0, 1_000.0, 20_000.0])),
        core={tickers[0]: weights[0]},
        satellites={f"S{i}": {t: w} for i, (t, w) in enumerate(zip(tickers[1:], weights[1:], strict=True))},
        constraints=constraints,
    )
    total = sum(holdings.values()) + sc.portfolio.cash + constraints.cash_flow
    assume(total > 0 and sc.portfolio.cash + sum(holdings.values()) * 20 + constraints.cash_flow > 0)
    return sc


def _check_invariants(sc, r: RebalanceResult) -> None:  # type: ignore[no-untyped-def]
    c = sc.constraints
    value_after = r.total_value - r.total_cost
    # weights (cash included) sum to one
    assert math.isclose(sum(a.weight_after for a in r.assets) + r.cash_after / value_after, 1.0, abs_tol=1e-9)
    for a in r.assets:
        assert a.shares_after >= 0  # no shorts
        assert a.weight_after >= -1e-12
    assert r.cash_after >= c.min_cash - 0.01  # buffer kept, hence never negative cash
    if c.vol_cap is not None:
        assert r.vol_after <= c.vol_cap + 1e-9
    if c.turnover_cap is not None:
        assert r.turnover <= c.turnover_cap + 1e-9
    prices = {a.ticker: a.price for a in r.assets}
    before = {a.ticker: a.shares_before for a in r.assets}
    for t in r.trades:
        assert t.amount >= c.min_trade - 0.01
        assert t.amount >= DUST - 1e-9, t  # no dust: nothing under one unit of currency
        assert math.isclose(t.amount, t.shares * prices[t.ticker], rel_tol=1e-9)
        if c.mode is Mode.BUY_ONLY:
            assert t.side is Side.BUY
        if c.mode is Mode.SELL_ONLY:
            assert t.side is Side.SELL
        if t.side is Side.BUY:
            assert t.ticker not in c.no_buy
        else:
            assert t.ticker not in c.no_sell
            assert t.shares <= before[t.ticker] + 1e-9
        if c.whole_shares and not (t.side is Side.SELL and t.shares == before[t.ticker]):
            assert float(t.shares).is_integer()
    # cash bookkeeping: cash after = cash before - buys + sells - costs
    flow = sum((-1 if t.side is Side.BUY else 1) * t.amount for t in r.trades)
    assert math.isclose(r.cash_after, r.cash_before + flow - r.total_cost, abs_tol=1e-6)


@settings(max_examples=70, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_invariants_hold_on_random_portfolios(sc) -> None:  # type: ignore[no-untyped-def]
    m = market(list(sc.universe))
    r = rebalance(sc, m)
    if r.status is Status.INFEASIBLE:
        assert r.trades == ()
        assert r.infeasibility is not None and len(r.infeasibility.message) > 20
        return
    _check_invariants(sc, r)


@settings(max_examples=30, deadline=None)
@given(scenarios())
def test_targets_returned_exactly_when_feasible_and_free(sc) -> None:  # type: ignore[no-untyped-def]
    """No costs, fractional shares, no limits that bite: the result is the target weights."""
    free = Constraints(cost_bps=0.0, whole_shares=False, force_rebalance=True)
    import dataclasses

    sc = dataclasses.replace(sc, constraints=free)
    assume(sc.portfolio.cash > 0 or any(h.shares > 0 for h in sc.portfolio.holdings))
    r = rebalance(sc, market(list(sc.universe)))
    assert r.status is Status.OK
    for a in r.assets:
        assert abs(a.weight_after - a.weight_target) < 2e-5, a


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios(), st.sampled_from([1e-9, 1e-7, 1e-5]))
def test_no_dust_with_fractional_shares(sc, nudge: float) -> None:  # type: ignore[no-untyped-def]
    """Fractional shares, holdings a hair off their targets: no trade under one unit of currency."""
    import dataclasses

    c = dataclasses.replace(sc.constraints, whole_shares=False, min_trade=0.0, force_rebalance=True)
    sc = dataclasses.replace(sc, constraints=c)
    m = market(list(sc.universe))
    r = rebalance(sc, m)
    if r.status is Status.INFEASIBLE:
        return
    # nudge the holdings to just off the answer and solve again: only dust could be left to trade
    from engine.model.scenario import Holding, Portfolio

    after = tuple(Holding(a.ticker, a.shares_after * (1 + nudge)) for a in r.assets)
    sc2 = dataclasses.replace(sc, portfolio=Portfolio(holdings=after, cash=max(r.cash_after, 0.0)))
    r2 = rebalance(dataclasses.replace(sc2, constraints=dataclasses.replace(c, cash_flow=0.0)), m)
    for t in r.trades + r2.trades:
        assert t.amount >= DUST - 1e-9, t
