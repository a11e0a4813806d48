"""The Accounts tab: household → account → position → lots; kind and cash edits reach the scenario;
trades per account (computed with the main solve, off the UI thread) grouped by account."""

from __future__ import annotations

from engine import resources
from engine.model import scenario_file as sf
from engine.model.household import AccountKind

COUPLE = "household-couple-four-accounts.coresat.toml"


def _couple():  # type: ignore[no-untyped-def]
    sc = sf.loads(resources.read_text("examples", COUPLE))
    from dataclasses import replace

    return replace(sc, market=None)


def test_tree_shows_accounts_positions_and_lots(window, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    sc = _couple()
    with qtbot.waitSignal(workspace.settled, timeout=30000):
        workspace.set_document(sc, None)
    panel = window.household
    assert panel.account_ids() == [a.id for a in sc.household.accounts]
    joint = panel.tree.topLevelItem(0)
    iwm = joint.child(0)
    assert iwm.text(0) == "IWM" and iwm.childCount() == 2  # two lots
    assert joint.child(1).text(3) == "basis unknown"  # IJR has no lots
    # edit the Roth's cash and the first account's kind in the tree: the scenario follows
    roth = panel.tree.itemWidget(panel.tree.topLevelItem(3), 2)  # an account row's cash
    roth.setValue(250.0)
    assert workspace.scenario.household.account("roth-park").cash == 250.0
    assert workspace.scenario.portfolio.cash == sc.portfolio.cash - 6500 + 250
    kind = panel.tree.itemWidget(panel.tree.topLevelItem(0), 1)
    kind.setCurrentIndex(list(AccountKind).index(AccountKind.HSA))
    assert workspace.scenario.household.account("joint").kind is AccountKind.HSA


def test_trades_are_grouped_by_account(window, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    from engine.api import rebalance_household

    sc = _couple()
    with qtbot.waitSignal(workspace.settled, timeout=30000):
        workspace.set_document(sc, None)
    panel = window.household  # the tab is built after the first result: the household's came with it
    r = rebalance_household(workspace.scenario, workspace.market)  # independent call with the same inputs
    assert panel.trades.topLevelItemCount() == len(r.accounts)
    for i, a in enumerate(r.accounts):
        top = panel.trades.topLevelItem(i)
        assert top.text(0).startswith(a.name) and top.text(2) == str(len(a.trades))
        assert top.text(4) == f"{a.cash_before:,.2f} → {a.cash_after:,.2f}"
        rows = {top.child(j).text(0): top.child(j) for j in range(top.childCount())}
        assert set(rows) == set(a.shares_before) | set(a.shares_after) | {t.ticker for t in a.trades}
        for t in a.trades:
            row = rows[t.ticker]
            assert f"{t.side.value.upper()} " in row.text(2)
            before, after = a.shares_before.get(t.ticker, 0.0), a.shares_after.get(t.ticker, 0.0)
            assert after - before == (t.shares if t.side.value == "buy" else -t.shares)
            assert row.childCount() == len(t.lots)


def test_position_shares_are_edited_in_the_tree(window, workspace, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An imported (household) scenario's holdings are edited per account: shares in place, lots trimmed,
    too many shares for the lots refused in words, a new holding added to the selected account."""
    from PySide6.QtWidgets import QInputDialog

    sc = _couple()
    with qtbot.waitSignal(workspace.settled, timeout=30000):
        workspace.set_document(sc, None)
    panel = window.household
    joint = panel.tree.topLevelItem(0)
    ijr_box = panel.tree.itemWidget(joint.child(1), 2)  # IJR 40 shares, no lots
    assert ijr_box.value() == 40
    ijr_box.setValue(35)
    assert workspace.scenario.household.account("joint").shares_of("IJR") == 35
    assert workspace.scenario.portfolio.shares_of("IJR") == sc.portfolio.shares_of("IJR") - 5
    joint = panel.tree.topLevelItem(0)  # the tree is rebuilt after an edit
    iwm_box = panel.tree.itemWidget(joint.child(0), 2)  # IWM 260 shares in two lots
    iwm_box.setValue(300)
    assert workspace.scenario.household.account("joint").shares_of("IWM") == 260  # refused
    assert "tax lots for 260 shares" in panel.problem.text()
    iwm_box = panel.tree.itemWidget(panel.tree.topLevelItem(0).child(0), 2)
    iwm_box.setValue(250)
    iwm = next(p for p in workspace.scenario.household.account("joint").positions if p.ticker == "IWM")
    assert iwm.shares == 250 and sum(lot.shares for lot in iwm.lots) == 250
    # add VBR to the Roth
    panel.tree.setCurrentItem(panel.tree.topLevelItem(3))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("vbr", True))
    monkeypatch.setattr(QInputDialog, "getDouble", lambda *a, **k: (12.0, True))
    panel.add_holding_button.click()
    assert workspace.scenario.household.account("roth-park").shares_of("VBR") == 12


def test_lines_held_but_not_rebalanced_show_under_their_account(window, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from engine.model.household import HeldOutside, with_household

    sc = _couple()
    fund = HeldOutside("VGI007743", 13385.75, "mutual fund")
    roth = replace(sc.household.account("roth-park"), held=(fund,))
    accounts = tuple(roth if a.id == "roth-park" else a for a in sc.household.accounts)
    with qtbot.waitSignal(workspace.settled, timeout=30000):
        workspace.set_document(with_household(sc, replace(sc.household, accounts=accounts)), None)
    top = window.household.tree.topLevelItem(3)
    row = top.child(top.childCount() - 1)  # after the positions
    from gui import fmt

    money = fmt.money(13385.75, 2)  # the locale's digits ($13,385.75 in English)
    assert money.replace(",", "") == "$13385.75"
    assert [row.text(c) for c in range(4)] == ["VGI007743", "not rebalanced", money, "mutual fund"]
    assert "never traded" in row.toolTip(0)
    # it is no position: the account's positions and the scenario's holdings are unchanged
    assert workspace.scenario.household.account("roth-park").positions == roth.positions
    assert "VGI007743" not in {h.ticker for h in workspace.scenario.portfolio.holdings}
    # the trades per account list it too, with its value and no trade
    result = window.household.trades
    roth_row = next(
        result.topLevelItem(i)
        for i in range(result.topLevelItemCount())
        if result.topLevelItem(i).text(0).startswith(roth.name)
    )
    held_row = next(
        roth_row.child(j) for j in range(roth_row.childCount()) if roth_row.child(j).text(0) == "VGI007743"
    )
    assert held_row.text(2) == "" and held_row.text(3) == money
    assert held_row.text(6).startswith("held, not rebalanced") and held_row.text(6).endswith("(mutual fund)")
