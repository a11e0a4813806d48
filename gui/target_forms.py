"""The target editor's forms: the whole portfolio (small-cap share, bounds, default band), a sleeve, a ticker."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from engine.model.scenario import Role, TargetTree
from gui import fmt, templates, theme
from gui.target_widgets import BandEditor, pct_spin, role_names, ticker_edit

NODE = Qt.ItemDataRole.UserRole  # an item's (sleeve, ticker or "")


class WholeForm(QGroupBox):
    """The small-cap share of the whole portfolio, its bounds and the default drift band."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("TargetEditor", "Whole portfolio"), parent)
        form = QFormLayout(self)
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


class SleeveForm(QWidget):
    """One sleeve: name, role, weight, bounds and drift band."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        sf = QFormLayout(self)
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


class TickerForm(QWidget):
    """One ticker: symbol (with the fund's name), share of its sleeve, bounds and drift band."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        tf = QFormLayout(self)
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


def fill_tree(view: QTreeWidget, tree: TargetTree, selected: tuple[str, str] | None) -> None:
    """Sleeves with their tickers (name, role or fund, weight); the ``selected`` node becomes current."""
    roles = role_names()
    view.clear()
    current = None
    for s in tree.sleeves:
        item = QTreeWidgetItem([s.name, roles[s.role], fmt.pct(s.weight)])
        item.setData(0, NODE, (s.name, ""))
        item.setToolTip(
            2,
            QCoreApplication.translate("TargetEditor", "Share of the whole portfolio")
            if s.role is Role.OUTSIDE
            else QCoreApplication.translate("TargetEditor", "Share of small caps"),
        )
        view.addTopLevelItem(item)
        if selected == (s.name, ""):
            current = item
        for a in s.assets:
            child = QTreeWidgetItem([a.ticker, templates.etf_name(a.ticker), fmt.pct(a.weight)])
            child.setData(0, NODE, (s.name, a.ticker))
            child.setToolTip(2, QCoreApplication.translate("TargetEditor", "Share of its sleeve"))
            item.addChild(child)
            if selected == (s.name, a.ticker):
                current = child
    view.expandAll()
    for c in range(3):
        view.resizeColumnToContents(c)
    if current is not None:
        view.setCurrentItem(current)
