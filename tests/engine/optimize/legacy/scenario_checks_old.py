"""Frozen copy of main before the speed-up of rebalance()'s non-solver parts (tests compare against it).

Checks that keep a scenario inside what the model can mean: ticker shapes, magnitudes, bands, cash and
an inline covariance that is a covariance (symmetric positive semidefinite).

Called first by :func:`engine.model.scenario.validate_scenario`; each failure is a ScenarioError naming
the field, what is wrong and what to change.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from engine.errors import ScenarioError
from engine.io.tickers import TICKER_RULE, is_ticker

if TYPE_CHECKING:
    from engine.model.scenario import Band, Constraints, Scenario

# Far beyond any real account, far inside float range: a holding or cash past these is a typo or damage.
MAX_SHARES = 1e10
MAX_PRICE = 1e7  # a share price in dollars
# below MIN_PRICE, value / price overflows the share counts (early split-adjusted closes stay above it)
MIN_PRICE = 1e-6
MAX_MONEY = 1e12  # cash, cash flow, minimum trade, minimum cash
MAX_COST_BPS = 10_000.0  # 100 % of the traded amount
MAX_VARIANCE = 25.0  # an annual volatility of 500 %
MAX_RELATIVE_BAND = 10.0  # 1000 % of the target
MAX_DAYS = 10_000  # trading days of history


def _ticker(field: str, t: str) -> None:
    if not is_ticker(t):
        shown = repr(t) if len(t) <= 20 else repr(t[:19] + "…")
        raise ScenarioError(field, f"{shown} is not a ticker symbol ({TICKER_RULE})")


def _at_most(field: str, v: float, limit: float, what: str) -> None:
    if math.isfinite(v) and abs(v) > limit:
        raise ScenarioError(
            field, f"{v:.4g} is beyond any real {what} (at most {limit:.0e}); check the number"
        )


def _price(field: str, v: float) -> None:
    _at_most(field, v, MAX_PRICE, "share price")
    if math.isfinite(v) and 0 < v < MIN_PRICE:
        raise ScenarioError(
            field, f"{v:.4g} is below any real share price (at least {MIN_PRICE:.0e}); check the number"
        )


def _band(field: str, b: Band | None) -> None:
    if b is None:
        return
    for name, v, hi in (("absolute", b.absolute, 1.0), ("relative", b.relative, MAX_RELATIVE_BAND)):
        if not math.isfinite(v) or v < 0:
            raise ScenarioError(
                f"{field}.{name}_pct", f"a drift band must be zero or more, got {v * 100:g} %"
            )
        if v > hi:
            raise ScenarioError(f"{field}.{name}_pct", f"must be at most {hi * 100:g} %, got {v * 100:g} %")


def check_model_limits(sc: Scenario) -> None:
    p = sc.portfolio
    for i, h in enumerate(p.holdings):
        where = f"portfolio.holdings[{i}]"
        if h.ticker and h.ticker.strip():
            _ticker(f"{where}.ticker", h.ticker)
        _at_most(f"{where}.shares", h.shares, MAX_SHARES, "number of shares")
        if h.price is not None:
            _price(f"{where}.price", h.price)
    if math.isfinite(p.cash) and p.cash < 0:
        raise ScenarioError(
            "portfolio.cash", f"must be zero or more, got {p.cash:g}; a withdrawal is constraints.cash_flow"
        )
    _at_most("portfolio.cash", p.cash, MAX_MONEY, "cash balance")

    t = sc.targets
    _band("targets.default_band", t.default_band)
    for i, s in enumerate(t.sleeves):
        _band(f"targets.sleeves[{i}].band", s.band)
        for j, a in enumerate(s.assets):
            aw = f"targets.sleeves[{i}].assets[{j}]"
            if a.ticker.strip():
                _ticker(f"{aw}.ticker", a.ticker)
            _band(f"{aw}.band", a.band)

    c = sc.constraints
    for name, v in (("min_trade", c.min_trade), ("min_cash", c.min_cash), ("cash_flow", c.cash_flow)):
        _at_most(f"constraints.{name}", v, MAX_MONEY, "amount of money")
    _at_most("constraints.cost_bps", c.cost_bps, MAX_COST_BPS, "trading cost in basis points")
    for tk, v in c.cost_bps_by_ticker.items():
        _ticker("constraints.cost_bps_by_ticker", tk)
        _at_most(f"constraints.cost_bps_by_ticker.{tk}", v, MAX_COST_BPS, "trading cost in basis points")
    for name, tickers in (("no_buy", c.no_buy), ("no_sell", c.no_sell)):
        for tk in sorted(tickers):
            _ticker(f"constraints.{name}", tk)
    _check_look_through(c)

    d = sc.data
    for name, days in (
        ("risk_window_days", d.risk_window_days),
        ("ewma_half_life_days", d.ewma_half_life_days),
    ):
        if days > MAX_DAYS:
            raise ScenarioError(
                f"data.{name}", f"must be at most {MAX_DAYS} trading days (40 years), got {days}"
            )

    if sc.market is not None:
        _check_market(sc)


def _check_market(sc: Scenario) -> None:
    m = sc.market
    assert m is not None
    if not 1900 <= m.as_of.year <= 2100:  # the price files' rule (engine.data.csv_import)
        raise ScenarioError(
            "market.as_of", f"{m.as_of.isoformat()} is not a price date: it must be between 1900 and 2100"
        )
    for i, tk in enumerate(m.tickers):
        _ticker(f"market.tickers[{i}]", tk)
    if len(set(m.tickers)) != len(m.tickers):
        raise ScenarioError("market.tickers", "a ticker is listed twice")
    for tk, px in m.prices.items():
        _ticker("market.prices", tk)
        _price(f"market.prices.{tk}", px)
    n = len(m.tickers)
    cov = m.covariance
    if len(cov) != n or any(len(row) != n for row in cov):
        return  # the shape message is validate_scenario's
    if any(not math.isfinite(v) for row in cov for v in row):
        return
    for i, tk in enumerate(m.tickers):
        v = cov[i][i]
        if v < 0:
            raise ScenarioError(
                f"market.covariance[{i}][{i}]",
                f"the variance of {tk} is negative ({v:g}); a variance is a volatility squared, zero or more",
            )
        if v > MAX_VARIANCE:
            raise ScenarioError(
                f"market.covariance[{i}][{i}]",
                f"the variance of {tk} is {v:.4g} (a volatility of {math.sqrt(v) * 100:.4g} %); "
                "covariances are annual, in fractions (0.04 = 20 % volatility)",
            )
    for i in range(n):
        for j in range(i):
            if abs(cov[i][j] - cov[j][i]) > 1e-9 * max(1.0, abs(cov[i][j])):
                raise ScenarioError(
                    "market.covariance",
                    f"must be symmetric: row {i + 1} column {j + 1} is {cov[i][j]:g} but row {j + 1} "
                    f"column {i + 1} is {cov[j][i]:g}",
                )
    if n:
        import numpy as np

        a = np.asarray(cov, dtype=np.float64)
        lowest = float(np.linalg.eigvalsh((a + a.T) / 2.0)[0])
        scale = max(float(np.max(np.abs(np.diag(a)))), 1e-12)
        if lowest < -1e-8 * scale:
            raise ScenarioError(
                "market.covariance",
                f"is not a covariance matrix: it is not positive semidefinite (lowest eigenvalue {lowest:.3g}), "
                "so some mix of the funds would have a negative variance; export it again from one estimate",
            )


def _check_look_through(c: Constraints) -> None:
    """Sector / company limits: known sector names, fractions in [0, 1], a minimum not above its maximum."""
    from engine.data.funds import SECTORS

    for key, limits in (
        ("sector_max", c.sector_max),
        ("sector_min", c.sector_min),
        ("company_max", c.company_max),
    ):
        for name, v in limits.items():
            where = f"constraints.{key}_pct.{name}"
            if key.startswith("sector") and name not in SECTORS:
                raise ScenarioError(where, f"is not a sector; use one of: {', '.join(SECTORS)}")
            if key == "company_max":
                _ticker(f"constraints.{key}_pct", name)
            if not math.isfinite(v) or not 0.0 <= v <= 1.0 + 1e-9:
                raise ScenarioError(where, f"must be between 0 and 100 (percent), got {v * 100:g}")
    for name, lo in c.sector_min.items():
        hi = c.sector_max.get(name)
        if hi is not None and lo > hi + 1e-9:
            raise ScenarioError(
                f"constraints.sector_min_pct.{name}",
                f"minimum {lo * 100:g} % is above the maximum {hi * 100:g} % for {name}",
            )
