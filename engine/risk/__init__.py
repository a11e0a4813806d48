"""Risk model: returns, covariance estimators, portfolio metrics."""
