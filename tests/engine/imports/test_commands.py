"""``coresat import FILE [--into SCENARIO] [--json]``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.cli import EXIT_BAD_INPUT, EXIT_OK, main
from engine.model import scenario_file, scenario_write
from tests.engine.imports.conftest import fixture
from tests.helpers import core_satellite


def _scenario(tmp_path: Path) -> Path:
    path = tmp_path / "client.coresat.toml"
    scenario_write.save(core_satellite({"IWM": 10, "IWN": 4}, cash=50.0), path)
    return path


def test_preview_only_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(fixture("schwab_all_accounts.csv"))]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Schwab positions CSV, as of 2025-03-14" in out
    assert "matches the file's account total" in out
    assert "held, not rebalanced: option" in out
    assert list(tmp_path.iterdir()) == []


def test_into_updates_the_scenario_and_prints_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _scenario(tmp_path)
    assert main(["import", str(fixture("etrade_positions.qfx")), "--into", str(path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "bought: IWM 10 → 45 shares (+35)" in out
    assert "gone: IWN (was 4 shares)" in out
    sc = scenario_file.load(path)
    assert {h.ticker: h.shares for h in sc.portfolio.holdings} == {"IWM": 45, "AVUV": 12.5, "MSFT": 3}
    assert sc.portfolio.cash == pytest.approx(412.85)


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _scenario(tmp_path)
    assert main(["import", str(fixture("ibkr_flex.xml")), "--into", str(path), "--json"]) == EXIT_OK
    doc = json.loads(capsys.readouterr().out)
    assert doc["layout"] == "IBKR Flex Query XML"
    (acct,) = doc["accounts"]
    assert acct["reconciled"] is True and acct["reported_total"] == pytest.approx(38445.90)
    iwm = next(p for p in acct["positions"] if p["symbol"] == "IWM")
    assert iwm["lots"][0] == {"quantity": 100, "basis_per_share": 180.1, "acquired": "2023-05-22"}
    assert doc["written"] == str(path)
    assert [c["ticker"] for c in doc["changes"]["total_bought"]] == ["IWM"]
    replaced, new = doc["changes"]["accounts"]
    assert replaced["status"] == "replaced" and new["status"] == "new"
    assert [c["ticker"] for c in new["new"]] == ["IWM", "MSFT"]


def test_bad_file_changes_nothing_and_says_line_and_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _scenario(tmp_path)
    before = path.read_bytes()
    bad = tmp_path / "bad.csv"
    bad.write_text(fixture("schwab_single_2023.csv").read_text().replace('"$420.05"', '"$4x0.05"', 1))
    assert main(["import", str(bad), "--into", str(path)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err.strip()
    assert err == "coresat: bad.csv: line 5: price: '$4x0.05' is not a number"
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "client.coresat.toml"]  # no temp left


def test_missing_scenario_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["import", str(fixture("plain.csv")), "--into", str(tmp_path / "nope.toml")]) == EXIT_BAD_INPUT
    )
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_mapping_saved_in_the_app_is_used_by_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    from engine.imports import mappings
    from engine.imports.plain_csv import CsvMapping, layout_key

    path = fixture("needs_mapping.csv")
    assert main(["import", str(path)]) == EXIT_BAD_INPUT
    assert "map its columns once in the app" in capsys.readouterr().err
    m = CsvMapping(columns={"symbol": 0, "quantity": 1, "price": 2}, header_line=3)
    mappings.save(layout_key(path.read_text(), m), m)
    assert main(["import", str(path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "IWM" in out and "1,000" in out


def test_into_writes_accounts_and_lots_that_load_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _scenario(tmp_path)
    assert main(["import", str(fixture("schwab_all_accounts.csv")), "--into", str(path)]) == EXIT_OK
    assert main(["import", str(fixture("schwab_lot_details.csv")), "--into", str(path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Individual Brokerage …4821 (taxable): lots added" in out
    sc = scenario_file.load(path)
    assert sc.household is not None
    assert [a.id for a in sc.household.accounts] == ["schwab-4821", "schwab-9307"]
    iwm = sc.household.accounts[0].positions[0]
    assert iwm.ticker == "IWM" and [lo.shares for lo in iwm.lots] == [50, 25, 45]


def test_lots_that_do_not_match_change_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _scenario(tmp_path)  # holds IWM 10, IWN 4: the lot file's 120 IWM do not match
    before = path.read_bytes()
    assert main(["import", str(fixture("schwab_lot_details.csv")), "--into", str(path)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "line 4: IWM: the lots in the file hold 120 shares but Account holds 10" in err
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["client.coresat.toml"]
