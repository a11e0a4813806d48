"""Start importing the optimizer (cvxpy, about 0.6 s) the moment the app knows it will open a window, on a
plain thread, before PySide6 and the GUI modules are imported; the first solve waits for it (``wait``).

Qt-free on purpose: ``gui.launch`` calls ``start`` before anything imports Qt.
"""

from __future__ import annotations

import sys
import threading

_thread: threading.Thread | None = None
_error: BaseException | None = None


def _import() -> None:
    global _error
    try:
        import engine.optimize  # noqa: F401  (cvxpy without scipy.stats: engine/optimize/_cvxpy_import.py)
    except BaseException as exc:  # the solve that waits reports it
        _error = exc


def start() -> None:
    """Begin the import on its own thread (once; nothing when it is already imported)."""
    global _thread
    if _thread is None and "engine.optimize" not in sys.modules:
        _thread = threading.Thread(target=_import, name="coresat-engine-import", daemon=True)
        _thread.start()


def wait() -> None:
    """The optimizer is imported when this returns (imports it here if ``start`` was not called)."""
    start()
    if _thread is not None:
        _thread.join()
    if _error is not None:
        raise _error
    import engine.optimize  # noqa: F401  (already in: a dictionary lookup)
