"""The Accounts tab takes the trades column's room in the three-column layout, and gives it back."""

from __future__ import annotations


def test_accounts_tab_widens_the_third_column_and_gives_the_room_back(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: not window.compact, timeout=5000)
    window.charts.ensure_built()
    before = window.splitter.sizes()
    assert before[1] > 0 and not window.middle.isHidden()
    window.charts.setCurrentWidget(window.household)
    qtbot.waitUntil(lambda: window.middle.isHidden(), timeout=5000)
    wide = window.splitter.sizes()
    assert wide[0] == before[0]  # the targets keep their width
    assert wide[2] >= before[1] + before[2] - 2  # the trades column's room went to the Accounts tab
    window.charts.setCurrentIndex(0)  # back to a chart
    qtbot.waitUntil(lambda: not window.middle.isHidden(), timeout=5000)
    assert window.splitter.sizes() == before
