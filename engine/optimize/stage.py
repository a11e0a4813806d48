"""One compiled cvxpy problem and its fast re-solve: the single-account stages and the household's use it.

cvxpy compiles the DPP problem once; a re-solve goes through ``fastsolve.CompiledClarabel`` (the parameter
map applied with sparse products, no per-call cvxpy rebuild; with ``kept_solver`` one Clarabel solver whose
data is updated in place), which is kept only if it reproduces cvxpy's own answer on the first values it
sees — then every later solve goes through it, so the same inputs give the same answer whatever was solved
before. If it fails its check, or errs later, it is dropped (logged) and cvxpy solves; never raised to the
user. ``compare`` says what of the outputs must agree (by default the net trade, buys − sells: without a
trading cost, buying and selling the same fund at once is free, so two exact answers may split it
differently; the household's first stage compares the household's trade only).
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
# ... or, on a flat optimum, this closely with the same objective value (both solvers stop at a relative
# duality gap of 1e-8 or less)
FLAT_TOL = 1e-3
OBJECTIVE_TOL = 2e-8


def net_trades(outputs: list[FloatArray]) -> list[FloatArray]:
    """Buys and sells (the first two outputs) as net trades; any other output as it is."""
    return [outputs[0] - outputs[1], *outputs[2:]] if len(outputs) >= 2 else outputs


def solve_with_cvxpy(problem: cp.Problem, dpp: bool = True) -> str:
    """Clarabel, then SCS; the status in cvxpy's words ("infeasible_inaccurate" counts as infeasible)."""
    for solver, opts in ((cp.CLARABEL, {}), (cp.SCS, {"eps_abs": 1e-7, "eps_rel": 1e-7})):
        try:
            problem.solve(solver=solver, ignore_dpp=not dpp, **opts)
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
        kept_solver: bool = False,
        compare: Callable[[list[FloatArray]], list[FloatArray]] = net_trades,
        qp: bool = False,
    ) -> None:
        """``kept_solver``: re-solve on one Clarabel solver with its data updated (faster), for problems
        whose compared answer is unique: its steps differ from cvxpy's own solve, so where several answers
        share the optimum it may pick another one than cvxpy and fail the creation check. ``qp``: the
        problem is a quadratic program; re-solve it with PIQP (engine.optimize.fastqp), Clarabel when
        PIQP does not solve it."""
        self.problem = problem
        self.qp = qp
        self.outputs = outputs
        self.name = name
        self.kept_solver = kept_solver
        self.compare = compare
        self.fast: CompiledClarabel | None = None
        self.fast_failed = False
        self.compiled = False  # cvxpy has solved this problem once (compiled it)

    def solve(self, values: Values, use_fast: bool = True, dpp: bool = True) -> tuple[str, list[FloatArray]]:
        if use_fast and self.fast is not None:
            try:
                status, out = self.fast.solve({p.id: val for p, val in values.items()})
                if status in (*OK, "infeasible"):
                    return status, out
                log.info("fast %s solve returned %s; solving with cvxpy", self.name, status)
            except Exception as exc:  # never reaches the user: cvxpy's own solve follows
                log.warning("fast %s solve failed (%s); using cvxpy from now on", self.name, exc)
                self.fast, self.fast_failed = None, True
        status, out = self._cvxpy(values, dpp)
        if status not in OK:
            return status, out
        if dpp and use_fast and self.fast is None and not self.fast_failed:
            # answer with the fast path's own solve of these values: every later solve goes through it
            got = self._make_fast(values, out)
            if got is not None:
                self.compiled = True
                return status, got
        if dpp and not self.compiled:
            # cvxpy's first solve builds the solver data while compiling; its later solves map the
            # parameters into the compiled data, which can differ in the last bits (and the answer by
            # 1e-7 on a flat optimum). As cvxpy answers from now on, this answer comes from that same
            # re-solve path too, so a repeated solve gives the same answer
            self.compiled = True
            status, out = self._cvxpy(values, dpp)
        self.compiled = True
        return status, out

    def _cvxpy(self, values: Values, dpp: bool) -> tuple[str, list[FloatArray]]:
        for p, val in values.items():
            p.value = val
        status = solve_with_cvxpy(self.problem, dpp)
        if status not in OK or any(v.value is None for v in self.outputs):
            return status, [np.zeros(v.size) for v in self.outputs]
        return status, [np.asarray(v.value, dtype=float) for v in self.outputs]

    def _make_fast(self, values: Values, expected: list[FloatArray]) -> list[FloatArray] | None:
        """Compile the fast path and keep it only if it reproduces cvxpy's answer on these values."""
        fast: CompiledClarabel | None = None
        if self.qp:
            from engine.optimize.fastqp import CompiledPiqp

            fast = CompiledPiqp.create_qp(self.problem, self.outputs)
        if fast is None:
            fast = CompiledClarabel.create(self.problem, self.outputs, kept_solver=self.kept_solver)
        if fast is None:
            log.info("fast %s path unavailable; using cvxpy's solve", self.name)
            self.fast_failed = True
            return None
        try:
            status, got = fast.solve({p.id: val for p, val in values.items()})
        except Exception as exc:
            log.warning("fast %s path failed its check (%s); using cvxpy's solve", self.name, exc)
            self.fast_failed = True
            return None
        pairs = zip(self.compare(got), self.compare(expected), strict=True)
        worst = max(float(np.max(np.abs(a - b), initial=0.0)) for a, b in pairs)
        if status in OK and FAST_CHECK_TOL < worst <= FLAT_TOL and self._same_objective(fast):
            # a flat optimum: two accurate solves may sit a little apart in weight with the same objective
            # value; a wrong parameter map would not reach cvxpy's objective
            log.info("fast %s path: %.2g from cvxpy's weights at the same objective; kept", self.name, worst)
            worst = 0.0
        if status not in OK or worst > FAST_CHECK_TOL:
            log.warning(
                "fast %s path disagrees with cvxpy (status %s, largest difference %.2g); using cvxpy's solve",
                self.name,
                status,
                worst,
            )
            self.fast_failed = True
            return None
        self.fast = fast
        return got

    def _same_objective(self, fast: CompiledClarabel) -> bool:
        mine, theirs = fast.last_objective, self.problem.value
        if mine is None or theirs is None or not np.isfinite(float(theirs)):
            return False
        return abs(mine - float(theirs)) <= OBJECTIVE_TOL * max(1.0, abs(float(theirs)))
