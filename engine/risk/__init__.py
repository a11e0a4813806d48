"""Risk model: returns, covariance estimators (sample, EWMA, Ledoit–Wolf), portfolio metrics.

Ex-ante metrics (from a covariance matrix) live in ``metrics``; metrics of a weight vector on a price
history (growth of $10,000, drawdown, CAGR, realized volatility, beta, tracking error) in ``history``.
"""

from engine.risk.covariance import (
    TRADING_DAYS,
    describe_estimator,
    estimate_covariance,
    ewma_covariance,
    ledoit_wolf_covariance,
    nearest_psd,
    sample_covariance,
    simple_returns,
)
from engine.risk.history import (
    beta_to,
    cagr,
    drawdown_path,
    growth_path,
    max_drawdown,
    portfolio_returns,
    realized_tracking_error,
    realized_volatility,
)
from engine.risk.metrics import (
    beta_to_asset,
    marginal_volatility,
    portfolio_volatility,
    risk_contributions,
    sleeve_risk_contributions,
    tracking_error,
)

__all__ = [
    "TRADING_DAYS",
    "beta_to",
    "beta_to_asset",
    "cagr",
    "describe_estimator",
    "drawdown_path",
    "estimate_covariance",
    "ewma_covariance",
    "growth_path",
    "ledoit_wolf_covariance",
    "marginal_volatility",
    "max_drawdown",
    "nearest_psd",
    "portfolio_returns",
    "portfolio_volatility",
    "realized_tracking_error",
    "realized_volatility",
    "risk_contributions",
    "sample_covariance",
    "simple_returns",
    "sleeve_risk_contributions",
    "tracking_error",
]
