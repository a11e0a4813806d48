"""``rebalance(..., explain=False)``: the same numbers as the explained call, and no sentence at all."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from engine.model.scenario import Constraints
from engine.optimize import rebalance
from engine.result import Status
from tests.helpers import core_satellite, market, twelve_asset_scenario


def _cases():  # type: ignore[no-untyped-def]
    sc12 = twelve_asset_scenario()
    yield "twelve", sc12, market(list(_tickers(sc12)))
    yield (
        "capped",
        replace(sc12, constraints=replace(sc12.constraints, vol_cap=0.16)),
        market(list(_tickers(sc12))),
    )
    small = core_satellite(
        {"IWM": 100, "IWN": 10, "VBR": 40, "SPSM": 5},
        cash=2000.0,
        constraints=Constraints(vol_cap=0.20, min_trade=50.0, cost_bps=5.0),
    )
    yield "small", small, market()
    m = market()
    at_target = {"IWM": 0.70, "IWN": 0.15, "VBR": 0.10, "SPSM": 0.05}
    inside = core_satellite(
        {t: w * 100_000 / m.prices[t] for t, w in at_target.items()},
        cash=0.0,
        constraints=Constraints(whole_shares=False),
    )
    yield "quiet", inside, m
    held = frozenset({"IWM", "IWN", "VBR", "SPSM"})
    impossible = core_satellite(
        {"IWM": 100, "IWN": 10, "VBR": 40, "SPSM": 5},
        constraints=Constraints(vol_cap=0.01, no_sell=held, force_rebalance=True),
    )
    yield "infeasible", impossible, market()


def _tickers(sc):  # type: ignore[no-untyped-def]
    return [a.ticker for s in sc.targets.sleeves for a in s.assets]


@pytest.mark.parametrize("name,sc,m", list(_cases()), ids=[c[0] for c in _cases()])
def test_same_numbers_no_words(name, sc, m) -> None:  # type: ignore[no-untyped-def]
    full = rebalance(sc, m)
    expected = {"quiet": Status.NO_TRADES_NEEDED, "infeasible": Status.INFEASIBLE}.get(name, Status.OK)
    assert full.status is expected  # each case is the situation its name says
    lean = rebalance(sc, m, explain=False)
    assert lean.status is full.status
    assert [(t.ticker, t.side, t.shares) for t in lean.trades] == [
        (t.ticker, t.side, t.shares) for t in full.trades
    ]
    np.testing.assert_allclose([a.weight_after for a in lean.assets], [a.weight_after for a in full.assets])
    assert lean.vol_after == pytest.approx(full.vol_after, abs=1e-12)
    assert lean.total_cost == pytest.approx(full.total_cost, abs=1e-9)
    assert lean.cash_after == pytest.approx(full.cash_after, abs=1e-9)
    # no sentence is written: nothing claims a reason or a binding limit it did not compute
    assert all(t.reason == "" and t.why is None for t in lean.trades)
    assert lean.binding == () and lean.headline is None
    if full.status is Status.INFEASIBLE:
        assert lean.infeasibility is not None and lean.infeasibility.why == ()
    if full.trades:
        assert any(t.reason for t in full.trades)  # the explained call does write them
