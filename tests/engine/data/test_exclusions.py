"""A ticker without price history can be left out of the risk model (the user's choice in the scenario):
the result is computed, its risk figures leave that ticker out, and every output says so."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from engine import resources
from engine.api import rebalance
from engine.cli import main as cli_main
from engine.data import load_market
from engine.data.exclusions import NEGLIGIBLE_VARIANCE
from engine.errors import ScenarioError
from engine.model import scenario_file
from engine.model.scenario import Holding, Portfolio, Scenario


@pytest.fixture
def scenario() -> Scenario:
    sc = scenario_file.load(resources.path("examples", "russell-core-value-satellites.coresat.toml"))
    held = Portfolio((*sc.portfolio.holdings, Holding("ZZZQ", 30, price=41.5)), sc.portfolio.cash)
    return dataclasses.replace(sc, portfolio=held, market=None)


def _excluded(sc: Scenario, *tickers: str) -> Scenario:
    return dataclasses.replace(
        sc, data=dataclasses.replace(sc.data, source="demo", exclude_from_risk=tickers)
    )


def test_the_choice_is_saved_and_read_back(scenario: Scenario) -> None:
    sc = _excluded(scenario, "ZZZQ")
    text = scenario_file.dumps(sc)
    assert "exclude_from_risk" in text and '"ZZZQ"' in text
    assert scenario_file.loads(text).data.exclude_from_risk == ("ZZZQ",)
    assert "exclude_from_risk" not in scenario_file.dumps(scenario)  # written only when set


def test_a_ticker_cannot_be_both_proxied_and_left_out(scenario: Scenario) -> None:
    sc = _excluded(scenario, "ZZZQ")
    sc = dataclasses.replace(sc, data=dataclasses.replace(sc.data, proxies=(("ZZZQ", "IWM"),)))
    with pytest.raises(ScenarioError) as err:
        sc.validate()
    assert err.value.field == "data.exclude_from_risk"


def test_the_risk_model_of_the_other_tickers_is_unchanged_and_the_result_says_so(scenario: Scenario) -> None:
    sc = _excluded(scenario, "ZZZQ")
    snap = load_market(sc)
    without = dataclasses.replace(
        scenario, portfolio=dataclasses.replace(scenario.portfolio, holdings=scenario.portfolio.holdings[:-1])
    )
    base = load_market(dataclasses.replace(without, data=dataclasses.replace(without.data, source="demo")))
    k = snap.tickers.index("ZZZQ")
    idx = [snap.tickers.index(t) for t in base.tickers]
    assert np.allclose(snap.covariance[np.ix_(idx, idx)], base.covariance)  # the others' risk as before
    row = np.delete(snap.covariance[k], k)
    assert np.all(row == 0.0) and snap.covariance[k, k] == NEGLIGIBLE_VARIANCE
    assert any("ZZZQ" in w and "left out of the risk model" in w for w in snap.warnings)

    r = rebalance(sc, snap)
    assert any("ZZZQ" in n and "leave its risk out" in n for n in r.assumptions.notes)
    # independent: the volatility after, from the weights and the other tickers' covariance only
    w = {a.ticker: a.weight_after for a in r.assets}
    vec = np.array([w.get(t, 0.0) for t in base.tickers])
    assert r.vol_after == pytest.approx(float(np.sqrt(vec @ base.covariance @ vec)), abs=1e-6)


def test_without_the_choice_a_ticker_without_history_stops_the_load(scenario: Scenario) -> None:
    sc = dataclasses.replace(scenario, data=dataclasses.replace(scenario.data, source="demo"))
    with pytest.raises(Exception, match="ZZZQ"):
        load_market(sc)


def test_the_cli_says_the_risk_figures_leave_it_out(scenario: Scenario, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "s.coresat.toml"
    path.write_text(scenario_file.dumps(_excluded(scenario, "ZZZQ")), encoding="utf-8")
    code = cli_main(["rebalance", str(path)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "ZZZQ has no price history and is left out of the risk model" in out
