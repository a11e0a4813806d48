"""A ticker without price history takes its risk from a proxy fund the scenario names."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from engine import resources
from engine.data import load_demo_prices, load_market
from engine.errors import ScenarioError
from engine.model import scenario_file
from engine.model.scenario import Estimator, Holding, Portfolio, Scenario
from engine.risk.covariance import sample_covariance


@pytest.fixture
def scenario() -> Scenario:
    sc = scenario_file.load(resources.path("examples", "russell-core-value-satellites.coresat.toml"))
    held = Portfolio((*sc.portfolio.holdings, Holding("ZZZQ", 3, price=41.5)), sc.portfolio.cash)
    return dataclasses.replace(sc, portfolio=held, market=None)


def _data(sc: Scenario, **kw: object) -> Scenario:
    return dataclasses.replace(sc, data=dataclasses.replace(sc.data, **kw))


def test_a_proxied_ticker_gets_its_funds_risk_computed_from_the_funds_prices(scenario: Scenario) -> None:
    sc = _data(
        scenario, source="demo", estimator=Estimator.SAMPLE, risk_window_days=300, proxies=(("ZZZQ", "IWM"),)
    )
    snap = load_market(sc)
    assert snap.tickers == sc.universe and "ZZZQ" in snap.tickers
    # independent: the sample covariance of the demo prices of the universe with IWM standing in for ZZZQ
    demo = load_demo_prices()
    cols = ["IWM" if t == "ZZZQ" else t for t in sc.universe]
    window = demo[list(dict.fromkeys(cols))].dropna().iloc[-301:]
    returns = window[cols].pct_change().iloc[1:].to_numpy()
    expected = sample_covariance(returns)
    z, i = snap.tickers.index("ZZZQ"), snap.tickers.index("IWM")
    assert np.allclose(expected[z], expected[i])  # before the extra: the fund's row exactly
    expected[z, z] *= 1.0001  # its own variance: the fund's and 0.01 % more, so it is not a copy
    assert np.allclose(snap.covariance, expected, rtol=1e-12, atol=0)
    assert np.linalg.eigvalsh(snap.covariance).min() > 0  # an exact copy would be singular
    assert "ZZZQ" not in snap.prices  # its price is the holding's, not the fund's
    assert any("ZZZQ" in w and "IWM" in w for w in snap.warnings)


def test_without_a_proxy_the_ticker_still_fails_with_the_same_clear_error(scenario: Scenario) -> None:
    from engine.errors import DataError

    with pytest.raises(DataError, match="ZZZQ"):
        load_market(_data(scenario, source="demo"))


def test_proxies_round_trip_through_the_scenario_file(scenario: Scenario, tmp_path: Path) -> None:
    sc = _data(scenario, proxies=(("ZZZQ", "IWM"),))
    path = tmp_path / "s.coresat.toml"
    scenario_file.save(sc, path)
    assert "[data.proxies]" in path.read_text(encoding="utf-8")
    assert scenario_file.load(path).data.proxies == (("ZZZQ", "IWM"),)


@pytest.mark.parametrize("proxies", [(("ZZZQ", "ZZZQ"),), (("ZZZQ", "IWM"), ("IWM", "VBR"))])
def test_a_proxy_must_have_history_of_its_own(
    scenario: Scenario, proxies: tuple[tuple[str, str], ...]
) -> None:
    with pytest.raises(ScenarioError, match="cannot stand in"):
        _data(scenario, proxies=proxies).validate()


def test_a_missing_history_error_names_the_tickers(scenario: Scenario) -> None:
    from engine.data.proxies import NoHistory

    with pytest.raises(NoHistory) as exc:
        load_market(_data(scenario, source="demo"))
    assert exc.value.tickers == ("ZZZQ",)
