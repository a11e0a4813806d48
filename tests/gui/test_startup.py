"""Cold start: the window comes up before pandas and pyqtgraph are imported, the optimizer (cvxpy) is imported
on a worker thread meanwhile (never on the UI thread), and the charts are built once the first result is
there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]

SHOWN = """
import sys, threading
import gui.app
from gui.app import build, create_app
main, importers = threading.get_ident(), []
real_import = gui.app.import_engine
gui.app.import_engine = lambda: (importers.append(threading.get_ident()), real_import())
app = create_app()
window, ws = build("light", demo=True, import_optimizer=False)
window.show()
app.processEvents()
print("LOADED", ",".join(m for m in ("pandas", "pyqtgraph") if m in sys.modules))
ws.shutdown()  # waits for the worker
print("OPTIMIZER", "cvxpy" in sys.modules, importers and all(t != main for t in importers))
"""


def test_window_shows_before_the_heavy_imports(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "CORESAT_CONFIG_DIR": str(tmp_path),
    }
    out = subprocess.run(
        [sys.executable, "-c", SHOWN],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
        check=True,
    )
    line = next(x for x in out.stdout.splitlines() if x.startswith("LOADED"))
    assert line.strip() == "LOADED", line
    assert "OPTIMIZER True True" in out.stdout, out.stdout  # imported, and on a worker thread


def test_charts_are_built_after_the_first_result(window, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.builders import twelve_asset_scenario

    assert not window.charts.built
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        workspace.set_document(twelve_asset_scenario(), None)
    qtbot.waitUntil(lambda: window.charts.built, timeout=5000)
    qtbot.waitUntil(lambda: len(window.charts.allocation.labels) > 0, timeout=5000)
    r = workspace.result
    assert window.charts.allocation.labels == [a.ticker for a in r.assets]


def test_the_charts_and_tabs_are_built_one_per_pass_of_the_event_loop(window, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The UI thread never waits: between two charts (or tabs) being built, the event loop runs (here a 0 ms
    timer counts its passes), so the user's clicks and repaints get through."""
    from PySide6.QtCore import QTimer

    from tests.gui.builders import twelve_asset_scenario

    charts = window.charts
    seen: list[tuple[int, int]] = []  # (views built, tabs) at each pass of the event loop
    ticker = QTimer()
    ticker.setInterval(0)
    ticker.timeout.connect(lambda: seen.append((len(charts._views), charts.count())))
    ticker.start()
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        workspace.set_document(twelve_asset_scenario(), None)
    qtbot.waitUntil(lambda: charts.built, timeout=10000)
    ticker.stop()
    states = list(dict.fromkeys(seen))  # the distinct states, in order
    views = [v for v, _tabs in states]
    assert views == sorted(views) and views[-1] == 5
    assert [v for v in range(6) if v in views] == list(range(6)), states  # 0, 1, ..., 5 views: one at a time
    assert len({tabs for _v, tabs in states if _v == 5}) >= 3, states  # the other tabs too, one at a time
    assert window.exposure is window._more_tabs["exposure"]  # all there, nothing built twice
    assert charts.count() == 9


PRELOAD = """
import sys, threading
from gui import engine_preload
engine_preload.start()
started = [t.name for t in threading.enumerate()]
engine_preload.wait()
print("PRELOAD", "coresat-engine-import" in started, "cvxpy" in sys.modules, "PySide6" in sys.modules)
"""


def test_the_optimizer_import_starts_on_its_own_thread_before_qt(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CORESAT_CONFIG_DIR": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", PRELOAD],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
        check=True,
    )
    assert "PRELOAD True True False" in out.stdout, out.stdout + out.stderr  # Qt-free, imported on its thread
