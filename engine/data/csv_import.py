"""Read price files the user brings: detect the layout, prefer the adjusted column, say what was used.

Layouts understood (column names are matched without regard to case, spaces or underscores):

- Yahoo download: Date, Open, High, Low, Close, Adj Close, Volume -> "Adj Close"
- EODHD: Date, Open, High, Low, Close, Adjusted_close, Volume -> "Adjusted_close"
- yfinance ``history()`` export: Date with time and UTC offset (``2004-01-30 00:00:00-05:00``), OHLC,
  Volume, Dividends, Stock Splits -> "Close" (yfinance already adjusted it)
- plain: Date, Close (and maybe Volume) -> "Close", checked for unadjusted splits
- wide: Date and one numeric column per ticker -> each column, checked for unadjusted splits

A raw Close is never used when an adjusted column exists. Split-like overnight jumps in a column that
may be raw are undone and reported (a 2-for-1 split is not a −50 % return).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from engine.data.checks import SplitJump, calendar_gaps, find_spikes, find_split_jumps, undo_splits
from engine.errors import DataError

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
_TICKER = re.compile(r"^[A-Z0-9][A-Z0-9.\-^=]{0,14}$")
_OHLCV = {
    "open",
    "high",
    "low",
    "close",
    "adjclose",
    "adjustedclose",
    "volume",
    "dividends",
    "stocksplits",
    "capitalgains",
    "stock",
    "ticker",
    "symbol",
    "name",
}


@dataclass(frozen=True)
class PriceFile:
    """One ticker's prices read from a file."""

    ticker: str
    prices: pd.Series  # adjusted daily closes, DatetimeIndex (dates, no time zone), ascending
    layout: str
    column: str  # the column the prices were taken from
    volume: pd.Series | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def first_day(self) -> pd.Timestamp:
        return pd.Timestamp(self.prices.index[0])

    @property
    def last_day(self) -> pd.Timestamp:
        return pd.Timestamp(self.prices.index[-1])


def _norm(name: str) -> str:
    return re.sub(r"[\s_\-]", "", str(name)).lower()


def ticker_from_filename(name: str) -> str:
    """``IJR_US.csv`` -> ``IJR``; ``vbr prices.csv`` -> ``VBR``."""
    stem = Path(name).name.split(".")[0]
    return re.split(r"[\s_]", stem.strip())[0].upper()


def _parse_dates(raw: pd.Series, where: str) -> pd.DatetimeIndex:
    s = raw.astype(str).str.strip()
    if s.map(lambda v: bool(_ISO.match(v))).all():
        # keep the exchange-local calendar date; a time and UTC offset after it are dropped
        return pd.DatetimeIndex(pd.to_datetime(s.str.slice(0, 10), format="%Y-%m-%d", errors="raise"))
    for fmt in ("%m/%d/%Y", "%Y%m%d", "%d.%m.%Y"):
        try:
            return pd.DatetimeIndex(pd.to_datetime(s, format=fmt, errors="raise"))
        except (ValueError, TypeError):
            continue
    bad = s.iloc[0] if len(s) else ""
    raise DataError(f"{where}: cannot read dates like {bad!r}; write them as YYYY-MM-DD")


def _read_table(source: str | Path | bytes, where: str) -> pd.DataFrame:
    try:
        if isinstance(source, bytes):
            df = pd.read_csv(io.BytesIO(source), dtype=str, encoding="utf-8-sig", skipinitialspace=True)
        else:
            df = pd.read_csv(source, dtype=str, encoding="utf-8-sig", skipinitialspace=True)
    except FileNotFoundError:
        raise DataError(f"{where}: file not found") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DataError(f"{where}: not a readable CSV price file ({first})") from None
    df.columns = [str(c).strip() for c in df.columns]
    if df.empty:
        raise DataError(f"{where}: the file has no price rows")
    return df


def _numbers(col: pd.Series) -> pd.Series:
    cleaned = col.astype(str).str.strip().str.replace(",", "", regex=False).str.replace("$", "", regex=False)
    values = [v if v not in ("", "null", "nan", "NaN", "None", "-") else "nan" for v in cleaned.tolist()]
    out = pd.Series(
        pd.to_numeric(np.array(values, dtype=object), errors="coerce"), index=col.index, dtype=float
    )
    return out


def read_price_csv(
    source: str | Path | bytes, *, ticker: str | None = None, name: str | None = None
) -> list[PriceFile]:
    """Read a price CSV; one PriceFile per ticker (several for a wide file). DataError says what is wrong."""
    where = name or (Path(source).name if not isinstance(source, bytes) else "price file")
    df = _read_table(source, where)
    cols = {_norm(c): c for c in df.columns}
    date_col = next((cols[k] for k in ("date", "datetime", "timestamp", "time") if k in cols), df.columns[0])
    dates = _parse_dates(df[date_col], where)
    volume = _numbers(df[cols["volume"]]).to_numpy() if "volume" in cols else None

    if "adjclose" in cols or "adjustedclose" in cols:
        key = "adjclose" if "adjclose" in cols else "adjustedclose"
        layout = "Yahoo download" if key == "adjclose" else "EODHD"
        specs = [
            (
                ticker or ticker_from_filename(where),
                cols[key],
                True,
                "adjusted for splits and dividends; the raw Close was not used",
            )
        ]
    elif "close" in cols and ("dividends" in cols or "stocksplits" in cols):
        layout = "yfinance history() export"
        specs = [(ticker or ticker_from_filename(where), cols["close"], True, "already adjusted by yfinance")]
    elif "close" in cols:
        layout = "plain Date,Close"
        specs = [
            (
                ticker or ticker_from_filename(where),
                cols["close"],
                False,
                "no adjusted column; checked for unadjusted splits",
            )
        ]
    else:
        value_cols = [c for c in df.columns if c != date_col and _norm(c) not in _OHLCV]
        wide = [c for c in value_cols if _numbers(df[c]).notna().mean() > 0.5]
        if not wide:
            raise DataError(
                f"{where}: no price column found; expected Adj Close, Adjusted_close or Close "
                "(or one column per ticker)"
            )
        layout = "wide (one column per ticker)"
        specs = [(str(c).strip().upper(), c, False, "checked for unadjusted splits") for c in wide]
        bad = [t for t, *_ in specs if not _TICKER.match(t)]
        if bad:
            raise DataError(f"{where}: column {bad[0]!r} is not a ticker symbol; name columns by ticker")

    out: list[PriceFile] = []
    for tk, col, adjusted, why in specs:
        out.append(
            _one(
                df,
                dates,
                volume,
                tk.upper(),
                col,
                adjusted,
                layout,
                why,
                where,
                splits_col=cols.get("stocksplits"),
            )
        )
    return out


def _one(
    df: pd.DataFrame,
    dates: pd.DatetimeIndex,
    volume: np.ndarray | None,
    ticker: str,
    col: str,
    adjusted: bool,
    layout: str,
    why: str,
    where: str,
    splits_col: str | None,
) -> PriceFile:
    if not _TICKER.match(ticker):
        raise DataError(f"{where}: {ticker!r} is not a ticker symbol; give the ticker explicitly")
    values = _numbers(df[col]).to_numpy(dtype=np.float64)
    notes = [f"{where}: {layout} layout; {ticker} prices from column {col!r} ({why})"]
    s = pd.Series(values, index=dates, name=ticker)
    vol = pd.Series(volume, index=dates, name="Volume") if volume is not None else None
    missing = int(np.isnan(values).sum())
    if missing:
        notes.append(f"{ticker}: {missing} rows without a price skipped")
    keep = ~np.isnan(values)
    s = s[keep]
    vol = vol[keep] if vol is not None else None
    if not s.index.is_monotonic_increasing:
        order = np.argsort(s.index.to_numpy(), kind="stable")
        s = s.iloc[order]
        vol = vol.iloc[order] if vol is not None else None
    dup = s.index.duplicated(keep="last")
    if dup.any():
        notes.append(f"{ticker}: {int(dup.sum())} repeated dates; the last row of each was kept")
        s = s[~dup]
        vol = vol[~dup] if vol is not None else None
    nonpos = s <= 0
    if nonpos.any():
        notes.append(f"{ticker}: {int(nonpos.sum())} zero or negative prices left out")
        s = s[~nonpos]
        vol = vol[~nonpos.to_numpy()] if vol is not None else None
    if len(s) < 2:
        raise DataError(f"{where}: fewer than two usable prices for {ticker}")

    splits: list[SplitJump] = []
    if not adjusted:
        splits = find_split_jumps(s)
    elif splits_col is not None:
        splits = _unapplied_splits(s, _numbers(df[splits_col]).set_axis(dates), ticker)
    if splits:
        s = undo_splits(s, splits)
        notes.extend(sp.describe() for sp in splits)
    notes.extend(
        sp.describe().replace("that price was left out", "it will be left out of risk estimates")
        for sp in find_spikes(s, vol)
    )
    notes.extend(calendar_gaps(ticker, pd.DatetimeIndex(s.index)))
    s.index.name = "Date"
    return PriceFile(ticker, s.astype(np.float64), layout, str(col), vol, tuple(notes))


def _unapplied_splits(s: pd.Series, split_col: pd.Series, ticker: str) -> list[SplitJump]:
    """Splits listed in a Stock Splits column that still show as a jump in the prices."""
    out: list[SplitJump] = []
    for day, factor in split_col[split_col.fillna(0) > 0].items():
        if day not in s.index:
            continue
        i = s.index.get_loc(day)
        if not isinstance(i, int) or i == 0:
            continue
        ratio = float(s.iloc[i] / s.iloc[i - 1])
        if abs(np.log(ratio * float(factor))) < 0.1:
            out.append(SplitJump(ticker, pd.Timestamp(str(day)), 1.0 / float(factor)))
    return out
