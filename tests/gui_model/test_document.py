"""The GUI's document (scenario, undo, dirty state, file, stamps) tested without Qt."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from engine.model.scenario import Scenario
from gui.document import UNDO_LIMIT, Document, Stamp
from tests.helpers import twelve_asset_scenario


def _note(sc: Scenario, i: float) -> Scenario:
    return replace(sc, notes=f"edit {i}")


def test_importing_the_document_loads_no_qt() -> None:
    code = "import sys, gui.document; print(any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_edit_undo_redo_and_dirty() -> None:
    doc = Document()
    sc = twelve_asset_scenario()
    doc.replace(sc, None)
    assert not doc.dirty and not doc.can_undo()
    doc.edit(_note(sc, 100))
    assert doc.dirty and doc.can_undo()
    assert doc.undo() and doc.scenario == sc and not doc.dirty
    assert doc.can_redo() and doc.redo() and doc.scenario is not None and doc.scenario == _note(sc, 100)
    assert not doc.edit(doc.scenario)  # the same scenario is no edit
    assert not doc.redo()


def test_a_drag_is_one_undo_step_until_released() -> None:
    doc = Document()
    sc = twelve_asset_scenario()
    doc.replace(sc, None)
    for c in (1.0, 2.0, 3.0):
        doc.edit(_note(sc, c), merge_key="core")
    doc.end_merge()
    doc.edit(_note(sc, 9), merge_key="core")
    assert doc.undo() and doc.scenario is not None and doc.scenario == _note(sc, 3.0)
    assert doc.undo() and doc.scenario == sc
    assert not doc.can_undo()


def test_undo_history_is_bounded() -> None:
    doc = Document()
    sc = twelve_asset_scenario()
    doc.replace(sc, None)
    for i in range(UNDO_LIMIT + 25):
        doc.edit(_note(sc, i + 1))
    steps = 0
    while doc.undo():
        steps += 1
    assert steps == UNDO_LIMIT


def test_stamps_say_which_answers_are_still_wanted() -> None:
    doc = Document()
    sc = twelve_asset_scenario()
    doc.replace(sc, None)
    first = doc.stamp()
    assert doc.is_current(first)
    doc.edit(_note(sc, 1))
    assert not doc.is_current(first) and doc.same_document(first)  # an older edit of this document
    doc.undo()
    assert not doc.is_current(first)  # undo is a new state even when the scenario is equal again
    doc.replace(sc, None)
    assert not doc.same_document(first)  # another document: nothing from before is shown
    assert isinstance(doc.stamp(), Stamp)


def test_save_and_open_round_trip_and_clear_dirty(tmp_path: Path) -> None:
    doc = Document()
    sc = twelve_asset_scenario()
    doc.replace(sc, None, saved=False)
    assert doc.dirty
    with pytest.raises(ValueError, match="Save As"):
        doc.save()
    target = doc.save(tmp_path / "a.coresat.toml")
    assert target.exists() and not doc.dirty and doc.path == target
    other = Document()
    other.open(target)
    assert other.scenario == doc.scenario and not other.dirty and other.path == target


def test_a_file_that_does_not_open_changes_nothing(tmp_path: Path) -> None:
    doc = Document()
    sc = twelve_asset_scenario()
    doc.replace(sc, None)
    before = (doc.scenario, doc.stamp(), doc.path)
    bad = tmp_path / "bad.coresat.toml"
    bad.write_text("this is = not [ toml", encoding="utf-8")
    with pytest.raises(Exception):  # noqa: B017 - ScenarioError or a TOML error: either way nothing changes
        doc.open(bad)
    assert (doc.scenario, doc.stamp(), doc.path) == before


@pytest.mark.parametrize(
    ("name", "path", "expected"),
    [
        ("Core and value", None, "Core-and-value.coresat.toml"),
        ("IRA: 2026/Q1", None, "IRA-2026-Q1.coresat.toml"),
        ("", None, "scenario.coresat.toml"),
        ("...", None, "scenario.coresat.toml"),
        ("Anything", Path("/x/kept.coresat.toml"), "kept.coresat.toml"),
        ("한국 포트폴리오", None, "한국-포트폴리오.coresat.toml"),
    ],
)
def test_save_as_suggests_the_scenario_name(name: str, path: Path | None, expected: str) -> None:
    doc = Document()
    doc.replace(replace(twelve_asset_scenario(), name=name), path)
    assert doc.suggested_file_name() == expected
