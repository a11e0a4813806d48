"""Each limit object on its own: ids, check, states (stated vs reached, binds), repair, elastic form.
Expected numbers are computed here by hand from shares, prices and cash."""

from __future__ import annotations

import dataclasses

import cvxpy as cp
import numpy as np
import pytest

from engine.model.scenario import Constraints, Mode
from engine.optimize.evaluation import evaluate
from engine.optimize.inputs import prepare
from engine.optimize.limit_id import LimitId, LimitKind
from engine.optimize.limits import (
    AssetBounds,
    ElasticVars,
    MinCash,
    MinTrade,
    NodeBounds,
    NoShort,
    Repair,
    Restrictions,
    Turnover,
    VolCap,
    WholeShares,
)
from tests.helpers import PRICES, VOLS, core_satellite, market

HOLD = {"IWM": 100.0, "IWN": 20.0, "VBR": 10.0, "SPSM": 50.0}


def _x(cash: float = 1000.0, hold: dict[str, float] | None = None, **kw: object):  # type: ignore[no-untyped-def]
    sc = core_satellite(hold or HOLD, cash=cash, constraints=Constraints(**kw))  # type: ignore[arg-type]
    return prepare(sc, market(list(sc.universe)))


def _shares(x, **after: float) -> np.ndarray:  # type: ignore[no-untyped-def]
    s = x.shares0.copy()
    for tk, v in after.items():
        s[x.tickers.index(tk)] = v
    return s


def test_vol_cap() -> None:
    x = _x(vol_cap=0.2)
    only_iwm = _shares(x, IWN=0.0, VBR=0.0, SPSM=0.0)
    ev = evaluate(x, only_iwm)
    w_iwm = 100 * PRICES["IWM"] / ev.value_after
    assert ev.vol == pytest.approx(w_iwm * VOLS["IWM"], rel=1e-9)  # one fund: vol = weight × its vol
    lim = VolCap()
    assert lim.ids(x) == (LimitId(LimitKind.VOL_CAP),)
    assert [v.limit for v in lim.check(x, ev)] == ([LimitId(LimitKind.VOL_CAP)] if ev.vol > 0.2 else [])
    (st,) = lim.states(x, ev)
    assert st.stated == 0.2 and st.reached == pytest.approx(ev.vol) and st.binds == (ev.vol >= 0.2 - 2e-4)
    assert lim.repair == Repair.LESS_EXPOSURE
    assert VolCap().ids(_x()) == ()


def test_min_cash_and_no_borrowing() -> None:
    x = _x(cash=1000.0, min_cash=500.0)
    buy = _shares(x, IWM=103.0)  # 3 × 231.4 = 694.2 spent, 5 bps cost
    ev = evaluate(x, buy)
    assert ev.cash_after == pytest.approx(1000.0 - 694.2 - 694.2 * 5e-4)
    assert [v.constraint for v in MinCash().check(x, ev)] == ["min_cash"]
    (st,) = MinCash().states(x, ev)
    assert st.stated == 500.0 and st.reached == pytest.approx(ev.cash_after) and st.binds
    ok = evaluate(x, _shares(x, IWM=102.0))
    assert MinCash().check(x, ok) == []
    broke = evaluate(_x(cash=0.0), _shares(_x(cash=0.0), IWM=101.0))
    assert "negative" in MinCash().check(_x(cash=0.0), broke)[0].message


def test_asset_and_sleeve_bounds() -> None:
    sc = core_satellite(HOLD, cash=1000.0, constraints=Constraints())
    sleeves = list(sc.targets.sleeves)
    core = sleeves[0]
    sleeves[0] = dataclasses.replace(
        core, min_weight=0.75, assets=(dataclasses.replace(core.assets[0], max_weight=0.5),)
    )
    sc = dataclasses.replace(sc, targets=dataclasses.replace(sc.targets, sleeves=tuple(sleeves)))
    x = prepare(sc, market(list(sc.universe)))
    ev = evaluate(x, x.shares0)
    w = 100 * PRICES["IWM"] / ev.value_after
    assert AssetBounds().ids(x) == (LimitId(LimitKind.ASSET_MAX, "IWM"),)
    assert [v.limit for v in AssetBounds().check(x, ev)] == (
        [LimitId(LimitKind.ASSET_MAX, "IWM")] if w > 0.5 else []
    )
    st = AssetBounds().states(x, ev)[0]
    assert st.stated == 0.5 and st.reached == pytest.approx(w)
    assert NodeBounds().ids(x) == (LimitId(LimitKind.SLEEVE_MIN, "Core"),)
    core_broken = [v.limit for v in NodeBounds().check(x, ev)]
    assert core_broken == ([LimitId(LimitKind.SLEEVE_MIN, "Core")] if w < 0.75 else [])


def test_turnover_min_trade_whole_shares_dust() -> None:
    x = _x(turnover_cap=0.01, min_trade=300.0)
    ev = evaluate(x, _shares(x, IWN=21.0, SPSM=49.5))  # buy 172.90, sell 0.5 × 45.80
    assert ev.turnover == pytest.approx((172.9 + 22.9) / x.value)
    assert [v.limit.kind for v in Turnover().check(x, ev)] == (
        [LimitKind.TURNOVER_CAP] if ev.turnover > 0.01 else []
    )
    assert Turnover().check(x, ev, trades=False) == []
    small = MinTrade().check(x, ev)
    assert sorted(v.constraint for v in small) == ["min_trade:IWN", "min_trade:SPSM"]
    assert [v.constraint for v in WholeShares().check(x, ev)] == ["whole_shares:SPSM"]
    # selling a whole fractional position is a whole-share trade
    xf = _x(hold=HOLD | {"SPSM": 50.5})
    assert WholeShares().check(xf, evaluate(xf, _shares(xf, SPSM=0.0))) == []
    # dust: with no minimum trade, anything under one unit of currency is still too small
    x0 = _x()
    dust = MinTrade().check(x0, evaluate(x0, _shares(x0, SPSM=50.01)))  # 0.458
    assert [v.constraint for v in dust] == ["min_trade:SPSM"] and "smallest trade" in dust[0].message
    assert MinTrade().repair == Repair.DROP_TRADE


def test_restrictions_and_no_short() -> None:
    x = _x(mode=Mode.BUY_ONLY, no_buy=frozenset({"VBR"}))
    ev = evaluate(x, _shares(x, IWN=19.0, VBR=11.0, SPSM=-1.0))
    got = {v.constraint for v in Restrictions().check(x, ev)}
    assert got == {"mode:IWN", "no_buy:VBR", "mode:SPSM"}
    assert Restrictions().ids(x) == (LimitId(LimitKind.NO_BUY, "VBR"), LimitId(LimitKind.MODE))
    assert [v.constraint for v in NoShort().check(x, ev)] == ["no_short:SPSM"]


def test_elastic_forms_need_exactly_the_missing_amount() -> None:
    """Elastic vol cap and turnover: with trading forbidden the slack is the excess, computed by hand."""
    x = _x(vol_cap=0.1, turnover_cap=0.0)
    zb = cp.Variable(x.n, nonneg=True)
    zs = cp.Variable(x.n, nonneg=True)
    v = ElasticVars(
        w=x.w0 + zb - zs,
        traded=zb + zs,
        cost=x.kappa @ (zb + zs),
        vol=lambda w: cp.norm(np.linalg.cholesky(x.cov + 1e-15 * np.eye(x.n)).T @ w, 2),
    )
    slacks: dict[LimitId, cp.Variable] = {}

    def slack(lid: LimitId) -> cp.Variable:
        slacks[lid] = cp.Variable(nonneg=True)
        return slacks[lid]

    cons = VolCap().elastic(x, v, slack) + Turnover().elastic(x, v, slack) + [zb == 0, zs == 0]
    cp.Problem(cp.Minimize(sum(slacks.values())), cons).solve(solver=cp.CLARABEL)
    vol0 = float(np.sqrt(x.w0 @ x.cov @ x.w0))
    assert float(slacks[LimitId(LimitKind.VOL_CAP)].value) == pytest.approx(vol0 - 0.1, abs=1e-6)
    assert float(slacks[LimitId(LimitKind.TURNOVER_CAP)].value) == pytest.approx(0.0, abs=1e-7)
