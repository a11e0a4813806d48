"""Run by test_scale.py in its own process (the scale factor is fixed when Qt starts): the main window on a
1024×768 logical screen at 2× pixels, with a result shown; prints what the test checks as JSON."""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel, QWidget


def main() -> None:
    app = QApplication(sys.argv[:1])
    from gui import theme
    from gui.mainwindow import MainWindow
    from gui.panels import charts
    from gui.workspace import Workspace
    from tests.gui.builders import fake_engine, twelve_asset_scenario

    theme.apply(app, dark=False)
    charts.configure()
    ws = Workspace(fake_engine())
    w = MainWindow(ws)
    w.ask_before_discard = False
    w.show()
    loop = QEventLoop()
    ws.settled.connect(loop.quit)
    QTimer.singleShot(30000, loop.quit)
    ws.set_document(twelve_asset_scenario(), None)
    loop.exec()
    w.fit_to_screen()
    for _ in range(5):
        app.processEvents()
    screen = w.screen()
    avail = screen.availableGeometry()
    win = w.rect()

    def inside(x: QWidget) -> bool:
        return win.contains(x.mapTo(w, x.rect().topLeft())) and win.contains(
            x.mapTo(w, x.rect().bottomRight())
        )

    def shown(x: QWidget) -> bool:
        return x.isVisible() and x.visibleRegion().boundingRect().width() > 0

    clipped = []
    checked = 0
    for label in w.findChildren(QLabel):
        text = label.text()
        if not shown(label) or not text or label.wordWrap() or "<" in text:
            continue
        if any(
            isinstance(p, QAbstractScrollArea)
            and p.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            for p in _ancestors(label, w)
        ):
            continue  # inside a scroll area that scrolls sideways: reachable by scrolling
        checked += 1
        if label.width() < label.minimumSizeHint().width():
            clipped.append(
                f"{type(label.parent()).__name__}: {text!r} {label.width()} < {label.minimumSizeHint().width()}"
            )
    image = w.grab()
    print(
        json.dumps(
            {
                "ratio": screen.devicePixelRatio(),
                "screen": [avail.width(), avail.height()],
                "window": [w.width(), w.height()],
                "min_hint": [w.minimumSizeHint().width(), w.minimumSizeHint().height()],
                "image": [image.width(), image.height()],
                "image_ratio": image.devicePixelRatio(),
                "outside": [
                    type(x).__name__
                    for x in (w.statusBar(), w.result.notes, w.result.table, w.holdings.table, w.targets)
                    if shown(x) and not inside(x)
                ],
                "clipped": clipped,
                "labels_checked": checked,
                "result": ws.result is not None,
                "env": os.environ.get("QT_SCALE_FACTOR"),
            }
        )
    )
    ws.runner.shutdown()


def _ancestors(widget: QWidget, top: QWidget) -> list[QWidget]:
    out = []
    p = widget.parentWidget()
    while p is not None and p is not top:
        out.append(p)
        p = p.parentWidget()
    return out


if __name__ == "__main__":
    main()
