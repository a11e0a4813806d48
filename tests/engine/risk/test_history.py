"""History metrics (growth of $10,000, drawdown, CAGR, beta, tracking error) and ex-ante sleeve metrics."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from engine.errors import DataError
from engine.risk import (
    beta_to,
    beta_to_asset,
    cagr,
    drawdown_path,
    growth_path,
    marginal_volatility,
    max_drawdown,
    portfolio_volatility,
    realized_tracking_error,
    realized_volatility,
    risk_contributions,
    sleeve_risk_contributions,
)


@pytest.fixture
def history() -> pd.DataFrame:
    idx = pd.bdate_range("2024-01-01", periods=5)
    return pd.DataFrame(
        {"A": [100.0, 110.0, 99.0, 108.9, 120.0], "B": [50.0, 50.0, 55.0, 55.0, 44.0]}, index=idx
    )


def test_growth_path_holds_constant_weights(history: pd.DataFrame) -> None:
    g = growth_path(history, {"A": 0.5, "B": 0.5})
    ra = history["A"].pct_change().to_numpy()[1:]
    rb = history["B"].pct_change().to_numpy()[1:]
    expected = 10_000 * np.cumprod(1 + 0.5 * ra + 0.5 * rb)
    assert g.iloc[0] == 10_000
    assert g.index[0] == history.index[0]
    assert np.allclose(g.to_numpy()[1:], expected)


def test_cash_part_of_the_weights_earns_nothing(history: pd.DataFrame) -> None:
    half = growth_path(history, {"A": 0.5})
    ra = history["A"].pct_change().fillna(0).to_numpy()
    assert np.allclose(half.to_numpy(), 10_000 * np.cumprod(1 + 0.5 * ra))
    assert growth_path(history, {"A": 1.0}).iloc[-1] == pytest.approx(10_000 * 120 / 100)


def test_drawdown_path_and_max_drawdown(history: pd.DataFrame) -> None:
    d = drawdown_path(history, {"A": 1.0})
    assert d.iloc[0] == 0
    assert d.iloc[2] == pytest.approx(99 / 110 - 1)
    assert (d <= 0).all()
    assert max_drawdown(history, {"A": 1.0}) == pytest.approx(99 / 110 - 1)
    assert max_drawdown(history, {"B": 1.0}) == pytest.approx(44 / 55 - 1)


def test_cagr_of_steady_growth() -> None:
    idx = pd.bdate_range("2020-01-01", periods=253)
    prices = pd.DataFrame({"A": 100 * 1.08 ** (np.arange(253) / 252)}, index=idx)
    assert cagr(prices, {"A": 1.0}) == pytest.approx(0.08)


def test_realized_volatility_is_annualized_std(history: pd.DataFrame) -> None:
    r = history["A"].pct_change().dropna()
    assert realized_volatility(history, {"A": 1.0}) == pytest.approx(r.std() * np.sqrt(252))


def test_beta_and_tracking_error_to_the_core(history: pd.DataFrame) -> None:
    assert beta_to(history, {"A": 1.0}, "A") == pytest.approx(1.0)
    assert beta_to(history, {"A": 0.6}, "A") == pytest.approx(0.6)
    assert realized_tracking_error(history, {"A": 1.0}, {"A": 1.0}) == pytest.approx(0.0)
    te = realized_tracking_error(history, {"A": 0.5, "B": 0.5}, {"A": 1.0})
    diff = 0.5 * history["B"].pct_change() - 0.5 * history["A"].pct_change()
    assert te == pytest.approx(diff.dropna().std() * np.sqrt(252))


def test_missing_ticker_is_a_data_error(history: pd.DataFrame) -> None:
    with pytest.raises(DataError, match="ZZZ"):
        growth_path(history, {"ZZZ": 1.0})


def test_growth_skips_days_before_every_ticker_has_a_price(history: pd.DataFrame) -> None:
    h = history.copy()
    h.loc[h.index[0], "B"] = np.nan
    g = growth_path(h, {"A": 0.5, "B": 0.5})
    assert g.index[0] == h.index[1]
    assert g.iloc[0] == 10_000


def test_sleeve_contributions_sum_asset_contributions() -> None:
    cov = np.array([[0.04, 0.03, 0.0], [0.03, 0.05, 0.0], [0.0, 0.0, 0.01]])
    w = np.array([0.5, 0.3, 0.2])
    rc = risk_contributions(w, cov)
    by = sleeve_risk_contributions(w, cov, ["IWM", "IWN", "AGG"], {"IWM": "Core", "IWN": "Value"})
    assert list(by) == ["Core", "Value", "Not in targets"]
    assert by["Core"] == pytest.approx(rc[0])
    assert sum(by.values()) == pytest.approx(1.0)


def test_ex_ante_beta_and_marginal_volatility() -> None:
    cov = np.array([[0.04, 0.02], [0.02, 0.09]])
    w = np.array([1.0, 0.0])
    assert beta_to_asset(w, cov, 0) == pytest.approx(1.0)
    assert beta_to_asset(np.array([0.0, 1.0]), cov, 0) == pytest.approx(0.5)
    w2 = np.array([0.6, 0.4])
    mv = marginal_volatility(w2, cov)
    assert float(w2 @ mv) == pytest.approx(portfolio_volatility(w2, cov))  # Euler: contributions add up
