"""Replay one policy on a price history, day by day, with whole shares, costs and cash flows.

Trades happen at the day's closing (adjusted) price. A policy decides on day t from prices up to and
including day t; the optimizer's covariance uses returns up to day t − 1 only. Nothing from a later day
is read before that day is replayed, so changing prices after a day cannot change a decision made on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd

from engine.backtest.ledger import Fill, Ledger, cents
from engine.backtest.lots import LotBook, RealizedGains, opening_lots
from engine.backtest.optimizer_policy import OptimizerPolicy
from engine.backtest.policies import (
    Every,
    Policy,
    PolicyKind,
    check_days,
    daryanani_values,
    flow_split,
    outside_bands,
    pro_rata,
)
from engine.errors import DataError
from engine.model.scenario import Scenario

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
Progress = Callable[[str, float], None]
Cancel = Callable[[], bool]


@dataclass(frozen=True)
class BacktestSettings:
    """``monthly_flow``: + contribution / − withdrawal on the first trading day of each month (USD).
    ``start``: "holdings" starts from the scenario's current mix, "targets" from the target mix.
    ``warmup_days``: trading days of history kept before the first replayed day, so the optimizer has a
    covariance from the first day on. ``initial_value``: starting value (default: the scenario's)."""

    monthly_flow: float = 0.0
    start: str = "holdings"
    warmup_days: int = 252
    initial_value: float | None = None


@dataclass
class PolicyRun:
    """What one replay produced (raw; ``engine.backtest.report`` turns it into figures)."""

    policy: Policy
    dates: pd.DatetimeIndex
    tickers: tuple[str, ...]
    prices: FloatArray  # days × tickers
    shares: IntArray  # days × tickers, after the day's trades
    cash_cents: IntArray  # per day, after the day's flow and trades
    flow_cents: IntArray  # per day: contribution (+) or withdrawal (−) actually applied
    fills: list[Fill]
    rebalance_days: list[int]
    start_cash_cents: int
    start_shares: IntArray
    infeasible_days: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    gains: RealizedGains | None = None  # None: not known (the opening basis is unknown)
    gains_how: str = ""  # where the basis comes from, or why the gains are not known


@dataclass(frozen=True)
class Universe:
    """The scenario's tickers with their targets and bands as arrays (fractions of the invested value)."""

    tickers: tuple[str, ...]
    target: FloatArray  # sums to 1 over the tickers (before the cash buffer)
    band_abs: FloatArray
    band_rel: FloatArray
    groups: FloatArray  # sleeves with more than one ticker × tickers (0/1)
    g_target: FloatArray
    g_abs: FloatArray
    g_rel: FloatArray
    buy_ok: npt.NDArray[np.bool_]
    sell_ok: npt.NDArray[np.bool_]
    cost_bps: FloatArray

    @classmethod
    def of(cls, sc: Scenario) -> Universe:
        tickers = tuple(sc.universe)
        tw = sc.targets.asset_weights()
        t = sc.targets
        abs_, rel = [], []
        for tk in tickers:
            s = t.sleeve_of(tk)
            a = next((a for a in s.assets if a.ticker == tk), None) if s else None
            b = t.band_of_asset(s, a) if s and a else t.default_band
            abs_.append(b.absolute)
            rel.append(b.relative)
        groups = [s for s in t.sleeves if len(s.assets) > 1]
        g = np.array(
            [[1.0 if any(a.ticker == tk for a in s.assets) else 0.0 for tk in tickers] for s in groups]
        ).reshape(len(groups), len(tickers))
        c = sc.constraints
        return cls(
            tickers=tickers,
            target=np.array([tw.get(tk, 0.0) for tk in tickers]),
            band_abs=np.array(abs_),
            band_rel=np.array(rel),
            groups=g,
            g_target=np.array([t.sleeve_weight(s) for s in groups]),
            g_abs=np.array([t.band_of_sleeve(s).absolute for s in groups]),
            g_rel=np.array([t.band_of_sleeve(s).relative for s in groups]),
            buy_ok=np.array([tk not in c.no_buy for tk in tickers]),
            sell_ok=np.array([tk not in c.no_sell for tk in tickers]),
            cost_bps=np.array([c.cost_of(tk) for tk in tickers]),
        )

    def scaled_target(self, value: float, min_cash: float) -> FloatArray:
        """Targets as fractions of the whole value, leaving the cash buffer in cash."""
        keep = min(max(min_cash / value, 0.0), 1.0) if value > 0 else 1.0
        out: FloatArray = self.target * (1.0 - keep)
        return out

    @staticmethod
    def tolerance(target: FloatArray, ab: FloatArray, rel: FloatArray) -> FloatArray:
        out: FloatArray = np.where(target > 0, np.minimum(ab, rel * target), ab)
        return out


def _history(prices: pd.DataFrame, tickers: tuple[str, ...]) -> pd.DataFrame:
    missing = [t for t in tickers if t not in prices.columns]
    if missing:
        raise DataError(f"no price history for {', '.join(missing)}: add it or remove the holding")
    frame = prices[list(tickers)].dropna(how="any")
    if len(frame) < 60:
        raise DataError(
            f"only {len(frame)} days of price history in common for {', '.join(tickers)}: a backtest needs "
            "at least 60; add longer price history or remove the newest fund"
        )
    return frame


def simulate(
    scenario: Scenario,
    prices: pd.DataFrame,
    policy: Policy,
    settings: BacktestSettings | None = None,
    *,
    current_prices: dict[str, float] | None = None,
    cancel: Cancel | None = None,
    progress: Callable[[float], None] | None = None,
) -> PolicyRun:
    """Replay ``policy`` for ``scenario`` on adjusted daily ``prices`` (DatetimeIndex × tickers)."""
    settings = settings or BacktestSettings()
    u = Universe.of(scenario)
    full = _history(prices, u.tickers)
    warm = min(max(settings.warmup_days, 0), max(len(full) - 60, 0))
    frame = full.iloc[warm:]
    dates = pd.DatetimeIndex(frame.index)
    P = frame.to_numpy(dtype=np.float64)
    n_days, n = P.shape
    c = scenario.constraints
    min_cash = cents(c.min_cash)

    # the starting book: the scenario's value, in its current (or target) mix, bought at the first price
    now = current_prices or {t: float(full[t].iloc[-1]) for t in u.tickers}
    held = np.array([scenario.portfolio.shares_of(t) * (_price(scenario, t, now)) for t in u.tickers])
    value0 = settings.initial_value or float(held.sum() + scenario.portfolio.cash)
    if value0 <= 0:
        raise DataError("the portfolio is worth nothing: add holdings or cash, or give a starting value")
    w0 = u.scaled_target(value0, c.min_cash) if settings.start == "targets" else held / value0
    shares0 = np.floor(w0 * value0 / P[0] + 1e-9).astype(np.int64)
    cash0 = cents(value0) - sum(cents(int(s) * p) for s, p in zip(shares0, P[0], strict=True))
    opening = opening_lots(
        scenario,
        {t: scenario.portfolio.shares_of(t) for t in u.tickers},
        {t: _price(scenario, t, now) for t in u.tickers},
        full.index[-1].date(),  # lots' ages are counted to the last day of the price history
        settings.start,
    )
    lots = LotBook(n, dates) if opening.known else None
    if lots is not None:
        lots.seed(u.tickers, [int(x) for x in shares0], [float(x) for x in P[0]], opening)
    book = Ledger(u.tickers, shares0, cash0, u.cost_bps, lots)

    checks = check_days(dates, policy.every)
    flow_days = check_days(dates, Every.MONTHLY)
    flow = cents(settings.monthly_flow)
    sh = np.empty((n_days, n), dtype=np.int64)
    cash = np.empty(n_days, dtype=np.int64)
    flows = np.zeros(n_days, dtype=np.int64)
    run = PolicyRun(policy, dates, u.tickers, P, sh, cash, flows, book.fills, [], cash0, shares0.copy())
    optimizer = (
        OptimizerPolicy(scenario, u.tickers, full, warm) if policy.kind is PolicyKind.OPTIMIZER else None
    )
    if optimizer is not None:
        optimizer.precompute([int(t) for t in np.flatnonzero(checks)])

    for t in range(n_days):
        if t % 256 == 0:
            if cancel is not None and cancel():
                raise DataError("the backtest was cancelled")
            if progress is not None:
                progress(t / n_days)
        p = P[t]
        if optimizer is not None and checks[t]:  # the optimizer invests or raises the month's flow itself
            pending = flow if flow_days[t] else 0
            made, applied = _optimize(book, t, p, pending, optimizer, run)
            if made is None and pending:  # no feasible trades: move the money the cash-flow way
                applied = _cash_flow(book, u, policy, t, p, pending, min_cash, c.min_cash, c.min_trade)
            flows[t] = applied
            if made:
                run.rebalance_days.append(t)
        elif flow_days[t] and flow != 0:
            flows[t] = _cash_flow(book, u, policy, t, p, flow, min_cash, c.min_cash, c.min_trade)
        if checks[t] and optimizer is None:
            made = _rebalance(book, u, policy, t, p, min_cash, c.min_cash, c.min_trade)
            if made:
                run.rebalance_days.append(t)
        sh[t] = book.shares
        cash[t] = book.cash_cents
    if optimizer is not None:
        run.notes.extend(optimizer.notes)
    run.gains = lots.realized() if lots is not None else None
    run.gains_how = opening.how
    return run


def _price(sc: Scenario, ticker: str, now: dict[str, float]) -> float:
    h = next((h for h in sc.portfolio.holdings if h.ticker == ticker), None)
    return h.price if h is not None and h.price is not None else now[ticker]


def _shares(money: FloatArray, p: FloatArray, u: Universe, min_trade: float, how: str) -> IntArray:
    money = np.where((money > 0) & ~u.buy_ok, 0.0, money)
    money = np.where((money < 0) & ~u.sell_ok, 0.0, money)
    money = np.where(np.abs(money) < max(min_trade, 1e-9), 0.0, money)
    x = money / p
    # "floor" for cash flows: never buy more, nor raise less, than the money (toward zero for buys,
    # away from zero for sells); "round" to the nearest share when rebalancing
    out = np.floor(x + 1e-9) if how == "floor" else np.round(x)
    return out.astype(np.int64)


def _cash_flow(
    book: Ledger,
    u: Universe,
    policy: Policy,
    t: int,
    p: FloatArray,
    flow: int,
    floor: int,
    min_cash: float,
    min_trade: float,
) -> int:
    values = book.shares * p
    value = float(values.sum()) + book.cash_cents / 100.0
    if flow > 0:
        applied = book.apply_flow(flow)
        spend = (book.cash_cents - floor) / 100.0
        if spend > 0:
            if policy.kind is PolicyKind.NEVER:
                money = pro_rata(values, spend, u.buy_ok)
            else:
                tv = u.scaled_target(value + applied / 100.0, min_cash) * (value + applied / 100.0)
                money = flow_split(values, tv, spend, u.buy_ok)
            book.execute(t, _shares(money, p, u, min_trade, "floor"), p, floor_cents=floor, flow_only=True)
            if policy.kind is not PolicyKind.NEVER:
                _top_up(book, u, t, p, floor, min_cash, min_trade)
        return applied
    short = (-flow + floor - book.cash_cents) / 100.0
    if short > 0:
        if policy.kind is PolicyKind.NEVER:
            money = pro_rata(values, -short, u.sell_ok)
        else:
            tv = u.scaled_target(value, min_cash) * value
            money = flow_split(values, tv, -short, u.sell_ok)
        book.execute(t, _shares(money, p, u, 0.0, "floor"), p, flow_only=True)
    return book.apply_flow(flow)


def _top_up(
    book: Ledger, u: Universe, t: int, p: FloatArray, floor: int, min_cash: float, min_trade: float
) -> None:
    """Spend what rounding left over: whole shares of the holding furthest under target that the cash
    still buys (at least the minimum trade), a few times."""
    for _ in range(len(p)):
        spare = (book.cash_cents - floor) / 100.0
        values = book.shares * p
        value = float(values.sum()) + book.cash_cents / 100.0
        gap = u.scaled_target(value, min_cash) * value - values
        fits = u.buy_ok & (p * (1 + u.cost_bps / 1e4) <= spare) & (spare >= max(min_trade, 0.0))
        if not fits.any():
            return
        i = int(np.argmax(np.where(fits, gap, -np.inf)))
        n = int(min(spare, max(gap[i], p[i])) // (p[i] * (1 + u.cost_bps[i] / 1e4)))
        if n <= 0 or n * p[i] < min_trade:
            return
        delta = np.zeros(len(p), dtype=np.int64)
        delta[i] = n
        if not book.execute(t, delta, p, floor_cents=floor, flow_only=True):
            return


def _optimize(
    book: Ledger, t: int, p: FloatArray, flow: int, optimizer: OptimizerPolicy, run: PolicyRun
) -> tuple[int | None, int]:
    """The optimizer's trades for the day, with the month's cash flow (``flow`` cents) handed to it.

    Returns (number of rebalancing trades or None when it found none within the limits, flow applied).
    Trades all in the direction of the flow only invest (or raise) it and are not counted as a rebalance."""
    delta = optimizer.trades(t, book.shares, book.cash_cents, p, flow)
    if delta is None:
        run.infeasible_days.append(t)
        return None, 0
    applied = book.apply_flow(flow) if flow > 0 else 0
    against = (delta < 0).any() if flow > 0 else (delta > 0).any() if flow < 0 else delta.any()
    made = book.execute(t, delta, p, flow_only=not against)
    if flow < 0:
        applied = book.apply_flow(flow)
    return (made if against else 0), applied


def _rebalance(
    book: Ledger,
    u: Universe,
    policy: Policy,
    t: int,
    p: FloatArray,
    floor: int,
    min_cash: float,
    min_trade: float,
) -> int:
    kind = policy.kind
    if kind in (PolicyKind.NEVER, PolicyKind.CASH_FLOW, PolicyKind.OPTIMIZER):
        return 0
    values = book.shares * p
    value = float(values.sum()) + book.cash_cents / 100.0
    if value <= 0:
        return 0
    target = u.scaled_target(value, min_cash)
    if kind in (PolicyKind.BANDS, PolicyKind.DARYANANI):
        tol = u.tolerance(target, u.band_abs, u.band_rel)
        g_target = u.g_target * (target.sum() if u.target.sum() > 0 else 1.0)
        breached = outside_bands(
            values / value, target, tol, u.groups, g_target, u.tolerance(g_target, u.g_abs, u.g_rel)
        )
        # a holding that may not be traded back (no-sell when over, no-buy when under) does not trigger
        over = values / value > target
        breached &= np.where(over, u.sell_ok, u.buy_ok)
        if not breached.any():
            return 0
        if kind is PolicyKind.DARYANANI:
            allowed = u.buy_ok | u.sell_ok
            money = daryanani_values(values, target * value, tol * value, breached, allowed)
            return book.execute(t, _shares(money, p, u, min_trade, "round"), p, floor_cents=floor)
    money = target * value - values
    return book.execute(t, _shares(money, p, u, min_trade, "round"), p, floor_cents=floor)
