"""Explanations shown next to the control that causes them (infeasibility, invalid input).

The engine names constraints (``vol_cap``, ``sleeve_min:Core``, ``asset_max:IWN``) and scenario fields
(``constraints.vol_cap``, ``targets.sleeves[1].weight``); ``problem_key`` maps both to the key a panel
registered its label under.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from engine.model.scenario import Scenario
from engine.result import Status
from gui import fmt, theme

_SLEEVE_FIELD = re.compile(r"^targets\.sleeves\[(\d+)\]")
_HOLDING_FIELD = re.compile(r"^portfolio\.holdings\[(\d+)\]")
_ALIASES = {
    "cash_flow": "mode",
    "contribution": "mode",
    "withdrawal": "mode",
    "cash": "cash",
    "small_cap_min": "small_cap",
    "small_cap_max": "small_cap",
    "small_cap_weight": "small_cap",
    "cost_bps_by_ticker": "cost_bps",
    "no_buy": "holdings",
    "no_sell": "holdings",
}


def problem_key(name: str, scenario: Scenario | None = None) -> str:
    """The widget key for an engine constraint name or a ScenarioError field path."""
    name = name.strip()
    if ":" in name:
        kind, _, what = name.partition(":")
        if kind.startswith("sleeve"):
            return f"sleeve:{what}"
        if kind.startswith(("asset", "no_buy", "no_sell", "ticker")):
            return f"asset:{what}"
        return _ALIASES.get(kind, kind)
    m = _SLEEVE_FIELD.match(name)
    if m:
        if scenario is not None and int(m.group(1)) < len(scenario.targets.sleeves):
            return f"sleeve:{scenario.targets.sleeves[int(m.group(1))].name}"
        return "targets"
    m = _HOLDING_FIELD.match(name)
    if m:
        if scenario is not None and int(m.group(1)) < len(scenario.portfolio.holdings):
            return f"asset:{scenario.portfolio.holdings[int(m.group(1))].ticker}"
        return "holdings"
    for prefix in ("constraints.", "targets.", "portfolio.", "data."):
        if name.startswith(prefix):
            name = name[len(prefix) :].split(".")[0].split("[")[0]
            break
    if name.startswith("holdings"):
        return "holdings"
    if name in ("sleeves", "targets"):
        return "targets"
    return _ALIASES.get(name, name)


def usable_nearest(key: str, value: float) -> float:
    """The engine's nearest feasible value, rounded the safe way to what the controls show: caps up to
    the next 0.1 %, money limits down to the dollar."""
    if key in ("min_cash", "min_trade"):
        return float(math.floor(value))
    if key in ("cash_flow", "cash"):
        return float(round(value))
    return math.ceil(value * 1000 - 1e-9) / 1000


def nearest_text(key: str, value: float) -> str:
    """'17.1 %' for fractions, '$1,200' for money keys."""
    if key in ("min_cash", "min_trade", "cash_flow", "cash"):
        return fmt.money(value)
    return fmt.pct(value)


class ProblemLabel(QLabel):
    """A hidden-until-needed explanation under a control, with an optional 'use the nearest value' link."""

    applyRequested = Signal(str, float)  # constraint name, value

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setWordWrap(True)
        self.setVisible(False)
        self.setObjectName("problem")
        self.setTextFormat(self.textFormat().RichText)
        self.linkActivated.connect(self._on_link)
        self._nearest: dict[str, float] = {}

    def show_problem(self, message: str, nearest: dict[str, float] | None = None) -> None:
        self._nearest = {k: usable_nearest(k, v) for k, v in (nearest or {}).items()}
        color = theme.warn().name()
        html = f"<span style='color:{color}'>⚠ {_escape(message)}</span>"
        for name, value in self._nearest.items():
            label = self.tr("Use {value}").format(value=nearest_text(name, value))
            html += f" <a href='apply:{name}'>{label}</a>"
        self.setText(html)
        self.setVisible(True)

    def clear_problem(self) -> None:
        if not self.isVisibleTo(self.parentWidget()) and not self.text():
            return  # already clear: touching it would make the layout recompute
        self._nearest = {}
        self.setText("")
        self.setVisible(False)

    def _on_link(self, link: str) -> None:
        name = link.removeprefix("apply:")
        if name in self._nearest:
            self.applyRequested.emit(name, self._nearest[name])


class ProblemRouter:
    """Shows each outcome's infeasibility or input problem under the controls it names; tickers the
    engine names are marked in the holdings table."""

    def __init__(
        self, labels: dict[str, ProblemLabel], holdings: Any, scenario: Callable[[], Scenario | None]
    ) -> None:
        self.labels = labels
        self.holdings = holdings  # HoldingsModel: problem_tickers, invalidate()
        self._scenario = scenario

    def show(self, outcome: Any) -> None:
        for label in self.labels.values():
            label.clear_problem()
        flagged = set(self.holdings.problem_tickers)
        self.holdings.problem_tickers.clear()
        r = outcome.result
        if r is not None and r.status is Status.INFEASIBLE and r.infeasibility is not None:
            inf = r.infeasibility
            self.route(list(inf.conflicting), inf.message, dict(inf.nearest))
        elif outcome.problem is not None:
            p = outcome.problem
            sc = self._scenario()
            if p.field:
                self.route([p.field], p.message, {})
            elif sc is not None:
                words = set(p.message.replace(",", " ").replace(":", " ").split())
                bad = [t for t in sc.universe if t in words]
                if bad:
                    self.route([f"asset:{t}" for t in bad], p.message, {})
        if self.holdings.problem_tickers != flagged:
            self.holdings.invalidate()

    def route(self, names: list[str], message: str, nearest: dict[str, float]) -> list[ProblemLabel]:
        shown: list[ProblemLabel] = []
        sc = self._scenario()
        for name in names:
            key = problem_key(name, sc)
            if key.startswith("asset:"):
                self.holdings.problem_tickers.add(key.removeprefix("asset:"))
                key = "holdings"
            label = self.labels.get(key)
            if label is not None and label not in shown:
                label.show_problem(message, {k: v for k, v in nearest.items() if problem_key(k) == key})
                shown.append(label)
        return shown


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
