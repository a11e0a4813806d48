"""Import cvxpy without paying for scipy.stats at start-up.

cvxpy's package import runs ``from scipy.stats import entropy`` (for its quantum relative entropy atom,
which Coresat never uses), and importing scipy.stats costs about half a second — a third of the app's
cold start. While cvxpy itself is being imported, ``scipy.stats`` is a stand-in module whose ``entropy``
imports the real function on first call; the stand-in is removed as soon as cvxpy is in, so every later
``import scipy.stats`` gets the real module. A test checks both halves.
"""

from __future__ import annotations

import sys
import types
from typing import Any


def _entropy(*args: Any, **kwargs: Any) -> Any:
    from scipy.stats import entropy

    return entropy(*args, **kwargs)


class _StandIn(types.ModuleType):
    """``scipy.stats`` while cvxpy imports: ``entropy`` is lazy; anything else (another thread reaching
    for scipy.stats in that moment) gets the real module, which then replaces the stand-in."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import machinery probing (__path__, __spec__...)
            raise AttributeError(name)
        if sys.modules.get("scipy.stats") is self:
            del sys.modules["scipy.stats"]
        import scipy.stats

        return getattr(scipy.stats, name)


def import_cvxpy() -> None:
    """Import cvxpy, skipping scipy.stats. Call it before starting threads that use the engine (the GUI
    imports the optimizer on its main thread for that reason)."""
    if "cvxpy" in sys.modules or "scipy.stats" in sys.modules:
        return
    stand_in = _StandIn("scipy.stats")
    stand_in.entropy = _entropy  # type: ignore[attr-defined]
    sys.modules["scipy.stats"] = stand_in
    try:
        import cvxpy  # noqa: F401
    finally:
        if sys.modules.get("scipy.stats") is stand_in:
            del sys.modules["scipy.stats"]
        scipy = sys.modules.get("scipy")
        if scipy is not None and getattr(scipy, "__dict__", {}).get("stats") is stand_in:
            del scipy.__dict__["stats"]
