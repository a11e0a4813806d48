"""The main window: panels over one Workspace, menus, shortcuts, status bar, remembered state."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.errors import CoresatError
from engine.model.scenario_file import write_atomic
from gui import edits, export, fmt, import_dialog, network, settings, templates
from gui.book import menu as book_menu
from gui.dialogs import ImportPreview, show_about
from gui.engine_calls import Outcome, Problem
from gui.engine_texts import engine_text
from gui.holdings_csv import HoldingsCsvError, parse_file
from gui.messagebar import MessageBar
from gui.nearest import apply_nearest
from gui.panels.chartspanel import ChartsPanel
from gui.panels.constraints import ConstraintsPanel
from gui.panels.holdings import HoldingsPanel
from gui.panels.problems import ProblemLabel, ProblemRouter
from gui.panels.result import ResultPanel
from gui.panels.targets import TargetsPanel
from gui.target_editor import TargetEditor
from gui.workspace import Workspace

if TYPE_CHECKING:
    from engine.market import MarketSnapshot
    from engine.optimize.limit_id import LimitId
    from gui.panels.exposure import ExposurePanel
    from gui.panels.household_tree import HouseholdTreePanel
    from gui.store_reset import StoreReset

SCENARIO_FILTER = "Coresat scenario (*.coresat.toml *.toml);;All files (*)"
LEFT_MIN_WIDTH = 300
LEFT_DEFAULT_WIDTH = 425  # the targets rows (name, slider, spin box, now → after) without a scroll bar
# Below this width the charts move into a tab beside the trades (with some hysteresis against flicker).
COMPACT_BELOW = 1200


def template_titles() -> dict[str, str]:
    """File > New's choices, translated (the keys of ``templates.TEMPLATES``)."""
    return {
        "blank": QCoreApplication.translate("Templates", "Blank: an IWM core only"),
        "iwm_value": QCoreApplication.translate("Templates", "IWM core with value satellites (IWN, VBR)"),
        "vtwo_sp600_growth": QCoreApplication.translate(
            "Templates", "VTWO core with S&P 600 and growth satellites"
        ),
        "total": QCoreApplication.translate(
            "Templates", "Total portfolio with a small-cap sleeve (SPY, AGG outside)"
        ),
    }


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self._progress: QProgressDialog | None = None
        self.ask_before_discard = True
        self._open_editor: TargetEditor | None = None
        self._init_panels()
        self._init_actions()
        self._init_menus()
        self._init_status()
        self._connect()
        self.resize(1480, 900)
        self.restore_state()
        self.fit_to_screen()

    # -- construction ---------------------------------------------------------------------------

    def _init_panels(self) -> None:
        ws = self.ws
        self.targets = TargetsPanel(ws)
        self.constraints = ConstraintsPanel(ws)
        from gui.panels.lookthrough_limits import LookThroughLimitsPanel

        self.lookthrough_limits = LookThroughLimitsPanel(ws)  # sector / company caps through the funds
        self.holdings = HoldingsPanel(ws)
        self.result = ResultPanel(ws)
        self.charts = ChartsPanel(ws)
        self._more_tabs: dict[str, QWidget] = {}
        self.charts.add_deferred(self._init_more_tabs)  # built with the charts, after the first result
        self.left = QSplitter(Qt.Orientation.Vertical)
        for panel in (self.targets, self.constraints, self.lookthrough_limits):
            scroll = QScrollArea()
            scroll.setWidget(panel)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            self.left.addWidget(scroll)
        self.left.setMinimumWidth(LEFT_MIN_WIDTH)
        self.left.setSizes([480, 400, 160])
        # the trades, and the charts too when the window is narrow (the tab bar shows only then)
        self.lower_tabs = QTabWidget()
        self.lower_tabs.setDocumentMode(True)
        self.lower_tabs.setTabBarAutoHide(True)
        self.lower_tabs.addTab(self.result, self.tr("Proposed trades"))
        self.middle = QSplitter(Qt.Orientation.Vertical)
        self.middle.addWidget(self.holdings)
        self.middle.addWidget(self.lower_tabs)
        self.middle.setSizes([340, 520])
        self.middle.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.middle)
        self.splitter.addWidget(self.charts)
        self.splitter.setSizes([430, 480, 420])
        self.splitter.setChildrenCollapsible(False)
        self.message_bar = MessageBar()
        central = QWidget()
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.message_bar)
        box.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.compact = False
        self._layout_restored = False  # True once the columns have their remembered or default widths

    def _init_more_tabs(self) -> None:
        """The Exposure, Backtest and Stress tabs (their modules import pyqtgraph and pandas)."""
        from gui.panels import exposure as exposure_tab
        from gui.panels import stress as history_tabs

        exposure = exposure_tab.ExposurePanel(self.ws)
        self.charts.addTab(exposure, self.tr("Exposure"))
        backtest, stress = history_tabs.add_history_tabs(self.charts, self.ws)  # Backtest and Stress tabs
        from gui.panels.household_tree import HouseholdTreePanel

        household = HouseholdTreePanel(self.ws)  # accounts → positions → lots; trades per account
        self.charts.addTab(household, self.tr("Accounts"))
        household.catch_up()
        self._more_tabs = {
            "exposure": exposure,
            "backtest": backtest,
            "stress": stress,
            "household": household,
        }

    def _more_tab(self, name: str) -> QWidget:
        self.charts.ensure_built()
        return self._more_tabs[name]

    @property
    def exposure(self) -> ExposurePanel:
        return self._more_tab("exposure")  # type: ignore[return-value]

    @property
    def backtest_tab(self) -> QWidget:
        return self._more_tab("backtest")

    @property
    def stress_tab(self) -> QWidget:
        return self._more_tab("stress")

    @property
    def household(self) -> HouseholdTreePanel:
        return self._more_tab("household")  # type: ignore[return-value]

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
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
        self.act_import_prices = self._action(
            self.tr("Import &Prices…"),
            self.import_prices,
            None,
            self.tr("Add price history from CSV files (Yahoo, yfinance, EODHD or Date,Close layout)"),
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
        self.act_edit_targets = self._action(
            self.tr("Edit &Targets…"),
            lambda: self.edit_targets(""),
            "Ctrl+T",
            self.tr("Add, remove or rename sleeves and tickers; roles, bounds, drift bands and notes"),
        )
        self.act_refresh = self._action(self.tr("&Refresh Prices"), self.refresh_prices, K.Refresh)
        self.act_demo = self._action(self.tr("Use &Demo Data"), self._toggle_demo)
        self._store_reset: StoreReset | None = None  # made on first use: its module imports pandas
        self.act_reset_store = self._action(
            self.tr("Reset Damaged Price &Store…"), lambda: self.store_reset.start()
        )
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
        file.addActions([self.act_import, self.act_import_prices, self.act_export])
        self.statement_import = import_dialog.install(self, self.ws, file)  # File → Import Statement…, drops
        file.addSeparator()
        file.addAction(self.act_quit)
        edit = mb.addMenu(self.tr("&Edit"))
        edit.addActions([self.act_undo, self.act_redo])
        edit.addSeparator()
        edit.addAction(self.act_edit_targets)
        data = mb.addMenu(self.tr("&Data"))
        data.addActions([self.act_refresh, self.act_demo, self.act_reset_store])
        help_ = mb.addMenu(self.tr("&Help"))
        help_.addAction(self.act_about)
        self.book_menu = book_menu.install(self, before=help_.menuAction())  # Book → review, batch, PDF
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
        ws.pricesImported.connect(self._on_prices_imported)
        ws.pricesImportFailed.connect(self._on_prices_import_failed)
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
        self.targets.editRequested.connect(self.edit_targets)
        self.problems = ProblemRouter(  # asks for the labels each time: the targets panel rebuilds its rows
            lambda: {
                **self.targets.problems,
                **self.constraints.problems,
                **self.lookthrough_limits.problems,
                "holdings": self.holdings.problem,
            },
            self.holdings.model,
            lambda: self.ws.scenario,
            self._apply_nearest,
        )
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

    def _apply_nearest(self, limit: LimitId, value: float) -> None:
        sc = self.ws.scenario
        new = apply_nearest(sc, limit, value) if sc is not None else None
        if new is not None:
            self.ws.edit(new)

    # -- market data ----------------------------------------------------------------------------

    def _on_market(self, market: MarketSnapshot) -> None:
        date = market.as_of.isoformat() if market.as_of else self.tr("unknown date")
        self.source_label.setText(
            self.tr("Data: {src} · prices as of {date}").format(
                src=engine_text(market.price_source), date=date
            )
        )
        for w in market.warnings:
            self.statusBar().showMessage(w, 8000)
        if self._progress is not None:
            self._progress.reset()

    def _on_market_problem(self, message: str) -> None:
        if self._progress is not None:
            self._progress.reset()
        if message == network.NO_CONNECTION:
            text = self.tr("No connection to the internet: prices were not updated.")
        else:
            text = self.tr("Prices were not updated: {m}").format(m=message)
        if self.ws.market is not None:  # a refresh failed: keep the data and the result we have
            text += " " + self.tr("The prices and the result shown are kept.")
            self.message_bar.show_message(text, action=self.tr("Retry"), slot=self.refresh_prices)
            return
        self.message_bar.show_message(text, action=self.tr("Retry"), slot=lambda: self.ws.refresh_market())
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

    def import_prices(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import prices"), str(Path.home()), "CSV (*.csv *.txt *.csv.gz);;All files (*)"
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
        self.message_bar.show_message(text, warn=False)

    def _on_prices_import_failed(self, message: str) -> None:
        self.message_bar.show_message(
            self.tr("Prices not imported: {m}. Nothing was changed.").format(m=message),
            action=self.tr("Choose files…"),
            slot=self.import_prices,
        )

    @property
    def store_reset(self) -> StoreReset:
        if self._store_reset is None:
            from gui import store_reset

            self._store_reset = store_reset.StoreReset(self, self.ws.runner, self._after_store_reset)
        return self._store_reset

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
        """A new scenario from a template the user picks (no holdings, $10,000 cash)."""
        if not self.confirm_discard():
            return
        titles = template_titles()
        choice, ok = QInputDialog.getItem(
            self, self.tr("New scenario"), self.tr("Start from:"), list(titles.values()), 1, False
        )
        if ok:
            self.new_from_template(next(k for k, t in titles.items() if t == choice))

    def new_from_template(self, key: str) -> None:
        self.ws.set_document(templates.template(key, self.tr("Untitled") if key == "blank" else None), None)

    def edit_targets(self, focus: str = "") -> bool:
        """The targets editor; its changes become one undoable edit. True when applied."""
        if self.ws.scenario is None:
            return False
        dialog = TargetEditor(self.ws.scenario, self, focus=focus or None)
        self._open_editor = dialog  # tests reach the open dialog
        try:
            if dialog.exec() != TargetEditor.DialogCode.Accepted:
                return False
            self.ws.edit(dialog.edited())
            return True
        finally:
            self._open_editor = None

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

    # -- layout ---------------------------------------------------------------------------------

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Another chart or analysis tab beside Allocation, Risk, Frontier, Growth and Drawdown."""
        return self.charts.addTab(widget, title)

    def set_compact(self, compact: bool) -> None:
        """Narrow windows: the charts become a tab beside the trades; wide ones: a third column."""
        if compact == self.compact:
            return
        self.compact = compact
        self.result.setTitle("" if compact else self.tr("Proposed trades"))  # the tab says it
        if compact:
            self.lower_tabs.addTab(self.charts, self.tr("Charts"))
        else:
            self.lower_tabs.removeTab(self.lower_tabs.indexOf(self.charts))
            self.splitter.addWidget(self.charts)
            self.charts.show()
            self._default_sizes()

    def _default_sizes(self) -> None:
        """Column widths for a window without a remembered layout: the targets get what their rows need."""
        w = self.width()
        left = max(LEFT_DEFAULT_WIDTH, w * 30 // 100)
        if self.compact:
            self.splitter.setSizes([left, w - left])
        else:
            rest = w - left
            self.splitter.setSizes([left, rest * 56 // 100, rest - rest * 56 // 100])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._layout_restored:
            self._layout_restored = True
            self.set_compact(self.width() < COMPACT_BELOW)
            self._default_sizes()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        w = event.size().width()
        if not self._layout_restored:
            self.set_compact(w < COMPACT_BELOW)
            return
        if w < COMPACT_BELOW - 20:
            self.set_compact(True)
        elif w >= COMPACT_BELOW + 20:
            self.set_compact(False)

    # -- state ----------------------------------------------------------------------------------

    def fit_to_screen(self) -> None:
        """Never larger than the screen's free area (a 1280×720 laptop, a restored layout from a bigger
        monitor): shrink and move the window inside it."""
        screen = self.screen()
        if screen is None:
            return
        avail = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()  # title bar and borders
        if not self.isVisible() or frame.height() <= 0:  # not decorated yet: leave room for a title bar
            frame = QSize(16, 40)
        w = min(self.width(), avail.width() - frame.width())
        h = min(self.height(), avail.height() - frame.height())
        if (w, h) != (self.width(), self.height()):
            self.resize(max(w, 200), max(h, 200))
        x = min(max(self.x(), avail.left()), avail.right() - self.width() - frame.width() + 1)
        y = min(max(self.y(), avail.top()), avail.bottom() - self.height() - frame.height() + 1)
        if (x, y) != (self.x(), self.y()):
            self.move(max(x, avail.left()), max(y, avail.top()))

    def _layout_prefix(self) -> str:
        """Layouts are remembered per screen size: a laptop panel and a desktop monitor each keep theirs."""
        screen = self.screen()
        size = screen.availableGeometry().size() if screen is not None else None
        return f"layout/{size.width()}x{size.height()}/" if size is not None else "layout/"

    def _splitter_key(self) -> str:
        return "splitter_compact" if self.compact else "splitter"

    def restore_state(self) -> None:
        s = settings.settings()
        prefix = self._layout_prefix()
        geometry = s.value(prefix + "geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
            self.set_compact(self.width() < COMPACT_BELOW)
        for key, fn in (
            ("window_state", self.restoreState),
            (self._splitter_key(), self.splitter.restoreState),
            ("middle", self.middle.restoreState),
            ("left", self.left.restoreState),
        ):
            value = s.value(prefix + key)
            if isinstance(value, QByteArray | bytes):
                fn(QByteArray(value))
                self._layout_restored = True

    def save_state(self) -> None:
        s = settings.settings()
        prefix = self._layout_prefix()
        s.setValue(prefix + "geometry", self.saveGeometry())
        s.setValue(prefix + "window_state", self.saveState())
        s.setValue(prefix + self._splitter_key(), self.splitter.saveState())
        s.setValue(prefix + "middle", self.middle.saveState())
        s.setValue(prefix + "left", self.left.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_discard():
            event.ignore()
            return
        self.save_state()
        self.book_menu.close()
        self.ws.shutdown()
        event.accept()
