"""Evaluate a proposed set of post-trade holdings and check it against every stated constraint.

Definitions used for checking (also used in the result):
- prices: the prices the trades are sized with; costs: ``cost_bps`` of each trade's amount;
- cash after = cash + cash flow − buys + sells − costs;
- value after = holdings after at those prices + cash after; weights after are fractions of it;
- turnover = (buys + sells) / value before trading (after the cash flow).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.market import FloatArray
from engine.optimize.inputs import BIG, Inputs

WEIGHT_TOL = 1e-9
VOL_TOL = 1e-9


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


@dataclass(frozen=True)
class Violation:
    constraint: str  # machine name, e.g. "vol_cap", "asset_max:IWN", "min_cash"
    message: str  # plain words


def evaluate(x: Inputs, shares: FloatArray) -> Evaluation:
    delta = shares - x.shares0
    amounts = np.abs(delta) * x.prices
    costs = amounts * x.kappa
    cash_after = float(x.cash0 - delta @ x.prices - costs.sum())
    held = shares * x.prices
    value_after = float(held.sum() + cash_after)
    weights = held / value_after if value_after > 0 else np.zeros_like(held)
    var = float(weights @ x.cov @ weights)
    node_w = np.array([nd.members @ weights for nd in x.nodes]) if x.nodes else np.zeros(0)
    return Evaluation(
        shares=shares,
        delta=delta,
        amounts=amounts,
        costs=costs,
        cash_after=cash_after,
        value_after=value_after,
        weights=weights,
        cash_weight=cash_after / value_after if value_after > 0 else 0.0,
        vol=float(np.sqrt(max(var, 0.0))),
        turnover=float(amounts.sum() / x.value),
        node_weights=node_w,
    )


def _pct(v: float) -> str:
    return f"{v * 100:.2f} %"


def violations(x: Inputs, ev: Evaluation, *, check_trades: bool = True) -> list[Violation]:
    """Every stated constraint the evaluated holdings break (empty list: all hold).

    ``check_trades=False`` checks only the state (used to ask whether the *current* holdings already
    satisfy the limits)."""
    c = x.scenario.constraints
    out: list[Violation] = []
    money_tol = max(0.005, 1e-9 * x.value)
    for i in np.flatnonzero(ev.shares < -1e-9):
        tk = x.tickers[i]
        out.append(Violation(f"no_short:{tk}", f"{tk} would be sold short ({ev.shares[i]:g} shares)"))
    if ev.cash_after < c.min_cash - money_tol:
        out.append(
            Violation(
                "min_cash",
                f"cash after trading {ev.cash_after:,.2f} is below the cash buffer {c.min_cash:,.2f}",
            )
        )
    if ev.cash_after < -money_tol:
        out.append(Violation("no_borrowing", f"cash after trading is negative ({ev.cash_after:,.2f})"))
    if x.vol_cap < BIG and ev.vol > x.vol_cap + VOL_TOL:
        out.append(Violation("vol_cap", f"volatility {_pct(ev.vol)} is above the cap {_pct(x.vol_cap)}"))
    for i in np.flatnonzero(ev.weights < x.lo - WEIGHT_TOL):
        tk, w = x.tickers[i], ev.weights[i]
        out.append(Violation(f"asset_min:{tk}", f"{tk} at {_pct(w)} is below its minimum {_pct(x.lo[i])}"))
    for i in np.flatnonzero(ev.weights > x.hi + WEIGHT_TOL):
        tk, w = x.tickers[i], ev.weights[i]
        out.append(Violation(f"asset_max:{tk}", f"{tk} at {_pct(w)} is above its maximum {_pct(x.hi[i])}"))
    for j, nd in enumerate(x.nodes):
        w = ev.node_weights[j]
        if w < nd.lo - WEIGHT_TOL:
            out.append(
                Violation(
                    f"{_node_prefix(nd.key)}_min{_node_suffix(nd.key)}",
                    f"{nd.label} at {_pct(w)} is below its minimum {_pct(nd.lo)}",
                )
            )
        if w > nd.hi + WEIGHT_TOL:
            out.append(
                Violation(
                    f"{_node_prefix(nd.key)}_max{_node_suffix(nd.key)}",
                    f"{nd.label} at {_pct(w)} is above its maximum {_pct(nd.hi)}",
                )
            )
    if not check_trades:
        return out
    if x.turnover_cap < BIG and ev.turnover > x.turnover_cap + WEIGHT_TOL:
        out.append(
            Violation(
                "turnover_cap",
                f"turnover {_pct(ev.turnover)} is above the cap {_pct(x.turnover_cap)}",
            )
        )
    traded = np.abs(ev.delta) > 1e-12
    buys = traded & (ev.delta > 0)
    sells = traded & (ev.delta < 0)
    for i in np.flatnonzero(buys & x.no_buy):
        tk = x.tickers[i]
        why = "is on the no-buy list" if tk in c.no_buy else "may not be bought in sell-only mode"
        out.append(Violation(f"no_buy:{tk}", f"{tk} {why} but would be bought"))
    for i in np.flatnonzero(sells & x.no_sell):
        tk = x.tickers[i]
        why = "is on the no-sell list" if tk in c.no_sell else "may not be sold in buy-only mode"
        out.append(Violation(f"no_sell:{tk}", f"{tk} {why} but would be sold"))
    smallest = x.min_trade_amount
    what = "the minimum trade" if c.min_trade >= smallest else "the smallest trade worth making"
    for i in np.flatnonzero(traded & (ev.amounts < smallest - min(money_tol, 1e-6 * smallest))):
        tk = x.tickers[i]
        out.append(
            Violation(
                f"min_trade:{tk}",
                f"{tk} trade of {ev.amounts[i]:,.2f} is below {what} {smallest:,.2f}",
            )
        )
    if c.whole_shares:
        # selling a whole position may sell a fractional remainder
        broken = traded & (np.abs(ev.delta - np.round(ev.delta)) > 1e-9) & ~(sells & (ev.shares == 0))
        for i in np.flatnonzero(broken):
            tk = x.tickers[i]
            out.append(
                Violation(f"whole_shares:{tk}", f"{tk} trade of {abs(ev.delta[i]):g} shares is not whole")
            )
    return out


def _node_prefix(key: str) -> str:
    return "small_cap" if key == "small_cap" else "sleeve"


def _node_suffix(key: str) -> str:
    return "" if key == "small_cap" else ":" + key.split(":", 1)[1]
