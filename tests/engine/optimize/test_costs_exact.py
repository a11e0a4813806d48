"""Costs are exact: paid from cash, limits on post-cost weights, no cap shrunk for them (issue #8)."""

from __future__ import annotations

import numpy as np

from engine.model.scenario import Constraints
from engine.optimize import rebalance
from engine.optimize.inputs import prepare
from engine.result import Status
from tests.engine.optimize.reference import min_te
from tests.helpers import core_satellite, market

HOLD = {"IWM": 300, "IWN": 60, "VBR": 40, "SPSM": 150, "AGG": 20}


def _sc(**kw: object):  # type: ignore[no-untyped-def]
    return core_satellite(
        HOLD,
        cash=2_000.0,
        core={"IWM": 0.6},
        satellites={"Value": {"IWN": 0.2, "VBR": 0.1}, "S&P 600": {"SPSM": 0.05}, "Bonds": {"AGG": 0.05}},
        constraints=Constraints(**kw),  # type: ignore[arg-type]
    )


def test_frozen_expensive_ticker_does_not_shrink_the_cap() -> None:
    """One 100 bps ticker that cannot trade: the cap binds at 18 %, not at 17.6 %."""
    sc = _sc(
        vol_cap=0.18,
        cost_bps=0.0,
        cost_bps_by_ticker={"AGG": 100.0},
        no_buy=frozenset({"AGG"}),
        no_sell=frozenset({"AGG"}),
        whole_shares=False,
        force_rebalance=True,
    )
    m = market(list(sc.universe))
    r = rebalance(sc, m)
    assert r.status is Status.OK
    assert r.total_cost == 0.0
    assert r.vol_before > 0.18
    assert 0.18 - 1e-5 <= r.vol_after <= 0.18 + 1e-9


def test_costs_paid_from_cash_and_cap_exact_on_post_cost_weights() -> None:
    """With 50 bps everywhere the answer equals the independent solve that pays costs from cash."""
    sc = _sc(vol_cap=0.18, cost_bps=50.0, whole_shares=False, force_rebalance=True)
    m = market(list(sc.universe))
    x = prepare(sc, m)
    ref = min_te(x)
    assert ref is not None
    r = rebalance(sc, m)
    assert r.status is Status.OK and r.total_cost > 0
    assert r.vol_after <= 0.18 + 1e-9
    cost_ref = float(x.kappa @ np.abs(ref - x.w0))
    assert abs(r.total_cost / r.total_value - cost_ref) < 1e-5
    ref_after = ref / (1 - cost_ref)
    vol_ref = float(np.sqrt(ref_after @ x.cov @ ref_after))
    assert abs(r.vol_after - vol_ref) < 1e-5
