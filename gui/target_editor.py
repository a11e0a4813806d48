"""Edit the whole target tree: sleeves and tickers (add, remove, rename), roles, sleeve weights and
sub-weights, min/max bounds, drift bands (per node and the default), the small-cap share and its bounds,
and the scenario's notes. Changes apply as one undoable edit when the user presses OK; OK stays disabled,
with one line saying why, while the tree does not add up."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.model.scenario import Band, Role, Scenario, TargetTree
from gui import fmt, templates, theme, tree_edits
from gui.holdings_csv import valid_ticker

_NODE = Qt.ItemDataRole.UserRole


def role_names() -> dict[Role, str]:
    return {
        Role.CORE: QCoreApplication.translate("TargetEditor", "core"),
        Role.SATELLITE: QCoreApplication.translate("TargetEditor", "satellite"),
        Role.OUTSIDE: QCoreApplication.translate("TargetEditor", "outside"),
    }


def ticker_completer(parent: QWidget) -> QCompleter:
    """Completes a ticker from the bundled ETF list; the popup shows each fund's name."""
    items = [f"{e.ticker} — {e.name}" for e in templates.etfs()]
    completer = QCompleter(QStringListModel(items, parent), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
    return completer


def ticker_edit(parent: QWidget | None = None) -> QLineEdit:
    """A line edit for a ticker symbol with completion ("VBR — Vanguard Small-Cap Value ETF" -> VBR)."""
    edit = QLineEdit(parent)
    edit.setPlaceholderText(QCoreApplication.translate("TargetEditor", "e.g. VBR"))
    completer = ticker_completer(edit)
    edit.setCompleter(completer)
    completer.activated.connect(lambda text: edit.setText(str(text).split(" — ")[0]))
    return edit


def ticker_text(edit: QLineEdit) -> str:
    return edit.text().split(" — ")[0].strip().upper()


def pct_spin(maximum: float = 100.0, decimals: int = 1) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0.0, maximum)
    spin.setDecimals(decimals)
    spin.setSuffix(" %")
    spin.setKeyboardTracking(False)
    spin.setMaximumWidth(120)
    return spin


class BandEditor(QWidget):
    """A drift band: absolute points and relative %, or "use the default"."""

    def __init__(self, with_default: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.own = QCheckBox(QCoreApplication.translate("TargetEditor", "own band")) if with_default else None
        self.absolute = pct_spin()
        self.absolute.setSuffix(QCoreApplication.translate("TargetEditor", " pts"))
        self.absolute.setToolTip(
            QCoreApplication.translate(
                "TargetEditor", "Out of band when the weight drifts more than this many points"
            )
        )
        self.relative = pct_spin(1000.0, 0)
        self.relative.setToolTip(
            QCoreApplication.translate(
                "TargetEditor", "…or more than this share of its own target, whichever is smaller"
            )
        )
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        if self.own is not None:
            theme.visible_checkboxes(self.own)
            lay.addWidget(self.own)
            self.own.toggled.connect(self._enable)
        lay.addWidget(self.absolute)
        lay.addWidget(QLabel("/"))
        lay.addWidget(self.relative)
        lay.addStretch(1)

    def _enable(self, on: bool) -> None:
        self.absolute.setEnabled(on)
        self.relative.setEnabled(on)

    def set_band(self, band: Band | None, default: Band) -> None:
        shown = band or default
        for w in (self.absolute, self.relative, *([self.own] if self.own else [])):
            w.blockSignals(True)
        self.absolute.setValue(shown.absolute * 100)
        self.relative.setValue(shown.relative * 100)
        if self.own is not None:
            self.own.setChecked(band is not None)
            self._enable(band is not None)
        for w in (self.absolute, self.relative, *([self.own] if self.own else [])):
            w.blockSignals(False)

    def band(self) -> Band | None:
        if self.own is not None and not self.own.isChecked():
            return None
        return Band(absolute=self.absolute.value() / 100, relative=self.relative.value() / 100)


class TargetEditor(QDialog):
    def __init__(
        self, scenario: Scenario, parent: QWidget | None = None, *, focus: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("TargetEditor", "Edit targets"))
        self.scenario = scenario
        self.tree: TargetTree = scenario.targets
        self._selected: tuple[str, str] | None = None  # (sleeve, ticker or "")

        # whole tree
        top = QGroupBox(QCoreApplication.translate("TargetEditor", "Whole portfolio"))
        form = QFormLayout(top)
        self.small_cap = pct_spin()
        self.small_cap.setToolTip(
            QCoreApplication.translate(
                "TargetEditor", "The small-cap sleeve's target share of the whole portfolio"
            )
        )
        self.small_cap_min = pct_spin()
        self.small_cap_max = pct_spin()
        bounds = QHBoxLayout()
        bounds.addWidget(QLabel(QCoreApplication.translate("TargetEditor", "min")))
        bounds.addWidget(self.small_cap_min)
        bounds.addWidget(QLabel(QCoreApplication.translate("TargetEditor", "max")))
        bounds.addWidget(self.small_cap_max)
        bounds.addStretch(1)
        form.addRow(QCoreApplication.translate("TargetEditor", "Small caps"), self.small_cap)
        form.addRow(QCoreApplication.translate("TargetEditor", "Small caps may range"), bounds)
        self.default_band = BandEditor(with_default=False)
        form.addRow(QCoreApplication.translate("TargetEditor", "Default drift band"), self.default_band)

        # the tree and the selected node
        self.view = QTreeWidget()
        self.view.setHeaderLabels(
            [
                QCoreApplication.translate("TargetEditor", "Sleeve / ticker"),
                QCoreApplication.translate("TargetEditor", "Role or fund"),
                QCoreApplication.translate("TargetEditor", "Weight"),
            ]
        )
        self.view.setRootIsDecorated(True)
        self.view.setMinimumWidth(260)
        self.add_sleeve_button = QPushButton(QCoreApplication.translate("TargetEditor", "Add sleeve…"))
        self.add_ticker_button = QPushButton(QCoreApplication.translate("TargetEditor", "Add ticker…"))
        self.remove_button = QPushButton(QCoreApplication.translate("TargetEditor", "Remove"))
        self.balance_button = QPushButton(QCoreApplication.translate("TargetEditor", "Make it add up"))
        self.balance_button.setToolTip(
            QCoreApplication.translate(
                "TargetEditor", "Scale the sleeve weights so core and satellites make 100 % of small caps"
            )
        )
        buttons = QHBoxLayout()
        for b in (self.add_sleeve_button, self.add_ticker_button, self.remove_button, self.balance_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.sleeve_form = QWidget()
        sf = QFormLayout(self.sleeve_form)
        self.sleeve_name = QLineEdit()
        self.sleeve_role = QComboBox()
        for role, name in role_names().items():
            self.sleeve_role.addItem(name, role.value)
        self.sleeve_weight = pct_spin()
        self.sleeve_min = pct_spin()
        self.sleeve_max = pct_spin()
        self.sleeve_band = BandEditor(with_default=True)
        self.weight_help = QLabel()
        theme.mute(self.weight_help)
        self.weight_help.setWordWrap(True)
        sf.addRow(QCoreApplication.translate("TargetEditor", "Name"), self.sleeve_name)
        sf.addRow(QCoreApplication.translate("TargetEditor", "Role"), self.sleeve_role)
        sf.addRow(QCoreApplication.translate("TargetEditor", "Weight"), self.sleeve_weight)
        sf.addRow("", self.weight_help)
        sf.addRow(QCoreApplication.translate("TargetEditor", "Minimum"), self.sleeve_min)
        sf.addRow(QCoreApplication.translate("TargetEditor", "Maximum"), self.sleeve_max)
        sf.addRow(QCoreApplication.translate("TargetEditor", "Drift band"), self.sleeve_band)
        bounds_help = QLabel(
            QCoreApplication.translate(
                "TargetEditor", "Minimum and maximum are shares of the whole portfolio."
            )
        )
        theme.mute(bounds_help)
        bounds_help.setWordWrap(True)
        sf.addRow("", bounds_help)

        self.ticker_form = QWidget()
        tf = QFormLayout(self.ticker_form)
        self.ticker_name = ticker_edit()
        self.fund_name = QLabel()
        theme.mute(self.fund_name)
        self.ticker_weight = pct_spin()
        self.ticker_weight.setToolTip(
            QCoreApplication.translate(
                "TargetEditor", "Share of its sleeve; the sleeve's other tickers share the rest"
            )
        )
        self.ticker_min = pct_spin()
        self.ticker_max = pct_spin()
        self.ticker_band = BandEditor(with_default=True)
        tf.addRow(QCoreApplication.translate("TargetEditor", "Ticker"), self.ticker_name)
        tf.addRow("", self.fund_name)
        tf.addRow(QCoreApplication.translate("TargetEditor", "Share of sleeve"), self.ticker_weight)
        tf.addRow(QCoreApplication.translate("TargetEditor", "Minimum"), self.ticker_min)
        tf.addRow(QCoreApplication.translate("TargetEditor", "Maximum"), self.ticker_max)
        tf.addRow(QCoreApplication.translate("TargetEditor", "Drift band"), self.ticker_band)

        self.forms = QStackedWidget()
        self.empty_form = QLabel(
            QCoreApplication.translate("TargetEditor", "Choose a sleeve or a ticker to edit it.")
        )
        theme.mute(self.empty_form)
        self.forms.addWidget(self.empty_form)
        self.forms.addWidget(self.sleeve_form)
        self.forms.addWidget(self.ticker_form)

        middle = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.view, 1)
        left.addLayout(buttons)
        middle.addLayout(left, 3)
        middle.addWidget(self.forms, 2)

        self.notes = QPlainTextEdit(scenario.notes)
        self.notes.setPlaceholderText(
            QCoreApplication.translate("TargetEditor", "Notes for this scenario (kept in the file)")
        )
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {theme.sell().name()}")
        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(top)
        lay.addLayout(middle, 1)
        lay.addWidget(QLabel(QCoreApplication.translate("TargetEditor", "Notes")))
        lay.addWidget(self.notes)
        lay.addWidget(self.problem)
        lay.addWidget(self.box)
        self.resize(820, 620)

        self._load_whole()
        self._connect()
        self._refresh_tree()
        if focus is not None:
            self.select(focus)

    # -- wiring ---------------------------------------------------------------------------------

    def _connect(self) -> None:
        self.small_cap.valueChanged.connect(
            lambda v: self._set_tree(replace(self.tree, small_cap_weight=v / 100))
        )
        self.small_cap_min.valueChanged.connect(
            lambda v: self._set_tree(replace(self.tree, small_cap_min=v / 100))
        )
        self.small_cap_max.valueChanged.connect(
            lambda v: self._set_tree(replace(self.tree, small_cap_max=v / 100))
        )
        for spin in (self.default_band.absolute, self.default_band.relative):
            spin.valueChanged.connect(self._default_band_changed)
        self.view.currentItemChanged.connect(lambda cur, _prev: self._on_select(cur))
        self.add_sleeve_button.clicked.connect(self._add_sleeve)
        self.add_ticker_button.clicked.connect(self._add_ticker)
        self.remove_button.clicked.connect(self.remove_selected)
        self.balance_button.clicked.connect(lambda: self._set_tree(tree_edits.balance(self.tree)))
        self.sleeve_name.editingFinished.connect(self._rename_sleeve)
        self.sleeve_role.activated.connect(
            lambda _i: self._sleeve_changed(role=self.sleeve_role.currentData())
        )
        self.sleeve_weight.valueChanged.connect(lambda v: self._sleeve_changed(weight=v / 100))
        self.sleeve_min.valueChanged.connect(lambda v: self._sleeve_changed(min_weight=v / 100))
        self.sleeve_max.valueChanged.connect(lambda v: self._sleeve_changed(max_weight=v / 100))
        self.sleeve_band.own.toggled.connect(lambda _on: self._sleeve_changed(band=self.sleeve_band.band()))  # type: ignore[union-attr]
        for spin in (self.sleeve_band.absolute, self.sleeve_band.relative):
            spin.valueChanged.connect(lambda _v: self._sleeve_changed(band=self.sleeve_band.band()))
        self.ticker_name.editingFinished.connect(self._rename_ticker)
        self.ticker_weight.valueChanged.connect(self._sub_weight_changed)
        self.ticker_min.valueChanged.connect(lambda v: self._ticker_changed(min_weight=v / 100))
        self.ticker_max.valueChanged.connect(lambda v: self._ticker_changed(max_weight=v / 100))
        self.ticker_band.own.toggled.connect(lambda _on: self._ticker_changed(band=self.ticker_band.band()))  # type: ignore[union-attr]
        for spin in (self.ticker_band.absolute, self.ticker_band.relative):
            spin.valueChanged.connect(lambda _v: self._ticker_changed(band=self.ticker_band.band()))

    def _load_whole(self) -> None:
        t = self.tree
        for spin, v in (
            (self.small_cap, t.small_cap_weight),
            (self.small_cap_min, t.small_cap_min),
            (self.small_cap_max, t.small_cap_max),
        ):
            spin.blockSignals(True)
            spin.setValue(v * 100)
            spin.blockSignals(False)
        self.default_band.set_band(t.default_band, t.default_band)

    def _default_band_changed(self) -> None:
        band = self.default_band.band()
        assert band is not None
        self._set_tree(replace(self.tree, default_band=band))

    # -- the tree view --------------------------------------------------------------------------

    def _set_tree(self, tree: TargetTree) -> None:
        self.tree = tree
        self._refresh_tree()

    def _refresh_tree(self) -> None:
        roles = role_names()
        self.view.blockSignals(True)
        self.view.clear()
        current = None
        for s in self.tree.sleeves:
            item = QTreeWidgetItem([s.name, roles[s.role], fmt.pct(s.weight)])
            item.setData(0, _NODE, (s.name, ""))
            item.setToolTip(
                2,
                QCoreApplication.translate("TargetEditor", "Share of the whole portfolio")
                if s.role is Role.OUTSIDE
                else QCoreApplication.translate("TargetEditor", "Share of small caps"),
            )
            self.view.addTopLevelItem(item)
            if self._selected == (s.name, ""):
                current = item
            for a in s.assets:
                child = QTreeWidgetItem([a.ticker, templates.etf_name(a.ticker), fmt.pct(a.weight)])
                child.setData(0, _NODE, (s.name, a.ticker))
                child.setToolTip(2, QCoreApplication.translate("TargetEditor", "Share of its sleeve"))
                item.addChild(child)
                if self._selected == (s.name, a.ticker):
                    current = child
        self.view.expandAll()
        for c in range(3):
            self.view.resizeColumnToContents(c)
        if current is not None:
            self.view.setCurrentItem(current)
        self.view.blockSignals(False)
        self._on_select(self.view.currentItem())
        self._check()

    def select(self, sleeve: str, ticker: str = "") -> None:
        self._selected = (sleeve, ticker)
        self._refresh_tree()

    def _on_select(self, item: QTreeWidgetItem | None) -> None:
        node = item.data(0, _NODE) if item is not None else None
        if not node:
            self._selected = None
            self.forms.setCurrentWidget(self.empty_form)
            self.add_ticker_button.setEnabled(False)
            self.remove_button.setEnabled(False)
            return
        self._selected = (str(node[0]), str(node[1]))
        self.add_ticker_button.setEnabled(True)
        self.remove_button.setEnabled(True)
        sleeve = next(s for s in self.tree.sleeves if s.name == node[0])
        if not node[1]:
            self._fill(
                [
                    (self.sleeve_weight, sleeve.weight),
                    (self.sleeve_min, sleeve.min_weight),
                    (self.sleeve_max, sleeve.max_weight),
                ]
            )
            self.sleeve_name.setText(sleeve.name)
            self.sleeve_role.blockSignals(True)
            self.sleeve_role.setCurrentIndex(self.sleeve_role.findData(sleeve.role.value))
            self.sleeve_role.blockSignals(False)
            self.sleeve_band.set_band(sleeve.band, self.tree.default_band)
            self.weight_help.setText(
                QCoreApplication.translate("TargetEditor", "of the whole portfolio")
                if sleeve.role is Role.OUTSIDE
                else QCoreApplication.translate("TargetEditor", "of the small-cap sleeve")
            )
            self.forms.setCurrentWidget(self.sleeve_form)
            return
        asset = next(a for a in sleeve.assets if a.ticker == node[1])
        self._fill(
            [
                (self.ticker_weight, asset.weight),
                (self.ticker_min, asset.min_weight),
                (self.ticker_max, asset.max_weight),
            ]
        )
        self.ticker_weight.setEnabled(len(sleeve.assets) > 1)
        self.ticker_name.setText(asset.ticker)
        self.fund_name.setText(templates.etf_name(asset.ticker))
        self.ticker_band.set_band(asset.band, sleeve.band or self.tree.default_band)
        self.forms.setCurrentWidget(self.ticker_form)

    @staticmethod
    def _fill(pairs: list[tuple[QDoubleSpinBox, float]]) -> None:
        for spin, v in pairs:
            spin.blockSignals(True)
            spin.setValue(v * 100)
            spin.blockSignals(False)

    # -- edits ----------------------------------------------------------------------------------

    def _sleeve_changed(self, **changes: object) -> None:
        if self._selected and not self._selected[1]:
            self._set_tree(tree_edits.set_sleeve(self.tree, self._selected[0], **changes))

    def _ticker_changed(self, **changes: object) -> None:
        if self._selected and self._selected[1]:
            self._set_tree(tree_edits.set_ticker(self.tree, *self._selected, **changes))

    def _sub_weight_changed(self, value: float) -> None:
        if self._selected and self._selected[1]:
            self._set_tree(tree_edits.set_sub_weight(self.tree, *self._selected, value / 100))

    def _rename_sleeve(self) -> None:
        if not self._selected or self._selected[1]:
            return
        new = self.sleeve_name.text().strip()
        old = self._selected[0]
        if not new or new == old:
            self.sleeve_name.setText(old)
            return
        if any(s.name == new for s in self.tree.sleeves):
            self.problem.setText(
                QCoreApplication.translate("TargetEditor", "There is already a sleeve called {name}.").format(
                    name=new
                )
            )
            self.sleeve_name.setText(old)
            return
        self._selected = (new, "")
        self._set_tree(tree_edits.rename_sleeve(self.tree, old, new))

    def _rename_ticker(self) -> None:
        if not self._selected or not self._selected[1]:
            return
        new = ticker_text(self.ticker_name)
        sleeve, old = self._selected
        if new == old:
            self.ticker_name.setText(old)
            return
        why = self._ticker_problem(new)
        if why:
            self.problem.setText(why)
            self.ticker_name.setText(old)
            return
        self._selected = (sleeve, new)
        self._set_tree(tree_edits.set_ticker(self.tree, sleeve, old, ticker=new))

    def _ticker_problem(self, ticker: str) -> str | None:
        if not valid_ticker(ticker):
            return QCoreApplication.translate(
                "TargetEditor", "{text} is not a ticker symbol: use letters, digits, '.' or '-'"
            ).format(text=ticker)
        where = self.tree.sleeve_of(ticker)
        if where is not None:
            return QCoreApplication.translate(
                "TargetEditor", "{ticker} is already in the {sleeve} sleeve."
            ).format(ticker=ticker, sleeve=where.name)
        return None

    def add_sleeve(self, name: str, role: Role, ticker: str) -> str | None:
        """Add a sleeve holding ``ticker``; returns why not, or None."""
        ticker = ticker.strip().upper()
        why = self._ticker_problem(ticker)
        if why:
            return why
        name = tree_edits.unique_name(self.tree, name.strip() or ticker)
        self._selected = (name, "")
        self._set_tree(tree_edits.add_sleeve(self.tree, name, role, ticker))
        return None

    def add_ticker(self, sleeve: str, ticker: str) -> str | None:
        ticker = ticker.strip().upper()
        why = self._ticker_problem(ticker)
        if why:
            return why
        self._selected = (sleeve, ticker)
        self._set_tree(tree_edits.add_ticker(self.tree, sleeve, ticker))
        return None

    def remove_selected(self) -> None:
        if not self._selected:
            return
        sleeve, ticker = self._selected
        s = next(x for x in self.tree.sleeves if x.name == sleeve)
        if ticker and len(s.assets) > 1:
            tree = tree_edits.remove_ticker(self.tree, sleeve, ticker)
            self._selected = (sleeve, "")
        else:  # the last ticker of a sleeve goes with its sleeve
            tree = tree_edits.remove_sleeve(self.tree, sleeve)
            self._selected = None
        self._set_tree(tree)

    def _add_sleeve(self) -> None:
        dialog = NewNodeDialog(self, with_sleeve=True)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            why = self.add_sleeve(
                dialog.name.text(), Role(dialog.role.currentData()), ticker_text(dialog.ticker)
            )
            if why is None:
                return
            dialog.problem.setText(why)

    def _add_ticker(self) -> None:
        if not self._selected:
            return
        dialog = NewNodeDialog(self, with_sleeve=False)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            why = self.add_ticker(self._selected[0], ticker_text(dialog.ticker))
            if why is None:
                return
            dialog.problem.setText(why)

    # -- result ---------------------------------------------------------------------------------

    def _check(self) -> None:
        why = tree_edits.problem(self.scenario, self.tree)
        self.problem.setText(why or "")
        self.box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(why is None)

    def edited(self) -> Scenario:
        """The scenario with the edited targets and notes."""
        return replace(self.scenario, targets=self.tree, notes=self.notes.toPlainText())


class NewNodeDialog(QDialog):
    """Asks for a new sleeve (name, role, first ticker) or a new ticker."""

    def __init__(self, parent: QWidget | None = None, *, with_sleeve: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            QCoreApplication.translate("TargetEditor", "Add sleeve")
            if with_sleeve
            else QCoreApplication.translate("TargetEditor", "Add ticker")
        )
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setPlaceholderText(QCoreApplication.translate("TargetEditor", "e.g. Value"))
        self.role = QComboBox()
        for role, name in role_names().items():
            self.role.addItem(name, role.value)
        self.role.setCurrentIndex(self.role.findData(Role.SATELLITE.value))
        self.ticker = ticker_edit()
        if with_sleeve:
            form.addRow(QCoreApplication.translate("TargetEditor", "Sleeve name"), self.name)
            form.addRow(QCoreApplication.translate("TargetEditor", "Role"), self.role)
        form.addRow(QCoreApplication.translate("TargetEditor", "Ticker"), self.ticker)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {theme.sell().name()}")
        form.addRow(self.problem)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
