"""The optimizer policy's covariances for all its decision days, from running sums (incremental).

``engine.risk.covariance`` estimates one window per call, touching every return of the window: a 20-year
monthly backtest with a 756-day window reads each return about 36 times. Here the sums the sample and
Ledoit–Wolf estimators need — Σx, Σxxᵀ and, for Ledoit–Wolf's shrinkage, Σx_i²x_j and Σx_i²x_j² — are
kept as running (prefix) sums over the whole history once; a window's sums are the difference of two
prefixes, so each decision day costs O(assets²) whatever the window. The formulas are those of
``engine.risk.covariance`` rewritten in these sums (the centred fourth moments expanded); each matrix
equals ``estimate_covariance`` on that day's own window up to rounding (a test checks 1e-12 relative).
A window is the returns before its decision day only: nothing later is read.

EWMA weights differ per window position, so EWMA (and any window with a fund that did not move) is left to
the one-window estimator.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from engine.model.scenario import Estimator
from engine.risk.covariance import TRADING_DAYS

FloatArray = npt.NDArray[np.float64]


def _prefix(a: FloatArray) -> FloatArray:
    out: FloatArray = np.concatenate([np.zeros((1, *a.shape[1:])), np.cumsum(a, axis=0)])
    return out


def _nearest_psd(c: FloatArray) -> FloatArray:
    """Stack version of ``engine.risk.covariance.nearest_psd`` with floor 0."""
    c = (c + np.swapaxes(c, -1, -2)) / 2
    vals, vecs = np.linalg.eigh(c)
    bad = vals.min(axis=-1) < 0.0
    if bad.any():
        fixed = (vecs[bad] * np.clip(vals[bad], 0.0, None)[:, None, :]) @ np.swapaxes(vecs[bad], -1, -2)
        c[bad] = (fixed + np.swapaxes(fixed, -1, -2)) / 2
    return c


def batched_covariances(
    returns: FloatArray, ends: list[int], window: int, estimator: Estimator | str, half_life: float
) -> dict[int, FloatArray]:
    """Annualized covariance of ``returns[end - window : end]`` for each ``end`` in ``ends``. Returns
    {end: matrix}; an end missing from the answer (no whole window before it, EWMA, a fund that did not
    move, missing values) is left to the one-window estimator."""
    est = Estimator(str(estimator))
    ends = [e for e in ends if window <= e <= len(returns)]
    if not ends or est is Estimator.EWMA or window < 2 or not np.isfinite(returns).all():
        return {}
    x = np.asarray(returns, dtype=np.float64)
    hi, lo = np.array(ends), np.array(ends) - window
    n, p = float(window), x.shape[1]

    def window_sum(a: FloatArray) -> FloatArray:
        pre = _prefix(a)
        out: FloatArray = pre[hi] - pre[lo]
        return out

    s1 = window_sum(x)  # (k, p)
    s2 = window_sum(x[:, :, None] * x[:, None, :])  # (k, p, p)
    mu = s1 / n
    c = s2 / n - mu[:, :, None] * mu[:, None, :]  # centred, divided by n
    var0 = np.diagonal(c, axis1=1, axis2=2).copy()
    keep: npt.NDArray[np.bool_] = np.asarray(
        (var0 > 1e-14).all(axis=1), dtype=bool
    )  # a fund that did not move: the one-window estimator handles it
    if not keep.any():
        return {}
    if est is Estimator.SAMPLE:
        cov = c * (n / (n - 1.0))
    else:
        # Ledoit–Wolf on standardized returns z = (x − μ)/σ: s = corr, m = tr(s)/p, d² = ‖s − mI‖²/p,
        # b̄² = (Σ_k ‖z_k‖⁴ − n‖s‖²)/(p n²) with Σ_k ‖z_k‖⁴ = Σ_ij Σ_k (x_i−μ_i)²(x_j−μ_j)² / (σ_i² σ_j²)
        sq = x * x
        s21 = window_sum(sq[:, :, None] * x[:, None, :])  # Σ x_i² x_j
        s22 = window_sum(sq[:, :, None] * sq[:, None, :])  # Σ x_i² x_j²
        m_i, m_j = mu[:, :, None], mu[:, None, :]
        sa2 = np.diagonal(s2, axis1=1, axis2=2)
        q = (
            s22
            - 2 * m_j * s21
            - 2 * m_i * np.swapaxes(s21, 1, 2)
            + m_j**2 * sa2[:, :, None]
            + m_i**2 * sa2[:, None, :]
            + 4 * m_i * m_j * s2
            - 2 * m_i * m_j**2 * s1[:, :, None]
            - 2 * m_i**2 * m_j * s1[:, None, :]
            + n * m_i**2 * m_j**2
        )
        sd = np.sqrt(np.where(var0 > 0, var0, 1.0))
        s = c / (sd[:, :, None] * sd[:, None, :])
        m = np.trace(s, axis1=1, axis2=2) / p
        eye = np.eye(p)
        d2 = np.sum((s - m[:, None, None] * eye) ** 2, axis=(1, 2)) / p
        fourth = np.sum(q / (var0[:, :, None] * var0[:, None, :]), axis=(1, 2))
        b2_bar = (fourth - n * np.sum(s**2, axis=(1, 2))) / (p * n**2)
        b2 = np.minimum(np.maximum(b2_bar, 0.0), d2)
        shrink = np.where(d2 <= 0, 0.0, b2 / np.where(d2 > 0, d2, 1.0))
        corr = (shrink * m)[:, None, None] * eye + (1 - shrink)[:, None, None] * s
        sd1 = np.sqrt(var0 * (n / (n - 1.0)))
        cov = corr * (sd1[:, :, None] * sd1[:, None, :])
    out = _nearest_psd(cov[keep] * TRADING_DAYS)
    kept = [e for e, k in zip(ends, [bool(k) for k in keep], strict=True) if k]
    return {e: out[i] for i, e in enumerate(kept)}
