"""One compiled household problem and its fast re-solve: the household package's own seam to the solver.

cvxpy compiles the DPP problem once; a re-solve goes through engine.optimize.fastsolve.CompiledClarabel
(the parameter map applied with sparse products, no per-call cvxpy rebuild; with ``kept_solver`` one
Clarabel solver whose data is updated in place), which is kept only if it reproduces cvxpy's own answer on
the first values it sees (then every later solve goes through it, so the same inputs give the same answer
whatever was solved before). If it fails it is dropped and cvxpy solves. ``compare`` says what of the
outputs must agree: the household problem's first stage agrees on the household's trade only (which account
takes a tied trade is the second stage's to decide).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import cvxpy as cp
import numpy as np

from engine.errors import SolverError
from engine.market import FloatArray
from engine.optimize.fastsolve import CompiledClarabel
from engine.optimize.limits.base import Values

log = logging.getLogger(__name__)

OK = ("optimal", "optimal_inaccurate")
FAST_CHECK_TOL = 1e-5  # the fast path must reproduce cvxpy's answer this closely (weights)


def solve_with_cvxpy(problem: cp.Problem) -> str:
    """Clarabel, then SCS; the status in cvxpy's words ("infeasible_inaccurate" counts as infeasible)."""
    for solver, opts in ((cp.CLARABEL, {}), (cp.SCS, {"eps_abs": 1e-7, "eps_rel": 1e-7})):
        try:
            problem.solve(solver=solver, **opts)
        except cp.error.SolverError:
            continue
        status = str(problem.status)
        if status in ("optimal", "optimal_inaccurate", "infeasible", "infeasible_inaccurate"):
            return status.replace("infeasible_inaccurate", "infeasible")
    raise SolverError(
        "the optimizer's solvers failed on this problem; try fractional shares or looser limits"
    )


class Stage:
    """A cvxpy problem whose ``outputs`` are read after each solve."""

    def __init__(
        self,
        problem: cp.Problem,
        outputs: list[cp.Variable],
        name: str,
        *,
        kept_solver: bool = True,
        compare: Callable[[list[FloatArray]], list[FloatArray]] | None = None,
    ) -> None:
        self.problem = problem
        self.outputs = outputs
        self.name = name
        self.kept_solver = kept_solver
        self.compare = compare or (lambda out: out)
        self.fast: CompiledClarabel | None = None
        self.fast_failed = False

    def solve(self, values: Values) -> tuple[str, list[FloatArray]]:
        if self.fast is not None:
            try:
                status, out = self.fast.solve({p.id: val for p, val in values.items()})
                if status in (*OK, "infeasible"):
                    return status, out
                log.info("fast household %s solve returned %s; solving with cvxpy", self.name, status)
            except Exception as exc:  # never reaches the user: cvxpy's own solve follows
                log.warning("fast household %s solve failed (%s); using cvxpy from now on", self.name, exc)
                self.fast, self.fast_failed = None, True
        for p, val in values.items():
            p.value = val
        status = solve_with_cvxpy(self.problem)
        if status not in OK or any(v.value is None for v in self.outputs):
            return status, [np.zeros(v.size) for v in self.outputs]
        out = [np.asarray(v.value, dtype=float) for v in self.outputs]
        if self.fast is None and not self.fast_failed:
            out = self._make_fast(values, out) or out
        return status, out

    def _make_fast(self, values: Values, expected: list[FloatArray]) -> list[FloatArray] | None:
        fast = CompiledClarabel.create(self.problem, self.outputs, kept_solver=self.kept_solver)
        if fast is None:
            self.fast_failed = True
            return None
        try:
            status, got = fast.solve({p.id: val for p, val in values.items()})
        except Exception as exc:
            log.warning("fast household %s path failed its check (%s)", self.name, exc)
            self.fast_failed = True
            return None
        pairs = zip(self.compare(got), self.compare(expected), strict=True)
        worst = max(float(np.max(np.abs(a - b), initial=0.0)) for a, b in pairs)
        if status not in OK or worst > FAST_CHECK_TOL:
            log.warning("fast household %s path disagrees with cvxpy (%s, %.2g)", self.name, status, worst)
            self.fast_failed = True
            return None
        self.fast = fast
        return got
