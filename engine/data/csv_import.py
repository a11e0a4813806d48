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

import contextlib
import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from engine.data.checks import SplitJump, calendar_gaps, find_spikes, find_split_jumps, undo_splits
from engine.errors import DataError
from engine.io.errors import InputError, NumberError
from engine.io.numbers import DecimalMark, delimiter_of, parse_number, require_decimal_mark
from engine.io.safe_open import read_user_file
from engine.io.tickers import is_ticker
from engine.model.scenario_checks import MAX_PRICE, MIN_PRICE

_ISO = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TEXT_COLUMNS = frozenset({"ticker", "symbol", "name", "currency", "exchange"})
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


_BLANK = frozenset({"", "null", "nan", "NaN", "None", "-", "N/A", "n/a", "NA"})
MAX_FILE_BYTES = 50_000_000  # 100 years of daily OHLCV is about 2 MB; a wide file of 500 tickers 40 MB
FIRST_YEAR, LAST_YEAR = 1900, 2100


def _line(df: pd.DataFrame, i: int) -> str:
    """Where row ``i`` of ``df`` is in the file (row labels are file line numbers)."""
    return f"line {df.index[i]}"


def _parse_dates(raw: pd.Series, where: str) -> pd.DatetimeIndex:
    s = raw.fillna("").astype(str).str.strip()
    blank = (s == "").to_numpy()
    if blank.any():
        i = int(np.argmax(blank))
        raise DataError(f"{where}: line {raw.index[i]} has no date; fill it in or delete the line")
    iso = s.map(lambda v: bool(_ISO.match(v))).to_numpy(dtype=bool)
    if iso.all():
        # keep the exchange-local calendar date; a time and UTC offset after it are dropped
        return _checked_dates(s.str.slice(0, 10), "%Y-%m-%d", s, where)
    if iso.mean() > 0.5:  # ISO dates with a few cells that are none: name the first of those
        i = int(np.argmin(iso))
        raise DataError(
            f"{where}: line {raw.index[i]} has {s.iloc[i][:40]!r}, which is not a date like the others "
            "(YYYY-MM-DD); correct it or delete the line"
        )
    best: tuple[float, pd.Series] | None = None
    for fmt in ("%m/%d/%Y", "%Y%m%d", "%d.%m.%Y"):
        parsed = pd.to_datetime(s, format=fmt, errors="coerce")
        if parsed.notna().mean() > 0.5:
            return _checked_dates(s, fmt, s, where)
        if best is None or parsed.notna().mean() > best[0]:
            best = (float(parsed.notna().mean()), parsed)
    # the first cell none of the layouts reads (not the first cell: that one may be a good date)
    unread = best[1].isna().to_numpy() if best is not None and best[0] > 0 else np.ones(len(s), dtype=bool)
    bad = s.iloc[int(np.argmax(unread))] if len(s) else ""
    raise DataError(f"{where}: cannot read dates like {bad[:40]!r}; write them as YYYY-MM-DD")


def _checked_dates(text: pd.Series, fmt: str, shown: pd.Series, where: str) -> pd.DatetimeIndex:
    """Dates in ``fmt``; an impossible date (2024-02-30) or a year outside 1900–2100 names its line."""
    years = pd.to_numeric(text.str.extract(r"([0-9]{4})", expand=False), errors="coerce")
    out_of_range = ((years < FIRST_YEAR) | (years > LAST_YEAR)).fillna(False).to_numpy()
    if out_of_range.any():
        i = int(np.argmax(out_of_range))
        raise DataError(
            f"{where}: line {shown.index[i]} has the date {shown.iloc[i][:40]!r}; "
            f"price dates must be between {FIRST_YEAR} and {LAST_YEAR}"
        )
    parsed = pd.to_datetime(text, format=fmt, errors="coerce")
    bad = parsed.isna().to_numpy()
    if bad.any():
        i = int(np.argmax(bad))
        raise DataError(
            f"{where}: line {shown.index[i]} has {shown.iloc[i][:40]!r}, which is not a date "
            "(no such day, or not written like the other dates); correct it or delete the line"
        )
    return pd.DatetimeIndex(parsed)


def _delimiter(raw: bytes) -> str:
    """',' unless the header line is clearly separated by ';' or tabs."""
    head = raw.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0]
    return delimiter_of(head.decode("utf-8", errors="replace"))


def _read_table(source: str | Path | bytes, where: str) -> tuple[pd.DataFrame, str]:
    if isinstance(source, bytes):
        raw = source
        if len(raw) > MAX_FILE_BYTES:
            raise DataError(f"{where}: larger than {MAX_FILE_BYTES // 1_000_000} MB; is this a price file?")
    else:
        try:
            raw = read_user_file(source, MAX_FILE_BYTES, "price file")
        except InputError as exc:
            raise DataError(str(exc)) from None
    sep = _delimiter(raw)
    try:
        df = pd.read_csv(
            io.BytesIO(raw),
            dtype=str,
            encoding="utf-8-sig",
            skipinitialspace=True,
            sep=sep,
            skip_blank_lines=False,
            keep_default_na=False,
            engine="python" if sep != "," else "c",
        )
    except UnicodeDecodeError:
        raise DataError(f"{where}: not UTF-8 text; save it as CSV (UTF-8)") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, csv.Error) as exc:
        first = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        raise DataError(f"{where}: not a readable CSV price file ({first})") from None
    df.columns = [str(c).strip() for c in df.columns]
    df.index = pd.RangeIndex(2, 2 + len(df))  # row label = line number in the file (header is line 1)
    blank = np.ones(len(df), dtype=bool)
    for c in df.columns:
        blank &= (df[c].fillna("").astype(str).str.strip() == "").to_numpy(dtype=bool)
    df = df[~blank]
    if df.empty:
        raise DataError(f"{where}: the file has no price rows")
    return df, sep


# Plain cells (the bulk of any price file) are read vectorized; the rest go through the number rule.
_PLAIN = {
    ".": r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?",
    ",": r"[+-]?(?:[0-9]+(?:,[0-9]*)?|,[0-9]+)",
}
_PLAIN_AMBIGUOUS = r"[+-]?[1-9][0-9]{0,2}[.,][0-9]{3}"  # 1.234 / 1,234: the mark decides the value


def _numbers(col: pd.Series, mark: DecimalMark | None, *, keep_inf: bool = False) -> pd.Series:
    """Cells as floats by the file's number rule; blanks, 'null' and cells that are no number are NaN
    (and so are numbers beyond float range, unless ``keep_inf``)."""
    s = col.fillna("").astype(str).str.strip()
    out = np.full(len(s), np.nan)
    plain = s.str.fullmatch(_PLAIN[mark or "."]).to_numpy(dtype=bool)
    if mark is None:
        plain &= ~s.str.fullmatch(_PLAIN_AMBIGUOUS).to_numpy(dtype=bool)
    text = s[plain].str.replace(",", ".", regex=False) if mark == "," else s[plain]
    with np.errstate(over="ignore"):
        out[plain] = pd.to_numeric(text, errors="coerce").to_numpy(dtype=np.float64)
    rest = ~plain & ~s.isin(_BLANK).to_numpy(dtype=bool)
    for i in np.flatnonzero(rest):
        with contextlib.suppress(NumberError):
            out[i] = parse_number(s.iloc[i], mark)
    out[np.isnan(out) if keep_inf else ~np.isfinite(out)] = np.nan
    return pd.Series(out, index=col.index, dtype=float)


def _decimal_mark(df: pd.DataFrame, columns: list[str], sep: str, where: str) -> DecimalMark:
    """The file's decimal mark from its number columns; DataError showing the line when undecidable."""
    cells: list[str] = []
    labels: list[str] = []
    for c in columns:
        s = df[c].fillna("").astype(str).str.strip()
        # plain integers say nothing; plain decimals other than d.ddd say '.': one of them is enough
        integer = s.str.fullmatch(r"[+-]?[0-9]+").to_numpy(dtype=bool)
        dot = (
            s.str.fullmatch(_PLAIN["."]).to_numpy(dtype=bool)
            & ~integer
            & ~s.str.fullmatch(_PLAIN_AMBIGUOUS).to_numpy(dtype=bool)
        )
        if dot.any():
            i = int(np.argmax(dot))
            cells.append(s.iloc[i])
            labels.append(f"line {s.index[i]}, column {c[:30]!r}")
        rest = ~integer & ~dot & ~s.isin(_BLANK).to_numpy(dtype=bool)
        for j in (int(k) for k in np.flatnonzero(rest)):
            cells.append(s.iloc[j])
            labels.append(f"line {s.index[j]}, column {c[:30]!r}")
    try:
        return require_decimal_mark(cells, labels, where=where, delimiter=sep)
    except NumberError as exc:
        raise DataError(str(exc)) from None


def read_price_csv(
    source: str | Path | bytes, *, ticker: str | None = None, name: str | None = None
) -> list[PriceFile]:
    """Read a price CSV; one PriceFile per ticker (several for a wide file). DataError says what is wrong."""
    where = name or (Path(source).name if not isinstance(source, bytes) else "price file")
    df, sep = _read_table(source, where)
    cols = {_norm(c): c for c in df.columns}
    date_col = next((cols[k] for k in ("date", "datetime", "timestamp", "time") if k in cols), df.columns[0])
    dates = _parse_dates(df[date_col], where)
    number_cols = [c for c in df.columns if c != date_col and _norm(c) not in _TEXT_COLUMNS]
    mark = _decimal_mark(df, number_cols, sep, where)
    volume = _numbers(df[cols["volume"]], mark).to_numpy() if "volume" in cols else None

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
        wide = [c for c in value_cols if _numbers(df[c], mark).notna().mean() > 0.5]
        if not wide:
            raise DataError(
                f"{where}: no price column found; expected Adj Close, Adjusted_close or Close "
                "(or one column per ticker)"
            )
        layout = "wide (one column per ticker)"
        specs = [(str(c).strip().upper(), c, False, "checked for unadjusted splits") for c in wide]
        bad = [t for t, *_ in specs if not is_ticker(t)]
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
                mark=mark,
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
    mark: DecimalMark,
) -> PriceFile:
    if not is_ticker(ticker):
        raise DataError(f"{where}: {ticker!r} is not a ticker symbol; give the ticker explicitly")
    values = _numbers(df[col], mark, keep_inf=True).to_numpy(dtype=np.float64)
    _check_magnitudes(df[col], values, where, col)
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
        raise DataError(
            f"{where}: fewer than two usable prices for {ticker}; a price file needs dated prices on at least two days"
        )

    splits: list[SplitJump] = []
    if not adjusted:
        splits = find_split_jumps(s)
    elif splits_col is not None:
        splits = _unapplied_splits(s, _numbers(df[splits_col], mark).set_axis(dates), ticker)
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


def _check_magnitudes(cells: pd.Series, values: np.ndarray, where: str, col: str) -> None:
    """A price beyond any real share price (1e308, a 400-digit number, 1e-300) is a typo or damage: it
    would overflow every value computed from it, so the file is refused with the line shown."""
    with np.errstate(invalid="ignore"):
        a = np.abs(values)
        bad = np.isinf(values) | (a > MAX_PRICE) | ((a > 0) & (a < MIN_PRICE))
    if bad.any():
        i = int(np.argmax(bad))
        raise DataError(
            f"{where}: line {cells.index[i]} has the price {str(cells.iloc[i])[:40]!r} in column {col[:30]!r}, "
            f"beyond any real share price (between {MIN_PRICE:g} and {MAX_PRICE:g}); correct it or delete the line"
        )


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
