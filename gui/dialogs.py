"""Small dialogs: holdings import preview and About."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import engine
from engine.model.scenario import Holding
from engine.result import DISCLAIMER
from gui import fmt
from gui.engine_texts import engine_text


class ImportPreview(QDialog):
    """Shows the parsed holdings; nothing changes unless the user presses Replace."""

    def __init__(self, holdings: tuple[Holding, ...], source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Dialogs", "Import holdings"))
        self.holdings = holdings
        lay = QVBoxLayout(self)
        lay.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "Dialogs", "{n} holdings read from {src}. They will replace the current holdings."
                ).format(n=len(holdings), src=source)
            )
        )
        table = QTableWidget(len(holdings), 3)
        table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("Dialogs", "Ticker"),
                QCoreApplication.translate("Dialogs", "Shares"),
                QCoreApplication.translate("Dialogs", "Price"),
            ]
        )
        table.verticalHeader().setVisible(False)
        for i, h in enumerate(holdings):
            table.setItem(i, 0, QTableWidgetItem(h.ticker))
            table.setItem(i, 1, QTableWidgetItem(fmt.shares(h.shares)))
            table.setItem(
                i,
                2,
                QTableWidgetItem(
                    fmt.money(h.price, 2)
                    if h.price
                    else QCoreApplication.translate("Dialogs", "market price")
                ),
            )
        table.resizeColumnsToContents()
        self.table = table
        lay.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.replace_button = buttons.addButton(
            QCoreApplication.translate("Dialogs", "Replace holdings"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(420, 360)


def about_text() -> str:
    return QCoreApplication.translate(
        "Dialogs",
        "<h3>Coresat {version}</h3>"
        "<p>Core/satellite small-cap rebalancing under a volatility limit.</p>"
        "<p><b>Data sources</b>: prices from Yahoo Finance (via yfinance) when online, kept in a local "
        "price store; otherwise the bundled <i>simulated</i> demo data, which is not real market data.</p>"
        "<p><b>{disclaimer}</b></p>",
    ).format(version=engine.__version__, disclaimer=engine_text(DISCLAIMER))


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("Dialogs", "About Coresat"), about_text())
