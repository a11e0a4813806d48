"""``coresat exposure FILE``: the look-through of a scenario's weights, with sources and dates."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

from engine.cli import EXIT_BAD_INPUT, EXIT_OK, main
from engine.model import scenario_file
from engine.model.scenario import InlineMarket
from tests.helpers import core_satellite, market


def _write(tmp_path: Path, holdings: dict[str, float] | None = None) -> Path:
    sc = core_satellite(holdings or {"IWM": 640, "IWN": 95, "VBR": 70, "SPSM": 180})
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


def test_exposure_text_shows_sectors_valuation_and_snapshot_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["exposure", str(_write(tmp_path))]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Financials" in out and "P/E (weighted harmonic)" in out
    assert "S&P 500 (SPY)" in out  # the comparison comes from the data even though SPY is not held
    assert "bundled snapshot, as of 2024-12-31 (approximate)" in out
    assert "IWM–SPSM" in out and "at least (top holdings only)" in out


def test_exposure_json_agrees_with_the_rebalance_weights(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path)
    assert main(["rebalance", str(path), "--json"]) == EXIT_OK
    result = json.loads(capsys.readouterr().out)
    assert main(["exposure", str(path), "--json"]) == EXIT_OK
    doc = json.loads(capsys.readouterr().out)
    from engine.data.fund_files import bundled_snapshot

    snap = bundled_snapshot().funds
    # independent: Financials after = Σ weight_after × the fund's snapshot Financials weight
    fin = sum(a["weight_after"] * snap[a["ticker"]].sectors["Financials"] for a in result["assets"])
    row = next(r for r in doc["sectors"] if r["sector"] == "Financials")
    assert row["after"] == pytest.approx(fin, abs=1e-9)
    w = {a["ticker"]: a["weight_after"] for a in result["assets"]}
    pe = sum(w.values()) / sum(x / snap[t].pe for t, x in w.items())
    assert doc["valuation_after"]["pe"] == pytest.approx(pe, rel=1e-9)
    assert any("2024-12-31" in s for s in doc["sources"])


def test_exposure_with_holdings_csv_and_refresh(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from engine.data.fund_store import FundStore
    from engine.data.funds_yahoo import YahooFundSource
    from engine.risk import exposure_commands
    from tests.engine.data.fund_fakes import factory, quote_summary

    csv_file = tmp_path / "iwn.csv"
    csv_file.write_text("fund,symbol,weight_pct,sector\nIWN,AAA,100,Energy\n", encoding="utf-8")
    _, make = factory({"IWM": quote_summary("IWM")})
    args = exposure_commands_args(str(_write(tmp_path)), holdings=[str(csv_file)], refresh=True, json=True)
    store = FundStore(tmp_path / "s.sqlite3")
    assert exposure_commands.run(args, store=store, online=YahooFundSource(ticker_factory=make)) == 0
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    by = {f["ticker"]: f for f in doc["funds"]}
    assert by["IWN"]["provenance"].startswith("CSV iwn.csv")
    assert by["IWM"]["provenance"].startswith("Yahoo")
    assert by["VBR"]["provenance"].startswith("bundled snapshot")
    assert "VBR: Yahoo has no fund data" in captured.err  # the fake knows IWM only
    assert "IWM" in store.cached()


def exposure_commands_args(scenario: str, **kw: object) -> object:
    import argparse

    ns = argparse.Namespace(scenario=scenario, json=False, demo=False, holdings=[], refresh=False, top=15)
    for k, v in kw.items():
        setattr(ns, k, v)
    return ns


def test_bad_holdings_csv_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("fund,symbol,weight_pct\nIWN,AAA,lots\n", encoding="utf-8")
    assert main(["exposure", str(_write(tmp_path)), "--holdings", str(bad)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "line 2: weight 'lots' is not a number" in err


def test_infeasible_scenario_says_after_is_before(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from engine.model.scenario import Constraints, Mode

    sc = core_satellite(
        {"IWM": 640, "IWN": 95, "VBR": 70, "SPSM": 180},
        constraints=Constraints(vol_cap=0.05, mode=Mode.BUY_ONLY),
    )  # type: ignore[arg-type]
    m = market(list(sc.universe))
    inline = InlineMarket(
        as_of=m.as_of,  # type: ignore[arg-type]
        prices=dict(m.prices),
        tickers=m.tickers,
        covariance=tuple(tuple(float(v) for v in row) for row in np.asarray(m.covariance)),
    )
    path = tmp_path / "c.coresat.toml"
    scenario_file.save(dataclasses.replace(sc, market=inline), path)
    assert main(["exposure", str(path)]) == EXIT_OK
    assert "so 'After' is 'Before'" in capsys.readouterr().out
    assert main(["exposure", str(path), "--json"]) == EXIT_OK
    doc = json.loads(capsys.readouterr().out)
    assert doc["result_status"] == "infeasible"
    assert all(r["after"] == pytest.approx(r["before"]) for r in doc["sectors"])
