"""Checks of a scenario's household: each account's fields, and that the flat view agrees with it."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from engine.errors import ScenarioError
from engine.model.household import flat_view, validate_household
from engine.model.scenario_checks import MAX_MONEY, MAX_SHARES

if TYPE_CHECKING:
    from engine.model.scenario import Scenario


def check_household(sc: Scenario) -> None:
    hh = sc.household
    assert hh is not None
    validate_household(hh)
    for i, a in enumerate(hh.accounts):
        where = f"accounts[{i}] {a.name!r}"
        for name, v in (("cash", a.cash), ("cash_buffer", a.cash_buffer), ("cash_flow", a.cash_flow)):
            if abs(v) > MAX_MONEY:
                raise ScenarioError(f"{where} {name}", f"{v:.4g} is beyond any real amount; check the number")
        for j, p in enumerate(a.positions):
            if p.shares > MAX_SHARES:
                raise ScenarioError(
                    f"{where} positions[{j}] shares", f"{p.shares:.4g} is beyond any real holding"
                )
    rows, cash = flat_view(hh)
    flat = {h.ticker: h.shares for h in sc.portfolio.holdings}
    if (
        set(flat) != {t for t, _, _ in rows}
        or any(abs(flat[t] - s) > 1e-9 * max(1.0, s) for t, s, _ in rows)
        or abs(cash - sc.portfolio.cash) > 1e-6 * max(1.0, abs(cash))
    ):
        raise ScenarioError(
            "portfolio",
            "does not match the household's accounts: edit holdings and cash per account (the Accounts tab)",
        )
    c = sc.constraints
    buffers = sum(a.cash_buffer for a in hh.accounts)
    flows = sum(a.cash_flow for a in hh.accounts)
    if not math.isclose(c.min_cash, buffers, abs_tol=1e-6) or not math.isclose(
        c.cash_flow, flows, abs_tol=1e-6
    ):
        raise ScenarioError(
            "constraints", "cash buffer and cash flow must be the sums of the accounts' (with_household)"
        )
    for name in sc.placement.location:
        if name not in {s.name for s in sc.targets.sleeves}:
            raise ScenarioError(f"placement.location.{name}", "is not a sleeve of the targets")
    pl = sc.placement
    for name, v in (("taxable_sell_bps", pl.taxable_sell_bps), ("off_location_bps", pl.off_location_bps)):
        if not math.isfinite(v) or v < 0 or v > 10_000:
            raise ScenarioError(f"placement.{name}", f"must be between 0 and 10000 bps, got {v!r}")
