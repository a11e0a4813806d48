"""The open document, without Qt: the scenario, its undo/redo history, file path and dirty state, and the one
notion of "current" every background answer is checked against.

A ``Stamp`` names a state of the document: ``epoch`` grows when another document replaces it (open, new),
``revision`` with every change of the scenario (edit, undo, redo). Work started for a state carries its
stamp; when the answer returns, ``is_current`` (same scenario) or ``same_document`` (same file, perhaps
older edits) decides whether it is still wanted. The Qt adapter (gui/workspace.py) only turns changes into
signals and runs the work.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from engine.model import scenario_file
from engine.model.scenario import Scenario

UNDO_LIMIT = 200


@dataclass(frozen=True)
class Stamp:
    epoch: int  # which document (bumps on open / new)
    revision: int  # which state of its scenario (bumps on every change)


class Document:
    def __init__(self) -> None:
        self.scenario: Scenario | None = None
        self.saved: Scenario | None = None  # the scenario as last written to (or read from) ``path``
        self.path: Path | None = None
        self.epoch = 0
        self.revision = 0
        self._undo: list[Scenario] = []
        self._redo: list[Scenario] = []
        self._merge_key: str | None = None

    # -- state ----------------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self.scenario is not None and self.scenario != self.saved

    def stamp(self) -> Stamp:
        return Stamp(self.epoch, self.revision)

    def is_current(self, stamp: Stamp) -> bool:
        """Work for exactly the scenario shown now."""
        return stamp == self.stamp()

    def same_document(self, stamp: Stamp) -> bool:
        """Work for this document (perhaps for an earlier edit of it), not for one closed since."""
        return stamp.epoch == self.epoch

    # -- whole document -------------------------------------------------------------------------

    def replace(self, scenario: Scenario, path: Path | None, *, saved: bool = True) -> None:
        """Another document (open, new): forgets the undo history; earlier work is no longer current."""
        self.epoch += 1
        self.revision += 1
        self.scenario = scenario
        self.saved = scenario if saved else None
        self.path = path
        self._undo.clear()
        self._redo.clear()
        self._merge_key = None

    def open(self, path: str | Path) -> None:
        """Read a scenario file; ScenarioError (naming the field) or OSError propagates, changing nothing."""
        p = Path(path)
        self.replace(scenario_file.load(p), p)

    def save(self, path: str | Path | None = None) -> Path:
        """Write atomically to ``path`` or the current file; OSError/ScenarioError propagate."""
        if self.scenario is None:
            raise ValueError("no scenario to save")
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("no file name: use Save As")
        scenario_file.save(self.scenario, target)
        self.path = target
        self.saved = self.scenario
        return target

    def suggested_file_name(self) -> str:
        """What Save As proposes: the current file's name, else the scenario's name made a file name."""
        if self.path is not None:
            return self.path.name
        name = self.scenario.name if self.scenario is not None else ""
        safe = "".join(c if c.isalnum() or c in " -_." else " " for c in name).strip(" .")
        return f"{'-'.join(safe.split()) or 'scenario'}.coresat.toml"

    # -- edits and undo -------------------------------------------------------------------------

    def edit(self, scenario: Scenario, *, merge_key: str | None = None) -> bool:
        """Make ``scenario`` current; True when it changed anything. Consecutive edits with the same
        ``merge_key`` (one slider drag) form one undo step."""
        if self.scenario is None or scenario == self.scenario:
            return False
        if merge_key is None or merge_key != self._merge_key:
            self._undo.append(self.scenario)
            del self._undo[:-UNDO_LIMIT]
        self._merge_key = merge_key
        self._redo.clear()
        self._set(scenario)
        return True

    def end_merge(self) -> None:
        """The next edit starts a new undo step (a slider was released)."""
        self._merge_key = None

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> bool:
        if not self._undo or self.scenario is None:
            return False
        self._redo.append(self.scenario)
        self._merge_key = None
        self._set(self._undo.pop())
        return True

    def redo(self) -> bool:
        if not self._redo or self.scenario is None:
            return False
        self._undo.append(self.scenario)
        self._merge_key = None
        self._set(self._redo.pop())
        return True

    def _set(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.revision += 1
