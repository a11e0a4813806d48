"""The price history a backtest or a stress test runs on, from the same source as the scenario's market.

A backtest needs every ticker on the same days: the market's common history. A stress test needs each
fund's own full history (and the older funds that stand in for younger ones), so it reads the source
again: the bundled demo data, or the price store.
"""

from __future__ import annotations

import pandas as pd

from engine.errors import DataError
from engine.market import MarketSnapshot
from engine.model.scenario import Scenario
from engine.risk.stress import PROXIES


def common_history(market: MarketSnapshot) -> pd.DataFrame:
    if market.history is None or market.history.empty:
        raise DataError(
            "this market data has no price history (the scenario carries its own covariance): "
            "backtests and stress tests need daily prices; set the data source to demo, store or yahoo"
        )
    return market.history


def full_history(scenario: Scenario, market: MarketSnapshot) -> pd.DataFrame:
    """Each fund's whole history (NaN before it started), plus the funds that stand in for younger ones."""
    from engine.data import DEMO_LABEL

    wanted = list(
        dict.fromkeys([*scenario.universe, *(PROXIES[t] for t in scenario.universe if t in PROXIES)])
    )
    if market.price_source == DEMO_LABEL:
        from engine.data import load_demo_prices

        demo = load_demo_prices()
        return demo[[t for t in wanted if t in demo.columns]]
    if market.price_source.startswith(("price store", "Yahoo")):
        from engine.data import PriceStore
        from engine.data.checks import check_prices

        frame = PriceStore().load(wanted)
        if not frame.empty:
            return check_prices(frame).prices  # the same checks as the market (bad prints, splits, gaps)
    return common_history(market)
