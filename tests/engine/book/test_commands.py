"""``coresat book ...`` and ``coresat batch``: output, exit codes, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine import resources
from engine.book import commands
from engine.book import schema as t
from engine.cli import EXIT_BAD_INPUT, EXIT_OK, main
from engine.model import scenario_file
from tests.engine.book.builders import client_scenario, with_inline_market


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name in ("Ann", "Bob"):
        p = tmp_path / f"{name.lower()}.coresat.toml"
        scenario_file.save(with_inline_market(client_scenario(name)), p)
        out[name] = p
    return out


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def test_book_workflow(
    book_url: str, files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    b = ("--book", book_url)
    code, out, _ = run(capsys, "book", "init", *b)
    assert code == EXIT_OK and "schema 1" in out and "0 clients" in out
    code, out, _ = run(capsys, "book", "import", str(files["Ann"]), str(files["Bob"]), *b)
    assert code == EXIT_OK and "client 'Ann'" in out and "client 'Bob'" in out
    code, out, _ = run(capsys, "book", "add-policy", "Model", str(files["Ann"]), *b)
    assert code == EXIT_OK
    overrides = tmp_path / "o.toml"
    overrides.write_text("[constraints]\nvol_cap_pct = 21\n")
    code, out, _ = run(capsys, "book", "assign", "Bob", "Model", "--overrides", str(overrides), *b)
    assert code == EXIT_OK and "with overrides" in out
    code, out, _ = run(capsys, "book", "list", *b)
    assert "Ann" in out and "Model" in out
    code, out, _ = run(capsys, "book", "policies", *b)
    assert "Model  (version 1, 1 household)" in out

    code, out, err = run(capsys, "batch", "--workers", "0", "--quiet", *b)
    assert code == EXIT_OK, err
    assert "2 households, 2 draft proposals, 0 failed" in out and "this process" in out
    code, out, _ = run(capsys, "book", "proposals", "--client", "Bob", *b)
    lines = [ln for ln in out.splitlines() if "Bob" in ln]
    assert len(lines) == 1 and " draft " in lines[0]
    pid = lines[0].split()[0]

    code, _, err = run(capsys, "book", "approve", pid, *b)
    assert code == EXIT_BAD_INPUT and err.count("\n") == 1 and "needs a note" in err
    code, out, _ = run(capsys, "book", "approve", pid, "--note", "reviewed", *b)
    assert code == EXIT_OK and f"proposal {pid} approved" in out
    code, _, err = run(capsys, "book", "reject", pid, *b)
    assert code == EXIT_BAD_INPUT and "is approved" in err
    code, out, _ = run(capsys, "book", "show", pid, "--inputs", *b)
    shown = scenario_file.loads(out)
    assert shown.constraints.vol_cap == pytest.approx(0.21)  # Bob's override is in the proposal's inputs
    code, out, _ = run(capsys, "book", "show", pid, *b)
    assert '"trades"' in out

    dest = tmp_path / "ann-out.coresat.toml"
    code, out, _ = run(capsys, "book", "export", "Ann", str(dest), *b)
    assert code == EXIT_OK and scenario_file.load(dest).name == "Ann"
    code, out, err = run(capsys, "book", "backup", str(tmp_path / "copy.sqlite"), *b)
    if book_url.startswith("sqlite"):
        assert code == EXIT_OK and (tmp_path / "copy.sqlite").exists()
    else:
        assert code == EXIT_BAD_INPUT and "pg_dump" in err


def test_bad_input_is_one_line_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = ("--book", str(tmp_path / "none.sqlite"))
    for args in (
        ("book", "list", *missing),
        ("batch", *missing),
        ("batch", "--workers", "2", "--scheduler", "tcp://127.0.0.1:9", *missing),
        ("book", "list", "--book", "mysql://x/y"),
    ):
        code, out, err = run(capsys, *args)
        assert code == EXIT_BAD_INPUT, args
        assert err.startswith("coresat: ") and err.count("\n") == 1 and "Traceback" not in err, err
    assert not (tmp_path / "none.sqlite").exists()

    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"\x00garbage" * 512)
    code, _, err = run(capsys, "book", "list", "--book", str(damaged))
    assert code == EXIT_BAD_INPUT and "damaged or not a Coresat book" in err and err.count("\n") == 1

    book = ("--book", str(tmp_path / "b.sqlite"))
    run(capsys, "book", "init", *book)
    bad = tmp_path / "bad.coresat.toml"
    bad.write_text(
        resources.read_text("examples", resources.examples()[0]).replace("weight_pct = ", "weight_pct = 1")
    )
    good = tmp_path / "good.coresat.toml"
    scenario_file.save(client_scenario("Good"), good)
    code, _, err = run(capsys, "book", "import", str(good), str(bad), *book)
    assert code == EXIT_BAD_INPUT and err.count("\n") == 1
    code, out, _ = run(capsys, "book", "list", *book)
    assert "no clients yet" in out  # the good file was not stored either


def test_batch_reports_failures_with_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = ("--book", str(tmp_path / "b.sqlite"))
    f = tmp_path / "x.coresat.toml"
    scenario_file.save(with_inline_market(client_scenario("Ann")), f)
    run(capsys, "book", "import", str(f), *book)
    # a second household without any market data for its extra ticker
    sc = with_inline_market(client_scenario("Zed"))
    from dataclasses import replace

    from engine.model.scenario import Holding

    sc = replace(sc, portfolio=replace(sc.portfolio, holdings=(*sc.portfolio.holdings, Holding("ZZZZ", 1.0))))
    scenario_file.save(sc, f)
    run(capsys, "book", "import", str(f), *book)
    code, out, _ = run(capsys, "batch", "--workers", "0", "--quiet", *book)
    assert code == 1
    assert "2 households, 1 draft proposals, 1 failed" in out and "ZZZZ" in out


def test_parser_choices_match_the_schema() -> None:
    assert tuple(k.value for k in t.AccountKind) == commands.ACCOUNT_KINDS
    assert tuple(s.value for s in t.ProposalStatus) == commands.PROPOSAL_STATUSES
