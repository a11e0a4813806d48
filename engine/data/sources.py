"""The price-source interface: anything that can fetch daily adjusted closes for a list of tickers."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

import pandas as pd

Progress = Callable[[str, float], None]  # (message, fraction done 0..1)
Cancel = Callable[[], bool]  # True when the caller no longer wants the answer


@dataclass(frozen=True)
class FetchResult:
    """What a fetch brought back. ``prices`` holds adjusted daily closes (DatetimeIndex of dates ×
    tickers) for the tickers that came back; ``failed`` says, per ticker, why it did not."""

    prices: pd.DataFrame
    failed: Mapping[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    cancelled: bool = False

    @property
    def fetched(self) -> tuple[str, ...]:
        return tuple(str(c) for c in self.prices.columns)


@dataclass(frozen=True)
class FundFacts:
    ticker: str
    name: str | None = None
    expense_ratio: float | None = None  # fraction per year (0.0019 = 0.19 %)
    category: str | None = None


class PriceSource(Protocol):
    """A source of daily adjusted closes (Yahoo via yfinance; fakes in tests)."""

    name: str

    def fetch_history(
        self,
        tickers: Sequence[str],
        start: date | None = None,
        *,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> FetchResult:
        """Adjusted daily closes from ``start`` (None: as far back as the source goes) to today."""
        ...
