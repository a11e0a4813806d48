"""`coresat rebalance` on a household file: trades per account; --json carries the identity fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine import __version__, resources
from engine.cli import main

COUPLE = "household-couple-four-accounts.coresat.toml"


def _file(tmp_path: Path) -> Path:
    f = tmp_path / COUPLE
    f.write_text(resources.read_text("examples", COUPLE), encoding="utf-8")
    return f


def test_text_groups_trades_by_account(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rebalance", str(_file(tmp_path))]) == 0
    out = capsys.readouterr().out
    for name in ("Joint brokerage (taxable, Schwab)", "Lee IRA (traditional IRA", "Park Roth (Roth IRA"):
        assert name in out
    assert "Identity: household lee-park" in out


def test_json_carries_accounts_and_identity(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rebalance", str(_file(tmp_path)), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["household_id"] == "lee-park" and doc["engine_version"] == __version__
    assert doc["schema_version"] == 2 and len(doc["scenario_hash"]) == 64
    assert doc["account_ids"] == [a["id"] for a in doc["accounts"]]
    cash = sum(a["cash_after"] for a in doc["accounts"])
    assert cash == pytest.approx(doc["cash_after"])
    net: dict[str, float] = {}
    for a in doc["accounts"]:
        for t in a["trades"]:
            net[t["ticker"]] = net.get(t["ticker"], 0.0) + (
                t["shares"] if t["side"] == "buy" else -t["shares"]
            )
    assert doc["schema_version"] == 2 and doc["unplaced"] == []  # one joint solve: nothing left over
    household = {
        t["ticker"]: t["shares"] * (1 if t["side"] == "buy" else -1) for t in doc["household"]["trades"]
    }
    assert {k: v for k, v in net.items() if v} == household


def test_a_bad_account_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = _file(tmp_path)
    f.write_text(f.read_text().replace("cash = 6500.0", "cash = -1.0"))
    assert main(["rebalance", str(f)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "accounts[3] 'Park Roth' cash: must be ≥ 0" in err
