"""The book a backtest keeps: whole shares and cash in integer cents, and every trade it made.

Money is kept in cents (Python ints), so the cash at the end equals the starting cash plus the cash
flows, minus the buys and the trading costs, plus the sells — to the cent, by construction, and a test
recomputes it from the trade log. A trade's amount is shares × price rounded to the cent; its cost is
the scenario's cost in basis points of that amount, rounded to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from engine.backtest.lots import LotBook

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Fill:
    """One executed trade. ``shares`` > 0 buys, < 0 sells; money in cents."""

    day: int  # index into the backtest's dates
    ticker: str
    shares: int
    price: float
    amount_cents: int  # |shares| × price, rounded to the cent
    cost_cents: int
    flow_only: bool  # True when the trade only invested or raised a cash flow


def cents(x: float) -> int:
    return round(float(x) * 100.0)


class Ledger:
    """Whole shares per ticker and cash in cents; ``execute`` never lets cash fall below a floor."""

    def __init__(
        self,
        tickers: tuple[str, ...],
        shares: IntArray,
        cash_cents: int,
        cost_bps: FloatArray,
        lots: LotBook | None = None,
    ) -> None:
        self.tickers = tickers
        self.shares: IntArray = shares.astype(np.int64).copy()
        self.cash_cents = int(cash_cents)
        self.cost_bps = np.asarray(cost_bps, dtype=np.float64)
        self.fills: list[Fill] = []
        self.flow_cents = 0  # sum of contributions (+) and withdrawals (−) applied
        self.lots = lots  # tax lots, when the opening basis is known

    def value(self, prices: FloatArray) -> float:
        return float(self.shares @ prices) + self.cash_cents / 100.0

    def apply_flow(self, amount_cents: int) -> int:
        """Add a contribution (+) or take a withdrawal (−); a withdrawal takes at most the cash there is.
        Returns the amount actually applied."""
        if amount_cents < 0:
            amount_cents = -min(-amount_cents, max(self.cash_cents, 0))
        self.cash_cents += amount_cents
        self.flow_cents += amount_cents
        return amount_cents

    def _trade(self, day: int, i: int, n: int, price: float, flow_only: bool) -> None:
        amount = cents(abs(n) * price)
        cost = round(float(amount * self.cost_bps[i]) / 10_000.0)
        self.shares[i] += n
        if self.lots is not None:
            if n > 0:
                self.lots.buy(i, day, n, amount + cost)
            else:
                self.lots.sell(i, day, -n, amount - cost)
        self.cash_cents += (-amount if n > 0 else amount) - cost
        self.fills.append(Fill(day, self.tickers[i], int(n), float(price), amount, cost, flow_only))

    def buy_cost_cents(self, i: int, n: int, price: float) -> int:
        amount = cents(n * price)
        return amount + round(float(amount * self.cost_bps[i]) / 10_000.0)

    def execute(
        self,
        day: int,
        delta: IntArray,
        prices: FloatArray,
        *,
        floor_cents: int = 0,
        flow_only: bool = False,
        priority: FloatArray | None = None,
    ) -> int:
        """Sells first (they fund the buys), then buys trimmed so cash stays at or above ``floor_cents``.

        Buys are cut from the largest first (or in descending ``priority``) one share at a time once a
        proportional cut got close. Returns the number of trades made."""
        made = 0
        delta = np.asarray(delta, dtype=np.int64).copy()
        sells = np.minimum(delta, 0)
        sells = np.maximum(sells, -self.shares)  # never sell more than held
        for i in np.flatnonzero(sells):
            self._trade(day, int(i), int(sells[i]), float(prices[i]), flow_only)
            made += 1
        buys = np.maximum(delta, 0)
        if buys.any():
            room = self.cash_cents - floor_cents
            need = sum(
                self.buy_cost_cents(int(i), int(buys[i]), float(prices[i])) for i in np.flatnonzero(buys)
            )
            if need > room:
                scale = max(room, 0) / need
                buys = np.floor(buys * scale).astype(np.int64)
                order = np.argsort(-(priority if priority is not None else buys * prices))
                need = sum(
                    self.buy_cost_cents(int(i), int(buys[i]), float(prices[i])) for i in np.flatnonzero(buys)
                )
                k = 0
                while need > room and buys.any():  # rounding of costs: trim one share at a time
                    j = int(order[k % len(order)])
                    k += 1
                    if buys[j] > 0:
                        need -= self.buy_cost_cents(j, int(buys[j]), float(prices[j]))
                        buys[j] -= 1
                        need += self.buy_cost_cents(j, int(buys[j]), float(prices[j])) if buys[j] else 0
            for i in np.flatnonzero(buys):
                self._trade(day, int(i), int(buys[i]), float(prices[i]), flow_only)
                made += 1
        return made
