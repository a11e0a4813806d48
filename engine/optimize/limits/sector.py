"""Look-through limits: a sector's share of the portfolio through all funds within [min, max]
(``SectorBounds``), and a single underlying company's share at most a maximum (``CompanyCaps``).

The sector exposure is linear in the post-cost weights: ``e · w`` where ``e[i]`` is the fraction of fund i
in the sector (``engine.risk.exposures.ExposureModel.sector_matrix`` row), so the limit is one linear
inequality, stated like a sleeve bound: ``e · w ≤ max · (1 - cost)`` over the optimizer's pre-cost weights.
The scenario states the bounds (``constraints.sector_max_pct`` / ``sector_min_pct`` / ``company_max_pct``);
``inputs.prepare`` turns them and the fund data into ``Inputs.look_through`` rows, which the DPP problem
(problem.py) states as parameters beside the sleeve rows. The objects in ``LIMITS`` (built with no bounds)
read those rows; built with explicit bounds (``from_model``) they check those instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import cvxpy as cp
import numpy as np

from engine.market import FloatArray
from engine.optimize.evaluation import Evaluation
from engine.optimize.inputs import Inputs
from engine.optimize.limit_id import LimitId, LimitKind
from engine.optimize.limits.base import (
    NEAR,
    WEIGHT_TOL,
    Compiled,
    Ctx,
    ElasticVars,
    Limit,
    LimitState,
    Repair,
    Setting,
    Slack,
    Values,
    Violation,
    pct,
    upper,
)
from engine.risk.exposures import ExposureModel


@dataclass(frozen=True)
class SectorBound:
    sector: str  # the sector (or, for CompanyCaps, the company's symbol)
    row: Mapping[str, float]  # ticker -> fraction of that fund in the sector (or company)
    lo: float = 0.0
    hi: float = 1.0
    label: str = ""  # how messages name it (default: ``sector``)

    def vector(self, tickers: tuple[str, ...]) -> FloatArray:
        return np.array([float(self.row.get(t, 0.0)) for t in tickers])


class SectorBounds(Limit):
    """Each bounded sector's share of the portfolio (through the funds) within [min, max]."""

    repair = Repair.LESS_EXPOSURE

    kind = "sector"  # which Inputs.look_through rows an object built without bounds reads

    def __init__(self, bounds: tuple[SectorBound, ...] | None = None) -> None:
        self._given = bounds

    @property
    def bounds(self) -> tuple[SectorBound, ...]:
        return self._given or ()

    def of(self, x: Inputs) -> tuple[SectorBound, ...]:
        """The bounds checked for ``x``: those given, else the scenario's rows in ``x.look_through``."""
        if self._given is not None:
            return self._given
        return tuple(
            SectorBound(r.subject, dict(zip(x.tickers, map(float, r.row), strict=True)), r.lo, r.hi, r.label)
            for r in x.look_through
            if r.kind == self.kind
        )

    @classmethod
    def from_model(cls, model: ExposureModel, limits: Mapping[str, tuple[float, float]]) -> SectorBounds:
        """Bounds ``{sector: (min, max)}`` (fractions of the portfolio) on the look-through ``model``."""
        out = []
        for sector, (lo, hi) in limits.items():
            r = model.sector_matrix[model.sector_index(sector)]
            out.append(SectorBound(sector, dict(zip(model.tickers, map(float, r), strict=True)), lo, hi))
        return cls(tuple(out))

    def _ids(self, b: SectorBound) -> tuple[LimitId, LimitId]:
        return LimitId(LimitKind.SECTOR_MIN, b.sector), LimitId(LimitKind.SECTOR_MAX, b.sector)

    def _by_id(self, x: Inputs, lid: LimitId) -> SectorBound:
        return next(b for b in self.of(x) if lid in self._ids(b))

    def ids(self, x: Inputs) -> tuple[LimitId, ...]:
        out: list[LimitId] = []
        for b in self.of(x):
            lo, hi = self._ids(b)
            out += [lo] if b.lo > 0 else []
            out += [hi] if b.hi < 1 else []
        return tuple(out)

    def exposure(self, x: Inputs, weights: FloatArray, b: SectorBound) -> float:
        return float(b.vector(x.tickers) @ weights)

    def check(self, x: Inputs, ev: Evaluation, *, trades: bool = True) -> list[Violation]:
        out = []
        for b in self.of(x):
            s = self.exposure(x, ev.weights, b)
            lo, hi = self._ids(b)
            if s < b.lo - WEIGHT_TOL:
                out.append(
                    Violation(
                        lo, f"{b.sector} through the funds at {pct(s)} is below its minimum {pct(b.lo)}"
                    )
                )
            if s > b.hi + WEIGHT_TOL:
                out.append(
                    Violation(
                        hi, f"{b.sector} through the funds at {pct(s)} is above its maximum {pct(b.hi)}"
                    )
                )
        return out

    def states(self, x: Inputs, ev: Evaluation) -> list[LimitState]:
        out = []
        for b in self.of(x):
            s = self.exposure(x, ev.weights, b)
            lo, hi = self._ids(b)
            if b.lo > 0:
                out.append(LimitState(lo, b.lo, s, s <= b.lo + NEAR))
            if b.hi < 1:
                out.append(LimitState(hi, b.hi, s, s >= b.hi - NEAR))
        return out

    def elastic(self, x: Inputs, v: ElasticVars, slack: Slack) -> list[cp.Constraint]:
        cons = []
        for b in self.of(x):
            e = b.vector(x.tickers)
            lo, hi = self._ids(b)
            if b.lo > 0:
                cons.append(e @ v.w >= b.lo - slack(lo))  # as the problem states it (pre-cost)
            if b.hi < 1:
                cons.append(e @ v.w <= b.hi * v.keep + slack(hi))
        return cons

    def compile(self, ctx: Ctx) -> Compiled | None:
        """The scenario's rows of this kind (``Inputs.look_through``), like sleeve rows; the fund data is a
        parameter too, so one compiled problem serves any bound and any fund data of this many rows."""
        r = sum(1 for k in ctx.look_kinds if k == self.kind)
        if not r:
            return None
        rows_p = cp.Parameter((r, ctx.n), name=f"{self.kind}_rows")
        lo_p = cp.Parameter(r, name=f"{self.kind}_lo")
        hi_p = cp.Parameter(r, name=f"{self.kind}_hi")
        hi_c = cp.Parameter(r, name=f"{self.kind}_hi_cost", nonneg=True)
        lz = rows_p @ ctx.z

        def values(x: Inputs, s: Setting) -> Values:
            mine = [row for row in x.look_through if row.kind == self.kind]
            rows = np.array([row.row for row in mine])
            rw0 = rows @ x.w0
            hi, hc = upper(np.array([row.hi for row in mine]), s.keep)
            lo = np.array([max(row.lo, 0.0) for row in mine])
            return {rows_p: rows, lo_p: lo - rw0, hi_p: hi - rw0, hi_c: hc}

        return Compiled([lz >= lo_p, lz + cp.multiply(hi_c, ctx.cost) <= hi_p], values)

    def explain(self, x: Inputs, ev: Evaluation, target_weights: FloatArray) -> list[str]:
        """Plain words for each binding instance: where the sector would be at the targets."""
        out = []
        for st in self.states(x, ev):
            if not st.binds or abs(st.reached - st.stated) > NEAR:
                continue  # a broken limit is a violation (check), not a limit that holds the answer
            b = self._by_id(x, st.limit)
            at_target = self.exposure(x, target_weights, b)
            side = "minimum" if st.limit.is_lower_bound else "maximum"
            out.append(
                f"{b.label or b.sector} through the funds is held at its {side} {pct(st.stated)} "
                f"({pct(st.reached)} after the trades; the targets would give {pct(at_target)})"
            )
        return out


class CompanyCaps(SectorBounds):
    """Each capped company's share of the portfolio, summed over every fund that lists it, at most a maximum.
    Funds that list only their top holdings understate it: the cap then holds on what the data shows."""

    kind = "company"

    def _ids(self, b: SectorBound) -> tuple[LimitId, LimitId]:
        cap = LimitId(LimitKind.COMPANY_MAX, b.sector)
        return cap, cap  # no minimum: ``lo`` is always 0

    @classmethod
    def from_model(cls, model: ExposureModel, limits: Mapping[str, tuple[float, float]]) -> CompanyCaps:
        """Caps ``{symbol: (0, max)}`` (fractions of the portfolio) on the look-through ``model``."""
        out = []
        index = {s: k for k, s in enumerate(model.companies)}
        for symbol, (_, hi) in limits.items():
            k = index.get(symbol.upper())
            r = model.company_matrix[k] if k is not None else np.zeros(len(model.tickers))
            name = model.company_names[k] if k is not None else symbol
            row = dict(zip(model.tickers, map(float, r), strict=True))
            out.append(SectorBound(symbol.upper(), row, 0.0, hi, f"{name} ({symbol.upper()})"))
        return cls(tuple(out))
