"""Tickers without price history: choose a fund whose history stands in for each (its risk, its growth)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from engine.model.scenario import Role, Scenario
from gui import templates, theme
from gui.target_widgets import ticker_completer


def candidates(scenario: Scenario, missing: tuple[str, ...]) -> list[str]:
    """Funds to offer: the scenario's own tickers that have history (core first), then the bundled ETFs."""
    core = [a.ticker for s in scenario.targets.sleeves if s.role is Role.CORE for a in s.assets]
    own = [t for t in (*core, *scenario.universe) if t not in missing]
    return list(dict.fromkeys([*own, *(e.ticker for e in templates.etfs())]))


class ProxyDialog(QDialog):
    def __init__(self, scenario: Scenario, missing: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Price history stand-ins"))
        form = QFormLayout(self)
        intro = QLabel(
            self.tr(
                "These tickers have no price history, so their risk is unknown. Choose a similar fund whose "
                "history stands in for each; the proposal will say so. A ticker outside the targets is then "
                "not bought. Or cancel and import a price file (File → Import Prices…)."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        offered = candidates(scenario, missing)
        self.boxes: dict[str, QComboBox] = {}
        for t in missing:
            box = QComboBox()
            box.setEditable(True)
            box.addItems(offered)
            box.setCompleter(ticker_completer(box))
            name = templates.etf_name(offered[0]) if offered else ""
            box.setToolTip(name)
            form.addRow(t, box)
            self.boxes[t] = box
        note = QLabel(self.tr("Proxies are saved in the scenario file ([data.proxies])."))
        theme.mute(note)
        form.addRow(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choices(self) -> dict[str, str]:
        """ticker -> the fund chosen for it (its symbol, without the fund name the completer adds)."""
        return {t: box.currentText().split(" — ")[0].strip().upper() for t, box in self.boxes.items()}
