"""The main window's market-data commands: refresh and import prices, demo data, the damaged-store reset,
and what the window says when prices arrive or fail."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QProgressDialog

from gui import edits, network
from gui.engine_calls import Outcome, Problem
from gui.engine_texts import engine_phrase, price_source_words

if TYPE_CHECKING:
    from engine.market import MarketSnapshot
    from gui.mainwindow import MainWindow
    from gui.store_reset import StoreReset


class MarketCommands(QObject):
    """Data menu and price messages; the window's methods of the same names call these."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ws = window.ws
        self.progress: QProgressDialog | None = None
        self._store_reset: StoreReset | None = None  # made on first use: its module imports pandas
        ws = self.ws
        ws.marketChanged.connect(self._on_market)
        ws.marketProblem.connect(self._on_market_problem)
        ws.marketProgress.connect(self._on_progress)
        ws.pricesImported.connect(self._on_prices_imported)
        ws.pricesImportFailed.connect(self._on_prices_import_failed)

    def _on_market(self, market: MarketSnapshot) -> None:
        date = market.as_of.isoformat() if market.as_of else self.tr("unknown date")
        self.window.source_label.setText(
            self.tr("Data: {src} · prices as of {date}").format(
                src=price_source_words(market.price_source), date=date
            )
        )
        for w in market.warnings:
            self.window.statusBar().showMessage(engine_phrase(w), 8000)
        if self.progress is not None:
            self.progress.reset()

    def _on_market_problem(self, message: str) -> None:
        if self.progress is not None:
            self.progress.reset()
        if message == network.NO_CONNECTION:
            text = self.tr("No connection to the internet: prices were not updated.")
        else:
            text = self.tr("Prices were not updated: {m}").format(m=engine_phrase(message))
        bar = self.window.message_bar
        if self.ws.market is not None:  # a refresh failed: keep the data and the result we have
            text += " " + self.tr("The prices and the result shown are kept.")
            bar.show_message(text, action=self.tr("Retry"), slot=self.refresh_prices)
            return
        if self.ws.missing_history:  # not a dead end: let a similar fund stand in, or leave them out
            text += " " + self.tr(
                "A similar fund's price history can stand in for {tickers}, or they can be left out of the "
                "risk model (the risk figures then leave them out)."
            ).format(tickers=", ".join(self.ws.missing_history))
            bar.show_message(
                text,
                action=self.tr("Use a Proxy…"),
                slot=self.choose_proxies,
                second=(self.tr("Leave Out of Risk Model"), self.exclude_missing),
            )
        else:
            bar.show_message(text, action=self.tr("Retry"), slot=lambda: self.ws.refresh_market())
        self.window.source_label.setText(self.tr("Data: not available"))
        self.window.result.show_outcome(self._market_outcome(message))

    def choose_proxies(self) -> bool:
        """Ask which fund stands in for each ticker without history; True when applied."""
        from gui.proxy_dialog import ProxyDialog

        sc, missing = self.ws.scenario, self.ws.missing_history
        if sc is None or not missing:
            return False
        dialog = ProxyDialog(sc, missing, self.window)
        self.window._open_dialog = dialog  # tests reach the open dialog
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            self.ws.edit(edits.set_proxies(sc, dialog.choices()))
            return True
        finally:
            self.window._open_dialog = None

    def exclude_missing(self) -> bool:
        """Leave the tickers without history out of the risk model (the result then says so)."""
        sc, missing = self.ws.scenario, self.ws.missing_history
        if sc is None or not missing:
            return False
        self.ws.edit(edits.exclude_from_risk(sc, missing))
        return True

    def _market_outcome(self, message: str) -> Outcome:
        assert self.ws.scenario is not None
        return Outcome(
            self.ws.scenario, problem=Problem(self.tr("market data: {m}").format(m=engine_phrase(message)))
        )

    def _on_progress(self, message: str, fraction: float) -> None:
        if self.progress is not None:
            self.progress.setLabelText(engine_phrase(message))
            self.progress.setValue(round(fraction * 100))

    def refresh_prices(self) -> None:
        if self.ws.scenario is None:
            return
        self.progress = QProgressDialog(self.tr("Refreshing prices…"), self.tr("Cancel"), 0, 100, self.window)
        self.progress.setWindowTitle(self.tr("Refresh prices"))
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(self.ws.cancel_market)
        self.ws.refresh_market(online=True)

    def import_prices(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Import prices"),
            str(Path.home()),
            "CSV (*.csv *.txt *.csv.gz);;All files (*)",
        )
        if files:
            self.ws.import_prices(files)

    def _on_prices_imported(self, files: list[object]) -> None:
        parts = []
        for pf in files:
            first, last = getattr(pf, "first_day", None), getattr(pf, "last_day", None)
            span = f" {first:%Y-%m-%d} .. {last:%Y-%m-%d}" if first and last else ""
            parts.append(f"{getattr(pf, 'ticker', '?')} ({len(getattr(pf, 'prices', ()))}{span})")
        text = self.tr("Prices imported: {list}.").format(list=", ".join(parts))
        self.window.message_bar.show_message(text, warn=False)

    def _on_prices_import_failed(self, message: str) -> None:
        self.window.message_bar.show_message(
            self.tr("Prices not imported: {m}. Nothing was changed.").format(m=engine_phrase(message)),
            action=self.tr("Choose files…"),
            slot=self.import_prices,
        )

    @property
    def store_reset(self) -> StoreReset:
        if self._store_reset is None:
            from gui import store_reset

            self._store_reset = store_reset.StoreReset(self.window, self.ws.runner, self._after_store_reset)
        return self._store_reset

    def _after_store_reset(self) -> None:
        if self.ws.scenario is not None:
            self.ws.refresh_market()

    def toggle_demo(self, on: bool) -> None:
        if self.ws.scenario is not None:
            self.ws.refresh_market(force_demo=bool(on))
