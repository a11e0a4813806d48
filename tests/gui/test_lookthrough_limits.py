"""Look-through limit controls: add / remove a sector cap and a company cap, see the exposure now and after
next to each cap (checked against the bundled snapshot by hand), see when a cap binds, and save them."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.data.fund_files import bundled_snapshot
from engine.model import scenario_file

KIND = "lookthrough-limits"


def _ready(loaded, qtbot):  # type: ignore[no-untyped-def]
    panel = loaded.lookthrough_limits
    qtbot.waitUntil(lambda: panel.model is not None, timeout=20000)
    return panel


def _sector_share(result, sector: str, when: str) -> float:  # type: ignore[no-untyped-def]
    snap = bundled_snapshot().funds
    return sum(
        getattr(a, f"weight_{when}") * (snap[a.ticker].sectors or {}).get(sector, 0.0) for a in result.assets
    )


def _company_share(result, symbol: str, when: str) -> float:  # type: ignore[no-untyped-def]
    snap = bundled_snapshot().funds
    total = 0.0
    for a in result.assets:
        for h in snap[a.ticker].holdings or ():
            if h.symbol == symbol:
                total += getattr(a, f"weight_{when}") * h.weight
    return total


def _pct(x: float) -> str:
    return f"{x * 100:.2f} %"


def test_sector_cap_added_shown_binding_and_removed(loaded, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = _ready(loaded, qtbot)
    ws = loaded.ws
    first = ws.result
    sectors = [panel.sector.itemData(k) for k in range(panel.sector.count())]
    assert "Information Technology" in sectors and "Financials" in sectors  # sectors the funds hold
    assert "2024-12-31" in panel.sources.text()  # the snapshot's date where it is used
    it_after = _sector_share(first, "Information Technology", "after")
    cap = round(it_after * 100 - 1.0, 1)  # one point below where the trades would take it: must bind
    panel.sector.setCurrentIndex(panel.sector.findData("Information Technology"))
    panel.sector_cap.setValue(cap)
    with qtbot.waitSignal(ws.settled, timeout=20000):
        panel.add_sector.click()
    assert dict(ws.scenario.constraints.sector_max) == {"Information Technology": pytest.approx(cap / 100)}
    r = ws.result
    assert r is not first
    (row,) = panel.readout()
    assert row["cap"] == pytest.approx(cap)
    assert row["now"] == _pct(_sector_share(r, "Information Technology", "before"))
    after = _sector_share(r, "Information Technology", "after")
    assert row["after"] == _pct(after)
    assert after <= cap / 100 + 1e-6  # the cap holds (independent: snapshot sector weights × weights)
    assert row["state"] == "binds"
    assert any(b.constraint == "sector_max:Information Technology" for b in r.binding)
    # change the cap in the table, then remove it: each is one edit of the scenario
    spin = panel.table.cellWidget(0, 1)
    with qtbot.waitSignal(ws.settled, timeout=20000):
        spin.setValue(cap + 30.0)
    assert ws.scenario.constraints.sector_max["Information Technology"] == pytest.approx((cap + 30) / 100)
    assert panel.readout()[0]["state"] == ""  # a loose cap does not bind
    assert panel.table.cellWidget(0, 1) is spin  # the spin box stays (and keeps its focus) while editing
    with qtbot.waitSignal(ws.settled, timeout=20000):
        ws.undo()  # back to the binding cap: the same spin box shows it
    assert spin.value() == pytest.approx(cap) and panel.readout()[0]["state"] == "binds"
    with qtbot.waitSignal(ws.settled, timeout=20000):
        ws.redo()
    with qtbot.waitSignal(ws.settled, timeout=20000):
        panel.table.cellWidget(0, 5).click()
    assert not ws.scenario.constraints.sector_max and panel.table.rowCount() == 0
    ws.undo()
    assert panel.table.rowCount() == 1
    # a floor the funds cannot reach: the result names the limit as conflicting
    panel.sector.setCurrentIndex(panel.sector.findData("Energy"))
    panel.sector_side.setCurrentIndex(panel.sector_side.findData("sector_min"))
    panel.sector_cap.setValue(60.0)
    with qtbot.waitSignal(ws.settled, timeout=20000):
        panel.add_sector.click()
    assert ws.scenario.constraints.sector_min == {"Energy": pytest.approx(0.6)}
    energy = next(x for x in panel.readout() if x["field"] == "sector_min")
    assert energy["state"] == "conflicts" and ws.result.infeasibility is not None
    assert panel.table.item(1, 0).text() == "Energy: at least"
    # the explanation shows under the box, with the nearest reachable floor to use
    from engine.optimize.limit_id import LimitId, LimitKind

    qtbot.waitUntil(lambda: panel.routed.isVisible(), timeout=5000)
    lid = LimitId(LimitKind.SECTOR_MIN, "Energy")
    nearest = panel.routed.nearest[lid]
    snap = bundled_snapshot().funds
    best = max((snap[a.ticker].sectors or {}).get("Energy", 0.0) for a in ws.result.assets)
    assert 0 < nearest <= best + 1e-9  # no portfolio of these funds holds more Energy than the richest fund
    with qtbot.waitSignal(ws.settled, timeout=20000):
        panel.routed._on_link(f"apply:{lid}")
    assert ws.scenario.constraints.sector_min["Energy"] == pytest.approx(nearest)
    # (at the very edge, whole-share rounding may still break the floor or the cash buffer: the engine's
    # nearest value is that of the continuous problem — not asserted here)


def test_company_cap_and_saved_in_the_file(loaded, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    panel = _ready(loaded, qtbot)
    ws = loaded.ws
    aapl = _company_share(ws.result, "AAPL", "after")
    assert aapl > 0.01  # SPY and XLK list it
    panel.company.setText("aapl Apple Inc")  # as the completer offers it
    panel.company_cap.setValue(1.0)
    with qtbot.waitSignal(ws.settled, timeout=20000):
        panel.add_company.click()
    assert dict(ws.scenario.constraints.company_max) == {"AAPL": pytest.approx(0.01)}
    r = ws.result
    (row,) = panel.readout()
    assert row["now"] == _pct(_company_share(r, "AAPL", "before"))
    assert row["after"] == _pct(_company_share(r, "AAPL", "after"))
    assert _company_share(r, "AAPL", "after") <= 0.01 + 1e-6
    assert row["state"] == "binds"
    assert panel.table.item(0, 0).text().startswith("AAPL Apple")
    # a company no fund lists: allowed, and said
    panel.company.setText("ZZZZ")
    with qtbot.waitSignal(ws.settled, timeout=20000):
        panel.add_company.click()
    zz = next(x for x in panel.readout() if x["subject"] == "ZZZZ")
    assert zz["now"] == "not listed" and zz["state"] == "cannot bind"
    # not a ticker: one line, no edit
    before = ws.scenario
    panel.company.setText("../etc")
    panel.add_company.click()
    assert ws.scenario is before and "is not a ticker" in panel.problem.text()
    path = ws.save(tmp_path / "caps.coresat.toml")
    back = scenario_file.load(path)
    assert dict(back.constraints.company_max) == {"AAPL": pytest.approx(0.01), "ZZZZ": pytest.approx(0.01)}


def test_missing_sector_data_is_not_shown_as_zero(app, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    import dataclasses
    from collections.abc import Sequence
    from datetime import date

    from engine.data.funds import FundData, FundFetch
    from gui.panels.lookthrough_limits import LookThroughLimitsPanel
    from tests.gui.builders import twelve_asset_scenario

    data: dict[str, FundData] = {
        "IWM": FundData("IWM", "hand-built", date(2025, 1, 2), sectors={"Financials": 0.25, "Energy": 0.75})
    }

    def loader(tickers: Sequence[str]) -> FundFetch:
        return FundFetch(dict(data), {})

    panel = LookThroughLimitsPanel(workspace, loader=loader)
    qtbot.addWidget(panel)
    panel.show()
    sc = twelve_asset_scenario()
    sc = dataclasses.replace(
        sc, constraints=dataclasses.replace(sc.constraints, sector_max={"Financials": 0.9})
    )
    with qtbot.waitSignal(
        workspace.runner.finished, timeout=20000, check_params_cb=lambda k, g, v: k == KIND
    ):
        workspace.set_document(sc, None)
    qtbot.waitUntil(lambda: workspace.result is not None and panel.model is not None, timeout=20000)
    (row,) = panel.readout()
    r = workspace.result
    iwm = next(a for a in r.assets if a.ticker == "IWM")
    # only IWM has data: Financials is at least 25 % of IWM's weight, and said to be a lower bound
    assert row["now"] == "≥ " + _pct(0.25 * iwm.weight_before)
    assert "without sector data" in panel.table.item(0, 4).toolTip()
    assert (
        "hand-built, as of 2025-01-02" in panel.sources.text() and "not available for" in panel.sources.text()
    )
    # the fund data changes (the Exposure tab downloaded it): no fund has sector data now — not a zero
    data.clear()
    with qtbot.waitSignal(
        workspace.runner.finished, timeout=20000, check_params_cb=lambda k, g, v: k == KIND
    ):
        panel._on_finished("exposure-fetch", 0, None)
    (row,) = panel.readout()
    assert row["now"] == "not available" and row["after"] == "not available"
