"""The review table model and its "needs action" filter, without any widget."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from engine.report.review import FAILED, ReviewRow
from gui.book.review_model import ROW_ROLE, SORT_ROLE, Column, ReviewFilter, ReviewModel

D = Qt.ItemDataRole.DisplayRole


def row(
    hid: int, client: str, status: str = "draft", trades: int | None = 2, result: str = "ok", **kw
) -> ReviewRow:  # type: ignore[no-untyped-def]
    if status == FAILED:
        return ReviewRow(hid, client, "Household", FAILED, problems=kw.get("problems", "2 accounts"))
    return ReviewRow(
        hid,
        client,
        "Household",
        status,
        proposal_id=100 + hid,
        result_status=result,
        drift=kw.get("drift", 0.0512),
        trades=trades,
        cost=kw.get("cost", 4.2811),
        vol_before=0.2225,
        vol_after=0.1997,
        problems=kw.get("problems", ""),
    )


def test_columns_are_named_and_cells_formatted() -> None:
    m = ReviewModel()
    m.add_rows([row(1, "Smith")])
    heads = [m.headerData(c, Qt.Orientation.Horizontal, D) for c in Column]
    assert heads == [
        "Client",
        "Household",
        "Drift",
        "Trades",
        "Cost",
        "Vol before",
        "Vol after",
        "Status",
        "Problems",
    ]
    cell = lambda c: m.data(m.index(0, c), D)  # noqa: E731
    assert cell(Column.CLIENT) == "Smith"
    assert cell(Column.DRIFT) == "5.1 pts"
    assert cell(Column.TRADES) == "2"
    assert cell(Column.COST) == "$4.28"
    assert cell(Column.VOL_BEFORE) == "22.3 %" and cell(Column.VOL_AFTER) == "20.0 %"
    assert cell(Column.STATUS) == "draft"
    assert m.data(m.index(0, Column.COST), SORT_ROLE) == 4.2811
    assert m.data(m.index(0, 0), ROW_ROLE).proposal_id == 101


def test_streamed_rows_append_and_a_known_household_updates_in_place() -> None:
    m = ReviewModel()
    inserted: list[tuple[int, int]] = []
    m.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    m.add_rows([row(1, "Smith"), row(2, "Jones")])
    m.add_rows([row(3, "Lee", FAILED)])
    assert inserted == [(0, 1), (2, 2)]
    changed: list[int] = []
    m.dataChanged.connect(lambda a, _b: changed.append(a.row()))
    m.replace(
        ReviewRow(
            2, "Jones", "Household", "approved", proposal_id=102, result_status="ok", trades=2, note="ok"
        )
    )
    assert m.rowCount() == 3 and changed == [1]
    assert m.data(m.index(1, Column.STATUS), D) == "approved"
    assert m.counts() == (3, 2)  # Smith (draft with trades) and Lee (failed)


def test_needs_action_filter_keeps_failed_infeasible_and_undecided_drafts_with_trades() -> None:
    m = ReviewModel()
    m.add_rows(
        [
            row(1, "Drafty"),
            row(2, "Quiet", trades=0, result="no_trades_needed"),
            row(3, "Done", status="approved"),
            row(4, "Broken", FAILED),
            row(5, "Stuck", trades=0, result="infeasible", problems="vol cap too low"),
            row(6, "Nope", status="rejected"),
        ]
    )
    f = ReviewFilter(m)
    assert f.rowCount() == 6
    f.set_needs_action_only(True)
    assert sorted(f.row_at(i).client for i in range(f.rowCount())) == ["Broken", "Drafty", "Stuck"]
    assert "nothing fits" in m.data(m.index(4, Column.STATUS), D)
    m.replace(ReviewRow(1, "Drafty", "Household", "approved", proposal_id=101, result_status="ok", trades=2))
    assert sorted(f.row_at(i).client for i in range(f.rowCount())) == ["Broken", "Stuck"]  # dynamic
    f.set_needs_action_only(False)
    assert f.rowCount() == 6


def test_sorting_uses_raw_values_not_text() -> None:
    m = ReviewModel()
    m.add_rows([row(1, "A", cost=9.5), row(2, "B", cost=10.25), row(3, "C", FAILED)])
    f = ReviewFilter(m)
    f.sort(Column.COST, Qt.SortOrder.DescendingOrder)
    assert [f.row_at(i).client for i in range(3)] == ["B", "A", "C"]  # "$10" sorts above "$9.50"


def test_a_households_orders_are_counted_per_account() -> None:
    from dataclasses import replace

    m = ReviewModel()
    accounts = (("Joint brokerage", 1), ("Lee IRA", 3), ("Park IRA", 2), ("Park Roth", 2))
    m.add_rows([replace(row(1, "Lee & Park", trades=8), accounts=accounts), row(2, "Smith", trades=3)])
    tip = Qt.ItemDataRole.ToolTipRole
    assert m.data(m.index(0, Column.TRADES), D) == "8 in 4 accounts"
    assert m.data(m.index(0, Column.TRADES), tip) == (
        "Orders per account:\nJoint brokerage: 1\nLee IRA: 3\nPark IRA: 2\nPark Roth: 2"
    )
    assert m.data(m.index(1, Column.TRADES), D) == "3" and m.data(m.index(1, Column.TRADES), tip) is None
    assert m.data(m.index(0, Column.TRADES), SORT_ROLE) == 8  # sorts by the number, not the text


def test_trades_name_only_the_accounts_that_get_orders() -> None:
    m = ReviewModel()
    five = (("Joint", 1), ("Lee IRA", 4), ("Park IRA", 1), ("Park Roth", 3), ("401(k)", 0))
    m.add_rows(
        [
            replace(row(1, "Lee & Park", trades=9), accounts=five),
            replace(row(2, "One trades", trades=3), accounts=(("Joint", 3), ("IRA", 0))),
        ]
    )
    assert m.data(m.index(0, Column.TRADES), D) == "9 in 4 accounts"  # the 401(k) gets none
    assert m.data(m.index(1, Column.TRADES), D) == "3"  # one account trades: no "in 1 accounts"
    tip = m.data(m.index(0, Column.TRADES), Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[1:] == ["Joint: 1", "Lee IRA: 4", "Park IRA: 1", "Park Roth: 3", "401(k): 0"]
