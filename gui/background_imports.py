"""Import modules on a plain thread while the UI thread stays free (pyqtgraph, pandas, SQLAlchemy and the
modules of the tabs built after the first result: about 0.6 s of imports that would otherwise freeze the
window). The UI thread asks ``done`` from a timer and only then builds the widgets that need them — it
never joins the thread; a caller that needs a module at once simply imports it,
which waits only for that module.

Qt-free on purpose (like ``gui.engine_preload``): importing a module is plain Python; the widgets are
created later, on the UI thread.
"""

from __future__ import annotations

import gc
import importlib
import threading
from collections.abc import Sequence

_thread: threading.Thread | None = None
_failed: dict[str, BaseException] = {}
# The app sets this: before and after the imports, the objects alive are moved out of the garbage
# collector's reach (gc.freeze). The imports allocate enough to trigger a full collection, and a full
# collection over everything the app has loaded (cvxpy, pandas, Qt) holds the interpreter lock for 70 ms
# or more, on whichever thread triggers it: the UI thread could not run meanwhile.
freeze_gc = False


def _import_all(names: Sequence[str]) -> None:
    if freeze_gc:
        gc.freeze()
    for name in names:
        try:
            importlib.import_module(name)
        except BaseException as exc:  # the UI thread imports it again and sees the error where it is used
            _failed[name] = exc
    if freeze_gc:
        gc.freeze()


def start(names: Sequence[str]) -> None:
    """Begin importing ``names`` in order on one daemon thread (once)."""
    global _thread
    if _thread is None:
        _thread = threading.Thread(
            target=_import_all, args=(tuple(names),), name="coresat-imports", daemon=True
        )
        _thread.start()


def done() -> bool:
    """True when the imports have finished (or were never started)."""
    return _thread is None or not _thread.is_alive()
