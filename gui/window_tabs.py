"""The main window's analysis tabs beside the charts (Exposure, Backtest, Stress, Accounts): built with the
charts after the first result, because their modules import pyqtgraph and pandas. At start-up File → Import
Statement… and the Book menu come then too (statement readers, SQLAlchemy)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    from gui.book.menu import BookMenu
    from gui.import_dialog import StatementImport
    from gui.panels.chartspanel import ChartsPanel
    from gui.panels.exposure import ExposurePanel
    from gui.panels.household_tree import HouseholdTreePanel
    from gui.workspace import Workspace

    _Base = QMainWindow
else:
    _Base = object


class MoreTabs(_Base):
    """Mixed into MainWindow (before QMainWindow)."""

    ws: Workspace
    charts: ChartsPanel
    _more_tabs: dict[str, QWidget]
    _statement_import: StatementImport | None
    _book_menu: BookMenu | None
    _file_menu: QMenu
    _before_quit: QAction
    _help_menu: QMenu

    def _more_tab_steps(self) -> list[Callable[[], object]]:
        """The Exposure, Backtest and Stress, and Accounts tabs (their modules import pyqtgraph and pandas),
        one step each: the charts panel runs them one per pass of the event loop after the first result."""
        return [self._add_exposure, self._add_history, self._add_household]

    def _add_exposure(self) -> None:
        from gui.panels import exposure as exposure_tab

        exposure = exposure_tab.ExposurePanel(self.ws)
        self.charts.addTab(exposure, QCoreApplication.translate("MainWindow", "Exposure"))
        self._more_tabs["exposure"] = exposure

    def _add_history(self) -> None:
        from gui.panels import stress as history_tabs

        backtest, stress = history_tabs.add_history_tabs(self.charts, self.ws)  # Backtest and Stress tabs
        self._more_tabs["backtest"] = backtest
        self._more_tabs["stress"] = stress

    def _add_household(self) -> None:
        from gui.panels.household_tree import HouseholdTreePanel

        household = HouseholdTreePanel(self.ws)  # accounts → positions → lots; trades per account
        self.charts.addTab(household, QCoreApplication.translate("MainWindow", "Accounts"))
        household.catch_up()
        self._more_tabs["household"] = household

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

    @property
    def statement_import(self) -> StatementImport:
        """File → Import Statement… and drops of statement files (gui.import_dialog), added on first use."""
        if self._statement_import is None:
            from gui import import_dialog

            self._statement_import = import_dialog.install(
                self, self.ws, self._file_menu, before=self._before_quit
            )
        return self._statement_import

    @property
    def book_menu(self) -> BookMenu:
        """Book → review, batch, PDF (gui.book.menu), before Help; added on first use."""
        if self._book_menu is None:
            from gui.book import menu as book_menu

            self._book_menu = book_menu.install(self, before=self._help_menu.menuAction())
        return self._book_menu
