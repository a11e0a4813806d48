"""Named error classes. Every message is meant to be read by a user: what is wrong, what to change."""

from __future__ import annotations


class CoresatError(Exception):
    """Base class of every error the engine raises on purpose."""


class ScenarioError(CoresatError):
    """A scenario (file or in-memory) is malformed or inconsistent.

    ``field`` names the offending field as a dotted path (``targets.sleeves[1].weight_pct``).
    """

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}" if field else problem)


class DataError(CoresatError):
    """Market data is missing or unusable (unknown ticker, missing prices, bad price file)."""


class SolverError(CoresatError):
    """The numerical solver failed in a way that is not an infeasibility of the user's constraints."""
