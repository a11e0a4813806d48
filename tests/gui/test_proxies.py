"""A ticker without price history is not a dead end: the message offers a proxy fund, and choosing one
brings a result (with the ticker not bought, and the proxy saved in the scenario)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog

from engine.data.proxies import NoHistory, with_proxies
from engine.model.scenario import Holding, Portfolio
from tests.gui.builders import market_with_history, twelve_asset_scenario


def test_no_history_offers_a_proxy_and_the_chosen_fund_stands_in(
    window, workspace, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    snap = market_with_history()

    def resolve(scenario, **_kw):  # type: ignore[no-untyped-def]
        if "ZZZQ" not in dict(scenario.data.proxies):
            raise NoHistory("no stored prices for ZZZQ: import a CSV price file", ["ZZZQ"])
        return with_proxies(snap, scenario.universe, scenario.data.proxies)

    workspace.engine.resolve_market = resolve
    sc = twelve_asset_scenario()
    sc = replace(sc, portfolio=Portfolio((*sc.portfolio.holdings, Holding("ZZZQ", 5, price=20.0)), 3000.0))
    with qtbot.waitSignal(workspace.marketProblem, timeout=20000):
        workspace.set_document(sc, None)
    bar = window.message_bar
    assert bar.isVisible() and "ZZZQ" in bar.label.text()
    assert bar.action.text() == "Use a Proxy…"

    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        bar.action.click()
    assert workspace.scenario.data.proxies == (("ZZZQ", "IWM"),)  # the core fund is offered first
    assert "ZZZQ" in workspace.scenario.constraints.no_buy  # outside the targets: not bought
    r = workspace.result
    assert r is not None, workspace.outcome
    assert not any(t.ticker == "ZZZQ" and t.shares > 0 for t in r.trades)
    assert not bar.isVisible() or "ZZZQ" not in bar.label.text()


def test_no_history_can_be_left_out_of_the_risk_model_and_the_result_says_so(
    window, workspace, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from engine.data.exclusions import without_history

    snap = market_with_history()

    def resolve(scenario, **_kw):  # type: ignore[no-untyped-def]
        if "ZZZQ" not in scenario.data.exclude_from_risk:
            raise NoHistory("no stored prices for ZZZQ: import a CSV price file", ["ZZZQ"])
        return without_history(snap, scenario.universe, scenario.data.exclude_from_risk)

    workspace.engine.resolve_market = resolve
    sc = twelve_asset_scenario()
    sc = replace(sc, portfolio=Portfolio((*sc.portfolio.holdings, Holding("ZZZQ", 5, price=20.0)), 3000.0))
    with qtbot.waitSignal(workspace.marketProblem, timeout=20000):
        workspace.set_document(sc, None)
    bar = window.message_bar
    assert bar.second.isVisible() and bar.second.text() == "Leave Out of Risk Model"
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        bar.second.click()
    assert workspace.scenario.data.exclude_from_risk == ("ZZZQ",)
    assert "ZZZQ" in workspace.scenario.constraints.no_buy  # outside the targets: not bought
    assert workspace.result is not None, workspace.outcome
    notes = window.result.notes.text()
    assert "ZZZQ has no price history and is left out of the risk model" in notes
    assert "leave its risk out" in notes
