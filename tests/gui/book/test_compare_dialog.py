"""The comparison dialog: two scenario files solved in the background, and two stored proposals."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from engine.api import rebalance
from engine.market import MarketSnapshot
from engine.model import scenario_file
from engine.report.compare import SUMMARY, WEIGHTS
from tests.engine.book.builders import client_scenario, with_inline_market


def texts(dialog) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    t = dialog.table
    out = {}
    for r in range(t.rowCount()):
        first = t.item(r, 0)
        if first is not None and t.columnSpan(r, 0) == 1:
            out.setdefault(first.text(), [t.item(r, c).text() for c in range(1, t.columnCount())])
    return out


def test_two_scenario_files_side_by_side(app, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from gui.book.compare_dialog import CompareDialog

    tight = with_inline_market(client_scenario("Tight", vol_cap=0.18))
    loose = with_inline_market(client_scenario("Loose", vol_cap=None))
    paths = []
    for sc in (tight, loose):
        p = tmp_path / f"{sc.name}.coresat.toml"
        scenario_file.save(sc, p)
        paths.append(str(p))
    d = CompareDialog()
    qtbot.addWidget(d)
    with qtbot.waitSignal(d.compared, timeout=60000) as sig:
        d.add_files(paths)
    c = sig.args[0]
    assert set(c.labels) == {"Tight", "Loose"}
    # independent solves of the same files
    expect = {}
    for sc in (tight, loose):
        assert sc.market is not None
        expect[sc.name] = rebalance(sc, MarketSnapshot.from_inline(sc.market))
    for i, label in enumerate(c.labels):
        assert c.value(SUMMARY, "Volatility after")[i] == pytest.approx(expect[label].vol_after)
        iwm = next(a for a in expect[label].assets if a.ticker == "IWM")
        assert c.value(WEIGHTS, "IWM")[i] == pytest.approx(iwm.weight_after)
    shown = texts(d)
    i_tight = c.labels.index("Tight")
    assert shown["Volatility cap"][i_tight] == "18.00 %"
    assert shown["Volatility cap"][1 - i_tight] == "—"
    assert shown["Volatility after"][i_tight] == f"{100 * expect['Tight'].vol_after:.2f} %"
    d.only_diff.setChecked(True)
    assert "Portfolio value" not in texts(d)  # the same holdings: no difference
    assert d.table.item(0, 0).text() == "Result"
    assert d.table.item(1, 0).font().bold() or d.table.columnSpan(1, 0) > 1
    d.close()
    assert d.runner.shutdown()


def test_a_bad_scenario_file_is_one_line(app, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from gui.book.compare_dialog import CompareDialog

    bad = tmp_path / "bad.coresat.toml"
    bad.write_text("this is = = not toml", encoding="utf-8")
    d = CompareDialog()
    qtbot.addWidget(d)
    with qtbot.waitSignal(d.problem, timeout=30000) as sig:
        d.add_files([str(bad)])
    assert "\n" not in sig.args[0] and sig.args[0]
    assert d.comparison is None
    assert d.runner.shutdown()


def test_proposals_from_the_review_window(app, qtbot, ran_book) -> None:  # type: ignore[no-untyped-def]
    from gui.book.window import BookWindow

    url, _ = ran_book
    w = BookWindow()
    w.quiet = True
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.opened, timeout=20000):
        w.open_url(url)
    w.table.selectAll()
    ids = [r.proposal_id for r in w.selected_rows() if r.proposal_id is not None]
    assert len(ids) == 4 and w.compare_button.isEnabled()
    w.compare_selected()
    d = w.compare_dialog
    qtbot.waitUntil(lambda: d.comparison is not None, timeout=30000)
    assert len(d.comparison.labels) == 4 and all(lbl.startswith("#") for lbl in d.comparison.labels)
    assert d.table.columnCount() == 5
    assert Qt.AlignmentFlag(d.table.item(0, 1).textAlignment()) & Qt.AlignmentFlag.AlignRight
    d.close()
    assert d.runner.shutdown() and w.runner.shutdown()
