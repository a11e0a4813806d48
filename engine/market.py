"""MarketSnapshot: the prices and risk model a rebalance runs on, with where they came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import numpy.typing as npt
import pandas as pd

from engine.errors import DataError
from engine.model.scenario import InlineMarket

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, eq=False)
class MarketSnapshot:
    """Inputs of a rebalance that come from the market.

    ``covariance`` is annualized, ordered like ``tickers``. ``history`` (optional) holds the adjusted
    daily prices the covariance was estimated from, for charts (growth of $10,000, drawdown).
    """

    tickers: tuple[str, ...]
    prices: Mapping[str, float]
    covariance: FloatArray
    as_of: date | None
    price_source: str
    risk_window: str
    estimator: str
    history: pd.DataFrame | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def subset(self, tickers: tuple[str, ...]) -> MarketSnapshot:
        """The snapshot restricted to ``tickers`` (in that order); DataError names what is missing."""
        missing = [t for t in tickers if t not in self.tickers]
        if missing:
            raise DataError(
                f"no risk data for {', '.join(missing)}: add price history for "
                f"{'it' if len(missing) == 1 else 'them'} or remove {'it' if len(missing) == 1 else 'them'}"
            )
        no_price = [t for t in tickers if t not in self.prices]
        if no_price:
            raise DataError(f"no price for {', '.join(no_price)}: enter a price or refresh prices")
        idx = [self.tickers.index(t) for t in tickers]
        cov = self.covariance[np.ix_(idx, idx)]
        hist = None
        if self.history is not None:
            cols = [t for t in tickers if t in self.history.columns]
            hist = self.history[cols]
        return MarketSnapshot(
            tickers=tickers,
            prices={t: self.prices[t] for t in tickers},
            covariance=cov,
            as_of=self.as_of,
            price_source=self.price_source,
            risk_window=self.risk_window,
            estimator=self.estimator,
            history=hist,
            warnings=self.warnings,
        )

    @classmethod
    def from_inline(cls, m: InlineMarket) -> MarketSnapshot:
        cov = np.array(m.covariance, dtype=float)
        return cls(
            tickers=tuple(m.tickers),
            prices=dict(m.prices),
            covariance=cov,
            as_of=m.as_of,
            price_source=m.source,
            risk_window="covariance given in the scenario",
            estimator="given",
        )
