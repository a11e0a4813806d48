"""The review window at 1280×720 (light and dark): it renders at that size, every control is whole and
inside the window, and every column of the table is on screen without scrolling sideways."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QPushButton

from engine.batch.run import Executor


@pytest.mark.parametrize("dark", [False, True])
def test_review_window_fits_1280x720(app, qtbot, ran_book, tmp_path: Path, dark: bool) -> None:  # type: ignore[no-untyped-def]
    from gui import theme
    from gui.book.window import BookWindow

    theme.apply(app, dark=dark)
    try:
        w = BookWindow()
        w.quiet = True
        w.executor = Executor(workers=0)
        qtbot.addWidget(w)
        w.resize(1280, 720)
        w.show()
        with qtbot.waitSignal(w.opened, timeout=20000):
            w.open_url(ran_book[0])
        w.table.selectRow(0)
        assert w.minimumSizeHint().width() <= 1280 and w.minimumSizeHint().height() <= 720
        image = w.grab()
        assert (image.width(), image.height()) == (1280, 720)
        assert image.save(str(tmp_path / f"book-{'dark' if dark else 'light'}.png"))
        inside = QRect(0, 0, 1280, 720)
        for b in w.findChildren(QPushButton):
            if not b.isVisible():
                continue
            r = QRect(b.mapTo(w, b.rect().topLeft()), b.size())
            assert inside.contains(r), b.text()
            assert b.width() >= b.sizeHint().width(), f"{b.text()} is cut"
        head = w.table.horizontalHeader()
        assert head.length() <= w.table.viewport().width() + 1  # no sideways scrolling
        assert w.model.rowCount() == 5
    finally:
        theme.apply(app, dark=False)
