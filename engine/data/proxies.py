"""Proxies: a ticker without price history of its own takes its risk from a fund the user chose.

The proxied ticker's row and column of the covariance are the fund's, and its own variance is the fund's
plus ``TRACKING_VARIANCE`` of it (a volatility 0.005 % higher): an exact copy would make the risk matrix
singular, and the solver then reports an inaccurate answer. Its price history column, for growth charts, is
the fund's. Its price is not
taken from the fund: the scenario's holdings must carry it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from engine.errors import DataError
from engine.market import MarketSnapshot

TRACKING_VARIANCE = 1e-4  # of the fund's variance: the proxy is not the very same asset


class NoHistory(DataError):
    """Some tickers have no price history in the chosen source (``tickers`` names them): import prices for
    them, or let a proxy fund stand in (``DataSettings.proxies``)."""

    def __init__(self, message: str, tickers: Sequence[str]) -> None:
        super().__init__(message)
        self.tickers = tuple(tickers)


def loaded_tickers(universe: Sequence[str], proxies: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """The tickers whose prices must be loaded: each proxied ticker replaced by its fund."""
    by = dict(proxies)
    return tuple(dict.fromkeys(by.get(t, t) for t in universe))


def with_proxies(
    snap: MarketSnapshot, universe: Sequence[str], proxies: Sequence[tuple[str, str]]
) -> MarketSnapshot:
    """``snap`` (loaded for ``loaded_tickers``) extended to ``universe``: proxied tickers take their
    fund's risk. A snapshot without proxied tickers in ``universe`` is returned unchanged."""
    by = {t: f for t, f in proxies if t in universe and t not in snap.tickers}
    if not by:
        return snap
    tickers = tuple(universe) + tuple(t for t in snap.tickers if t not in universe)
    source = [snap.tickers.index(by.get(t, t)) for t in tickers]
    cov = np.asarray(snap.covariance, dtype=float)[np.ix_(source, source)]
    for t in by:
        k = tickers.index(t)
        cov[k, k] *= 1.0 + TRACKING_VARIANCE
    history = snap.history
    if history is not None:
        history = history.assign(**{t: history[f] for t, f in by.items() if f in history.columns})
    said = tuple(
        f"{t} has no price history of its own: its risk is taken from {f}'s (the proxy chosen in the scenario)"
        for t, f in sorted(by.items())
    )
    prices = {t: p for t, p in snap.prices.items()}
    return replace(
        snap, tickers=tickers, covariance=cov, history=history, prices=prices, warnings=snap.warnings + said
    )
