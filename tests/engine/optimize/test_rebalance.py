from __future__ import annotations

import json

import numpy as np
import pytest

from engine.errors import DataError, ScenarioError
from engine.model.scenario import Constraints, Mode
from engine.optimize import frontier, rebalance
from engine.optimize.checker import evaluate, violations
from engine.optimize.inputs import prepare
from engine.result import Side, Status
from tests.helpers import core_satellite, market

DRIFTED = {"IWM": 640, "IWN": 95, "VBR": 70, "SPSM": 180}  # IWM ~79 % against a 70 % target


def _sc(holdings: dict[str, float] | None = None, cash: float = 1000.0, **constraints: object):  # type: ignore[no-untyped-def]
    return core_satellite(holdings or DRIFTED, cash=cash, constraints=Constraints(**constraints))  # type: ignore[arg-type]


def test_out_of_band_core_is_sold_back_toward_target() -> None:
    r = rebalance(_sc(min_trade=100.0), market())
    assert r.status is Status.OK
    sides = {t.ticker: t.side for t in r.trades}
    assert sides["IWM"] is Side.SELL and sides["IWN"] is Side.BUY
    iwm = next(a for a in r.assets if a.ticker == "IWM")
    assert iwm.outside_band and iwm.weight_after < iwm.weight_before
    assert abs(iwm.weight_after - iwm.weight_target) < 0.02
    assert r.tracking_error_after < r.tracking_error_before
    assert all(t.reason for t in r.trades)
    assert "drifted" in next(t.reason for t in r.trades if t.ticker == "IWM")
    assert all(float(t.shares).is_integer() for t in r.trades)


def test_in_band_means_no_trades_with_drifts_shown() -> None:
    m = market()
    value = 200_000.0
    target = {"IWM": 0.71, "IWN": 0.145, "VBR": 0.10, "SPSM": 0.045}
    holdings = {t: round(value * w / m.prices[t]) for t, w in target.items()}
    r = rebalance(_sc(holdings), m)
    assert r.status is Status.NO_TRADES_NEEDED
    assert r.trades == ()
    assert any(abs(a.drift) > 0.001 for a in r.assets)
    assert all(not a.outside_band for a in r.assets)
    forced = rebalance(_sc(holdings, force_rebalance=True, cost_bps=0.0), m)
    assert forced.status is Status.OK and forced.trades


def test_buy_only_contribution_never_sells() -> None:
    r = rebalance(_sc(mode=Mode.BUY_ONLY, cash_flow=20_000.0), market())
    assert r.status is Status.OK
    assert r.trades and all(t.side is Side.BUY for t in r.trades)
    assert r.cash_after >= 0


def test_sell_only_withdrawal_is_funded_and_buffer_kept() -> None:
    r = rebalance(_sc(mode=Mode.SELL_ONLY, cash_flow=-30_000.0, min_cash=2_000.0), market())
    assert r.status is Status.OK
    assert all(t.side is Side.SELL for t in r.trades)
    assert r.cash_after >= 2_000.0 - 1e-6
    assert sum(t.amount for t in r.trades) >= 30_000.0 - 1000.0 + 2000.0 - 1e-6


def test_restricted_tickers_are_never_traded() -> None:
    r = rebalance(_sc(no_sell=frozenset({"IWM"}), no_buy=frozenset({"IWN"})), market())
    assert "IWM" not in {t.ticker for t in r.trades if t.side is Side.SELL}
    assert "IWN" not in {t.ticker for t in r.trades if t.side is Side.BUY}
    assert any(b.constraint == "no_sell:IWM" for b in r.binding)


def test_vol_cap_binds_and_is_explained() -> None:
    m = market()
    free = rebalance(_sc(), m)
    cap = free.vol_target - 0.02
    r = rebalance(_sc(vol_cap=cap), m)
    assert r.status is Status.OK
    assert r.vol_after <= cap + 1e-9
    b = next(b for b in r.binding if b.constraint == "vol_cap")
    assert f"{cap * 100:.1f} %" in b.message and "binds" in b.message


def test_infeasible_vol_cap_names_conflict_and_nearest_value() -> None:
    m = market()
    # nothing may be sold and everything is risky: volatility cannot come down
    r = rebalance(_sc(vol_cap=0.10, mode=Mode.BUY_ONLY, cash=0.0), m)
    assert r.status is Status.INFEASIBLE
    assert r.trades == ()
    inf = r.infeasibility
    assert inf is not None
    assert "vol_cap" in inf.conflicting and "mode" in inf.conflicting
    assert inf.nearest["vol_cap"] > 0.10
    assert "volatility cap of 10.00 %" in inf.message
    # the nearest value really is feasible
    ok = rebalance(_sc(vol_cap=inf.nearest["vol_cap"] + 1e-3, mode=Mode.BUY_ONLY, cash=0.0), m)
    assert ok.status is not Status.INFEASIBLE


def test_infeasible_cash_buffer() -> None:
    r = rebalance(_sc(mode=Mode.SELL_ONLY, cash_flow=-10_000.0, no_sell=frozenset(DRIFTED)), market())
    assert r.status is Status.INFEASIBLE
    assert r.infeasibility is not None and "min_cash" in r.infeasibility.conflicting
    assert "withdrawal" in r.infeasibility.message


def test_min_trade_and_turnover_respected() -> None:
    r = rebalance(_sc(min_trade=3_000.0, turnover_cap=0.08), market())
    assert r.status is Status.OK
    assert all(t.amount >= 3_000.0 for t in r.trades)
    assert r.turnover <= 0.08 + 1e-9
    assert any(b.constraint == "turnover_cap" for b in r.binding)


def test_fractional_shares_hit_targets_when_free() -> None:
    r = rebalance(_sc(whole_shares=False, cost_bps=0.0), market())
    for a in r.assets:
        assert a.weight_after == pytest.approx(a.weight_target, abs=2e-5)


def test_held_ticker_outside_targets_is_sold() -> None:
    holdings = dict(DRIFTED, XLF=50)
    r = rebalance(_sc(holdings, min_trade=0.0), market())
    xlf = next(t for t in r.trades if t.ticker == "XLF")
    assert xlf.side is Side.SELL and xlf.shares == 50
    assert "not in your targets" in xlf.reason


def test_result_is_json_serializable_with_assumptions() -> None:
    r = rebalance(_sc(), market())
    d = json.loads(r.to_json())
    assert d["status"] == "ok"
    assert d["assumptions"]["price_date"] == "2026-11-20"
    assert d["trades"][0]["side"] in ("buy", "sell")
    assert "not investment advice" in d["disclaimer"]


def test_unknown_ticker_is_a_data_error() -> None:
    sc = core_satellite({"IWM": 10, "ZZZZ": 3})
    with pytest.raises(DataError, match="ZZZZ"):
        rebalance(sc, market())


def test_withdrawal_larger_than_portfolio_is_refused() -> None:
    with pytest.raises(ScenarioError, match="withdrawal"):
        rebalance(_sc(mode=Mode.SELL_ONLY, cash_flow=-10_000_000.0), market())


def test_checker_catches_each_kind_of_break() -> None:
    sc = _sc(vol_cap=0.2, min_cash=5_000.0, no_sell=frozenset({"IWN"}), min_trade=500.0)
    x = prepare(sc, market())
    bad = x.shares0.copy()
    i_iwn = x.tickers.index("IWN")
    bad[i_iwn] -= 10.5  # sold a restricted ticker, fractional
    bad[x.tickers.index("VBR")] += 1  # tiny trade
    names = {v.constraint for v in violations(x, evaluate(x, bad))}
    assert {"no_sell:IWN", "whole_shares:IWN", "min_trade:VBR", "min_cash", "vol_cap"} <= names


def test_frontier_runs_from_min_vol_to_target() -> None:
    pts = frontier(_sc(), market(), points=6)
    assert len(pts) == 6
    vols = [v for v, _ in pts]
    tes = [t for _, t in pts]
    assert vols == sorted(vols)
    assert tes[0] > tes[-1]
    assert tes[-1] < 1e-3


def test_larger_universe_uses_factor_model_and_still_checks() -> None:
    from tests.helpers import random_market

    m = random_market(90, seed=1)
    tk = list(m.tickers)
    sc = core_satellite(
        {t: 5.0 for t in tk},
        core={tk[0]: 0.4},
        satellites={"Rest": {t: 0.6 / 89 for t in tk[1:]}},
        constraints=Constraints(vol_cap=0.2, whole_shares=True),
    )
    r = rebalance(sc, m)
    assert r.status in (Status.OK, Status.NO_TRADES_NEEDED)
    assert r.vol_after <= 0.2 + 1e-9
    w = np.array([a.weight_after for a in r.assets])
    assert w.sum() + r.cash_after / (r.total_value - r.total_cost) == pytest.approx(1.0, abs=1e-9)


def _total_portfolio(vol_cap: float):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from tests.helpers import twelve_asset_scenario

    sc = twelve_asset_scenario()
    return replace(sc, constraints=replace(sc.constraints, vol_cap=vol_cap))


@pytest.mark.parametrize("cap", [0.03, 0.0455])
def test_suggested_vol_cap_really_works_with_whole_shares(cap: float) -> None:
    """The nearest value an infeasible result suggests gives trades once applied (rounding included)."""
    m = market()
    r = rebalance(_total_portfolio(cap), m)
    assert r.status is Status.INFEASIBLE
    assert r.infeasibility is not None
    suggested = r.infeasibility.nearest["vol_cap"]
    assert suggested > cap
    ok = rebalance(_total_portfolio(suggested), m)
    assert ok.status is Status.OK
    assert ok.vol_after <= suggested + 1e-9


@pytest.mark.parametrize("cap", [0.05, 0.06, 0.08])
def test_binding_caps_with_sleeve_minimum_round_to_tradable_trades(cap: float) -> None:
    """A binding cap that pins the core at its minimum still rounds to whole shares (tighten and retry)."""
    r = rebalance(_total_portfolio(cap), market())
    assert r.status is Status.OK
    core = next(s for s in r.sleeves if s.name == "Core")
    assert core.weight_after >= 0.2 - 1e-9
    assert r.vol_after <= cap + 1e-9


def test_zero_turnover_cap_says_it_blocks_trading() -> None:
    """A 0 % turnover cap is never silent: the result says it allows no trading (issue #8)."""
    r = rebalance(_sc(turnover_cap=0.0), market())
    assert r.trades == ()
    said = r.headline_text  # the headline says what "no trades" means here
    assert "turnover cap of 0.0 % allows no trade" in said and "IWM" in said, said
