"""A household result carries the sectors through the funds (issue #13: the result and reports carry the
exposures), computed here from the bundled snapshot and the household's own weights."""

from __future__ import annotations

import pytest

from engine import resources
from engine.api import rebalance_household, resolve_market
from engine.data.funds import load_funds
from engine.model import scenario_file as sf


def test_household_result_has_sector_exposures_with_their_date() -> None:
    sc = sf.loads(resources.read_text("examples", "household-couple-four-accounts.coresat.toml"))
    hr = rebalance_household(sc, resolve_market(sc, force_demo=True))
    r = hr.household
    assert r.sector_exposures and any("as of" in s for s in r.exposure_sources)
    funds = load_funds([a.ticker for a in r.assets], use_snapshot=True).funds
    named = {name for f in funds.values() for name in (f.sectors or {})}
    checked = [exp for exp in r.sector_exposures if exp.sector in named]  # not the model's residual row
    assert len(checked) >= 8
    for exp in checked:
        after = sum(
            a.weight_after * (funds[a.ticker].sectors or {}).get(exp.sector, 0.0)
            for a in r.assets
            if a.ticker in funds
        )
        assert exp.after == pytest.approx(after, abs=1e-9)
