"""The workspace model and the background runner: undo/redo, stale results, files."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest

from engine.model import scenario_file
from gui import edits
from gui.runner import Runner
from tests.gui.builders import twelve_asset_scenario


def test_a_stale_result_is_dropped(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = Runner()
    release_old = threading.Event()
    delivered: list[tuple[int, object]] = []
    runner.finished.connect(lambda _k, g, v: delivered.append((g, v)))

    def slow(_ctx):  # type: ignore[no-untyped-def]
        release_old.wait(10)
        return "old"

    old = runner.submit("solve", slow)
    with qtbot.waitSignal(runner.finished, timeout=5000):
        new = runner.submit("solve", lambda _ctx: "new")
    assert new > old
    with qtbot.waitSignal(runner.dropped, timeout=5000) as dropped:
        release_old.set()
    assert dropped.args == ["solve", old]
    assert delivered == [(new, "new")]
    assert runner.shutdown()


def test_worker_errors_arrive_as_signals(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = Runner()

    def boom(_ctx):  # type: ignore[no-untyped-def]
        raise ValueError("bad input")

    with qtbot.waitSignal(runner.failed, timeout=5000) as failed:
        runner.submit("solve", boom)
    assert isinstance(failed.args[2], ValueError)
    assert runner.shutdown()


def test_undo_redo_and_slider_drags_merge(workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    sc = twelve_asset_scenario()
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        workspace.set_document(sc, None)
    assert not workspace.can_undo() and not workspace.dirty
    for w in (0.61, 0.62, 0.65):  # one drag
        workspace.edit(edits.set_core_weight(workspace.scenario, w), merge_key="sleeve:Core")
    workspace.end_merge()
    workspace.edit(edits.set_cash(workspace.scenario, 10.0))
    assert workspace.dirty
    workspace.undo()
    assert workspace.scenario.portfolio.cash == sc.portfolio.cash
    assert workspace.scenario.targets.core.weight == pytest.approx(0.65)
    workspace.undo()
    assert workspace.scenario == sc and not workspace.dirty
    assert not workspace.can_undo()
    workspace.redo()
    assert workspace.scenario.targets.core.weight == pytest.approx(0.65)
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        workspace.redo()
    assert workspace.outcome.scenario == workspace.scenario


def test_open_edit_save_reopen_round_trips(workspace, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "client.coresat.toml"
    scenario_file.save(twelve_asset_scenario(), path)
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        workspace.open(path)
    edited = edits.set_constraints(
        edits.set_core_weight(workspace.scenario, 0.75), vol_cap=0.2, min_trade=150.0
    )
    workspace.edit(edited)
    assert workspace.dirty
    workspace.save()
    assert not workspace.dirty
    again = scenario_file.load(path)
    assert again.targets.core.weight == pytest.approx(0.75)
    assert again.constraints.vol_cap == pytest.approx(0.2)
    assert again.constraints.min_trade == pytest.approx(150.0)
    assert again == scenario_file.loads(scenario_file.dumps(workspace.scenario))


def test_opening_another_document_while_data_loads(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui.engine_calls import EngineCalls
    from gui.workspace import Workspace
    from tests.gui.builders import market_with_history

    gate = threading.Event()
    snap = market_with_history(with_history=False)

    def resolve(scenario, **_kw):  # type: ignore[no-untyped-def]
        if scenario.name == "first":
            gate.wait(10)
        return snap

    ws = Workspace(EngineCalls(resolve_market=resolve))
    first = replace(twelve_asset_scenario(), name="first")
    second = replace(twelve_asset_scenario(), name="second")
    ws.set_document(first, None)
    with qtbot.waitSignal(ws.settled, timeout=20000):
        ws.set_document(second, None)
    assert ws.outcome.scenario.name == "second" and ws.result is not None
    gate.set()
    assert ws.runner.shutdown()
    assert ws.outcome.scenario.name == "second"


def test_showing_the_growth_chart_fetches_paths_without_solving_again(loaded, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Chart tabs do not drive the solver: the growth paths come from the result already shown."""
    kinds: list[str] = []
    submit = workspace.runner.submit

    def counting(kind, fn):  # type: ignore[no-untyped-def]
        kinds.append(kind)
        return submit(kind, fn)

    workspace.runner.submit = counting
    shown = workspace.outcome
    assert shown.paths is None  # the allocation tab was on screen: no paths yet
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        loaded.charts.setCurrentWidget(loaded.charts.growth)
    assert kinds == ["paths"]
    assert workspace.outcome.result is shown.result and workspace.outcome.paths is not None
