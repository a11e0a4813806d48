"""The main window's Book menu: open / new client book, Rebalance All…, Compare…, Export Proposal PDF….

``install(window, before)`` adds the menu; the Book window is made on first use and kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from gui.book.window import BookWindow


class BookMenu:
    def __init__(self, window: QMainWindow, before: QAction | None = None) -> None:
        self.window = window
        self.book_window: BookWindow | None = None
        self.compare_dialog: object | None = None
        tr = window.tr
        self.menu = QMenu(tr("&Book"), window)
        self.act_open = self.menu.addAction(tr("&Open Book…"), lambda: self.show().open_dialog())
        self.act_new = self.menu.addAction(tr("&New Book…"), lambda: self.show().new_dialog())
        self.act_default = self.menu.addAction(tr("Open &My Book"), self.open_default)
        self.menu.addSeparator()
        self.act_review = self.menu.addAction(tr("&Review Window"), self.show)
        self.act_run = self.menu.addAction(tr("Rebalance &All…"), self.rebalance_all)
        self.act_compare = self.menu.addAction(tr("&Compare Scenarios…"), self.compare)
        self.act_pdf = self.menu.addAction(
            tr("Export Proposal &PDF…"), lambda: self.show().export_pdf_dialog()
        )
        self.act_pdf.setStatusTip(tr("Select one proposal in the review window first"))
        self.menu.addSeparator()
        self.act_scheduler = self.menu.addAction(tr("Dask &Scheduler…"), self.ask_scheduler)
        self.act_scheduler.setStatusTip(tr("Run Rebalance All on a Dask cluster instead of local processes"))
        bar = window.menuBar()
        if before is not None:
            bar.insertMenu(before, self.menu)
        else:
            bar.addMenu(self.menu)

    def _demo(self) -> bool:
        ws = getattr(self.window, "ws", None)
        return bool(getattr(ws, "force_demo", False))

    def show(self) -> BookWindow:
        if self.book_window is None:
            self.book_window = BookWindow(None, force_demo=self._demo)
        self.book_window.show()
        self.book_window.raise_()
        return self.book_window

    def open_default(self) -> int:
        from engine.book.db import default_url

        return self.show().open_url(default_url(), create=True)

    def rebalance_all(self) -> None:
        w = self.show()
        if w.url is None:
            w.opened.connect(lambda _where: w.rebalance_all(), type=Qt.ConnectionType.SingleShotConnection)
            self.open_default()
        else:
            w.rebalance_all()

    def ask_scheduler(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from gui import settings
        from gui.book.window import SCHEDULER_KEY

        now = str(settings.settings().value(SCHEDULER_KEY, "") or "")
        addr, ok = QInputDialog.getText(
            self.window,
            self.window.tr("Dask scheduler"),
            self.window.tr(
                "Scheduler address for Rebalance All (e.g. tcp://host:8786); empty: local processes"
            ),
            text=now,
        )
        if ok:
            self.set_scheduler(addr)

    @staticmethod
    def set_scheduler(addr: str) -> None:
        from gui import settings
        from gui.book.window import SCHEDULER_KEY

        settings.settings().setValue(SCHEDULER_KEY, addr.strip())

    def compare(self) -> None:
        from gui.book.compare_dialog import CompareDialog

        bw = self.book_window
        dialog = CompareDialog(self.window, url=bw.url if bw else None, force_demo=self._demo)
        dialog.show()
        self.compare_dialog = dialog
        dialog.add_files_dialog()

    def close(self) -> None:
        if self.book_window is not None:
            self.book_window.close()


def install(window: QMainWindow, before: QAction | None = None) -> BookMenu:
    return BookMenu(window, before)
