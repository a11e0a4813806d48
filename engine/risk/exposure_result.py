"""Every rebalance result carries the look-through sector exposures when fund data is available — not only
when a sector or company limit is set — with the fund data's source and as-of date, and the holdings
without fund data named as "not available" (their weight is the "No sector data" row, never a zero in a
named sector).

``attach_exposures`` reads the fund data as the optimizer does for its limits (the user's fund cache, then
the bundled snapshot); ``with_exposures`` takes it given (tests, callers that already hold it).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import numpy as np

from engine.data.funds import FundData
from engine.errors import DataError
from engine.result import RebalanceResult, SectorExposure
from engine.risk.exposures import build_model


def with_exposures(result: RebalanceResult, funds: Mapping[str, FundData]) -> RebalanceResult:
    """``result`` with ``sector_exposures`` (before / target / after, when it has none yet),
    ``exposure_sources`` (each source with its as-of date), ``exposure_not_available`` (held tickers
    without fund data) and a note saying both. Unchanged rows when nothing held has fund data."""
    assets = result.assets
    held = [a.ticker for a in assets if max(a.weight_before, a.weight_target, a.weight_after) > 0]
    have = [t for t in held if t in funds]
    missing = tuple(t for t in held if t not in funds)
    if not have:
        return dataclasses.replace(result, exposure_not_available=missing)
    rows = result.sector_exposures
    if not rows:
        model = build_model([a.ticker for a in assets], funds, companies=False)
        sm = model.sector_matrix
        w = [np.array([getattr(a, f"weight_{k}") for a in assets]) for k in ("before", "target", "after")]
        rows = tuple(
            SectorExposure(name, float(b), float(t), float(x))
            for name, b, t, x in zip(model.sector_rows, sm @ w[0], sm @ w[1], sm @ w[2], strict=True)
            if max(b, t, x) > 0
        )
    sources = tuple(dict.fromkeys(funds[t].provenance() for t in have))
    notes = ["sectors through the funds use fund data from " + "; ".join(sources)]
    if missing:
        notes.append(
            f"no fund data for {', '.join(missing)}: "
            f"{'its sectors are' if len(missing) == 1 else 'their sectors are'} not available "
            "(shown as 'No sector data', not as zero)"
        )
    asm = result.assumptions
    return dataclasses.replace(
        result,
        sector_exposures=rows,
        exposure_sources=sources,
        exposure_not_available=missing,
        assumptions=dataclasses.replace(asm, notes=(*asm.notes, *notes)),
    )


def attach_exposures(result: RebalanceResult) -> RebalanceResult:
    """:func:`with_exposures` with the fund data read from the fund cache, then the bundled snapshot. Fund
    data that cannot be read never fails the rebalance: the note says so instead."""
    from engine.data.fund_store import FundStore
    from engine.data.funds import load_funds

    tickers = [a.ticker for a in result.assets]
    if not tickers:
        return result
    try:
        funds = load_funds(tickers, store=FundStore()).funds
    except (DataError, OSError) as exc:
        asm = result.assumptions
        note = f"sectors through the funds not available: fund data could not be read ({exc})"
        return dataclasses.replace(result, assumptions=dataclasses.replace(asm, notes=(*asm.notes, note)))
    return with_exposures(result, funds)
