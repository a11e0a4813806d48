"""``coresat backtest`` and ``coresat stress`` on the bundled example and demo data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine import resources
from engine.cli import EXIT_BAD_INPUT, EXIT_OK, main

EXAMPLE = "russell-core-value-satellites.coresat.toml"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / EXAMPLE
    path.write_bytes(resources.read_bytes("examples", EXAMPLE))
    return path


def test_backtest_json_has_every_policy_and_says_hypothetical(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["backtest", str(example), "--demo", "--json", "--policies", "never,bands-daily,calendar-annual"]
    assert main(args) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "coresat-backtest" and data["hypothetical"].startswith("Hypothetical")
    assert [p["key"] for p in data["policies"]] == ["never", "bands-daily", "calendar-annual"]
    never, bands, annual = data["policies"]
    assert bands["max_drift"] < never["max_drift"]
    assert never["rebalances"] == 0 and never["costs"] == 0
    assert annual["rebalances"] <= 19  # at most one a year over the ~19 years
    assert data["price_source"] == "simulated demo data"
    assert "series" not in data


def test_backtest_table_and_a_bad_policy(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["backtest", str(example), "--demo", "--policies", "never,cash_flow", "--monthly-flow", "250"])
        == 0
    )
    out = capsys.readouterr().out
    assert "Hypothetical" in out and "Turnover / year (one-way)" in out and "monthly cash flow +250.00" in out
    assert main(["backtest", str(example), "--demo", "--policies", "sometimes"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown policy 'sometimes'" in err and "Traceback" not in err


def test_stress_json_and_text(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stress", str(example), "--demo", "--json", "--window", "Mine=2011-07-22..2011-10-03"]) == 0
    data = json.loads(capsys.readouterr().out)
    names = [w["window"]["name"] for w in data["windows"]]
    assert names[-1] == "Mine" and "Financial crisis" in names and len(names) == 6
    first = data["windows"][0]
    assert [x["label"] for x in first["losses"]] == ["current", "target", "proposed"]
    total = first["losses"][0]
    assert sum(s["change"] for s in total["sleeves"]) == pytest.approx(total["change"], abs=0.01)
    assert data["rates"][0]["available"] is False
    assert main(["stress", str(example), "--demo"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Tariff shock" in out and "not a forecast" not in out and "No interest-rate series" in out


def test_stress_bad_inputs_are_one_line(
    example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stress", str(example), "--demo", "--window", "2011-10-03..2011-07-22"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ends before it starts" in err
    assert main(["stress", str(example), "--demo", "--rates", str(tmp_path / "none.csv")]) == EXIT_BAD_INPUT
    assert "rate file not found" in capsys.readouterr().err
