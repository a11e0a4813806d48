"""Real-shaped yfinance output without the network.

yfinance's own ``download`` runs unchanged; only ``Ticker.history`` (the per-ticker HTTP fetch) is
replaced. So the frames our code sees are assembled by yfinance itself: MultiIndex (Price, Ticker)
columns even for one ticker, all-NaN columns for a failed ticker, errors logged instead of raised.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import pandas as pd
import pytest


def history_frame(
    ticker: str, start: str = "2026-10-01", days: int = 30, base: float = 100.0
) -> pd.DataFrame:
    """What ``Ticker.history(auto_adjust=True, actions=False)`` returns for a US ETF: tz-aware
    America/New_York midnight index named Date, columns Open High Low Close Volume."""
    idx = pd.bdate_range(start, periods=days, tz="America/New_York", name="Date")
    seed = sum(ord(c) for c in ticker)
    rng = np.random.default_rng(seed)
    close = base * np.exp(np.cumsum(rng.normal(0, 0.01, days)))
    return pd.DataFrame(
        {
            "Open": close * 0.999,
            "High": close * 1.005,
            "Low": close * 0.995,
            "Close": close,
            "Volume": rng.integers(10_000, 1_000_000, days).astype("int64"),
        },
        index=idx,
    )


class FakeYahoo:
    """Plays the Yahoo side: per ticker, a frame to return or an exception to raise."""

    def __init__(self, data: dict[str, pd.DataFrame], fail: dict[str, Callable[[], Exception]] | None = None):
        self.data = data
        self.fail = dict(fail or {})
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def history(self, tkr: Any, *args: Any, **kwargs: Any) -> pd.DataFrame:
        sym = tkr.ticker
        self.calls.append((sym, kwargs))
        if sym in self.fail:
            raise self.fail[sym]()
        if sym not in self.data:
            from yfinance.exceptions import YFPricesMissingError

            raise YFPricesMissingError(sym, "(1d 1926-01-01 -> 2026-11-21)")
        frame = self.data[sym]
        start = kwargs.get("start")
        if start is not None:
            frame = frame[frame.index >= pd.Timestamp(start, tz=frame.index.tz)]
        return frame.copy()

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import yfinance as yf

        fake = self

        def history(self: Any, *args: Any, **kwargs: Any) -> pd.DataFrame:
            return fake.history(self, *args, **kwargs)

        monkeypatch.setattr(yf.Ticker, "history", history)

    def tickers_called(self) -> Iterable[str]:
        return [c[0] for c in self.calls]
