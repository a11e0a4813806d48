"""The chart tabs. The charts themselves (pyqtgraph, ``gui.panels.charts``) are built just after the first
result is on screen, so the window and the first trades do not wait for pyqtgraph to import. Their modules
(and those of the other tabs and menus) are imported on a plain thread (``gui.background_imports``); then
the charts and tabs are built one per event-loop pass, so the UI thread is never away for long. Only the
visible chart is redrawn when a result arrives; the others catch up when shown."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from gui import background_imports
from gui.engine_calls import Outcome
from gui.quiet_tabs import QuietTabWidget
from gui.workspace import Workspace

if TYPE_CHECKING:
    from gui.panels.charts import AllocationChart, ChartView, FrontierChart, PathChart, RiskChart

NAMES = ("allocation", "risk", "frontier", "growth", "drawdown")
# imported on a plain thread after the first result, before the charts and the other tabs are built
HEAVY_MODULES = (
    "pyqtgraph",
    "gui.panels.charts",
    "gui.panels.household_allocation",
    "gui.panels.exposure",
    "gui.panels.backtest",
    "gui.panels.stress",
    "gui.panels.household_tree",
    "gui.import_dialog",
    "gui.book.menu",
)


class ChartsPanel(QuietTabWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *, lazy: bool = True) -> None:
        super().__init__(parent)
        self.ws = workspace
        self._views: list[ChartView] = []
        self._build_scheduled = False
        self._holders: list[QWidget] = []
        # what is still to build, in order: the five charts, then the other tabs and menus (add_deferred)
        self._steps: deque[Callable[[], object]] = deque([self._configure_charts])
        self._steps.extend(partial(self._build_view, i) for i in range(len(NAMES)))
        self._poll = QTimer(self)  # the UI thread looks whether the background imports are done
        self._poll.setInterval(15)
        self._poll.timeout.connect(self._step_when_imported)
        self._wrapped: list[tuple[QWidget, QScrollArea]] = []  # (a tab's widget, the scroll area around it)
        titles = (
            self.tr("Allocation"),
            self.tr("Risk"),
            self.tr("Frontier"),
            self.tr("Growth"),
            self.tr("Drawdown"),
        )
        for title in titles:
            holder = QWidget()
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            # until the chart is built (its libraries load in the background after the first result): say so,
            # rather than an empty white area
            waiting = QLabel(self.tr("Drawing the chart…"))
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            waiting.setEnabled(False)  # greyed: a state, not content
            box.addWidget(waiting)
            self._holders.append(holder)
            self.addTab(holder, title)
        self._stale: set[int] = set()
        workspace.want_paths = False  # the first tab shown is the allocation
        self.currentChanged.connect(self._on_tab)
        workspace.outcomeChanged.connect(self._on_outcome)
        workspace.frontierChanged.connect(lambda _f: self._on_frontier())
        if not lazy:
            self.ensure_built()

    # -- the charts, built on first use ---------------------------------------------------------

    @property
    def built(self) -> bool:
        """The charts and every deferred tab and menu are there."""
        return not self._steps

    def ensure_built(self) -> None:
        """Build whatever is still to build, now (a caller that needs a chart or tab at once)."""
        self._poll.stop()
        while self._steps:
            self._steps.popleft()()

    def _configure_charts(self) -> None:
        from gui.panels import charts

        charts.configure()

    def _build_view(self, index: int) -> None:
        from gui.panels import charts

        if index == 0:  # a household: per account too
            from gui.panels.household_allocation import HouseholdAllocationChart

            view: ChartView = HouseholdAllocationChart()
        elif index == 1:
            view = charts.RiskChart()
        elif index == 2:
            view = charts.FrontierChart()
        else:
            view = charts.PathChart(NAMES[index])
        layout = self._holders[index].layout()
        assert layout is not None
        waiting = layout.takeAt(0)  # the "Drawing the chart…" label
        if waiting is not None and (label := waiting.widget()) is not None:
            label.deleteLater()
        layout.addWidget(view)
        self._views.append(view)
        self._stale.add(index)
        if index == self.currentIndex():
            self._draw(index)

    def _step_when_imported(self) -> None:
        if background_imports.done():
            self._poll.stop()
            self._next_step()

    def _next_step(self) -> None:
        """One step of the build, then the next on a later pass of the event loop."""
        if self._steps:
            self._steps.popleft()()
        if self._steps:  # a timer, not a posted call: a 0 ms call can run before the window's own timers
            QTimer.singleShot(1, self._next_step)

    def page_of(self, widget: QWidget | None) -> QWidget | None:
        """The page in the tab bar that shows ``widget`` (None for None)."""
        return None if widget is None else self._tab_of(widget)

    def add_deferred(self, build: Callable[[], object]) -> None:
        """``build`` adds more tabs when the charts are built (right after the first result, one step per
        pass of the event loop), so their imports do not delay the window. Runs at once when everything
        is already built."""
        if self.built:
            build()
        else:
            self._steps.append(build)

    @property
    def views(self) -> list[ChartView]:
        self.ensure_built()
        return self._views

    @property
    def allocation(self) -> AllocationChart:
        return self.views[0]  # type: ignore[return-value]

    @property
    def risk(self) -> RiskChart:
        return self.views[1]  # type: ignore[return-value]

    @property
    def frontier(self) -> FrontierChart:
        return self.views[2]  # type: ignore[return-value]

    @property
    def growth(self) -> PathChart:
        return self.views[3]  # type: ignore[return-value]

    @property
    def drawdown(self) -> PathChart:
        return self.views[4]  # type: ignore[return-value]

    def addTab(self, widget: QWidget, *args: object) -> int:
        """Another tab (exposure, backtest, ...). It scrolls rather than widening the window past a small
        screen: a tab's minimum width must not become the window's."""
        if widget in self._holders:
            return super().addTab(widget, *args)  # type: ignore[call-overload, no-any-return]
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(widget)
        self._wrapped.append((widget, scroll))
        return super().addTab(scroll, *args)  # type: ignore[call-overload, no-any-return]

    def _tab_of(self, widget: QWidget) -> QWidget:
        """The page in the tab bar that shows ``widget`` (a chart, a scrolled tab, or a page itself)."""
        if widget in self._views:
            return self._holders[self._views.index(widget)]
        return next((scroll for inner, scroll in self._wrapped if inner is widget), widget)

    def setCurrentWidget(self, widget: QWidget) -> None:
        """Accepts a chart or a tab's own widget as well as its page."""
        super().setCurrentWidget(self._tab_of(widget))

    def indexOf(self, widget: QWidget) -> int:
        return super().indexOf(self._tab_of(widget))

    def _build_soon(self) -> None:
        """After the first result has been painted: build the charts and draw the visible one."""
        if self._build_scheduled or self.built:
            return
        self._build_scheduled = True

        def build() -> None:
            # the first result's repaint is queued: let it reach the screen before pyqtgraph and the other
            # tabs are imported (on a plain thread) and built (in steps)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateRequest)
            if self.built:
                return
            background_imports.start(HEAVY_MODULES)
            self._poll.start()

        QTimer.singleShot(0, build)

    # -- drawing --------------------------------------------------------------------------------

    def _name(self, index: int) -> str:
        return NAMES[index] if 0 <= index < len(NAMES) else ""

    def _on_outcome(self, outcome: Outcome) -> None:
        self._stale = set(range(len(NAMES)))
        if not self.built:
            self._build_soon()
        self._draw(self.currentIndex())

    def _on_frontier(self) -> None:
        self._stale.add(NAMES.index("frontier"))
        self._draw(self.currentIndex())

    def _draw(self, index: int) -> None:
        if not self._name(index) or index >= len(self._views):
            return
        if index in self._stale and self.ws.outcome is not None:
            self._stale.discard(index)
            self._views[index].show_outcome(self.ws.outcome, self.ws)

    def _on_tab(self, index: int) -> None:
        name = self._name(index)
        # growth and drawdown cost a few ms per solve: computed only while one of them is shown, from the
        # result on screen (the workspace never solves again for a chart)
        self.ws.set_wanted(paths=name in ("growth", "drawdown"), frontier=name == "frontier")
        self._draw(index)

    def retheme(self) -> None:
        """Chart colours from the current palette (after the system switched light/dark)."""
        if not self._views:
            return
        from gui.panels import charts

        charts.retheme(self._views)
        self._stale = set(range(len(NAMES)))
        self._draw(self.currentIndex())

    def draw_all(self) -> None:
        """Bring every chart up to date (screenshots)."""
        self.ensure_built()
        for i in range(len(NAMES)):
            self._draw(i)
