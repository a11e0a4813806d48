"""Save As proposes the scenario's name; an action that cannot run is disabled and says why."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from gui.engine_calls import Outcome


def test_save_as_suggests_the_scenario_name(loaded, workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def fake_dialog(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        asked.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    assert workspace.path is None
    loaded.save_as()
    assert Path(asked[-1]) == Path.home() / "Twelve-asset-test-portfolio.coresat.toml"


def test_actions_without_a_document_are_disabled_and_say_why(window) -> None:  # type: ignore[no-untyped-def]
    for act in (
        window.act_save,
        window.act_save_as,
        window.act_export,
        window.act_edit_targets,
        window.act_refresh,
    ):
        assert not act.isEnabled(), act.text()
        assert "Open or create a scenario first" in act.toolTip()


def test_export_without_trades_says_why(loaded, workspace) -> None:  # type: ignore[no-untyped-def]
    assert workspace.result.trades
    assert loaded.act_export.isEnabled()
    out = workspace.outcome
    workspace.outcome = Outcome(out.scenario, result=replace(out.result, trades=()))
    workspace.outcomeChanged.emit(workspace.outcome)
    assert not loaded.act_export.isEnabled()
    assert "No trades to export" in loaded.act_export.toolTip()
    workspace.outcome = Outcome(out.scenario, problem=out.problem)
    workspace.outcomeChanged.emit(workspace.outcome)
    assert not loaded.act_export.isEnabled() and "No result yet" in loaded.act_export.toolTip()
