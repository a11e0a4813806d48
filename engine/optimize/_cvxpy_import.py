"""Import cvxpy without paying for scipy.stats at start-up.

cvxpy's package import runs ``from scipy.stats import entropy`` (for its quantum relative entropy atom,
which Coresat never uses), and importing scipy.stats costs about half a second — a third of the app's
cold start. While cvxpy itself is being imported, ``scipy.stats`` is a stand-in module whose ``entropy``
imports the real function on first call; the stand-in is removed as soon as cvxpy is in, so every later
``import scipy.stats`` gets the real module. A test checks both halves.
"""

from __future__ import annotations

import logging
import sys
import types
from typing import Any

log = logging.getLogger(__name__)


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
    imports the optimizer on its main thread for that reason). Any error in the trick (a new cvxpy or
    scipy layout) falls back to a plain ``import cvxpy``: start-up gets slower, nothing breaks."""
    if "cvxpy" in sys.modules or "scipy.stats" in sys.modules:
        return
    try:
        _import_with_stand_in()
    except Exception as exc:
        log.info("importing cvxpy without scipy.stats failed (%s); importing it plainly", exc)
        for name in [m for m in sys.modules if m == "cvxpy" or m.startswith("cvxpy.")]:
            del sys.modules[name]
        _drop_stand_in(None)
        import cvxpy  # noqa: F401


def _import_with_stand_in() -> None:
    stand_in = _StandIn("scipy.stats")
    stand_in.entropy = _entropy  # type: ignore[attr-defined]
    sys.modules["scipy.stats"] = stand_in
    try:
        import cvxpy  # noqa: F401
    finally:
        _drop_stand_in(stand_in)


def _drop_stand_in(stand_in: types.ModuleType | None) -> None:
    """Remove the stand-in (``None``: whatever stand-in is there) from sys.modules and scipy."""
    current = sys.modules.get("scipy.stats")
    if current is not None and (current is stand_in or isinstance(current, _StandIn)):
        del sys.modules["scipy.stats"]
    scipy = sys.modules.get("scipy")
    held = getattr(scipy, "__dict__", {}).get("stats") if scipy is not None else None
    if held is not None and (held is stand_in or isinstance(held, _StandIn)):
        del scipy.__dict__["stats"]
