"""One idea per file: the GUI modules of the main window and the target editor stay under ~400 lines."""

from __future__ import annotations

from pathlib import Path

import pytest

GUI = Path(__file__).resolve().parents[2] / "gui"
LIMIT = 400


@pytest.mark.parametrize(
    "name",
    [
        "mainwindow.py",
        "window_files.py",
        "window_layout.py",
        "window_market.py",
        "window_tabs.py",
        "target_editor.py",
        "target_forms.py",
        "target_widgets.py",
    ],
)
def test_module_holds_one_idea(name: str) -> None:
    lines = (GUI / name).read_text(encoding="utf-8").count("\n")
    assert lines <= LIMIT, f"gui/{name} has {lines} lines: split it"
