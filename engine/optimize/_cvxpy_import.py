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


def import_cvxpy() -> None:
    if "cvxpy" in sys.modules or "scipy.stats" in sys.modules:
        return
    stand_in = types.ModuleType("scipy.stats")
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
