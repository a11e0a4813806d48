"""File → Import Statement…: background read, preview, confirm, mapping dialog, drag-and-drop."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from engine.imports import mappings
from gui.csv_mapping_dialog import CsvMappingDialog
from gui.import_dialog import StatementPreview
from tests.engine.imports.conftest import fixture

pytestmark = pytest.mark.gui


@pytest.fixture
def opened(loaded, window):  # type: ignore[no-untyped-def]
    return window.statement_import


def _wait_dialog(qtbot, importer, cls):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(importer.dialog, cls) and importer.dialog.isVisible(), timeout=10000)
    return importer.dialog


def test_menu_has_the_action(window) -> None:  # type: ignore[no-untyped-def]
    file_menu = window.menuBar().actions()[0].menu()
    assert window.statement_import.action in file_menu.actions()
    assert window.acceptDrops()


def test_preview_then_replace_applies_and_undo_restores(opened, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = workspace.scenario
    opened.open_path(fixture("schwab_all_accounts.csv"))
    dialog = _wait_dialog(qtbot, opened, StatementPreview)
    assert workspace.scenario == before  # nothing changes before the user confirms
    assert dialog.tree.topLevelItemCount() == 2 and dialog.mismatches == 0
    first = dialog.tree.topLevelItem(0)
    assert first.text(0).startswith("Individual Brokerage")
    symbols = [first.child(i).text(0) for i in range(first.childCount())]
    assert symbols[:3] == ["IWM", "AVUV", "AAPL 06/20/2025 200.00 C"]
    assert "held, not rebalanced" in first.child(2).text(4)
    # per account: where it goes and what changes there
    assert first.text(5) == "→ new account Individual Brokerage …4821 (taxable)"
    assert dialog.tree.topLevelItem(1).text(5) == "→ new account Roth IRA …9307 (Roth IRA)"
    assert first.child(0).text(5) == "+120 shares" and first.child(2).text(5) == ""
    text = dialog.changes.toPlainText()
    assert "Roth IRA …9307 (Roth IRA): new account" in text
    assert dialog.replace_button.text() == "Update accounts"
    dialog.replace_button.click()
    hh = workspace.scenario.household
    assert [a.name for a in hh.accounts] == ["Individual Brokerage …4821", "Roth IRA …9307"]
    assert {p.ticker: p.shares for p in hh.accounts[1].positions} == {"IWM": 30}
    shares = {h.ticker: h.shares for h in workspace.scenario.portfolio.holdings}
    assert shares == {"IWM": 150, "AVUV": 85.5}
    assert workspace.scenario.portfolio.cash == pytest.approx(8013.35 + 761.75)
    assert workspace.scenario.targets == before.targets
    workspace.undo()
    assert workspace.scenario == before


def test_lots_file_adds_lots_and_a_mismatch_changes_nothing(opened, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = workspace.scenario
    opened.open_path(fixture("schwab_lot_details.csv"))  # the scenario holds no 120 IWM: refused
    box = _wait_dialog(qtbot, opened, QMessageBox)
    assert "the lots in the file hold" in opened.problem and "import a positions file" in opened.problem
    assert "Nothing was changed" in box.text()
    box.close()
    assert workspace.scenario == before
    opened.open_path(fixture("schwab_all_accounts.csv"))
    _wait_dialog(qtbot, opened, StatementPreview).replace_button.click()
    positions = workspace.scenario
    opened.open_path(fixture("schwab_lot_details.csv"))
    dialog = _wait_dialog(qtbot, opened, StatementPreview)
    assert dialog.replace_button.text() == "Add lots"
    assert dialog.tree.topLevelItem(0).text(5) == "→ adds lots to Individual Brokerage …4821 (taxable)"
    dialog.replace_button.click()
    iwm = workspace.scenario.household.accounts[0].positions[0]
    assert [lo.shares for lo in iwm.lots] == [50, 25, 45]
    assert workspace.scenario.portfolio == positions.portfolio  # no shares or cash changed
    workspace.undo()
    assert workspace.scenario == positions


def test_cancel_changes_nothing(opened, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = workspace.scenario
    opened.open_path(fixture("etrade_positions.qfx"))
    dialog = _wait_dialog(qtbot, opened, StatementPreview)
    dialog.reject()
    assert workspace.scenario == before and not workspace.can_redo()


def test_total_mismatch_is_shown_in_red(opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    opened.open_path(fixture("schwab_total_mismatch.csv"))
    dialog = _wait_dialog(qtbot, opened, StatementPreview)
    assert dialog.mismatches == 1
    top = dialog.tree.topLevelItem(0)
    rec = top.child(top.childCount() - 1)
    assert "does NOT match" in rec.text(0) and "-100.00" in rec.text(0)
    assert rec.foreground(0).color().red() > 150
    dialog.reject()


def test_bad_file_says_line_and_why_and_changes_nothing(opened, workspace, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = workspace.scenario
    bad = tmp_path / "bad.csv"
    bad.write_text(fixture("schwab_single_2023.csv").read_text().replace('"250"', '"2x50"'))
    opened.open_path(bad)
    box = _wait_dialog(qtbot, opened, QMessageBox)
    assert "bad.csv: line 4: quantity: '2x50' is not a number" in opened.problem
    assert "Nothing was changed" in box.text()
    box.close()
    assert workspace.scenario == before


def test_unknown_csv_opens_mapping_dialog_with_live_preview_and_remembers(opened, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    opened.open_path(fixture("needs_mapping.csv"))
    dialog = _wait_dialog(qtbot, opened, CsvMappingDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.header.value() == 3  # the widest line is taken as the header
    guessed = {f: b.currentData() for f, b in dialog.columns.items()}
    assert guessed == {"symbol": 0, "quantity": 1, "price": 2, "market_value": 3, "basis": 4, "account": -1}
    assert ok.isEnabled()
    qty = dialog.columns["quantity"]
    qty.setCurrentIndex(qty.findData(-1))
    assert not ok.isEnabled() and "no quantity column" in dialog.status.text()
    qty.setCurrentIndex(qty.findData(1))
    assert ok.isEnabled()
    assert dialog.raw.rowCount() >= 4
    assert dialog.read_table.rowCount() == 2
    assert dialog.read_table.item(0, 1).text().replace(",", "") == "1000"
    dialog.columns["quantity"].setCurrentIndex(dialog.columns["quantity"].findData(4))  # "(1,200.00)"
    assert dialog.read_table.item(0, 1).text().startswith("-")  # parentheses read as negative, live
    dialog.columns["quantity"].setCurrentIndex(dialog.columns["quantity"].findData(1))
    ok.click()
    preview = _wait_dialog(qtbot, opened, StatementPreview)
    assert [p.symbol for p in preview.statement.positions] == ["IWM", "AVUV"]
    assert len(mappings.load_all()) == 1
    preview.reject()
    opened.open_path(fixture("needs_mapping.csv"))  # the saved mapping is reused: straight to the preview
    again = _wait_dialog(qtbot, opened, StatementPreview)
    assert again is not preview and [p.quantity for p in again.statement.positions] == [1000, 20]
    again.reject()


def test_mapping_dialog_guesses_european_files(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    text = fixture("european.csv").read_text(encoding="utf-8-sig")
    dialog = CsvMappingDialog(text, "european.csv")
    qtbot.addWidget(dialog)
    assert dialog.delimiter.currentData() == ";" and dialog.decimal.currentData() == ","
    assert dialog.preview is not None
    assert [p.quantity for p in dialog.preview.positions] == [1200, 12.5]


def test_drop_a_file_on_the_window(opened, window, qtbot) -> None:  # type: ignore[no-untyped-def]
    text_only = QMimeData()
    text_only.setText("IWM 100")
    refused = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        text_only,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, refused)
    assert not refused.isAccepted()  # only a single local file is taken
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(fixture("ibkr_flex.xml")))])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    dialog = _wait_dialog(qtbot, opened, StatementPreview)
    assert dialog.statement.layout == "IBKR Flex Query XML"
    dialog.reject()


def test_preview_of_a_matched_account_lists_what_goes(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    from engine.imports.detect import read_file
    from engine.imports.into_household import apply_to_household
    from engine.model.household import Account, Household, Position, with_household
    from tests.helpers import core_satellite

    joint = Account(
        id="joint", name="Joint 4821", broker="Schwab", positions=(Position("IWM", 100), Position("IJR", 10))
    )
    sc = with_household(core_satellite({}), Household("h", "H", (joint,)))
    st = read_file(fixture("schwab_all_accounts.csv"))
    new, changes = apply_to_household(st, sc)
    dialog = StatementPreview(st, new, changes)
    qtbot.addWidget(dialog)
    first = dialog.tree.topLevelItem(0)
    assert first.text(5) == "→ updates Joint 4821 (taxable)"
    rows = {first.child(i).text(0): first.child(i).text(5) for i in range(first.childCount())}
    assert rows["IWM"] == "+20 shares" and rows["AVUV"] == "+85.5 shares"
    assert rows["IJR"] == "gone (was 10 shares)"
    from gui import fmt

    assert rows["cash"] == f"{fmt.money(0.0, 2)} → {fmt.money(8013.35, 2)}"  # the file's cash line


def test_preview_names_each_account_kind_in_the_users_words(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The Type column of an account row is the household account kind the statement's words name (what a
    new account gets), through the translations; the broker's own words are in its tooltip."""
    from engine.imports.detect import read_file
    from engine.imports.into_household import apply_to_household
    from tests.helpers import core_satellite

    st = read_file(fixture("schwab_all_accounts.csv"))
    new, changes = apply_to_household(st, core_satellite({}))
    dialog = StatementPreview(st, new, changes)
    qtbot.addWidget(dialog)
    kinds = {}
    for i in range(dialog.tree.topLevelItemCount()):
        item = dialog.tree.topLevelItem(i)
        kinds[item.text(0).split()[0]] = (item.text(4), item.toolTip(4))
    assert kinds["Individual"][0] == "taxable"
    assert kinds["Roth"] == ("Roth IRA", "The statement says: Roth IRA")
    added = {a.name: a.kind.label for a in new.household.accounts}  # what the household really got
    assert sorted(k for k, _ in kinds.values()) == sorted(added.values())


def test_preview_speaks_korean_in_its_heading_and_held_lines(app, qtbot, korean) -> None:  # type: ignore[no-untyped-def]
    """In Korean the heading's file layout and a held line's kind (option, mutual fund, bond) are Korean;
    what stays Latin is the file's own: names, tickers, the broker."""
    import re

    from engine.imports.detect import read_file
    from engine.imports.into_household import apply_to_household
    from tests.helpers import core_satellite

    st = read_file(fixture("schwab_all_accounts.csv"))
    new, changes = apply_to_household(st, core_satellite({}))
    dialog = StatementPreview(st, new, changes)
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QLabel

    head = next(lb.text() for lb in dialog.findChildren(QLabel) if "schwab_all_accounts.csv" in lb.text())
    assert "positions" not in head and re.search("[가-힣]", head), head
    held = []
    for i in range(dialog.tree.topLevelItemCount()):
        top = dialog.tree.topLevelItem(i)
        for j in range(top.childCount()):
            kind = top.child(j).text(4)
            if "(" in kind:  # held, not rebalanced (why)
                held.append(kind)
    assert len(held) == 3, held  # the option, the mutual fund and the bond of the fixture
    for kind in held:
        assert not re.search("[A-Za-z]{3,}", kind), kind  # "(option)" would be English
