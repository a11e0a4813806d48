"""GUI benchmark (a script, not a timed test): drives the real widgets in-process, offscreen.

1. Slider → result on screen: move the core slider of a 12-asset scenario, wait until the new trades
   table, headline figures and the visible chart have been updated and painted; median over many moves.
   Target ≤ 8 ms median, ≤ 16 ms p90. Reported next to it: the engine's own solve time, the worker job's
   wall time (validation + solve, on the worker thread), the GUI's part (the move's wall time minus the
   worker job: hand-off, delivery, table/label/chart updates, painting), the CPU time the move costs (all
   threads) and the UI thread's own CPU time (the GUI's work; unlike wall time, hardly affected by other
   programs on a busy machine), and how many times per move the window was painted (its UpdateRequest
   events: 2 when the slider and the result are each painted once, 1 when they come together).
2. Cold start → first result: a fresh interpreter that imports the app, builds the window, opens the
   bundled example on the simulated demo data and shows the first result (the trades panel painted with
   it, not just the answer delivered). Target ≤ 1.5 s. Then, until the charts, the other tabs and the lazily
   added menus are built (and 0.5 s more), a 5 ms heartbeat timer on the UI thread records the longest gap
   between two beats: the longest time the UI thread could not answer the user (target ≤ ~50 ms).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py [--moves 60]
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

T_PROCESS = time.perf_counter()
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _isolate_settings() -> None:
    import tempfile

    os.environ.setdefault("CORESAT_CONFIG_DIR", tempfile.mkdtemp(prefix="coresat-bench-"))


def _p90(xs: list[float]) -> float:
    return sorted(xs)[int(0.9 * len(xs))]


def slider_bench(moves: int) -> dict[str, float]:
    _isolate_settings()
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from gui import theme
    from gui.mainwindow import MainWindow
    from gui.panels import charts
    from gui.workspace import Workspace
    from tests.gui.builders import fake_engine, twelve_asset_scenario

    app = QApplication.instance() or QApplication([])
    theme.apply(app, dark=False)  # type: ignore[arg-type]
    charts.configure()
    engine = fake_engine()
    job: dict[str, float] = {}
    solve = engine.solve

    def timed_solve(*args: Any, **kwargs: Any) -> Any:  # the worker's share of a move, timed on the worker
        t = time.perf_counter()
        try:
            return solve(*args, **kwargs)
        finally:
            job["worker"] = time.perf_counter() - t

    engine.solve = timed_solve  # type: ignore[method-assign]
    ws = Workspace(engine)
    window = MainWindow(ws)
    window.ask_before_discard = False
    window.resize(1480, 900)
    window.show()

    def wait_settled() -> None:
        loop = QEventLoop()
        ws.settled.connect(loop.quit)
        loop.exec()
        ws.settled.disconnect(loop.quit)

    passes = _paint_passes()
    window.installEventFilter(passes)
    ws.set_document(twelve_asset_scenario(), None)
    wait_settled()
    app.processEvents()
    slider = window.targets.controls["Core"].slider
    latencies: list[float] = []
    cpu: list[float] = []  # CPU time of all threads per move: what the move costs, whatever the load
    solves: list[float] = []
    workers: list[float] = []
    ui_cpu: list[float] = []  # CPU time of the UI thread alone: the GUI's own work per move
    n_passes: list[int] = []  # times the window was painted per move (the slider, the result, and any extra)
    values = [500 + (i * 37) % 300 for i in range(moves + 5)]
    for i, v in enumerate(values):
        if v == slider.value():
            v += 1
        job.clear()
        passes.count = 0
        t0, c0, u0 = time.perf_counter(), time.process_time(), time.thread_time()
        slider.setValue(v)
        wait_settled()
        app.processEvents()  # the queued repaints of the table, figures and chart happen here
        app.processEvents()  # and those they queue in turn (a table's delayed layout repaints its rows)
        dt = time.perf_counter() - t0
        dc = time.process_time() - c0
        du = time.thread_time() - u0
        assert ws.result is not None and ws.outcome is not None and ws.outcome.scenario == ws.scenario
        if i >= 5:  # warm-up
            latencies.append(dt)
            cpu.append(dc)
            solves.append(ws.result.solve_seconds)
            workers.append(job["worker"])
            ui_cpu.append(du)
            n_passes.append(passes.count)
    ws.shutdown()
    window.close()
    gui_part = [t - w for t, w in zip(latencies, workers, strict=True)]
    return {
        "worker_median_ms": statistics.median(workers) * 1000,
        "gui_median_ms": statistics.median(gui_part) * 1000,
        "gui_p90_ms": _p90(gui_part) * 1000,
        "ui_cpu_median_ms": statistics.median(ui_cpu) * 1000,
        "median_ms": statistics.median(latencies) * 1000,
        "p90_ms": _p90(latencies) * 1000,
        "engine_median_ms": statistics.median(solves) * 1000,
        "cpu_median_ms": statistics.median(cpu) * 1000,
        "cpu_p90_ms": _p90(cpu) * 1000,
        "n_assets": float(len(ws.scenario.universe)) if ws.scenario else 0.0,
        "passes_mean": statistics.mean(n_passes),
    }


def _paint_passes() -> Any:
    """Counts the window's paint passes (its UpdateRequest events: each repaints whatever is dirty)."""
    from PySide6.QtCore import QEvent, QObject

    class PaintPasses(QObject):
        count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.UpdateRequest:
                self.count += 1
            return False

    return PaintPasses()


def cold_child() -> None:
    """Runs in a fresh interpreter: import, build, open the bundled example on demo data, first result."""
    _isolate_settings()
    from gui import engine_preload

    engine_preload.start()  # as gui.launch does before importing Qt
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

    from gui.app import build, create_app, start

    app = create_app()
    window, ws = build("light", demo=True, import_optimizer=False)
    loop = QEventLoop()
    got: dict[str, str] = {}
    times: dict[str, float] = {}

    class OnScreen(QObject):
        """The first result counts when the trades panel showing it has been painted."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "r" in got and "painted" not in times:
                times["painted"] = time.perf_counter()
                times["painted_wall"] = time.time()
                times["cpu"] = time.process_time()
                got["heavy"] = ",".join(m for m in ("pandas", "pyqtgraph", "sqlalchemy") if m in sys.modules)
                heartbeat.start()  # from here on: how long the UI thread is away while the rest is built
            return False

    on_screen = OnScreen()
    window.result.status.installEventFilter(on_screen)
    beats: list[float] = []  # perf_counter of each heartbeat after the first result was painted
    heartbeat = QTimer()
    heartbeat.setInterval(5)

    def beat() -> None:
        now = time.perf_counter()
        if not beats:
            beats.append(times["painted"])
        beats.append(now)
        if "built" not in times and _all_built(window):
            times["built"] = now
        if ("built" in times and now - times["built"] > 0.5) or now - times["painted"] > 15:
            heartbeat.stop()
            loop.quit()

    heartbeat.timeout.connect(beat)

    def outcome(o: Any) -> None:
        got.setdefault("r", "result" if o.result else f"problem: {o.problem}")
        times.setdefault("outcome", time.perf_counter())

    ws.outcomeChanged.connect(outcome)
    ws.marketProblem.connect(lambda m: (got.setdefault("r", f"market problem: {m}"), loop.quit()))
    QTimer.singleShot(30_000, loop.quit)
    start(app, window, ws, None, lambda t: times.setdefault("shown", t - T_PROCESS))  # what `coresat` does
    loop.exec()
    elapsed = times.get("painted", time.perf_counter()) - T_PROCESS
    shown = times.get("shown", float("nan"))
    heavy = got.get("heavy", "")
    cpu = times.get("cpu", time.process_time())
    solved = times.get("outcome", float("nan")) - T_PROCESS
    launched = float(os.environ.get("CORESAT_BENCH_LAUNCH", "nan"))  # the parent's clock when it started us
    from_launch = times.get("painted_wall", float("nan")) - launched
    gaps = sorted((b - a for a, b in itertools.pairwise(beats)), reverse=True)
    built = times.get("built", float("nan")) - times.get("painted", float("nan"))
    print(
        f"STALL {gaps[0] if gaps else float('nan'):.4f} {built:.4f} "
        + ",".join(f"{g * 1000:.0f}" for g in gaps[:6]),
        flush=True,
    )
    print(
        f"FIRST {from_launch:.4f} {elapsed:.4f} {got.get('r', 'timeout')} (window shown at {shown:.2f} s, result delivered at "
        f"{solved:.2f} s, painted at {elapsed:.2f} s; process CPU {cpu:.2f} s; loaded by then: {heavy})",
        flush=True,
    )
    ws.shutdown()


def _all_built(window: Any) -> bool:
    """The charts, the other tabs and the lazily added menus are all there."""
    return bool(window.charts.built and window._more_tabs and window._book_menu is not None)


def cold_bench(runs: int) -> dict[str, object]:
    """Per run: launch → first result painted (the child's wall clock against the launch time we pass it),
    the same inside the process (from its first line), and launch → the process has exited."""
    times, inner, first, what = [], [], [], ""
    stalls: list[float] = []
    builds: list[float] = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = subprocess.run(
            [sys.executable, __file__, "--cold-child"],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "CORESAT_BENCH_LAUNCH": repr(time.time())},
        )
        line = next((x for x in out.stdout.splitlines() if x.startswith("FIRST ")), None)
        if line is None:
            raise SystemExit(f"cold start child failed:\n{out.stderr[-2000:]}")
        times.append(time.perf_counter() - t0)
        stall = next(x for x in out.stdout.splitlines() if x.startswith("STALL ")).split()
        stalls.append(float(stall[1]))
        builds.append(float(stall[2]))
        _, launch_secs, secs, what = line.split(" ", 3)
        first.append(float(launch_secs))
        inner.append(float(secs))
    return {
        "first_median_s": statistics.median(first),
        "first_runs": " ".join(f"{x:.2f}" for x in first),
        "exit_median_s": statistics.median(times),
        "in_process_median_s": statistics.median(inner),
        "first": what,
        "stall_max_ms": max(stalls) * 1000,
        "stall_runs": " ".join(f"{x * 1000:.0f}" for x in stalls),
        "built_median_s": statistics.median(builds),
    }


def _report_slider(s: dict[str, float]) -> None:
    print(
        f"slider -> trades+charts on screen, {s['n_assets']:.0f} assets: median {s['median_ms']:.1f} ms, "
        f"p90 {s['p90_ms']:.1f} ms (engine solve median {s['engine_median_ms']:.1f} ms; target <= 8 ms median, "
        f"<= 16 ms p90); CPU per move median {s['cpu_median_ms']:.1f} ms, p90 {s['cpu_p90_ms']:.1f} ms"
    )
    print(
        f"  of which engine (worker job: validate + solve) median {s['worker_median_ms']:.1f} ms; GUI part "
        f"(wall minus worker job) median {s['gui_median_ms']:.1f} ms, p90 {s['gui_p90_ms']:.1f} ms; "
        f"UI-thread CPU per move median {s['ui_cpu_median_ms']:.1f} ms; window paint passes per move "
        f"{s['passes_mean']:.2f}; load {os.getloadavg()[0]:.2f}"
    )


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--moves", type=int, default=60)
    p.add_argument("--cold-runs", type=int, default=3)
    p.add_argument("--cold-child", action="store_true", help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.cold_child:
        cold_child()
        return
    if a.moves > 0:
        _report_slider(slider_bench(a.moves))
    if a.cold_runs <= 0:
        return
    c = cold_bench(a.cold_runs)
    print(
        f"cold start -> first result painted (bundled example, demo data): median {c['first_median_s']:.2f} s "
        f"wall from launch (runs {c['first_runs']}; {c['in_process_median_s']:.2f} s from the process's first "
        f"line; target <= 1.5 s); launch -> process exited {c['exit_median_s']:.2f} s; load "
        f"{os.getloadavg()[0]:.2f} [{c['first']}]"
    )
    print(
        f"after the first result: the charts, other tabs and menus built {c['built_median_s']:.2f} s later "
        f"(median); longest UI-thread stall meanwhile (5 ms heartbeat) {c['stall_max_ms']:.0f} ms "
        f"(runs: {c['stall_runs']} ms; target <= ~50 ms)"
    )


if __name__ == "__main__":
    main()
