"""The Yahoo source on real-shaped yfinance output (yfinance's own download code, no network)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from yfinance.exceptions import YFRateLimitError

import engine.data.yahoo as yahoo_mod
from engine.data.yahoo import YahooSource, closes_from_download
from tests.engine.data.yf_fakes import FakeYahoo, history_frame


@pytest.fixture(autouse=True)
def _cache_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yahoo_mod, "_cache_configured", True)


def test_download_frame_is_multiindex_even_for_one_ticker(monkeypatch: pytest.MonkeyPatch) -> None:
    import yfinance as yf

    FakeYahoo({"IWM": history_frame("IWM")}).install(monkeypatch)
    raw = yf.download("IWM", period="max", auto_adjust=True, progress=False)
    assert isinstance(raw.columns, pd.MultiIndex)
    closes = closes_from_download(raw, ["IWM"])
    assert list(closes) == ["IWM"]
    assert closes["IWM"].index.tz is None
    assert np.allclose(closes["IWM"].to_numpy(), history_frame("IWM")["Close"].to_numpy())


def test_failed_ticker_comes_back_as_nan_columns_and_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    import yfinance as yf

    FakeYahoo({"IWM": history_frame("IWM")}).install(monkeypatch)
    raw = yf.download(["IWM", "NOPE"], period="max", auto_adjust=True, progress=False)
    assert raw["Close"]["NOPE"].isna().all()  # the real yfinance shape: no exception, just NaN
    res = YahooSource(sleep=lambda s: None).fetch_history(["IWM", "NOPE"])
    assert res.fetched == ("IWM",)
    assert "NOPE" in res.failed
    assert "no prices" in res.failed["NOPE"] and "check the symbol" in res.failed["NOPE"]
    assert any("NOPE" in n for n in res.notes)


def test_auto_adjust_is_passed_explicitly_and_no_session() -> None:
    seen: dict[str, Any] = {}

    def download(tickers: list[str], **kwargs: Any) -> pd.DataFrame:
        seen.update(kwargs)
        return pd.DataFrame()

    YahooSource(download=download, sleep=lambda s: None, retries=0).fetch_history(["IWM"])
    assert seen["auto_adjust"] is True
    assert seen["multi_level_index"] is True
    assert "session" not in seen
    assert seen["period"] == "max"


def test_rate_limit_backs_off_and_keeps_what_was_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeYahoo({t: history_frame(t) for t in ("IWM", "IWN", "VBR")}, fail={"VBR": YFRateLimitError})
    fake.install(monkeypatch)
    delays: list[float] = []

    def sleep(s: float) -> None:
        delays.append(s)
        if len(delays) == 2:
            fake.fail.clear()  # Yahoo lets us through again

    res = YahooSource(sleep=sleep, base_delay=2.0).fetch_history(["IWM", "IWN", "VBR"])
    assert delays == [2.0, 4.0]
    assert set(res.fetched) == {"IWM", "IWN", "VBR"}
    assert res.failed == {}
    retried = [t for t in fake.tickers_called() if t != "VBR"]
    assert sorted(retried) == ["IWM", "IWN"]  # fetched once; only VBR was retried


def test_persistent_rate_limit_says_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    FakeYahoo({"IWM": history_frame("IWM")}, fail={"IWN": YFRateLimitError}).install(monkeypatch)
    delays: list[float] = []
    res = YahooSource(sleep=delays.append, retries=2).fetch_history(["IWM", "IWN"])
    assert delays == [2.0, 4.0]
    assert res.fetched == ("IWM",)
    assert "rate limit" in res.failed["IWN"]
    assert any("IWN" in n and "rate limit" in n for n in res.notes)


def test_whole_call_exception_is_caught_and_retried() -> None:
    calls: list[list[str]] = []

    def download(tickers: list[str], **kwargs: Any) -> pd.DataFrame:
        calls.append(list(tickers))
        raise YFRateLimitError()

    res = YahooSource(download=download, sleep=lambda s: None, retries=1).fetch_history(["IWM"])
    assert len(calls) == 2
    assert "rate limit" in res.failed["IWM"]


def test_start_date_and_cancel(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeYahoo({"IWM": history_frame("IWM", days=30)})
    fake.install(monkeypatch)
    from datetime import date

    res = YahooSource(sleep=lambda s: None).fetch_history(["IWM"], date(2026, 11, 2))
    assert res.prices.index[0] >= pd.Timestamp("2026-11-02")
    assert fake.calls[-1][1]["start"] == "2026-11-02"
    res = YahooSource(sleep=lambda s: None).fetch_history(["IWM"], cancel=lambda: True)
    assert res.cancelled and res.failed == {"IWM": "download cancelled"}


def test_latest_prices_and_fund_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    FakeYahoo({"IWM": history_frame("IWM")}).install(monkeypatch)

    class FakeTicker:
        def __init__(self, t: str) -> None:
            self.info = {
                "longName": "iShares Russell 2000 ETF",
                "netExpenseRatio": 0.19,
                "category": "Small Blend",
            }

    src = YahooSource(sleep=lambda s: None, ticker_factory=FakeTicker)
    prices, failed = src.latest_prices(["IWM", "NOPE"])
    assert prices["IWM"] == pytest.approx(float(history_frame("IWM")["Close"].iloc[-1]))
    assert "NOPE" in failed
    facts = src.fund_facts("IWM")
    assert facts.expense_ratio == pytest.approx(0.0019)
    assert facts.category == "Small Blend" and facts.name and "Russell" in facts.name

    def broken(t: str) -> Any:
        raise YFRateLimitError()

    assert YahooSource(ticker_factory=broken).fund_facts("IWM").name is None


def test_yfinance_cache_goes_to_the_app_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    import yfinance as yf

    from engine import paths

    seen: list[str] = []
    monkeypatch.setattr(yf, "set_tz_cache_location", seen.append)
    monkeypatch.setattr(yahoo_mod, "_cache_configured", False)
    yahoo_mod.configure_yfinance_cache()
    yahoo_mod.configure_yfinance_cache()
    assert seen == [str(paths.cache_dir() / "yfinance")]


def test_offline_is_not_retried_and_cancel_stops_the_back_off() -> None:
    calls: list[list[str]] = []

    def offline(tickers: list[str], **kwargs: Any) -> pd.DataFrame:
        calls.append(list(tickers))
        raise ConnectionError("Failed to connect to query2.finance.yahoo.com")

    slept: list[float] = []
    res = YahooSource(download=offline, sleep=slept.append).fetch_history(["IWM"])
    assert len(calls) == 1 and slept == []
    assert "no connection" in res.failed["IWM"]

    def limited(tickers: list[str], **kwargs: Any) -> pd.DataFrame:
        raise YFRateLimitError()

    steps: list[float] = []
    res = YahooSource(download=limited, sleep=steps.append).fetch_history(
        ["IWM"], cancel=lambda: len(steps) >= 3
    )
    assert res.cancelled
    assert sum(steps) < 2.0  # stopped inside the first 2 s wait


def test_yfinance_warnings_do_not_reach_the_user(monkeypatch: pytest.MonkeyPatch) -> None:
    # on the command line yfinance's pandas deprecation warnings printed six lines around the one message
    import warnings

    def download(tickers: list[str], **kwargs: Any) -> pd.DataFrame:
        warnings.warn("The inplace keyword in DataFrame.rename is deprecated", FutureWarning, stacklevel=1)
        return pd.DataFrame()

    class FirstImport(YahooSource):
        def _dl(self) -> Any:  # as `import yfinance` does on first use: a "default" filter in front
            warnings.filterwarnings("default", category=FutureWarning)
            return download

    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        res = FirstImport(sleep=lambda s: None, retries=0).fetch_history(["IWM"])
    assert "IWM" in res.failed
    assert [str(w.message) for w in seen] == []
