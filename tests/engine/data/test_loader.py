"""load_market: source choice, windows, checks surfaced as warnings, clear errors."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from engine import resources
from engine.data import load_demo_prices, load_market
from engine.data.store import PriceStore
from engine.errors import DataError
from engine.model import scenario_file
from engine.model.scenario import DataSettings, Estimator, Scenario
from engine.risk.covariance import sample_covariance
from tests.engine.data.test_store import FakeSource


@pytest.fixture
def scenario() -> Scenario:
    return scenario_file.load(resources.path("examples", "russell-core-value-satellites.coresat.toml"))


def with_data(sc: Scenario, **kw: object) -> Scenario:
    return dataclasses.replace(sc, data=dataclasses.replace(sc.data, **kw), market=None)


def random_prices(tickers: list[str], start: str, days: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    idx = pd.bdate_range(start, periods=days, name="Date")
    common = rng.normal(0, 0.01, (days, 1))
    r = common + rng.normal(0, 0.004, (days, len(tickers)))
    return pd.DataFrame(100 * np.exp(np.cumsum(r, axis=0)), index=idx, columns=tickers)


def test_examples_load_offline_from_simulated_demo_data(scenario: Scenario) -> None:
    snap = load_market(with_data(scenario, source="auto"))
    assert snap.price_source == "simulated demo data"
    assert snap.tickers == scenario.universe
    assert snap.as_of == date(2026, 11, 20)
    assert snap.risk_window == "756 trading days, 2023-11-13 .. 2026-11-20"
    assert "Ledoit" in snap.estimator
    demo = load_demo_prices()
    assert snap.prices["IWM"] == pytest.approx(float(demo["IWM"].iloc[-1]))
    cov = snap.covariance
    assert cov.shape == (4, 4) and np.allclose(cov, cov.T)
    assert np.linalg.eigvalsh(cov).min() > 0
    vol = np.sqrt(np.diag(cov))
    assert 0.1 < vol[0] < 0.6  # IWM, annualized
    assert snap.history is not None and len(snap.history) > 756  # longer history for the charts
    assert list(snap.history.columns) == list(snap.tickers)


def test_sample_estimator_uses_exactly_the_window(scenario: Scenario) -> None:
    snap = load_market(with_data(scenario, source="demo", estimator=Estimator.SAMPLE, risk_window_days=300))
    assert snap.history is not None
    window = snap.history.iloc[-301:]
    assert np.allclose(snap.covariance, sample_covariance(window.pct_change().iloc[1:].to_numpy()))
    assert snap.risk_window.startswith("300 trading days")
    ewma = load_market(with_data(scenario, source="demo", estimator=Estimator.EWMA, ewma_half_life_days=20))
    assert "half-life 20" in ewma.estimator
    assert not np.allclose(ewma.covariance, snap.covariance)


def test_unknown_ticker_names_it_and_says_what_to_do(scenario: Scenario) -> None:
    from engine.model.scenario import Holding, Portfolio

    sc = dataclasses.replace(
        scenario, portfolio=Portfolio((*scenario.portfolio.holdings, Holding("ZZZQ", 3)), 0.0)
    )
    with pytest.raises(DataError, match="ZZZQ") as exc:
        load_market(with_data(sc, source="auto"))
    assert "import a CSV" in str(exc.value)
    with pytest.raises(DataError, match="ZZZQ"):
        load_market(with_data(sc, source="store"))


def test_auto_uses_the_store_when_it_has_every_ticker(scenario: Scenario, tmp_path: Path) -> None:
    store = PriceStore(tmp_path / "p.sqlite3")
    tickers = list(scenario.universe)
    store.write(random_prices(tickers[:-1], "2022-01-03", 900), "test")
    assert load_market(with_data(scenario, source="auto"), store=store).price_source == "simulated demo data"
    store.write(random_prices(tickers[-1:], "2022-01-03", 900, seed=1), "test")
    snap = load_market(with_data(scenario, source="auto"), store=store)
    assert snap.price_source.startswith("price store as of ")
    assert snap.as_of == pd.bdate_range("2022-01-03", periods=900)[-1].date()
    assert any("days ago" in w for w in snap.warnings)  # stale prices are said
    forced = load_market(with_data(scenario, source="auto"), store=store, force_demo=True)
    assert forced.price_source == "simulated demo data"


def test_common_window_when_histories_differ(scenario: Scenario, tmp_path: Path) -> None:
    store = PriceStore(tmp_path / "p.sqlite3")
    tickers = list(scenario.universe)
    long = random_prices(tickers, "2020-01-01", 1000)
    long.iloc[:700, 3] = np.nan  # the fourth fund started later
    store.write(long, "test")
    snap = load_market(with_data(scenario, source="store"), store=store)
    n = 1000 - 700 - 1
    assert snap.risk_window.startswith(f"{n} trading days, {long.index[700]:%Y-%m-%d}")
    assert any(tickers[3] in w and "starts" in w for w in snap.warnings)
    assert any(f"only {n} trading days" in w for w in snap.warnings)


def test_too_short_common_history_is_an_error(scenario: Scenario, tmp_path: Path) -> None:
    store = PriceStore(tmp_path / "p.sqlite3")
    p = random_prices(list(scenario.universe), "2020-01-01", 300)
    p.iloc[:260, 0] = np.nan
    store.write(p, "test")
    with pytest.raises(DataError, match="at least 60"):
        load_market(with_data(scenario, source="store"), store=store)


def test_bad_print_and_missing_days_become_warnings(scenario: Scenario, tmp_path: Path) -> None:
    store = PriceStore(tmp_path / "p.sqlite3")
    tickers = list(scenario.universe)
    p = random_prices(tickers, "2022-01-03", 800)
    p.iloc[500, 1] = p.iloc[499, 1] * 1.43
    p.iloc[600:603, 2] = np.nan
    store.write(p, "test")
    snap = load_market(with_data(scenario, source="store"), store=store)
    assert any("bad print" in w and tickers[1] in w for w in snap.warnings)
    assert any("3 missing days" in w and tickers[2] in w for w in snap.warnings)
    assert snap.history is not None
    r = snap.history[tickers[1]].pct_change().dropna()
    assert r.abs().max() < 0.2  # the spike is not in the risk data


def test_yahoo_source_updates_the_store_then_uses_it(scenario: Scenario, tmp_path: Path) -> None:
    tickers = list(scenario.universe)
    end = pd.Timestamp(date.today()) - pd.offsets.BDay(5)
    full = random_prices(tickers, (end - pd.offsets.BDay(899)).strftime("%Y-%m-%d"), 900)
    store = PriceStore(tmp_path / "p.sqlite3")
    src = FakeSource(full)
    messages: list[str] = []
    snap = load_market(
        with_data(scenario, source="yahoo"), store=store, yahoo=src, progress=lambda m, f: messages.append(m)
    )
    assert snap.price_source == "Yahoo live"
    assert src.requests and src.requests[0][1] is None
    assert store.has_all(tickers)
    assert messages[-1] == "Market data ready"
    src2 = FakeSource(full, fail={tickers[0]: "Yahoo is limiting requests (rate limit); try again later"})
    again = load_market(with_data(scenario, source="yahoo"), store=store, yahoo=src2)
    assert "partly" in again.price_source
    assert any(tickers[0] in w and "rate limit" in w for w in again.warnings)


def test_yahoo_failure_without_stored_prices_is_a_data_error(scenario: Scenario, tmp_path: Path) -> None:
    src = FakeSource(pd.DataFrame(), fail={t: "no data" for t in scenario.universe})
    with pytest.raises(DataError, match="no stored prices"):
        load_market(with_data(scenario, source="yahoo"), store=PriceStore(tmp_path / "p.sqlite3"), yahoo=src)


def test_cancel_and_bad_source(scenario: Scenario) -> None:
    with pytest.raises(DataError, match="cancelled"):
        load_market(with_data(scenario, source="demo"), cancel=lambda: True)
    with pytest.raises(DataError, match="unknown"):
        load_market(with_data(scenario, source="bloomberg"))


def test_default_data_settings_work_for_a_minimal_scenario(scenario: Scenario) -> None:
    sc = dataclasses.replace(scenario, data=DataSettings(), market=None)
    assert load_market(sc).price_source == "simulated demo data"
    assert date.today() - timedelta(days=10_000) < load_market(sc).as_of  # type: ignore[operator]


def test_auto_falls_back_to_demo_when_the_store_is_damaged(scenario: Scenario, tmp_path: Path) -> None:
    p = tmp_path / "p.sqlite3"
    p.write_bytes(b"garbage" * 500)
    snap = load_market(with_data(scenario, source="auto"), store=PriceStore(p))
    assert snap.price_source == "simulated demo data"
    assert any("damaged" in w for w in snap.warnings)


def _many(n: int, source: str) -> Scenario:
    from tests.helpers import core_satellite

    names = [f"T{i:05d}" for i in range(n)]
    sc = core_satellite(
        {t: 1.0 for t in names},
        core={names[0]: 0.5},
        satellites={"Sat": {t: 0.5 / (n - 1) for t in names[1:]}},
    )
    return dataclasses.replace(sc, data=dataclasses.replace(sc.data, source=source), market=None)


def test_too_many_tickers_are_refused_before_any_price_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # the store path built the n x n covariance before the capacity check in the API ran
    import engine.io.capacity as capacity
    from engine.io.capacity import CapacityError

    class NoStore(PriceStore):
        def load(self, *a: object, **k: object) -> pd.DataFrame:
            raise AssertionError("prices were read before the size was checked")

    monkeypatch.setattr(capacity, "available_bytes", lambda: 200_000_000)
    with pytest.raises(CapacityError, match=r"^3000 tickers need about 0.6 GB of memory"):
        load_market(_many(3000, "store"), store=NoStore(Path("/nonexistent/prices.sqlite3")))


def test_a_long_list_of_missing_tickers_stays_one_readable_line(tmp_path: Path) -> None:
    with pytest.raises(DataError) as err:
        load_market(_many(3000, "store"), store=PriceStore(tmp_path / "prices.sqlite3"))
    msg = str(err.value)
    assert msg.startswith("no stored prices for T00000, T00001,") and "T00011 and 2,988 more:" in msg
    assert len(msg) < 300
