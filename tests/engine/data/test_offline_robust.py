"""Offline and partial data said truly, through the recorded yfinance fakes (no network)."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from engine import resources
from engine.data import load_market
from engine.data.store import PriceStore
from engine.data.yahoo import YahooSource
from engine.errors import DataError
from engine.model import scenario_file
from engine.model.scenario import Scenario
from tests.engine.data.yf_fakes import FakeYahoo, history_frame


@pytest.fixture
def scenario() -> Scenario:
    sc = scenario_file.load(resources.path("examples", "russell-core-value-satellites.coresat.toml"))
    return dataclasses.replace(sc, data=dataclasses.replace(sc.data, source="yahoo"), market=None)


def _offline_fake(tickers: list[str]) -> FakeYahoo:
    """What yfinance meets offline: its time-zone lookup fails, so it blames the ticker."""
    from yfinance.exceptions import YFTzMissingError

    return FakeYahoo({}, fail={t: (lambda t=t: YFTzMissingError(t)) for t in tickers})


def _old_prices(tickers: list[str], end: str, days: int = 400) -> pd.DataFrame:
    idx = pd.bdate_range(end=end, periods=days, name="Date")
    rng = np.random.default_rng(1)
    r = rng.normal(0, 0.01, (days, 1)) + rng.normal(0, 0.004, (days, len(tickers)))
    return pd.DataFrame(100 * np.exp(np.cumsum(r, axis=0)), index=idx, columns=tickers)


def test_offline_says_no_connection_not_delisted(monkeypatch: pytest.MonkeyPatch) -> None:
    _offline_fake(["IWM", "VBR"]).install(monkeypatch)
    res = YahooSource(sleep=lambda s: None, probe=lambda: False).fetch_history(["IWM", "VBR"])
    assert set(res.failed) == {"IWM", "VBR"}
    for why in res.failed.values():
        assert "no connection" in why and "delisted" not in why and "stored prices" not in why
    # online, the same answer really does mean the symbols are unknown
    res = YahooSource(sleep=lambda s: None, probe=lambda: True).fetch_history(["IWM", "VBR"])
    assert all("delisted" in why for why in res.failed.values())


def test_offline_with_nothing_stored_never_claims_kept_prices(
    scenario: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _offline_fake(list(scenario.universe)).install(monkeypatch)
    src = YahooSource(sleep=lambda s: None, probe=lambda: False)
    with pytest.raises(DataError) as err:
        load_market(scenario, store=PriceStore(tmp_path / "p.sqlite3"), yahoo=src)
    msg = str(err.value)
    assert "no stored prices" in msg and "no connection" in msg
    assert "kept" not in msg and "delisted" not in msg


def test_all_from_the_store_is_not_called_partly_and_is_stale(
    scenario: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tickers = list(scenario.universe)
    store = PriceStore(tmp_path / "p.sqlite3")
    store.write(_old_prices(tickers, "2026-01-30"), "Yahoo")
    _offline_fake(tickers).install(monkeypatch)
    snap = load_market(scenario, store=store, yahoo=YahooSource(sleep=lambda s: None, probe=lambda: False))
    assert snap.price_source == "price store as of 2026-01-30"
    assert "partly" not in snap.price_source and "Yahoo live" not in snap.price_source
    age = (date.today() - date(2026, 1, 30)).days
    assert any("Yahoo was not reached (no connection" in w for w in snap.warnings)
    assert any(f"{age} days ago" in w for w in snap.warnings)


def test_partly_from_the_store_is_said_with_the_stale_warning(
    scenario: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tickers = list(scenario.universe)
    store = PriceStore(tmp_path / "p.sqlite3")
    store.write(_old_prices(tickers, "2026-01-30"), "Yahoo")
    start = str(pd.Timestamp("2026-01-30") - pd.offsets.BDay(399))[:10]
    live = {t: history_frame(t, start=start, days=420) for t in tickers[1:]}
    from yfinance.exceptions import YFTzMissingError

    FakeYahoo(live, fail={tickers[0]: lambda: YFTzMissingError(tickers[0])}).install(monkeypatch)
    snap = load_market(scenario, store=store, yahoo=YahooSource(sleep=lambda s: None, probe=lambda: True))
    assert snap.price_source == "Yahoo, partly from the price store"
    assert any(w.startswith(f"{tickers[0]}: not updated") and "stored prices" in w for w in snap.warnings)
    # the common window ends at the stale ticker's last day, so the stale warning is said here too
    assert any("days ago" in w for w in snap.warnings)


def test_non_ticker_never_reaches_yahoo(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeYahoo({"IWM": history_frame("IWM")})
    fake.install(monkeypatch)
    res = YahooSource(sleep=lambda s: None, probe=lambda: True).fetch_history(["IWM", "../../etc", "A/B"])
    assert list(fake.tickers_called()) == ["IWM"]
    assert "not a ticker symbol" in res.failed["../../ETC"] and "A/B" in res.failed


def test_last_day_price_ten_times_the_day_before_is_flagged(tmp_path: Path) -> None:
    sc = scenario_file.load(resources.path("examples", "russell-core-value-satellites.coresat.toml"))
    sc = dataclasses.replace(sc, data=dataclasses.replace(sc.data, source="store"), market=None)
    tickers = list(sc.universe)
    prices = _old_prices(tickers, pd.Timestamp(date.today()).strftime("%Y-%m-%d"))
    prev_day, prev_close = prices.index[-2], float(prices[tickers[0]].iloc[-2])
    prices.iloc[-1, 0] = prev_close * 10  # a misplaced decimal point on the last day
    store = PriceStore(tmp_path / "p.sqlite3")
    store.write(prices, "CSV")
    snap = load_market(sc, store=store)
    assert snap.as_of == prev_day.date()
    assert snap.prices[tickers[0]] == pytest.approx(prev_close)
    assert any(w.startswith(f"{tickers[0]}: the last close") and "10×" in w for w in snap.warnings)


def test_a_failed_download_does_not_create_a_store(
    scenario: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _offline_fake(list(scenario.universe)).install(monkeypatch)
    p = tmp_path / "p.sqlite3"
    report = PriceStore(p).update(
        YahooSource(sleep=lambda s: None, probe=lambda: False), list(scenario.universe)
    )
    assert set(report.failed) == set(scenario.universe)
    assert not p.exists()
