"""The workspace: the open scenario, its undo/redo history, file path and dirty flag, the market data
and the latest result. Panels receive it and subscribe to its signals; they never talk to each other.

Solving: every edit asks for a new result. If no solve is running it starts at once (a slider feels
live); while one runs, further edits only mark a solve as pending, and the newest scenario is solved
when the running one returns — so a fast drag never queues up work, and an older answer can never
replace a newer one. Which answers are still wanted is decided in one place: every job carries the
document's ``Stamp`` (gui/document.py) and is checked against it when it returns.

The document itself (scenario, undo, dirty, file) is Qt-free in gui/document.py; this class is its Qt
adapter: it turns changes into signals and runs the engine work. Charts say what they need besides the
result (``set_wanted``); growth paths and the frontier are then computed from the result shown, never by
solving again.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QTimer, Signal

from engine.model.scenario import Scenario
from engine.result import RebalanceResult
from gui import network
from gui.document import UNDO_LIMIT, Document, Stamp
from gui.engine_calls import EngineCalls, Outcome, Paths, Problem, covers
from gui.runner import JobContext, Runner

if TYPE_CHECKING:
    from engine.market import MarketSnapshot

__all__ = ["UNDO_LIMIT", "Workspace", "market_key"]


def market_key(scenario: Scenario) -> tuple[object, ...]:
    """What the market data depends on: the tickers, the proxies standing in for some of them and the
    tickers left out of the risk model."""
    return (scenario.universe, scenario.data.proxies, scenario.data.exclude_from_risk)


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
        self.doc = Document()
        self.market: MarketSnapshot | None = None
        self.solves_held = False  # True while the app imports the optimizer after showing the window
        self.outcome: Outcome | None = None
        self.frontier: list[tuple[float, float]] | None = None
        self.force_demo = False
        self.want_frontier = False
        self.want_paths = True
        self._job_stamp: dict[int, Stamp] = {}  # generation -> the document state it was started for
        self._outcome_stamp: Stamp | None = None  # the state ``outcome`` was solved for
        self._paths_for: Stamp | None = None  # the outcome a paths job was started for
        self._solved_with_paths = False
        self._solving = False
        self._solve_pending = False
        self._market_job: int | None = None
        self._market_tried: tuple[object, ...] | None = None  # the market_key last asked for
        self.missing_history: tuple[str, ...] = ()  # tickers the last market load found no history for
        self._frontier_timer = QTimer(self)
        self._frontier_timer.setSingleShot(True)
        self._frontier_timer.setInterval(250)
        self._frontier_timer.timeout.connect(self._start_frontier)

    # -- document (gui/document.py holds it; these keep the panels' names) -------------------------

    @property
    def scenario(self) -> Scenario | None:
        return self.doc.scenario

    @property
    def saved(self) -> Scenario | None:
        return self.doc.saved

    @property
    def path(self) -> Path | None:
        return self.doc.path

    @property
    def dirty(self) -> bool:
        return self.doc.dirty

    @property
    def result(self) -> RebalanceResult | None:
        return self.outcome.result if self.outcome else None

    def set_document(self, scenario: Scenario, path: Path | None, *, saved: bool = True) -> None:
        """Replace the whole document (open, new): clears undo history, re-resolves market data."""
        self.doc.replace(scenario, path, saved=saved)
        self._document_replaced()

    def _document_replaced(self) -> None:
        scenario, path = self.doc.scenario, self.doc.path
        self.outcome = None
        self._outcome_stamp = None
        self.frontier = None
        self._solving = False
        self._solve_pending = False
        self._paths_for = None
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
        self.doc.open(path)
        self._document_replaced()

    def save(self, path: str | Path | None = None) -> Path:
        """Save atomically (to ``path`` or the current file); OSError/ScenarioError propagate."""
        target = self.doc.save(path)
        self.pathChanged.emit(str(target))
        self.dirtyChanged.emit(False)
        return target

    # -- edits and undo -------------------------------------------------------------------------

    def edit(self, scenario: Scenario, *, merge_key: str | None = None) -> None:
        """Make ``scenario`` current. Consecutive edits with the same ``merge_key`` (a slider drag)
        form one undo step."""
        was_dirty = self.dirty
        if self.doc.edit(scenario, merge_key=merge_key):
            self._changed(was_dirty)

    def end_merge(self) -> None:
        """The next edit starts a new undo step (call when a slider is released)."""
        self.doc.end_merge()

    def can_undo(self) -> bool:
        return self.doc.can_undo()

    def can_redo(self) -> bool:
        return self.doc.can_redo()

    def undo(self) -> None:
        was_dirty = self.dirty
        if self.doc.undo():
            self._changed(was_dirty)

    def redo(self) -> None:
        was_dirty = self.dirty
        if self.doc.redo():
            self._changed(was_dirty)

    def _changed(self, was_dirty: bool) -> None:
        scenario = self.doc.scenario
        self.scenarioChanged.emit(scenario)
        self.request_solve()
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
        self._market_tried = market_key(scenario)
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
        self._job_stamp[self._market_job] = self.doc.stamp()
        return self._market_job

    def import_prices(self, files: list[str]) -> int:
        """Import price CSV files into the price store in the background, then reload the market."""
        fn = self.engine.import_prices
        gen = self.runner.submit("import_prices", lambda _ctx: fn(list(files)))
        self._job_stamp[gen] = self.doc.stamp()
        return gen

    def cancel_market(self) -> None:
        self.runner.cancel("market")
        self._market_job = None

    # -- solving --------------------------------------------------------------------------------

    def request_solve(self) -> None:
        sc = self.scenario
        if sc is None:
            return
        if not covers(self.market, sc) and self._market_tried != market_key(sc):
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

    def load_engine(self, fn: Callable[[], object]) -> None:
        """Start-up: run ``fn`` (import the optimizer) on a worker thread while the window is built and the
        market data load; solves wait for it (``solves_held``) and start when it is done."""
        self.solves_held = True
        self.runner.submit("engine_import", lambda _ctx: fn())

    def release_solves(self) -> None:
        """End ``solves_held`` and run the solve that waited for it, if any."""
        self.solves_held = False
        if self._solve_pending:
            self.request_solve()

    def _start_solve(self, scenario: Scenario, market: MarketSnapshot) -> None:
        self._solving = True
        self._solve_pending = False
        engine, paths = self.engine, self.want_paths
        self._solved_with_paths = paths
        gen = self.runner.submit("solve", lambda _ctx: engine.solve(scenario, market, with_paths=paths))
        self._job_stamp[gen] = self.doc.stamp()

    def _start_frontier(self) -> None:
        fn = self.engine.frontier
        if fn is None or self.scenario is None or self.market is None or not self.want_frontier:
            return
        scenario, market = self.scenario, self.market
        gen = self.runner.submit("frontier", lambda _ctx: fn(scenario, market, points=12))
        self._job_stamp[gen] = self.doc.stamp()

    def set_wanted(self, *, paths: bool, frontier: bool) -> None:
        """What the chart on screen needs besides the result (growth paths, the frontier). What is missing
        is computed from the result shown, in the background; the solver is not run again."""
        self.want_paths = paths
        self.want_frontier = frontier
        if frontier and self.frontier is None:
            self._frontier_timer.start(0)
        out = self.outcome
        if paths and out is not None and out.result is not None and out.paths is None:
            self._start_paths(out)

    def set_want_frontier(self, want: bool) -> None:
        self.set_wanted(paths=self.want_paths, frontier=want)

    def _start_paths(self, outcome: Outcome) -> None:
        stamp = self._outcome_stamp
        if stamp is None or self._paths_for == stamp or self.market is None or outcome.result is None:
            return  # already asked for this outcome
        fn, market, result = self.engine.paths, self.market, outcome.result
        gen = self.runner.submit("paths", lambda _ctx: fn(market, result))
        self._paths_for = stamp
        self._job_stamp[gen] = stamp  # for the outcome shown, not the newest edit

    def _on_finished(self, kind: str, gen: int, value: object) -> None:
        stamp = self._job_stamp.pop(gen, None)
        same_document = stamp is not None and self.doc.same_document(stamp)
        if kind == "engine_import":
            self.release_solves()
            return
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
            if (
                not same_document
                or market_module is None
                or not isinstance(value, market_module.MarketSnapshot)
            ):
                return
            self.market = cast("MarketSnapshot", value)
            self.missing_history = ()
            self.marketChanged.emit(value)
            self._solve_pending = True  # solved now, or right after a solve still running
            self.request_solve()
        elif kind == "solve":
            if not same_document:
                return
            self._solving = False
            assert isinstance(value, Outcome)
            self.outcome = value
            self._outcome_stamp = stamp
            self.outcomeChanged.emit(value)
            if self.want_paths and not self._solved_with_paths and value.result is not None:
                self._start_paths(value)  # the growth chart came on screen while this solve ran
            if self._solve_pending:
                self.request_solve()
            else:
                if self.engine.frontier is not None:
                    self.frontier = None
                    if self.want_frontier:
                        self._frontier_timer.start()
                if stamp is not None and self.doc.is_current(stamp):
                    self.settled.emit()
        elif kind == "paths":
            out = self.outcome
            if out is not None and stamp is not None and stamp == self._outcome_stamp and out.paths is None:
                self.outcome = replace(out, paths=cast("Paths | None", value))
                self.outcomeChanged.emit(self.outcome)
                if self.doc.is_current(stamp) and not (self._solving or self._solve_pending):
                    self.settled.emit()
        elif kind == "frontier" and stamp is not None and self.doc.is_current(stamp):
            self.frontier = list(
                cast("list[tuple[float, float]]", value)
            )  # a sweep for an older edit is not shown
            self.frontierChanged.emit(self.frontier)

    def _on_failed(self, kind: str, gen: int, exc: object) -> None:
        stamp = self._job_stamp.pop(gen, None)
        current = stamp is not None and self.doc.same_document(stamp)
        if kind == "engine_import":  # the solve that waited says what is wrong
            self.release_solves()
            return
        if kind == "import_prices":
            self.pricesImportFailed.emit(str(exc) or type(exc).__name__)
            return
        if kind == "market":
            if gen == self._market_job:
                self._market_job = None
            if current:
                self.missing_history = tuple(getattr(exc, "tickers", ()))  # engine.data NoHistory
                self.marketProblem.emit(str(exc) or type(exc).__name__)
                self.settled.emit()
                if self.market is not None and self._solve_pending:
                    self.request_solve()
        elif kind == "solve" and current:
            self._solving = False
            assert self.scenario is not None
            self.outcome = Outcome(self.scenario, problem=Problem(f"unexpected error: {exc}"))
            self._outcome_stamp = self.doc.stamp()
            self.outcomeChanged.emit(self.outcome)
            if self._solve_pending:
                self.request_solve()
            else:
                self.settled.emit()

    def shutdown(self) -> None:
        self.runner.shutdown()
