"""Edit the whole target tree: sleeves and tickers (add, remove, rename), roles, sleeve weights and
sub-weights, min/max bounds, drift bands (per node and the default), the small-cap share and its bounds,
and the scenario's notes. Changes apply as one undoable edit when the user presses OK; OK stays disabled,
with one line saying why, while the tree does not add up."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.model.scenario import Role, Scenario, TargetTree
from gui import templates, theme, tree_edits
from gui.engine_texts import engine_phrase
from gui.holdings_csv import valid_ticker
from gui.target_forms import NODE as _NODE
from gui.target_forms import SleeveForm, TickerForm, WholeForm, fill_tree
from gui.target_widgets import (
    BandEditor,
    NewNodeDialog,
    pct_spin,
    role_names,
    ticker_completer,
    ticker_edit,
    ticker_text,
)

__all__ = [
    "BandEditor",
    "NewNodeDialog",
    "TargetEditor",
    "pct_spin",
    "role_names",
    "ticker_completer",
    "ticker_edit",
    "ticker_text",
]


class TargetEditor(QDialog):
    def __init__(
        self, scenario: Scenario, parent: QWidget | None = None, *, focus: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("TargetEditor", "Edit targets"))
        self.scenario = scenario
        self.tree: TargetTree = scenario.targets
        self._selected: tuple[str, str] | None = None  # (sleeve, ticker or "")

        self.whole = top = WholeForm()
        self.small_cap, self.small_cap_min, self.small_cap_max = (
            top.small_cap,
            top.small_cap_min,
            top.small_cap_max,
        )
        self.default_band = top.default_band

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

        self.sleeve_form = sf = SleeveForm()
        self.sleeve_name, self.sleeve_role, self.weight_help = sf.sleeve_name, sf.sleeve_role, sf.weight_help
        self.sleeve_weight, self.sleeve_min, self.sleeve_max = sf.sleeve_weight, sf.sleeve_min, sf.sleeve_max
        self.sleeve_band = sf.sleeve_band

        self.ticker_form = tf = TickerForm()
        self.ticker_name, self.fund_name, self.ticker_weight = tf.ticker_name, tf.fund_name, tf.ticker_weight
        self.ticker_min, self.ticker_max, self.ticker_band = tf.ticker_min, tf.ticker_max, tf.ticker_band

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
        self.view.blockSignals(True)
        fill_tree(self.view, self.tree, self._selected)
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
        self.problem.setText(engine_phrase(why) if why else "")  # the engine's words, translated
        self.box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(why is None)

    def edited(self) -> Scenario:
        """The scenario with the edited targets and notes."""
        return replace(self.scenario, targets=self.tree, notes=self.notes.toPlainText())
