"""Frozen copy of main before the speed-up of rebalance()'s non-solver parts (tests compare against it).

Ex-ante portfolio metrics from a covariance matrix (annualized).

Weights are fractions of total value; cash is riskless and simply left out of ``w`` (so ``w`` may sum
to less than one).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


def portfolio_volatility(w: FloatArray, cov: FloatArray) -> float:
    """Annualized volatility sqrt(wᵀΣw)."""
    var = float(w @ cov @ w)
    return float(np.sqrt(max(var, 0.0)))


def risk_contributions(w: FloatArray, cov: FloatArray) -> FloatArray:
    """Share of portfolio variance from each asset: w_i (Σw)_i / wᵀΣw (sums to 1; zeros if no risk)."""
    var = float(w @ cov @ w)
    if var <= 1e-18:
        return np.zeros_like(w)
    out: FloatArray = w * (cov @ w) / var
    return out


def tracking_error(w: FloatArray, target: FloatArray, cov: FloatArray) -> float:
    """Ex-ante annualized tracking error sqrt((w-t)ᵀΣ(w-t)) to the target weights."""
    return portfolio_volatility(w - target, cov)


def sleeve_risk_contributions(
    w: FloatArray, cov: FloatArray, tickers: Sequence[str], sleeve_of: Mapping[str, str]
) -> dict[str, float]:
    """Share of portfolio variance from each sleeve (the sum of its assets' contributions).

    ``sleeve_of`` maps a ticker to its sleeve name; tickers without a sleeve are grouped under
    "Not in targets". Sleeves come back in the order their first ticker appears.
    """
    rc = risk_contributions(w, cov)
    out: dict[str, float] = {}
    for t, c in zip(tickers, rc, strict=True):
        name = sleeve_of.get(t, "Not in targets")
        out[name] = out.get(name, 0.0) + float(c)
    return out


def beta_to_asset(w: FloatArray, cov: FloatArray, index: int) -> float:
    """Ex-ante beta of the portfolio to asset ``index`` (e.g. the core ETF): cov(p, a) / var(a)."""
    var = float(cov[index, index])
    if var <= 1e-18:
        return 0.0
    return float((cov @ w)[index] / var)


def marginal_volatility(w: FloatArray, cov: FloatArray) -> FloatArray:
    """How much portfolio volatility rises per unit of extra weight in each asset: (Σw)_i / σ_p."""
    vol = portfolio_volatility(w, cov)
    if vol <= 1e-12:
        return np.zeros_like(w)
    out: FloatArray = (cov @ w) / vol
    return out
