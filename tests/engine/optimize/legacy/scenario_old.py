"""Frozen copy of main before the speed-up of rebalance()'s non-solver parts (tests compare against it).

main's scenario validation as it was before the speed-up (a frozen copy: the new one must raise the same
first error, or none, on every scenario)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from engine.errors import ScenarioError
from engine.model.scenario import Mode

if TYPE_CHECKING:
    from engine.model.scenario import Scenario


_TOL = 1e-6


def _short(v: object, limit: int = 40) -> str:
    """A value as written, cut short so a message stays one readable line."""
    text = repr(v)
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def _check_fraction(name: str, value: float, *, allow_none: bool = False) -> None:
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        raise ScenarioError(name, f"must be a number, got {_short(value)}")
    if not 0.0 <= value <= 1.0 + _TOL:
        raise ScenarioError(name, f"must be between 0 % and 100 %, got {value * 100:g} %")


def _check_bounds(prefix: str, lo: float, hi: float) -> None:
    _check_fraction(f"{prefix}.min", lo)
    _check_fraction(f"{prefix}.max", hi)
    if lo > hi + _TOL:
        raise ScenarioError(prefix, f"minimum {lo * 100:g} % is above maximum {hi * 100:g} %")


def validate_scenario(sc: Scenario) -> None:
    from tests.engine.optimize.legacy.scenario_checks_old import check_model_limits

    check_model_limits(sc)
    if sc.household is not None:
        from engine.model.household_checks import check_household

        check_household(sc)
    p = sc.portfolio
    if p.currency != "USD":
        raise ScenarioError(
            "portfolio.currency", f"only USD accounts are supported, got {_short(p.currency)}"
        )
    if not math.isfinite(p.cash):
        raise ScenarioError("portfolio.cash", "must be a number")
    seen: set[str] = set()
    for i, h in enumerate(p.holdings):
        where = f"portfolio.holdings[{i}]"
        if not h.ticker or not h.ticker.strip():
            raise ScenarioError(f"{where}.ticker", "is empty")
        if h.ticker in seen:
            raise ScenarioError(f"{where}.ticker", f"{h.ticker} is listed twice; merge the rows")
        seen.add(h.ticker)
        if not math.isfinite(h.shares) or h.shares < 0:
            raise ScenarioError(f"{where}.shares", f"must be zero or more, got {h.shares!r}")
        if h.price is not None and (not math.isfinite(h.price) or h.price <= 0):
            raise ScenarioError(f"{where}.price", f"must be positive, got {h.price!r}")

    t = sc.targets
    if not t.sleeves:
        raise ScenarioError("targets.sleeves", "no sleeves: add at least a core sleeve")
    _check_fraction("targets.small_cap_weight", t.small_cap_weight)
    _check_bounds("targets.small_cap", t.small_cap_min, t.small_cap_max)
    names: set[str] = set()
    tickers: set[str] = set()
    for i, s in enumerate(t.sleeves):
        where = f"targets.sleeves[{i}]"
        if s.name in names:
            raise ScenarioError(f"{where}.name", f"sleeve name {_short(s.name)} is used twice")
        names.add(s.name)
        _check_fraction(f"{where}.weight", s.weight)
        _check_bounds(where, s.min_weight, s.max_weight)
        if not s.assets:
            raise ScenarioError(f"{where}.assets", f"sleeve {_short(s.name)} has no tickers")
        sub = 0.0
        for j, a in enumerate(s.assets):
            aw = f"{where}.assets[{j}]"
            if not a.ticker.strip():
                raise ScenarioError(f"{aw}.ticker", "is empty")
            if a.ticker in tickers:
                raise ScenarioError(f"{aw}.ticker", f"{a.ticker} appears in two sleeves")
            tickers.add(a.ticker)
            _check_fraction(f"{aw}.weight", a.weight)
            _check_bounds(aw, a.min_weight, a.max_weight)
            sub += a.weight
        if abs(sub - 1.0) > 1e-4:
            raise ScenarioError(
                f"{where}.assets",
                f"sub-weights of sleeve {_short(s.name)} add up to {sub * 100:.4g} %, they must add up to 100 %",
            )
    inside = sum(s.weight for s in t.small_cap_sleeves)
    if t.small_cap_sleeves and abs(inside - 1.0) > 1e-4:
        raise ScenarioError(
            "targets.sleeves",
            f"core and satellite weights add up to {inside * 100:.4g} % of the small-cap sleeve; "
            "they must add up to 100 %",
        )
    total = sum(t.sleeve_weight(s) for s in t.sleeves)
    if abs(total - 1.0) > 1e-4:
        raise ScenarioError(
            "targets",
            f"small-cap weight plus outside sleeves add up to {total * 100:.4g} %; they must add up to 100 %",
        )
    if t.core is None and t.small_cap_sleeves:
        raise ScenarioError("targets.sleeves", "no sleeve has role 'core'")

    c = sc.constraints
    if c.vol_cap is not None and (not math.isfinite(c.vol_cap) or not 0 < c.vol_cap <= 2):
        raise ScenarioError(  # vol_cap_pct in the file: the value said in percent, as written there
            "constraints.vol_cap", f"must be above 0 % and at most 200 %, got {c.vol_cap * 100:.4g} %"
        )
    if c.turnover_cap is not None and (not math.isfinite(c.turnover_cap) or c.turnover_cap < 0):
        raise ScenarioError(
            "constraints.turnover_cap", f"must be zero or more, got {c.turnover_cap * 100:.4g} %"
        )
    for name, v in (("cost_bps", c.cost_bps), ("min_trade", c.min_trade), ("min_cash", c.min_cash)):
        if not math.isfinite(v) or v < 0:
            raise ScenarioError(f"constraints.{name}", f"must be zero or more, got {v!r}")
    for tk, v in c.cost_bps_by_ticker.items():
        if not math.isfinite(v) or v < 0:
            raise ScenarioError(f"constraints.cost_bps_by_ticker.{tk}", "must be zero or more")
    if not math.isfinite(c.cash_flow):
        raise ScenarioError("constraints.cash_flow", "must be a number")
    if c.mode is Mode.BUY_ONLY and c.cash_flow < 0:
        raise ScenarioError(
            "constraints.mode", "buy-only cannot pay a withdrawal; use sell-only or full rebalance"
        )
    if c.mode is Mode.SELL_ONLY and c.cash_flow > 0:
        raise ScenarioError(
            "constraints.mode",
            "sell-only cannot invest a contribution; use buy-only or full rebalance",
        )
    both = c.no_buy & c.no_sell
    if both and c.mode is Mode.FULL:
        pass  # frozen positions are allowed: neither bought nor sold

    d = sc.data
    if d.risk_window_days < 60:
        raise ScenarioError("data.risk_window_days", "needs at least 60 trading days of history")
    if d.ewma_half_life_days < 5:
        raise ScenarioError("data.ewma_half_life_days", "must be at least 5 days")
    proxied = [t for t, _ in d.proxies]
    for ticker, fund in d.proxies:
        if fund == ticker or fund in proxied:
            raise ScenarioError(
                f"data.proxies.{ticker}",
                f"{fund} cannot stand in for {ticker}: choose a fund with its own price history",
            )
    if len(set(proxied)) != len(proxied):
        raise ScenarioError("data.proxies", "a ticker has more than one proxy: keep one")
    for ticker in d.exclude_from_risk:
        if ticker in proxied:
            raise ScenarioError(
                "data.exclude_from_risk",
                f"{ticker} has a proxy and is also left out of the risk model: keep one of the two",
            )

    m = sc.market
    if m is not None:
        n = len(m.tickers)
        if len(m.covariance) != n or any(len(row) != n for row in m.covariance):
            raise ScenarioError("market.covariance", f"must be a {n}×{n} matrix (one row per ticker)")
        for i, row in enumerate(m.covariance):
            for j, v in enumerate(row):
                if not math.isfinite(v):
                    raise ScenarioError(f"market.covariance[{i}][{j}]", "must be a number")
                if abs(v - m.covariance[j][i]) > 1e-9 * max(1.0, abs(v)):
                    raise ScenarioError("market.covariance", "must be symmetric")
        for tk, px in m.prices.items():
            if not math.isfinite(px) or px <= 0:
                raise ScenarioError(f"market.prices.{tk}", f"must be positive, got {px!r}")
