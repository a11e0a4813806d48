"""Proxies: a ticker without price history of its own takes its risk from a fund the user chose.

The proxied ticker's row and column of the covariance are the fund's (so the two are perfectly correlated
and equally volatile); its price history column, for growth charts, is the fund's too. Its price is not
taken from the fund: the scenario's holdings must carry it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from engine.market import MarketSnapshot


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
