"""Start-up choices, dialogs and menus."""

from __future__ import annotations

from pathlib import Path

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
