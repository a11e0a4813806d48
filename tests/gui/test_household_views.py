"""A household scenario reads as a household in the main panels: the Holdings panel shows the account tree
and imports a CSV into the chosen account; Proposed trades are grouped by account (every number the
HouseholdResult's, checked against an independent call); the allocation chart shows each account."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from engine import resources
from engine.model import scenario_file as sf

COUPLE = "household-couple-four-accounts.coresat.toml"


def _open_couple(workspace, qtbot):  # type: ignore[no-untyped-def]
    sc = replace(sf.loads(resources.read_text("examples", COUPLE)), market=None)
    with qtbot.waitSignal(workspace.settled, timeout=30000):
        workspace.set_document(sc, None)
    return sc


def test_proposed_trades_are_grouped_by_account(window, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    from engine.api import rebalance_household

    _open_couple(workspace, qtbot)
    panel = window.result
    r = rebalance_household(workspace.scenario, workspace.market)  # independent call, same inputs
    assert panel.account_trades.isVisibleTo(window) and not panel.table.isVisibleTo(window)
    trading = [a for a in r.accounts if a.trades]
    view = panel.account_trades
    assert view.topLevelItemCount() == len(trading) >= 2
    for i, a in enumerate(trading):
        top = view.topLevelItem(i)
        assert top.text(0).startswith(f"{a.name} (") and top.childCount() == len(a.trades)
        for j, t in enumerate(a.trades):
            row = top.child(j)
            assert (row.text(1), row.text(2)) == (t.ticker, f"{t.shares:,.0f}")
            assert view.trade_at(row) == t
    assert panel.figures["trades"].text() == str(len(r.trades))
    assert panel.status.text() == f"{len(r.trades)} trades proposed."
    view.setCurrentItem(view.topLevelItem(1).child(0))
    t = trading[1].trades[0]
    assert f"in {trading[1].name}" in panel.reason.text() and t.ticker in panel.reason.text()


def test_holdings_show_the_tree_and_a_csv_goes_into_one_account(  # type: ignore[no-untyped-def]
    window, workspace, qtbot, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog

    from gui.dialogs import ImportPreview

    sc = _open_couple(workspace, qtbot)
    holdings = window.holdings
    assert holdings.pages.currentIndex() == 1 and holdings.household.isVisibleTo(window)
    assert holdings.household.account_ids() == [a.id for a in sc.household.accounts]
    good = tmp_path / "roth.csv"
    good.write_text("ticker,shares\nVBR,12\nIJR,3\n")
    names = [a.name for a in sc.household.accounts]
    roth = next(a for a in sc.household.accounts if a.id == "roth-park")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (roth.name, True))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    monkeypatch.setattr(ImportPreview, "exec", lambda self: QDialog.DialogCode.Accepted)
    holdings.household_import.click()
    hh = workspace.scenario.household
    assert [(p.ticker, p.shares) for p in hh.account("roth-park").positions] == [("VBR", 12.0), ("IJR", 3.0)]
    for a in sc.household.accounts:  # the other accounts are untouched
        if a.id != "roth-park":
            assert hh.account(a.id) == a
    assert len(names) == len(hh.accounts)
    # a bad file changes nothing and says why
    bad = tmp_path / "bad.csv"
    bad.write_text("ticker,shares\nVBR,lots\n")
    before = workspace.scenario
    assert not holdings.import_file_into("joint", bad, preview=False)
    assert workspace.scenario == before
    assert "Nothing was changed" in holdings.problem.text()


def test_allocation_chart_shows_one_account(window, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    from engine.api import rebalance_household

    _open_couple(workspace, qtbot)
    qtbot.waitUntil(lambda: window.charts.built, timeout=5000)
    chart = window.charts.allocation
    chart.show_outcome(workspace.outcome, workspace)
    assert not chart.account.isHidden()  # the selector is shown for a household
    r = rebalance_household(workspace.scenario, workspace.market)
    assert [chart.account.itemData(i) for i in range(chart.account.count())] == ["", *r.account_ids]
    household = chart.values["current"].copy()
    assert np.allclose(household, [a.weight_before for a in workspace.result.assets])
    lee = r.accounts[1]
    chart.account.setCurrentIndex(2)
    assert chart.labels == [
        t for t in workspace.scenario.universe if t in lee.weights_before or t in lee.weights_after
    ]
    assert np.allclose(chart.values["current"], [lee.weights_before.get(t, 0.0) for t in chart.labels])
    assert np.allclose(chart.values["after"], [lee.weights_after.get(t, 0.0) for t in chart.labels])
    chart.account.setCurrentIndex(0)
    assert np.allclose(chart.values["current"], household)


def test_a_flat_scenario_keeps_the_flat_views(loaded) -> None:  # type: ignore[no-untyped-def]
    w = loaded
    assert w.holdings.pages.currentIndex() == 0
    assert w.result.table.isVisibleTo(w) and not w.result.account_trades.isVisibleTo(w)
    assert w.charts.allocation.account.isHidden()


def test_file_import_on_a_household_asks_which_account(window, workspace, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """File → Import holdings on a household never writes flat holdings: it asks for the account, and its
    last choice hands over to the broker-statement import."""
    from PySide6.QtWidgets import QInputDialog

    _open_couple(workspace, qtbot)
    asked: list[list[str]] = []

    def choose(_parent, _title, _label, items, *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append(list(items))
        return items[-1], True

    statement: list[bool] = []
    monkeypatch.setattr(QInputDialog, "getItem", choose)
    monkeypatch.setattr(window.statement_import, "choose_file", lambda: statement.append(True))
    before = workspace.scenario
    window.import_holdings()
    assert asked and asked[0][:-1] == [a.name for a in before.household.accounts]
    assert statement == [True] and workspace.scenario == before


def test_an_impossible_household_says_which_account(window, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    from engine.model.household import with_household

    sc = replace(sf.loads(resources.read_text("examples", COUPLE)), market=None)
    accounts = list(sc.household.accounts)
    accounts[3] = replace(accounts[3], cash_flow=-90_000.0)  # the Roth cannot fund this from its holdings
    sc = with_household(sc, replace(sc.household, accounts=tuple(accounts)))
    with qtbot.waitSignal(workspace.settled, timeout=30000):
        workspace.set_document(sc, None)
    assert accounts[3].name in window.result.status.text()
    assert window.result.account_trades.topLevelItemCount() == 0


def test_adding_an_account_turns_the_holdings_into_the_tree(loaded, workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    w = loaded
    flat = workspace.scenario
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Roth", True))
    w.household.add_button.click()  # the Accounts tab: the flat portfolio becomes account 1, Roth account 2
    hh = workspace.scenario.household
    assert hh is not None and [a.name for a in hh.accounts][-1] == "Roth" and len(hh.accounts) == 2
    assert w.holdings.pages.currentIndex() == 1
    assert w.holdings.household.account_ids() == [a.id for a in hh.accounts]
    assert sum(a.shares_of("IWM") for a in hh.accounts) == flat.portfolio.shares_of("IWM")


def test_allocation_per_sleeve_for_one_account(window, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    _open_couple(workspace, qtbot)
    qtbot.waitUntil(lambda: window.charts.built, timeout=5000)
    chart = window.charts.allocation
    chart.show_outcome(workspace.outcome, workspace)
    hr = workspace.outcome.extras["household"]
    chart.level.setCurrentIndex(chart.level.findData("sleeve"))
    chart.account.setCurrentIndex(1)
    joint = hr.accounts[0]
    sleeve_of = {a.ticker: a.sleeve for a in workspace.result.assets}
    expected = {}
    for t, wgt in joint.weights_before.items():
        if sleeve_of.get(t):
            expected[sleeve_of[t]] = expected.get(sleeve_of[t], 0.0) + wgt
    assert dict(zip(chart.labels, chart.values["current"].tolist(), strict=True)) == pytest.approx(expected)


def test_account_settings_set_buffer_flow_and_lists(window, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui.panels.account_dialog import AccountDialog

    _open_couple(workspace, qtbot)
    editor = window.holdings.household
    editor.tree.setCurrentItem(editor.tree.topLevelItem(1))  # Lee IRA
    aid = editor.selected_account()
    dialog = AccountDialog(workspace.scenario.household.account(aid))
    dialog.name.setText("Lee rollover IRA")
    dialog.buffer.setValue(250.0)
    dialog.flow.setValue(-400.0)
    dialog.no_sell.setText("iwm, vbr")
    with qtbot.waitSignal(workspace.settled, timeout=30000):
        editor.edit_account(dialog)
    sc = workspace.scenario
    a = sc.household.account(aid)
    assert (a.name, a.cash_buffer, a.cash_flow, a.no_sell) == (
        "Lee rollover IRA",
        250.0,
        -400.0,
        frozenset({"IWM", "VBR"}),
    )
    assert sc.constraints.min_cash == sum(x.cash_buffer for x in sc.household.accounts)
    assert sc.constraints.cash_flow == sum(x.cash_flow for x in sc.household.accounts)
    hr = workspace.outcome.extras["household"]  # solved with the new settings: the IRA sells no IWM / VBR
    lee = next(r for r in hr.accounts if r.id == aid)
    assert not [t for t in lee.trades if t.side.value == "sell" and t.ticker in {"IWM", "VBR"}]
    # a bad ticker changes nothing and says why
    before = workspace.scenario
    dialog.no_buy.setText("not a ticker!")
    editor.edit_account(dialog)
    assert workspace.scenario == before and "not a ticker symbol" in editor.problem.text()
