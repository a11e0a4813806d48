"""Metrics of a weight vector on a price history (what would have happened, not a forecast).

``history`` is a frame of adjusted daily prices (DatetimeIndex × tickers). ``weights`` maps tickers to
fractions of total value; whatever the weights leave out is cash earning nothing. The portfolio is held
at these weights every day (rebalanced daily) — a simple, common approximation of a rebalanced plan.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from engine.errors import DataError
from engine.risk.covariance import TRADING_DAYS

Weights = Mapping[str, float]


def _prices(history: pd.DataFrame, tickers: list[str]) -> pd.DataFrame:
    missing = [t for t in tickers if t not in history.columns]
    if missing:
        raise DataError(f"no price history for {', '.join(missing)}: add it or remove the weight")
    return history[tickers].dropna(how="any")


def _returns(history: pd.DataFrame, tickers: list[str]) -> pd.DataFrame:
    out: pd.DataFrame = _prices(history, tickers).pct_change(fill_method=None).iloc[1:]
    return out


def _weighted(weights: Weights) -> tuple[list[str], np.ndarray]:
    tickers = [t for t, w in weights.items() if w != 0]
    return tickers, np.array([weights[t] for t in tickers], dtype=float)


def portfolio_returns(history: pd.DataFrame, weights: Weights) -> pd.Series:
    """Daily simple returns of the portfolio held at constant ``weights`` (days with a price for every
    weighted ticker only)."""
    tickers, w = _weighted(weights)
    if not tickers:
        return pd.Series(0.0, index=history.index[1:], name="portfolio")
    rets = _returns(history, tickers)
    return pd.Series(rets.to_numpy() @ w, index=rets.index, name="portfolio")


def growth_path(history: pd.DataFrame, weights: Weights, start_value: float = 10_000.0) -> pd.Series:
    """Value over time of ``start_value`` invested at ``weights`` on the first common day."""
    tickers, w = _weighted(weights)
    if not tickers:
        return pd.Series(start_value, index=history.index, name="growth", dtype=float)
    prices = _prices(history, tickers)
    if prices.empty:
        return pd.Series(dtype=float, name="growth")
    rets = prices.to_numpy()[1:] / prices.to_numpy()[:-1] - 1.0
    values = start_value * np.cumprod(np.concatenate([[1.0], 1.0 + rets @ w]))
    return pd.Series(values, index=prices.index, name="growth")


def drawdown_path(history: pd.DataFrame, weights: Weights) -> pd.Series:
    """Fall from the running peak at each day, as a fraction (0 at a new high, −0.35 = 35 % below)."""
    g = growth_path(history, weights, 1.0)
    return (g / g.cummax() - 1.0).rename("drawdown")


def max_drawdown(history: pd.DataFrame, weights: Weights) -> float:
    """Worst fall from a peak over the history (a negative fraction, 0 if it never fell)."""
    d = drawdown_path(history, weights)
    return float(d.min()) if not d.empty else 0.0


def cagr(history: pd.DataFrame, weights: Weights) -> float:
    """Compound annual growth rate of the growth path (252 trading days a year)."""
    g = growth_path(history, weights, 1.0)
    if len(g) < 2:
        return 0.0
    years = (len(g) - 1) / TRADING_DAYS
    return float(g.iloc[-1] ** (1.0 / years) - 1.0)


def realized_volatility(history: pd.DataFrame, weights: Weights) -> float:
    """Annualized standard deviation of the daily portfolio returns."""
    r = portfolio_returns(history, weights)
    return float(r.std(ddof=1) * np.sqrt(TRADING_DAYS)) if len(r) > 1 else 0.0


def beta_to(history: pd.DataFrame, weights: Weights, core: str) -> float:
    """Beta to the core ETF: how much the portfolio moved, on average, per 1 % move of ``core``."""
    both = {**{t: w for t, w in weights.items() if w != 0}, core: weights.get(core, 0.0)}
    tickers = list(both)
    rets = _returns(history, tickers)
    w = np.array([both[t] for t in tickers], dtype=float)
    p = rets.to_numpy() @ w
    c = rets[core].to_numpy()
    var = float(np.var(c, ddof=1))
    return float(np.cov(p, c, ddof=1)[0, 1] / var) if var > 0 else 0.0


def realized_tracking_error(history: pd.DataFrame, weights: Weights, benchmark: Weights) -> float:
    """Annualized standard deviation of the daily return difference to ``benchmark`` weights (e.g. the
    targets, or ``{"IWM": 1.0}`` for the core ETF)."""
    keys = list(dict.fromkeys([*weights, *benchmark]))
    diff = {k: weights.get(k, 0.0) - benchmark.get(k, 0.0) for k in keys}
    return realized_volatility(history, diff)
