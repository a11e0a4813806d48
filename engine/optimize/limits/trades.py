"""Limits on the trades themselves: turnover, minimum trade, whole shares, mode / no-buy / no-sell,
and no short positions."""

from __future__ import annotations

import cvxpy as cp
import numpy as np

from engine.market import BoolArray, FloatArray
from engine.model.scenario import Mode
from engine.optimize.evaluation import Evaluation
from engine.optimize.inputs import BIG, Inputs
from engine.optimize.limit_id import LimitId, LimitKind
from engine.optimize.limits.base import (
    NEAR,
    WEIGHT_TOL,
    Compiled,
    Ctx,
    ElasticVars,
    Limit,
    LimitState,
    Repair,
    Setting,
    Slack,
    Values,
    Violation,
    pct,
)

TURNOVER = LimitId(LimitKind.TURNOVER_CAP)


class Turnover(Limit):
    """(buys + sells) / value before trading ≤ cap."""

    repair = Repair.LESS_TRADING

    def ids(self, x: Inputs) -> tuple[LimitId, ...]:
        return (TURNOVER,) if x.turnover_cap < BIG else ()

    def check(self, x: Inputs, ev: Evaluation, *, trades: bool = True) -> list[Violation]:
        if trades and x.turnover_cap < BIG and ev.turnover > x.turnover_cap + WEIGHT_TOL:
            return [
                Violation(TURNOVER, f"turnover {pct(ev.turnover)} is above the cap {pct(x.turnover_cap)}")
            ]
        return []

    def states(self, x: Inputs, ev: Evaluation) -> list[LimitState]:
        if x.turnover_cap >= BIG:
            return []
        return [LimitState(TURNOVER, x.turnover_cap, ev.turnover, ev.turnover >= x.turnover_cap - NEAR)]

    def elastic(self, x: Inputs, v: ElasticVars, slack: Slack) -> list[cp.Constraint]:
        if x.turnover_cap >= BIG:
            return []
        return [cp.sum(v.traded) <= x.turnover_cap + slack(TURNOVER)]

    def compile(self, ctx: Ctx) -> Compiled:
        cap = cp.Parameter(name="turnover_cap")
        return Compiled([cp.sum(ctx.traded) <= cap], lambda x, s: {cap: x.turnover_cap})


def _traded(ev: Evaluation) -> np.ndarray:
    out: np.ndarray = np.abs(ev.delta) > 1e-12
    return out


class MinTrade(Limit):
    """Each trade is zero or at least the minimum trade (never below one unit of currency: dust)."""

    repair = Repair.DROP_TRADE

    def ids(self, x: Inputs) -> tuple[LimitId, ...]:
        return (LimitId(LimitKind.MIN_TRADE),)

    def check(self, x: Inputs, ev: Evaluation, *, trades: bool = True) -> list[Violation]:
        if not trades:
            return []
        c = x.scenario.constraints
        smallest = x.min_trade_amount
        tol = min(max(0.005, 1e-9 * x.value), 1e-6 * smallest)
        small = _traded(ev) & (ev.amounts < smallest - tol)
        if not small.any():
            return []
        what = "the minimum trade" if c.min_trade >= smallest else "the smallest trade worth making"
        return [
            Violation(
                LimitId(LimitKind.MIN_TRADE),
                f"{x.tickers[i]} trade of {ev.amounts[i]:,.2f} is below {what} {smallest:,.2f}",
                x.tickers[i],
            )
            for i in np.flatnonzero(small)
        ]


class WholeShares(Limit):
    """With whole shares, every trade is a whole number of shares, except selling a whole position."""

    repair = Repair.NONE  # rounding produces whole shares by construction

    def ids(self, x: Inputs) -> tuple[LimitId, ...]:
        return (LimitId(LimitKind.WHOLE_SHARES),) if x.scenario.constraints.whole_shares else ()

    def check(self, x: Inputs, ev: Evaluation, *, trades: bool = True) -> list[Violation]:
        if not trades or not x.scenario.constraints.whole_shares:
            return []
        part = np.abs(ev.delta - np.round(ev.delta)) > 1e-9
        if not part.any():  # (the usual case: every trade whole)
            return []
        sold_all = (ev.delta < 0) & (ev.shares == 0)
        broken = _traded(ev) & part & ~sold_all
        return [
            Violation(
                LimitId(LimitKind.WHOLE_SHARES),
                f"{x.tickers[i]} trade of {abs(ev.delta[i]):g} shares is not whole",
                x.tickers[i],
            )
            for i in np.flatnonzero(broken)
        ]


class Restrictions(Limit):
    """Mode (buy-only / sell-only) and the no-buy / no-sell lists: kept exactly, hard in diagnosis."""

    def ids(self, x: Inputs) -> tuple[LimitId, ...]:
        c = x.scenario.constraints
        out = [LimitId(LimitKind.NO_SELL, t) for t in sorted(c.no_sell)]
        out += [LimitId(LimitKind.NO_BUY, t) for t in sorted(c.no_buy)]
        if c.mode is not Mode.FULL:
            out.append(LimitId(LimitKind.MODE))
        return tuple(out)

    def check(self, x: Inputs, ev: Evaluation, *, trades: bool = True) -> list[Violation]:
        if not trades or not (x.no_buy.any() or x.no_sell.any()):  # (usually: nothing restricted)
            return []
        c = x.scenario.constraints
        traded = _traded(ev)
        out = []
        for i in np.flatnonzero(traded & (ev.delta > 0) & x.no_buy):
            tk = x.tickers[i]
            listed = tk in c.no_buy
            lid = LimitId(LimitKind.NO_BUY, tk) if listed else LimitId(LimitKind.MODE)
            why = "is on the no-buy list" if listed else "may not be bought in sell-only mode"
            out.append(Violation(lid, f"{tk} {why} but would be bought", tk))
        for i in np.flatnonzero(traded & (ev.delta < 0) & x.no_sell):
            tk = x.tickers[i]
            listed = tk in c.no_sell
            lid = LimitId(LimitKind.NO_SELL, tk) if listed else LimitId(LimitKind.MODE)
            why = "is on the no-sell list" if listed else "may not be sold in buy-only mode"
            out.append(Violation(lid, f"{tk} {why} but would be sold", tk))
        return out

    def elastic(self, x: Inputs, v: ElasticVars, slack: Slack) -> list[cp.Constraint]:
        return []  # hard: the diagnosis's trade variables are bounded by them already

    def compile(self, ctx: Ctx) -> Compiled:
        """Buys and sells bounded per asset: 0 where not allowed (lists, mode, frozen for this solve);
        sells at most the holding (no short positions)."""
        buy_ub = cp.Parameter(ctx.n, name="buy_ub")
        sell_ub = cp.Parameter(ctx.n, name="sell_ub")

        def values(x: Inputs, s: Setting) -> Values:
            b, sl = trade_bounds(x, s.fixed)
            return {buy_ub: b, sell_ub: sl}

        return Compiled([ctx.zb <= buy_ub, ctx.zs <= sell_ub], values)


def trade_bounds(x: Inputs, fixed: BoolArray | None) -> tuple[FloatArray, FloatArray]:
    """(largest buy, largest sell) per asset in weights; ``fixed`` assets may not trade at all."""
    buy_ub, sell_ub = x.buy_ub, np.maximum(x.sell_ub, 0.0)
    if fixed is not None and fixed.any():
        buy_ub = np.where(fixed, 0.0, buy_ub)
        sell_ub = np.where(fixed, 0.0, sell_ub)
    return buy_ub, sell_ub


class NoShort(Limit):
    """Holdings never below zero."""

    def ids(self, x: Inputs) -> tuple[LimitId, ...]:
        return (LimitId(LimitKind.NO_SHORT),)

    def check(self, x: Inputs, ev: Evaluation, *, trades: bool = True) -> list[Violation]:
        if not (ev.shares < -1e-9).any():
            return []
        return [
            Violation(
                LimitId(LimitKind.NO_SHORT),
                f"{x.tickers[i]} would be sold short ({ev.shares[i]:g} shares)",
                x.tickers[i],
            )
            for i in np.flatnonzero(ev.shares < -1e-9)
        ]

    def elastic(self, x: Inputs, v: ElasticVars, slack: Slack) -> list[cp.Constraint]:
        return [v.w >= 0]
