"""Returns and covariance estimators.

All estimators take a matrix of *daily simple returns* (rows = days, columns = assets, no missing
values) and return an *annualized* covariance matrix (daily × 252) that is symmetric and positive
semidefinite (tiny negative eigenvalues from rounding are clipped to zero).

- sample: the usual unbiased sample covariance (divides by n − 1).
- EWMA: exponentially weighted, recent days count more; a day ``half_life`` days old counts half as
  much as today. Weights are normalized to sum to one, returns are centred on the weighted mean.
- Ledoit–Wolf: correlations pulled towards zero by the amount that minimizes the expected estimation
  error (Ledoit & Wolf 2004, "A well-conditioned estimator for large-dimensional covariance
  matrices", applied to standardized returns); each asset's own variance is kept as estimated. Applied
  to raw returns the 2004 estimator would pull every variance towards the average one, which inflates
  the risk of a bond fund next to small-cap funds; on standardized returns it does not. Helps when
  there are few days per asset.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd

from engine.model.scenario import Estimator

__all__ = [
    "TRADING_DAYS",
    "Estimator",
    "describe_estimator",
    "estimate_covariance",
    "ewma_covariance",
    "ledoit_wolf_covariance",
    "nearest_psd",
    "sample_covariance",
    "simple_returns",
]

FloatArray = npt.NDArray[np.float64]
TRADING_DAYS = 252


def simple_returns(prices: pd.DataFrame) -> pd.DataFrame:
    """Daily simple returns P_t / P_{t-1} − 1 of adjusted prices (the first day is dropped)."""
    out: pd.DataFrame = prices.pct_change(fill_method=None).iloc[1:]
    return out


def _as_matrix(returns: FloatArray | pd.DataFrame) -> FloatArray:
    x = np.asarray(returns, dtype=np.float64)
    if x.ndim != 2:
        raise ValueError("returns must be a 2-D matrix (days × assets)")
    if x.shape[0] < 2:
        raise ValueError("need at least two days of returns to estimate a covariance")
    if not np.isfinite(x).all():
        raise ValueError("returns contain missing or infinite values; align and clean the prices first")
    return x


def nearest_psd(cov: FloatArray, floor: float = 0.0) -> FloatArray:
    """Symmetrize and clip eigenvalues below ``floor`` (a PSD matrix comes back unchanged up to rounding)."""
    c = (np.asarray(cov, dtype=np.float64) + np.asarray(cov, dtype=np.float64).T) / 2
    vals, vecs = np.linalg.eigh(c)
    if vals.min() >= floor:
        return c
    out: FloatArray = (vecs * np.clip(vals, floor, None)) @ vecs.T
    out = (out + out.T) / 2
    return out


def sample_covariance(returns: FloatArray | pd.DataFrame) -> FloatArray:
    """Annualized unbiased sample covariance."""
    x = _as_matrix(returns)
    d = x - x.mean(axis=0)
    cov: FloatArray = d.T @ d / (x.shape[0] - 1)
    return nearest_psd(cov * TRADING_DAYS)


def ewma_weights(n: int, half_life: float) -> FloatArray:
    """Weights of the last ``n`` days, oldest first, summing to one; the newest day has the largest."""
    if half_life <= 0:
        raise ValueError("half-life must be positive")
    lam = 0.5 ** (1.0 / half_life)
    w: FloatArray = lam ** np.arange(n - 1, -1, -1, dtype=np.float64)
    out: FloatArray = w / w.sum()
    return out


def ewma_covariance(returns: FloatArray | pd.DataFrame, half_life: float) -> FloatArray:
    """Annualized exponentially weighted covariance with the given half-life in trading days."""
    x = _as_matrix(returns)
    w = ewma_weights(x.shape[0], half_life)
    mean = w @ x
    d = x - mean
    cov: FloatArray = (d * w[:, None]).T @ d
    return nearest_psd(cov * TRADING_DAYS)


def ledoit_wolf_shrinkage(returns: FloatArray | pd.DataFrame) -> tuple[FloatArray, float]:
    """Daily (not annualized) Ledoit–Wolf covariance and the shrinkage intensity in [0, 1].

    With x_k the centred return rows, S = Σ x_k x_kᵀ / n, m = tr(S)/p, and the Frobenius norm
    ‖A‖² = tr(AAᵀ)/p: d² = ‖S − mI‖², b̄² = Σ ‖x_k x_kᵀ − S‖² / n², b² = min(b̄², d²);
    the estimate is (b²/d²)·mI + (1 − b²/d²)·S.
    """
    x = _as_matrix(returns)
    n, p = x.shape
    xc = x - x.mean(axis=0)
    s = xc.T @ xc / n
    m = float(np.trace(s)) / p
    d2 = float(np.sum((s - m * np.eye(p)) ** 2)) / p
    # Σ_k ‖x_k x_kᵀ‖_F² = Σ_k ‖x_k‖⁴ and Σ_k ‖x_k x_kᵀ − S‖_F² = Σ_k ‖x_k‖⁴ − n ‖S‖_F²
    row_sq = np.sum(xc**2, axis=1)
    b2_bar = (float(np.sum(row_sq**2)) - n * float(np.sum(s**2))) / (p * n**2)
    b2 = min(max(b2_bar, 0.0), d2)
    shrink = 0.0 if d2 <= 0 else b2 / d2
    cov: FloatArray = shrink * m * np.eye(p) + (1 - shrink) * s
    return cov, shrink


def ledoit_wolf_covariance(returns: FloatArray | pd.DataFrame) -> FloatArray:
    """Annualized Ledoit–Wolf covariance: the 2004 estimator on standardized returns (shrinking the
    correlations towards zero), scaled back by each asset's sample volatility."""
    x = _as_matrix(returns)
    sd = x.std(axis=0, ddof=0)
    live = sd > 1e-9 * np.maximum(np.abs(x).max(axis=0), 1e-300)  # constant columns carry no risk
    cov = np.zeros((x.shape[1], x.shape[1]))
    if live.any():
        z = (x[:, live] - x[:, live].mean(axis=0)) / sd[live]
        corr, _ = ledoit_wolf_shrinkage(z)
        sd1 = x[:, live].std(axis=0, ddof=1)
        cov[np.ix_(live, live)] = corr * np.outer(sd1, sd1)
    return nearest_psd(cov * TRADING_DAYS)


def estimate_covariance(
    returns: FloatArray | pd.DataFrame, estimator: Estimator | str, *, half_life: float = 126
) -> FloatArray:
    """Annualized covariance by the named estimator (sample | ewma | ledoit_wolf)."""
    est = Estimator(str(estimator))
    if est is Estimator.SAMPLE:
        return sample_covariance(returns)
    if est is Estimator.EWMA:
        return ewma_covariance(returns, half_life)
    return ledoit_wolf_covariance(returns)


def describe_estimator(estimator: Estimator | str, *, half_life: float = 126) -> str:
    """Plain words for the estimator, for results and the GUI."""
    est = Estimator(str(estimator))
    if est is Estimator.SAMPLE:
        return "sample covariance of daily returns, annualized (×252)"
    if est is Estimator.EWMA:
        return f"exponentially weighted covariance, half-life {half_life:g} trading days, annualized (×252)"
    return "Ledoit–Wolf shrinkage of the correlations of daily returns (variances kept), annualized (×252)"
