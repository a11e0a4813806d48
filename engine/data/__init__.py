"""Market data: price sources (Yahoo via yfinance, CSV files, simulated demo data), the local SQLite
price store, data checks, and ``load_market`` which turns them into a MarketSnapshot for a scenario."""

from engine.data.csv_import import PriceFile, read_price_csv
from engine.data.demo import DEMO_LABEL, demo_tickers, load_demo_prices
from engine.data.loader import build_snapshot, load_market
from engine.data.sources import FetchResult, FundFacts, PriceSource
from engine.data.store import PriceStore, SeriesInfo, UpdateReport

__all__ = [
    "DEMO_LABEL",
    "FetchResult",
    "FundFacts",
    "PriceFile",
    "PriceSource",
    "PriceStore",
    "SeriesInfo",
    "UpdateReport",
    "build_snapshot",
    "demo_tickers",
    "load_demo_prices",
    "load_market",
    "read_price_csv",
]
