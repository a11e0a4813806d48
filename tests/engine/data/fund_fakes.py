"""Real-shaped yfinance ``funds_data`` without the network.

yfinance's own ``FundsData`` parser runs unchanged; only the HTTP call (``YfData.get_raw_json``) is
replaced by a recorded-shape quoteSummary reply. So the dicts and DataFrames our code sees are built by
yfinance itself, including its None-on-failure and YFDataException behaviour.
"""

from __future__ import annotations

from typing import Any


def quote_summary(
    symbol: str,
    *,
    sectors: list[dict[str, float]] | None = None,
    holdings: list[tuple[str, str, float]] | None = None,
    pe: float | None = 15.2,
    pb: float | None = 2.1,
    expense: float | None = 0.0019,
    category: str = "Small Blend",
    drop: tuple[str, ...] = (),
) -> dict[str, Any]:
    """A quoteSummary reply (formatted=false) for an ETF, shaped like Yahoo's: raw numbers, lists of
    one-key dicts for sector weightings. ``drop`` removes keys of topHoldings (e.g. "equityHoldings")."""
    if sectors is None:
        sectors = [
            {"realestate": 0.06},
            {"consumer_cyclical": 0.10},
            {"basic_materials": 0.04},
            {"consumer_defensive": 0.03},
            {"technology": 0.13},
            {"communication_services": 0.025},
            {"financial_services": 0.18},
            {"utilities": 0.03},
            {"industrials": 0.18},
            {"energy": 0.05},
            {"healthcare": 0.16},
        ]
    if holdings is None:
        holdings = [("SFM", "Sprouts Farmers Market Inc", 0.0052), ("FTAI", "FTAI Aviation Ltd", 0.0049)]
    equity: dict[str, Any] = {}
    if pe is not None:
        equity["priceToEarnings"] = pe
    if pb is not None:
        equity["priceToBook"] = pb
    equity["medianMarketCap"] = 3000.0
    top: dict[str, Any] = {
        "maxAge": 1,
        "cashPosition": 0.004,
        "stockPosition": 0.996,
        "bondPosition": 0.0,
        "otherPosition": 0.0,
        "preferredPosition": 0.0,
        "convertiblePosition": 0.0,
        "holdings": [{"symbol": s, "holdingName": n, "holdingPercent": w} for s, n, w in holdings],
        "equityHoldings": equity,
        "bondHoldings": {},
        "bondRatings": [],
        "sectorWeightings": sectors,
    }
    for k in drop:
        top.pop(k, None)
    ops: dict[str, Any] = {"totalNetAssets": 70_000_000_000.0}
    if expense is not None:
        ops["annualReportExpenseRatio"] = expense
    return {
        "quoteSummary": {
            "result": [
                {
                    "quoteType": {"quoteType": "ETF", "symbol": symbol},
                    "summaryProfile": {"longBusinessSummary": f"{symbol} seeks to track an index."},
                    "topHoldings": top,
                    "fundProfile": {
                        "categoryName": category,
                        "family": "iShares",
                        "legalType": "Exchange Traded Fund",
                        "feesExpensesInvestment": ops,
                        "feesExpensesInvestmentCat": {},
                    },
                }
            ],
            "error": None,
        }
    }


NOT_FOUND: dict[str, Any] = {
    "quoteSummary": {"result": [{"quoteType": {"quoteType": "EQUITY"}}], "error": None}
}
"""A stock, not a fund: no topHoldings module (yfinance raises YFDataException)."""

BROKEN: dict[str, Any] = {"quoteSummary": {"result": None, "error": {"code": "Not Found"}}}
"""Yahoo's error reply: yfinance's parser fails with something other than KeyError."""


class FakeYfData:
    def __init__(self, replies: dict[str, dict[str, Any]]) -> None:
        self.replies = replies
        self.calls: list[str] = []

    def get_raw_json(
        self, url: str, params: dict[str, Any] | None = None, timeout: int = 30
    ) -> dict[str, Any]:
        sym = url.rsplit("/", 1)[-1]
        self.calls.append(sym)
        if sym not in self.replies:
            raise ConnectionError("Failed to connect")
        return self.replies[sym]


class FakeTicker:
    """What our code uses of ``yf.Ticker``: ``.funds_data``, built by yfinance's own FundsData."""

    def __init__(self, symbol: str, data: FakeYfData) -> None:
        from yfinance.scrapers.funds import FundsData

        self.ticker = symbol
        self.funds_data = FundsData(data, symbol)  # type: ignore[arg-type]


def factory(replies: dict[str, dict[str, Any]]) -> tuple[FakeYfData, Any]:
    data = FakeYfData(replies)
    return data, lambda sym: FakeTicker(sym, data)
