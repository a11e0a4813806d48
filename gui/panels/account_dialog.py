"""One account's settings: name, broker, cash buffer, its own cash flow (+ contribution, − withdrawal) and
its own no-buy / no-sell lists. The household's buffer and flow are the accounts' sums, so they are set
here, per account. Nothing changes until OK; the edit goes through engine.model.household_edit."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from engine.model.household import Account


def _money_box(value: float, lowest: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(lowest, 1e11)
    box.setDecimals(2)
    box.setPrefix("$ ")
    box.setSingleStep(100.0)
    box.setValue(value)
    return box


def _tickers(text: str) -> frozenset[str]:
    return frozenset(t.strip().upper() for t in text.replace(";", ",").split(",") if t.strip())


class AccountDialog(QDialog):
    def __init__(self, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Account {name}").format(name=account.name))
        self.name = QLineEdit(account.name)
        self.broker = QLineEdit(account.broker)
        self.buffer = _money_box(account.cash_buffer, 0.0)
        self.buffer.setToolTip(self.tr("Cash this account keeps after trading"))
        self.flow = _money_box(account.cash_flow, -1e11)
        self.flow.setToolTip(self.tr("Money paid into (+) or taken out of (−) this account now"))
        self.no_buy = QLineEdit(", ".join(sorted(account.no_buy)))
        self.no_buy.setPlaceholderText(self.tr("tickers, comma-separated"))
        self.no_sell = QLineEdit(", ".join(sorted(account.no_sell)))
        self.no_sell.setPlaceholderText(self.tr("tickers, comma-separated"))
        form = QFormLayout(self)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Broker:"), self.broker)
        form.addRow(self.tr("Cash buffer:"), self.buffer)
        form.addRow(self.tr("Add (+) / withdraw (−):"), self.flow)
        form.addRow(self.tr("Never buy here:"), self.no_buy)
        form.addRow(self.tr("Never sell here:"), self.no_sell)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def settings(self) -> dict[str, object]:
        """The keyword arguments of engine.model.household_edit.set_account_settings."""
        return {
            "name": self.name.text(),
            "broker": self.broker.text(),
            "cash_buffer": float(self.buffer.value()),
            "cash_flow": float(self.flow.value()),
            "no_buy": _tickers(self.no_buy.text()),
            "no_sell": _tickers(self.no_sell.text()),
        }
