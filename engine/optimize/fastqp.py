"""Re-solve a compiled quadratic program (no cone but equalities and inequalities) with PIQP.

The household's tie-break (engine.optimize.household.joint, stage 2) is a QP: cvxpy compiles it for
Clarabel as rows ``A x + s = b`` with ``s`` in a zero cone (equalities) and a nonnegative cone
(inequalities ``A x ≤ b``). Most of those inequality rows bound one variable (a buy ≥ 0, a buy ≤ what the
account may buy, a lot sold ≤ the lot). An interior-point cone solver carries every such row as a slack
and a multiplier of its own; PIQP, a proximal interior-point QP solver (BSD-2-Clause, header-only C++ with
Eigen; https://github.com/PREDICT-EPFL/piqp), takes them as the variable's own lower and upper bounds.
On the 3-account × 12-ticker benchmark household (73 variables, 13 equalities, 163 inequalities of which
145 bound one variable) it answers in 0.27 ms where a fresh Clarabel solver takes 0.79 ms, 1.05 against
2.93 ms at 6 × 20, with the same answer to 1e-8 (benchmarks/bench_household.py; tests compare both).

``CompiledPiqp`` keeps ``CompiledClarabel``'s compiled parameter map (the same data, bit for bit) and
changes only who solves it. Every solve is a fresh PIQP solver (no state from earlier data: the same
inputs give the same answer whatever was solved before). Anything PIQP does not solve (any status but
solved, an error, a bound row whose coefficient is zero for these values) is solved by a fresh Clarabel
solver with its defaults, as before; and ``Stage`` keeps this path only if it reproduces cvxpy's own answer
on the first values it sees.
"""

from __future__ import annotations

import logging
from typing import Any

import cvxpy as cp
import numpy as np
import scipy.sparse as sp
from clarabel import NonnegativeConeT, ZeroConeT

from engine.market import FloatArray
from engine.optimize.fastsolve import CompiledClarabel, _upper_indptr

log = logging.getLogger(__name__)

try:  # an optional speed-up: without PIQP every QP is solved by Clarabel, as before
    import piqp
except ImportError:  # pragma: no cover - piqp is a dependency; kept importable without it
    piqp = None


# PIQP's defaults (1e-8 absolute, 1e-9 relative) leave a bound or a row short by up to 1e-8; a second stage
# pinned to this answer's household trade and costs (engine.optimize.household.joint) then had no room left
# (a cost pin allows 1e-9 of the cost) and failed. A hundred times tighter: ~1 more iteration.
EPS_ABS = 1e-10
EPS_REL = 1e-11


class CompiledPiqp(CompiledClarabel):
    """A compiled QP whose re-solves go to PIQP, with one-variable rows given as bounds."""

    def __init__(self, problem: cp.Problem, outputs: list[cp.Variable]) -> None:
        super().__init__(problem, outputs, kept_solver=False)
        if piqp is None:
            raise ValueError("PIQP is not installed")
        n_eq, n_in = 0, 0
        for cone in self._cones:
            if isinstance(cone, ZeroConeT) and n_in == 0:
                n_eq += int(cone.dim)
            elif isinstance(cone, NonnegativeConeT):
                n_in += int(cone.dim)
            else:  # a second-order or other cone, or equalities after inequalities: not a QP we map
                raise ValueError(f"not a QP: cone {cone}")
        indices, indptr, shape = self._a_index
        n = int(shape[1]) - 1
        self._n = n
        self._n_eq = n_eq
        rows = np.asarray(indices[: indptr[n]], dtype=np.int64)
        cols = np.repeat(np.arange(n), np.diff(np.asarray(indptr[: n + 1])))
        per_row = np.bincount(rows, minlength=n_eq + n_in)
        eq = rows < n_eq
        bound = ~eq & (per_row[rows] == 1)  # the one entry of an inequality row that bounds one variable
        general = ~eq & ~bound
        self._eq, self._bound, self._general = eq, bound, general
        self._bound_rows, self._bound_cols = rows[bound], cols[bound]
        self._eq_pattern = _pattern(rows[eq], cols[eq], n)
        general_rows = np.unique(rows[general])
        renumber = np.full(n_eq + n_in, -1, dtype=np.int64)
        renumber[general_rows] = np.arange(len(general_rows))
        self._general_rows = general_rows
        self._general_pattern = _pattern(renumber[rows[general]], cols[general], n)
        self._n_general = len(general_rows)
        self._mats: tuple[sp.csc_matrix, sp.csc_matrix, sp.csc_matrix] | None = None
        self.piqp_solves = 0  # solves PIQP answered (tests, benchmarks)

    def _templates(self, p_vals: FloatArray | None) -> tuple[sp.csc_matrix, sp.csc_matrix, sp.csc_matrix]:
        """P (upper triangle), the equality rows and the general inequality rows as matrices with this
        problem's fixed sparsity patterns (built on the first solve, values replaced on each)."""
        if self._mats is None:
            n = self._n
            if self._p is None or p_vals is None:
                p_mat = sp.csc_matrix((n, n))
            else:  # as ``_matrices`` lays P out: its upper triangle in the compiled pattern
                p_indices, p_indptr, _ = self._p.problem_data_index
                pattern = (p_indices[self._p_upper], _upper_indptr(p_indptr, self._p_upper))
                p_mat = _matrix(pattern, np.zeros(len(p_vals)), n, n)
            a_eq = _matrix(self._eq_pattern, np.zeros(int(self._eq.sum())), self._n_eq, n)
            g = _matrix(self._general_pattern, np.zeros(int(self._general.sum())), self._n_general, n)
            self._mats = (p_mat, a_eq, g)
        return self._mats

    @classmethod
    def create_qp(cls, problem: cp.Problem, outputs: list[cp.Variable]) -> CompiledPiqp | None:
        try:
            return cls(problem, outputs)
        except Exception as exc:
            log.info("PIQP path unavailable (%s)", exc)
            return None

    def _solve(
        self, p_vals: FloatArray | None, q: FloatArray, a_vals: FloatArray, b: FloatArray
    ) -> tuple[str, list[FloatArray]]:
        try:
            got = self._solve_piqp(p_vals, q, a_vals, b)
        except Exception as exc:  # PIQP refused the data: Clarabel below
            log.info("PIQP failed (%s); solving with Clarabel", exc)
            got = None
        if got is not None:
            return got
        return super()._solve(p_vals, q, a_vals, b)  # a fresh Clarabel solver with its defaults

    def _solve_piqp(
        self, p_vals: FloatArray | None, q: FloatArray, a_vals: FloatArray, b: FloatArray
    ) -> tuple[str, list[FloatArray]] | None:
        assert piqp is not None
        coef = a_vals[self._bound]
        if np.any(coef == 0.0):  # "0 ≤ b": not a bound; Clarabel takes the rows as they are
            return None
        n = self._n
        limit = b[self._bound_rows] / coef
        lower = np.full(n, -np.inf)
        upper = np.full(n, np.inf)
        np.minimum.at(upper, self._bound_cols[coef > 0], limit[coef > 0])
        np.maximum.at(lower, self._bound_cols[coef < 0], limit[coef < 0])
        p, a_eq, g = self._templates(p_vals)
        # the fixed sparsity patterns take this solve's values in place (building scipy matrices anew
        # costs more than PIQP's solve at this size); PIQP copies them in ``setup``
        if p_vals is not None:
            p.data[:] = p_vals
        a_eq.data[:] = a_vals[self._eq]
        g.data[:] = a_vals[self._general]
        solver = piqp.SparseSolver()
        settings = solver.settings
        settings.verbose = False
        settings.eps_abs, settings.eps_rel = EPS_ABS, EPS_REL
        solver.setup(p, q, a_eq, b[: self._n_eq], g, None, b[self._general_rows], lower, upper)
        status = solver.solve()
        if status != piqp.PIQP_SOLVED:
            log.info("PIQP returned %s; solving with Clarabel", status)
            return None
        self.piqp_solves += 1
        result: Any = solver.result
        x = np.asarray(result.x, dtype=float)
        self.last_objective = float(result.info.primal_obj) + self._constant
        return "optimal", [x[s] for s in self._slices]


def _pattern(rows: np.ndarray, cols: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """CSC row indices and column pointers of entries given column by column (as in a CSC matrix)."""
    indptr = np.concatenate([[0], np.cumsum(np.bincount(cols, minlength=n))]).astype(np.int64)
    return rows.astype(np.int64), indptr


def _matrix(pattern: tuple[np.ndarray, np.ndarray], values: FloatArray, n_rows: int, n: int) -> sp.csc_matrix:
    rows, indptr = pattern
    return sp.csc_matrix((values, rows, indptr), shape=(n_rows, n))
