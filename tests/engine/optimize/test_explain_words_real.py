"""The words checked against the numbers on random scenarios over real ETF price histories (the risk model
of a real user: Ledoit–Wolf covariance of 2016–2021 daily returns). Skipped when ../shared is absent."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from engine.data.csv_import import read_price_csv
from engine.errors import CoresatError
from engine.market import MarketSnapshot
from engine.model.scenario import Scenario
from engine.optimize import rebalance
from engine.risk.covariance import estimate_covariance
from tests.conftest import shared_real
from tests.engine.optimize.test_explain_words import scenarios
from tests.engine.optimize.words_check import check_words

pytestmark = pytest.mark.realdata

SMALL = ("IWM", "VTWO", "IWO", "VBR", "VBK", "IJR", "VB")
OTHERS = ("SPY", "AGG")


def _real_market() -> MarketSnapshot:
    frames = []
    for t in SMALL + OTHERS:
        f = read_price_csv(shared_real("prices", "long-daily", f"{t}.csv"))[0]
        frames.append(f.prices.rename(t))
    prices = pd.concat(frames, axis=1).dropna().loc["2016-01-01":"2021-12-31"]
    returns = prices.pct_change().dropna()
    last = prices.iloc[-1]
    return MarketSnapshot(
        tickers=tuple(prices.columns),
        prices={t: float(last[t]) for t in prices.columns},
        covariance=estimate_covariance(returns, "ledoit_wolf"),
        as_of=date(2021, 12, 31),
        price_source="real price files",
        risk_window="2016-2021",
        estimator="ledoit_wolf",
    )


@pytest.fixture(scope="module")
def real_market() -> MarketSnapshot:
    return _real_market()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(st.data())
def test_words_follow_from_the_numbers_on_real_risk(real_market: MarketSnapshot, data: st.DataObject) -> None:
    sc: Scenario = data.draw(scenarios(SMALL, bonds="AGG", stray="SPY"))
    try:
        r = rebalance(sc, real_market)
    except CoresatError:
        assume(False)
        raise
    check_words(sc, r)
