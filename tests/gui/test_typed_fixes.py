"""Bugs mypy found in gui/ (each test fails on the code before the fix)."""

from __future__ import annotations

from dataclasses import replace

from engine.optimize.limit_id import LimitId, LimitKind
from engine.result import Infeasibility
from gui.engine_calls import Outcome


def test_targets_panel_marks_a_sleeve_bound_named_by_a_typed_limit_id(loaded, workspace) -> None:  # type: ignore[no-untyped-def]
    """``Infeasibility.conflicting`` may hold ``LimitId`` objects, not only names: the targets panel must
    still mark the sleeve whose bound conflicts (it called ``str.partition`` on the id and crashed)."""
    panel = loaded.targets
    result = workspace.result
    sleeve = workspace.scenario.targets.sleeves[0].name
    inf = Infeasibility(message="cannot hold", conflicting=(LimitId(LimitKind.SLEEVE_MIN, sleeve),))
    outcome = Outcome(scenario=workspace.scenario, result=replace(result, binding=(), infeasibility=inf))
    panel._on_outcome(outcome)
    assert f"sleeve:{sleeve}" in panel._binding
