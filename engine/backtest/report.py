"""Figures of a replayed policy: what it traded, what it cost, how far it drifted, how it grew and fell.

Definitions (also stated in every report):
- returns are time-weighted: each day's return is (value − that day's cash flow) / yesterday's value − 1,
  so contributions and withdrawals do not count as gains or losses; costs do;
- turnover per year is one-way: half of (buys + sells) on each trading day divided by that day's value,
  summed over the run and divided by its length in years (all trades, investing cash flows included);
- costs in bp are total trading costs / average portfolio value / years × 10,000;
- drift on a day is the largest distance, in percentage points of the portfolio, of any holding from its
  target weight, at that day's close before that day's trades (so a breach a policy repairs is seen);
- tracking error is the annualized standard deviation of the daily return difference to the targets
  held exactly every day (rebalanced daily, without costs);
- realized gains are first in, first out (engine.backtest.lots), short-term when held one year or less;
  "not known" when the opening shares' cost basis is unknown (the scenario has no lots for them);
- max drawdown is the deepest fall of the time-weighted growth from its running peak, with the day of the
  peak, the day of the trough and the day it was regained (none if never).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt
import pandas as pd

from engine.backtest.simulate import PolicyRun, Universe
from engine.risk.covariance import TRADING_DAYS

FloatArray = npt.NDArray[np.float64]

HYPOTHETICAL = (
    "Hypothetical: what these rules would have done on past prices. Past results do not predict future "
    "results. Not investment advice."
)


@dataclass(frozen=True)
class Drawdown:
    depth: float  # negative fraction (−0.35 = 35 % below the peak)
    peak: date
    trough: date
    recovered: date | None


@dataclass(frozen=True)
class PolicySummary:
    key: str
    label: str
    short: str
    rebalances: int  # days on which the policy traded other than to invest or raise a cash flow
    trades: int  # trades made on those days
    turnover_per_year: float  # one-way, fraction of value per year
    costs: float  # USD over the run
    costs_bp_per_year: float
    max_drift: float  # fraction of the portfolio (0.05 = 5 points)
    max_drift_date: date
    mean_drift: float
    realized_vol: float  # annualized
    max_rolling_vol: float  # highest 252-day realized volatility
    vol_cap: float | None
    tracking_error: float  # annualized, to the targets held exactly
    cagr: float  # time-weighted
    max_drawdown: Drawdown
    worst_month: float
    worst_month_label: str  # "2008-10"
    start_value: float
    end_value: float
    net_flows: float  # contributions − withdrawals actually made
    optimizer_failures: int  # check days on which the optimizer found no trades within the limits
    notes: tuple[str, ...] = ()
    # realized gains (USD, FIFO, costs in the basis and out of the proceeds); None: not known (no lots)
    realized_short_term: float | None = None
    realized_long_term: float | None = None
    realized_unknown_term: float | None = None  # lots the scenario gives without a purchase date


@dataclass(frozen=True)
class PolicySeries:
    """Daily series for charts: growth of 10,000 (time-weighted), drawdown and drift (fractions)."""

    growth: FloatArray
    drawdown: FloatArray
    drift: FloatArray
    value: FloatArray


def values_of(run: PolicyRun) -> FloatArray:
    out: FloatArray = (run.shares * run.prices).sum(axis=1) + run.cash_cents / 100.0
    return out


def twr_returns(run: PolicyRun, values: FloatArray) -> FloatArray:
    prev = values[:-1]
    out: FloatArray = np.where(
        prev > 0, (values[1:] - run.flow_cents[1:] / 100.0) / np.where(prev > 0, prev, 1.0) - 1.0, 0.0
    )
    return out


def drawdown_of(growth: FloatArray, dates: pd.DatetimeIndex) -> tuple[FloatArray, Drawdown]:
    peak = np.maximum.accumulate(growth)
    dd: FloatArray = growth / peak - 1.0
    trough = int(np.argmin(dd))
    top = int(np.argmax(growth[: trough + 1]))
    later = np.flatnonzero(growth[trough:] >= growth[top])
    rec = dates[trough + int(later[0])].date() if later.size and dd[trough] < 0 else None
    return dd, Drawdown(float(dd[trough]), dates[top].date(), dates[trough].date(), rec)


def worst_month(growth: FloatArray, dates: pd.DatetimeIndex) -> tuple[float, str]:
    s = pd.Series(growth, index=dates)
    ends = s.groupby(dates.to_period("M")).last()
    before = pd.concat([pd.Series([growth[0]]), pd.Series(ends.to_numpy()[:-1])], ignore_index=True)
    rets = ends.to_numpy() / before.to_numpy() - 1.0
    if len(rets) == 0:
        return 0.0, ""
    i = int(np.argmin(rets))
    return float(rets[i]), str(ends.index[i])


def summarize(
    run: PolicyRun, u: Universe, min_cash: float, vol_cap: float | None
) -> tuple[PolicySummary, PolicySeries]:
    dates = run.dates
    v = values_of(run)
    r = twr_returns(run, v)
    growth = np.concatenate([[1.0], np.cumprod(1.0 + r)])
    dd, mdd = drawdown_of(growth, dates)
    years = max((dates[-1] - dates[0]).days / 365.25, 1e-9)
    # drift at each close before that day's trades: yesterday's book at today's prices
    prev = np.concatenate([run.shares[:1], run.shares[:-1]])
    held = prev * run.prices
    pre = held.sum(axis=1) + np.concatenate([run.cash_cents[:1], run.cash_cents[:-1]]) / 100.0
    pre_keep = np.clip(min_cash / np.where(pre > 0, pre, np.inf), 0.0, 1.0)
    drift = np.abs(
        held / np.where(pre > 0, pre, 1.0)[:, None] - u.target[None, :] * (1.0 - pre_keep)[:, None]
    ).max(axis=1)
    keep = np.clip(min_cash / np.where(v > 0, v, np.inf), 0.0, 1.0)
    target = u.target[None, :] * (1.0 - keep)[:, None]
    asset_r = run.prices[1:] / run.prices[:-1] - 1.0
    target_r = (asset_r * target[:-1]).sum(axis=1)
    te = float(np.std(r - target_r, ddof=1) * np.sqrt(TRADING_DAYS)) if len(r) > 1 else 0.0
    vol = float(np.std(r, ddof=1) * np.sqrt(TRADING_DAYS)) if len(r) > 1 else 0.0
    roll = (
        pd.Series(r).rolling(TRADING_DAYS).std(ddof=1).max() * np.sqrt(TRADING_DAYS)
        if len(r) >= TRADING_DAYS
        else vol
    )
    wm, wm_label = worst_month(growth, dates)

    policy_fills = [f for f in run.fills if not f.flow_only]
    traded = np.zeros(len(dates))
    for f in run.fills:
        traded[f.day] += f.amount_cents / 100.0
    turnover = float(np.sum(traded / 2.0 / np.where(v > 0, v, np.inf))) / years
    cost = sum(f.cost_cents for f in run.fills) / 100.0
    start_value = run.start_cash_cents / 100.0 + float(run.start_shares @ run.prices[0])
    summary = PolicySummary(
        key=run.policy.key,
        label=run.policy.label,
        short=run.policy.short,
        rebalances=len(run.rebalance_days),
        trades=len(policy_fills),
        turnover_per_year=turnover,
        costs=cost,
        costs_bp_per_year=cost / float(np.mean(v)) / years * 1e4 if np.mean(v) > 0 else 0.0,
        max_drift=float(drift.max()),
        max_drift_date=dates[int(np.argmax(drift))].date(),
        mean_drift=float(drift.mean()),
        realized_vol=vol,
        max_rolling_vol=float(roll),
        vol_cap=vol_cap,
        tracking_error=te,
        cagr=float(growth[-1] ** (1.0 / years) - 1.0),
        max_drawdown=mdd,
        worst_month=wm,
        worst_month_label=wm_label,
        start_value=start_value,
        end_value=float(v[-1]),
        net_flows=float(run.flow_cents.sum()) / 100.0,
        optimizer_failures=len(run.infeasible_days),
        notes=tuple(run.notes),
        realized_short_term=run.gains.short_term if run.gains else None,
        realized_long_term=run.gains.long_term if run.gains else None,
        realized_unknown_term=run.gains.unknown_term if run.gains else None,
    )
    return summary, PolicySeries(growth=growth * 10_000.0, drawdown=dd, drift=drift, value=v)
