"""``coresat prices ...`` through the real CLI entry point (store in the test's temp data folder)."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.cli import main
from engine.data.store import PriceStore

FIX = Path(__file__).parent / "fixtures"


def test_status_of_an_empty_store(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["prices", "status"]) == 0
    assert "empty" in capsys.readouterr().out


def test_import_then_status(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["prices", "import", str(FIX / "IWM.csv"), str(FIX / "IJR_US.csv")]) == 0
    out = capsys.readouterr().out
    assert "IWM: 5 prices 2024-01-02 .. 2024-01-09" in out
    assert "'Adj Close'" in out and "'Adjusted_close'" in out
    assert set(PriceStore().tickers()) == {"IWM", "IJR"}
    assert main(["prices", "status"]) == 0
    status = capsys.readouterr().out
    assert "IJR" in status and "CSV IJR_US.csv" in status


def test_import_errors_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["prices", "import", str(tmp_path / "missing.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("coresat: ") and "file not found" in err and err.count("\n") == 1
    assert main(["prices", "import", "--ticker", "X", str(FIX / "IWM.csv"), str(FIX / "wide.csv")]) == 2


def test_update_with_nothing_to_update_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["prices", "update"]) == 2
    assert "no tickers to update" in capsys.readouterr().err
