"""Market data: price sources (Yahoo via yfinance, CSV files, simulated demo data), the local SQLite
price store, data checks, and ``load_market`` which turns them into a MarketSnapshot for a scenario.

Names are imported on first use (PEP 562), so ``import engine.data.commands`` for the command-line
parser does not load pandas.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from engine.data.csv_import import PriceFile, read_price_csv
    from engine.data.demo import DEMO_LABEL, demo_tickers, load_demo_prices
    from engine.data.loader import build_snapshot, load_market
    from engine.data.sources import FetchResult, FundFacts, PriceSource
    from engine.data.store import PriceStore, SeriesInfo, UpdateReport
    from engine.data.store_errors import StoreError

_WHERE = {
    "PriceFile": "csv_import",
    "read_price_csv": "csv_import",
    "DEMO_LABEL": "demo",
    "demo_tickers": "demo",
    "load_demo_prices": "demo",
    "build_snapshot": "loader",
    "load_market": "loader",
    "FetchResult": "sources",
    "FundFacts": "sources",
    "PriceSource": "sources",
    "PriceStore": "store",
    "SeriesInfo": "store",
    "UpdateReport": "store",
    "StoreError": "store_errors",
}

__all__ = [
    "DEMO_LABEL",
    "FetchResult",
    "FundFacts",
    "PriceFile",
    "PriceSource",
    "PriceStore",
    "SeriesInfo",
    "StoreError",
    "UpdateReport",
    "build_snapshot",
    "demo_tickers",
    "load_demo_prices",
    "load_market",
    "read_price_csv",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'engine.data' has no attribute {name!r}")
    return getattr(importlib.import_module(f"engine.data.{module}"), name)
