"""The simulated demo data: reproducible from its seed, labelled, and near its stated parameters."""

from __future__ import annotations

import gzip

import numpy as np
import pandas as pd
import pytest

from engine import resources
from engine.data import demo
from engine.data import demo_params as P
from engine.data.checks import find_spikes, find_split_jumps


@pytest.fixture(scope="module")
def bundled() -> pd.DataFrame:
    return demo.load_demo_prices()


@pytest.fixture(scope="module")
def returns(bundled: pd.DataFrame) -> pd.DataFrame:
    return bundled.pct_change().iloc[1:]


def test_generator_reproduces_the_bundled_file(bundled: pd.DataFrame) -> None:
    fresh = demo.generate()
    assert list(fresh.columns) == list(bundled.columns)
    assert fresh.index.equals(bundled.index)
    assert np.allclose(fresh.to_numpy(), bundled.to_numpy(), rtol=0, atol=1.5e-4)  # 4-decimal rounding


def test_a_different_seed_gives_different_prices(bundled: pd.DataFrame) -> None:
    other = demo.generate(seed=P.SEED + 1)
    assert not np.allclose(other.to_numpy()[:-1], bundled.to_numpy()[:-1], atol=1e-2)


def test_bundled_file_is_labelled_simulated_and_compact() -> None:
    raw = resources.read_bytes("demo", demo.DEMO_FILE)
    assert len(raw) < 3_000_000
    first_line = gzip.decompress(raw).split(b"\n", 1)[0].decode()
    assert "simulated demo data" in first_line
    assert "NOT real prices" in first_line
    assert demo.DEMO_LABEL == "simulated demo data"
    readme = resources.read_text("demo", "README.md")
    assert "simulated" in readme.lower()


def test_about_twenty_years_of_the_default_universe(bundled: pd.DataFrame) -> None:
    for t in ("IWM", "VTWO", "IWN", "IWO", "VBR", "VBK", "VB", "IJR", "SLY", "SPSM", "SPY", "AGG", "XLF"):
        assert t in bundled.columns
    assert bundled.index[-1] == pd.Timestamp(P.END)
    assert 19.5 < (bundled.index[-1] - bundled.index[0]).days / 365.25 < 20.5
    assert bundled.index.is_monotonic_increasing
    assert not bundled.isna().any().any()
    assert (bundled > 0).all().all()
    assert set(bundled.index.day_of_week) <= {0, 1, 2, 3, 4}


def test_volatility_and_growth_match_the_stated_parameters(
    bundled: pd.DataFrame, returns: pd.DataFrame
) -> None:
    years = (len(bundled) - 1) / 252
    for a in P.ASSETS:
        vol = returns[a.ticker].std() * np.sqrt(252)
        growth = (bundled[a.ticker].iloc[-1] / bundled[a.ticker].iloc[0]) ** (1 / years) - 1
        assert vol == pytest.approx(a.vol, abs=0.005), a.ticker
        assert growth == pytest.approx(a.cagr, abs=0.003), a.ticker
        assert bundled[a.ticker].iloc[-1] == pytest.approx(a.end_price, rel=1e-4)


def test_correlations_are_near_the_stated_ones(returns: pd.DataFrame) -> None:
    corr = returns.corr()
    worst = max(
        abs(corr.loc[a, b] - P.stated_correlation(a, b)) for a in P.TICKERS for b in P.TICKERS if a < b
    )
    assert worst < 0.06
    small = ["IWM", "VTWO", "IWN", "IWO", "VB", "VBR", "VBK", "IJR", "SPSM"]
    assert corr.loc[small, small].min().min() > 0.88
    assert corr.loc["IWM", "VTWO"] > 0.98
    assert corr.loc["AGG", "IWM"] < 0.1


def test_fat_tails_and_volatility_clustering(returns: pd.DataFrame) -> None:
    r = returns["IWM"].to_numpy()
    assert pd.Series(r).kurt() > 2.0  # excess kurtosis; a normal distribution has 0
    sq = r**2
    assert np.corrcoef(sq[1:], sq[:-1])[0, 1] > 0.05  # big days follow big days


def test_crash_episodes_have_the_right_shape(bundled: pd.DataFrame) -> None:
    def worst_fall(t: str, a: str, b: str) -> float:
        s = bundled[t].loc[a:b]
        return float((s / s.cummax() - 1).min())

    assert worst_fall("IWM", "2007-06-01", "2009-06-30") < -0.45  # 2008-09 crisis
    assert worst_fall("IWM", "2020-02-01", "2020-04-30") < -0.25  # March 2020
    assert worst_fall("IWM", "2025-03-20", "2025-04-30") < worst_fall("SPY", "2025-03-20", "2025-04-30")
    assert worst_fall("IWM", "2007-06-01", "2009-06-30") < worst_fall("SPY", "2007-06-01", "2009-06-30")
    assert worst_fall("AGG", "2007-06-01", "2026-11-20") > -0.25


def test_demo_data_passes_the_data_checks(bundled: pd.DataFrame) -> None:
    for t in bundled.columns:
        assert find_spikes(bundled[t]) == []
        assert find_split_jumps(bundled[t]) == []


def test_loading_is_cached_and_callers_cannot_corrupt_the_cache() -> None:
    a = demo.load_demo_prices()
    before = float(a.iloc[-1, 0])
    a.iloc[-1, 0] = -1.0
    b = demo.load_demo_prices()
    assert float(b.iloc[-1, 0]) == before
    assert demo._bundled.cache_info().hits >= 1


def test_stated_parameters_are_consistent() -> None:
    for a in P.TICKERS:
        for b in P.TICKERS:
            assert P.stated_correlation(a, b) == pytest.approx(P.stated_correlation(b, a)), (a, b)
    c = demo.stated_correlation_matrix()
    assert np.linalg.eigvalsh(c).min() > 0
    assert np.allclose(np.diag(c), 1.0)
    assert len(set(P.TICKERS)) == len(P.TICKERS) == 20
