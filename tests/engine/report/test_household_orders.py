"""A household's trades as order-upload files, one per account that trades (engine/report/orders.py): the
rows are the accounts' own trades, a failed write leaves every file as it was, and ``coresat rebalance
--orders`` writes the same files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from engine import resources
from engine.api import resolve_market
from engine.cli import main
from engine.io.atomic import SaveError
from engine.model import scenario_file as sf
from engine.optimize.household import rebalance_household
from engine.report.orders import HEADER, per_account_paths, write_household_orders

COUPLE = "household-couple-four-accounts.coresat.toml"


@pytest.fixture(scope="module")
def couple():  # type: ignore[no-untyped-def]
    sc = sf.loads(resources.read_text("examples", COUPLE))
    return rebalance_household(sc, resolve_market(sc))


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == HEADER
    return [dict(zip(HEADER, r, strict=True)) for r in rows[1:]]


def test_one_file_per_trading_account_with_its_own_trades(couple, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = couple
    trading = [a for a in r.accounts if a.trades]
    assert len(trading) >= 2
    written = write_household_orders(tmp_path / "trades.csv", r)
    names = dict(
        zip(
            [a.id for a in r.accounts],
            per_account_paths(tmp_path / "trades.csv", list(r.account_ids)),
            strict=True,
        )
    )
    assert written == [names[a.id] for a in trading]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)  # nothing else
    for a, path in zip(trading, written, strict=True):
        rows = _read(path)
        want = sorted((a.id, t.side.value.upper(), t.ticker, f"{t.shares:g}", "MARKET") for t in a.trades)
        assert sorted(tuple(row.values()) for row in rows) == want
        sides = [row["side"] for row in rows]
        assert sides == sorted(sides, key=lambda s: s != "SELL")  # sells first: their cash pays the buys


def test_a_failed_write_puts_every_file_back(couple, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = couple
    trading = [a.id for a in r.accounts if a.trades]
    paths = dict(zip(r.account_ids, per_account_paths(tmp_path / "t.csv", list(r.account_ids)), strict=True))
    first, second = paths[trading[0]], paths[trading[1]]
    first.write_text("old orders\n", encoding="utf-8")
    second.mkdir()  # the second account's file cannot be written
    with pytest.raises(SaveError, match=second.name):
        write_household_orders(tmp_path / "t.csv", r)
    assert first.read_text(encoding="utf-8") == "old orders\n"  # put back
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([first.name, second.name])  # no new file


def test_cli_rebalance_writes_the_orders(couple, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / COUPLE
    path.write_text(resources.read_text("examples", COUPLE), encoding="utf-8")
    assert main(["rebalance", str(path), "--orders", str(tmp_path / "o.csv")]) == 0
    err = capsys.readouterr().err
    trading = [a for a in couple.accounts if a.trades]
    files = sorted(p for p in tmp_path.iterdir() if p.name.startswith("o-"))
    assert len(files) == len(trading) and all(f"wrote {p}" in err for p in files)
    got = sorted(tuple(row.values()) for p in files for row in _read(p))
    want = sorted(
        (a.id, t.side.value.upper(), t.ticker, f"{t.shares:g}", "MARKET") for a in trading for t in a.trades
    )
    assert got == want


def test_cli_orders_on_a_flat_scenario_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flat = tmp_path / "flat.coresat.toml"
    flat.write_text(
        resources.read_text("examples", "russell-core-value-satellites.coresat.toml"), encoding="utf-8"
    )
    assert main(["rebalance", str(flat), "--orders", str(tmp_path / "o.csv")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--orders" in err[0] and "no accounts" in err[0]
    assert not any(p.name.startswith("o") for p in tmp_path.iterdir())
