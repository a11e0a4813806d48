"""Fund look-through data from Yahoo through yfinance's ``Ticker.funds_data``.

How yfinance 1.x behaves here, and what this module does about it:

- ``funds_data`` fetches Yahoo's quoteSummary modules (topHoldings, fundProfile, ...) on first access.
  A fund Yahoo does not know raises ``YFDataException`` ("No Fund data found") — or, with exceptions
  hidden, logs the error and leaves every property ``None``. So every field is checked on its own and a
  missing one is "not available", never zero.
- ``sector_weightings``: ``{"realestate": 0.06, "consumer_cyclical": 0.10, ...}`` (fractions, Morningstar
  names; an empty dict for a fund without equity sectors).
- ``top_holdings``: a DataFrame indexed by ``Symbol`` with ``Name`` and ``Holding Percent`` (a fraction) —
  the top 10 only.
- ``equity_holdings``: a DataFrame indexed by ``Average`` (``Price/Earnings``, ``Price/Book``, ...) with one
  column named after the ticker; ``pd.NA`` where missing. Yahoo does not say how it treats loss-makers, so
  the P/E method is "not stated". A value outside 1..1000 is not a plausible P/E and is dropped with a note.
- ``fund_operations``: ``Annual Report Expense Ratio`` (a fraction) by attribute.
- No holdings count and no as-of date: the date recorded is the day of the download, and said so.

The network is touched only in ``fetch_funds``; tests pass a fake ``ticker_factory``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from engine.data.funds import FundData, FundFetch, Holding, normalise_sectors

SOURCE = "Yahoo (yfinance funds_data)"
_PE_RANGE = (1.0, 1000.0)


def _number(v: Any) -> float | None:
    if v is None or isinstance(v, bool):
        return None
    try:
        x = float(v)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def _frame_value(frame: Any, row: str, column: str) -> float | None:
    """``frame.loc[row, column]`` as a finite float, or None for anything missing or odd."""
    try:
        if frame is None or getattr(frame, "empty", True):
            return None
        if column not in frame.columns:
            column = frame.columns[0]
        return _number(frame.loc[row, column])
    except (KeyError, IndexError, TypeError, ValueError):
        return None


def _attr(fd: Any, name: str) -> Any:
    """One funds_data property; None when yfinance raises or hides a failure."""
    try:
        return getattr(fd, name)
    except Exception:  # yfinance raises many kinds of errors here; the field is simply not available
        return None


def parse_funds_data(ticker: str, fd: Any, today: date) -> FundData | None:
    """A FundData from a yfinance ``FundsData`` object (or anything shaped like it); None when it holds
    no usable field at all."""
    notes: list[str] = ["Yahoo gives no as-of date for fund data; the date shown is the download day"]
    raw_sectors = _attr(fd, "sector_weightings")
    if raw_sectors is None:  # the parse failed (a parsed reply gives a dict, maybe empty): don't ask again
        return None
    sectors = normalise_sectors(raw_sectors) if isinstance(raw_sectors, dict) else None
    holdings: tuple[Holding, ...] | None = None
    top = _attr(fd, "top_holdings")
    if (
        top is not None
        and not getattr(top, "empty", True)
        and "Holding Percent" in getattr(top, "columns", ())
    ):
        items = []
        for sym, row in top.iterrows():
            w = _number(row.get("Holding Percent"))
            name = row.get("Name")
            name_s = str(name) if isinstance(name, str) and name.strip() else None
            sym_s = str(sym).strip().upper() if isinstance(sym, str) and str(sym).strip() else None
            if w is None or w <= 0 or (sym_s is None and name_s is None):
                continue
            items.append(Holding(sym_s or str(name_s).upper(), name_s or str(sym_s), w))
        holdings = tuple(sorted(items, key=lambda h: -h.weight)) or None
    eq = _attr(fd, "equity_holdings")
    pe = _frame_value(eq, "Price/Earnings", ticker)
    if pe is not None and not _PE_RANGE[0] <= pe <= _PE_RANGE[1]:
        notes.append(f"Yahoo's P/E {pe:g} is not a plausible P/E; left out")
        pe = None
    pb = _frame_value(eq, "Price/Book", ticker)
    if pb is not None and pb <= 0:
        pb = None
    ops = _attr(fd, "fund_operations")
    er = _frame_value(ops, "Annual Report Expense Ratio", ticker)
    if er is not None and not 0 <= er < 0.2:
        er = None
    overview = _attr(fd, "fund_overview")
    category = overview.get("categoryName") if isinstance(overview, dict) else None
    kind = "bond" if isinstance(category, str) and "bond" in category.lower() else "equity"
    if all(x is None for x in (sectors, holdings, pe, pb, er)):
        return None
    if holdings is not None:
        notes.append(f"Yahoo lists the top {len(holdings)} holdings only")
    return FundData(
        ticker=ticker,
        source=SOURCE,
        as_of=today,
        name=None,
        kind=kind,
        sectors=sectors,
        holdings=holdings,
        holdings_complete=False,
        holdings_count=None,
        expense_ratio=er,
        pe=pe,
        pb=pb,
        notes=tuple(notes),
    )


class YahooFundSource:
    """Fund data from Yahoo via yfinance (network). ``ticker_factory`` defaults to ``yfinance.Ticker``."""

    name = "Yahoo"

    def __init__(
        self, *, ticker_factory: Callable[[str], Any] | None = None, today: date | None = None
    ) -> None:
        self._factory = ticker_factory
        self._today = today

    def fetch_funds(self, tickers: Sequence[str]) -> FundFetch:
        if self._factory is None:
            import yfinance as yf

            from engine.data.yahoo import configure_yfinance_cache

            configure_yfinance_cache()
            self._factory = yf.Ticker
        today = self._today or date.today()
        got: dict[str, FundData] = {}
        failed: dict[str, str] = {}
        for t in dict.fromkeys(x.strip().upper() for x in tickers if x.strip()):
            try:
                fd = self._factory(t).funds_data
            except Exception as exc:  # yfinance raises YFDataException and network errors alike
                failed[t] = f"Yahoo has no fund data for it ({type(exc).__name__})"
                continue
            data = parse_funds_data(t, fd, today) if fd is not None else None
            if data is None:
                failed[t] = "Yahoo has no fund data for it (not a fund, or the request failed)"
            else:
                got[t] = data
        return FundFetch(got, failed)
