"""gui.labels: a label in a LabelSlot lays out only itself for a new text that fits, asks its panel for a
new layout when it no longer fits (also when it was hidden), and NowAfterLabel draws its two parts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.labels import LabelSlot, NowAfterLabel, set_text


class LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def _panel(label: QLabel) -> tuple[QWidget, LabelSlot, QLabel]:
    panel = QWidget()
    lay = QVBoxLayout(panel)
    below = QLabel("below")
    slot = LabelSlot(label)
    lay.addWidget(slot)
    lay.addWidget(below)
    lay.addStretch(1)
    panel.resize(300, 400)
    panel.show()
    return panel, slot, below


def test_a_new_text_that_fits_does_not_lay_out_the_panel(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("12.3 %")
    panel, slot, _below = _panel(label)
    qtbot.waitExposed(panel)
    app.processEvents()
    requests = LayoutRequests()
    panel.installEventFilter(requests)
    assert set_text(label, "45.6 %")
    assert not set_text(label, "45.6 %")  # unchanged: nothing set
    app.processEvents()
    assert requests.count == 0
    assert label.text() == "45.6 %" and label.geometry() == slot.rect()


def test_a_wrapped_label_that_needs_more_lines_gets_them(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("<b>Buy 1 IWM</b>: short")
    label.setWordWrap(True)
    panel, slot, below = _panel(label)
    qtbot.waitExposed(panel)
    app.processEvents()
    one_line, below_y = slot.height(), below.y()
    set_text(label, "<b>Buy 1 IWM</b>: " + "a reason long enough to need several lines " * 4)
    app.processEvents()
    app.processEvents()
    assert slot.height() == label.heightForWidth(slot.width()) > one_line
    assert below.y() > below_y  # the panel was laid out again: what follows moved down
    set_text(label, "<b>Buy 1 IWM</b>: short")
    app.processEvents()
    app.processEvents()
    assert slot.height() == one_line and below.y() == below_y


def test_a_text_set_while_hidden_fits_when_shown(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("short")
    label.setWordWrap(True)
    panel, slot, _below = _panel(label)
    qtbot.waitExposed(panel)
    app.processEvents()
    panel.hide()
    set_text(label, "a text long enough to need several lines in a narrow panel " * 3)
    app.processEvents()
    panel.show()
    qtbot.waitExposed(panel)
    app.processEvents()
    app.processEvents()
    assert slot.height() == label.heightForWidth(slot.width())


def test_a_wider_one_line_text_widens_its_place(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("1")
    panel = QWidget()
    lay = QVBoxLayout(panel)
    slot = LabelSlot(label)
    lay.addWidget(slot)
    lay.addStretch(1)
    panel.show()
    qtbot.waitExposed(panel)
    app.processEvents()
    set_text(label, "a much longer one-line text than before")
    app.processEvents()
    app.processEvents()
    assert slot.width() >= label.fontMetrics().horizontalAdvance(label.text())


def test_now_after_label_draws_both_parts(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui import theme
    from tests.gui.test_screenshots import ink_pixels

    label = NowAfterLabel()
    label.resize(120, label.fontMetrics().height() + 4)
    label.set_parts("78.5", " → 70.3", theme.warn())
    assert label.text() == label.accessibleName() == "78.5 → 70.3"
    drawn = ink_pixels(label.grab().toImage(), threshold=200)
    label.set_parts("", "")
    assert drawn > 20 and ink_pixels(label.grab().toImage(), threshold=200) == 0
