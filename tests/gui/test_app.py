"""Start-up choices, dialogs and menus."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine import resources
from engine.model import scenario_file
from engine.model.scenario import Holding
from tests.gui.builders import twelve_asset_scenario


def test_first_run_opens_the_bundled_example_unsaved(window, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui.app import DEFAULT_EXAMPLE, open_initial

    with qtbot.waitSignal(workspace.scenarioChanged, timeout=5000):
        open_initial(window, workspace, None)
    assert workspace.path is None and not workspace.dirty
    assert (
        workspace.scenario.name == scenario_file.loads(resources.read_text("examples", DEFAULT_EXAMPLE)).name
    )
    workspace.runner.cancel()


def test_last_file_is_reopened(window, workspace, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from gui import settings
    from gui.app import open_initial

    path = tmp_path / "last.coresat.toml"
    scenario_file.save(twelve_asset_scenario(), path)
    settings.add_recent_file(str(path))
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        open_initial(window, workspace, None)
    assert workspace.path == path


def test_about_names_version_sources_and_disclaimer() -> None:
    import engine
    from gui.dialogs import about_text

    text = about_text()
    assert engine.__version__ in text
    assert "Yahoo" in text and "simulated" in text
    assert "not investment advice" in text


def test_import_preview_lists_rows_without_changing_anything(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui.dialogs import ImportPreview

    rows = (Holding("IWM", 10.0), Holding("VBR", 2.5, 201.0))
    dialog = ImportPreview(rows, "h.csv")
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(1, 0).text() == "VBR"
    assert dialog.table.item(1, 1).text() == "2.5"


def test_undo_redo_actions_follow_the_workspace(loaded, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert not loaded.act_undo.isEnabled()
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        loaded.targets.controls["Value"].spin.setValue(25.0)
    assert loaded.act_undo.isEnabled()
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        loaded.act_undo.trigger()
    assert loaded.targets.controls["Value"].spin.value() == 20.0
    assert loaded.act_redo.isEnabled()


def test_translation_for_the_user_locale_is_loaded(app, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import shutil
    import subprocess
    import sys

    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    from gui import app as app_module

    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    if not Path(lrelease).exists():
        pytest.skip("pyside6-lrelease not available")
    ts = tmp_path / "coresat_ko.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="ko_KR">'
        "<context><name>MainWindow</name><message><source>&amp;File</source>"
        "<translation>파일(&amp;F)</translation></message></context></TS>",
        encoding="utf-8",
    )
    subprocess.run(
        [lrelease, str(ts), "-qm", str(tmp_path / "coresat_ko.qm")], check=True, capture_output=True
    )
    monkeypatch.setattr(app_module.resources, "path", lambda *parts: tmp_path.joinpath(*parts[1:]))
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    try:
        translator = app_module.install_translator(app)
        assert translator is not None
        assert QCoreApplication.translate("MainWindow", "&File") == "파일(&F)"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "취소"  # Qt's own words too
        for tr in app.findChildren(QTranslator):
            app.removeTranslator(tr)
    finally:
        QLocale.setDefault(before)


def test_a_screenshot_run_leaves_later_event_loops_running(tmp_path: Path) -> None:
    """The self-test renders the main window in-process (``run_app --screenshot``) and goes on. It used to
    quit the application from outside its exec(), after which every later event loop of the process
    returned at once: run after the whole self-test, the compare dialog's results never came (its test
    failed in 2 s with a time-out). Run as that pair, in that order, in a fresh pytest."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    pair = [
        "tests/packaging/test_selftest.py::test_every_check_passes_or_names_the_missing_module",
        "tests/gui/book/test_compare_dialog.py::test_two_scenario_files_side_by_side",
    ]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", *pair],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    assert "2 passed" in run.stdout
