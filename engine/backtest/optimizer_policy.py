"""The optimizer policy's decision on a backtest day: Coresat's own ``rebalance()`` with the scenario's
limits, on a covariance estimated from the returns before that day only (no look-ahead)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt
import pandas as pd

from engine.errors import CoresatError
from engine.model.scenario import Mode, Scenario

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


class OptimizerPolicy:
    """Coresat's own rebalance at a backtest date, on a covariance from prices before that date only."""

    def __init__(self, scenario: Scenario, tickers: tuple[str, ...], full: pd.DataFrame, offset: int) -> None:
        from engine.risk.covariance import describe_estimator

        self.scenario = scenario
        self.tickers = tickers
        self.constraints = replace(scenario.constraints, cash_flow=0.0, whole_shares=True, mode=Mode.FULL)
        self.full = full.to_numpy(dtype=np.float64)
        self.index = full.index
        self.offset = offset
        self.window = scenario.data.risk_window_days
        d = scenario.data
        self.estimator = describe_estimator(d.estimator, half_life=float(d.ewma_half_life_days))
        self.failures: dict[str, int] = {}
        self.notes: list[str] = []
        self._cov: dict[int, FloatArray] = {}
        self._days: dict[int, pd.Timestamp] = {}
        self._diagnosed = 0

    def precompute(self, days: Sequence[int]) -> None:
        """The covariances of the decision ``days`` with a whole risk window before them, in one go (each
        from its own window only; ``engine.backtest.batched_cov``)."""
        from engine.backtest.batched_cov import batched_covariances

        # the decision days' dates in one go (a DatetimeIndex read one item at a time is slow)
        self._days = dict(zip(days, self.index[[self.offset + t for t in days]], strict=True))
        if self.window < 60:  # too short a window: covariance() says so day by day
            return
        returns = self.full[1:] / self.full[:-1] - 1.0  # return k: day k+1 over day k
        d = self.scenario.data
        # day t's window is returns [end - 1 - window, end - 1) with end = offset + t
        got = batched_covariances(
            returns,
            [self.offset + t - 1 for t in days],
            self.window,
            d.estimator,
            float(d.ewma_half_life_days),
        )
        self._cov = {e + 1 - self.offset: c for e, c in got.items()}

    def covariance(self, t: int) -> FloatArray | None:
        """Annualized covariance from the returns of the ``risk_window_days`` before day ``t`` (exclusive)."""
        from engine.risk.covariance import estimate_covariance

        if t in self._cov:
            return self._cov[t]
        end = self.offset + t  # prices [.. end-1]: the last return is day t-1 over day t-2
        start = max(end - self.window - 1, 0)
        px = self.full[start:end]
        if len(px) < 61:
            return None
        r = px[1:] / px[:-1] - 1.0
        d = self.scenario.data
        return estimate_covariance(r, d.estimator, half_life=float(d.ewma_half_life_days))

    def trades(
        self, t: int, shares: IntArray, cash_cents: int, p: FloatArray, flow_cents: int = 0
    ) -> IntArray | None:
        from engine.api import rebalance
        from engine.market import MarketSnapshot
        from engine.model.scenario import Holding, Portfolio
        from engine.result import Status

        cov = self.covariance(t)
        if cov is None:
            self.failures["history"] = self.failures.get("history", 0) + 1
            return None
        day = self._days.get(t) or self.index[self.offset + t]
        sc = replace(
            self.scenario,
            portfolio=Portfolio(
                holdings=tuple(Holding(tk, float(s)) for tk, s in zip(self.tickers, shares, strict=True)),
                cash=cash_cents / 100.0,
                currency=self.scenario.portfolio.currency,
            ),
            constraints=replace(self.constraints, cash_flow=flow_cents / 100.0)
            if flow_cents
            else self.constraints,
            market=None,
            household=None,  # the replay is one account: the household's sums, traded as one
        )
        market = MarketSnapshot(
            tickers=self.tickers,
            prices={tk: float(x) for tk, x in zip(self.tickers, p, strict=True)},
            covariance=cov,
            as_of=pd.Timestamp(day).date(),
            price_source="backtest",
            risk_window=f"{self.window} trading days before {day:%Y-%m-%d}",
            estimator=self.estimator,
        )
        try:
            # the numbers only (no sentences): the same checked trades, without writing their reasons
            result = rebalance(sc, market, explain=False)
            if result.status is Status.INFEASIBLE and self._diagnosed < 3:
                # the first few failures become notes: ask again, with the diagnosis of why
                self._diagnosed += 1
                result = rebalance(sc, market)
        except CoresatError as exc:
            self._fail(str(exc), day)
            return None
        if result.status is Status.INFEASIBLE:
            why = result.infeasibility.message if result.infeasibility else "infeasible"
            self._fail(why, day)
            return None
        after = {a.ticker: a.shares_after for a in result.assets}
        target = np.array(
            [round(after.get(tk, float(s))) for tk, s in zip(self.tickers, shares, strict=True)]
        )
        out: IntArray = (target - shares).astype(np.int64)
        return out

    def _fail(self, why: str, day: pd.Timestamp) -> None:
        if why not in self.failures and len(self.notes) < 3:
            self.notes.append(f"{day:%Y-%m-%d}: the optimizer found no trades within the limits: {why}")
        self.failures[why] = self.failures.get(why, 0) + 1
