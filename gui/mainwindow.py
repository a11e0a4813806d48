"""The main window: panels over one Workspace, menus, shortcuts, status bar, remembered state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QScrollArea,
    QSplitter,
    QWidget,
)

from engine.errors import CoresatError
from engine.market import MarketSnapshot
from engine.model.scenario_file import write_atomic
from gui import edits, export, fmt, import_dialog, settings
from gui.dialogs import ImportPreview, show_about
from gui.engine_calls import Outcome, Problem
from gui.holdings_csv import HoldingsCsvError, parse_file
from gui.panels.charts import ChartsPanel
from gui.panels.constraints import ConstraintsPanel
from gui.panels.exposure import ExposurePanel
from gui.panels.holdings import HoldingsPanel
from gui.panels.problems import ProblemLabel, ProblemRouter
from gui.panels.result import ResultPanel
from gui.panels.stress import add_history_tabs
from gui.panels.targets import TargetsPanel
from gui.store_reset import StoreReset
from gui.workspace import Workspace

SCENARIO_FILTER = "Coresat scenario (*.coresat.toml *.toml);;All files (*)"


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self._progress: QProgressDialog | None = None
        self.ask_before_discard = True
        self._init_panels()
        self._init_actions()
        self._init_menus()
        self._init_status()
        self._connect()
        self.resize(1480, 900)
        self.restore_state()

    # -- construction ---------------------------------------------------------------------------

    def _init_panels(self) -> None:
        ws = self.ws
        self.targets = TargetsPanel(ws)
        self.constraints = ConstraintsPanel(ws)
        self.holdings = HoldingsPanel(ws)
        self.result = ResultPanel(ws)
        self.charts = ChartsPanel(ws)
        self.exposure = ExposurePanel(ws)
        self.charts.addTab(self.exposure, self.tr("Exposure"))
        self.backtest_tab, self.stress_tab = add_history_tabs(self.charts, ws)  # Backtest and Stress tabs
        self.left = QSplitter(Qt.Orientation.Vertical)
        for panel in (self.targets, self.constraints):
            scroll = QScrollArea()
            scroll.setWidget(panel)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.left.addWidget(scroll)
        self.left.setMinimumWidth(430)
        self.left.setSizes([480, 400])
        self.middle = QSplitter(Qt.Orientation.Vertical)
        self.middle.addWidget(self.holdings)
        self.middle.addWidget(self.result)
        self.middle.setSizes([340, 520])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.middle)
        self.splitter.addWidget(self.charts)
        self.splitter.setSizes([450, 540, 490])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

    def _action(
        self, text: str, slot: object, shortcut: QKeySequence | str | None = None, tip: str = ""
    ) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if tip:
            act.setStatusTip(tip)
        act.triggered.connect(slot)
        return act

    def _init_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.act_new = self._action(self.tr("&New"), self.new_file, K.New)
        self.act_open = self._action(self.tr("&Open…"), self.open_dialog, K.Open)
        self.act_save = self._action(self.tr("&Save"), self.save, K.Save)
        self.act_save_as = self._action(self.tr("Save &As…"), self.save_as, K.SaveAs)
        self.act_import = self._action(
            self.tr("&Import Holdings…"),
            self.import_holdings,
            "Ctrl+I",
            self.tr("Replace the holdings from a CSV file"),
        )
        self.act_export = self._action(
            self.tr("&Export Trades…"),
            self.export_trades,
            "Ctrl+E",
            self.tr("Save the proposed trades as a CSV file"),
        )
        self.act_quit = self._action(self.tr("&Quit"), self.close, K.Quit)
        self.act_undo = self._action(self.tr("&Undo"), self.ws.undo, K.Undo)
        self.act_redo = self._action(self.tr("&Redo"), self.ws.redo, K.Redo)
        self.act_refresh = self._action(self.tr("&Refresh Prices"), self.refresh_prices, K.Refresh)
        self.act_demo = self._action(self.tr("Use &Demo Data"), self._toggle_demo)
        self.store_reset = StoreReset(self, self.ws.runner, self._after_store_reset)
        self.act_reset_store = self._action(self.tr("Reset Damaged Price &Store…"), self.store_reset.start)
        self.act_demo.setCheckable(True)
        self.act_about = self._action(self.tr("&About Coresat"), lambda: show_about(self))

    def _init_menus(self) -> None:
        mb = self.menuBar()
        file = mb.addMenu(self.tr("&File"))
        file.addActions([self.act_new, self.act_open])
        self.recent_menu = file.addMenu(self.tr("Open &Recent"))
        file.addSeparator()
        file.addActions([self.act_save, self.act_save_as])
        file.addSeparator()
        file.addActions([self.act_import, self.act_export])
        self.statement_import = import_dialog.install(self, self.ws, file)  # File → Import Statement…, drops
        file.addSeparator()
        file.addAction(self.act_quit)
        edit = mb.addMenu(self.tr("&Edit"))
        edit.addActions([self.act_undo, self.act_redo])
        data = mb.addMenu(self.tr("&Data"))
        data.addActions([self.act_refresh, self.act_demo, self.act_reset_store])
        help_ = mb.addMenu(self.tr("&Help"))
        help_.addAction(self.act_about)
        self._fill_recent()

    def _init_status(self) -> None:
        self.source_label = QLabel()
        self.busy_label = QLabel()
        fm = self.busy_label.fontMetrics()
        self.busy_label.setFixedSize(fm.horizontalAdvance(self.tr("Computing…")) + 12, fm.height() + 4)
        sb = self.statusBar()
        sb.addPermanentWidget(self.busy_label)
        sb.addPermanentWidget(self.source_label)

    def _connect(self) -> None:
        ws = self.ws
        ws.outcomeChanged.connect(self._on_outcome)
        ws.marketChanged.connect(self._on_market)
        ws.marketProblem.connect(self._on_market_problem)
        ws.marketProgress.connect(self._on_progress)
        ws.dirtyChanged.connect(lambda d: self.setWindowModified(bool(d)))
        ws.pathChanged.connect(lambda _p: self._update_title())
        ws.scenarioChanged.connect(lambda _s: self._update_title())
        ws.undoChanged.connect(self._update_undo)
        # "Computing…" only when a solve takes long enough to notice (a quick one must not repaint the bar)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(300)
        self._busy_timer.timeout.connect(lambda: self.busy_label.setText(self.tr("Computing…")))
        ws.busyChanged.connect(self._on_busy)
        self.holdings.importRequested.connect(self.import_holdings)
        self.problems = ProblemRouter(
            {**self.targets.problems, **self.constraints.problems, "holdings": self.holdings.problem},
            self.holdings.model,
            lambda: self.ws.scenario,
        )
        for label in self.problem_labels().values():
            label.applyRequested.connect(self._apply_nearest)
        self._update_undo()

    # -- problems next to their controls ---------------------------------------------------------

    def problem_labels(self) -> dict[str, ProblemLabel]:
        return self.problems.labels

    def _on_outcome(self, outcome: Outcome) -> None:
        self.problems.show(outcome)
        r = outcome.result
        self.act_export.setEnabled(bool(r is not None and r.trades))
        if r is not None:  # a tooltip, not a status message: that would repaint the bar on every result
            self.source_label.setToolTip(
                self.tr("Last solve: {ms} ms").format(ms=fmt.number(r.solve_seconds * 1000, 1))
            )

    def _on_busy(self, busy: bool) -> None:
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            if self.busy_label.text():
                self.busy_label.setText("")

    def _apply_nearest(self, name: str, value: float) -> None:
        sc = self.ws.scenario
        if sc is None:
            return
        if name in ("vol_cap", "turnover_cap", "min_cash", "min_trade"):
            self.ws.edit(edits.set_constraints(sc, **{name: value}))

    # -- market data ----------------------------------------------------------------------------

    def _on_market(self, market: MarketSnapshot) -> None:
        date = market.as_of.isoformat() if market.as_of else self.tr("unknown date")
        self.source_label.setText(
            self.tr("Data: {src} · prices as of {date}").format(src=market.price_source, date=date)
        )
        for w in market.warnings:
            self.statusBar().showMessage(w, 8000)
        if self._progress is not None:
            self._progress.reset()

    def _on_market_problem(self, message: str) -> None:
        if self._progress is not None:
            self._progress.reset()
        if self.ws.market is not None:  # a refresh failed: keep the data and the result we have
            self.statusBar().showMessage(self.tr("Market data not updated: {m}").format(m=message), 15000)
            return
        self.source_label.setText(self.tr("Data: not available"))
        self.result.show_outcome(self._market_outcome(message))

    def _market_outcome(self, message: str) -> Outcome:
        assert self.ws.scenario is not None
        return Outcome(self.ws.scenario, problem=Problem(self.tr("market data: {m}").format(m=message)))

    def _on_progress(self, message: str, fraction: float) -> None:
        if self._progress is not None:
            self._progress.setLabelText(message)
            self._progress.setValue(round(fraction * 100))

    def refresh_prices(self) -> None:
        if self.ws.scenario is None:
            return
        self._progress = QProgressDialog(self.tr("Refreshing prices…"), self.tr("Cancel"), 0, 100, self)
        self._progress.setWindowTitle(self.tr("Refresh prices"))
        self._progress.setMinimumDuration(300)
        self._progress.canceled.connect(self.ws.cancel_market)
        self.ws.refresh_market(online=True)

    def _after_store_reset(self) -> None:
        if self.ws.scenario is not None:
            self.ws.refresh_market()

    def _toggle_demo(self, on: bool) -> None:
        if self.ws.scenario is not None:
            self.ws.refresh_market(force_demo=bool(on))

    # -- files ----------------------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        """Ask before losing unsaved edits. True: go on."""
        if not self.ws.dirty or not self.ask_before_discard:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to this scenario first?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_file(self) -> None:
        if self.confirm_discard():
            self.ws.set_document(edits.new_scenario(self.tr("Untitled")), None)

    def open_dialog(self) -> None:
        if not self.confirm_discard():
            return
        start = str(self.ws.path.parent) if self.ws.path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open scenario"), start, SCENARIO_FILTER)
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        try:
            self.ws.open(path)
        except (CoresatError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Cannot open scenario"), f"{Path(path).name}: {exc}")
            return False
        except Exception as exc:  # a reader's bug: still one line in a dialog, never an exit
            msg = f"{Path(path).name}: {type(exc).__name__}: {str(exc)[:200]}"
            QMessageBox.warning(self, self.tr("Cannot open scenario"), msg)
            return False
        self._fill_recent(settings.add_recent_file(str(Path(path).resolve())))
        return True

    def save(self) -> bool:
        if self.ws.path is None:
            return self.save_as()
        return self._save_to(self.ws.path)

    def save_as(self) -> bool:
        start = str(self.ws.path) if self.ws.path else str(Path.home() / "scenario.coresat.toml")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save scenario"), start, SCENARIO_FILTER)
        if not path:
            return False
        if not path.endswith(".toml"):
            path += ".coresat.toml"
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        try:
            saved = self.ws.save(path)
        except (CoresatError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Cannot save scenario"), f"{path.name}: {exc}")
            return False
        self._fill_recent(settings.add_recent_file(str(saved.resolve())))
        self.statusBar().showMessage(self.tr("Saved {name}").format(name=saved.name), 4000)
        return True

    def import_holdings(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import holdings"), str(Path.home()), "CSV (*.csv *.txt);;All files (*)"
        )
        if path:
            self.import_holdings_from(path)

    def import_holdings_from(self, path: str | Path, *, preview: bool = True) -> bool:
        """Read the CSV, preview, then replace the holdings. A bad file changes nothing."""
        try:
            parsed = parse_file(path)
        except HoldingsCsvError as exc:
            msg = self.tr("Holdings not imported from {name}: {msg}. Nothing was changed.")
            self.holdings.problem.show_problem(msg.format(name=Path(path).name, msg=str(exc)))
            self.statusBar().showMessage(self.tr("Holdings not imported"), 6000)
            return False
        if preview:
            dialog = ImportPreview(parsed.holdings, Path(path).name, self)
            if dialog.exec() != ImportPreview.DialogCode.Accepted:
                return False
        assert self.ws.scenario is not None
        self.holdings.problem.clear_problem()
        self.ws.edit(edits.replace_holdings(self.ws.scenario, parsed.holdings))
        return True

    def export_trades(self) -> None:
        r = self.ws.result
        if r is None or not r.trades:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export trades"), str(Path.home() / "trades.csv"), "CSV (*.csv)"
        )
        if path:
            self.export_trades_to(Path(path))

    def export_trades_to(self, path: Path) -> bool:
        r = self.ws.result
        if r is None:
            return False
        try:
            write_atomic(path, export.trades_csv(r))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Cannot export trades"), f"{path.name}: {exc.strerror or exc}")
            return False
        self.statusBar().showMessage(self.tr("Trades saved to {name}").format(name=path.name), 4000)
        return True

    def _fill_recent(self, items: list[str] | None = None) -> None:
        self.recent_menu.clear()
        for p in items if items is not None else settings.recent_files():
            act = self.recent_menu.addAction(Path(p).name)
            act.setToolTip(p)
            act.triggered.connect(lambda _c=False, p=p: self.confirm_discard() and self.open_path(p))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    def _update_title(self) -> None:
        sc = self.ws.scenario
        name = sc.name if sc else ""
        file = self.ws.path.name if self.ws.path else self.tr("not saved")
        self.setWindowTitle(f"{name} — {file}[*] — Coresat")
        self.setWindowModified(self.ws.dirty)

    def _update_undo(self) -> None:
        self.act_undo.setEnabled(self.ws.can_undo())
        self.act_redo.setEnabled(self.ws.can_redo())

    def retheme(self) -> None:
        """Re-colour everything after the palette changed (the system switched light/dark)."""
        for w in self.findChildren(
            QWidget
        ):  # widgets with a style sheet keep their old palette until re-polished
            sheet = w.styleSheet()
            if sheet:
                w.setStyleSheet("")
                w.setStyleSheet(sheet)
        self.targets.retheme()
        self.charts.retheme()
        self.exposure.retheme()
        if self.ws.outcome is not None:
            self.ws.outcomeChanged.emit(self.ws.outcome)  # tables, banner and labels recolour

    # -- state ----------------------------------------------------------------------------------

    def restore_state(self) -> None:
        s = settings.settings()
        for key, fn in (
            ("geometry", self.restoreGeometry),
            ("window_state", self.restoreState),
            ("splitter", self.splitter.restoreState),
            ("middle", self.middle.restoreState),
            ("left", self.left.restoreState),
        ):
            value = s.value(key)
            if isinstance(value, QByteArray | bytes):
                fn(QByteArray(value))

    def save_state(self) -> None:
        s = settings.settings()
        s.setValue("geometry", self.saveGeometry())
        s.setValue("window_state", self.saveState())
        s.setValue("splitter", self.splitter.saveState())
        s.setValue("middle", self.middle.saveState())
        s.setValue("left", self.left.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_discard():
            event.ignore()
            return
        self.save_state()
        self.ws.shutdown()
        event.accept()
