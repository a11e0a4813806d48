"""The main window's layout: three columns or, on narrow screens, charts in a tab; fitting the screen; the
layout remembered per screen size."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QSize
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget, QWidget

from gui import settings

if TYPE_CHECKING:
    from gui.panels.chartspanel import ChartsPanel
    from gui.panels.result import ResultPanel

    _Base = QMainWindow
else:
    _Base = object

LEFT_MIN_WIDTH = 300
LEFT_DEFAULT_WIDTH = 425  # the targets rows (name, slider, spin box, now → after) without a scroll bar
# Below this width the charts move into a tab beside the trades (with some hysteresis against flicker).
COMPACT_BELOW = 1200


class WindowLayout(_Base):
    """Mixed into MainWindow (before QMainWindow): its show/resize events and remembered state."""

    compact: bool
    _layout_restored: bool
    _middle_fitted: bool  # the holdings / trades split was remembered or fitted to the first holdings
    splitter: QSplitter
    middle: QSplitter
    left: QSplitter
    lower_tabs: QTabWidget
    charts: ChartsPanel
    result: ResultPanel

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Another chart or analysis tab beside Allocation, Risk, Frontier, Growth and Drawdown."""
        return self.charts.addTab(widget, title)

    def set_compact(self, compact: bool) -> None:
        """Narrow windows: the charts become a tab beside the trades; wide ones: a third column."""
        if compact == self.compact:
            return
        self.compact = compact
        self.middle.show()  # the Accounts tab's wide layout (fit_wide_tab) belongs to three columns
        trades = QCoreApplication.translate("MainWindow", "Proposed trades")
        self.result.setTitle("" if compact else trades)  # the tab says it
        if compact:
            self.lower_tabs.addTab(self.charts, QCoreApplication.translate("MainWindow", "Charts"))
        else:
            self.lower_tabs.removeTab(self.lower_tabs.indexOf(self.charts))
            self.splitter.addWidget(self.charts)
            self.charts.show()
            self._default_sizes()
            self.fit_wide_tab()

    def fit_holdings_pane(self) -> None:
        """Once, for a window without a remembered layout: the holdings pane as tall as its rows need, the
        rest for the trades (a short holdings list left the trades table two rows high at 1280×720)."""
        holdings = self.middle.widget(0)
        wanted = getattr(holdings, "wanted_height", None)
        if self._middle_fitted or wanted is None or not self.isVisible():
            return
        total = sum(self.middle.sizes())
        top = min(int(wanted()), total * 45 // 100)
        if total > 0 and top > 0:
            self._middle_fitted = True
            self.middle.setSizes([top, total - top])

    def fit_wide_tab(self) -> None:
        """The Accounts tab (accounts → positions → lots, and the trades per account) in the third column
        takes the trades column's room while it is shown: its tables are then readable at 1280×720 (the
        holdings and trades it shows per account). Any other tab gives the trades column back."""
        if self.compact:
            if self.middle.isHidden():
                self.middle.show()
            return
        wide = self.charts.currentWidget() is self.charts.page_of(
            getattr(self, "_more_tabs", {}).get("household")
        )
        if wide and not self.middle.isHidden():
            self._sizes_before_wide = self.splitter.sizes()
            left, middle, right = self._sizes_before_wide
            self.middle.hide()
            self.splitter.setSizes([left, 0, middle + right])  # the targets keep their width
        elif not wide and self.middle.isHidden():
            self.middle.show()
            saved: list[int] | None = getattr(self, "_sizes_before_wide", None)
            if saved:
                self.splitter.setSizes(saved)

    def _default_sizes(self) -> None:
        """Column widths for a window without a remembered layout: the targets get what their rows need."""
        w = self.width()
        left = max(LEFT_DEFAULT_WIDTH, w * 30 // 100)
        if self.compact:
            self.splitter.setSizes([left, w - left])
        else:
            rest = w - left
            self.splitter.setSizes([left, rest * 56 // 100, rest - rest * 56 // 100])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._layout_restored:
            self._layout_restored = True
            self.set_compact(self.width() < COMPACT_BELOW)
            self._default_sizes()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        w = event.size().width()
        if not self._layout_restored:
            self.set_compact(w < COMPACT_BELOW)
            return
        if w < COMPACT_BELOW - 20:
            self.set_compact(True)
        elif w >= COMPACT_BELOW + 20:
            self.set_compact(False)

    def fit_to_screen(self) -> None:
        """Never larger than the screen's free area (a 1280×720 laptop, a restored layout from a bigger
        monitor): shrink and move the window inside it."""
        screen = self.screen()
        if screen is None:
            return
        avail = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()  # title bar and borders
        if not self.isVisible() or frame.height() <= 0:  # not decorated yet: leave room for a title bar
            frame = QSize(16, 40)
        w = min(self.width(), avail.width() - frame.width())
        h = min(self.height(), avail.height() - frame.height())
        if (w, h) != (self.width(), self.height()):
            self.resize(max(w, 200), max(h, 200))
        x = min(max(self.x(), avail.left()), avail.right() - self.width() - frame.width() + 1)
        y = min(max(self.y(), avail.top()), avail.bottom() - self.height() - frame.height() + 1)
        if (x, y) != (self.x(), self.y()):
            self.move(max(x, avail.left()), max(y, avail.top()))

    def _layout_prefix(self) -> str:
        """Layouts are remembered per screen size: a laptop panel and a desktop monitor each keep theirs."""
        screen = self.screen()
        size = screen.availableGeometry().size() if screen is not None else None
        return f"layout/{size.width()}x{size.height()}/" if size is not None else "layout/"

    def _splitter_key(self) -> str:
        return "splitter_compact" if self.compact else "splitter"

    def restore_state(self) -> None:
        s = settings.settings()
        prefix = self._layout_prefix()
        geometry = s.value(prefix + "geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
            self.set_compact(self.width() < COMPACT_BELOW)
        for key, fn in (
            ("window_state", self.restoreState),
            (self._splitter_key(), self.splitter.restoreState),
            ("middle", self.middle.restoreState),
            ("left", self.left.restoreState),
        ):
            value = s.value(prefix + key)
            if isinstance(value, QByteArray | bytes):
                fn(QByteArray(value))
                self._layout_restored = True
                self._middle_fitted = self._middle_fitted or key == "middle"

    def save_state(self) -> None:
        s = settings.settings()
        prefix = self._layout_prefix()
        s.setValue(prefix + "geometry", self.saveGeometry())
        s.setValue(prefix + "window_state", self.saveState())
        s.setValue(prefix + self._splitter_key(), self.splitter.saveState())
        s.setValue(prefix + "middle", self.middle.saveState())
        s.setValue(prefix + "left", self.left.saveState())
