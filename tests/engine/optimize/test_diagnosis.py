"""The diagnosis names every limit whose removal alone makes the problem feasible (issue #8), checked by
removing each limit and solving again with the independent reference (plain cvxpy, full covariance)."""

from __future__ import annotations

import dataclasses

import numpy as np
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from engine.model.scenario import Mode
from engine.optimize import rebalance
from engine.optimize.diagnose import diagnose_limits
from engine.optimize.inputs import BIG, Inputs, prepare
from engine.optimize.limit_id import LimitId, LimitKind
from engine.result import Status
from tests.engine.optimize.reference import min_te
from tests.helpers import market, twelve_asset_scenario


def without(x: Inputs, lid: LimitId) -> Inputs:
    """``x`` with the one limit ``lid`` removed."""
    k = lid.kind
    if k is LimitKind.VOL_CAP:
        return dataclasses.replace(x, vol_cap=BIG)
    if k is LimitKind.TURNOVER_CAP:
        return dataclasses.replace(x, turnover_cap=BIG)
    if k is LimitKind.MIN_CASH:
        return dataclasses.replace(x, cash_min=-BIG)
    if k in (LimitKind.ASSET_MIN, LimitKind.ASSET_MAX):
        i = x.tickers.index(lid.subject)
        lo, hi = x.lo.copy(), x.hi.copy()
        if k is LimitKind.ASSET_MIN:
            lo[i] = 0.0
        else:
            hi[i] = 1.0
        return dataclasses.replace(x, lo=lo, hi=hi)
    key = "small_cap" if k in (LimitKind.SMALL_CAP_MIN, LimitKind.SMALL_CAP_MAX) else f"sleeve:{lid.subject}"
    nodes = tuple(
        dataclasses.replace(nd, **({"lo": 0.0} if lid.is_lower_bound else {"hi": 1.0}))
        if nd.key == key
        else nd
        for nd in x.nodes
    )
    return dataclasses.replace(x, nodes=nodes)


def _soft_limits(x: Inputs) -> list[LimitId]:
    out = [LimitId(LimitKind.MIN_CASH)]
    out += [LimitId(LimitKind.VOL_CAP)] if x.vol_cap < BIG else []
    out += [LimitId(LimitKind.TURNOVER_CAP)] if x.turnover_cap < BIG else []
    for i, tk in enumerate(x.tickers):
        out += [LimitId(LimitKind.ASSET_MIN, tk)] if x.lo[i] > 0 else []
        out += [LimitId(LimitKind.ASSET_MAX, tk)] if x.hi[i] < 1 else []
    for nd in x.nodes:
        small = nd.key == "small_cap"
        if nd.lo > 0:
            out.append(LimitId(LimitKind.SMALL_CAP_MIN) if small else LimitId(LimitKind.SLEEVE_MIN, nd.label))
        if nd.hi < 1:
            out.append(LimitId(LimitKind.SMALL_CAP_MAX) if small else LimitId(LimitKind.SLEEVE_MAX, nd.label))
    return out


@st.composite
def tight(draw: st.DrawFn):  # type: ignore[no-untyped-def]
    sc = twelve_asset_scenario()
    c = sc.constraints
    sleeves = list(sc.targets.sleeves)
    if draw(st.booleans()):  # a minimum on a satellite sleeve
        j = next(k for k, s in enumerate(sleeves) if s.name == "Value")
        sleeves[j] = dataclasses.replace(sleeves[j], min_weight=draw(st.sampled_from([0.15, 0.3])))
    if draw(st.booleans()):  # a maximum on one fund
        j = next(k for k, s in enumerate(sleeves) if s.name == "US large caps")
        assets = (dataclasses.replace(sleeves[j].assets[0], max_weight=draw(st.sampled_from([0.02, 0.1]))),)
        sleeves[j] = dataclasses.replace(sleeves[j], assets=assets)
    targets = dataclasses.replace(sc.targets, sleeves=tuple(sleeves))
    constraints = dataclasses.replace(
        c,
        vol_cap=draw(st.sampled_from([None, 0.03, 0.05, 0.08])),
        turnover_cap=draw(st.sampled_from([None, 0.005, 0.03])),
        min_cash=draw(st.sampled_from([500.0, 20_000.0])),
        mode=draw(st.sampled_from([Mode.FULL, Mode.BUY_ONLY])),
    )
    return dataclasses.replace(sc, targets=targets, constraints=constraints)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
@given(tight())
def test_every_limit_whose_removal_alone_fixes_it_is_named(sc) -> None:  # type: ignore[no-untyped-def]
    x = prepare(sc, market())
    assume(min_te(x) is None)  # infeasible before rounding
    d = diagnose_limits(x)
    expected = {lid for lid in _soft_limits(x) if min_te(without(x, lid)) is not None}
    assert set(d.fixes_alone) == expected
    assert expected <= set(d.conflicting)
    assert d.infeasibility is not None
    assert set(map(str, d.conflicting)) == set(d.infeasibility.conflicting)
    r = rebalance(sc, market())
    assert r.status is Status.INFEASIBLE and r.infeasibility is not None
    assert set(map(str, expected)) <= set(r.infeasibility.conflicting)


def test_zero_turnover_cap_is_named_with_the_vol_cap() -> None:
    """The issue's case: a 0 % turnover cap blocks every trade and the cap cannot be met without trading;
    the diagnosis names both limits, since removing either alone allows a trade list."""
    sc = twelve_asset_scenario()
    sc = dataclasses.replace(
        sc, constraints=dataclasses.replace(sc.constraints, vol_cap=0.12, turnover_cap=0.0)
    )
    x = prepare(sc, market())
    d = diagnose_limits(x)
    assert LimitId(LimitKind.TURNOVER_CAP) in d.fixes_alone
    assert LimitId(LimitKind.VOL_CAP) in d.fixes_alone
    assert np.isfinite(d.nearest.get(LimitId(LimitKind.VOL_CAP), np.inf)) or d.nearest
