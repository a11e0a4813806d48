"""Sector and company limits end to end: stated in the scenario file, compiled into the problem as
parameters, met by the result (checked with numpy on the fund data and against an independent plain cvxpy
min-TE solve), explained when they bind, diagnosed when they cannot hold, shown by ``coresat rebalance``."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from engine.cli import EXIT_INFEASIBLE, EXIT_OK, main
from engine.data.fund_files import bundled_snapshot
from engine.data.funds import FundData, Holding
from engine.errors import ScenarioError
from engine.model import scenario_file
from engine.model.scenario import Constraints, InlineMarket, Scenario
from engine.optimize.inputs import Inputs, Node, prepare
from engine.optimize.problem import problem_for
from engine.optimize.rebalancer import rebalance
from engine.result import Status
from tests.engine.optimize.reference import min_te
from tests.helpers import core_satellite, market

FUNDS = bundled_snapshot().funds


def _scenario(**constraints: object) -> Scenario:
    return core_satellite(
        {"IWM": 500, "IWN": 50, "XLF": 200},
        core={"IWM": 0.6},
        satellites={"Value": {"IWN": 0.2}, "Financials": {"XLF": 0.2}},
        constraints=Constraints(force_rebalance=True, **constraints),  # type: ignore[arg-type]
    )


def _fin(tickers: tuple[str, ...]) -> np.ndarray:
    """Independent: the snapshot's Financials weight of each fund, read straight from the fund data."""
    return np.array([(FUNDS[t].sectors or {}).get("Financials", 0.0) for t in tickers])


def _reference(x: Inputs, e: np.ndarray, cap: float) -> np.ndarray | None:
    """The plain cvxpy min-TE solve with the cap stated as one more row from ``e`` (not the engine's)."""
    row = Node("ref:fin", "Financials", "sector", e, 0.0, 0.0, cap, x.nodes[0].band)
    return min_te(dataclasses.replace(x, nodes=(*x.nodes, row), look_through=()))


@pytest.mark.parametrize("cap", [0.22, 0.25, 0.30])
def test_scenario_cap_binds_is_met_and_matches_the_reference(cap: float) -> None:
    sc = _scenario(sector_max={"Financials": cap})
    m = market(list(sc.universe))
    free = rebalance(_scenario(), m, FUNDS)
    e = _fin(tuple(a.ticker for a in free.assets))
    assert e @ np.array([a.weight_after for a in free.assets]) > cap + 0.005  # without it: over the cap
    r = rebalance(sc, m, FUNDS)
    assert r.status is Status.OK
    after = np.array([a.weight_after for a in r.assets])
    assert e @ after <= cap + 1e-9  # whole shares, post-cost weights: the cap holds exactly
    assert e @ after == pytest.approx(cap, abs=2e-3)  # and it binds (a share of XLF is ~0.1 % of value)
    (b,) = [b for b in r.binding if b.constraint == "sector_max:Financials"]
    at_target = e @ np.array([a.weight_target for a in r.assets])
    assert b.message.startswith(f"Financials through the funds maximum {cap * 100:.1f} % binds")
    assert f"target {at_target * 100:.1f} %, after {(e @ after) * 100:.1f} %" in b.message
    # the continuous optimum equals the independent solve
    x = prepare(sc, m, FUNDS)
    sol = problem_for(x).solve(x)
    ref = _reference(x, e, cap)
    assert sol.ok and ref is not None
    assert np.max(np.abs(sol.w - ref)) < 2e-4
    assert e @ sol.w_after <= cap + 1e-7


def test_one_compiled_problem_serves_every_cap() -> None:
    m = market(["IWM", "IWN", "XLF"])
    xs = [prepare(_scenario(sector_max={"Financials": cap}), m, FUNDS) for cap in (0.30, 0.22, 0.26)]
    probs = {id(problem_for(x)) for x in xs}
    assert len(probs) == 1  # the cap (and the fund rows) are parameter values, not structure
    prob = problem_for(xs[0])
    assert prob.is_dpp()
    for x, cap in zip(xs, (0.30, 0.22, 0.26), strict=True):
        sol = prob.solve(x)
        ref = _reference(x, _fin(x.tickers), cap)
        assert ref is not None and np.max(np.abs(sol.w - ref)) < 2e-4
    assert prob.fast_paths[0]  # re-solves go through the checked fast path


def test_company_cap_with_hand_built_funds() -> None:
    def fund(t: str, w: float) -> FundData:
        return FundData(t, "hand-built", date(2025, 1, 2), holdings=(Holding("XCO", "X Corp", w),))

    funds = {"IWM": fund("IWM", 0.04), "IWN": fund("IWN", 0.02), "XLF": fund("XLF", 0.12)}
    sc = _scenario(company_max={"XCO": 0.04})
    r = rebalance(sc, market(list(sc.universe)), funds)
    e = np.array([0.04, 0.02, 0.12])
    assert [a.ticker for a in r.assets] == ["IWM", "IWN", "XLF"]
    after = np.array([a.weight_after for a in r.assets])
    assert r.status is Status.OK and e @ after <= 0.04 + 1e-9
    assert any(b.constraint == "company_max:XCO" and "X Corp (XCO)" in b.message for b in r.binding)
    # no sector data anywhere: a sector limit says so by name instead of guessing
    r2 = rebalance(_scenario(sector_max={"Financials": 0.2}), market(list(sc.universe)), funds)
    assert any("IWM, IWN, XLF have no sector data" in n for n in r2.assumptions.notes)


def test_impossible_sector_floor_is_diagnosed() -> None:
    sc = _scenario(sector_min={"Energy": 0.5})
    r = rebalance(sc, market(list(sc.universe)), FUNDS)
    assert r.status is Status.INFEASIBLE and r.infeasibility is not None
    assert "sector_min:Energy" in r.infeasibility.conflicting
    assert "Energy through the funds" in r.infeasibility.message
    best = max((FUNDS[t].sectors or {}).get("Energy", 0.0) for t in ("IWM", "IWN", "XLF"))
    assert r.infeasibility.nearest["sector_min:Energy"] <= best + 1e-6  # no fund has that much Energy


TOML = """format = "coresat-scenario"
version = 2
[constraints]
sector_max_pct = {{ {cap} }}
[[targets.sleeves]]
name = "Core"
role = "core"
weight_pct = 100
assets = [{{ ticker = "IWM", weight_pct = 100 }}]
"""


def test_file_fields_read_write_and_clear_errors(tmp_path: Path) -> None:
    sc = scenario_file.loads(TOML.format(cap='"financial services" = 20'))
    assert dict(sc.constraints.sector_max) == {"Financials": pytest.approx(0.2)}
    sc = dataclasses.replace(
        sc,
        constraints=dataclasses.replace(
            sc.constraints, sector_min={"Energy": 0.01}, company_max={"AAPL": 0.05}
        ),
    )
    back = scenario_file.loads(scenario_file.dumps(sc))
    assert back.constraints.sector_min == {"Energy": pytest.approx(0.01)}
    assert back.constraints.company_max == {"AAPL": pytest.approx(0.05)}
    with pytest.raises(ScenarioError, match=r"Crypto.*is not a sector; use one of: Communication"):
        scenario_file.loads(TOML.format(cap="Crypto = 20"))
    with pytest.raises(ScenarioError, match="between 0 and 100"):
        scenario_file.loads(TOML.format(cap="Financials = 120"))
    with pytest.raises(ScenarioError, match="must be a number"):
        scenario_file.loads(TOML.format(cap='Financials = "lots"'))
    bad = dataclasses.replace(
        sc, constraints=dataclasses.replace(sc.constraints, sector_min={"Financials": 0.3})
    )
    with pytest.raises(ScenarioError, match="minimum 30 % is above the maximum 20 %"):
        bad.validate()


def _file(tmp_path: Path, sc: Scenario) -> Path:
    m = market(list(sc.universe))
    inline = InlineMarket(
        as_of=m.as_of,  # type: ignore[arg-type]
        prices=dict(m.prices),
        tickers=m.tickers,
        covariance=tuple(tuple(float(v) for v in row) for row in np.asarray(m.covariance)),
    )
    path = tmp_path / "sector.coresat.toml"
    scenario_file.save(dataclasses.replace(sc, market=inline), path)
    return path


def test_cli_shows_the_sector_cap_binding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(tmp_path, _scenario(sector_max={"Financials": 0.25}))
    assert "sector_max_pct" in path.read_text() and "Financials = 25" in path.read_text()
    assert main(["rebalance", str(path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Financials through the funds maximum 25.0 % binds" in out
    assert "bundled snapshot" in out
    assert "Sectors through the funds (before → target → after):" in out and "  Financials" in out
    path = _file(tmp_path, _scenario(sector_min={"Energy": 0.5}))
    assert main(["rebalance", str(path)]) == EXIT_INFEASIBLE
    assert "Energy through the funds" in capsys.readouterr().out


def test_result_carries_sector_exposures_before_target_after() -> None:
    sc = _scenario(sector_max={"Financials": 0.25})
    r = rebalance(sc, market(list(sc.universe)), FUNDS)
    rows = {s.sector: s for s in r.sector_exposures}
    tk = tuple(a.ticker for a in r.assets)
    for when in ("before", "target", "after"):
        w = np.array([getattr(a, f"weight_{when}") for a in r.assets])
        for sector in ("Financials", "Industrials", "Health Care"):
            e = np.array([(FUNDS[t].sectors or {}).get(sector, 0.0) for t in tk])
            assert getattr(rows[sector], when) == pytest.approx(float(e @ w), abs=1e-9)
    assert rows["Financials"].after <= 0.25 + 1e-9
    # every named row plus "Other" adds up to the invested share (cash is the rest)
    invested = sum(a.weight_after for a in r.assets)
    assert sum(s.after for s in r.sector_exposures) == pytest.approx(invested, abs=1e-9)
    doc = r.to_dict()
    assert {d["sector"] for d in doc["sector_exposures"]} == set(rows)
    assert rebalance(_scenario(), market(list(sc.universe)), FUNDS).sector_exposures == ()
