"""Tax lots through a backtest: realized gains, short- and long-term, first in, first out (FIFO).

No lot method is set anywhere in a scenario, so every sale takes the oldest shares first. A buy is one lot:
its basis is the amount paid plus the trading cost; a sale's proceeds are the amount received minus the
trading cost. A gain is long-term when the shares were held more than one year (sold after the first
anniversary of the purchase), otherwise short-term; a lot whose purchase date the scenario does not give
has a gain of unknown term.

Where the opening lots come from:
- the replay bought the opening book itself (``start = "targets"``, or the scenario holds only cash): each
  opening position is one lot bought on the first day at that day's price, so every basis is known;
- the scenario's holdings (``start = "holdings"``): the replay starts twenty-odd years ago with today's mix,
  so today's lots are carried back to the first day — each keeps its share of the position, its basis as a
  fraction of today's price (a lot bought at 70 % of today's price starts at 70 % of the first day's) and
  its age. That needs lots for every position held, all in taxable accounts; otherwise realized gains are
  "not known" (never shown as 0), with the reason.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from engine.model.household import household_of
from engine.model.scenario import Scenario

EPS = 1e-9


@dataclass(frozen=True)
class RealizedGains:
    """Realized gains (losses negative) in USD over a whole replay."""

    short_term: float
    long_term: float
    unknown_term: float  # from lots without a purchase date

    @property
    def total(self) -> float:
        return self.short_term + self.long_term + self.unknown_term


@dataclass(frozen=True)
class LotSeed:
    """One of today's lots as the replay carries it back: its share of the position, its basis as a
    fraction of today's price, and its age in days on the scenario's date (None: not given)."""

    fraction: float
    basis_ratio: float
    age_days: int | None


@dataclass(frozen=True)
class OpeningLots:
    known: bool
    how: str  # one sentence: where the opening basis comes from, or why gains are not known
    seeds: dict[str, tuple[LotSeed, ...]]  # per ticker held today (start = "holdings" only)


def opening_lots(
    scenario: Scenario, held: dict[str, float], now: dict[str, float], as_of: date, start: str
) -> OpeningLots:
    """The opening lots of a replay. ``held``: today's shares per ticker; ``now``: the price that values them."""
    bought = (
        "first in, first out, from the prices the replay itself paid "
        "(it buys the opening book on the first day)"
    )
    held = {t: s for t, s in held.items() if s > 0}
    if start == "targets" or not held:
        return OpeningLots(True, bought, {})
    hh = household_of(scenario)
    no_lots: list[str] = []
    sheltered: list[str] = []
    seeds: dict[str, list[LotSeed]] = {t: [] for t in held}
    for a in hh.accounts:
        for p in a.positions:
            if p.ticker not in held or p.shares <= 0:
                continue
            if a.kind.tax_advantaged:
                sheltered.append(f"{p.ticker} in {a.label}")
                continue
            if not p.lots:
                no_lots.append(f"{p.ticker} in {a.name}" if len(hh.accounts) > 1 else p.ticker)
                continue
            for lot in p.lots:
                seeds[p.ticker].append(
                    LotSeed(
                        fraction=lot.shares / held[p.ticker],
                        basis_ratio=lot.basis / now[p.ticker] if now[p.ticker] > 0 else 1.0,
                        age_days=max((as_of - lot.acquired).days, 0) if lot.acquired else None,
                    )
                )
    if sheltered:
        return OpeningLots(
            False,
            "not known: the backtest replays the household as one account and cannot "
            f"tell whether a sale would be taxable (held in a tax-advantaged account: {', '.join(sheltered)})",
            {},
        )
    if no_lots:
        return OpeningLots(
            False,
            f"not known: no tax lots for {', '.join(no_lots)}, so the cost basis of the "
            "opening shares is unknown; add lots to the scenario (or start from the targets)",
            {},
        )
    for ss in seeds.values():  # oldest first (across accounts); undated lots are taken as the oldest
        ss.sort(key=lambda s: -(s.age_days if s.age_days is not None else 10**9))
    return OpeningLots(
        True,
        "first in, first out; today's tax lots are carried back to the first "
        "day, each keeping its share of the position, its basis as a fraction of today's price and its age",
        {t: tuple(ss) for t, ss in seeds.items()},
    )


@dataclass
class _Lot:
    shares: float
    basis: float  # USD per share, costs included
    acquired: date | None


def _long_term(acquired: date, sold: date) -> bool:
    """Held more than one year: sold after the first anniversary of the purchase (29 Feb → 28 Feb)."""
    try:
        anniversary = acquired.replace(year=acquired.year + 1)
    except ValueError:
        anniversary = acquired.replace(year=acquired.year + 1, day=28)
    return sold > anniversary


class LotBook:
    """Lots per ticker (index into the replay's tickers), oldest first, and the gains realized so far."""

    def __init__(self, n: int, dates: pd.DatetimeIndex) -> None:
        self.lots: list[deque[_Lot]] = [deque() for _ in range(n)]
        self.dates = dates
        self.short_term = 0.0
        self.long_term = 0.0
        self.unknown_term = 0.0

    def add(self, i: int, shares: float, basis: float, acquired: date | None) -> None:
        if shares > EPS:
            self.lots[i].append(_Lot(float(shares), float(basis), acquired))

    def seed(
        self, tickers: tuple[str, ...], shares: list[int], prices: list[float], opening: OpeningLots
    ) -> None:
        """The opening book on day 0: the scenario's lots carried back, or one lot per position at the
        first day's price."""
        first = self.dates[0].date()
        for i, (tk, n, p) in enumerate(zip(tickers, shares, prices, strict=True)):
            seeds = opening.seeds.get(tk)
            if not seeds:
                self.add(i, n, p, first)
                continue
            for s in seeds:
                when = first - timedelta(days=s.age_days) if s.age_days is not None else None
                self.add(i, n * s.fraction, p * s.basis_ratio, when)

    def buy(self, i: int, day: int, shares: int, paid_cents: int) -> None:
        self.add(i, shares, paid_cents / 100.0 / shares, self.dates[day].date())

    def sell(self, i: int, day: int, shares: int, proceeds_cents: int) -> None:
        per = proceeds_cents / 100.0 / shares
        sold = self.dates[day].date()
        left = float(shares)
        q = self.lots[i]
        while left > EPS and q:
            lot = q[0]
            take = min(lot.shares, left)
            gain = take * (per - lot.basis)
            if lot.acquired is None:
                self.unknown_term += gain
            elif _long_term(lot.acquired, sold):
                self.long_term += gain
            else:
                self.short_term += gain
            lot.shares -= take
            left -= take
            if lot.shares <= 1e-6:  # what the split of whole shares over fractional lots leaves
                q.popleft()
        if left > 1e-6:
            raise AssertionError(f"sold {left:g} more shares than the lots hold (ticker #{i})")

    def realized(self) -> RealizedGains:
        return RealizedGains(round(self.short_term, 2), round(self.long_term, 2), round(self.unknown_term, 2))
