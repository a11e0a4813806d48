"""The Accounts tab: the household tree (gui.panels.household_editor: household → account → position →
lots, kind and cash editable, accounts added and removed) and below it the result per account
(gui.panels.accounts_result: account → holding → lots sold, cash before → after).

The household's result comes with the main solve (gui.engine_calls puts it in ``Outcome.extras``): the tab
shows it and solves nothing itself. Shown by the main window for every scenario; a scenario without a
household gains one on its first account edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QSplitter, QVBoxLayout, QWidget

from engine.household_result import HouseholdResult
from engine.model.scenario import Scenario
from gui.panels.accounts_result import AccountsResultView
from gui.panels.household_editor import HouseholdEditor
from gui.workspace import Workspace

if TYPE_CHECKING:
    from gui.engine_calls import Outcome


def household_result(outcome: Outcome | None) -> HouseholdResult | None:
    """The household's result carried by ``outcome`` (None: not a household scenario, or no result)."""
    if outcome is None:
        return None
    r = outcome.extras.get("household")
    return r if isinstance(r, HouseholdResult) else None


class HouseholdTreePanel(QGroupBox):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Household"))
        self.ws = workspace
        self.editor = HouseholdEditor(workspace)
        self.trades = AccountsResultView()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.editor)
        split.addWidget(self.trades)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        workspace.outcomeChanged.connect(self._on_outcome)

    # the editor's parts, by their old names (tests, the main window)
    @property
    def tree(self):  # type: ignore[no-untyped-def]
        return self.editor.tree

    @property
    def add_button(self):  # type: ignore[no-untyped-def]
        return self.editor.add_button

    @property
    def remove_button(self):  # type: ignore[no-untyped-def]
        return self.editor.remove_button

    @property
    def add_holding_button(self):  # type: ignore[no-untyped-def]
        return self.editor.add_holding_button

    @property
    def problem(self):  # type: ignore[no-untyped-def]
        return self.editor.problem

    def account_ids(self) -> list[str]:
        return self.editor.account_ids()

    def catch_up(self) -> None:
        """Show what the workspace holds now (the tab is built after the first result)."""
        if self.ws.scenario is not None:
            self.show_scenario(self.ws.scenario)
        self._on_outcome(self.ws.outcome)

    def show_scenario(self, sc: Scenario) -> None:
        self.editor.show_scenario(sc)

    def _on_outcome(self, outcome: Outcome | None) -> None:
        r = household_result(outcome)
        if r is None:
            self.trades.clear()
        else:
            self.show_result(r)

    def show_result(self, r: HouseholdResult) -> None:
        """The result per account: holdings before → after, trades, lots sold, cash."""
        self.trades.show_result(r)
