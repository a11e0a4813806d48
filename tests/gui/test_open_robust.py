"""The GUI's open path: every file a user can give ends in a message and a running window, never an exit."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from engine import resources

pytestmark = pytest.mark.gui

EXAMPLE = "russell-core-value-satellites.coresat.toml"


def _bad_files(tmp_path: Path) -> list[str]:
    text = resources.read_text("examples", EXAMPLE)
    out = []
    for i, (old, new) in enumerate(
        [
            ("version = 2", "version = -1"),
            ("version = 2", "version = 0"),
            ("shares = 640", "shares = " + "9" * 400),
            ("shares = 640", "shares = 1e308"),
            ("cash = 2500.0", "cash = -1"),
        ]
    ):
        p = tmp_path / f"bad{i}.coresat.toml"
        p.write_text(text.replace(old, new, 1), encoding="utf-8")
        out.append(str(p))
    deep = tmp_path / "deep.coresat.toml"
    deep.write_text(text + "\nx = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    out += [str(deep), str(tmp_path), "https://example.com/x.coresat.toml", str(tmp_path / "no" / "x.toml")]
    if sys.platform != "win32":
        fifo = tmp_path / "pipe.coresat.toml"
        os.mkfifo(fifo)
        out.append(str(fifo))
    return out


def test_bad_files_show_a_message_and_the_example_opens(  # type: ignore[no-untyped-def]
    window, workspace, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from gui.app import open_initial

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    for path in _bad_files(tmp_path):
        shown.clear()
        open_initial(window, workspace, path)
        assert len(shown) == 1, path
        assert "\n" not in shown[0] and "Traceback" not in shown[0]
        assert workspace.scenario is not None and workspace.path is None  # fell back to the example
    workspace.runner.cancel()


def test_a_reader_bug_is_shown_not_raised(  # type: ignore[no-untyped-def]
    window, workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from engine.model import scenario_file
    from gui.app import open_guarded

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))

    def broken(path: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(scenario_file, "load", broken)
    assert open_guarded(window, str(tmp_path / "x.coresat.toml")) is False
    assert len(shown) == 1 and "RecursionError" in shown[0]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_quits_the_app_with_130_and_one_line(tmp_path: Path) -> None:
    import signal
    import subprocess
    import time

    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "PYTHONPATH": str(root),
        "QT_QPA_PLATFORM": "offscreen",
        "CORESAT_CONFIG_DIR": str(tmp_path / "config"),
        "CORESAT_DATA_DIR": str(tmp_path / "data"),
    }
    code = (
        "import sys\n"
        "import gui.app as a\n"
        "real = a.quit_on_ctrl_c\n"
        "def ready(app):\n"
        "    real(app)\n"
        "    print('ready', file=sys.stderr, flush=True)\n"
        "a.quit_on_ctrl_c = ready\n"
        "from gui.launch import main\n"
        "sys.exit(main(['--demo']))\n"
    )
    p = subprocess.Popen(
        [sys.executable, "-c", code], env=env, stderr=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert p.stderr is not None
    import threading

    watchdog = threading.Timer(120, p.kill)  # never hang the suite if the app does not come up
    watchdog.start()
    try:
        first = p.stderr.readline().strip()
    finally:
        watchdog.cancel()
    assert first == b"ready"  # the handler is installed; the event loop starts
    time.sleep(1.0)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=30)
    assert p.returncode == 130
    assert err.decode().strip().splitlines() == ["coresat: interrupted"]


def test_open_dialog_path_shows_a_reader_bug(  # type: ignore[no-untyped-def]
    window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from engine.model import scenario_file

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))

    def broken(path: object) -> None:
        raise MemoryError("out of memory")

    monkeypatch.setattr(scenario_file, "load", broken)
    assert window.open_path(str(tmp_path / "x.coresat.toml")) is False  # File > Open and Open Recent
    assert len(shown) == 1 and "MemoryError" in shown[0]
