"""Light and dark palettes following the system colour scheme, and the few semantic colours we use."""

from __future__ import annotations

import weakref
from typing import TypeVar

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

_dark = False
_muted: weakref.WeakKeyDictionary[QLabel, str] = weakref.WeakKeyDictionary()
_indicators: weakref.WeakSet[QWidget] = weakref.WeakSet()
W = TypeVar("W", bound=QWidget)


def is_dark() -> bool:
    return _dark


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def apply(app: QApplication, dark: bool | None = None) -> None:
    """Fusion style with a light or dark palette (``None``: follow the system)."""
    global _dark
    _dark = system_is_dark() if dark is None else dark
    app.setStyle("Fusion")
    app.setPalette(_dark_palette() if _dark else _light_palette())
    for label, extra in list(_muted.items()):
        if not shiboken6.isValid(label):  # its window is gone
            del _muted[label]
            continue
        label.setStyleSheet(f"color: {muted().name()}; {extra}")
    for widget in list(_indicators):
        if shiboken6.isValid(widget):
            _fix_indicator(widget)


def visible_checkboxes(widget: W) -> W:
    """Check boxes in ``widget`` (a QCheckBox or an item view) with an outline that shows in both palettes.

    Fusion draws an unchecked box's outline in the Window colour darkened by 40 %, which on the dark palette
    is black on black. Such widgets get a lighter Window colour (they never fill their background with it).
    """
    _indicators.add(widget)
    _fix_indicator(widget)
    return widget


def _fix_indicator(widget: QWidget) -> None:
    p = QPalette(QApplication.palette())
    if _dark:
        p.setColor(QPalette.ColorRole.Window, QColor("#a2a8b3"))
    widget.setPalette(p)


def mute(label: QLabel, extra: str = "") -> QLabel:
    """Secondary text in the muted colour of the current palette (kept up to date by ``apply``)."""
    _muted[label] = extra
    label.setStyleSheet(f"color: {muted().name()}; {extra}")
    return label


def _light_palette() -> QPalette:
    p = QPalette()
    p.setColor(QPalette.ColorRole.Window, QColor("#f4f5f7"))
    p.setColor(QPalette.ColorRole.WindowText, QColor("#1d2129"))
    p.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#f0f2f5"))
    p.setColor(QPalette.ColorRole.Text, QColor("#1d2129"))
    p.setColor(QPalette.ColorRole.Button, QColor("#eceef1"))
    p.setColor(QPalette.ColorRole.ButtonText, QColor("#1d2129"))
    p.setColor(QPalette.ColorRole.Highlight, QColor("#2f6fdb"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffe8"))
    p.setColor(QPalette.ColorRole.ToolTipText, QColor("#1d2129"))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#7a808a"))
    p.setColor(QPalette.ColorRole.Link, QColor("#1f5fc9"))
    return p


def _dark_palette() -> QPalette:
    p = QPalette()
    p.setColor(QPalette.ColorRole.Window, QColor("#202328"))
    p.setColor(QPalette.ColorRole.WindowText, QColor("#e4e6ea"))
    p.setColor(QPalette.ColorRole.Base, QColor("#17191d"))
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#23262c"))
    p.setColor(QPalette.ColorRole.Text, QColor("#e4e6ea"))
    p.setColor(QPalette.ColorRole.Button, QColor("#2b2f36"))
    p.setColor(QPalette.ColorRole.ButtonText, QColor("#e4e6ea"))
    p.setColor(QPalette.ColorRole.Highlight, QColor("#3d7be6"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.ToolTipBase, QColor("#2b2f36"))
    p.setColor(QPalette.ColorRole.ToolTipText, QColor("#e4e6ea"))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8b919b"))
    p.setColor(QPalette.ColorRole.Link, QColor("#7fb0ff"))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6c717a"))
    return p


# -- semantic colours ---------------------------------------------------------------------------------


def buy() -> QColor:
    return QColor("#5cc98a") if _dark else QColor("#137a3f")


def sell() -> QColor:
    return QColor("#ff7b72") if _dark else QColor("#b42318")


def buy_bg() -> QColor:
    return QColor(40, 120, 70, 70) if _dark else QColor("#e7f6ec")


def sell_bg() -> QColor:
    return QColor(170, 50, 40, 70) if _dark else QColor("#fdecea")


def warn() -> QColor:
    return QColor("#ffb35c") if _dark else QColor("#b54708")


def warn_bg() -> QColor:
    return QColor(180, 110, 20, 70) if _dark else QColor("#fff3e0")


def ok() -> QColor:
    return buy()


def muted() -> QColor:
    return QColor("#8b919b") if _dark else QColor("#6b7280")


SERIES = {
    "current": "#8c96a5",
    "target": "#2f6fdb",
    "after": "#e8772e",
}


def series(name: str) -> QColor:
    return QColor(SERIES[name])


def chart_background() -> QColor:
    return QColor("#17191d") if _dark else QColor("#ffffff")


def chart_foreground() -> QColor:
    return QColor("#c9ccd1") if _dark else QColor("#30343b")


def css(color: QColor) -> str:
    """A colour for a style sheet, alpha included."""
    return f"rgba({color.red()}, {color.green()}, {color.blue()}, {color.alpha()})"
