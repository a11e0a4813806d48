"""The main window's analysis tabs beside the charts (Exposure, Backtest, Stress, Accounts): built with the
charts after the first result, because their modules import pyqtgraph and pandas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QWidget

if TYPE_CHECKING:
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

    def _init_more_tabs(self) -> None:
        """The Exposure, Backtest and Stress tabs (their modules import pyqtgraph and pandas)."""
        from gui.panels import exposure as exposure_tab
        from gui.panels import stress as history_tabs

        exposure = exposure_tab.ExposurePanel(self.ws)
        self.charts.addTab(exposure, QCoreApplication.translate("MainWindow", "Exposure"))
        backtest, stress = history_tabs.add_history_tabs(self.charts, self.ws)  # Backtest and Stress tabs
        from gui.panels.household_tree import HouseholdTreePanel

        household = HouseholdTreePanel(self.ws)  # accounts → positions → lots; trades per account
        self.charts.addTab(household, QCoreApplication.translate("MainWindow", "Accounts"))
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

