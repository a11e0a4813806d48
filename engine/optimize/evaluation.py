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


class RiskState:
    """(delta, weights, vol) of holdings ``shares`` that change one ticker at a time (``moved``): the very
    numbers ``evaluate`` gives — the per-ticker arrays updated in place, the sums and products over them
    computed as ``evaluate`` computes them — without the rest (the rounding repair reads only these while
    it brings volatility under the cap, a share at a time)."""

    def __init__(self, x: Inputs, shares: FloatArray) -> None:
        self.x, self.shares = x, shares
        self.delta = shares - x.shares0
        amounts = np.abs(self.delta) * x.prices
        self.costs = amounts * x.kappa
        self.held = shares * x.prices
        self._p, self._k, self._s0 = x.prices.tolist(), x.kappa.tolist(), x.shares0.tolist()

    def moved(self, i: int) -> None:
        """``shares[i]`` changed: the same element-wise numbers as ``evaluate``'s arrays."""
        s, p = float(self.shares[i]), self._p[i]
        d = s - self._s0[i]
        self.delta[i] = d
        self.costs[i] = abs(d) * p * self._k[i]
        self.held[i] = s * p

    def now(self) -> tuple[FloatArray, FloatArray, float]:
        _, _, weights, vol = _totals(self.x, self.delta, self.costs, self.held)
        return self.delta, weights, vol


def _core(
    x: Inputs, shares: FloatArray, amounts: FloatArray | None
) -> tuple[FloatArray, FloatArray, FloatArray, float, float, FloatArray, float]:
    delta = shares - x.shares0
    if amounts is None:
        amounts = np.abs(delta) * x.prices
    costs = amounts * x.kappa
    held = shares * x.prices
    cash_after, value_after, weights, vol = _totals(x, delta, costs, held)
    return delta, amounts, costs, cash_after, value_after, weights, vol


def _totals(
    x: Inputs, delta: FloatArray, costs: FloatArray, held: FloatArray
) -> tuple[float, float, FloatArray, float]:
    cash_after = float(x.cash0 - delta @ x.prices - costs.sum())
    value_after = float(held.sum() + cash_after)
    weights = held / value_after if value_after > 0 else np.zeros_like(held)
    var = float(weights @ x.cov @ weights)
    return cash_after, value_after, weights, float(np.sqrt(max(var, 0.0)))
