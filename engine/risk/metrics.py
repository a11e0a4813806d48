"""Ex-ante portfolio metrics from a covariance matrix (annualized).

Weights are fractions of total value; cash is riskless and simply left out of ``w`` (so ``w`` may sum
to less than one).
"""

from __future__ import annotations

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
