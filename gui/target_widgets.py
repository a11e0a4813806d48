"""The target editor's parts: ticker entry with completion from the bundled ETF list, percent spin boxes,
the drift-band editor and the "add a sleeve or ticker" dialog (also used by the holdings panel)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from engine.model.scenario import Band, Role
from gui import templates, theme


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
