"""pyqtgraph items that paint a slider move's chart update with less work: the bars keep their bounding
rectangle until they or the view change, and a legend is drawn from a cached pixmap."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem


class Bars(pg.BarGraphItem):  # type: ignore[misc]
    """A BarGraphItem whose bounding rectangle is computed once per data and view: pyqtgraph's computes it
    in Python, with the view's pixel size, each of the several times Qt asks for it per paint."""

    _bounds: QRectF | None = None

    def setOpts(self, **opts: Any) -> None:
        self._bounds = None  # before pyqtgraph announces the new geometry
        super().setOpts(**opts)

    def viewTransformChanged(self) -> None:  # the view's range or size: its pixel size
        self._bounds = None
        super().viewTransformChanged()

    def boundingRect(self) -> QRectF:
        if self._bounds is None:
            self._bounds = super().boundingRect()
        return self._bounds


def cache_legend(plot: pg.PlotWidget) -> None:
    """Draw the plot's legend (its frame, samples and labels) from pixmaps kept until one of them changes:
    the legend sits over the bars and was drawn again, in Python, with every slider move. Call after the
    plot's items were added (each adds its sample and label)."""
    legend = plot.getPlotItem().legend
    if legend is None:
        return
    stack: list[QGraphicsItem] = [legend]
    while stack:
        item = stack.pop()
        item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        stack.extend(item.childItems())
