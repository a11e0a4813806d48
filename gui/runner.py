"""The one way the GUI runs engine work off the UI thread.

``Runner.submit(kind, fn)`` runs ``fn(ctx)`` on a QThreadPool worker and returns a generation number.
The answer comes back on the UI thread as ``finished(kind, generation, value)`` or
``failed(kind, generation, exception)``. Generations grow with every submit; an answer whose generation
is older than one already delivered for the same ``kind`` is stale and is dropped (``dropped`` says so,
for tests and diagnostics). Workers never touch widgets: ``fn`` gets only a ``JobContext`` through which
it may report progress and ask whether it was cancelled.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Protocol, cast

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QAbstractButton, QProgressBar


class JobContext:
    """Handed to the worker function: progress reporting and cancellation, thread-safe."""

    def __init__(self, runner: Runner, kind: str, generation: int) -> None:
        self._runner = runner
        self.kind = kind
        self.generation = generation
        self._cancel = threading.Event()

    def progress(self, message: str, fraction: float) -> None:
        self._runner._bridge.progress.emit(self.kind, self.generation, message, float(fraction))

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Bridge(QObject):
    """Lives on the UI thread; worker threads emit through it, so slots run on the UI thread."""

    result = Signal(str, int, object, bool)  # kind, generation, value or exception, ok
    progress = Signal(str, int, str, float)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[JobContext], Any], ctx: JobContext, bridge: _Bridge) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._ctx = ctx
        self._bridge = bridge

    def run(self) -> None:
        try:
            value = self._fn(self._ctx)
        except BaseException as exc:  # delivered to the UI thread, shown as a message there
            self._bridge.result.emit(self._ctx.kind, self._ctx.generation, exc, False)
        else:
            self._bridge.result.emit(self._ctx.kind, self._ctx.generation, value, True)


class Runner(QObject):
    finished = Signal(str, int, object)  # kind, generation, value
    failed = Signal(str, int, object)  # kind, generation, exception
    progress = Signal(str, int, str, float)  # kind, generation, message, fraction
    dropped = Signal(str, int)  # a stale answer was thrown away
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._bridge = _Bridge()
        self._bridge.result.connect(self._deliver)
        self._bridge.progress.connect(self.progress)
        self._generation = 0
        self._delivered: dict[str, int] = {}
        self._running: dict[int, JobContext] = {}

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def latest_generation(self) -> int:
        return self._generation

    def submit(self, kind: str, fn: Callable[[JobContext], Any]) -> int:
        self._generation += 1
        ctx = JobContext(self, kind, self._generation)
        was_busy = self.busy
        self._running[ctx.generation] = ctx
        self._pool.start(_Job(fn, ctx, self._bridge))
        if not was_busy:
            self.busyChanged.emit(True)
        return ctx.generation

    def cancel(self, kind: str | None = None) -> None:
        """Ask running jobs (of ``kind``, or all) to stop; their answers will be dropped."""
        for ctx in list(self._running.values()):
            if kind is None or ctx.kind == kind:
                ctx.cancel()

    def _deliver(self, kind: str, generation: int, value: object, ok: bool) -> None:
        ctx = self._running.pop(generation, None)
        if not self._running:
            self.busyChanged.emit(False)
        if (ctx is not None and ctx.cancelled()) or generation <= self._delivered.get(kind, 0):
            self.dropped.emit(kind, generation)
            return
        self._delivered[kind] = generation
        if ok:
            self.finished.emit(kind, generation, value)
        else:
            self.failed.emit(kind, generation, value)

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """Cancel everything and wait for the worker threads (window close, test teardown)."""
        self.cancel()
        return bool(self._pool.waitForDone(timeout_ms))


class _Panel(Protocol):
    """What a panel with its own runner provides (gui/panels/backtest.py, stress.py)."""

    def _finished(self, kind: str, generation: int, value: object) -> None: ...
    def _failed(self, kind: str, generation: int, exc: object) -> None: ...
    def _progress(self, kind: str, generation: int, message: str, fraction: float) -> None: ...
    def _dropped(self, kind: str, generation: int) -> None: ...
    def shutdown(self) -> None: ...


class RunControls:
    """The run / cancel buttons and progress bar a panel with its own runner shows (backtest, stress):
    mixed into the panel, which creates ``run_button``, ``cancel_button``, ``progress`` and keeps the
    generation of its current run in ``_job``."""

    run_button: QAbstractButton
    cancel_button: QAbstractButton
    progress: QProgressBar
    _job: int

    def _idle(self) -> None:
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setVisible(False)

    def _progress(self, kind: str, gen: int, message: str, fraction: float) -> None:
        if gen == self._job:
            self.progress.setValue(int(fraction * 1000))
            self.progress.setFormat(message)


def wire_runner(panel: QObject, *, max_threads: int = 1) -> Runner:
    """A private Runner for ``panel``: its answers, failures, progress and dropped (cancelled or stale)
    runs go to the panel's ``_finished``, ``_failed``, ``_progress`` and ``_dropped``, and the panel's
    ``shutdown`` runs when the application quits (so no worker outlives the window)."""
    from PySide6.QtCore import QCoreApplication

    p = cast(_Panel, panel)
    runner = Runner(panel, max_threads=max_threads)
    runner.finished.connect(p._finished)
    runner.failed.connect(p._failed)
    runner.progress.connect(p._progress)
    runner.dropped.connect(p._dropped)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(p.shutdown)
    return runner
