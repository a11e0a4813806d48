"""Look-through limits: caps on a sector's share of the portfolio through all funds and on one underlying
company's share, each shown with its exposure now and after the proposed trades, and whether it binds.

The caps live in the scenario (``constraints.sector_max`` / ``sector_min`` / ``company_max``, saved as
``sector_max_pct`` … in the file); every change is one undoable edit. The fund data is read on a worker
(``Workspace.runner``, kind ``"lookthrough-limits"``) once per universe; the exposures are then a dot product
of the result's weights with the fund rows (engine.risk.exposures.ExposureModel), cheap on the UI thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.data.funds import SECTORS
from engine.io.tickers import TICKER_RULE, is_ticker, normalize_ticker
from engine.model.scenario import Scenario
from engine.result import RebalanceResult
from gui import edits, fmt, theme
from gui.engine_calls import Outcome
from gui.engine_texts import engine_phrase, engine_text
from gui.panels.lookthrough_data import FIELDS, FundLoader, build, default_loader, rows_of, weights
from gui.panels.problems import ProblemLabel
from gui.workspace import Workspace

if TYPE_CHECKING:
    from engine.risk.exposures import ExposureModel

KIND = "lookthrough-limits"
FETCHED = "exposure-fetch"  # gui.panels.exposure.FETCH (not imported: that module pulls in pyqtgraph)
DEFAULT_SECTOR_CAP_PCT = 20.0
DEFAULT_COMPANY_CAP_PCT = 2.0
COL_LIMIT, COL_CAP, COL_NOW, COL_AFTER, COL_STATE, COL_REMOVE = range(6)


class LookThroughLimitsPanel(QGroupBox):
    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, *, loader: FundLoader = default_loader
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Look-through limits (sectors and companies through the funds)"))
        self.ws = workspace
        self.loader = loader
        self.model: ExposureModel | None = None
        self._universe: tuple[str, ...] | None = None
        self._job = 0
        self._rows: list[tuple[str, str, float]] = []
        self._updating = False
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Limit"), self.tr("Cap"), self.tr("Now"), self.tr("After"), self.tr("State"), ""]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(COL_LIMIT, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(110)
        self.sector = QComboBox()
        self.sector.setToolTip(self.tr("A sector the funds hold (from their sector weights)"))
        self.sector_side = QComboBox()
        self.sector_side.addItem(self.tr("at most"), "sector_max")
        self.sector_side.addItem(self.tr("at least"), "sector_min")
        self.sector_side.setToolTip(self.tr("A cap (at most) or a floor (at least) on the sector's share"))
        self.sector_cap = self._spin(DEFAULT_SECTOR_CAP_PCT)
        self.add_sector = QPushButton(self.tr("Add sector cap"))
        self.add_sector.setToolTip(
            self.tr(
                "At most this share of the portfolio in the sector, counted through every fund "
                "(e.g. Financials ≤ 20 %)."
            )
        )
        self.company = QLineEdit()
        self.company.setPlaceholderText(self.tr("Company ticker"))
        self.company.setToolTip(
            self.tr(
                "An underlying company's ticker. Its share is summed over every fund that lists it; funds "
                "that list only their top holdings understate it."
            )
        )
        self._completer_items: list[str] = []
        self.company_cap = self._spin(DEFAULT_COMPANY_CAP_PCT)
        self.add_company = QPushButton(self.tr("Add company cap"))
        self.problem = QLabel("")  # what is wrong with the text typed here
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        self.routed = ProblemLabel("lookthrough")  # the engine's problems with these limits (ProblemRouter)
        self.problems = {"lookthrough": self.routed}
        self.sources = QLabel(" ")
        self.sources.setWordWrap(True)
        theme.mute(self.sources)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        line = QHBoxLayout()
        line.addWidget(self.sector, 1)
        line.addWidget(self.sector_side)
        line.addWidget(self.sector_cap)
        line.addWidget(self.add_sector)
        lay.addLayout(line)
        line = QHBoxLayout()
        line.addWidget(self.company, 1)
        line.addWidget(self.company_cap)
        line.addWidget(self.add_company)
        lay.addLayout(line)
        lay.addWidget(self.problem)
        lay.addWidget(self.routed)
        lay.addWidget(self.sources)
        self._fill_sectors()
        self.add_sector.clicked.connect(self._add_sector)
        self.add_company.clicked.connect(self._add_company)
        self.company.returnPressed.connect(self._add_company)
        workspace.scenarioChanged.connect(self._on_scenario)
        workspace.outcomeChanged.connect(self._on_outcome)
        workspace.runner.finished.connect(self._on_finished)
        workspace.runner.failed.connect(self._on_failed)
        if workspace.scenario is not None:
            self._on_scenario(workspace.scenario)

    @staticmethod
    def _spin(value: float) -> QDoubleSpinBox:
        s = QDoubleSpinBox()
        s.setRange(0.0, 100.0)
        s.setDecimals(1)
        s.setSingleStep(0.5)
        s.setSuffix(" %")
        s.setKeyboardTracking(False)
        s.setValue(value)
        return s

    # -- editing ----------------------------------------------------------------------------------

    def set_limit(self, field: str, subject: str, value: float | None) -> None:
        """Set (``value`` a fraction) or remove (None) one look-through limit: one undoable edit."""
        sc = self.ws.scenario
        if sc is None or self._updating:
            return
        current = dict(getattr(sc.constraints, field))
        if value is None:
            current.pop(subject, None)
        else:
            current[subject] = float(value)
        self.ws.edit(edits.set_constraints(sc, **{field: current}))

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _add_sector(self) -> None:
        sector = self.sector.currentData()
        if not sector:
            return
        self._say("")
        self.set_limit(str(self.sector_side.currentData()), str(sector), self.sector_cap.value() / 100.0)

    def _add_company(self) -> None:
        raw = self.company.text().strip().split(" ")[0]
        symbol = normalize_ticker(raw)
        if not is_ticker(symbol):
            self._say(
                self.tr("“{t}” is not a ticker ({rule}); type the company's ticker, e.g. AAPL").format(
                    t=raw, rule=TICKER_RULE
                )
            )
            return
        self._say("")
        self.company.clear()
        self.set_limit("company_max", symbol, self.company_cap.value() / 100.0)

    # -- showing ----------------------------------------------------------------------------------

    def _on_scenario(self, sc: Scenario) -> None:
        rows = rows_of(sc)
        if [r[:2] for r in rows] != [r[:2] for r in self._rows]:
            self._rows = rows
            self._build_rows()  # a limit added or removed
        elif rows != self._rows:  # only values changed (a spin box here, undo): keep the widgets and focus
            self._rows = rows
            self._updating = True
            try:
                for i, (_f, _s, value) in enumerate(rows):
                    spin = self.table.cellWidget(i, COL_CAP)
                    if isinstance(spin, QDoubleSpinBox) and abs(spin.value() - value * 100.0) > 1e-9:
                        spin.setValue(value * 100.0)
            finally:
                self._updating = False
        self._refresh_numbers()

    def _build_rows(self) -> None:
        self._updating = True
        try:
            self.table.setRowCount(len(self._rows))
            for i, (field, subject, value) in enumerate(self._rows):
                self.table.setItem(i, COL_LIMIT, QTableWidgetItem(self.label(field, subject)))
                spin = self._spin(value * 100.0)
                spin.valueChanged.connect(lambda v, f=field, s=subject: self.set_limit(f, s, v / 100.0))
                self.table.setCellWidget(i, COL_CAP, spin)
                remove = QPushButton(self.tr("Remove"))
                remove.setToolTip(self.tr("Remove this limit"))
                remove.clicked.connect(lambda _c=False, f=field, s=subject: self.set_limit(f, s, None))
                self.table.setCellWidget(i, COL_REMOVE, remove)
                for col in (COL_NOW, COL_AFTER, COL_STATE):
                    item = QTableWidgetItem("")
                    if col != COL_STATE:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(i, col, item)
        finally:
            self._updating = False

    def _item(self, row: int, col: int) -> QTableWidgetItem:
        item = self.table.item(row, col)
        assert item is not None  # every cell gets an item in _build_rows
        return item

    def label(self, field: str, subject: str) -> str:
        if field == "company_max":
            k = self.model.company_index(subject) if self.model is not None else None
            name = self.model.company_names[k] if self.model is not None and k is not None else ""
            text = f"{subject} {name}".strip()
            return self.tr("{c}: at most").format(c=text)
        if field == "sector_min":
            return self.tr("{s}: at least").format(s=engine_text(subject))
        return self.tr("{s}: at most").format(s=engine_text(subject))

    def _on_outcome(self, _outcome: Outcome | None) -> None:
        result = self.ws.result
        if result is None:
            self._refresh_numbers()
            return
        universe = tuple(a.ticker for a in result.assets)
        if universe != self._universe:
            self._universe = universe
            loader = self.loader
            self._job = self.ws.runner.submit(KIND, lambda _ctx: build(universe, loader))
        self._refresh_numbers()

    def _on_finished(self, kind: str, gen: int, value: object) -> None:
        if kind == FETCHED:  # the Exposure tab downloaded fund data into the cache: read it again
            self._universe = None
            self._on_outcome(self.ws.outcome)
            return
        if kind != KIND or gen != self._job:
            return
        self.model = value  # type: ignore[assignment]
        self._fill_sectors()
        self._fill_companies()
        for i, (field, subject, _v) in enumerate(self._rows):
            self._item(i, COL_LIMIT).setText(self.label(field, subject))
        self._refresh_numbers()

    def _on_failed(self, kind: str, gen: int, exc: object) -> None:
        if kind == KIND and gen == self._job:
            self.model = None
            self._universe = None  # try again with the next result
            self.sources.setText(
                self.tr("Fund data not available: {m}").format(
                    m=engine_phrase(str(exc)) or type(exc).__name__
                )
            )
            self._refresh_numbers()

    def _fill_sectors(self) -> None:
        held = self.model.held_sectors() if self.model is not None else SECTORS
        chosen = self.sector.currentData()
        self.sector.clear()
        for s in held:
            self.sector.addItem(engine_text(s), s)
        k = self.sector.findData(chosen)
        self.sector.setCurrentIndex(max(k, 0))

    def _fill_companies(self) -> None:
        """Offer the largest listed companies (by their share after the trades) as completions."""
        m, r = self.model, self.ws.result
        if m is None or not len(m.companies):
            return
        w = weights(r, m.tickers)[1] if r is not None else np.ones(len(m.tickers))
        share = m.company_matrix @ w
        order = np.argsort(-share, kind="stable")[:300]
        self._completer_items = [f"{m.companies[k]} {m.company_names[k]}" for k in order if share[k] > 0]
        completer = QCompleter(self._completer_items, self.company)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.company.setCompleter(completer)

    def _refresh_numbers(self) -> None:
        """Now / after / state of each row from the current result and fund data."""
        result, m = self.ws.result, self.model
        ready = result is not None and m is not None and m.tickers == tuple(a.ticker for a in result.assets)
        states = self.states(result) if result is not None else {}
        for i, (field, subject, _value) in enumerate(self._rows):
            now_text = after_text = "—"
            state, tip = states.get(f"{field}:{subject}", ("", ""))
            if ready:
                assert m is not None and result is not None
                texts = [self._share(m, FIELDS[field], subject, w) for w in weights(result, m.tickers)]
                (now_text, now_tip), (after_text, after_tip) = texts
                tip = tip or now_tip or after_tip
                if not state and FIELDS[field] == "company" and m.company_index(subject) is None:
                    state, tip = self.tr("cannot bind"), self.tr("No fund data lists this company.")
            self._item(i, COL_NOW).setText(now_text)
            self._item(i, COL_AFTER).setText(after_text)
            cell = self._item(i, COL_STATE)
            cell.setText(state)
            cell.setToolTip(tip)
        self._show_sources()

    def _share(self, m: ExposureModel, kind: str, subject: str, w: np.ndarray) -> tuple[str, str]:
        """The shown share and its tooltip: "not listed" for a company no fund lists, "not available" for a
        sector when no held fund has sector data, "≥ x" when some held funds have none (never a zero)."""
        x = m.exposure(kind, subject, w)
        if x is None:
            return self.tr("not listed"), ""
        if kind != "sector":
            return fmt.pct(x, 2), ""
        from engine.risk.exposures import NO_DATA

        unknown = float(m.sector_matrix[m.sector_index(NO_DATA)] @ w)
        if unknown <= 1e-12:
            return fmt.pct(x, 2), ""
        if unknown >= float(w.sum()) - 1e-12:
            return self.tr("not available"), self.tr("No held fund has sector data.")
        return "≥ " + fmt.pct(x, 2), self.tr("{p} of the portfolio is in funds without sector data.").format(
            p=fmt.pct(unknown, 1)
        )

    def states(self, result: RebalanceResult) -> Mapping[str, tuple[str, str]]:
        """(state word, explanation) of each limit the result names (by its ``str(LimitId)``): binding,
        or in a conflict that makes the scenario infeasible."""
        out: dict[str, tuple[str, str]] = {}
        for b in result.binding:
            out[str(b.limit)] = (self.tr("binds"), b.message)
        inf = result.infeasibility
        if inf is not None:
            for lid in inf.conflicting:
                out[str(lid)] = (self.tr("conflicts"), inf.message)
        return out

    def _show_sources(self) -> None:
        m, result = self.model, self.ws.result
        if m is None or result is None:
            if not self.sources.text().startswith(self.tr("Fund data not available")):
                self.sources.setText(self.tr("Fund data: read with the first result"))
            return
        held = {a.ticker for a in result.assets if max(a.weight_before, a.weight_after) > 0}
        shown = getattr(self, "_sources_for", None)
        if shown is not None and shown[0] is m and shown[1] == held and shown[2] == self.sources.text():
            return  # the same funds as the line shown (a slider move): no provenance to read again
        used = [f for t, f in m.funds.items() if t in held]
        where = list(dict.fromkeys(f.provenance() for f in used))
        no_data = sorted(t for t in held if t not in m.funds)
        text = self.tr("Fund data: {s}").format(s="; ".join(where) or self.tr("none"))
        if no_data:
            text += " · " + self.tr("not available for {t} (counted in no sector)").format(
                t=", ".join(no_data)
            )
        if self.sources.text() != text:
            self.sources.setText(text)
        self._sources_for = (m, held, text)

    def readout(self) -> list[dict[str, Any]]:
        """What each row shows, for tests."""
        return [
            {
                "field": f,
                "subject": s,
                "cap": self.table.cellWidget(i, COL_CAP).value(),  # type: ignore[attr-defined]
                "now": self._item(i, COL_NOW).text(),
                "after": self._item(i, COL_AFTER).text(),
                "state": self._item(i, COL_STATE).text(),
            }
            for i, (f, s, _v) in enumerate(self._rows)
        ]
