"""Scenario edits behind the targets panel and the holdings CSV reader (pure Python)."""

from __future__ import annotations

import pytest

from engine.model.scenario import Role
from gui import edits
from gui.holdings_csv import HoldingsCsvError, parse_text
from tests.gui.builders import twelve_asset_scenario


def _small_cap_total(sc) -> float:  # type: ignore[no-untyped-def]
    return sum(s.weight for s in sc.targets.small_cap_sleeves)


def test_core_weight_satellites_share_the_rest_in_proportion() -> None:
    sc = edits.set_core_weight(twelve_asset_scenario(), 0.8)
    w = {s.name: s.weight for s in sc.targets.sleeves}
    assert w["Core"] == pytest.approx(0.8)
    assert w["Value"] == pytest.approx(0.1)  # 0.2 of 0.4 satellites -> half of the 0.2 left
    assert w["Growth"] == pytest.approx(0.05)
    assert _small_cap_total(sc) == pytest.approx(1.0)
    sc.validate()


def test_satellite_edit_moves_the_core_and_is_capped() -> None:
    sc = edits.set_sleeve_weight(twelve_asset_scenario(), "Value", 0.3)
    w = {s.name: s.weight for s in sc.targets.sleeves}
    assert w["Core"] == pytest.approx(0.5)
    assert _small_cap_total(sc) == pytest.approx(1.0)
    too_much = edits.set_sleeve_weight(sc, "Value", 0.95)
    w = {s.name: s.weight for s in too_much.targets.sleeves}
    assert w["Core"] == pytest.approx(0.0)
    assert w["Value"] == pytest.approx(0.8)  # the other satellites keep their 0.2
    too_much.validate()


def test_outside_sleeves_and_small_cap_share_stay_at_100() -> None:
    sc = edits.set_small_cap_weight(twelve_asset_scenario(), 0.6)
    outside = {s.name: s.weight for s in sc.targets.sleeves if s.role is Role.OUTSIDE}
    assert sum(outside.values()) == pytest.approx(0.4)
    assert outside["US large caps"] == pytest.approx(0.24)
    sc2 = edits.set_sleeve_weight(sc, "Bonds", 0.2)
    assert sc2.targets.small_cap_weight == pytest.approx(0.52)
    sc2.validate()


def test_asset_weight_inside_a_sleeve() -> None:
    sc = edits.set_asset_weight(twelve_asset_scenario(), "Core", "IWM", 0.9)
    core = sc.targets.core
    assert core is not None
    assert {a.ticker: a.weight for a in core.assets} == pytest.approx({"IWM": 0.9, "VTWO": 0.1})


def test_presets() -> None:
    for core, sat in edits.PRESETS:
        sc = edits.apply_preset(twelve_asset_scenario(), core)
        assert sc.targets.core is not None and sc.targets.core.weight == pytest.approx(core / 100)
        assert _small_cap_total(sc) - sc.targets.core.weight == pytest.approx(sat / 100)


def test_restrictions_toggle() -> None:
    sc = edits.set_restriction(twelve_asset_scenario(), "IWM", no_sell=True)
    assert "IWM" in sc.constraints.no_sell
    assert "IWM" not in edits.set_restriction(sc, "IWM", no_sell=False).constraints.no_sell


def test_csv_reads_header_prices_and_thousands() -> None:
    parsed = parse_text('Ticker,Shares,Price\niwm,"1,200",215.30\nVBR,10\n')
    assert parsed.skipped_header
    assert [(h.ticker, h.shares, h.price) for h in parsed.holdings] == [
        ("IWM", 1200.0, 215.3),
        ("VBR", 10.0, None),
    ]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "no rows"),
        ("IWM\n", "line 1: expected 2 or 3 columns"),
        ("IWM,ten\n", "line 1: shares 'ten' is not a number"),
        ("ticker,shares\nIWM,10\nIWM,5\n", "line 3: IWM is listed twice"),
        ("IWM,-3\n", "shares must be zero or more"),
        ("I W M,3\n", "is not a ticker symbol"),
        ("IWM,3,0\n", "price must be positive"),
    ],
)
def test_csv_errors_name_the_line_and_the_fix(text: str, says: str) -> None:
    with pytest.raises(HoldingsCsvError, match=None) as err:
        parse_text(text)
    assert says in str(err.value)
