"""Vector charts inside a QTextDocument: a text-object handler that draws grouped horizontal bars with
QPainter (lines and text in the PDF, never a bitmap). Used by the proposal PDF."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

CHART_TYPE = int(QTextFormat.ObjectTypes.UserObject) + 1
CHART_INDEX = int(QTextFormat.Property.UserProperty) + 1

SERIES_COLOURS = ("#9aa5b1", "#1f4e79", "#d08c2c", "#5b8c5a")


@dataclass(frozen=True)
class BarChart:
    """Groups of bars: ``rows`` are (label, values per series); values are fractions (shown as %)."""

    title: str
    series: tuple[str, ...]
    rows: tuple[tuple[str, tuple[float, ...]], ...]
    limit: float | None = None  # a dashed vertical line (e.g. the volatility cap)
    limit_label: str = ""


class ChartObjects(QPyTextObject):
    """Holds the charts of one document; a chart is inserted as one object character."""

    def __init__(self, doc: QTextDocument, dpi: float) -> None:
        super().__init__(doc)
        self.charts: list[BarChart] = []
        self.dpi = dpi
        doc.documentLayout().registerHandler(CHART_TYPE, self)

    def mm(self, v: float) -> float:
        return v * self.dpi / 25.4

    def insert(self, cursor: QTextCursor, chart: BarChart) -> None:
        fmt = QTextCharFormat()
        fmt.setObjectType(CHART_TYPE)
        fmt.setProperty(CHART_INDEX, len(self.charts))
        self.charts.append(chart)
        cursor.insertText("\ufffc", fmt)

    def _height(self, chart: BarChart) -> float:
        per_row = 3.2 * len(chart.series) + 2.5
        return self.mm(12 + per_row * len(chart.rows))

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        chart = self.charts[int(fmt.property(CHART_INDEX))]
        width = doc.pageSize().width() - 2 * doc.documentMargin() - 2
        return QSizeF(max(width, self.mm(80)), self._height(chart))

    def drawObject(
        self, p: QPainter, rect: QRectF | QRect, doc: QTextDocument, pos: int, fmt: QTextFormat
    ) -> None:
        chart = self.charts[int(fmt.property(CHART_INDEX))]
        rect = QRectF(rect)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        font = QFont(doc.defaultFont())
        font.setPointSizeF(7.5)
        p.setFont(font)
        fm = QFontMetricsF(font, p.device())
        label_w = max([fm.horizontalAdvance(r[0]) for r in chart.rows] + [self.mm(18)]) + self.mm(3)
        top = rect.top() + self.mm(7)
        # title and legend
        bold = QFont(font)
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(QColor("#222222"))
        p.drawText(QPointF(rect.left(), rect.top() + fm.ascent()), chart.title)
        p.setFont(font)
        x = rect.left() + QFontMetricsF(bold, p.device()).horizontalAdvance(chart.title) + self.mm(6)
        for i, name in enumerate(chart.series):
            p.fillRect(
                QRectF(x, rect.top() + self.mm(0.6), self.mm(3), self.mm(2.4)), QColor(SERIES_COLOURS[i % 4])
            )
            x += self.mm(4)
            p.drawText(QPointF(x, rect.top() + fm.ascent()), name)
            x += fm.horizontalAdvance(name) + self.mm(5)
        values = [v for _, vs in chart.rows for v in vs] + ([chart.limit] if chart.limit else [])
        vmax = max([*values, 0.01])
        top_value = _nice(vmax)
        plot = QRectF(
            rect.left() + label_w, top, rect.width() - label_w - self.mm(16), rect.bottom() - top - self.mm(4)
        )

        def xpos(v: float) -> float:
            return plot.left() + plot.width() * max(v, 0.0) / top_value

        # grid and axis labels
        grid = QPen(QColor("#dddddd"))
        grid.setWidthF(self.mm(0.15))
        for k in range(5):
            v = top_value * k / 4
            p.setPen(grid)
            p.drawLine(QPointF(xpos(v), plot.top()), QPointF(xpos(v), plot.bottom()))
            p.setPen(QColor("#666666"))
            text = f"{100 * v:.0f} %" if abs(100 * v - round(100 * v)) < 1e-9 else f"{100 * v:.1f} %"
            p.drawText(
                QPointF(xpos(v) - fm.horizontalAdvance(text) / 2, plot.bottom() + fm.ascent() + self.mm(0.5)),
                text,
            )
        bar_h = self.mm(2.6)
        y = plot.top() + self.mm(1)
        for label, vs in chart.rows:
            p.setPen(QColor("#222222"))
            group_h = bar_h * len(vs) + self.mm(0.6) * (len(vs) - 1)
            p.drawText(
                QRectF(rect.left(), y, label_w - self.mm(2), group_h),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            for i, v in enumerate(vs):
                bar = QRectF(plot.left(), y, xpos(v) - plot.left(), bar_h)
                p.fillRect(bar, QBrush(QColor(SERIES_COLOURS[i % 4])))
                p.setPen(QColor("#444444"))
                text = f"{100 * v:.1f} %"
                p.drawText(
                    QPointF(bar.right() + self.mm(1), y + bar_h / 2 + fm.ascent() / 2 - self.mm(0.3)), text
                )
                y += bar_h + self.mm(0.6)
            y += self.mm(2.5) - self.mm(0.6)
        if chart.limit is not None:
            pen = QPen(QColor("#b3261e"))
            pen.setWidthF(self.mm(0.35))
            pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            lx = xpos(chart.limit)
            p.drawLine(QPointF(lx, plot.top()), QPointF(lx, plot.bottom()))
            p.setPen(QColor("#b3261e"))
            p.drawText(QPointF(lx + self.mm(1), plot.top() - self.mm(1)), chart.limit_label)
        p.setPen(QPen(QColor("#888888"), self.mm(0.2)))
        p.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.left(), plot.bottom()))
        p.restore()


def _nice(v: float) -> float:
    """The axis end: the first of 4, 8, 20, 40, 60, 80, 100 % at or above ``v`` (quarter ticks stay round)."""
    for step in (0.04, 0.08, 0.2, 0.4, 0.6, 0.8, 1.0):
        if v <= step:
            return step
    return float(v)
