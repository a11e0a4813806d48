"""The fund-data files: the bundled, dated snapshot (``resources/funds/snapshot.json``) and the user's CSV
of fund holdings — both read into ``FundData`` and offered as ``FundSource``s. Any malformed input ends in
one ``DataError`` naming what is wrong (and the line, for a CSV)."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from engine.data.funds import FundData, FundFetch, Holding, _clean, canonical_sector
from engine.errors import DataError

# -- the bundled snapshot ----------------------------------------------------------------------------

SNAPSHOT_FILE = "snapshot.json"
SNAPSHOT_FORMAT = "coresat-fund-snapshot"
SNAPSHOT_SOURCE = "bundled snapshot"


@dataclass(frozen=True)
class Snapshot:
    as_of: date
    source: str
    caveat: str
    funds: Mapping[str, FundData]


def parse_snapshot(text: str) -> Snapshot:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(f"the fund snapshot is not valid JSON ({exc})") from None
    if not isinstance(doc, dict) or doc.get("format") != SNAPSHOT_FORMAT:
        raise DataError(f"the fund snapshot is not a {SNAPSHOT_FORMAT} file")
    try:
        as_of = date.fromisoformat(doc["as_of"])
        source = str(doc["source"])
        caveat = str(doc.get("caveat") or "")
        funds_raw = doc["funds"]
        if not isinstance(funds_raw, dict):
            raise TypeError("funds must be a table of tickers")
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"the fund snapshot's header is malformed ({exc})") from None
    funds = {}
    for tk, d in funds_raw.items():
        if not isinstance(d, dict):
            raise DataError(f"fund data for {tk} is malformed (not a table)")
        merged = {
            "source": SNAPSHOT_SOURCE,
            "as_of": doc["as_of"],
            "approximate": True,
            "source_detail": f"Bundled snapshot as of {as_of:%Y-%m-%d}: {source}. {caveat}".strip(),
            **d,
        }
        fd = FundData.from_dict(merged, ticker=tk)
        funds[fd.ticker] = fd
    return Snapshot(as_of, source, caveat, funds)


_snapshot_cache: Snapshot | None = None


def bundled_snapshot() -> Snapshot:
    """The dated snapshot shipped in resources/funds (read once per process)."""
    global _snapshot_cache
    if _snapshot_cache is None:
        from engine import resources

        _snapshot_cache = parse_snapshot(resources.read_text("funds", SNAPSHOT_FILE))
    return _snapshot_cache


class SnapshotFundSource:
    """Fund data from the bundled snapshot (offline; dated; approximate)."""

    name = "bundled snapshot"

    def __init__(self, snapshot: Snapshot | None = None) -> None:
        self._snapshot = snapshot

    def fetch_funds(self, tickers: Sequence[str]) -> FundFetch:
        snap = self._snapshot or bundled_snapshot()
        got = {t: snap.funds[t] for t in _clean(tickers) if t in snap.funds}
        failed = {t: "not in the bundled snapshot" for t in _clean(tickers) if t not in got}
        return FundFetch(got, failed)


# -- user CSV of fund holdings -----------------------------------------------------------------------

_HEADER_ALIASES = {
    "fund": "fund",
    "etf": "fund",
    "fundticker": "fund",
    "symbol": "symbol",
    "ticker": "symbol",
    "holding": "symbol",
    "name": "name",
    "holdingname": "name",
    "company": "name",
    "weightpct": "weight_pct",
    "weight": "weight_pct",
    "weightpercent": "weight_pct",
    "percent": "weight_pct",
    "sector": "sector",
}


MAX_HOLDINGS_BYTES = 20_000_000  # a full holdings file of a total-market fund is a few MB
MAX_FIELD_CHARS = 10_000


def read_holdings_csv(source: str | Path, *, as_of: date | None = None) -> dict[str, FundData]:
    """Read a CSV of fund holdings: columns ``fund, symbol, weight_pct`` and optionally ``name``, ``sector``
    (header required; weights in percent of the fund, a trailing % allowed). Sector weights are derived from
    the ``sector`` column when present. The file is opened through ``engine.io.safe_open`` (regular files
    only, size-limited); numbers follow ``engine.io.numbers`` (one decimal mark per file). Raises DataError
    naming the line on any malformed row."""
    from engine.io.errors import InputError
    from engine.io.safe_open import read_user_text

    p = Path(source)
    try:  # the path as given: a str is checked for a web address before it becomes a Path ("https:/…")
        text = read_user_text(source, MAX_HOLDINGS_BYTES, "fund holdings CSV")
    except InputError as exc:
        raise DataError(str(exc)) from None
    except OSError as exc:
        raise DataError(f"cannot read the holdings file {p}: {exc}") from None
    return parse_holdings_csv(text, label=f"CSV {p.name}", as_of=as_of)


def _csv_rows(text: str, label: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) of the non-blank rows; a broken quote or a giant field names its line."""
    from engine.io.numbers import delimiter_of

    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=delimiter_of(first), strict=True)
    out: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            if any(len(c) > MAX_FIELD_CHARS for c in row):
                raise DataError(
                    f"{label}: line {reader.line_num}: a field is longer than {MAX_FIELD_CHARS} characters"
                )
            if any(c.strip() for c in row):
                out.append((reader.line_num, row))
    except csv.Error as exc:
        raise DataError(
            f"{label}: line {reader.line_num}: cannot be read as CSV ({exc}); check the quotes"
        ) from None
    return out


def parse_holdings_csv(text: str, *, label: str = "CSV", as_of: date | None = None) -> dict[str, FundData]:
    from engine.io.errors import NumberError
    from engine.io.numbers import delimiter_of, parse_number, require_decimal_mark

    rows = _csv_rows(text, label)
    if not rows:
        raise DataError(f"{label}: the holdings file is empty; expected a header fund,symbol,weight_pct")
    cols = [_HEADER_ALIASES.get(re.sub(r"[^a-z]", "", c.lower())) for c in rows[0][1]]
    need = {"fund", "symbol", "weight_pct"}
    if not need <= set(cols):
        miss = ", ".join(sorted(need - {c for c in cols if c}))
        raise DataError(
            f"{label}: line {rows[0][0]}: header lacks {miss}; expected fund,symbol,weight_pct[,name,sector]"
        )
    idx = {c: i for i, c in enumerate(cols) if c}
    body = rows[1:]
    width = len(rows[0][1])
    for n, row in body:
        if len(row) <= max(idx["fund"], idx["symbol"], idx["weight_pct"]):
            raise DataError(f"{label}: line {n}: too few columns")
        if len(row) > width and any(c.strip() for c in row[width:]):  # "IWM,AAA,1,5": never read as 1
            raise DataError(
                f"{label}: line {n}: {len(row)} fields but the header has {width}; "
                'quote a value that holds the separator (a decimal comma: "1,5")'
            )
    cells = [row[idx["weight_pct"]].strip().rstrip("%").strip() for _, row in body]
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    try:
        mark = require_decimal_mark(
            cells, [f"line {n}, weight" for n, _ in body], where=label, delimiter=delimiter_of(first)
        )
    except NumberError as exc:
        raise DataError(str(exc)) from None  # names the file (``where``) and the line
    per_fund: dict[str, dict[str, Holding]] = {}
    for (n, row), raw_w in zip(body, cells, strict=True):
        fund = row[idx["fund"]].strip().upper()
        sym = row[idx["symbol"]].strip().upper()
        if not fund or not sym:
            raise DataError(f"{label}: line {n}: fund and symbol must not be empty")
        try:
            w = parse_number(raw_w, mark)
        except NumberError:
            raise DataError(
                f"{label}: line {n}: weight {raw_w!r} is not a number (percent of the fund)"
            ) from None
        if not math.isfinite(w) or w < 0 or w > 100:
            raise DataError(
                f"{label}: line {n}: weight {raw_w} must be between 0 and 100 (percent of the fund)"
            )
        name = row[idx["name"]].strip() if "name" in idx and idx["name"] < len(row) else ""
        sec = row[idx["sector"]].strip() if "sector" in idx and idx["sector"] < len(row) else ""
        holdings = per_fund.setdefault(fund, {})
        prev = holdings.get(sym)
        weight = w / 100.0 + (prev.weight if prev else 0.0)
        holdings[sym] = Holding(sym, name or sym, weight, canonical_sector(sec) if sec else None)
    out: dict[str, FundData] = {}
    for fund, hold in per_fund.items():
        total = sum(h.weight for h in hold.values())
        if total > 1.0 + 1e-6:
            raise DataError(
                f"{label}: the weights of {fund} add up to {total * 100:.2f} %, more than 100 %; "
                "give each holding's percent of the fund"
            )
        ordered = tuple(sorted(hold.values(), key=lambda h: -h.weight))
        sectors: dict[str, float] | None = None
        if all(h.sector is not None for h in ordered):
            sectors = {}
            for h in ordered:
                assert h.sector is not None
                sectors[h.sector] = sectors.get(h.sector, 0.0) + h.weight
        out[fund] = FundData(
            ticker=fund,
            source=label,
            as_of=as_of,
            sectors=sectors,
            holdings=ordered,
            holdings_complete=total >= 0.95,
            holdings_count=len(ordered) if total >= 0.95 else None,
        )
    return out


class CsvFundSource:
    """Fund data read from the user's holdings CSV files."""

    name = "holdings CSV"

    def __init__(self, files: Iterable[str | Path]) -> None:
        self._funds: dict[str, FundData] = {}
        for f in files:
            self._funds.update(read_holdings_csv(f))

    def fetch_funds(self, tickers: Sequence[str]) -> FundFetch:
        got = {t: self._funds[t] for t in _clean(tickers) if t in self._funds}
        return FundFetch(got, {t: "not in the holdings CSV" for t in _clean(tickers) if t not in got})
