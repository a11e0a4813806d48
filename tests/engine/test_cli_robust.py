"""The CLI's last line of defence: Ctrl+C and unexpected errors end in one line and a meaningful code."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import engine.api
from engine.cli import EXIT_INTERNAL, EXIT_INTERRUPTED, main

ROOT = Path(__file__).resolve().parents[2]


def _example() -> str:
    return str(ROOT / "resources" / "examples" / "russell-core-value-satellites.coresat.toml")


def test_ctrl_c_is_exit_130_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*a: object, **k: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(engine.api, "rebalance_file", interrupted)
    assert main(["rebalance", _example(), "--demo"]) == EXIT_INTERRUPTED
    err = capsys.readouterr().err
    assert err == "coresat: interrupted\n"


def test_unexpected_error_is_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*a: object, **k: object) -> None:
        raise ZeroDivisionError("float division by zero")

    monkeypatch.setattr(engine.api, "rebalance_file", broken)
    assert main(["rebalance", _example(), "--demo"]) == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ZeroDivisionError" in err and "Traceback" not in err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_real_sigint_in_a_subprocess(tmp_path: Path) -> None:
    # a real SIGINT while a (simulated, sleeping) rebalance runs: exit 130, one line, no traceback
    code = (
        "import sys, time, engine.api\n"
        "from engine.cli import main\n"
        "def slow(*a, **k):\n"
        "    print('ready', flush=True); time.sleep(30)\n"
        "engine.api.rebalance_file = slow\n"
        f"sys.exit(main(['rebalance', {_example()!r}]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    p = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert p.stdout is not None
    assert p.stdout.readline().strip() == b"ready"
    t0 = time.monotonic()
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=20)
    assert time.monotonic() - t0 < 10
    assert p.returncode == 130
    assert err.decode().strip() == "coresat: interrupted"


def test_python_m_engine_cli_runs_the_command(tmp_path: Path) -> None:
    # `python -m engine.cli` used to import the module and exit 0 without doing anything
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    p = subprocess.run(
        [sys.executable, "-m", "engine.cli", "rebalance", str(tmp_path / "absent.coresat.toml")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert p.returncode == 2
    assert p.stderr.startswith("coresat: ") and "absent.coresat.toml" in p.stderr
    assert p.stderr.count("\n") == 1
