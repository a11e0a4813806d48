"""What is inside a fund: sector weights, holdings, holdings count, expense ratio and valuation, each
with its as-of date and source — and the sources that supply them.

Every field may be missing; ``None`` means "not available" (never zero). Sector names from every source
are mapped to one GICS-like scheme (``SECTORS``); a name we do not know becomes ``OTHER``.

Sources (``FundSource``): the bundled, dated snapshot and a user CSV of fund holdings
(``engine.data.fund_files``), Yahoo's ``funds_data`` (``engine.data.funds_yahoo``) and its local cache
(``engine.data.fund_store``).
``load_funds`` picks, per fund, a user CSV first, then the local cache of Yahoo data, then the snapshot.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from engine.errors import DataError

if TYPE_CHECKING:
    from engine.data.fund_store import FundStore

OTHER = "Other"
SECTORS: tuple[str, ...] = (
    "Communication Services",
    "Consumer Discretionary",
    "Consumer Staples",
    "Energy",
    "Financials",
    "Health Care",
    "Industrials",
    "Information Technology",
    "Materials",
    "Real Estate",
    "Utilities",
)

# names as sources spell them (lower case, letters only) -> the scheme's name
_SECTOR_ALIASES: dict[str, str] = {
    **{re.sub(r"[^a-z]", "", s.lower()): s for s in SECTORS},
    # Yahoo / Morningstar keys (yfinance sector_weightings)
    "realestate": "Real Estate",
    "consumercyclical": "Consumer Discretionary",
    "basicmaterials": "Materials",
    "consumerdefensive": "Consumer Staples",
    "technology": "Information Technology",
    "communicationservices": "Communication Services",
    "financialservices": "Financials",
    "healthcare": "Health Care",
    "industrials": "Industrials",
    "utilities": "Utilities",
    "energy": "Energy",
    # other common spellings (issuer sites, older GICS names)
    "infotech": "Information Technology",
    "it": "Information Technology",
    "informationtech": "Information Technology",
    "tech": "Information Technology",
    "financial": "Financials",
    "finance": "Financials",
    "telecommunicationservices": "Communication Services",
    "telecommunications": "Communication Services",
    "telecom": "Communication Services",
    "communication": "Communication Services",
    "consumerdiscretionary": "Consumer Discretionary",
    "consumerstaples": "Consumer Staples",
    "health": "Health Care",
    "material": "Materials",
    "industrial": "Industrials",
    "utility": "Utilities",
    "reit": "Real Estate",
    "reits": "Real Estate",
}


def canonical_sector(name: str | None) -> str:
    """The scheme's name for a source's sector name; ``OTHER`` for anything unknown."""
    if not name:
        return OTHER
    return _SECTOR_ALIASES.get(re.sub(r"[^a-z]", "", str(name).lower()), OTHER)


class EarningsMethod(StrEnum):
    """How a fund's P/E treats companies with losses. The Russell 2000's P/E is about 15 with loss-makers
    left out and about 30 with them in, so a P/E without its method misleads."""

    EXCLUDES_LOSS_MAKERS = "excludes loss-makers"
    INCLUDES_LOSS_MAKERS = "includes loss-makers"
    UNKNOWN = "method not stated by the source"


@dataclass(frozen=True)
class Holding:
    symbol: str  # ticker of the company (upper case); the name when the source gives no ticker
    name: str
    weight: float  # fraction of the fund (0.005 = 0.5 %)
    sector: str | None = None


@dataclass(frozen=True)
class FundData:
    """What is known about one fund. ``None`` = not available from this source (shown as such)."""

    ticker: str
    source: str  # "Yahoo (yfinance funds_data)", "bundled snapshot …", "CSV holdings.csv"
    as_of: date | None  # the date the figures describe (None: the source gives no date)
    name: str | None = None
    index: str | None = None  # the index the fund tracks ("Russell 2000"), when known
    kind: str = "equity"  # "equity" or "bond": a bond fund has no equity sectors nor P/E
    sectors: Mapping[str, float] | None = None  # scheme name -> fraction of the fund
    holdings: tuple[Holding, ...] | None = None  # largest first
    holdings_complete: bool = False  # True: ``holdings`` is the whole fund, not its top N
    holdings_count: int | None = None
    expense_ratio: float | None = None  # fraction per year (0.0019 = 0.19 %)
    pe: float | None = None
    pe_method: EarningsMethod = EarningsMethod.UNKNOWN
    pe_basis: str = "unknown"  # "trailing", "forward" or "unknown"
    pb: float | None = None
    approximate: bool = False  # figures rounded / recalled, not read from a live source
    notes: tuple[str, ...] = ()
    source_detail: str = ""  # the longer story of the source (shown once per report)

    @cached_property
    def holding_columns(self) -> tuple[tuple[str, ...], tuple[str, ...], np.ndarray]:
        """``holdings`` as columns: symbols, names, weights (read once per fund; the look-through of a
        universe reuses them at every result)."""
        hs = self.holdings or ()
        weights = np.fromiter(map(attrgetter("weight"), hs), dtype=float, count=len(hs))
        return tuple(map(attrgetter("symbol"), hs)), tuple(map(attrgetter("name"), hs)), weights

    def missing(self) -> tuple[str, ...]:
        """Names of the fields this source did not supply, in plain words."""
        out = []
        equity = self.kind != "bond"  # a bond fund has no equity sectors nor P/E: not "missing"
        if self.sectors is None and equity:
            out.append("sector weights")
        if self.holdings is None:
            out.append("holdings")
        if self.holdings_count is None:
            out.append("holdings count")
        if self.expense_ratio is None:
            out.append("expense ratio")
        if self.pe is None and equity:
            out.append("P/E")
        if self.pb is None and equity:
            out.append("P/B")
        return tuple(out)

    def provenance(self) -> str:
        """Where the figures come from and when, in one line (shown wherever they are used)."""
        when = f"as of {self.as_of:%Y-%m-%d}" if self.as_of else "date not given by the source"
        return f"{self.source}, {when}{' (approximate)' if self.approximate else ''}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "ticker": self.ticker,
            "source": self.source,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "name": self.name,
            "index": self.index,
            "kind": self.kind,
            "sectors": dict(self.sectors) if self.sectors is not None else None,
            "holdings": None
            if self.holdings is None
            else [
                {"symbol": h.symbol, "name": h.name, "weight": h.weight, "sector": h.sector}
                for h in self.holdings
            ],
            "holdings_complete": self.holdings_complete,
            "holdings_count": self.holdings_count,
            "expense_ratio": self.expense_ratio,
            "pe": self.pe,
            "pe_method": self.pe_method.value,
            "pe_basis": self.pe_basis,
            "pb": self.pb,
            "approximate": self.approximate,
            "notes": list(self.notes),
            "source_detail": self.source_detail,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], *, ticker: str | None = None) -> FundData:
        """Read the dict form (snapshot file, cache); raises DataError naming the bad field."""
        tk = str(ticker or d.get("ticker") or "").strip().upper()
        if not tk:
            raise DataError("fund data without a ticker")
        try:
            sectors_raw = d.get("sectors")
            sectors = None
            if sectors_raw is not None:
                sectors = normalise_sectors(
                    {str(k): _num(v, f"{tk} sectors.{k}") for k, v in sectors_raw.items()}
                )
            hold_raw = d.get("holdings")
            holdings = None
            if hold_raw is not None:
                holdings = tuple(
                    Holding(
                        str(h["symbol"]).strip().upper(),
                        str(h.get("name") or h["symbol"]),
                        _num(h["weight"], f"{tk} holdings weight"),
                        canonical_sector(h["sector"]) if h.get("sector") else None,
                    )
                    for h in hold_raw
                )
            as_of = d.get("as_of")
            return cls(
                ticker=tk,
                source=str(d.get("source") or "unknown source"),
                as_of=date.fromisoformat(as_of) if as_of else None,
                name=str(d["name"]) if d.get("name") is not None else None,
                index=str(d["index"]) if d.get("index") else None,
                kind="bond" if d.get("kind") == "bond" else "equity",
                sectors=sectors,
                holdings=holdings,
                holdings_complete=bool(d.get("holdings_complete", False)),
                holdings_count=_opt_int(d.get("holdings_count")),
                expense_ratio=_opt_num(d.get("expense_ratio")),
                pe=_positive(d.get("pe")),
                pe_method=EarningsMethod(d.get("pe_method") or EarningsMethod.UNKNOWN.value),
                pe_basis=str(d.get("pe_basis") or "unknown"),
                pb=_positive(d.get("pb")),
                approximate=bool(d.get("approximate", False)),
                notes=tuple(str(n) for n in d.get("notes") or ()),
                source_detail=str(d.get("source_detail") or ""),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DataError(f"fund data for {tk} is malformed ({exc})") from None


def _num(v: Any, what: str) -> float:
    x = float(v)
    if not math.isfinite(x):
        raise ValueError(f"{what} is not a number")
    return x


def _opt_num(v: Any) -> float | None:
    if v is None:
        return None
    try:
        x = float(v)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def _positive(v: Any) -> float | None:
    x = _opt_num(v)
    return x if x is not None and x > 0 else None


def _opt_int(v: Any) -> int | None:
    x = _opt_num(v)
    return int(x) if x is not None and x >= 0 else None


def normalise_sectors(raw: Mapping[str, float]) -> dict[str, float] | None:
    """Source sector names -> the scheme's names (unknown -> ``OTHER``), summed; weights as fractions.
    Negative or non-finite weights are dropped. ``None`` when nothing usable is left (not available)."""
    out: dict[str, float] = {}
    for k, v in raw.items():
        x = _opt_num(v)
        if x is None or x < 0:
            continue
        name = canonical_sector(k)
        out[name] = out.get(name, 0.0) + x
    total = sum(out.values())
    if not out or total <= 0:
        return None
    if total > 1.5:  # given in percent
        out = {k: v / 100.0 for k, v in out.items()}
    return out


# -- the source interface ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FundFetch:
    """What a fund source brought back: data per ticker, and why the others did not come back."""

    funds: Mapping[str, FundData] = field(default_factory=dict)
    failed: Mapping[str, str] = field(default_factory=dict)


class FundSource(Protocol):
    """A source of fund look-through data (bundled snapshot, user CSV, Yahoo; fakes in tests)."""

    name: str

    def fetch_funds(self, tickers: Sequence[str]) -> FundFetch: ...


# -- choosing a source per fund ----------------------------------------------------------------------


def load_funds(
    tickers: Sequence[str],
    *,
    store: FundStore | None = None,
    csv_files: Sequence[str | Path] = (),
    use_snapshot: bool = True,
) -> FundFetch:
    """Fund data for ``tickers``: the user's CSV first, then the local cache (Yahoo data), then the bundled
    snapshot. ``failed`` says, per ticker with no data anywhere, what was tried. A bad CSV raises DataError
    (the user named it); an unreadable cache is skipped."""
    wanted = _clean(tickers)
    got: dict[str, FundData] = {}
    tried: list[str] = []
    sources: list[FundSource] = []
    from engine.data.fund_files import CsvFundSource, SnapshotFundSource

    if csv_files:
        sources.append(CsvFundSource(csv_files))
    if store is not None:
        sources.append(store)
    if use_snapshot:
        sources.append(SnapshotFundSource())
    for src in sources:
        todo = [t for t in wanted if t not in got]
        if not todo:
            break
        if src is store:  # a damaged or locked cache must not hide the snapshot: it is skipped, and said
            try:
                got.update(src.fetch_funds(todo).funds)
            except DataError as exc:
                tried.append(f"{src.name} not readable: {exc}")
                continue
        else:
            got.update(src.fetch_funds(todo).funds)
        tried.append(src.name)
    where = ", ".join(tried) or "no fund-data source"
    return FundFetch(got, {t: f"no fund data ({where})" for t in wanted if t not in got})


def _clean(tickers: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(t.strip().upper() for t in tickers if t and t.strip()))
