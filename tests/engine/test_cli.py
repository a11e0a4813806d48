from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from engine import __version__
from engine.cli import EXIT_BAD_INPUT, EXIT_INFEASIBLE, EXIT_OK, main
from engine.model import scenario_file
from engine.model.scenario import InlineMarket, Mode
from tests.helpers import core_satellite, market


def _write(tmp_path: Path, **constraints: object) -> Path:
    from engine.model.scenario import Constraints

    sc = core_satellite(
        {"IWM": 640, "IWN": 95, "VBR": 70, "SPSM": 180}, constraints=Constraints(**constraints)
    )  # type: ignore[arg-type]
    m = market(list(sc.universe))
    inline = InlineMarket(
        as_of=m.as_of,  # type: ignore[arg-type]
        prices=dict(m.prices),
        tickers=m.tickers,
        covariance=tuple(tuple(float(v) for v in row) for row in np.asarray(m.covariance)),
    )
    import dataclasses

    path = tmp_path / "client.coresat.toml"
    scenario_file.save(dataclasses.replace(sc, market=inline), path)
    return path


def test_rebalance_prints_trade_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rebalance", str(_write(tmp_path))]) == EXIT_OK
    out = capsys.readouterr().out
    assert "SELL  IWM" in out and "BUY   IWN" in out
    assert "not investment advice" in out
    assert "as of 2026-11-20" in out


def test_rebalance_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rebalance", str(_write(tmp_path)), "--json"]) == EXIT_OK
    doc = json.loads(capsys.readouterr().out)
    assert doc["status"] == "ok"
    assert {t["ticker"] for t in doc["trades"]} >= {"IWM", "IWN"}


def test_infeasible_exit_code_and_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, vol_cap=0.05, mode=Mode.BUY_ONLY)
    assert main(["rebalance", str(path)]) == EXIT_INFEASIBLE
    out = capsys.readouterr().out
    assert "NO TRADES" in out and "volatility cap of 5.00 %" in out


@pytest.mark.parametrize(
    ("content", "words"),
    [("not = = toml", "not valid TOML"), ('format = "coresat-scenario"\nversion = 2\n', "no sleeves")],
)
def test_bad_input_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, words: str
) -> None:
    p = tmp_path / "bad.coresat.toml"
    p.write_text(content)
    assert main(["rebalance", str(p)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err.strip()
    assert words in err and "\n" not in err and "Traceback" not in err


def test_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rebalance", "/nonexistent/x.coresat.toml"]) == EXIT_BAD_INPUT
    assert "file not found" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0
    assert __version__ in capsys.readouterr().out
