"""How a portfolio moved with interest rates in the past: a regression, never a forecast.

Monthly portfolio returns (weights held each month) are regressed on the monthly change of a rate series
(in percentage points, e.g. the 10-year Treasury yield). The slope says how much the portfolio moved, on
average, in a month the rate rose by one percentage point; it comes with its standard error, a 95 %
interval, R² and the window it was estimated on. With no rate series in the data, it says so.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from engine.errors import DataError

MAX_RATE_FILE_BYTES = 10_000_000  # FRED's daily DGS10 since 1962 is about 300 kB
RATE_COLUMNS = ("^TNX", "^FVX", "^TYX", "^IRX", "DGS10", "DGS2", "DGS5", "DGS30")
NO_RATES = (
    "No interest-rate series is in the price data, so Coresat cannot estimate how this portfolio moved "
    "with rates. Give one (a CSV of dates and yields in percent, e.g. FRED's DGS10) to see it."
)


@dataclass(frozen=True)
class RateSensitivity:
    available: bool
    message: str  # plain words: the estimate with its window and uncertainty, or why there is none
    series: str = ""
    slope: float | None = None  # portfolio return (fraction) per +1 percentage point in a month
    stderr: float | None = None
    r2: float | None = None
    months: int = 0
    start: date | None = None
    end: date | None = None


def read_rate_csv(path: str | Path) -> pd.Series:
    """A rate series from a CSV: first column dates, second column the rate in percent ('.' = missing)."""
    from engine.io.errors import InputError
    from engine.io.safe_open import read_user_file

    try:  # a regular file only: pandas would fetch a web address and wait forever on a pipe or /dev/zero
        raw = read_user_file(path, MAX_RATE_FILE_BYTES, "rate file")
    except InputError as exc:
        raise DataError(str(exc)) from None
    try:
        frame = pd.read_csv(io.BytesIO(raw))
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read the rate file {path}: {exc}") from None
    if frame.shape[1] < 2:
        raise DataError(f"the rate file {path} needs two columns: date and rate in percent")
    dates = pd.to_datetime(frame.iloc[:, 0], errors="coerce")
    values = pd.to_numeric(frame.iloc[:, 1], errors="coerce")
    s = pd.Series(values.to_numpy(), index=dates, name=str(frame.columns[1])).dropna()
    s = s[s.index.notna()].sort_index()
    if len(s) < 30:
        raise DataError(f"the rate file {path} has {len(s)} readable rows: it needs dates and numbers")
    if s.abs().max() > 50:
        raise DataError(f"the rate file {path} has values above 50: give rates in percent (4.2 for 4.2 %)")
    return s


def find_rate_series(prices: pd.DataFrame) -> pd.Series | None:
    """A rate column the price data may carry (Yahoo's ^TNX and the like, FRED's DGS10)."""
    for c in RATE_COLUMNS:
        if c in prices.columns and prices[c].notna().sum() > 60:
            return prices[c].dropna().rename(c)
    return None


def rate_sensitivity(
    prices: pd.DataFrame,
    weights: Mapping[str, float],
    rates: pd.Series | None,
    *,
    label: str = "the portfolio",
) -> RateSensitivity:
    """Slope of monthly returns of ``weights`` (held each month) on monthly rate changes."""
    if rates is None or rates.empty:
        return RateSensitivity(False, NO_RATES)
    held = {t: w for t, w in weights.items() if w != 0 and t in prices.columns}
    if not held:
        return RateSensitivity(False, "None of the weighted funds has price history to compare with rates.")
    px = prices[list(held)].dropna()
    monthly_px = px.resample("ME").last().dropna()
    asset_r = monthly_px.pct_change().dropna()
    port = asset_r.to_numpy() @ np.array([held[t] for t in held])
    r = pd.Series(port, index=asset_r.index)
    dr = rates.resample("ME").last().diff().dropna()
    both = pd.concat([r.rename("r"), dr.rename("dr")], axis=1, join="inner").dropna()
    n = len(both)
    if n < 24:
        return RateSensitivity(
            False,
            f"Only {n} months where both the funds and the rate series {rates.name} have data; "
            "at least 24 are needed to say anything.",
        )
    x, y = both["dr"].to_numpy(), both["r"].to_numpy()
    xc = x - x.mean()
    slope = float(xc @ (y - y.mean()) / (xc @ xc))
    resid = y - y.mean() - slope * xc
    stderr = float(np.sqrt(resid @ resid / (n - 2) / (xc @ xc)))
    r2 = float(1.0 - (resid @ resid) / ((y - y.mean()) @ (y - y.mean())))
    start, end = both.index[0].date(), both.index[-1].date()
    lo, hi = slope - 1.96 * stderr, slope + 1.96 * stderr
    message = (
        f"From {start:%Y-%m} to {end:%Y-%m} ({n} months), {label} moved on average "
        f"{slope * 100:+.1f} % in a month when {rates.name} rose by one percentage point "
        f"(95 % interval {lo * 100:+.1f} % to {hi * 100:+.1f} %; R² {r2:.2f}: rates explain "
        f"{r2 * 100:.0f} % of the monthly ups and downs). A description of the past, not a forecast."
    )
    return RateSensitivity(True, message, str(rates.name), slope, stderr, r2, n, start, end)
