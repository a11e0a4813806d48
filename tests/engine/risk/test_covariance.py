"""Covariance estimators against plain numpy definitions, plus PSD and scaling properties."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from engine.risk.covariance import (
    TRADING_DAYS,
    describe_estimator,
    estimate_covariance,
    ewma_covariance,
    ewma_weights,
    ledoit_wolf_covariance,
    ledoit_wolf_shrinkage,
    nearest_psd,
    sample_covariance,
    simple_returns,
)


@pytest.fixture
def returns() -> np.ndarray:
    rng = np.random.default_rng(7)
    common = rng.normal(0, 0.012, size=(300, 1))
    return common + rng.normal(0, 0.006, size=(300, 5))


def test_simple_returns_are_price_relatives() -> None:
    prices = pd.DataFrame({"A": [100.0, 110.0, 99.0], "B": [50.0, 50.0, 55.0]})
    r = simple_returns(prices)
    assert r.shape == (2, 2)
    assert r["A"].tolist() == pytest.approx([0.10, -0.10])
    assert r["B"].tolist() == pytest.approx([0.0, 0.10])


def test_sample_covariance_is_numpy_cov_annualized(returns: np.ndarray) -> None:
    assert np.allclose(sample_covariance(returns), np.cov(returns, rowvar=False) * TRADING_DAYS)


def test_ewma_matches_its_definition(returns: np.ndarray) -> None:
    half_life = 40.0
    lam = 0.5 ** (1 / half_life)
    n = len(returns)
    w = np.array([lam ** (n - 1 - t) for t in range(n)])
    w /= w.sum()
    mean = sum(w[t] * returns[t] for t in range(n))
    expected = sum(w[t] * np.outer(returns[t] - mean, returns[t] - mean) for t in range(n)) * TRADING_DAYS
    assert np.allclose(ewma_covariance(returns, half_life), expected)


def test_ewma_weight_halves_after_one_half_life() -> None:
    w = ewma_weights(100, 10)
    assert w.sum() == pytest.approx(1.0)
    assert w[-11] / w[-1] == pytest.approx(0.5)


def test_ewma_with_long_half_life_approaches_equal_weights(returns: np.ndarray) -> None:
    biased = np.cov(returns, rowvar=False, bias=True) * TRADING_DAYS
    assert np.allclose(ewma_covariance(returns, 1e9), biased, rtol=1e-6)


def test_ewma_weights_recent_days_more() -> None:
    rng = np.random.default_rng(1)
    calm = rng.normal(0, 0.005, size=(400, 2))
    wild = rng.normal(0, 0.03, size=(40, 2))
    r = np.vstack([calm, wild])
    assert ewma_covariance(r, 20)[0, 0] > 3 * sample_covariance(r)[0, 0]


def _ledoit_wolf_by_the_paper(x: np.ndarray) -> tuple[np.ndarray, float]:
    """Ledoit & Wolf (2004), with their normalized Frobenius norm ‖A‖² = tr(AAᵀ)/p, written as loops."""
    n, p = x.shape
    xc = x - x.mean(axis=0)
    s = sum(np.outer(row, row) for row in xc) / n
    m = np.trace(s) / p

    def norm2(a: np.ndarray) -> float:
        return float(np.trace(a @ a.T)) / p

    d2 = norm2(s - m * np.eye(p))
    b2_bar = sum(norm2(np.outer(row, row) - s) for row in xc) / n**2
    b2 = min(b2_bar, d2)
    return b2 / d2 * m * np.eye(p) + (1 - b2 / d2) * s, b2 / d2


def _ledoit_wolf_sklearn_formula(x: np.ndarray) -> float:
    """The shrinkage of scikit-learn's ``ledoit_wolf_shrinkage`` (assume_centered=False), restated."""
    n, p = x.shape
    x = x - x.mean(axis=0)
    x2 = x**2
    emp_cov_trace = np.sum(x2, axis=0) / n
    mu = np.sum(emp_cov_trace) / p
    beta_ = np.sum(x2.T @ x2)
    delta_ = np.sum((x.T @ x) ** 2) / n**2
    beta = 1.0 / (p * n) * (beta_ / n - delta_)
    delta = (delta_ - 2.0 * mu * emp_cov_trace.sum() + p * mu**2) / p
    beta = min(beta, delta)
    return 0.0 if beta == 0 else float(beta / delta)


@pytest.mark.parametrize(("n", "p"), [(300, 5), (40, 12), (8, 10)])
def test_ledoit_wolf_matches_paper_and_sklearn_formula(n: int, p: int) -> None:
    rng = np.random.default_rng(n + p)
    x = rng.normal(0, 0.01, size=(n, 1)) + rng.normal(0, 0.01, size=(n, p))
    cov, shrink = ledoit_wolf_shrinkage(x)
    ref_cov, ref_shrink = _ledoit_wolf_by_the_paper(x)
    assert shrink == pytest.approx(ref_shrink, rel=1e-9)
    assert shrink == pytest.approx(_ledoit_wolf_sklearn_formula(x), rel=1e-9)
    assert np.allclose(cov, ref_cov)


def test_ledoit_wolf_covariance_shrinks_correlations_and_keeps_variances() -> None:
    rng = np.random.default_rng(11)
    common = rng.normal(0, 0.012, size=(60, 1))
    x = np.hstack([common + rng.normal(0, 0.004, size=(60, 4)), rng.normal(0, 0.002, size=(60, 1))])
    lw = ledoit_wolf_covariance(x)
    sample = sample_covariance(x)
    assert np.allclose(np.diag(lw), np.diag(sample))  # the low-volatility column keeps its variance
    sd = x.std(axis=0, ddof=0)
    z = (x - x.mean(axis=0)) / sd
    ref_corr, shrink = _ledoit_wolf_by_the_paper(z)
    assert 0 < shrink < 1
    sd1 = x.std(axis=0, ddof=1)
    assert np.allclose(lw, ref_corr * np.outer(sd1, sd1) * TRADING_DAYS)
    corr_lw = lw / np.sqrt(np.outer(np.diag(lw), np.diag(lw)))
    corr_s = sample / np.sqrt(np.outer(np.diag(sample), np.diag(sample)))
    off = ~np.eye(5, dtype=bool)
    assert np.all(np.abs(corr_lw[off]) <= np.abs(corr_s[off]) + 1e-12)


def test_ledoit_wolf_shrinks_more_with_fewer_days() -> None:
    rng = np.random.default_rng(3)
    x = rng.normal(0, 0.01, size=(2000, 10))
    _, many = ledoit_wolf_shrinkage(x)
    _, few = ledoit_wolf_shrinkage(x[:30])
    assert 0 <= many < few <= 1


def test_ledoit_wolf_is_invertible_with_more_assets_than_days() -> None:
    rng = np.random.default_rng(4)
    x = rng.normal(0, 0.01, size=(10, 25))
    assert np.linalg.eigvalsh(sample_covariance(x)).min() < 1e-12  # singular
    assert np.linalg.eigvalsh(ledoit_wolf_covariance(x)).min() > 0
    cov, _ = ledoit_wolf_shrinkage(x)
    assert np.linalg.eigvalsh(cov).min() > 0


def test_nearest_psd_clips_negative_eigenvalues() -> None:
    bad = np.array([[1.0, 0.99, 0.2], [0.99, 1.0, 0.99], [0.2, 0.99, 1.0]])
    assert np.linalg.eigvalsh(bad).min() < 0
    fixed = nearest_psd(bad)
    assert np.allclose(fixed, fixed.T)
    assert np.linalg.eigvalsh(fixed).min() > -1e-12
    good = np.array([[2.0, 0.5], [0.5, 1.0]])
    assert np.allclose(nearest_psd(good), good)


def test_estimate_covariance_dispatches_by_name(returns: np.ndarray) -> None:
    assert np.allclose(estimate_covariance(returns, "sample"), sample_covariance(returns))
    assert np.allclose(estimate_covariance(returns, "ewma", half_life=30), ewma_covariance(returns, 30))
    assert np.allclose(estimate_covariance(returns, "ledoit_wolf"), ledoit_wolf_covariance(returns))
    with pytest.raises(ValueError):
        estimate_covariance(returns, "magic")
    assert "half-life 30" in describe_estimator("ewma", half_life=30)
    assert "Ledoit" in describe_estimator("ledoit_wolf")


def test_estimators_refuse_missing_values() -> None:
    x = np.ones((10, 2))
    x[3, 1] = np.nan
    with pytest.raises(ValueError, match="missing"):
        sample_covariance(x)


# daily returns: exactly zero (unchanged price) or at least a ten-thousandth of a percent; subnormal
# magnitudes such as 1e-160 never come from prices and only test floating-point underflow
RETURNS = st.one_of(st.just(0.0), st.floats(1e-6, 0.25), st.floats(-0.25, -1e-6))

matrices = st.integers(3, 40).flatmap(
    lambda n: st.integers(1, 8).flatmap(lambda p: arrays(np.float64, (n, p), elements=RETURNS))
)


@settings(max_examples=60, deadline=None)
@given(x=matrices, scale=st.floats(0.1, 10))
def test_every_estimator_is_symmetric_psd_and_scales_quadratically(x: np.ndarray, scale: float) -> None:
    for est in ("sample", "ewma", "ledoit_wolf"):
        cov = estimate_covariance(x, est, half_life=10)
        assert np.allclose(cov, cov.T)
        tol = 1e-10 * max(1.0, float(np.abs(cov).max()))
        assert np.linalg.eigvalsh(cov).min() >= -tol
        scaled = estimate_covariance(x * scale, est, half_life=10)
        assert np.allclose(scaled, cov * scale**2, rtol=1e-6, atol=1e-9 * scale**2)
