"""Compare two or more proposals or scenario files side by side (weights, trades, volatility, tracking
error, cost), e.g. "70/30 vs 60/40". The comparison itself is engine.report.compare (Qt-free); loading
proposals and solving scenario files run on the dialog's Runner."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.report.compare import Comparison, compare
from gui import fmt
from gui.book import calls
from gui.runner import JobContext, Runner

SCENARIO_FILTER = "Coresat scenario (*.coresat.toml *.toml);;All files (*)"


def cell_text(unit: str, v: float | None) -> str:
    if v is None:
        return "—"
    if unit == "fraction":
        return fmt.pct(v, 2)
    if unit == "money":
        return fmt.money(v, 2)
    if unit == "shares":
        return ("+" if v > 0 else "") + fmt.shares(v) if v else "0"
    return fmt.number(v, 0)


class CompareDialog(QDialog):
    compared = Signal(object)  # Comparison
    problem = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        url: str | None = None,
        force_demo: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare — Coresat"))
        self.url = url
        self.force_demo = force_demo
        self.items: list[tuple[str, dict[str, Any]]] = []
        self.comparison: Comparison | None = None
        self.runner = Runner(self)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(lambda _k, _g, exc: self._problem(str(exc)))
        self.pending = 0
        self.table = QTableWidget()
        self.table.verticalHeader().setVisible(False)
        self.info = QLabel(self.tr("Add two or more scenario files or proposals."))
        self.info.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add Scenario Files…"))
        self.add_button.clicked.connect(self.add_files_dialog)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(self.clear)
        self.only_diff = QCheckBox(self.tr("Only differences"))
        self.only_diff.toggled.connect(lambda _on: self._show())
        row = QHBoxLayout()
        for w in (self.add_button, self.clear_button, self.only_diff):
            row.addWidget(w)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.info)
        lay.addWidget(self.table, 1)
        self.resize(900, 640)

    def _problem(self, message: str) -> None:
        self.pending = max(0, self.pending - 1)
        self.info.setText(message)
        self.problem.emit(message)

    def clear(self) -> None:
        self.items = []
        self.comparison = None
        self.table.clear()
        self.table.clearSpans()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.info.setText(self.tr("Add two or more scenario files or proposals."))

    def add_files_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Scenarios to compare"), str(Path.home()), SCENARIO_FILTER
        )
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        demo = self.force_demo()

        def job(path: str) -> Callable[[JobContext], list[tuple[str, dict[str, Any]]]]:
            return lambda _ctx: [calls.scenario_document(path, force_demo=demo)]

        for p in paths:
            self.pending += 1
            self.runner.submit(f"scenario:{p}", job(p))
        self.info.setText(self.tr("Solving {n} scenario(s)…").format(n=self.pending))

    def add_proposals(self, ids: list[int]) -> None:
        if self.url is None:
            return
        url = self.url
        self.pending += 1

        def job(_ctx: JobContext) -> list[tuple[str, dict[str, Any]]]:
            return calls.proposal_documents(url, ids)

        self.runner.submit(f"proposals:{ids}", job)

    def _on_finished(self, kind: str, gen: int, value: object) -> None:
        self.pending = max(0, self.pending - 1)
        assert isinstance(value, list)
        self.items += value
        if len(self.items) >= 2:
            self.comparison = compare(self.items)
            self._show()
            self.compared.emit(self.comparison)
        else:
            self.info.setText(self.tr("Add one more to compare."))

    def _show(self) -> None:
        c = self.comparison
        if c is None:
            return
        lines = [ln for ln in c.lines if ln.differs or not self.only_diff.isChecked()]
        self.table.clear()
        self.table.clearSpans()
        self.table.setColumnCount(1 + len(c.labels))
        self.table.setHorizontalHeaderLabels(["", *c.labels])
        rows: list[tuple[str, str, list[str]] | str] = [("result", self.tr("Result"), list(c.statuses))]
        section = ""
        for ln in lines:
            if ln.section != section:
                section = ln.section
                rows.append(section)
            rows.append((ln.unit, ln.name, [cell_text(ln.unit, v) for v in ln.values]))
        self.table.setRowCount(len(rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for i, r in enumerate(rows):
            if isinstance(r, str):
                item = QTableWidgetItem(self.tr(r))
                item.setFont(bold)
                item.setBackground(QBrush(QColor(127, 127, 127, 40)))
                self.table.setItem(i, 0, item)
                self.table.setSpan(i, 0, 1, 1 + len(c.labels))
                continue
            _unit, name, cells = r
            self.table.setItem(i, 0, QTableWidgetItem(name))
            for j, text in enumerate(cells, start=1):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        self.info.setText(
            self.tr("{n} compared: {names}").format(n=len(c.labels), names=" · ".join(c.labels))
        )

    def done(self, result: int) -> None:
        self.runner.shutdown()
        super().done(result)
