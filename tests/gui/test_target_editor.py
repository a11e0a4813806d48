"""Editing the whole target tree: the pure tree edits (checked by hand-computed sums), the editor dialog,
File > New templates, ticker completion and the bounds shown under the sliders."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer

from engine.model.scenario import Band, Role
from gui import templates, tree_edits


def sub_weights(tree, sleeve: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    return {a.ticker: a.weight for s in tree.sleeves if s.name == sleeve for a in s.assets}


def test_adding_and_removing_tickers_keeps_sub_weights_at_100() -> None:
    sc = templates.template("iwm_value")  # Value: IWN 50 %, VBR 50 %
    t = tree_edits.add_ticker(sc.targets, "Value", "AVUV")
    # equal share for the newcomer (1/3), the others shrink in proportion: 50 % × 2/3 each
    assert sub_weights(t, "Value") == pytest.approx({"IWN": 1 / 3, "VBR": 1 / 3, "AVUV": 1 / 3})
    t = tree_edits.set_sub_weight(t, "Value", "IWN", 0.5)
    assert sub_weights(t, "Value") == pytest.approx({"IWN": 0.5, "VBR": 0.25, "AVUV": 0.25})
    t = tree_edits.remove_ticker(t, "Value", "IWN")
    assert sub_weights(t, "Value") == pytest.approx({"VBR": 0.5, "AVUV": 0.5})
    assert tree_edits.problem(sc, t) is None


def test_new_sleeve_then_make_it_add_up() -> None:
    sc = templates.template("iwm_value")  # Core 70, Value 30
    t = tree_edits.add_sleeve(sc.targets, "Growth", Role.SATELLITE, "IWO")
    t = tree_edits.set_sleeve(t, "Growth", weight=0.25)
    why = tree_edits.problem(sc, t)
    assert why is not None and "125" in why and "100 %" in why  # 70 + 30 + 25 = 125 %
    t = tree_edits.balance(t)
    weights = {s.name: s.weight for s in t.sleeves}
    assert weights == pytest.approx({"Core": 0.70 / 1.25, "Value": 0.30 / 1.25, "Growth": 0.25 / 1.25})
    assert tree_edits.problem(sc, t) is None


def test_rename_role_bounds_and_bands() -> None:
    sc = templates.template("total")
    t = tree_edits.rename_sleeve(sc.targets, "Value", "Small value")
    t = tree_edits.set_sleeve(t, "Small value", role="satellite", min_weight=0.02, band=Band(0.03, 0.2))
    t = tree_edits.set_ticker(t, "Small value", "VBR", ticker="AVUV", max_weight=0.08)
    s = next(x for x in t.sleeves if x.name == "Small value")
    assert s.min_weight == 0.02 and s.band == Band(0.03, 0.2)
    assert s.assets[0].ticker == "AVUV" and s.assets[0].max_weight == 0.08
    assert tree_edits.problem(sc, t) is None
    bad = tree_edits.set_sleeve(t, "Small value", min_weight=0.5, max_weight=0.1)
    assert "above maximum" in (tree_edits.problem(sc, bad) or "")


@pytest.mark.parametrize("key", list(templates.TEMPLATES))
def test_every_template_is_a_valid_scenario(key: str) -> None:
    sc = templates.template(key)
    assert tree_edits.problem(sc, sc.targets) is None
    assert sc.portfolio.holdings == () and sc.portfolio.cash > 0


def test_templates_have_what_their_titles_promise() -> None:
    def tickers(key: str) -> set[str]:
        return set(templates.template(key).targets.tickers)

    assert templates.template("iwm_value").targets.core.assets[0].ticker == "IWM"
    assert {"IWN", "VBR"} <= tickers("iwm_value")
    assert templates.template("vtwo_sp600_growth").targets.core.assets[0].ticker == "VTWO"
    assert {"IJR", "VBK"} <= tickers("vtwo_sp600_growth")
    total = templates.template("total").targets
    assert total.outside_sleeves and 0 < total.small_cap_weight < 1


def test_bundled_etf_list_has_names_and_no_duplicates() -> None:
    etfs = templates.etfs()
    assert len(etfs) >= 40
    assert len({e.ticker for e in etfs}) == len(etfs)
    assert all(e.name and e.category for e in etfs)
    for t in ("IWM", "VTWO", "IWN", "VBR", "IJR", "SPSM", "IWO", "VBK", "XLK"):
        assert templates.etf_name(t), t


def test_editor_dialog_builds_the_edited_scenario(app) -> None:  # type: ignore[no-untyped-def]
    from gui.target_editor import TargetEditor

    sc = templates.template("iwm_value")
    dlg = TargetEditor(sc, focus="Value")
    assert dlg.forms.currentWidget() is dlg.sleeve_form and dlg.sleeve_name.text() == "Value"
    assert dlg.add_sleeve("Growth", Role.SATELLITE, "iwo") is None
    ok = dlg.box.button(dlg.box.StandardButton.Ok)
    assert ok.isEnabled()  # a new sleeve at 0 % still adds up
    dlg.sleeve_weight.setValue(20.0)  # the new sleeve is selected
    assert not ok.isEnabled() and "120" in dlg.problem.text()
    dlg.balance_button.click()
    assert ok.isEnabled() and dlg.problem.text() == ""
    assert dlg.add_ticker("Growth", "IWO") is not None  # already in the tree: refused with a reason
    assert dlg.add_ticker("Growth", "VBK") is None
    dlg.select("Core")
    dlg.sleeve_min.setValue(50.0)
    dlg.notes.setPlainText("client A")
    new = dlg.edited()
    assert new.notes == "client A"
    assert new.targets.core.min_weight == pytest.approx(0.5)
    growth = next(s for s in new.targets.sleeves if s.name == "Growth")
    assert {a.ticker for a in growth.assets} == {"IWO", "VBK"}
    assert sum(s.weight for s in new.targets.sleeves) == pytest.approx(1.0)
    dlg.select("Growth", "VBK")
    dlg.remove_selected()
    dlg.select("Growth")
    dlg.remove_selected()
    assert [s.name for s in dlg.edited().targets.sleeves] == ["Core", "Value"]


def test_editor_applies_as_one_undo_step(loaded, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = workspace.scenario

    def edit() -> None:
        dlg = loaded._open_editor
        assert dlg is not None
        dlg.select(before.targets.core.name)
        dlg.sleeve_min.setValue(55.0)
        dlg.accept()

    QTimer.singleShot(0, edit)
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        assert loaded.edit_targets("")
    assert workspace.scenario.targets.core.min_weight == pytest.approx(0.55)
    # the bound now shows under the core slider, with a link to change it
    label = loaded.targets.bound_labels[f"sleeve:{before.targets.core.name}"]
    assert label.isVisible() and "55" in label.text() and "href" in label.text()
    workspace.undo()
    assert workspace.scenario == before


def test_file_new_from_each_template(window, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    for key in templates.TEMPLATES:
        window.new_from_template(key)
        assert workspace.scenario.targets == templates.template(key).targets
        assert workspace.path is None


def test_ticker_entry_completes_from_the_bundled_list(app) -> None:  # type: ignore[no-untyped-def]
    from gui.target_editor import ticker_edit, ticker_text

    edit = ticker_edit()
    completer = edit.completer()
    completer.setCompletionPrefix("VB")
    found = [completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())]
    assert "VBR — Vanguard Small-Cap Value ETF" in found and all(f.startswith("VB") for f in found)
    edit.setText("VBR — Vanguard Small-Cap Value ETF")
    assert ticker_text(edit) == "VBR"


def test_adding_a_holding_not_in_the_targets_asks_sleeve_or_sell(
    loaded, workspace, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    panel = loaded.holdings
    sc = workspace.scenario
    sleeve = next(s.name for s in sc.targets.sleeves if s.role is Role.SATELLITE)
    asked: list[str] = []

    def answer(choice):  # type: ignore[no-untyped-def]
        def ask(ticker, sleeves):  # type: ignore[no-untyped-def]
            asked.append(ticker)
            assert sleeve in sleeves
            return choice

        return ask

    monkeypatch.setattr(panel, "ask_sleeve_for", answer(None))  # cancel: nothing changes
    assert not panel.add_holding("AVUV") and workspace.scenario == sc and asked == ["AVUV"]
    monkeypatch.setattr(panel, "ask_sleeve_for", answer(sleeve))
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        assert panel.add_holding("avuv")
    new = workspace.scenario
    assert "AVUV" in new.portfolio.tickers and new.targets.sleeve_of("AVUV").name == sleeve
    monkeypatch.setattr(panel, "ask_sleeve_for", answer(""))  # sell it: held, no target
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        assert panel.add_holding("PSCT")
    assert "PSCT" in workspace.scenario.portfolio.tickers and "PSCT" not in workspace.scenario.targets.tickers
    asked.clear()
    sc = workspace.scenario
    not_held = [t for t in sc.targets.tickers if t not in sc.portfolio.tickers]
    if not_held:  # a targeted ticker is added without asking
        with qtbot.waitSignal(workspace.settled, timeout=20000):
            assert panel.add_holding(not_held[0])
        assert asked == []
