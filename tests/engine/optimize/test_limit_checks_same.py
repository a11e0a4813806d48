"""The limits' ``check`` methods return early when nothing is broken (no arrays of messages built); they
must report exactly what the plain checks below (the methods as they were, engine commit 6bdb191) report,
broken or not, on random holdings: short, fractional, dust, over and under bounds, restricted trades."""

from __future__ import annotations

import numpy as np
import pytest

from engine.optimize.evaluation import Evaluation, evaluate
from engine.optimize.inputs import Inputs, prepare
from engine.optimize.limit_id import LimitId, LimitKind
from engine.optimize.limits import AssetBounds, MinTrade, NoShort, Restrictions, Violation, WholeShares
from engine.optimize.limits.base import WEIGHT_TOL, pct
from engine.optimize.limits.trades import _traded
from tests.engine.optimize.test_rounding_same import FUNDS, scenario


def old_asset_bounds(x: Inputs, ev: Evaluation, trades: bool) -> list[Violation]:
    out: list[Violation] = []
    w = ev.weights
    if np.any(w < x.lo - WEIGHT_TOL):
        for i in np.flatnonzero(w < x.lo - WEIGHT_TOL):
            tk = x.tickers[i]
            lid = LimitId(LimitKind.ASSET_MIN, tk)
            out.append(Violation(lid, f"{tk} at {pct(w[i])} is below its minimum {pct(x.lo[i])}"))
    if np.any(w > x.hi + WEIGHT_TOL):
        for i in np.flatnonzero(w > x.hi + WEIGHT_TOL):
            tk = x.tickers[i]
            lid = LimitId(LimitKind.ASSET_MAX, tk)
            out.append(Violation(lid, f"{tk} at {pct(w[i])} is above its maximum {pct(x.hi[i])}"))
    return out


def old_min_trade(x: Inputs, ev: Evaluation, trades: bool) -> list[Violation]:
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


def old_whole_shares(x: Inputs, ev: Evaluation, trades: bool) -> list[Violation]:
    if not trades or not x.scenario.constraints.whole_shares:
        return []
    traded = _traded(ev)
    sold_all = (ev.delta < 0) & (ev.shares == 0)
    broken = traded & (np.abs(ev.delta - np.round(ev.delta)) > 1e-9) & ~sold_all
    return [
        Violation(
            LimitId(LimitKind.WHOLE_SHARES),
            f"{x.tickers[i]} trade of {abs(ev.delta[i]):g} shares is not whole",
            x.tickers[i],
        )
        for i in np.flatnonzero(broken)
    ]


def old_restrictions(x: Inputs, ev: Evaluation, trades: bool) -> list[Violation]:
    if not trades:
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


def old_no_short(x: Inputs, ev: Evaluation, trades: bool) -> list[Violation]:
    if not np.any(ev.shares < -1e-9):
        return []
    return [
        Violation(
            LimitId(LimitKind.NO_SHORT),
            f"{x.tickers[i]} would be sold short ({ev.shares[i]:g} shares)",
            x.tickers[i],
        )
        for i in np.flatnonzero(ev.shares < -1e-9)
    ]


PAIRS = [
    (AssetBounds(), old_asset_bounds),
    (MinTrade(), old_min_trade),
    (WholeShares(), old_whole_shares),
    (Restrictions(), old_restrictions),
    (NoShort(), old_no_short),
]


def _holdings(x: Inputs, rng: np.random.Generator) -> np.ndarray:
    """Holdings near the current ones: some untouched, whole and fractional trades, dust, short, sold out."""
    n = x.n
    kind = rng.integers(0, 6, n)
    step = np.select(
        [kind == 0, kind == 1, kind == 2, kind == 3, kind == 4],
        [
            np.zeros(n),
            rng.integers(-30, 30, n).astype(float),
            rng.normal(0, 20, n),
            rng.choice([1e-7, -1e-7, 1e-3, 0.4], n),
            -x.shares0,
        ],
        default=-x.shares0 - rng.uniform(0.1, 3, n),
    )
    return x.shares0 + step


@pytest.mark.parametrize("block", range(2))
def test_checks_report_what_the_plain_checks_report(block: int) -> None:
    rng = np.random.default_rng(block)
    broken = {type(lim).__name__: 0 for lim, _ in PAIRS}
    for seed in range(block * 60, (block + 1) * 60):
        sc, m = scenario(seed)
        x = prepare(sc, m, FUNDS)
        for _ in range(6):
            ev = evaluate(x, _holdings(x, rng))
            for lim, old in PAIRS:
                for trades in (True, False):
                    want = old(x, ev, trades)
                    assert lim.check(x, ev, trades=trades) == want, (seed, type(lim).__name__)
                    broken[type(lim).__name__] += bool(want)
    assert all(v > 10 for v in broken.values()), broken  # each limit was found broken many times
