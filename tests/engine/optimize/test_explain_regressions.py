"""The untrue sentences issue #8 lists, each pinned by a scenario (these fail on the engine before the fix).

The checks read English text and result rows only, so they hold whatever the message ids are called."""

from __future__ import annotations

import dataclasses
import re

import pytest

from engine.model.scenario import (
    AssetTarget,
    Constraints,
    Holding,
    Portfolio,
    Role,
    Scenario,
    Sleeve,
    TargetTree,
)
from engine.optimize import rebalance
from engine.report_text import format_result
from engine.result import RebalanceResult, Side, Status
from tests.helpers import market, twelve_asset_scenario


def _solve(**changes: object) -> tuple[Scenario, RebalanceResult]:
    sc = twelve_asset_scenario()
    sc = dataclasses.replace(sc, constraints=dataclasses.replace(sc.constraints, **changes))
    return sc, rebalance(sc, market(list(sc.universe)))


def test_a_zero_turnover_cap_is_not_called_no_trades_needed() -> None:
    _, r = _solve(turnover_cap=0.0)
    outside = [a.ticker for a in r.assets if a.outside_band]
    assert r.trades == () and len(outside) >= 2
    text = format_result(r)
    assert "No trades needed" not in text
    assert "inside its drift band" not in text
    assert "turnover cap of 0.0 % allows no trade" in text
    for tk in outside:  # the holdings out of band are named
        assert tk in text.split("\n\n")[1]
    assert any(b.constraint == "turnover_cap" for b in r.binding)


@pytest.mark.parametrize("cap", [0.13, 0.15, 0.16])
def test_vol_cap_reasons_say_which_way_the_holding_moves(cap: float) -> None:
    _, r = _solve(vol_cap=cap)
    assert r.status is Status.OK and r.vol_after >= cap - 1e-3
    rows = {a.ticker: a for a in r.assets}
    for t in r.trades:
        a = rows[t.ticker]
        d0, d1 = abs(a.weight_before - a.weight_target), abs(a.weight_after - a.weight_target)
        if "toward" in t.reason:
            assert d1 < d0, t.reason
        if "overweight" in t.reason:
            assert a.weight_before > a.weight_target, t.reason
        if "underweight" in t.reason:
            assert a.weight_before < a.weight_target, t.reason
        if t.side is Side.SELL and d1 >= d0:  # a sell away from the target says so, and why
            assert "further from its target" in t.reason or "away from its target" in t.reason, t.reason
    # the cap at its value is named among what limits the result
    assert any(b.constraint == "vol_cap" for b in r.binding)


def test_a_withdrawal_that_sells_more_says_why_with_the_numbers() -> None:
    _, r = _solve(cash_flow=-20_000.0)
    sells = sum(t.amount for t in r.trades if t.side is Side.SELL)
    buys = sum(t.amount for t in r.trades if t.side is Side.BUY)
    assert sells > 20_000 + 100
    text = format_result(r)
    line = next((m for m in r.messages if "withdrawal" in m and "Sells" in m), None)
    assert line is not None and line in text, "the extra selling is not explained"
    amounts = [float(v.replace(",", "")) for v in re.findall(r"\$([\d,]+(?:\.\d+)?)", line)]
    # the sells, the withdrawal and the buys appear with their values
    assert round(sells) in [round(v) for v in amounts]
    assert round(buys) in [round(v) for v in amounts]
    assert 20_000 in [round(v) for v in amounts]


def test_an_infeasible_result_names_no_binding_and_never_says_none_binds() -> None:
    _, r = _solve(vol_cap=0.03)
    assert r.status is Status.INFEASIBLE
    text = format_result(r)
    assert r.binding == ()
    assert "No constraint binds" not in text and "No limit binds" not in text


def test_what_limits_the_result_lists_a_binding_asset_maximum() -> None:
    sc = twelve_asset_scenario()
    core = sc.targets.sleeves[0]
    iwm = dataclasses.replace(core.assets[0], max_weight=0.15)  # target ~20.9 %
    tree = dataclasses.replace(
        sc.targets, sleeves=(dataclasses.replace(core, assets=(iwm, core.assets[1])), *sc.targets.sleeves[1:])
    )
    sc = dataclasses.replace(sc, targets=tree)
    r = rebalance(sc, market(list(sc.universe)))
    assert r.status is Status.OK
    iwm_row = next(a for a in r.assets if a.ticker == "IWM")
    assert iwm_row.weight_after <= 0.15 + 1e-9
    assert any(b.constraint == "asset_max:IWM" for b in r.binding)


def test_the_advisor_example_withdrawal_says_where_the_extra_sale_goes() -> None:
    """The issue's case: a $20,000 withdrawal that sells $45,639 of AGG (sell-only, AGG far overweight)."""
    from engine import resources
    from engine.api import rebalance_file

    name = next(p for p in resources.examples() if "withdrawal" in p)
    path = resources.path("examples", name)
    r = rebalance_file(path, force_demo=True)
    sells = sum(t.amount for t in r.trades if t.side is Side.SELL)
    assert sells > 20_000 + 1_000
    line = next(m for m in r.messages if m.startswith("Sells of"))
    assert f"${sells:,.0f}" in line and "$20,000 withdrawal" in line
    assert f"${r.cash_after:,.0f}" in line  # the rest stays in cash: said with the cash figure


def _scenario(
    holdings: list[tuple[str, float]],
    cash: float,
    sleeves: list[tuple[str, float, str]],
    small_cap_weight: float,
    constraints: Constraints,
) -> Scenario:
    """Sleeves (name, weight, the one ticker); "Core" is the core, "Bonds" sits outside the small caps."""
    role = {"Core": Role.CORE, "Bonds": Role.OUTSIDE}
    return Scenario(
        name="regression",
        portfolio=Portfolio(holdings=tuple(Holding(t, s) for t, s in holdings), cash=cash),
        targets=TargetTree(
            sleeves=tuple(
                Sleeve(n, role.get(n, Role.SATELLITE), w, (AssetTarget(t, 1.0),)) for n, w, t in sleeves
            ),
            small_cap_weight=small_cap_weight,
        ),
        constraints=constraints,
    )


def _true_words(sc: Scenario) -> RebalanceResult:
    r = rebalance(sc, market(list(sc.universe)))
    rows = {a.ticker: a for a in r.assets}
    for t in r.trades:
        a = rows[t.ticker]
        d0, d1 = abs(a.weight_before - a.weight_target), abs(a.weight_after - a.weight_target)
        if "overweight" in t.reason:
            assert a.weight_before > a.weight_target, t.reason
        if "toward" in t.reason:
            assert d1 < d0, t.reason
    return r


def test_a_volatility_cap_at_its_value_is_named_with_a_turnover_cap() -> None:
    """Found on the engine before the fix: volatility 14.36 % under a 14.37 % cap, not named."""
    sc = _scenario(
        [("IWO", 0.0), ("VTWO", 80.0), ("VBK", 12.5), ("AGG", 0.0)],
        1_000.0,
        [
            ("Core", 0.374622667583394, "IWO"),
            ("S1", 0.17623954916696333, "VTWO"),
            ("S2", 0.4491377832496426, "VBK"),
            ("Bonds", 0.49292455343634756, "AGG"),
        ],
        0.5070754465636524,
        Constraints(
            vol_cap=0.14370419136215878,
            turnover_cap=0.03770668917831328,
            cost_bps=5.0,
            min_trade=100.0,
            whole_shares=False,
            min_cash=500.0,
            no_buy=frozenset({"IWO"}),
            cash_flow=5_000.0,
            force_rebalance=True,
        ),
    )
    r = _true_words(sc)
    assert r.status is Status.OK
    named = any(b.constraint == "vol_cap" for b in r.binding)
    if r.vol_after >= 0.14370419136215878 - 1e-3:  # at the cap (as the solver before #8 left it): named
        assert named
    elif named:  # named away from its value only when the target mix breaks it
        assert r.vol_target > 0.14370419136215878
