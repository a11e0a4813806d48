"""Data → Reset Damaged Price Store…: only a store that is really damaged is offered a reset.

The store is read on a worker (the UI thread never waits); a damaged one is offered a reset that keeps
the damaged file as a dated backup; a busy, read-only or newer store, or a healthy one, is left alone
with a message saying why.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from engine.data.store import PriceStore
from engine.data.store_errors import StoreError
from gui.engine_texts import engine_phrase
from gui.runner import Runner

CHECK, RESET = "store-check", "store-reset"


class StoreReset(QObject):
    def __init__(
        self,
        parent: QWidget,
        runner: Runner,
        on_reset: Callable[[], None],
        store: Callable[[], PriceStore] = PriceStore,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._runner = runner
        self._on_reset = on_reset
        self._store = store
        runner.finished.connect(self._finished)
        runner.failed.connect(self._failed)

    def start(self) -> None:
        store = self._store()
        self._runner.submit(CHECK, lambda _ctx: (store, store.problem()))

    def _finished(self, kind: str, _gen: int, value: object) -> None:
        if kind == CHECK and isinstance(value, tuple):
            store, problem = value
            self._checked(store, problem)
        elif kind == RESET:
            backup = value if isinstance(value, Path) else None
            QMessageBox.information(
                self._parent,
                self.tr("Price store reset"),
                self.tr(
                    "The damaged price store was moved to {path}. Refresh Prices or import price files "
                    "to fill the new one."
                ).format(path=str(backup)),
            )
            self._on_reset()

    def _failed(self, kind: str, _gen: int, exc: object) -> None:
        if kind in (CHECK, RESET):
            QMessageBox.warning(
                self._parent, self.tr("Price store"), engine_phrase(str(exc)) or type(exc).__name__
            )

    def _checked(self, store: PriceStore, problem: StoreError | None) -> None:
        if problem is None or not problem.can_reset:
            why = self.tr("it reads correctly") if problem is None else str(problem)
            QMessageBox.information(
                self._parent,
                self.tr("Price store"),
                self.tr("The price store is not damaged ({why}); nothing was changed.").format(why=why),
            )
            return
        answer = QMessageBox.question(
            self._parent,
            self.tr("Reset the damaged price store?"),
            self.tr("{problem}\n\nMove it aside as a backup and start an empty price store?").format(
                problem=str(problem)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._runner.submit(RESET, lambda _ctx: store.reset())
