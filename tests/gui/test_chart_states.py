"""Charts say why they are empty instead of showing bare axes, and label simulated price paths."""

from __future__ import annotations

from engine.result import Status
from gui.engine_calls import Outcome, Problem


def test_no_result_shows_the_reason_in_the_chart_area(loaded, workspace, app) -> None:  # type: ignore[no-untyped-def]
    charts = loaded.charts
    charts.draw_all()
    assert all(not v.notice.isVisible() for v in charts.views)
    bad = Outcome(workspace.scenario, problem=Problem("market data: no connection"))
    for view in charts.views:
        view.show_outcome(bad, workspace)
    charts.setCurrentWidget(charts.frontier)
    app.processEvents()
    view = charts.frontier
    assert view.notice.isVisible() and not view.plot.isVisible()
    assert "no connection" in view.notice.text()
    for v in charts.views:
        v.show_outcome(workspace.outcome, workspace)
    app.processEvents()
    assert view.plot.isVisible() and not view.notice.isVisible()


def test_growth_lines_differ_in_style_and_simulated_data_is_labelled(loaded, workspace, qtbot, app) -> None:  # type: ignore[no-untyped-def]
    charts = loaded.charts
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        charts.setCurrentWidget(charts.growth)
    app.processEvents()
    growth = charts.growth
    assert workspace.result is not None and workspace.result.status is not Status.INFEASIBLE
    assert growth.before.opts["pen"].style() != growth.after.opts["pen"].style()
    source = workspace.result.assumptions.price_source
    assert growth.simulated.isVisible() == ("simulated" in source.lower())
    from dataclasses import replace

    out = workspace.outcome
    r = out.result
    sim = replace(
        out, result=replace(r, assumptions=replace(r.assumptions, price_source="simulated demo data"))
    )
    growth.show_outcome(sim, workspace)
    app.processEvents()
    assert growth.simulated.isVisible()
    growth.show_outcome(out, workspace)
    assert not growth.simulated.isVisible()


def test_a_chart_not_built_yet_says_it_is_coming(workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Before the charts' libraries are loaded (after the first result, in the background: seconds on a
    busy machine) each chart tab says it is being drawn instead of showing an empty area; once built, the
    chart alone is there."""
    from PySide6.QtWidgets import QLabel

    from gui.panels.chartspanel import NAMES, ChartsPanel

    panel = ChartsPanel(workspace, lazy=True)
    qtbot.addWidget(panel)
    for i in range(len(NAMES)):
        labels = panel.widget(i).findChildren(QLabel)
        assert [lb.text() for lb in labels] == ["Drawing the chart…"], i
    panel.ensure_built()
    qtbot.wait(1)  # the labels are deleted on the next pass of the event loop
    for i, view in enumerate(panel.views):
        page = panel.widget(i)
        assert view.parent() is not None and page.isAncestorOf(view)
        assert "Drawing the chart…" not in [lb.text() for lb in page.findChildren(QLabel)], i
