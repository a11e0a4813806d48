"""Routing engine explanations to controls, and the chart hover readouts."""

from __future__ import annotations

import pytest

from engine.optimize.limit_id import LimitId
from engine.optimize.limit_id import LimitKind as K
from gui.panels.problems import problem_key, usable_nearest
from tests.gui.builders import twelve_asset_scenario


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("vol_cap", "vol_cap"),
        ("turnover_cap", "turnover_cap"),
        ("min_cash", "min_cash"),
        ("cash_flow", "mode"),
        ("sleeve_min:Core", "sleeve:Core"),
        ("sleeve_max:Value", "sleeve:Value"),
        ("asset_max:IWN", "asset:IWN"),
        ("no_sell:IWM", "asset:IWM"),
        ("small_cap_max", "small_cap"),
        ("constraints.vol_cap", "vol_cap"),
        ("constraints.mode", "mode"),
        ("targets.sleeves[1].weight", "sleeve:Value"),
        ("targets.sleeves[1].assets[0].ticker", "sleeve:Value"),
        ("portfolio.holdings[2].shares", "asset:IWN"),
        ("targets", "targets"),
    ],
)
def test_problem_key(name: str, key: str) -> None:
    assert problem_key(name, twelve_asset_scenario()) == key


def test_nearest_values_are_rounded_toward_feasible() -> None:
    assert usable_nearest(LimitId(K.VOL_CAP), 0.045942) == pytest.approx(0.046)
    assert usable_nearest(LimitId(K.VOL_CAP), 0.046) == pytest.approx(0.046)
    assert usable_nearest(LimitId(K.MIN_CASH), 1234.9) == 1234.0
    # a minimum is rounded down (rounding it up would leave it out of reach), a maximum up
    assert usable_nearest(LimitId(K.SLEEVE_MIN, "Core"), 0.23456) == pytest.approx(0.234)
    assert usable_nearest(LimitId(K.ASSET_MIN, "IWM"), 0.0999) == pytest.approx(0.099)
    assert usable_nearest(LimitId(K.SMALL_CAP_MIN), 0.5004) == pytest.approx(0.5)
    assert usable_nearest(LimitId(K.SLEEVE_MAX, "Value"), 0.23411) == pytest.approx(0.235)
    assert usable_nearest(LimitId(K.TURNOVER_CAP), 0.1201) == pytest.approx(0.121)


def test_chart_readouts_show_the_values_under_the_mouse(loaded) -> None:  # type: ignore[no-untyped-def]
    r = loaded.ws.result
    first = r.assets[0]
    text = loaded.charts.allocation.readout_at(0.1, 5.0)
    assert text.startswith(f"{first.ticker}:")
    assert "Current" in text and "Target" in text and "After trades" in text
    assert loaded.charts.allocation.readout_at(99.0, 5.0) == ""
    loaded.charts.setCurrentIndex(loaded.charts.indexOf(loaded.charts.risk))
    assert loaded.charts.risk.readout_at(0.0, 1.0).startswith(first.ticker)
    loaded.charts.setCurrentIndex(loaded.charts.indexOf(loaded.charts.frontier))
    loaded.charts.frontier.show_outcome(loaded.ws.outcome, loaded.ws)
    near_after = loaded.charts.frontier.readout_at(r.vol_after * 100, r.tracking_error_after * 100)
    assert near_after.startswith("Proposed")
