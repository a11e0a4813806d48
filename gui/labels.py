"""Labels for the slider path, which sets many of them per move: a text is set only when it changes, and
the targets' "now → after" figures are painted directly instead of as rich text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent, QShowEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

from gui import theme


def set_text(label: QLabel, text: str) -> bool:
    """Set ``text`` only when it changes (a label lays itself out again on every ``setText``); a label in a
    ``LabelSlot`` asks for a new layout only if it no longer fits. True when set."""
    if label.text() == text:
        return False
    label.setText(text)
    slot = label.parentWidget()
    if isinstance(slot, LabelSlot):
        slot.refit(by_text=True)
    return True


class NowAfterLabel(QWidget):
    """ "62.2 → 61.9": the first part in its own colour (the warning colour outside the band), the rest in
    the muted colour. A rich-text QLabel built a text document for each new figure and, laying it out while
    painting, asked for a second paint of its own; this draws two runs of plain text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._first = ""
        self._rest = ""
        self._first_color: QColor | None = None  # None: the muted colour

    def text(self) -> str:
        return self._first + self._rest

    def set_parts(self, first: str, rest: str, first_color: QColor | None = None) -> None:
        if (first, rest, first_color) != (self._first, self._rest, self._first_color):
            self._first, self._rest, self._first_color = first, rest, first_color
            self.setAccessibleName(self.text())  # what a screen reader reads, as it did from the QLabel
            self.update()

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(self.text()), fm.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._first and not self._rest:
            return
        p = QPainter(self)
        fm = self.fontMetrics()
        r = self.contentsRect()
        baseline = r.top() + (r.height() - fm.height()) // 2 + fm.ascent()
        muted = theme.muted()
        p.setPen(self._first_color or muted)
        p.drawText(r.left(), baseline, self._first)
        p.setPen(muted)
        p.drawText(r.left() + fm.horizontalAdvance(self._first), baseline, self._rest)


class LabelSlot(QWidget):
    """A label's place in a panel's layout, so that a new text lays out the label and not the whole panel.

    Any ``setText`` makes a QLabel ask its parent's layout to lay everything out again; in the result panel
    that meant measuring every wrapped rich-text label anew on each slider move (about a millisecond). The
    label lives in this widget instead, which has no layout of its own (so the request stops here) and
    answers the panel's layout with the label's own size hints. ``refit`` asks for a new layout only when
    the label no longer fits: a wrapped label whose height changed, or a one-line label whose text grew
    wider than its place (a shorter text keeps the place until the next layout). ``set_text`` refits at
    once, so that a new layout is asked for before the result is painted; a change of font or style (the
    label's layout request, which stops here) and being shown again refit too.
    """

    def __init__(self, label: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        label.setParent(self)
        self.setSizePolicy(label.sizePolicy())
        self.setMinimumSize(label.minimumSize())
        self.setMaximumSize(label.maximumSize())
        self._refitted = False  # set_text refitted for the layout request the label has just posted

    def sizeHint(self) -> QSize:
        return self.label.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.label.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return self.label.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        return self.label.heightForWidth(width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.label.setGeometry(self.rect())

    def showEvent(self, event: QShowEvent) -> None:  # texts set while hidden posted no layout request
        self.refit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the label's size hints may have changed
            if self._refitted:
                self._refitted = False
            else:
                self.refit()
            return True
        return super().event(event)

    def refit(self, *, by_text: bool = False) -> None:
        """Ask the panel for a new layout if the label no longer fits its place."""
        self._refitted = by_text and self.isVisible()
        lab, w = self.label, self.width()
        if lab.wordWrap():  # laid out at its own width, which its paint then reuses (a minimumSizeHint
            fits = lab.heightForWidth(w) == self.height()  # would lay out a rich text twice more)
        else:
            need = _one_line_size(lab)
            fits = need.width() <= w and need.height() <= self.height()
        if not fits:
            self.updateGeometry()


def _one_line_size(label: QLabel) -> QSize:
    """The size an unwrapped label's text needs: from the font metrics for plain text (QLabel's sizeHint
    lays the text out three times, for its size hint and both ends of its minimum size)."""
    text, form = label.text(), label.textFormat()
    if form == Qt.TextFormat.RichText or (form == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)):
        return label.sizeHint()
    m = label.contentsMargins()
    pad = 2 * label.margin()
    size = label.fontMetrics().size(0, text)
    return QSize(size.width() + m.left() + m.right() + pad, size.height() + m.top() + m.bottom() + pad)
