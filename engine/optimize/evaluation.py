"""Evaluate proposed post-trade holdings: the numbers every limit is checked on.

Definitions (also used in the result):
- prices: the prices the trades are sized with; costs: ``cost_bps`` of each trade's amount;
- cash after = cash + cash flow − buys + sells − costs;
- value after = holdings after at those prices + cash after; weights after are fractions of it;
- turnover = (buys + sells) / value before trading (after the cash flow).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.market import FloatArray
from engine.optimize.inputs import Inputs


@dataclass(frozen=True, eq=False)
class Evaluation:
    shares: FloatArray  # after trading
    delta: FloatArray  # shares traded (+ buy, − sell)
    amounts: FloatArray  # |delta| × price
    costs: FloatArray
    cash_after: float
    value_after: float
    weights: FloatArray  # fractions of value_after
    cash_weight: float
    vol: float
    turnover: float
    node_weights: FloatArray

    @property
    def total_cost(self) -> float:
        return float(self.costs.sum())


def evaluate(x: Inputs, shares: FloatArray, *, amounts: FloatArray | None = None) -> Evaluation:
    """The numbers of holding ``shares``. ``amounts``: the traded amount per ticker when it is not the net
    change's (a household's gross per-account trades: one account's buy is not netted against another's
    sale); costs and turnover follow it."""
    delta, amounts, costs, cash_after, value_after, weights, vol = _core(x, shares, amounts)
    node_w = x.node_matrix @ weights
    return Evaluation(
        shares=shares,
        delta=delta,
        amounts=amounts,
        costs=costs,
        cash_after=cash_after,
        value_after=value_after,
        weights=weights,
        cash_weight=cash_after / value_after if value_after > 0 else 0.0,
        vol=vol,
        turnover=float(amounts.sum() / x.value),
        node_weights=node_w,
    )


def risk_state(x: Inputs, shares: FloatArray) -> tuple[FloatArray, FloatArray, float]:
    """(delta, weights, vol) of holding ``shares``: the very numbers ``evaluate`` gives, without the rest
    (the rounding repair reads only these while it brings volatility under the cap, a share at a time)."""
    delta, _, _, _, _, weights, vol = _core(x, shares, None)
    return delta, weights, vol


def _core(
    x: Inputs, shares: FloatArray, amounts: FloatArray | None
) -> tuple[FloatArray, FloatArray, FloatArray, float, float, FloatArray, float]:
    delta = shares - x.shares0
    if amounts is None:
        amounts = np.abs(delta) * x.prices
    costs = amounts * x.kappa
    cash_after = float(x.cash0 - delta @ x.prices - costs.sum())
    held = shares * x.prices
    value_after = float(held.sum() + cash_after)
    weights = held / value_after if value_after > 0 else np.zeros_like(held)
    var = float(weights @ x.cov @ weights)
    return delta, amounts, costs, cash_after, value_after, weights, float(np.sqrt(max(var, 0.0)))
