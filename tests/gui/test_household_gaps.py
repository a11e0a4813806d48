"""A household in the GUI: the "why in this account" clauses and the account kinds speak Korean; Export
trades writes per-account order files; the Constraints panel's cash buffer and cash flow are the accounts'
sums (read-only, pointing to the Account… dialog); the account column shows the whole "name — broker"."""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from pathlib import Path

from engine import resources
from engine.model import scenario_file as sf
from engine.report.orders import HEADER, per_account_paths

COUPLE = "household-couple-four-accounts.coresat.toml"
HANGUL = re.compile("[\uac00-\ud7a3]")
ENGLISH_WHERE = ("bought in", "sold in", "its cash", "paid by", "belongs in", "realizes no", "instead")


def _open_couple(workspace, qtbot):  # type: ignore[no-untyped-def]
    sc = replace(sf.loads(resources.read_text("examples", COUPLE)), market=None)
    with qtbot.waitSignal(workspace.settled, timeout=30000):
        workspace.set_document(sc, None)
    return workspace.outcome.extras["household"]


def test_where_clauses_and_kinds_speak_korean(korean, window, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui.message_texts import kind_label

    hr = _open_couple(workspace, qtbot)
    view = window.result.account_trades
    trading = [a for a in hr.accounts if a.trades]
    assert view.topLevelItemCount() == len(trading)
    for i, a in enumerate(trading):
        top = view.topLevelItem(i)
        kind = kind_label(a.kind)
        assert HANGUL.search(kind) or kind in ("401(k)", "HSA"), kind  # the kinds here are translated
        assert top.text(0).startswith(f"{a.name} ({kind})")
        for j in range(len(a.trades)):
            why = top.child(j).text(6)
            assert " — " in why, why
            here = why.split(" — ", 1)[1]
            assert HANGUL.search(here) and not any(w in here for w in ENGLISH_WHERE), here
            assert a.name in here  # the account's own name is kept as is
    # the holdings tree's kind editors and the Accounts tab's per-account result
    editor = window.holdings.household
    combo = editor.tree.itemWidget(editor.tree.topLevelItem(0), 1)
    assert [combo.itemText(k) for k in range(combo.count())][:3] == ["과세", "전통 IRA", "로스 IRA"]
    accounts = window.household.trades
    window.household.catch_up()
    for i, a in enumerate(hr.accounts):
        top = accounts.topLevelItem(i)
        assert f"({kind_label(a.kind)}" in top.text(0)
        for k in range(top.childCount()):
            why = top.child(k).text(6)
            assert not any(w in why for w in ENGLISH_WHERE), why


def test_import_preview_names_the_account_kind_in_korean(korean) -> None:  # type: ignore[no-untyped-def]
    from engine.imports.changes import AccountChanges
    from gui.import_dialog import _where

    change = AccountChanges(
        "ira", "Lee IRA (traditional IRA)", "updated", name="Lee IRA", kind="traditional_ira"
    )
    assert "Lee IRA (전통 IRA)" in _where(change)
    older = AccountChanges("ira", "Lee IRA (traditional IRA)", "updated")  # no kind: the label as it is
    assert "Lee IRA (traditional IRA)" in _where(older)


def _read(path: Path) -> list[tuple[str, ...]]:
    with path.open(newline="", encoding="utf-8") as f:
        rows = [tuple(r) for r in csv.reader(f)]
    assert rows[0] == HEADER
    return rows[1:]


def test_export_trades_writes_each_accounts_orders(
    window, workspace, qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    hr = _open_couple(workspace, qtbot)
    target = tmp_path / "trades.csv"
    assert window.export_trades_to(target)
    paths = dict(zip(hr.account_ids, per_account_paths(target, list(hr.account_ids)), strict=True))
    trading = [a for a in hr.accounts if a.trades]
    assert sorted(tmp_path.iterdir()) == sorted(paths[a.id] for a in trading)  # no net file, no empty one
    for a in trading:
        want = sorted((a.id, t.side.value.upper(), t.ticker, f"{t.shares:g}", "MARKET") for t in a.trades)
        assert sorted(_read(paths[a.id])) == want
    shown = window.statusBar().currentMessage()
    assert all(paths[a.id].name in shown for a in trading), shown
    # a folder that does not exist: one warning naming the file, nothing written
    warned: list[str] = []
    monkeypatch.setattr("gui.window_files.QMessageBox.warning", lambda _w, _t, text: warned.append(text))
    assert not window.export_trades_to(tmp_path / "missing" / "trades.csv")
    assert len(warned) == 1 and "does not exist" in warned[0] and "\n" not in warned[0]
    assert not (tmp_path / "missing").exists()


def test_cash_buffer_and_flow_are_the_accounts_sums_on_a_household(window, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from tests.gui.builders import twelve_asset_scenario

    _open_couple(workspace, qtbot)
    panel = window.constraints
    hh = workspace.scenario.household
    assert panel.min_cash.value() == sum(a.cash_buffer for a in hh.accounts)
    assert panel.cash_flow.value() == sum(a.cash_flow for a in hh.accounts)
    for box in (panel.min_cash, panel.cash_flow):
        assert box.isReadOnly() and "Account…" in box.toolTip() and "sum" in box.suffix()
    before = workspace.scenario
    # the user types into the field and presses Enter: a read-only field takes nothing
    panel.min_cash.setFocus()
    qtbot.keyClicks(panel.min_cash.lineEdit(), "5")
    qtbot.keyClick(panel.min_cash.lineEdit(), Qt.Key.Key_Return)
    # a value set from code (a stray signal): no edit, no problem shown, the field shows the sum again
    panel.cash_flow.setValue(-500.0)
    assert workspace.scenario == before
    assert all(not p.isVisibleTo(window) for p in panel.problems.values())
    assert panel.cash_flow.value() == sum(a.cash_flow for a in hh.accounts)
    # each account's buffer is set in its Account… dialog: the field follows
    from gui.panels.account_dialog import AccountDialog

    editor = window.holdings.household
    editor.tree.setCurrentItem(editor.tree.topLevelItem(0))
    dialog = AccountDialog(hh.account(editor.selected_account()))
    dialog.buffer.setValue(dialog.buffer.value() + 300.0)
    with qtbot.waitSignal(workspace.settled, timeout=30000):
        editor.edit_account(dialog)
    assert panel.min_cash.value() == sum(a.cash_buffer for a in workspace.scenario.household.accounts)
    assert panel.min_cash.value() == sum(a.cash_buffer for a in hh.accounts) + 300.0
    # a flat scenario: editable again, with its own tooltip
    with qtbot.waitSignal(workspace.settled, timeout=30000):
        workspace.set_document(twelve_asset_scenario(), None)
    for box in (panel.min_cash, panel.cash_flow):
        assert not box.isReadOnly() and "Account…" not in box.toolTip() and not box.suffix()
    with qtbot.waitSignal(workspace.settled, timeout=30000):
        panel.min_cash.setValue(1234.0)
    assert workspace.scenario.constraints.min_cash == 1234.0


def test_account_names_are_whole_at_1280x720(window, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.resize(1280, 720)
    _open_couple(workspace, qtbot)
    tree = window.holdings.household.tree
    fm = tree.fontMetrics()
    for i, a in enumerate(workspace.scenario.household.accounts):
        item = tree.topLevelItem(i)
        title = f"{a.name} — {a.broker}"
        assert item.text(0) == title
        assert tree.columnWidth(0) >= fm.horizontalAdvance(title) + tree.indentation()  # not elided
        assert title in item.toolTip(0) and a.kind.label in item.toolTip(0)


def test_accounts_tab_shows_whole_account_titles(window, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui.panels.accounts_result import FIRST_MAX

    window.resize(1280, 720)
    _open_couple(workspace, qtbot)
    panel = window.household
    panel.catch_up()
    view = panel.trades
    fm = view.fontMetrics()
    for i in range(view.topLevelItemCount()):
        top = view.topLevelItem(i)
        title = top.text(0)
        assert top.toolTip(0) == title
        need = fm.horizontalAdvance(title) + view.indentation()
        assert view.columnWidth(0) >= min(need, FIRST_MAX), (title, view.columnWidth(0))


def test_every_where_and_kind_message_has_its_korean_text(korean) -> None:  # type: ignore[no-untyped-def]
    from engine.messages import ENGLISH, Message, MessageId, Name
    from gui.message_texts import render

    ids = [m for m in MessageId if m.value.startswith(("where.", "kind."))]
    assert len(ids) == 32
    for mid in ids:
        names = re.findall(r"\{(\w+)\}", ENGLISH[mid])
        m = Message.of(mid, **{n: Name(f"<{n}>") for n in names})
        ko = render(m)
        assert all(f"<{n}>" in ko for n in names), (mid, ko)  # every value kept
        if mid not in (MessageId.KIND_401K, MessageId.KIND_HSA):  # names Korean keeps as they are
            assert HANGUL.search(ko), (mid, ko)


def test_an_impossible_household_exports_nothing(
    window, workspace, qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from engine.model.household import with_household
    from engine.result import Status

    sc = replace(sf.loads(resources.read_text("examples", COUPLE)), market=None)
    accounts = list(sc.household.accounts)
    accounts[3] = replace(accounts[3], cash_flow=-90_000.0)  # the Roth cannot fund this from its holdings
    with qtbot.waitSignal(workspace.settled, timeout=30000):
        workspace.set_document(with_household(sc, replace(sc.household, accounts=tuple(accounts))), None)
    assert workspace.outcome.extras["household"].status is Status.INFEASIBLE
    assert not window.act_export.isEnabled() and "account's rules" in window.act_export.toolTip()
    warned: list[str] = []
    monkeypatch.setattr("gui.window_files.QMessageBox.warning", lambda _w, _t, text: warned.append(text))
    assert not window.export_trades_to(tmp_path / "trades.csv")
    assert len(warned) == 1 and "nothing was exported" in warned[0]
    assert list(tmp_path.iterdir()) == []


def test_export_asks_about_the_account_files_not_the_base_name(
    window, workspace, qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A household's export writes one file per trading account: the save dialog must not ask to replace
    the base name (never written), and one question lists the account files that would be replaced."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from engine.report.orders import household_order_paths

    hr = _open_couple(workspace, qtbot)
    base = tmp_path / "orders.csv"
    base.write_text("the user's own file\n", encoding="utf-8")
    files = [p for _, p in household_order_paths(base, hr)]
    asked: list[dict] = []  # type: ignore[type-arg]

    def save(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(kwargs)
        return str(base), "CSV (*.csv)"

    questions: list[str] = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr("gui.window_files.QFileDialog.getSaveFileName", save)
    monkeypatch.setattr(
        "gui.window_files.QMessageBox.question", lambda *a: (questions.append(a[2]), answer[0])[1]
    )
    window.files.export_trades()
    assert asked and asked[0]["options"] & QFileDialog.Option.DontConfirmOverwrite
    assert not questions, "only the base name exists: nothing to ask"
    assert all(p.exists() for p in files) and base.read_text(encoding="utf-8") == "the user's own file\n"
    # now the account files exist: one question naming them; "No" leaves them as they are
    before = {p: p.read_bytes() for p in files}
    for p in files:
        p.write_bytes(b"older orders\r\n")
    window.files.export_trades()
    assert len(questions) == 1 and all(p.name in questions[0] for p in files)
    assert all(p.read_bytes() == b"older orders\r\n" for p in files)
    answer[0] = QMessageBox.StandardButton.Yes
    window.files.export_trades()
    assert {p: p.read_bytes() for p in files} == before
