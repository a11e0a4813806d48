"""Stress tests: how the current, target and proposed portfolios would have fared in past crises.

Each window is replayed on the funds' actual (adjusted) daily prices: the weights are bought on the
window's first trading day and held, untouched, to its last (no rebalancing inside the window; cash earns
nothing). Reported per sleeve and in total: the change in money and percent from the first to the last
day, and the lowest point on the way. A fund younger than a window is replaced by a named, older fund
that tracks the same or a close index (VTWO by IWM, SPSM by IJR, ...), and the report says so; a fund
with neither is left out of that window (counted as cash) and named.

Hypothetical: the past, replayed on today's weights. Not a forecast and not investment advice.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from engine.errors import DataError

HYPOTHETICAL = (
    "Hypothetical: today's weights replayed on past prices, bought on the first day of each window and "
    "held. Past crises do not predict the next one. Not investment advice."
)


@dataclass(frozen=True)
class Window:
    name: str
    start: date
    end: date
    user: bool = False

    @property
    def label(self) -> str:
        return f"{self.name} ({self.start:%Y-%m-%d} .. {self.end:%Y-%m-%d})"


WINDOWS: tuple[Window, ...] = (
    Window("Financial crisis", date(2007, 10, 1), date(2009, 3, 31)),
    Window("2018 fourth quarter", date(2018, 10, 1), date(2018, 12, 31)),
    Window("COVID crash", date(2020, 2, 1), date(2020, 3, 31)),
    Window("2022 rate hikes", date(2022, 1, 1), date(2022, 12, 31)),
    Window("Tariff shock", date(2024, 11, 1), date(2025, 4, 30)),
)

# a younger fund -> an older fund on the same (or a very close) index
PROXIES: Mapping[str, str] = {
    "VTWO": "IWM",  # Russell 2000 (Vanguard, 2010) -> iShares Russell 2000 (2000)
    "SPSM": "IJR",  # S&P 600 (SPDR Portfolio, 2013) -> iShares Core S&P 600 (2000)
    "SLY": "IJR",
    "VIOO": "IJR",
    "SCHA": "IWM",
    "VIOV": "IJS",
    "VIOG": "IJT",
}


def parse_window(text: str) -> Window:
    """``START..END`` or ``NAME=START..END`` with ISO dates (``2011-07-22..2011-10-03``)."""
    name, _, span = text.rpartition("=")
    a, sep, b = span.partition("..")
    try:
        start, end = date.fromisoformat(a.strip()), date.fromisoformat(b.strip())
    except ValueError:
        start = end = None  # type: ignore[assignment]
    if not sep or start is None or end is None:
        raise DataError(f"stress window {text!r} is not START..END with dates like 2011-07-22..2011-10-03")
    if end <= start:
        raise DataError(f"stress window {text!r} ends before it starts: put the earlier date first")
    return Window(name.strip() or f"{start:%Y-%m-%d} .. {end:%Y-%m-%d}", start, end, user=True)


@dataclass(frozen=True)
class SleeveLoss:
    sleeve: str
    start_value: float  # money at the window's start
    change: float  # money, last day − first day
    change_pct: float  # of the sleeve's own start value (0 if it held nothing)


@dataclass(frozen=True)
class PortfolioLoss:
    label: str  # "current", "target", "proposed"
    start_value: float
    change: float
    change_pct: float  # of the whole portfolio, cash included
    trough_pct: float  # lowest point on the way, from the start
    trough_day: date
    sleeves: tuple[SleeveLoss, ...]


@dataclass(frozen=True)
class WindowResult:
    window: Window
    first_day: date | None
    last_day: date | None
    losses: tuple[PortfolioLoss, ...]
    proxies: dict[str, str] = field(default_factory=dict)  # ticker -> the fund used in its place
    missing: tuple[str, ...] = ()  # left out (counted as cash): no prices, no proxy
    note: str = ""


def _series(prices: pd.DataFrame, ticker: str, w: Window) -> pd.Series | None:
    """The ticker's prices over the window, if it has them from (within a week of) the window's start."""
    if ticker not in prices.columns:
        return None
    s = prices[ticker].loc[pd.Timestamp(w.start) : pd.Timestamp(w.end)].dropna()
    if s.empty or s.index[0] > pd.Timestamp(w.start) + pd.Timedelta(days=7):
        return None
    if s.index[-1] < pd.Timestamp(w.end) - pd.Timedelta(days=7):
        return None
    return s


def _why_not(prices: pd.DataFrame, ticker: str, w: Window) -> str:
    """Why a ticker has no prices of its own for a window, in words."""
    s = prices[ticker].dropna() if ticker in prices.columns else pd.Series(dtype=float)
    if s.empty:
        return "has no price data"
    if s.index[0] > pd.Timestamp(w.start):
        return f"did not trade yet (its prices start {s.index[0]:%Y-%m-%d})"
    return f"has no prices for the whole window (its prices end {s.index[-1]:%Y-%m-%d})"


def stress_window(
    prices: pd.DataFrame,
    window: Window,
    weight_sets: Mapping[str, Mapping[str, float]],
    sleeve_of: Mapping[str, str],
    value: float,
    proxies: Mapping[str, str] = PROXIES,
) -> WindowResult:
    """Replay each weight set (label -> ticker -> fraction of ``value``) over ``window``."""
    tickers = list(dict.fromkeys(t for ws in weight_sets.values() for t, x in ws.items() if x != 0))
    used: dict[str, str] = {}
    paths: dict[str, pd.Series] = {}
    missing: list[str] = []
    for t in tickers:
        s = _series(prices, t, window)
        if s is None and t in proxies:
            s = _series(prices, proxies[t], window)
            if s is not None:
                used[t] = proxies[t]
        if s is None:
            missing.append(t)
        else:
            paths[t] = s
    if not paths:
        return WindowResult(
            window,
            None,
            None,
            (),
            used,
            tuple(missing),
            note="no prices cover this window: nothing to replay",
        )
    frame = pd.DataFrame(paths).sort_index().ffill().dropna()
    rel = frame / frame.iloc[0]
    losses = []
    for label, ws in weight_sets.items():
        held = {t: x * value for t, x in ws.items() if x != 0 and t in rel.columns}
        cash = value - sum(held.values())
        path = sum((rel[t] * v for t, v in held.items()), start=pd.Series(0.0, index=rel.index)) + cash
        sleeves: dict[str, list[float]] = {}
        for t, v in held.items():
            acc = sleeves.setdefault(sleeve_of.get(t, "Not in targets"), [0.0, 0.0])
            acc[0] += v
            acc[1] += v * (float(rel[t].iloc[-1]) - 1.0)
        trough = int(np.argmin(path.to_numpy()))
        losses.append(
            PortfolioLoss(
                label=label,
                start_value=value,
                change=float(path.iloc[-1] - value),
                change_pct=float(path.iloc[-1] / value - 1.0) if value else 0.0,
                trough_pct=float(path.iloc[trough] / value - 1.0) if value else 0.0,
                trough_day=rel.index[trough].date(),
                sleeves=tuple(
                    SleeveLoss(name, v0, ch, ch / v0 if v0 else 0.0) for name, (v0, ch) in sleeves.items()
                ),
            )
        )
    notes = [f"{t} {_why_not(prices, t, window)}: {p} stands in for it" for t, p in used.items()]
    if missing:
        notes.append(f"no prices for {', '.join(missing)} in this window: left out (counted as cash)")
    return WindowResult(
        window,
        rel.index[0].date(),
        rel.index[-1].date(),
        tuple(losses),
        used,
        tuple(missing),
        note="; ".join(notes),
    )


def stress_test(
    prices: pd.DataFrame,
    weight_sets: Mapping[str, Mapping[str, float]],
    sleeve_of: Mapping[str, str],
    value: float,
    windows: Sequence[Window] = WINDOWS,
    *,
    progress: Callable[[str, float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> tuple[WindowResult, ...]:
    """Every window, in order (see ``stress_window``); ``progress(message, fraction)`` before each window,
    and ``cancel()`` true stops the run (DataError)."""
    if value <= 0:
        raise DataError("the portfolio is worth nothing: add holdings or cash before a stress test")
    out = []
    for i, w in enumerate(windows):
        if cancel is not None and cancel():
            raise DataError("the stress test was cancelled")
        if progress is not None:
            progress(f"Replaying: {w.name}", i / max(len(windows), 1))
        out.append(stress_window(prices, w, weight_sets, sleeve_of, value))
    return tuple(out)
