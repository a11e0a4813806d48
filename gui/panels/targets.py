"""Targets: core weight and each satellite with a slider and a spin box, sleeve totals, presets.

Totals stay at 100 % by the rules in ``gui.edits`` (said on screen): moving the core makes the
satellites share the rest; moving a satellite makes the core take the difference.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from engine.model.scenario import Role, Scenario
from gui import edits, fmt, theme
from gui.engine_calls import Outcome
from gui.labels import LabelSlot, NowAfterLabel, set_text
from gui.panels.problems import ProblemLabel
from gui.workspace import Workspace

SLIDER_STEPS = 1000  # 0.1 % resolution


def _clear_layout(layout: QLayout) -> None:
    """Remove and delete every item, including the widgets of nested layouts."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            continue
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            widget.deleteLater()
        elif inner is not None:
            _clear_layout(inner)
            inner.deleteLater()


class WeightControl(QWidget):
    """A slider and a spin box showing the same percentage, reporting edits as fractions."""

    def __init__(self, on_change: Callable[[float, bool], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_change = on_change
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setMinimumWidth(70)
        self.spin = QDoubleSpinBox()
        self.spin.setRange(0.0, 100.0)
        self.spin.setDecimals(1)
        self.spin.setSingleStep(1.0)
        self.spin.setSuffix(" %")
        self.spin.setKeyboardTracking(False)
        self.spin.setFixedWidth(76)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.spin)
        self.slider.valueChanged.connect(lambda v: self._on_change(v / SLIDER_STEPS, True))
        self.spin.valueChanged.connect(lambda v: self._on_change(v / 100.0, False))

    def set_fraction(self, x: float) -> None:
        step = round(x * SLIDER_STEPS)
        if self.slider.value() != step:
            self.slider.blockSignals(True)
            self.slider.setValue(step)
            self.slider.blockSignals(False)
        if abs(self.spin.value() - x * 100.0) > 1e-9:
            self.spin.blockSignals(True)
            self.spin.setValue(x * 100.0)
            self.spin.blockSignals(False)


class TargetsPanel(QGroupBox):
    editRequested = Signal(str)  # open the targets editor on this sleeve ("" for none)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Targets"))
        self.ws = workspace
        self.bound_labels: dict[str, QLabel] = {}  # row key -> "min 50 % · max 80 % of the portfolio"
        self._binding: set[str] = set()
        self.controls: dict[str, WeightControl] = {}  # sleeve name -> control
        self.asset_controls: dict[tuple[str, str], QDoubleSpinBox] = {}
        self.now_labels: dict[str, NowAfterLabel] = {}
        self._now_shown: dict[str, tuple[object, ...]] = {}  # row key -> what its "now → after" label shows
        self.problems: dict[str, ProblemLabel] = {}
        self.small_cap: WeightControl | None = None
        self._shape: tuple[object, ...] | None = None

        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Preset (core / satellites):")))
        self.presets = QComboBox()
        self.presets.addItem(self.tr("Choose…"), None)
        for core, sat in edits.PRESETS:
            self.presets.addItem(f"{core} / {sat}", core)
        self.presets.activated.connect(self._on_preset)
        top.addWidget(self.presets, 1)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(
            self.tr("Add, remove or rename sleeves and tickers; roles, bounds, drift bands and notes")
        )
        self.edit_button.clicked.connect(lambda: self.editRequested.emit(""))
        top.addWidget(self.edit_button)
        outer.addLayout(top)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setColumnStretch(1, 1)
        outer.addWidget(self.grid_host)
        self.totals = QLabel()
        self.totals.setObjectName("totals")
        self.totals.setTextFormat(Qt.TextFormat.PlainText)  # two lines: measured from the font, not laid out
        self.totals.setFixedHeight(self.totals.fontMetrics().lineSpacing() * 2 + 6)
        outer.addWidget(LabelSlot(self.totals))  # new totals lay out the label, not the panel
        self.hint = QLabel(
            self.tr(
                "Moving the core: satellites share the rest. Moving a satellite: the core takes the difference."
            )
        )
        self.hint.setWordWrap(True)
        theme.mute(self.hint)
        outer.addWidget(self.hint)
        self.problem = ProblemLabel("targets")
        outer.addWidget(self.problem)
        outer.addStretch(1)
        workspace.scenarioChanged.connect(self._on_scenario)
        workspace.outcomeChanged.connect(self._on_outcome)

    # -- building -------------------------------------------------------------------------------

    def _rebuild(self, sc: Scenario) -> None:
        _clear_layout(self.grid)
        self.controls.clear()
        self.asset_controls.clear()
        self.now_labels.clear()
        self._now_shown.clear()
        self.bound_labels.clear()
        self.problems = {"targets": self.problem}
        self.small_cap = None
        head = QLabel(self.tr("now → after"))
        theme.mute(head, "font-size: 8pt")
        head.setToolTip(self.tr("Share of the whole portfolio in %: held now → after the proposed trades"))
        self.grid.addWidget(head, 0, 2)
        row = 1
        if sc.targets.outside_sleeves:
            self.small_cap = WeightControl(
                lambda x, drag: self._edit(edits.set_small_cap_weight, x, "small_cap", drag)
            )
            self.small_cap.setToolTip(
                self.tr("Small caps' share of the whole portfolio; the outside sleeves share the rest")
            )
            row = self._add_row(row, self.tr("Small caps"), self.small_cap, "small_cap", bold=True)
        for s in sc.targets.sleeves:
            role = {
                Role.CORE: self.tr("core"),
                Role.SATELLITE: self.tr("satellite"),
                Role.OUTSIDE: self.tr("outside"),
            }[s.role]
            ctrl = WeightControl(self._sleeve_editor(s.name))
            ctrl.setToolTip(
                self.tr("Share of the small-cap sleeve")
                if s.role is not Role.OUTSIDE
                else self.tr("Share of the whole portfolio")
            )
            self.controls[s.name] = ctrl
            row = self._add_row(
                row,
                f"{s.name} <span style='color:{theme.muted().name()}'>({role})</span>",
                ctrl,
                f"sleeve:{s.name}",
                bold=s.role is Role.CORE,
            )
            if len(s.assets) > 1:
                for a in s.assets:
                    spin = QDoubleSpinBox()
                    spin.setRange(0.0, 100.0)
                    spin.setDecimals(1)
                    spin.setSuffix(" %")
                    spin.setKeyboardTracking(False)
                    spin.setFixedWidth(76)
                    spin.setToolTip(
                        self.tr("{ticker}'s share of the {sleeve} sleeve").format(
                            ticker=a.ticker, sleeve=s.name
                        )
                    )
                    spin.valueChanged.connect(
                        lambda v, n=s.name, t=a.ticker: self._edit_asset(n, t, v / 100.0)
                    )
                    self.asset_controls[(s.name, a.ticker)] = spin
                    lab = QLabel(f"    {a.ticker}")
                    theme.mute(lab)
                    self.grid.addWidget(lab, row, 0)
                    holder = QHBoxLayout()
                    holder.addStretch(1)
                    holder.addWidget(spin)
                    self.grid.addLayout(holder, row, 1)
                    row += 1

    def _sleeve_editor(self, name: str) -> Callable[[float, bool], None]:
        def edit(x: float, drag: bool) -> None:
            self._edit_sleeve(name, x, drag)

        return edit

    def _add_row(self, row: int, title: str, ctrl: QWidget, key: str, *, bold: bool = False) -> int:
        label = QLabel(f"<b>{title}</b>" if bold else title)
        label.setWordWrap(True)  # a long sleeve name takes two lines rather than widening the panel
        self.grid.addWidget(label, row, 0)
        self.grid.addWidget(ctrl, row, 1)
        now = NowAfterLabel()
        now.setFixedSize(
            84, now.fontMetrics().height() + 4
        )  # fixed: new numbers must not re-layout the panel
        self.grid.addWidget(now, row, 2)
        self.now_labels[key] = now
        bound = QLabel()
        bound.setTextFormat(Qt.TextFormat.RichText)
        bound.linkActivated.connect(lambda _link, k=key: self.editRequested.emit(k.partition(":")[2]))
        bound.setVisible(False)
        self.bound_labels[key] = bound
        self.grid.addWidget(bound, row + 1, 0, 1, 3)
        problem = ProblemLabel(key)
        self.problems[key] = problem
        self.grid.addWidget(problem, row + 2, 0, 1, 3)
        return row + 3

    def retheme(self) -> None:
        """Rebuild the rows with the current palette's colours."""
        self._shape = None
        if self.ws.scenario is not None:
            self._on_scenario(self.ws.scenario)

    # -- edits ----------------------------------------------------------------------------------

    def _edit(self, fn: Callable[[Scenario, float], Scenario], x: float, key: str, drag: bool) -> None:
        if self.ws.scenario is None:
            return
        self.ws.edit(fn(self.ws.scenario, x), merge_key=key if drag else None)

    def _edit_sleeve(self, name: str, x: float, drag: bool) -> None:
        if self.ws.scenario is not None:
            self.ws.edit(
                edits.set_sleeve_weight(self.ws.scenario, name, x),
                merge_key=f"sleeve:{name}" if drag else None,
            )

    def _edit_asset(self, sleeve: str, ticker: str, x: float) -> None:
        if self.ws.scenario is not None:
            self.ws.edit(edits.set_asset_weight(self.ws.scenario, sleeve, ticker, x))

    def _on_preset(self, index: int) -> None:
        core = self.presets.itemData(index)
        if core is not None and self.ws.scenario is not None:
            self.ws.edit(edits.apply_preset(self.ws.scenario, int(core)))
        self.presets.setCurrentIndex(0)

    # -- updates --------------------------------------------------------------------------------

    def _on_scenario(self, sc: Scenario) -> None:
        shape = tuple((s.name, s.role, tuple(a.ticker for a in s.assets)) for s in sc.targets.sleeves)
        if shape != self._shape:
            self._shape = shape
            self._rebuild(sc)
        for s in sc.targets.sleeves:
            self.controls[s.name].set_fraction(s.weight)
            for a in s.assets:
                spin = self.asset_controls.get((s.name, a.ticker))
                if spin is not None and abs(spin.value() - a.weight * 100.0) > 1e-9:
                    spin.blockSignals(True)
                    spin.setValue(a.weight * 100.0)
                    spin.blockSignals(False)
        if self.small_cap is not None:
            self.small_cap.set_fraction(sc.targets.small_cap_weight)
        self._update_totals(sc)
        self._update_bounds(sc)

    def _update_bounds(self, sc: Scenario) -> None:
        """Each sleeve's min/max (of the whole portfolio) under its slider, in the warning colour when it
        binds, with a link to the editor where it is changed."""
        t = sc.targets
        rows: dict[str, tuple[float, float]] = {
            f"sleeve:{s.name}": (s.min_weight, s.max_weight) for s in t.sleeves
        }
        rows["small_cap"] = (t.small_cap_min, t.small_cap_max)
        for key, label in self.bound_labels.items():
            lo, hi = rows.get(key, (0.0, 1.0))
            parts = []
            if lo > 1e-9:
                parts.append(self.tr("min {v}").format(v=fmt.pct(lo)))
            if hi < 1 - 1e-9:
                parts.append(self.tr("max {v}").format(v=fmt.pct(hi)))
            if not parts:
                if not label.isHidden():
                    label.setVisible(False)
                continue
            binds = key in self._binding
            color = theme.warn().name() if binds else theme.muted().name()
            text = self.tr("{bounds} of the portfolio").format(bounds=" · ".join(parts))
            if binds:
                text += " — " + self.tr("binds")
            link = self.tr("change")
            html = (
                f"<span style='color:{color}'>&nbsp;&nbsp;&nbsp;&nbsp;{text}</span> <a href='edit'>{link}</a>"
            )
            set_text(label, html)
            label.setVisible(True)

    def _update_totals(self, sc: Scenario) -> None:
        t = sc.targets
        core = sum(s.weight for s in t.sleeves if s.role is Role.CORE)
        sats = sum(s.weight for s in t.sleeves if s.role is Role.SATELLITE)
        text = self.tr("Core {core} + satellites {sats} = {total} of small caps").format(
            core=fmt.pct(core), sats=fmt.pct(sats), total=fmt.pct(core + sats)
        )
        if t.outside_sleeves:
            outside = sum(s.weight for s in t.outside_sleeves)
            text += "\n" + self.tr("Small caps {sc} + outside {out} = {total} of the portfolio").format(
                sc=fmt.pct(t.small_cap_weight),
                out=fmt.pct(outside),
                total=fmt.pct(t.small_cap_weight + outside),
            )
        set_text(self.totals, text)

    def _on_outcome(self, outcome: Outcome) -> None:
        r = outcome.result
        binding = set()
        names = [b.constraint for b in r.binding] if r else []
        if r is not None and r.infeasibility is not None:
            names += [str(c) for c in r.infeasibility.conflicting]  # typed ids or names
        for name in names:
            kind, _, subject = name.partition(":")
            if kind in ("sleeve_min", "sleeve_max"):
                binding.add(f"sleeve:{subject}")
            elif kind in ("small_cap_min", "small_cap_max"):
                binding.add("small_cap")
        if binding != self._binding:
            self._binding = binding
            self._update_bounds(outcome.scenario)
        rows = (
            {("small_cap" if s.role == "small_cap" else f"sleeve:{s.name}"): s for s in r.sleeves}
            if r
            else {}
        )
        for key, label in self.now_labels.items():
            s = rows.get(key)
            if s is None:
                label.set_parts("", "")
                self._now_shown.pop(key, None)
                continue
            shown = (
                s.name,
                s.weight_before,
                s.weight_after,
                s.weight_target,
                s.outside_band,
                theme.is_dark(),
            )
            if self._now_shown.get(key) == shown:
                continue  # unchanged: no repaint
            self._now_shown[key] = shown
            label.set_parts(
                fmt.number(s.weight_before * 100, 1),
                f" → {fmt.number(s.weight_after * 100, 1)}",
                theme.warn() if s.outside_band else None,
            )
            label.setToolTip(
                self.tr(
                    "{name}: {now} of the portfolio now, {after} after the trades; target {target}{band}"
                ).format(
                    name=s.name,
                    now=fmt.pct(s.weight_before),
                    after=fmt.pct(s.weight_after),
                    target=fmt.pct(s.weight_target),
                    band=self.tr(" (outside its band)") if s.outside_band else "",
                )
            )
