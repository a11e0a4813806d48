"""Look-through: what the portfolio holds through its funds — sectors, underlying companies, overlap
between funds and valuation — for the weights before, at target and after the trades.

The fund data is arranged once per universe into matrices (``ExposureModel``), so every exposure is
linear in the portfolio weights: sector exposure = ``sector_matrix @ w`` and company exposure =
``company_matrix @ w`` (weights as fractions of total portfolio value, cash being the rest). An optimizer
limit on a sector is then one linear inequality.

Valuation is the weighted *harmonic* mean: P/E of the portfolio = Σw / Σ(w / P/E) over the funds with a
P/E, i.e. total price over total earnings. P/Es with different methods (loss-makers excluded or not) are
not comparable; the report says when it mixes them. Nothing missing is ever counted as zero: a fund
without sector data is its own row, a fund without P/E is left out of the mean and the coverage says so.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from engine.data.funds import OTHER, SECTORS, EarningsMethod, FundData
from engine.risk.exposure_report import (
    CompanyRow,
    ExposureReport,
    FundRow,
    OverlapRow,
    SectorRow,
    Valuation,
)

BONDS = "Bond funds (no equity sectors)"
NO_DATA = "No sector data"
CASH = "Cash"
SECTOR_ROWS: tuple[str, ...] = (*SECTORS, OTHER, BONDS, NO_DATA)
BENCHMARK_TICKERS = ("SPY", "IVV", "VOO")  # S&P 500 funds whose figures stand for the index


@dataclass(frozen=True)
class ExposureModel:
    """Fund data for a fixed list of tickers as matrices (columns follow ``tickers``)."""

    tickers: tuple[str, ...]
    sector_rows: tuple[str, ...]
    sector_matrix: np.ndarray  # len(sector_rows) × len(tickers); every column sums to 1
    companies: tuple[str, ...]
    company_names: tuple[str, ...]
    company_matrix: np.ndarray  # companies × tickers: fraction of each fund in each listed company
    pe: np.ndarray  # per ticker, NaN where not available
    pb: np.ndarray
    funds: Mapping[str, FundData]

    def sector_index(self, sector: str) -> int:
        return self.sector_rows.index(sector)

    @cached_property
    def _company_of(self) -> dict[str, int]:
        return {s: k for k, s in enumerate(self.companies)}

    def company_index(self, symbol: str) -> int | None:
        """The row of ``symbol`` in ``company_matrix``; None when no fund lists it."""
        return self._company_of.get(symbol.strip().upper())

    def held_sectors(self) -> tuple[str, ...]:
        """The named sectors (``SECTORS``) that at least one of the funds holds."""
        return tuple(s for s in SECTORS if self.sector_matrix[self.sector_index(s)].any())

    def exposure(self, kind: str, subject: str, w: np.ndarray) -> float | None:
        """The share of the portfolio (weights ``w``) in a sector (``kind`` "sector") or in one underlying
        company (``kind`` "company") through all funds; None when no fund data lists that company."""
        if kind == "sector":
            return float(self.sector_matrix[self.sector_index(subject)] @ w)
        k = self.company_index(subject)
        return None if k is None else float(self.company_matrix[k] @ w)

    def provenance(self) -> tuple[str, ...]:
        """Where the fund data comes from and its as-of date, once per source (``FundData.provenance``)."""
        return tuple(dict.fromkeys(f.provenance() for f in self.funds.values()))


def build_model(
    tickers: Sequence[str], funds: Mapping[str, FundData], *, companies: bool = True
) -> ExposureModel:
    """Arrange ``funds`` for ``tickers``. A ticker without fund data (a single stock, an unknown fund)
    goes whole into the ``NO_DATA`` row; a bond fund into ``BONDS``; the part of a fund its sector
    weights do not cover (cash, unclassified) into ``OTHER``. ``companies=False``: sectors and valuation
    only (no company rows; a tenth of the time for funds with long holdings lists)."""
    tks = tuple(t.upper() for t in tickers)
    rows = SECTOR_ROWS
    row_of = {r: i for i, r in enumerate(rows)}
    sm = np.zeros((len(rows), len(tks)))
    listed: list[tuple[int, tuple[str, ...], tuple[str, ...], np.ndarray]] = []
    pe = np.full(len(tks), np.nan)
    pb = np.full(len(tks), np.nan)
    for j, t in enumerate(tks):
        fd = funds.get(t)
        if fd is None:
            sm[row_of[NO_DATA], j] = 1.0
            continue
        if fd.kind == "bond":
            sm[row_of[BONDS], j] = 1.0
        elif fd.sectors is None:
            sm[row_of[NO_DATA], j] = 1.0
        else:
            total = 0.0
            for s, v in fd.sectors.items():
                sm[row_of.get(s, row_of[OTHER]), j] += v
                total += v
            if total > 1.0:  # rounding in the source: scale to the whole fund
                sm[:, j] /= total
            else:
                sm[row_of[OTHER], j] += 1.0 - total
        if fd.pe is not None:
            pe[j] = fd.pe
        if fd.pb is not None:
            pb[j] = fd.pb
        if fd.holdings and companies:
            listed.append((j, *fd.holding_columns))
    # dict building and lookups in C (map, zip, bincount): 24,000 holdings in a few ms
    all_syms = tuple(itertools.chain.from_iterable(x[1] for x in listed))
    symbols = tuple(dict.fromkeys(all_syms))
    company_of = dict(zip(symbols, range(len(symbols)), strict=True))
    rows_all = np.fromiter(map(company_of.__getitem__, all_syms), dtype=np.intp, count=len(all_syms))
    cols_all = np.repeat(np.array([x[0] for x in listed], dtype=np.intp), [len(x[1]) for x in listed])
    w_all = np.concatenate([x[3] for x in listed]) if listed else np.zeros(0)
    # a symbol listed twice in a fund adds up
    cm = np.bincount(rows_all * len(tks) + cols_all, weights=w_all, minlength=len(symbols) * len(tks))
    cm = cm.reshape(len(symbols), len(tks))
    # the first fund that lists a company names it (``symbols`` is in order of first listing)
    first = np.full(len(symbols), len(all_syms), dtype=np.intp)
    np.minimum.at(first, rows_all, np.arange(len(all_syms), dtype=np.intp))
    all_names = tuple(itertools.chain.from_iterable(x[2] for x in listed))
    names = tuple(map(all_names.__getitem__, first.tolist()))
    return ExposureModel(tks, rows, sm, symbols, names, cm, pe, pb, dict(funds))


def valuation(model: ExposureModel, w: np.ndarray) -> Valuation:
    """Harmonic weighted P/E (and P/B) over the funds with a figure; coverage over equity funds."""
    w = np.clip(np.asarray(w, dtype=float), 0.0, None)
    equity = np.array(
        [(model.funds.get(t) is not None and model.funds[t].kind != "bond") for t in model.tickers]
    )
    eq_w = float(w[equity].sum()) if len(w) else 0.0

    def harmonic(x: np.ndarray) -> tuple[float | None, float]:
        ok = equity & np.isfinite(x) & (w > 0)
        if not ok.any():
            return None, 0.0
        return float(w[ok].sum() / (w[ok] / x[ok]).sum()), float(w[ok].sum())

    pe, pe_w = harmonic(model.pe)
    pb, _ = harmonic(model.pb)
    methods = sorted(
        {
            model.funds[t].pe_method.value
            for j, t in enumerate(model.tickers)
            if w[j] > 0 and np.isfinite(model.pe[j]) and t in model.funds
        }
    )
    return Valuation(pe, pb, pe_w / eq_w if eq_w > 0 else 0.0, tuple(methods))


def overlap_matrix(model: ExposureModel, idx: Sequence[int]) -> list[OverlapRow]:
    """Overlap of every pair of the funds ``idx`` (columns of the model): Σ min(weight in A, weight in B)
    over the companies both list."""
    idx = list(idx)
    if len(idx) < 2:
        return []
    sub = np.ascontiguousarray(model.company_matrix[:, idx].T)  # funds × companies
    pos = sub > 0
    listed: np.ndarray = np.asarray(pos.any(axis=1))
    shared = pos.astype(np.int64) @ pos.T.astype(np.int64)
    ov = np.vstack([np.minimum(sub[a], sub).sum(axis=1) for a in range(len(idx))])
    rows: list[OverlapRow] = []
    for a in range(len(idx)):
        fa = model.funds.get(model.tickers[idx[a]])
        if fa is None:
            continue
        for b in range(a + 1, len(idx)):
            fb = model.funds.get(model.tickers[idx[b]])
            if fb is None:
                continue
            same = fa.index if fa.index and fa.index == fb.index else ""
            if not (listed[a] and listed[b]) and not same:
                continue
            complete = fa.holdings_complete and fb.holdings_complete
            if shared[a, b] == 0 and not complete and not same:
                continue  # nothing shared among the listed top holdings says nothing about the funds
            rows.append(
                OverlapRow(
                    model.tickers[idx[a]],
                    model.tickers[idx[b]],
                    float(ov[a, b]),
                    int(shared[a, b]),
                    not complete,
                    same,
                )
            )
    rows.sort(key=lambda r: (not r.same_index, -r.overlap))
    return rows


def lookthrough(
    model: ExposureModel,
    before: np.ndarray,
    target: np.ndarray,
    after: np.ndarray,
    *,
    top: int = 15,
) -> ExposureReport:
    """The look-through report for three weight vectors (fractions of total value, in ``model.tickers``
    order; cash is what they leave to 1)."""
    ws = [np.asarray(x, dtype=float) for x in (before, target, after)]
    sec = [model.sector_matrix @ w for w in ws]
    sectors = [
        SectorRow(r, float(sec[0][i]), float(sec[1][i]), float(sec[2][i]))
        for i, r in enumerate(model.sector_rows)
        if max(abs(s[i]) for s in sec) > 1e-12
    ]
    cash = [1.0 - float(w.sum()) for w in ws]
    if max(abs(c) for c in cash) > 1e-9:
        sectors.append(SectorRow(CASH, *cash))
    held = np.flatnonzero(np.max(np.abs(np.vstack(ws)), axis=0) > 0)
    comp = [model.company_matrix @ w for w in ws]
    companies: list[CompanyRow] = []
    if len(model.companies):
        k = min(top, len(model.companies))
        order = np.argpartition(-comp[2], k - 1)[:k]
        order = order[np.argsort(-comp[2][order], kind="stable")]
        for c in order:
            if comp[2][c] <= 0 and comp[0][c] <= 0:
                continue
            in_funds = tuple(model.tickers[j] for j in held if model.company_matrix[c, j] > 0)
            companies.append(
                CompanyRow(
                    model.companies[c],
                    model.company_names[c],
                    float(comp[0][c]),
                    float(comp[1][c]),
                    float(comp[2][c]),
                    in_funds,
                )
            )
    bench_name, bench = _benchmark(model)
    fund_rows = tuple(
        _fund_row(model.funds[model.tickers[j]]) for j in held if model.tickers[j] in model.funds
    )
    no_data = tuple(model.tickers[j] for j in held if model.tickers[j] not in model.funds)
    vals = [valuation(model, w) for w in ws]
    notes = _notes(vals, bench, no_data)
    used = [model.funds[model.tickers[j]] for j in held if model.tickers[j] in model.funds]
    sources = tuple(
        dict.fromkeys([*(f.provenance() for f in used), *(f.source_detail for f in used if f.source_detail)])
    )
    return ExposureReport(
        tuple(sectors),
        vals[0],
        vals[1],
        vals[2],
        bench_name,
        bench,
        tuple(companies),
        tuple(overlap_matrix(model, list(held))),
        fund_rows,
        no_data,
        sources,
        tuple(notes),
    )


def _fund_row(fd: FundData) -> FundRow:
    return FundRow(
        fd.ticker,
        fd.name,
        fd.provenance(),
        fd.missing(),
        fd.pe,
        fd.pe_method.value,
        fd.pb,
        fd.expense_ratio,
        fd.holdings_count,
        fd.notes,
    )


def _benchmark(model: ExposureModel) -> tuple[str | None, Valuation | None]:
    for t in BENCHMARK_TICKERS:
        fd = model.funds.get(t)
        if fd is not None and fd.pe is not None:
            return f"S&P 500 ({t})", Valuation(fd.pe, fd.pb, 1.0, (fd.pe_method.value,))
    return None, None


def _notes(vals: list[Valuation], bench: Valuation | None, no_data: tuple[str, ...]) -> list[str]:
    notes: list[str] = []
    methods = {m for v in vals for m in v.pe_methods} | set(bench.pe_methods if bench else ())
    if len(methods) > 1:
        notes.append(
            "the P/E figures use different methods ("
            + "; ".join(sorted(methods))
            + "), so they compare only roughly"
        )
    if EarningsMethod.UNKNOWN.value in methods:
        notes.append(
            "a P/E whose source does not say whether loss-makers are excluded may be far off the other "
            "method (the Russell 2000: about 15 without them, about 30 with them)"
        )
    cov = vals[2].pe_coverage
    if vals[2].pe is not None and cov < 0.999:
        notes.append(f"the P/E after the trades covers {cov * 100:.0f} % of the equity funds' weight")
    if no_data:
        notes.append("no fund data for " + ", ".join(no_data) + ": shown as 'No sector data', not in the P/E")
    return notes


def report_for_weights(
    tickers: Sequence[str],
    funds: Mapping[str, FundData],
    before: Mapping[str, float],
    target: Mapping[str, float],
    after: Mapping[str, float],
    *,
    top: int = 15,
    model: ExposureModel | None = None,
) -> ExposureReport:
    """Convenience: weights given per ticker. ``model``: the model of these tickers and funds, built before
    (a later result of the same universe need not arrange the holdings again)."""
    if model is None or model.tickers != tuple(t.upper() for t in tickers):
        model = build_model(tickers, funds)

    def vec(m: Mapping[str, float]) -> np.ndarray:
        return np.array([float(m.get(t, 0.0)) for t in model.tickers])

    return lookthrough(model, vec(before), vec(target), vec(after), top=top)


def report_for_result(
    result: Any,
    funds: Mapping[str, FundData],
    *,
    top: int = 15,
    model: ExposureModel | None = None,
) -> ExposureReport:
    """The look-through of a RebalanceResult's weights before / target / after (``result.assets``)."""
    assets = tuple(result.assets)
    tickers = [a.ticker for a in assets]
    return report_for_weights(
        tickers,
        funds,
        {a.ticker: a.weight_before for a in assets},
        {a.ticker: a.weight_target for a in assets},
        {a.ticker: a.weight_after for a in assets},
        top=top,
        model=model,
    )


def fund_tickers_for(universe: Sequence[str]) -> list[str]:
    """The tickers whose fund data a look-through of ``universe`` wants: the universe and the S&P 500
    comparison (the first benchmark fund), so the valuation can be set against it when the data has it."""
    return list(dict.fromkeys([*(t.upper() for t in universe), BENCHMARK_TICKERS[0]]))
