"""Constraints: volatility cap, turnover cap, trading cost, minimum trade, whole shares, cash buffer,
mode with the contribution or withdrawal. Finance terms are explained in tooltips in plain words."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from engine.model.scenario import Constraints, Mode, Scenario
from gui import edits, theme
from gui.panels.problems import ProblemLabel
from gui.workspace import Workspace

DEFAULT_TURNOVER_PCT = 25.0  # a freshly ticked turnover cap; 0 % would silently forbid trading


def _spin(
    lo: float, hi: float, decimals: int, suffix: str = "", prefix: str = "", step: float = 1.0
) -> QDoubleSpinBox:
    s = QDoubleSpinBox()
    s.setRange(lo, hi)
    s.setDecimals(decimals)
    s.setSingleStep(step)
    s.setSuffix(suffix)
    s.setPrefix(prefix)
    s.setKeyboardTracking(False)
    s.setMinimumWidth(96)
    return s


class ConstraintsPanel(QGroupBox):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Constraints"))
        self.ws = workspace
        self.problems: dict[str, ProblemLabel] = {}
        self._updating = False
        self._shown: Constraints | None = None
        self._household_shown: bool | None = None  # what the cash fields were last set up for
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(form)
        self._form = form

        self.vol_on = theme.visible_checkboxes(QCheckBox())
        self.vol_cap = _spin(1.0, 100.0, 1, " %", step=0.5)
        self.vol_cap.setToolTip(
            self.tr(
                "Volatility cap: the most the portfolio may swing in a typical year (annualized standard "
                "deviation of returns). Lower means calmer but further from your targets."
            )
        )
        self._row(self.tr("Volatility cap"), "vol_cap", self.vol_on, self.vol_cap)
        self.turnover_on = theme.visible_checkboxes(QCheckBox())
        self.turnover_cap = _spin(0.0, 200.0, 1, " %")
        self.turnover_cap.setValue(DEFAULT_TURNOVER_PCT)  # ticking the cap must not mean "no trading"
        self.turnover_cap.setToolTip(
            self.tr("Turnover cap: at most this much of the portfolio's value traded (buys + sells).")
        )
        self._row(self.tr("Turnover cap"), "turnover_cap", self.turnover_on, self.turnover_cap)
        self.cost_bps = _spin(0.0, 500.0, 1, self.tr(" bps"))
        self.cost_bps.setToolTip(
            self.tr("Estimated trading cost per trade in basis points: 1 bp = 0.01 % of the amount traded.")
        )
        self._row(self.tr("Trading cost"), "cost_bps", None, self.cost_bps)
        self.min_trade = _spin(0.0, 1e9, 0, prefix="$ ", step=50.0)
        self.min_trade.setToolTip(self.tr("Trades smaller than this are not worth making and are left out."))
        self._row(self.tr("Minimum trade"), "min_trade", None, self.min_trade)
        self.min_cash = _spin(0.0, 1e10, 0, prefix="$ ", step=100.0)
        self._min_cash_tip = self.tr("Cash buffer: cash that must remain in the account after trading.")
        self.min_cash.setToolTip(self._min_cash_tip)
        self._row(self.tr("Cash buffer"), "min_cash", None, self.min_cash)
        self.whole_shares = theme.visible_checkboxes(QCheckBox(self.tr("Whole shares only")))
        self.whole_shares.setToolTip(
            self.tr("Round every trade to whole shares (most brokers need this for ETFs).")
        )
        self._row("", "whole_shares", None, self.whole_shares)
        self.mode = QComboBox()
        self.mode.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.mode.setMinimumContentsLength(14)
        self.mode.addItem(self.tr("Full rebalance (buy and sell)"), Mode.FULL.value)
        self.mode.addItem(self.tr("Buy only (invest new cash)"), Mode.BUY_ONLY.value)
        self.mode.addItem(self.tr("Sell only (raise cash)"), Mode.SELL_ONLY.value)
        self._row(self.tr("Mode"), "mode", None, self.mode)
        self.cash_flow = _spin(-1e10, 1e10, 0, prefix="$ ", step=500.0)
        self._cash_flow_tip = self.tr(
            "Positive: new money you add (contribution). Negative: money you take out (withdrawal)."
        )
        self.cash_flow.setToolTip(self._cash_flow_tip)
        self._row(self.tr("Add (+) / withdraw (−)"), "cash_flow", None, self.cash_flow)
        self.force = theme.visible_checkboxes(QCheckBox(self.tr("Rebalance even when inside the bands")))
        self.force.setToolTip(
            self.tr("Normally nothing is traded while every holding is inside its drift band.")
        )
        self._row("", "force_rebalance", None, self.force)
        outer.addStretch(1)

        self.vol_on.toggled.connect(
            lambda on: self._set(vol_cap=self.vol_cap.value() / 100.0 if on else None)
        )
        self.vol_cap.valueChanged.connect(
            lambda v: self._set(vol_cap=v / 100.0) if self.vol_on.isChecked() else None
        )
        self.turnover_on.toggled.connect(
            lambda on: self._set(turnover_cap=self.turnover_cap.value() / 100.0 if on else None)
        )
        self.turnover_cap.valueChanged.connect(
            lambda v: self._set(turnover_cap=v / 100.0) if self.turnover_on.isChecked() else None
        )
        self.cost_bps.valueChanged.connect(lambda v: self._set(cost_bps=float(v)))
        self.min_trade.valueChanged.connect(lambda v: self._set(min_trade=float(v)))
        self.min_cash.valueChanged.connect(lambda v: self._set(min_cash=float(v)))
        self.whole_shares.toggled.connect(lambda on: self._set(whole_shares=bool(on)))
        self.mode.currentIndexChanged.connect(lambda _i: self._set(mode=Mode(self.mode.currentData())))
        self.cash_flow.valueChanged.connect(lambda v: self._set(cash_flow=float(v)))
        self.force.toggled.connect(lambda on: self._set(force_rebalance=bool(on)))
        workspace.scenarioChanged.connect(self._on_scenario)

    def _row(self, title: str, key: str, toggle: QCheckBox | None, field: QWidget) -> None:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        line = QHBoxLayout()
        if toggle is not None:
            toggle.setToolTip(self.tr("Use this limit"))
            line.addWidget(toggle)
        line.addWidget(field, 1)
        lay.addLayout(line)
        problem = ProblemLabel(key)
        self.problems[key] = problem
        lay.addWidget(problem)
        if title:
            self._form.addRow(title, box)
        else:
            self._form.addRow(box)

    def _set(self, **changes: Any) -> None:
        if self._updating or self.ws.scenario is None:
            return
        if self.ws.scenario.household is not None and ({"min_cash", "cash_flow"} & changes.keys()):
            # the accounts' sums (read-only here; each account's are set in its Account… dialog): no edit,
            # and the fields show the sums again
            c = self.ws.scenario.constraints
            self._updating = True
            try:
                self.min_cash.setValue(c.min_cash)
                self.cash_flow.setValue(c.cash_flow)
            finally:
                self._updating = False
            return
        self.ws.edit(edits.set_constraints(self.ws.scenario, **changes))

    def _show_household(self, household: bool) -> None:
        """A household's cash buffer and cash flow are its accounts' sums: shown, set per account. Only on a
        change: the suffix and buttons re-lay out and repaint the panel (they did on every slider move)."""
        if household == self._household_shown:
            return
        self._household_shown = household
        tips = (
            (
                self.min_cash,
                self._min_cash_tip,
                self.tr(
                    "The household's cash buffer: the sum of its accounts' buffers. Set each account's "
                    "in Holdings → Account… (or double-click the account)."
                ),
            ),
            (
                self.cash_flow,
                self._cash_flow_tip,
                self.tr(
                    "The household's contribution (+) or withdrawal (−): the sum of its accounts' cash "
                    "flows. Set each account's in Holdings → Account… (or double-click the account)."
                ),
            ),
        )
        for box, flat_tip, household_tip in tips:
            box.setReadOnly(household)
            box.setButtonSymbols(
                QAbstractSpinBox.ButtonSymbols.NoButtons
                if household
                else QAbstractSpinBox.ButtonSymbols.UpDownArrows
            )
            box.setToolTip(household_tip if household else flat_tip)
            box.setSuffix(self.tr(" (sum of the accounts)") if household else "")

    def _on_scenario(self, sc: Scenario) -> None:
        c: Constraints = sc.constraints
        self._show_household(sc.household is not None)
        if c == self._shown:
            return  # untouched controls are not repainted
        self._shown = c
        self._updating = True
        try:
            self.vol_on.setChecked(c.vol_cap is not None)
            if c.vol_cap is not None:
                self.vol_cap.setValue(c.vol_cap * 100.0)
            self.vol_cap.setEnabled(c.vol_cap is not None)
            self.turnover_on.setChecked(c.turnover_cap is not None)
            if c.turnover_cap is not None:
                self.turnover_cap.setValue(c.turnover_cap * 100.0)
            self.turnover_cap.setEnabled(c.turnover_cap is not None)
            self.cost_bps.setValue(c.cost_bps)
            self.min_trade.setValue(c.min_trade)
            self.min_cash.setValue(c.min_cash)
            self.whole_shares.setChecked(c.whole_shares)
            self.mode.setCurrentIndex(self.mode.findData(c.mode.value))
            self.cash_flow.setValue(c.cash_flow)
            self.force.setChecked(c.force_rebalance)
        finally:
            self._updating = False
