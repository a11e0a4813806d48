"""The look-through report: plain, typed, serializable values (weights as fractions of the total portfolio
value, ``None`` = not available). Built by ``engine.risk.exposures``; read by the CLI, the GUI and JSON."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class SectorRow:
    sector: str
    before: float  # fractions of total portfolio value
    target: float
    after: float


@dataclass(frozen=True)
class Valuation:
    """Harmonic weighted P/E and P/B of the funds that report them; None when none does."""

    pe: float | None
    pb: float | None
    pe_coverage: float  # share of the equity-fund weight whose P/E is known (0..1)
    pe_methods: tuple[str, ...]  # the distinct methods averaged together


@dataclass(frozen=True)
class CompanyRow:
    symbol: str
    name: str
    before: float
    target: float
    after: float
    funds: tuple[str, ...]  # the held funds that list it


@dataclass(frozen=True)
class OverlapRow:
    fund_a: str
    fund_b: str
    overlap: float  # Σ over shared companies of min(weight in A, weight in B): fraction of either fund
    shared: int  # companies listed in both
    lower_bound: bool  # True when a list is only the top holdings: the true overlap may be larger
    same_index: str = ""  # both funds track this index: they hold nearly the same companies


@dataclass(frozen=True)
class FundRow:
    ticker: str
    name: str | None
    provenance: str
    missing: tuple[str, ...]
    pe: float | None
    pe_method: str
    pb: float | None
    expense_ratio: float | None
    holdings_count: int | None
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ExposureReport:
    sectors: tuple[SectorRow, ...]  # the sector rows with any weight, then Cash
    valuation_before: Valuation
    valuation_target: Valuation
    valuation_after: Valuation
    benchmark_name: str | None  # e.g. "S&P 500 (SPY)"
    benchmark: Valuation | None
    companies: tuple[CompanyRow, ...]  # largest underlying companies after the trades
    overlaps: tuple[OverlapRow, ...]
    funds: tuple[FundRow, ...]
    no_data: tuple[str, ...]  # held tickers without any fund data
    sources: tuple[str, ...]  # distinct provenance lines of the data used (dates included)
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = _plain(asdict(self))
        return out

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent)


def _plain(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
    if isinstance(obj, float):
        return None if not math.isfinite(obj) else round(obj, 10)
    return obj
