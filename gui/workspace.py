"""The workspace: the open scenario, its undo/redo history, file path and dirty flag, the market data
and the latest result. Panels receive it and subscribe to its signals; they never talk to each other.

Solving: every edit asks for a new result. If no solve is running it starts at once (a slider feels
live); while one runs, further edits only mark a solve as pending, and the newest scenario is solved
when the running one returns — so a fast drag never queues up work, and an older answer can never
replace a newer one (the runner drops stale generations; results of a previous document are ignored).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QTimer, Signal

from engine.model import scenario_file
from engine.model.scenario import Scenario
from engine.result import RebalanceResult
from gui import network
from gui.engine_calls import EngineCalls, Outcome, Problem, covers
from gui.runner import JobContext, Runner

if TYPE_CHECKING:
    from engine.market import MarketSnapshot

UNDO_LIMIT = 200


class Workspace(QObject):
    scenarioChanged = Signal(object)  # Scenario
    outcomeChanged = Signal(object)  # Outcome (result or problem) for the current scenario
    marketChanged = Signal(object)  # MarketSnapshot | None
    marketProblem = Signal(str)
    marketProgress = Signal(str, float)
    frontierChanged = Signal(object)  # list[(vol, tracking error)] | None
    dirtyChanged = Signal(bool)
    pathChanged = Signal(str)
    undoChanged = Signal()
    busyChanged = Signal(bool)
    pricesImported = Signal(object)  # the engine's PriceFile records
    pricesImportFailed = Signal(str)
    settled = Signal()  # the shown outcome belongs to the current scenario and nothing is pending

    def __init__(self, engine: EngineCalls | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine or EngineCalls()
        self.runner = Runner(self)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.progress.connect(lambda _k, _g, msg, frac: self.marketProgress.emit(msg, frac))
        self.runner.busyChanged.connect(self.busyChanged)
        self.scenario: Scenario | None = None
        self.saved: Scenario | None = None
        self.path: Path | None = None
        self.market: MarketSnapshot | None = None
        self.solves_held = False  # True while the app imports the optimizer after showing the window
        self.outcome: Outcome | None = None
        self.frontier: list[tuple[float, float]] | None = None
        self.force_demo = False
        self.want_frontier = False
        self.want_paths = True
        self._undo: list[Scenario] = []
        self._redo: list[Scenario] = []
        self._merge_key: str | None = None
        self._epoch = 0  # bumps when another document is opened; older answers are ignored
        self._job_epoch: dict[int, int] = {}
        self._solving = False
        self._solve_pending = False
        self._market_job: int | None = None
        self._market_tried: tuple[str, ...] | None = None
        self._frontier_timer = QTimer(self)
        self._frontier_timer.setSingleShot(True)
        self._frontier_timer.setInterval(250)
        self._frontier_timer.timeout.connect(self._start_frontier)

    # -- document -------------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self.scenario is not None and self.scenario != self.saved

    @property
    def result(self) -> RebalanceResult | None:
        return self.outcome.result if self.outcome else None

    def set_document(self, scenario: Scenario, path: Path | None, *, saved: bool = True) -> None:
        """Replace the whole document (open, new): clears undo history, re-resolves market data."""
        self._epoch += 1
        self.scenario = scenario
        self.saved = scenario if saved else None
        self.path = path
        self._undo.clear()
        self._redo.clear()
        self._merge_key = None
        self.outcome = None
        self.frontier = None
        self._solving = False
        self._solve_pending = False
        if self._market_job is not None:  # data for the previous document is no longer wanted
            self.runner.cancel("market")
            self._market_job = None
        self.market = None
        self._market_tried = None
        self.scenarioChanged.emit(scenario)
        self.pathChanged.emit(str(path) if path else "")
        self.dirtyChanged.emit(self.dirty)
        self.undoChanged.emit()
        self.request_solve()

    def open(self, path: str | Path) -> None:
        """Load a scenario file; ScenarioError (naming the field) propagates to the caller."""
        p = Path(path)
        self.set_document(scenario_file.load(p), p)

    def save(self, path: str | Path | None = None) -> Path:
        """Save atomically (to ``path`` or the current file); OSError/ScenarioError propagate."""
        assert self.scenario is not None
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("no file name: use Save As")
        scenario_file.save(self.scenario, target)
        self.path = target
        self.saved = self.scenario
        self.pathChanged.emit(str(target))
        self.dirtyChanged.emit(False)
        return target

    # -- edits and undo -------------------------------------------------------------------------

    def edit(self, scenario: Scenario, *, merge_key: str | None = None) -> None:
        """Make ``scenario`` current. Consecutive edits with the same ``merge_key`` (a slider drag)
        form one undo step."""
        if self.scenario is None or scenario == self.scenario:
            return
        if merge_key is None or merge_key != self._merge_key:
            self._undo.append(self.scenario)
            del self._undo[:-UNDO_LIMIT]
        self._merge_key = merge_key
        self._redo.clear()
        self._apply(scenario)

    def end_merge(self) -> None:
        """The next edit starts a new undo step (call when a slider is released)."""
        self._merge_key = None

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> None:
        if self._undo and self.scenario is not None:
            self._redo.append(self.scenario)
            self._merge_key = None
            self._apply(self._undo.pop())

    def redo(self) -> None:
        if self._redo and self.scenario is not None:
            self._undo.append(self.scenario)
            self._merge_key = None
            self._apply(self._redo.pop())

    def _apply(self, scenario: Scenario) -> None:
        was_dirty = self.dirty
        self.scenario = scenario
        self.request_solve()  # first, so the solve runs while the panels catch up
        self.scenarioChanged.emit(scenario)
        self.undoChanged.emit()
        if self.dirty != was_dirty:
            self.dirtyChanged.emit(self.dirty)

    # -- market data ----------------------------------------------------------------------------

    def refresh_market(self, *, force_demo: bool | None = None, online: bool = False) -> int:
        """Re-resolve market data in the background (progress via ``marketProgress``, cancellable).
        ``online``: download fresh prices from Yahoo into the price store first (Refresh Prices)."""
        if force_demo is not None:
            self.force_demo = force_demo
        assert self.scenario is not None
        scenario, demo = self.scenario, self.force_demo
        if online:
            scenario = replace(scenario, data=replace(scenario.data, source="yahoo"))
            demo = False
        self._market_tried = scenario.universe
        resolve, is_online = self.engine.resolve_market, self.engine.online

        def job(ctx: JobContext) -> MarketSnapshot:
            try:
                return resolve(scenario, force_demo=demo, progress=ctx.progress, cancel=ctx.cancelled)
            except Exception as exc:
                # a download that failed for every ticker is often no connection at all: say that
                if online and not ctx.cancelled() and not is_online():
                    raise network.NoConnection(network.NO_CONNECTION) from exc
                raise

        self._market_job = self.runner.submit("market", job)
        self._job_epoch[self._market_job] = self._epoch
        return self._market_job

    def import_prices(self, files: list[str]) -> int:
        """Import price CSV files into the price store in the background, then reload the market."""
        fn = self.engine.import_prices
        gen = self.runner.submit("import_prices", lambda _ctx: fn(list(files)))
        self._job_epoch[gen] = self._epoch
        return gen

    def cancel_market(self) -> None:
        self.runner.cancel("market")
        self._market_job = None

    # -- solving --------------------------------------------------------------------------------

    def request_solve(self) -> None:
        sc = self.scenario
        if sc is None:
            return
        if not covers(self.market, sc) and self._market_tried != sc.universe:
            if self._market_job is None:
                self.refresh_market()
            self._solve_pending = True
            return
        if self._solving or self._market_job is not None:
            self._solve_pending = True
            return
        if self.market is None:
            return  # market data failed; marketProblem has said why
        if self.solves_held:  # start-up: the optimizer is still being imported on the main thread
            self._solve_pending = True
            return
        self._start_solve(sc, self.market)

    def release_solves(self) -> None:
        """End ``solves_held`` and run the solve that waited for it, if any."""
        self.solves_held = False
        if self._solve_pending:
            self.request_solve()

    def _start_solve(self, scenario: Scenario, market: MarketSnapshot) -> None:
        self._solving = True
        self._solve_pending = False
        engine, paths = self.engine, self.want_paths
        gen = self.runner.submit("solve", lambda _ctx: engine.solve(scenario, market, with_paths=paths))
        self._job_epoch[gen] = self._epoch

    def _start_frontier(self) -> None:
        fn = self.engine.frontier
        if fn is None or self.scenario is None or self.market is None or not self.want_frontier:
            return
        scenario, market = self.scenario, self.market
        gen = self.runner.submit("frontier", lambda _ctx: (scenario, fn(scenario, market, points=12)))
        self._job_epoch[gen] = self._epoch

    def set_want_frontier(self, want: bool) -> None:
        self.want_frontier = want
        if want and self.frontier is None:
            self._frontier_timer.start(0)

    def _on_finished(self, kind: str, gen: int, value: object) -> None:
        current = self._job_epoch.pop(gen, None) == self._epoch
        if kind == "import_prices":
            self.pricesImported.emit(value)
            if self.scenario is not None:
                self._market_tried = ()
                self.refresh_market()
            return
        if kind == "market":
            if gen == self._market_job:
                self._market_job = None
            market_module = sys.modules.get("engine.market")  # imported by whoever made the snapshot
            if not current or market_module is None or not isinstance(value, market_module.MarketSnapshot):
                return
            self.market = cast("MarketSnapshot", value)
            self.marketChanged.emit(value)
            self._solve_pending = True  # solved now, or right after a solve still running
            self.request_solve()
        elif kind == "solve":
            if not current:
                return
            self._solving = False
            assert isinstance(value, Outcome)
            self.outcome = value
            self.outcomeChanged.emit(value)
            if self._solve_pending:
                self.request_solve()
            else:
                if self.engine.frontier is not None:
                    self.frontier = None
                    if self.want_frontier:
                        self._frontier_timer.start()
                if value.scenario == self.scenario:
                    self.settled.emit()
        elif kind == "frontier" and current:
            scenario, points = cast("tuple[Scenario, list[tuple[float, float]]]", value)
            if scenario == self.scenario:  # a sweep for an older edit is not shown
                self.frontier = list(points)
                self.frontierChanged.emit(self.frontier)

    def _on_failed(self, kind: str, gen: int, exc: object) -> None:
        current = self._job_epoch.pop(gen, None) == self._epoch
        if kind == "import_prices":
            self.pricesImportFailed.emit(str(exc) or type(exc).__name__)
            return
        if kind == "market":
            if gen == self._market_job:
                self._market_job = None
            if current:
                self.marketProblem.emit(str(exc) or type(exc).__name__)
                self.settled.emit()
                if self.market is not None and self._solve_pending:
                    self.request_solve()
        elif kind == "solve" and current:
            self._solving = False
            assert self.scenario is not None
            self.outcome = Outcome(self.scenario, problem=Problem(f"unexpected error: {exc}"))
            self.outcomeChanged.emit(self.outcome)
            if self._solve_pending:
                self.request_solve()
            else:
                self.settled.emit()

    def shutdown(self) -> None:
        self.runner.shutdown()
