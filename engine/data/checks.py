"""Data checks on price histories: what looks wrong, said in plain words, never silently fitted.

- one-day spikes that revert (a bad print: e.g. a fund printing +43 % on 920 shares and falling back
  the next day) — the bad price is left out and the finding reported;
- split-like jumps in a raw (unadjusted) Close column (a 2-for-1 split halves the price overnight;
  that is not a −50 % return) — earlier prices are adjusted and the finding reported;
- non-positive prices — left out and reported;
- missing days (a ticker without a price on a day the others have one) — the previous price is carried
  forward and the count reported;
- different history lengths — the common window is reported by the caller.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

SPIKE_MIN_MOVE = 0.14  # log move of at least ~15 % in a day before a spike is considered
SPIKE_SIGMAS = 6.0  # ... and at least this many times the recent typical daily move
SPLIT_RATIOS = (2.0, 3.0, 4.0, 5.0, 10.0, 1.5, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 10, 2 / 3)
SPLIT_TOLERANCE = 0.05  # relative distance of the day's price ratio to a split ratio
MAX_FILL_DAYS = 5


@dataclass(frozen=True)
class Spike:
    ticker: str
    day: pd.Timestamp
    move: float  # simple return of the spike day (0.43 = +43 %)
    volume: float | None = None

    def describe(self) -> str:
        vol = f" on volume {self.volume:,.0f}" if self.volume is not None and np.isfinite(self.volume) else ""
        return (
            f"{self.ticker} {self.day:%Y-%m-%d}: one-day move of {self.move * 100:+.0f} %{vol} that reverted "
            "the next day looks like a bad print; that price was left out"
        )


@dataclass(frozen=True)
class SplitJump:
    ticker: str
    day: pd.Timestamp
    ratio: float  # new price / old price (0.5 for a 2-for-1 split)

    def describe(self) -> str:
        if self.ratio < 1:
            what = f"{round(1 / self.ratio):g}-for-1 split"
        else:
            what = f"1-for-{round(self.ratio):g} reverse split"
        return (
            f"{self.ticker} {self.day:%Y-%m-%d}: the raw Close jumped {(self.ratio - 1) * 100:+.0f} % like a "
            f"{what}; earlier prices were adjusted for it (use an adjusted-close column to avoid this)"
        )


def _log_returns(series: pd.Series) -> np.ndarray:
    p = series.to_numpy(dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        out: np.ndarray = np.diff(np.log(p))
    return out


def _typical_move(lr: np.ndarray, i: int, window: int = 63, ahead: int = 21) -> float:
    """Robust typical daily move around day ``i`` (median absolute log return × 1.4826): the larger of
    the one over the ``window`` days before it and the one over the ``ahead`` days after it (so the
    first day of a turbulent month counts as turbulent)."""
    a = np.abs(lr)
    before = a[max(0, i - window) : i]
    after = a[i + 1 : i + 1 + ahead]
    meds = [float(np.nanmedian(x)) for x in (before, after) if np.isfinite(x).sum() >= 5]
    return 1.4826 * (max(meds) if meds else float(np.nanmedian(a)))


def find_spikes(series: pd.Series, volume: pd.Series | None = None) -> list[Spike]:
    """Days whose price jumped far beyond the typical move around them and came more than halfway back
    within the next day or two."""
    s = series.dropna()
    if len(s) < 4:
        return []
    lr = _log_returns(s)
    out: list[Spike] = []
    for i in np.flatnonzero(np.abs(lr) > SPIKE_MIN_MOVE):
        if i + 1 >= len(lr) or abs(lr[i]) <= SPIKE_SIGMAS * _typical_move(lr, int(i)):
            continue
        jump = lr[i]
        back1 = jump + lr[i + 1]
        back2 = back1 + lr[i + 2] if i + 2 < len(lr) else back1
        if min(abs(back1), abs(back2)) < 0.5 * abs(jump) and np.sign(lr[i + 1]) != np.sign(jump):
            day = pd.Timestamp(s.index[int(i) + 1])
            vol = float(volume.get(day, np.nan)) if volume is not None else None
            out.append(Spike(str(series.name), day, float(np.expm1(jump)), vol))
    return out


def _split_ratio(r: float) -> float | None:
    for k in SPLIT_RATIOS:
        if abs(r / k - 1) < SPLIT_TOLERANCE:
            return k
    return None


def find_split_jumps(series: pd.Series) -> list[SplitJump]:
    """Overnight price ratios close to a split ratio (½, ⅓, 2, ...) that did not revert."""
    s = series.dropna()
    lr = _log_returns(s)
    out: list[SplitJump] = []
    for i in np.flatnonzero(np.abs(lr) > 0.25):
        ratio = float(np.exp(lr[i]))
        k = _split_ratio(ratio)
        if k is None:
            continue
        if i + 1 < len(lr) and abs(lr[i] + lr[i + 1]) < 0.5 * abs(lr[i]):
            continue  # came back: a spike, not a split
        out.append(SplitJump(str(series.name), pd.Timestamp(s.index[int(i) + 1]), k))
    return out


def undo_splits(series: pd.Series, splits: list[SplitJump]) -> pd.Series:
    """Scale the prices before each split so the series is continuous (like an adjusted close)."""
    out = series.astype(np.float64).copy()
    for sp in splits:
        out.loc[out.index < sp.day] *= sp.ratio
    return out


@dataclass(frozen=True)
class CheckedPrices:
    prices: pd.DataFrame  # cleaned: bad prints and non-positive prices removed, short gaps filled
    notes: Mapping[str, tuple[str, ...]]  # findings per ticker, in plain words
    spikes: tuple[Spike, ...]

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(n for t in self.prices.columns for n in self.notes.get(str(t), ()))

    def select(self, tickers: Sequence[str]) -> CheckedPrices:
        keep = set(tickers)
        return CheckedPrices(
            self.prices[list(tickers)],
            {t: n for t, n in self.notes.items() if t in keep},
            tuple(s for s in self.spikes if s.ticker in keep),
        )


def check_prices(prices: pd.DataFrame, volumes: pd.DataFrame | None = None) -> CheckedPrices:
    """Clean a frame of adjusted prices (DatetimeIndex × tickers) and say what was found.

    Leading and trailing missing values (a fund that started later or stopped earlier) are left as
    they are; the caller chooses the common window.
    """
    frame = prices.astype(np.float64).copy()
    by_ticker: dict[str, tuple[str, ...]] = {}
    spikes: list[Spike] = []
    for t in frame.columns:
        notes: list[str] = []
        col = frame[t]
        gap_note = _gap_note(col)
        bad = col <= 0
        if bool(bad.any()):
            frame.loc[bad, t] = np.nan
            first = col.index[bad.to_numpy()][0]
            notes.append(
                f"{t}: {int(bad.sum())} zero or negative prices left out (first on {first:%Y-%m-%d})"
            )
        vol = volumes[t] if volumes is not None and t in volumes.columns else None
        found = find_spikes(frame[t], vol)
        for sp in found:
            frame.loc[sp.day, t] = np.nan
            notes.append(sp.describe())
        spikes.extend(found)
        _fill_inner(frame, t)
        if gap_note:
            notes.append(gap_note)
        if notes:
            by_ticker[str(t)] = tuple(notes)
    return CheckedPrices(frame, by_ticker, tuple(spikes))


def _inner(col: pd.Series) -> tuple[int, int] | None:
    valid = col.notna().to_numpy()
    if not valid.any():
        return None
    idx = np.flatnonzero(valid)
    return int(idx[0]), int(idx[-1])


def _gap_note(col: pd.Series) -> str | None:
    span = _inner(col)
    if span is None:
        return None
    inner = col.isna().to_numpy()[span[0] : span[1] + 1]
    n_missing = int(inner.sum())
    if n_missing == 0:
        return None
    edges = np.flatnonzero(np.diff(np.concatenate([[0], inner.astype(np.int8), [0]])))
    longest = int((edges[1::2] - edges[::2]).max())
    msg = f"{col.name}: {n_missing} missing day{'s' if n_missing != 1 else ''} filled with the previous price"
    if longest > MAX_FILL_DAYS:
        msg += f" (longest gap {longest} trading days; check the source)"
    return msg


def _fill_inner(frame: pd.DataFrame, t: str) -> None:
    span = _inner(frame[t])
    if span is None:
        return
    lo, hi = span
    if frame[t].iloc[lo : hi + 1].isna().any():
        frame.loc[frame.index[lo : hi + 1], t] = frame[t].iloc[lo : hi + 1].ffill().to_numpy()


# Days the US exchanges were closed besides the regular holidays (events, national days of mourning).
SPECIAL_CLOSURES = pd.DatetimeIndex(
    [
        "2001-09-11",
        "2001-09-12",
        "2001-09-13",
        "2001-09-14",
        "2004-06-11",
        "2007-01-02",
        "2012-10-29",
        "2012-10-30",
        "2018-12-05",
        "2025-01-09",
    ]
)


def market_holidays(start: pd.Timestamp, end: pd.Timestamp) -> pd.DatetimeIndex:
    """US federal holidays, Good Fridays and special closures between ``start`` and ``end``: close to
    the exchange calendar (Columbus and Veterans Day are trading days but are left out here too)."""
    from pandas.tseries.holiday import GoodFriday, USFederalHolidayCalendar

    fed = USFederalHolidayCalendar().holidays(start, end)
    good_friday = pd.DatetimeIndex(GoodFriday.dates(start, end))
    closures = SPECIAL_CLOSURES[SPECIAL_CLOSURES.to_series().between(start, end).to_numpy()]
    return fed.union(good_friday).union(closures)


def calendar_gaps(ticker: str, index: pd.DatetimeIndex, min_days: int = 4) -> list[str]:
    """Stretches of at least ``min_days`` weekdays (US federal holidays aside) without a price inside a
    single history: days a file is missing that no other ticker can reveal."""
    if len(index) < 2:
        return []
    days = pd.bdate_range(index[0], index[-1])
    days = days[~days.isin(market_holidays(index[0], index[-1]))]
    missing = ~days.isin(index)
    if not missing.any():
        return []
    edges = np.flatnonzero(np.diff(np.concatenate([[0], missing.astype(np.int8), [0]])))
    starts, lengths = edges[::2], edges[1::2] - edges[::2]
    long = [(int(s), int(n)) for s, n in zip(starts, lengths, strict=True) if n >= min_days]
    if not long:
        return []
    s, n = max(long, key=lambda x: x[1])
    return [
        f"{ticker}: {len(long)} gap{'s' if len(long) != 1 else ''} of {min_days} or more weekdays without a "
        f"price (longest {n} days from {days[s]:%Y-%m-%d}); check the file is complete"
    ]
