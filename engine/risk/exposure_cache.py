"""Look-through sector exposures with the fund data read once: what ``attach_exposures`` adds to every
result (engine.risk.exposure_result), with the fund data read once, the sector matrix built once per ticker
order, and the sources and notes written once per set of held tickers, instead of all again for each
result. The rows are computed exactly as ``with_exposures`` computes them (tested equal, result for
result).

Who keeps one: a batch (one ``Exposures`` per batch on Dask, per run in a local worker process, so a run
never uses fund data older than itself) and ``attach_cached`` (engine.api.rebalance: every GUI solve and
API call), which starts a new one whenever the local store's file changes (a fund refresh, a price
import, another process writing it)."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from pathlib import Path

import numpy as np

from engine.data.funds import FundData
from engine.errors import DataError
from engine.result import RebalanceResult, SectorExposure
from engine.risk.exposure_result import attach_exposures, with_exposures
from engine.risk.exposures import ExposureModel, build_model

_MAX_KEYS = 256  # ticker sets remembered; past that, forgotten all at once (a long GUI session, a big book)


class Exposures:
    def __init__(self, store: Path | None = None) -> None:
        self._store = store  # the fund cache's file; None: the user's (engine.data.fund_store)
        self._funds: dict[tuple[str, ...], Mapping[str, FundData] | None] = {}
        self._models: dict[tuple[str, ...], ExposureModel] = {}
        # per set of held tickers: what with_exposures adds besides the rows (sources, missing, notes)
        self._said: dict[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]] = {}

    def _funds_for(self, tickers: tuple[str, ...]) -> Mapping[str, FundData] | None:
        key = tuple(sorted(tickers))
        if key not in self._funds:
            if len(self._funds) >= _MAX_KEYS:
                self._funds.clear()
                self._models.clear()
                self._said.clear()
            from engine.data.fund_store import FundStore
            from engine.data.funds import load_funds

            try:
                self._funds[key] = load_funds(list(tickers), store=FundStore(self._store)).funds
            except (DataError, OSError):
                self._funds[key] = None  # attach_exposures says why, household by household
        return self._funds[key]

    def attach(self, result: RebalanceResult) -> RebalanceResult:
        assets = result.assets
        tickers = tuple(a.ticker for a in assets)
        funds = self._funds_for(tickers) if tickers else None
        if funds is None:
            return attach_exposures(result)
        held = tuple(a.ticker for a in assets if max(a.weight_before, a.weight_target, a.weight_after) > 0)
        if result.sector_exposures or not any(t in funds for t in held):  # as with_exposures decides
            return with_exposures(result, funds)
        model = self._models.get(tickers)
        if model is None:
            model = self._models[tickers] = build_model(list(tickers), funds, companies=False)
        sm = model.sector_matrix
        w = [
            sm @ np.array([a.weight_before for a in assets]),
            sm @ np.array([a.weight_target for a in assets]),
            sm @ np.array([a.weight_after for a in assets]),
        ]
        rows = tuple(
            SectorExposure(name, float(b), float(t), float(x))
            for name, b, t, x in zip(model.sector_rows, *w, strict=True)
            if max(b, t, x) > 0
        )
        said = self._said.get((tickers, held))
        if said is None:  # the sources, missing tickers and notes depend on the held tickers only
            full = with_exposures(dataclasses.replace(result, sector_exposures=rows), funds)
            notes = full.assumptions.notes[len(result.assumptions.notes) :]
            said = self._said[tickers, held] = (full.exposure_sources, full.exposure_not_available, notes)
            return full
        asm = result.assumptions
        return dataclasses.replace(
            result,
            sector_exposures=rows,
            exposure_sources=said[0],
            exposure_not_available=said[1],
            assumptions=dataclasses.replace(asm, notes=(*asm.notes, *said[2])),
        )


_SHARED: tuple[tuple[object, ...], Exposures] | None = None


def _signature(path: Path) -> tuple[object, ...]:
    """What changes when the store is written: this process's count of fund-data writes (exact), and for
    writes by other processes, each of the database file and its write-ahead log's size, modification
    time and inode (None when it does not exist)."""
    from engine.data.fund_store import writes

    out: list[object] = [str(path), writes()]
    for suffix in ("", "-wal"):
        try:
            st = os.stat(f"{path}{suffix}")
        except OSError:
            out.append(None)
            continue
        out.append((st.st_size, st.st_mtime_ns, st.st_ino))
    return tuple(out)


def attach_cached(result: RebalanceResult) -> RebalanceResult:
    """``attach_exposures(result)``, the fund data read again only when the local store changed since the
    last call in this process (the same result: tested)."""
    from engine.data.fund_store import FundStore

    global _SHARED
    path = FundStore().path
    sig = _signature(path)
    shared = _SHARED
    if shared is None or shared[0] != sig:
        shared = _SHARED = (sig, Exposures(path))
    return shared[1].attach(result)
