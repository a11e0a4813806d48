"""Every rebalance result carries sector exposures when fund data exists (no look-through limit needed),
funds without data are named "not available" (never zeros in a sector), and the data's date is said."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from engine import api
from engine.cli import EXIT_OK, main
from engine.data.fund_files import bundled_snapshot
from engine.data.funds import FundData
from engine.model import scenario_file
from engine.model.scenario import InlineMarket
from engine.optimize import rebalance
from engine.risk.exposure_result import with_exposures
from tests.helpers import core_satellite, market

# hand-built funds: the look-through is known by construction
FUNDS = {
    "IWM": FundData("IWM", "test", date(2025, 6, 30), sectors={"Financials": 0.2, "Health Care": 0.8}),
    "IWN": FundData("IWN", "test", date(2025, 6, 30), sectors={"Financials": 0.5, "Energy": 0.3}),
    # VBR and SPSM: no fund data
}


def test_exposures_without_any_limit_hand_built() -> None:
    sc = core_satellite({"IWM": 640, "IWN": 95, "VBR": 70, "SPSM": 180})
    r0 = rebalance(sc, market(list(sc.universe)))
    assert r0.sector_exposures == ()  # the optimizer alone fills them only for look-through limits
    r = with_exposures(r0, FUNDS)
    w = {k: {a.ticker: getattr(a, f"weight_{k}") for a in r.assets} for k in ("before", "target", "after")}
    rows = {s.sector: s for s in r.sector_exposures}
    for k in ("before", "target", "after"):
        x = w[k]
        # by hand: Financials = 0.2·IWM + 0.5·IWN; Other = the 20 % of IWN its sectors leave uncovered
        assert getattr(rows["Financials"], k) == pytest.approx(0.2 * x["IWM"] + 0.5 * x["IWN"], abs=1e-12)
        assert getattr(rows["Health Care"], k) == pytest.approx(0.8 * x["IWM"], abs=1e-12)
        assert getattr(rows["Energy"], k) == pytest.approx(0.3 * x["IWN"], abs=1e-12)
        assert getattr(rows["Other"], k) == pytest.approx(0.2 * x["IWN"], abs=1e-12)
        # the funds without data are their own row, not zeros in a sector
        assert getattr(rows["No sector data"], k) == pytest.approx(x["VBR"] + x["SPSM"], abs=1e-12)
    assert r.exposure_not_available == ("VBR", "SPSM")
    assert r.exposure_sources == ("test, as of 2025-06-30",)
    notes = " | ".join(r.assumptions.notes)
    assert "fund data from test, as of 2025-06-30" in notes
    assert "no fund data for VBR, SPSM: their sectors are not available" in notes
    assert r.trades == r0.trades  # the look-through changes no trade


def test_no_fund_data_at_all_leaves_no_rows() -> None:
    sc = core_satellite({"IWM": 640, "IWN": 95, "VBR": 70, "SPSM": 180})
    r = with_exposures(rebalance(sc, market(list(sc.universe))), {})
    assert r.sector_exposures == () and set(r.exposure_not_available) == {"IWM", "IWN", "VBR", "SPSM"}
    assert not any("sectors through the funds" in n for n in r.assumptions.notes)


def _file(tmp_path: Path) -> Path:
    sc = core_satellite({"IWM": 640, "IWN": 95, "VBR": 70, "SPSM": 180})
    m = market(list(sc.universe))
    inline = InlineMarket(
        as_of=m.as_of,  # type: ignore[arg-type]
        prices=dict(m.prices),
        tickers=m.tickers,
        covariance=tuple(tuple(float(v) for v in row) for row in np.asarray(m.covariance)),
    )
    path = tmp_path / "client.coresat.toml"
    scenario_file.save(dataclasses.replace(sc, market=inline), path)
    return path


def test_api_and_cli_carry_exposures_with_the_snapshot_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path)
    r = api.rebalance_file(path)
    snap = bundled_snapshot().funds
    fin = sum(a.weight_after * (snap[a.ticker].sectors or {}).get("Financials", 0.0) for a in r.assets)
    row = next(s for s in r.sector_exposures if s.sector == "Financials")
    assert row.after == pytest.approx(fin, abs=1e-12)  # independent: snapshot weights × result weights
    assert r.exposure_sources == ("bundled snapshot, as of 2024-12-31 (approximate)",)
    quick = api.rebalance(
        scenario_file.load(path), api.resolve_market(scenario_file.load(path)), explain=False
    )
    assert quick.sector_exposures == () and quick.exposure_sources == ()  # numbers-only pass: no look-through
    assert main(["rebalance", str(path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Sectors through the funds" in out and "as of 2024-12-31" in out
    assert main(["rebalance", str(path), "--json"]) == EXIT_OK
    doc = json.loads(capsys.readouterr().out)
    assert doc["exposure_sources"] == ["bundled snapshot, as of 2024-12-31 (approximate)"]
    assert {d["sector"] for d in doc["sector_exposures"]} >= {"Financials", "Health Care"}
