"""The main window: panels over one Workspace, menus, shortcuts, status bar, remembered state."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QProgressDialog,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui import fmt
from gui.dialogs import show_about
from gui.engine_calls import Outcome
from gui.messagebar import MessageBar
from gui.nearest import apply_nearest
from gui.panels.chartspanel import ChartsPanel
from gui.panels.constraints import ConstraintsPanel
from gui.panels.holdings import HoldingsPanel
from gui.panels.problems import ProblemLabel, ProblemRouter
from gui.panels.result import ResultPanel
from gui.panels.targets import TargetsPanel
from gui.quiet_tabs import QuietTabWidget
from gui.target_editor import TargetEditor
from gui.window_files import SCENARIO_FILTER, FileCommands, template_titles
from gui.window_layout import LEFT_MIN_WIDTH, WindowLayout
from gui.window_market import MarketCommands
from gui.window_tabs import MoreTabs
from gui.workspace import Workspace

if TYPE_CHECKING:
    from engine.optimize.limit_id import LimitId
    from gui.store_reset import StoreReset

__all__ = ["SCENARIO_FILTER", "MainWindow", "template_titles"]


class MainWindow(MoreTabs, WindowLayout, QMainWindow):
    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, *, lazy_menus: bool = False
    ) -> None:
        """``lazy_menus`` (the app's start-up): File → Import Statement… and the Book menu come with the
        charts, after the first result, instead of now."""
        super().__init__(parent)
        self.ws = workspace
        self._lazy_menus = lazy_menus
        self.ask_before_discard = True
        self._open_editor: TargetEditor | None = None
        self._open_dialog: QDialog | None = None  # a modal dialog a command has open (tests reach it)
        self._init_panels()
        self.files = FileCommands(self)
        self.market_commands = MarketCommands(self)
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
        for step in self._more_tab_steps():  # built with the charts, after the first result
            self.charts.add_deferred(step)
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
        self.lower_tabs = QuietTabWidget()
        self.lower_tabs.setDocumentMode(True)
        self.lower_tabs.setTabBarAutoHide(True)
        # in a scroll area: on a short screen the panel scrolls rather than squeezing its texts together
        result_scroll = QScrollArea()
        result_scroll.setWidget(self.result)
        result_scroll.setWidgetResizable(True)
        result_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        result_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lower_tabs.addTab(result_scroll, self.tr("Proposed trades"))
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
        self._middle_fitted = False
        self._layout_restored = False  # True once the columns have their remembered or default widths

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
        self.act_demo = self._action(self.tr("Use &Demo Data"), self.market_commands.toggle_demo)
        self.act_reset_store = self._action(
            self.tr("Reset Damaged Price &Store…"), lambda: self.store_reset.start()
        )
        self.act_demo.setCheckable(True)
        self.act_about = self._action(self.tr("&About Coresat"), lambda: show_about(self))
        self._tips = {
            "export": self.act_export.statusTip(),
            "edit_targets": self.act_edit_targets.statusTip(),
        }

    def _init_menus(self) -> None:
        mb = self.menuBar()
        file = mb.addMenu(self.tr("&File"))
        file.addActions([self.act_new, self.act_open])
        self.recent_menu = file.addMenu(self.tr("Open &Recent"))
        file.addSeparator()
        file.addActions([self.act_save, self.act_save_as])
        file.addSeparator()
        file.addActions([self.act_import, self.act_import_prices, self.act_export])
        self._file_menu, self._before_quit = file, file.addSeparator()
        file.addAction(self.act_quit)
        edit = mb.addMenu(self.tr("&Edit"))
        edit.addActions([self.act_undo, self.act_redo])
        edit.addSeparator()
        edit.addAction(self.act_edit_targets)
        data = mb.addMenu(self.tr("&Data"))
        data.addActions([self.act_refresh, self.act_demo, self.act_reset_store])
        help_ = mb.addMenu(self.tr("&Help"))
        help_.addAction(self.act_about)
        for menu in (file, edit, data, help_):
            menu.setToolTipsVisible(True)  # a disabled action's tooltip says why it cannot run
        self._help_menu = help_
        self._statement_import = None
        self._book_menu = None
        # File → Import Statement… and the Book menu import the statement readers and SQLAlchemy: at start-up
        # they are added with the charts, just after the first result, so the window does not wait for them
        if self._lazy_menus:
            self.charts.add_deferred(lambda: self.statement_import)
            self.charts.add_deferred(lambda: self.book_menu)
        else:
            _ = (self.statement_import, self.book_menu)
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
        ws.dirtyChanged.connect(lambda d: self.setWindowModified(bool(d)))
        ws.pathChanged.connect(lambda _p: self._update_title())
        ws.scenarioChanged.connect(lambda _s: self._update_title())
        ws.scenarioChanged.connect(lambda _s: self.update_actions())
        ws.outcomeChanged.connect(lambda _o: self.fit_holdings_pane())  # the rows are filled by then
        self.charts.currentChanged.connect(lambda _i: self.fit_wide_tab())  # Accounts: room for its tables
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
        self.update_actions()

    # -- problems next to their controls ---------------------------------------------------------

    def problem_labels(self) -> dict[str, ProblemLabel]:
        return self.problems.labels

    def _on_outcome(self, outcome: Outcome) -> None:
        self.problems.show(outcome)
        r = outcome.result
        self.update_actions()
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

    # -- commands (File and Data menus live in their own modules) -------------------------------------

    def refresh_prices(self) -> None:
        self.market_commands.refresh_prices()

    def import_prices(self) -> None:
        self.market_commands.import_prices()

    @property
    def store_reset(self) -> StoreReset:
        return self.market_commands.store_reset

    @property
    def _progress(self) -> QProgressDialog | None:
        return self.market_commands.progress

    def confirm_discard(self) -> bool:
        """Ask before losing unsaved edits. True: go on."""
        return self.files.confirm_discard()

    def new_file(self) -> None:
        self.files.new_file()

    def new_from_template(self, key: str) -> None:
        self.files.new_from_template(key)

    def edit_targets(self, focus: str = "") -> bool:
        """The targets editor; its changes become one undoable edit. True when applied."""
        return self.files.edit_targets(focus)

    def open_dialog(self) -> None:
        self.files.open_dialog()

    def open_path(self, path: str | Path) -> bool:
        return self.files.open_path(path)

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def _save_to(self, path: Path) -> bool:
        return self.files.save_to(path)

    def import_holdings(self) -> None:
        if self.ws.scenario is not None and self.ws.scenario.household is not None:
            return self.holdings.import_into_account()  # a household: into one account (it asks which)
        self.files.import_holdings()

    def import_holdings_from(self, path: str | Path, *, preview: bool = True) -> bool:
        """Read the CSV, preview, then replace the holdings. A bad file changes nothing."""
        return self.files.import_holdings_from(path, preview=preview)

    def export_trades(self) -> None:
        self.files.export_trades()

    def export_trades_to(self, path: Path) -> bool:
        return self.files.export_trades_to(path)

    def _fill_recent(self, items: list[str] | None = None) -> None:
        self.files.fill_recent(items)

    def _update_title(self) -> None:
        sc = self.ws.scenario
        name = sc.name if sc else ""
        file = self.ws.path.name if self.ws.path else self.tr("not saved")
        self.setWindowTitle(f"{name} — {file}[*] — Coresat")
        self.setWindowModified(self.ws.dirty)

    def update_actions(self) -> None:
        """An action that cannot run now is disabled, and its tooltip (and status tip) says why."""
        self.files.update_actions()

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

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_discard():
            event.ignore()
            return
        self.save_state()
        if self._book_menu is not None:
            self._book_menu.close()
        self.ws.shutdown()
        event.accept()
