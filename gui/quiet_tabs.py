"""A QTabWidget that skips layout requests which change nothing.

A label's ``setText`` anywhere inside a page posts a layout request that climbs to the tab widget, and
QTabWidget answers every one by laying out its bar and pages again and repainting the whole widget — for a
slider move that is a repaint of the whole trades panel although no geometry changed. This subclass passes
a request on only when something the tab widget's layout depends on changed: its size, its tab bar's size,
or the size hints it reports to its parent (a page whose minimum grew still widens the window).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTabWidget, QWidget


class QuietTabWidget(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._laid_out_for: tuple[object, ...] | None = None

    def _layout_key(self) -> tuple[object, ...]:
        bar = self.tabBar()
        return (
            self.size(),
            self.count(),
            self.currentIndex(),
            bar.isVisible(),
            bar.sizeHint(),
            self.minimumSizeHint(),
            self.sizeHint(),
        )

    def event(self, ev: QEvent) -> bool:
        if ev.type() == QEvent.Type.LayoutRequest and self.isVisible():
            key = self._layout_key()
            if key == self._laid_out_for:
                return True  # nothing the layout depends on changed: no relayout, no full repaint
            self._laid_out_for = key
        return super().event(ev)
