"""The household problem's solver seam: the optimizer's one ``Stage`` (engine.optimize.stage), re-exported
for the household package (its first stage compares the household's trade only: which account takes a
tied trade is the second stage's to decide)."""

from __future__ import annotations

from engine.optimize.stage import FAST_CHECK_TOL, OK, Stage, solve_with_cvxpy

__all__ = ["FAST_CHECK_TOL", "OK", "Stage", "solve_with_cvxpy"]
