"""Tickers left out of the risk model: a ticker without price history the user chose to keep (and trade)
without a risk estimate, instead of letting a proxy fund stand in (engine.data.proxies).

Its row and column of the covariance are zero but for a negligible variance of its own (``NEGLIGIBLE_VARIANCE``,
a volatility of 0.01 % a year; with an exact zero the solver flags its answer as inaccurate): the volatility
and tracking-error figures count it as if its price never moved, so they leave its risk out and the
volatility cap does not limit it. Every result says so
(a warning naming the tickers). Its price is not known either: the scenario's holdings must carry it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from engine.market import MarketSnapshot

NEGLIGIBLE_VARIANCE = 1e-8  # annualized: a volatility of 0.01 %


def warning(tickers: Sequence[str]) -> str:
    """The sentence every result carries for the excluded tickers (engine.messages id RISK_EXCLUDED)."""
    return (
        f"{', '.join(tickers)} has no price history and is left out of the risk model (your choice in the "
        "scenario): the volatility and tracking-error figures leave its risk out, and the volatility cap does "
        "not limit it"
    )


def without_history(snap: MarketSnapshot, universe: Sequence[str], excluded: Sequence[str]) -> MarketSnapshot:
    """``snap`` extended by the ``excluded`` tickers of ``universe`` it has no data for: zero risk, no price
    (the holdings carry it), and a warning. Unchanged when there are none."""
    add = tuple(t for t in universe if t in set(excluded) and t not in snap.tickers)
    if not add:
        return snap
    n, k = len(snap.tickers), len(add)
    cov = np.zeros((n + k, n + k))
    cov[:n, :n] = np.asarray(snap.covariance, dtype=float)
    cov[n:, n:] = np.eye(k) * NEGLIGIBLE_VARIANCE
    return replace(
        snap,
        tickers=snap.tickers + add,
        covariance=cov,
        warnings=(*snap.warnings, warning(add)),
    )
