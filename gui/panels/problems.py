"""Explanations shown next to the control that causes them (infeasibility, invalid input).

The engine names limits by ``LimitId`` (routed with ``gui.nearest.limit_key``) and bad input by scenario
field (``constraints.vol_cap``, ``targets.sleeves[1].weight``); ``problem_key`` maps a field (or a limit's
JSON name) to the key a panel registered its label under. The router asks for the labels each time it
shows a problem: the targets panel makes its sleeve rows (and their labels) only once a scenario is open.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from engine.model.scenario import Scenario
from engine.result import Status, as_limit
from gui import fmt, message_texts, theme
from gui.engine_texts import engine_phrase
from gui.nearest import is_money, limit_key, usable_nearest

if TYPE_CHECKING:
    from engine.messages import Message
    from engine.optimize.limit_id import LimitId

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
    "sector_max_pct": "lookthrough",
    "sector_min_pct": "lookthrough",
    "company_max_pct": "lookthrough",
}


def problem_key(name: str, scenario: Scenario | None = None) -> str:
    """The widget key for an engine constraint name or a ScenarioError field path."""
    name = name.strip()
    limit = as_limit(name) if "." not in name and "[" not in name else None
    if limit is not None:
        return limit_key(limit)
    if ":" in name:
        kind, _, what = name.partition(":")
        if kind.startswith("ticker"):
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


def nearest_text(limit: LimitId, value: float) -> str:
    """'17.1 %' for fractions, '$1,200' for money limits."""
    return fmt.money(value) if is_money(limit) else fmt.pct(value)


class ProblemLabel(QLabel):
    """A hidden-until-needed explanation under a control, with 'use the nearest value' links."""

    applyRequested = Signal(str, float)  # the limit's JSON name, the value (rounded toward feasible)

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setWordWrap(True)
        self.setVisible(False)
        self.setObjectName("problem")
        self.setTextFormat(self.textFormat().RichText)
        self.linkActivated.connect(self._on_link)
        self._nearest: dict[str, tuple[LimitId, float]] = {}
        self.on_apply: Callable[[LimitId, float], None] | None = None  # set by the router

    @property
    def nearest(self) -> dict[LimitId, float]:
        return dict(self._nearest.values())

    def show_problem(self, message: str, nearest: Mapping[LimitId, float] | None = None) -> None:
        self._nearest = {str(k): (k, usable_nearest(k, v)) for k, v in (nearest or {}).items()}
        color = theme.warn().name()
        html = f"<span style='color:{color}'>⚠ {_escape(message)}</span>"
        for name, (limit, value) in self._nearest.items():
            label = self.tr("Use {value}").format(value=nearest_text(limit, value))
            if len(self._nearest) > 1:  # say which limit each link sets
                label = self.tr("Use {value} for the {limit}").format(
                    value=nearest_text(limit, value), limit=_escape(render_limit(limit))
                )
            html += f" <a href='apply:{name}'>{label}</a>"
        self.setText(html)
        self.setVisible(True)

    def clear_problem(self) -> None:
        parent = self.parentWidget()
        shown = self.isVisibleTo(parent) if parent is not None else not self.isHidden()
        if not shown and not self.text():
            return  # already clear: touching it would make the layout recompute
        self._nearest = {}
        self.setText("")
        self.setVisible(False)

    def _on_link(self, link: str) -> None:
        name = link.removeprefix("apply:")
        if name in self._nearest:
            limit, value = self._nearest[name]
            self.applyRequested.emit(name, value)
            if self.on_apply is not None:
                self.on_apply(limit, value)


class ProblemRouter:
    """Shows each outcome's infeasibility or input problem under the controls it names; tickers the
    engine names are marked in the holdings table. ``labels`` is asked each time (panels rebuild theirs);
    ``apply`` sets a limit to its nearest workable value."""

    def __init__(
        self,
        labels: Callable[[], dict[str, ProblemLabel]],
        holdings: Any,
        scenario: Callable[[], Scenario | None],
        apply: Callable[[LimitId, float], None] | None = None,
    ) -> None:
        self._labels = labels
        self.holdings = holdings  # HoldingsModel: problem_tickers, invalidate()
        self._scenario = scenario
        self._apply = apply

    @property
    def labels(self) -> dict[str, ProblemLabel]:
        return self._labels()

    def show(self, outcome: Any) -> None:
        for label in self.labels.values():
            label.clear_problem()
        flagged = set(self.holdings.problem_tickers)
        self.holdings.problem_tickers.clear()
        r = outcome.result
        if r is not None and r.status is Status.INFEASIBLE and r.infeasibility is not None:
            inf = r.infeasibility
            limits = list(inf.limits)
            said = dict(zip(limits, inf.why, strict=True)) if len(inf.why) == len(limits) else {}
            self.route_limits(limits, inf.message, inf.nearest_by_limit, said)
        elif outcome.problem is not None:
            p = outcome.problem
            sc = self._scenario()
            if p.field:
                self.route([p.field], engine_phrase(p.message))
            elif sc is not None:
                words = set(p.message.replace(",", " ").replace(":", " ").split())
                bad = [t for t in sc.universe if t in words]
                if bad:
                    self.route([f"ticker:{t}" for t in bad], engine_phrase(p.message))
        if self.holdings.problem_tickers != flagged:
            self.holdings.invalidate()

    def route_limits(
        self,
        limits: list[LimitId],
        message: str,
        nearest: Mapping[LimitId, float],
        said: Mapping[LimitId, Message] | None = None,
    ) -> list[ProblemLabel]:
        """Show under the control of every limit what the engine says: the whole ``message`` under the
        control of the first limit named (the message is mostly about it), under the others what is said
        about their own limits (``said``, in the user's language), each with the nearest values it sets."""
        said = said or {}
        labels = self.labels
        by_key: dict[str, list[LimitId]] = {}
        for lim in limits:
            by_key.setdefault(self._key_of(lim, labels), []).append(lim)
        shown: list[ProblemLabel] = []
        for n, lims in enumerate(by_key.values()):
            texts = [message_texts.render(said[lim]) for lim in lims if lim in said]
            text = "; ".join(texts) if n > 0 and len(texts) == len(lims) else message
            shown += self._show([self._place(lim, labels) for lim in lims], text, nearest)
        return shown

    def route(self, names: list[str], message: str) -> list[ProblemLabel]:
        """Show ``message`` under the controls of scenario fields or limit names (input problems); a
        ticker's input problem goes under the holdings table."""
        sc = self._scenario()
        places: list[tuple[str | None, str]] = []
        for n in names:
            key = problem_key(n, sc)
            places.append(
                (key.removeprefix("asset:"), "holdings") if key.startswith("asset:") else (None, key)
            )
        return self._show(places, message, {})

    def _show(
        self, places: list[tuple[str | None, str]], message: str, nearest: Mapping[LimitId, float]
    ) -> list[ProblemLabel]:
        """Show ``message`` on each (ticker to mark in the holdings table, label key) place."""
        shown: list[ProblemLabel] = []
        labels = self.labels
        for ticker, key in places:
            if ticker is not None:
                self.holdings.problem_tickers.add(ticker)
            label = labels.get(key)
            if label is not None and label not in shown:
                mine = {k: v for k, v in nearest.items() if self._place(k, labels)[1] == key}
                label.on_apply = self._apply
                label.show_problem(message, mine)
                shown.append(label)
        return shown

    def _key_of(self, limit: LimitId, labels: dict[str, ProblemLabel]) -> str:
        return self._place(limit, labels)[1]

    def _place(self, limit: LimitId, labels: dict[str, ProblemLabel]) -> tuple[str | None, str]:
        """Where a limit's problem shows: a ticker's minimum or maximum under its sleeve's row (where its
        weight is set) when the targets panel has one, its no-buy / no-sell under the holdings table (where
        they are ticked); both mark the ticker's holdings row."""
        key = limit_key(limit)
        if not key.startswith("asset:"):
            return None, key
        ticker = key.removeprefix("asset:")
        if limit.kind.value not in ("asset_min", "asset_max"):
            return ticker, "holdings"
        sc = self._scenario()
        sleeve = sc.targets.sleeve_of(ticker) if sc is not None else None
        if sleeve is not None and f"sleeve:{sleeve.name}" in labels:
            return ticker, f"sleeve:{sleeve.name}"
        return ticker, "holdings"


def render_limit(limit: LimitId) -> str:
    return message_texts.formatter().value(limit)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
