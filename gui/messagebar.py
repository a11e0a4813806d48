"""A message that stays until the user dismisses it, with an optional action (Retry): for problems that
must not vanish from a status line, such as a failed price refresh."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from gui import theme


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.action = QPushButton()
        self.second = QPushButton()  # another way out (next to "Use a Proxy…": "Leave Out of Risk")
        self.second.setVisible(False)
        self.close_button = QPushButton(self.tr("Dismiss"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.action)
        lay.addWidget(self.second)
        lay.addWidget(self.close_button)
        self._slot: Callable[[], object] | None = None
        self._second_slot: Callable[[], object] | None = None
        self.action.clicked.connect(self._run)
        self.second.clicked.connect(self._run_second)
        self.close_button.clicked.connect(self.dismiss)
        self.setVisible(False)

    def show_message(
        self,
        text: str,
        *,
        action: str = "",
        slot: Callable[[], object] | None = None,
        warn: bool = True,
        second: tuple[str, Callable[[], object]] | None = None,
    ) -> None:
        self.label.setText(text)
        self._slot = slot
        self.action.setText(action)
        self.action.setVisible(bool(action and slot))
        self._second_slot = second[1] if second else None
        self.second.setText(second[0] if second else "")
        self.second.setVisible(second is not None)
        fg, bg = (theme.warn(), theme.warn_bg()) if warn else (theme.chart_foreground(), theme.buy_bg())
        self.setStyleSheet(
            f"#messageBar {{ background: {theme.css(bg)}; border-radius: 4px }} QLabel {{ color: {fg.name()} }}"
        )
        self.setVisible(True)

    def dismiss(self) -> None:
        self.setVisible(False)
        self._slot = None
        self._second_slot = None

    def _run_second(self) -> None:
        slot = self._second_slot
        self.dismiss()
        if slot is not None:
            slot()

    def _run(self) -> None:
        slot = self._slot
        self.dismiss()
        if slot is not None:
            slot()
