"""Whenever a tradable answer exists, the engine returns one (issue #8).

An exact whole-share search (brute force over every share count on tiny portfolios), checked with the
stated limits written out here from the scenario alone, decides whether any tradable answer exists."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from engine.model.scenario import Constraints, Mode, Scenario
from engine.optimize import rebalance
from engine.result import Status
from tests.helpers import PRICES, VOLS, core_satellite, market

TICKERS = sorted(VOLS)


def feasible_exists(sc: Scenario) -> bool:
    """Exact search: is there any whole-share trade list (a fractional holding may be sold whole) that
    keeps every stated limit?"""
    c = sc.constraints
    tickers = list(sc.universe)
    m = market(tickers)
    prices = np.array([PRICES[t] for t in tickers])
    cov = np.asarray(m.covariance)
    held = np.array([sc.portfolio.shares_of(t) for t in tickers])
    cash0 = sc.portfolio.cash + c.cash_flow
    value = float(held @ prices + cash0)
    kappa = np.array([c.cost_of(t) / 1e4 for t in tickers])
    choices = []
    for i, t in enumerate(tickers):
        can_buy = t not in c.no_buy and c.mode is not Mode.SELL_ONLY
        can_sell = t not in c.no_sell and c.mode is not Mode.BUY_ONLY
        top = held[i] + (np.floor(max(cash0 + held @ prices, 0) / prices[i]) if can_buy else 0)
        opts = {held[i]}
        k = held[i] - np.floor(held[i]) if can_sell else held[i]
        opts |= {float(s) for s in np.arange(k, top + 1e-9, 1.0) if s >= 0}
        if can_sell:
            opts.add(0.0)
        if not can_sell:
            opts = {s for s in opts if s >= held[i]}
        choices.append(sorted(opts))
    grid = np.array(list(itertools.product(*choices)), dtype=float)
    delta = grid - held
    amounts = np.abs(delta) * prices
    costs = amounts @ kappa
    cash = cash0 - delta @ prices - costs
    ok = cash >= c.min_cash - 0.005
    hold_val = grid * prices
    v_after = hold_val.sum(axis=1) + cash
    w = hold_val / np.where(v_after > 0, v_after, 1.0)[:, None]
    if c.vol_cap is not None:
        ok &= np.einsum("ij,jk,ik->i", w, cov, w) <= c.vol_cap**2 + 1e-12
    if c.turnover_cap is not None:
        ok &= amounts.sum(axis=1) / value <= c.turnover_cap + 1e-9
    traded = np.abs(delta) > 1e-12
    ok &= np.all(~traded | (amounts >= c.min_trade - 0.005), axis=1)
    return bool(ok.any())


@st.composite
def tiny(draw: st.DrawFn) -> Scenario:
    n = draw(st.integers(2, 3))
    tickers = draw(st.permutations(["IWM", "IWN", "SPSM", "AGG", "XLF", "VBR"]))[:n]
    raw = [draw(st.floats(0.1, 1.0)) for _ in tickers]
    total = sum(raw)
    weights = [r / total for r in raw]
    holdings = {t: draw(st.sampled_from([0.0, 0.3, 1.0, 2.0, 5.0, 9.0, 3.6])) for t in tickers}
    untargeted = draw(st.booleans()) and n == 3
    mode = draw(st.sampled_from(list(Mode)))
    c = Constraints(
        vol_cap=draw(st.one_of(st.none(), st.floats(0.06, 0.24))),
        turnover_cap=draw(st.one_of(st.none(), st.floats(0.02, 0.6))),
        cost_bps=draw(st.sampled_from([0.0, 5.0, 100.0])),
        min_trade=draw(st.sampled_from([0.0, 50.0, 300.0])),
        min_cash=draw(st.sampled_from([0.0, 100.0])),
        mode=mode,
        no_sell=frozenset(draw(st.lists(st.sampled_from(tickers), max_size=1))),
        cash_flow=draw(st.sampled_from([0.0, 500.0])) if mode is not Mode.SELL_ONLY else 0.0,
        force_rebalance=True,
    )
    target_tk = tickers[:-1] if untargeted else tickers
    tw = weights[: len(target_tk)]
    s = sum(tw)
    sc = core_satellite(
        holdings,
        cash=draw(st.sampled_from([0.0, 200.0, 1500.0])),
        core={target_tk[0]: tw[0] / s},
        satellites={f"S{i}": {t: w / s} for i, (t, w) in enumerate(zip(target_tk[1:], tw[1:], strict=True))},
        constraints=c,
    )
    return sc


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
@given(tiny())
def test_engine_finds_a_tradable_answer_whenever_one_exists(sc: Scenario) -> None:
    value = sum(h.shares * PRICES[h.ticker] for h in sc.portfolio.holdings) + sc.portfolio.cash
    assume(value + sc.constraints.cash_flow > 50)
    r = rebalance(sc, market(list(sc.universe)))
    if r.status is Status.INFEASIBLE:
        assert not feasible_exists(sc), r.infeasibility


def test_buy_only_with_min_trade_and_a_crumb_under_half_a_share() -> None:
    """Buy-only: a holding of 0.3 shares must never be 'sold whole' (issue #8)."""
    for crumb in ("IWN", "SPSM", "VBR"):
        holdings = {"IWM": 40.0, "IWN": 9.0, "VBR": 6.0, "SPSM": 30.0} | {crumb: 0.3}
        sc = core_satellite(
            holdings,
            cash=4_000.0,
            constraints=Constraints(mode=Mode.BUY_ONLY, min_trade=200.0, cost_bps=5.0, force_rebalance=True),
        )
        r = rebalance(sc, market(list(sc.universe)))
        assert r.status is Status.OK, r.infeasibility
        assert all(t.side.value == "buy" for t in r.trades)


def test_untargeted_holding_under_a_turnover_cap() -> None:
    """A holding with no target and a turnover cap too small to sell all of it: sell part (issue #8)."""
    sc = core_satellite(
        {"IWM": 30.0, "IWN": 5.0, "XLF": 40.5},
        cash=300.0,
        core={"IWM": 0.7},
        satellites={"Value": {"IWN": 0.3}},
        constraints=Constraints(turnover_cap=0.1, min_trade=100.0, force_rebalance=True),
    )
    r = rebalance(sc, market(list(sc.universe)))
    assert r.status is Status.OK, r.infeasibility
    assert r.turnover <= 0.1 + 1e-9
    assert any(t.ticker == "XLF" and t.side.value == "sell" for t in r.trades)
