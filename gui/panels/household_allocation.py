"""The allocation chart with a household selector: the household as one portfolio (current, target, after
the trades) or one account (its own weights before and after its trades; the targets are the household's,
so an account shows none). Per ticker or per sleeve, as the plain allocation chart.

A scenario without a household shows the plain chart: the selector is hidden. Formatting only: the weights
are the HouseholdResult's (fractions of each account's value, of the household's for the household).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtWidgets import QComboBox, QWidget

from engine.household_result import AccountRow, HouseholdResult
from gui.engine_calls import Outcome
from gui.panels.charts import AllocationChart
from gui.panels.household_tree import household_result
from gui.workspace import Workspace

HOUSEHOLD = ""


class HouseholdAllocationChart(AllocationChart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = QComboBox()
        self.account.setToolTip(self.tr("The household as one portfolio, or one of its accounts"))
        self.account.setVisible(False)
        self.header.insertWidget(self.header.count() - 1, self.account)
        self.account.currentIndexChanged.connect(lambda _i: self._redraw())
        self._household: HouseholdResult | None = None

    def show_outcome(self, outcome: Outcome, workspace: Workspace) -> None:
        hr = household_result(outcome)
        self._household = hr
        self._fill_accounts(hr)
        super().show_outcome(outcome, workspace)

    def _fill_accounts(self, hr: HouseholdResult | None) -> None:
        items = (
            [] if hr is None else [(HOUSEHOLD, self.tr("Household"))] + [(a.id, a.name) for a in hr.accounts]
        )
        have = [(self.account.itemData(i), self.account.itemText(i)) for i in range(self.account.count())]
        if items != have:
            keep = self.account.currentData()
            self.account.blockSignals(True)
            self.account.clear()
            for key, name in items:
                self.account.addItem(name, key)
            i = self.account.findData(keep)
            self.account.setCurrentIndex(max(i, 0))
            self.account.blockSignals(False)
        self.account.setVisible(hr is not None)

    def selected_account(self) -> AccountRow | None:
        hr, key = self._household, self.account.currentData()
        if hr is None or not key:
            return None
        return next((a for a in hr.accounts if a.id == key), None)

    def _redraw(self) -> None:
        row = self.selected_account()
        r = self.outcome.result if self.outcome else None
        axis = self.plot.getPlotItem().getAxis("left")
        if row is None or r is None:
            axis.setLabel(self.tr("% of portfolio"))
            super()._redraw()
            return
        axis.setLabel(self.tr("% of {account} (targets are the household's)").format(account=row.name))
        # one account: its weights (of the account's value) before and after its own trades
        sleeve_of = {a.ticker: a.sleeve for a in r.assets}
        tickers = [
            a.ticker for a in r.assets if a.ticker in row.weights_before or a.ticker in row.weights_after
        ]
        if self.level.currentData() == "sleeve":
            labels: list[Any] = []
            for t in tickers:
                if sleeve_of.get(t) and sleeve_of[t] not in labels:
                    labels.append(sleeve_of[t])
            before = np.array(
                [
                    sum(row.weights_before.get(t, 0.0) for t in tickers if sleeve_of.get(t) == s)
                    for s in labels
                ]
            )
            after = np.array(
                [sum(row.weights_after.get(t, 0.0) for t in tickers if sleeve_of.get(t) == s) for s in labels]
            )
        else:
            labels = tickers
            before = np.array([row.weights_before.get(t, 0.0) for t in tickers])
            after = np.array([row.weights_after.get(t, 0.0) for t in tickers])
        self.set_bars(list(labels), {"current": before, "after": after, "target": np.zeros(len(labels))})
