"""Re-solve a compiled DPP cvxpy problem with Clarabel without cvxpy's per-call overhead.

cvxpy compiles a DPP problem once into an affine map from the parameter vector to the solver's data
(P, q, A, b). ``problem.solve`` then re-validates every parameter, rebuilds scipy matrices, creates a new
solver and unpacks every variable on each call — about 2 ms of Python for a 12-asset problem, more than
the solve itself. This class keeps the compiled map, applies it with one sparse product per matrix into
fixed sparsity patterns, hands them to one Clarabel solver kept for the problem (its data updated in place:
see ``solve``) and reads only the variables asked for.

It uses cvxpy's compiled-program objects (``ParamConeProg``), which are internal; any surprise in their
shape makes ``CompiledClarabel.create`` return None and the caller falls back to ``problem.solve``. A test
checks that both paths give the same answer.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

import clarabel
import cvxpy as cp
import numpy as np
import scipy.sparse as sp
from cvxpy.cvxcore.python import canonInterface
from cvxpy.reductions.solvers.conic_solvers.clarabel_conif import dims_to_solver_cones

from engine.market import FloatArray

_STATUS = {
    "Solved": "optimal",
    "AlmostSolved": "optimal_inaccurate",
    "PrimalInfeasible": "infeasible",
    "AlmostPrimalInfeasible": "infeasible",
}


class CompiledClarabel:
    def __init__(self, problem: cp.Problem, outputs: list[cp.Variable], *, kept_solver: bool = True) -> None:
        data, _, inverse = problem.get_problem_data(cp.CLARABEL)
        pp = data["param_prob"]
        if data.get("lower_bounds") is not None or data.get("upper_bounds") is not None:
            raise ValueError("variable bounds in solver data are not handled")
        self._pp = pp
        self._cones = dims_to_solver_cones(data["dims"])
        self._nx = int(pp.x.size)
        # where each output variable sits in the solver's x
        renamed: dict[int, Any] = {}
        offsets: dict[int, int] = {}
        for inv in inverse:
            if isinstance(inv, tuple) and inv and isinstance(inv[0], dict):
                renamed.update(inv[0])
            var_offsets = getattr(inv, "var_offsets", None)
            if isinstance(var_offsets, dict):
                offsets.update(var_offsets)
        self._slices = []
        for v in outputs:
            vid = renamed[v.id].id if v.id in renamed else v.id
            start = offsets[vid]
            self._slices.append(slice(start, start + int(v.size)))
        pp.reduced_A.cache(True)
        self._a_index = pp.reduced_A.problem_data_index
        self._p = pp.reduced_P if pp.P is not None else None
        if self._p is not None:
            self._p.cache(True)
            indices, indptr, _ = self._p.problem_data_index
            cols = np.repeat(np.arange(len(indptr) - 1), np.diff(indptr))
            self._p_upper = indices <= cols
        self.kept_solver = kept_solver
        settings = clarabel.DefaultSettings()
        settings.verbose = False
        # no equilibration: the one piece of state an updated solver would carry over from earlier data
        # (see ``solve``); the problem is already scaled (weights, SCALE), and a solve that does not
        # finish is repeated by a fresh solver with Clarabel's defaults
        settings.equilibrate_enable = False
        # and a duality gap ten times tighter than the default (1e-8): without equilibration the weights
        # of a nearly flat optimum wandered up to 2e-5 from cvxpy's answer on random problems (10 of 160
        # failed the creation check); at 1e-9 none did, for one or two more iterations
        settings.tol_gap_abs = settings.tol_gap_rel = 1e-9
        # one refinement step per linear solve (Clarabel's default: up to 10 until 1e-13): on 600 random
        # problems the same statuses and iteration counts, answers within 8e-6 in weight (the IPM still
        # stops on the same residual and gap tests), 15 % less time per solve; no refinement at all is
        # not enough (153 of 314 problems then end "almost solved" or worse)
        settings.iterative_refinement_max_iter = 1
        self._settings = settings
        fallback = clarabel.DefaultSettings()
        fallback.verbose = False
        self._fallback = fallback
        self._solver: clarabel.DefaultSolver | None = None
        self._last_a: FloatArray | None = None  # the matrix values the kept solver holds
        self._last_p: FloatArray | None = None
        self.updates = 0  # solves answered by the kept solver with new data (for tests)
        self._lock = threading.Lock()  # the kept solver holds one problem's data at a time
        self._constant = 0.0
        self.last_objective: float | None = None  # the objective value of the last solve (with its constant)

    @classmethod
    def create(
        cls, problem: cp.Problem, outputs: list[cp.Variable], *, kept_solver: bool = True
    ) -> CompiledClarabel | None:
        try:
            return cls(problem, outputs, kept_solver=kept_solver)
        except Exception:
            return None

    def _values(
        self, values: Mapping[int, FloatArray | float]
    ) -> tuple[FloatArray | None, FloatArray, FloatArray, FloatArray]:
        """The solver data for these parameter values: (P's upper-triangle values or None, q, A's values, b)
        in the fixed sparsity patterns (``_matrices`` turns the values into matrices)."""
        pp = self._pp
        vec = canonInterface.get_parameter_vector(
            pp.total_param_size,
            pp.param_id_to_col,
            pp.param_id_to_size,
            lambda pid: np.asarray(values[pid], dtype=float),
        )
        q_full = np.asarray(pp.q @ vec).ravel()
        q = q_full[:-1]
        self._constant = float(q_full[-1])  # the objective's constant term (for last_objective)
        indices, indptr, shape = self._a_index
        flat = pp.reduced_A.reduced_mat @ vec
        cut = indptr[shape[1] - 1]
        b = np.bincount(indices[cut:], weights=flat[cut:], minlength=shape[0]).astype(float)
        p_vals = None if self._p is None else (self._p.reduced_mat @ vec)[self._p_upper]
        return p_vals, q, -flat[:cut], b

    def _matrices(self, p_vals: FloatArray | None, a_vals: FloatArray) -> tuple[sp.csc_array, sp.csc_array]:
        indices, indptr, shape = self._a_index
        n = shape[1] - 1
        a = sp.csc_array((a_vals, indices[: indptr[n]], indptr[: n + 1]), shape=(shape[0], n))
        if self._p is None or p_vals is None:
            return sp.csc_array((n, n)), a
        p_indices, p_indptr, p_shape = self._p.problem_data_index
        p = sp.csc_array(
            (p_vals, p_indices[self._p_upper], _upper_indptr(p_indptr, self._p_upper)), shape=p_shape
        )
        return p, a

    def _data(
        self, values: Mapping[int, FloatArray | float]
    ) -> tuple[sp.csc_array, FloatArray, sp.csc_array, FloatArray]:
        """(P, q, A, b) as matrices, as a fresh solver takes them."""
        p_vals, q, a_vals, b = self._values(values)
        p, a = self._matrices(p_vals, a_vals)
        return p, q, a, b

    def solve(self, values: Mapping[int, FloatArray | float]) -> tuple[str, list[FloatArray]]:
        """Solve with parameter values keyed by Parameter.id; returns (cvxpy-style status, outputs)."""
        data = self._values(values)
        with self._lock:
            return self._solve(*data)

    def _solve(
        self, p_vals: FloatArray | None, q: FloatArray, a_vals: FloatArray, b: FloatArray
    ) -> tuple[str, list[FloatArray]]:
        # One solver per compiled problem, its data replaced for each solve (values only: the sparsity
        # patterns never change): the KKT system's symbolic factorization (5 ms of a 23 ms solve at 200
        # assets) is done once. Equilibration is off, so the updated solver holds nothing computed from
        # earlier data and answers exactly as a fresh one would (a test compares them bit for bit): the
        # answer never depends on what was solved before (issue #8: same inputs, same answer).
        if not self.kept_solver:  # a fresh solver with Clarabel's defaults, as cvxpy's own solve uses
            p, a = self._matrices(p_vals, a_vals)
            sol = clarabel.DefaultSolver(p, q, a, b, self._cones, self._fallback).solve()
            x = np.asarray(sol.x, dtype=float)
            self.last_objective = float(sol.obj_val) + self._constant
            return _STATUS.get(str(sol.status), "solver_error"), [x[s] for s in self._slices]
        solver = self._solver
        sol = None
        if solver is not None:
            try:
                # only what changed: a new cap or new holdings change q and b; the matrices change with the
                # risk model, costs or sleeves (handing Clarabel an unchanged A cost 0.23 ms at 50 assets)
                new: dict[str, FloatArray] = {"q": q, "b": b}
                if not _same(a_vals, self._last_a):
                    new["A"] = a_vals
                if p_vals is not None and not _same(p_vals, self._last_p):
                    new["P"] = p_vals
                solver.update(**new)
                self._last_a, self._last_p = a_vals, p_vals
                sol = solver.solve()
                self.updates += 1
            except Exception:  # Clarabel would not take the update: a new solver below
                self._solver = None
        if sol is None:
            p, a = self._matrices(p_vals, a_vals)
            self._solver = clarabel.DefaultSolver(p, q, a, b, self._cones, self._settings)
            self._last_a, self._last_p = a_vals, p_vals
            sol = self._solver.solve()
        status = _STATUS.get(str(sol.status), "solver_error")
        if status != "optimal":
            # not solved without equilibration (or called infeasible: never said on this solver's word
            # alone): Clarabel's defaults on a fresh solver decide
            p, a = self._matrices(p_vals, a_vals)
            sol = clarabel.DefaultSolver(p, q, a, b, self._cones, self._fallback).solve()
            status = _STATUS.get(str(sol.status), "solver_error")
        x = np.asarray(sol.x, dtype=float)
        self.last_objective = float(sol.obj_val) + self._constant
        return status, [x[s] for s in self._slices]


def _same(a: FloatArray | None, b: FloatArray | None) -> bool:
    return a is not None and b is not None and a.shape == b.shape and bool(np.array_equal(a, b))


def _upper_indptr(indptr: FloatArray, keep: FloatArray) -> FloatArray:
    """Column pointers of a CSC matrix after keeping only the entries flagged in ``keep``."""
    kept = np.concatenate([[0], np.cumsum(keep.astype(np.int64))])
    out: FloatArray = kept[indptr]
    return out
