"""The mapping dialog for a CSV whose layout Coresat does not know: pick the header row and the symbol,
quantity, price, value, basis and account columns, the delimiter and the decimal mark; a live preview
shows what will be read (or the first line that cannot be), and the mapping is saved for the layout."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.errors import CoresatError
from engine.imports import mappings, plain_csv
from engine.imports.plain_csv import CsvMapping
from engine.imports.statement import Statement
from engine.imports.textnum import sniff_delimiter
from engine.io.numbers import DecimalMark
from gui import fmt

PREVIEW_LINES = 200  # the live preview reads this many lines; the import reads the whole file
RAW_ROWS = 15


def _t(text: str) -> str:
    return QCoreApplication.translate("CsvMappingDialog", text)


FIELD_LABELS = {
    "symbol": "Symbol (required)",
    "quantity": "Quantity (required)",
    "price": "Price",
    "market_value": "Market value",
    "basis": "Cost basis (total)",
    "account": "Account",
}
HINTS = {  # words in a header that suggest a column; only a first guess, the user confirms
    "symbol": ("symbol", "ticker", "code", "security", "instrument"),
    "quantity": ("quantity", "shares", "units", "qty", "anzahl", "nominal"),
    "price": ("price", "unit value", "last", "kurs", "close"),
    "market_value": ("market value", "holding value", "current value", "value", "amount", "wert"),
    "basis": ("cost", "basis", "book"),
    "account": ("account", "konto", "portfolio"),
}
DELIMITERS = ((",", "Comma ,"), (";", "Semicolon ;"), ("\t", "Tab"))
DECIMALS = ((".", "1,234.56"), (",", "1.234,56"))


class CsvMappingDialog(QDialog):
    """``mapping()`` is the user's choice once accepted; ``preview`` is the statement read live."""

    def __init__(self, text: str, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Map the columns of {src}").format(src=source))
        self.text = text
        self.source = source
        self.preview: Statement | None = None
        self.problem = ""
        head = "\n".join(text.splitlines()[:PREVIEW_LINES])
        self._head = head

        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(_t("Coresat does not know this file's layout. Say where things are:")))
        form = QFormLayout()
        self.delimiter = QComboBox()
        for value, label in DELIMITERS:
            self.delimiter.addItem(_t(label), value)
        self.decimal = QComboBox()
        for value, label in DECIMALS:
            self.decimal.addItem(label, value)
        self.header = QSpinBox()
        self.header.setRange(0, max(1, min(PREVIEW_LINES, len(text.splitlines()))))
        self.header.setSpecialValueText(_t("no header row"))
        row = QHBoxLayout()
        for w in (
            QLabel(_t("Delimiter")),
            self.delimiter,
            QLabel(_t("Decimals")),
            self.decimal,
            QLabel(_t("Header on line")),
            self.header,
        ):
            row.addWidget(w)
        form.addRow(row)
        self.columns: dict[str, QComboBox] = {}
        for name, label in FIELD_LABELS.items():
            box = QComboBox()
            self.columns[name] = box
            form.addRow(_t(label), box)
        lay.addLayout(form)
        self.raw = QTableWidget()
        self.raw.verticalHeader().setVisible(True)
        lay.addWidget(QLabel(_t("The file:")))
        lay.addWidget(self.raw)
        lay.addWidget(QLabel(_t("What will be read:")))
        self.read_table = QTableWidget(0, 4)
        self.read_table.setHorizontalHeaderLabels(
            [_t("Symbol"), _t("Quantity"), _t("Price"), _t("Market value")]
        )
        lay.addWidget(self.read_table)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.remember = QCheckBox(_t("Remember this mapping for files with the same columns"))
        self.remember.setChecked(True)
        lay.addWidget(self.remember)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

        self._start(_guess(head))
        self.delimiter.currentIndexChanged.connect(self._on_layout_changed)
        self.header.valueChanged.connect(self._on_layout_changed)
        self.decimal.currentIndexChanged.connect(self.update_preview)
        for box in self.columns.values():
            box.currentIndexChanged.connect(self.update_preview)
        self.update_preview()
        self.resize(820, 640)

    # -- state ----------------------------------------------------------------------------------

    def _start(self, guess: CsvMapping | None) -> None:
        delim = guess.delimiter if guess else sniff_delimiter(self._head)
        self.delimiter.setCurrentIndex(next(i for i, (d, _) in enumerate(DELIMITERS) if d == delim))
        if guess:
            self.decimal.setCurrentIndex(0 if guess.decimal == "." else 1)
            self.header.setValue(guess.header_line)
        else:
            self.header.setValue(self._first_wide_line(delim))
        self._fill_columns(guess.columns if guess else {})

    def _rows(self) -> list[tuple[int, list[str]]]:
        return _rows(self._head, str(self.delimiter.currentData()), PREVIEW_LINES)

    def _first_wide_line(self, delim: str) -> int:
        rows = _rows(self._head, delim, RAW_ROWS)
        widest = max((len(r) for _, r in rows), default=0)
        return next((n for n, r in rows if len(r) == widest and widest > 1), 0)

    def _fill_columns(self, chosen: dict[str, int]) -> None:
        rows = self._rows()
        header = next((r for n, r in rows if n == self.header.value()), None)
        width = max((len(r) for _, r in rows), default=0)
        names = [
            f"{i + 1}: {header[i]}"
            if header is not None and i < len(header) and header[i]
            else _t("column {n}").format(n=i + 1)
            for i in range(width)
        ]
        if not chosen and header is not None:
            chosen = _hinted(header)
        for field, box in self.columns.items():
            old = chosen.get(field, box.currentData() if box.count() else None)
            box.blockSignals(True)
            box.clear()
            box.addItem(_t("— none —"), -1)
            for i, name in enumerate(names):
                box.addItem(name, i)
            box.setCurrentIndex(int(old) + 1 if isinstance(old, int) and 0 <= old < width else 0)
            box.blockSignals(False)
        self._fill_raw(rows, width)

    def _fill_raw(self, rows: list[tuple[int, list[str]]], width: int) -> None:
        shown = rows[:RAW_ROWS]
        self.raw.clear()
        self.raw.setRowCount(len(shown))
        self.raw.setColumnCount(width)
        self.raw.setVerticalHeaderLabels([str(n) for n, _ in shown])
        for i, (_, cells) in enumerate(shown):
            for j, c in enumerate(cells):
                self.raw.setItem(i, j, QTableWidgetItem(c))

    def _on_layout_changed(self) -> None:
        self._fill_columns({})
        self.update_preview()

    def mapping(self) -> CsvMapping:
        cols = {f: int(b.currentData()) for f, b in self.columns.items() if int(b.currentData()) >= 0}
        decimal: DecimalMark = "," if self.decimal.currentData() == "," else "."
        return CsvMapping(
            columns=cols,
            header_line=self.header.value(),
            delimiter=str(self.delimiter.currentData()),
            decimal=decimal,
        )

    def update_preview(self) -> None:
        """Read the first lines with the current mapping; show the holdings or the first problem."""
        self.preview, self.problem = None, ""
        try:
            self.preview = plain_csv.read(self._head, self.mapping(), source=self.source)
        except CoresatError as exc:
            self.problem = str(exc)
        positions = self.preview.positions if self.preview else ()
        self.read_table.setRowCount(len(positions))
        for i, p in enumerate(positions):
            for j, text in enumerate(
                (
                    p.symbol,
                    fmt.shares(p.quantity),
                    fmt.money(p.price, 2) if p.price is not None else "—",
                    fmt.money(p.market_value, 2),
                )
            ):
                self.read_table.setItem(i, j, QTableWidgetItem(text))
        if self.preview is not None:
            cash = self.preview.cash
            self.status.setText(
                _t("{n} holdings and {cash} cash in the first {lines} lines").format(
                    n=len(positions), cash=fmt.money(cash, 2), lines=PREVIEW_LINES
                )
            )
        else:
            self.status.setText(self.problem)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.preview is not None)

    def accept(self) -> None:
        if self.preview is None:
            return
        if self.remember.isChecked():
            m = self.mapping()
            try:
                mappings.save(plain_csv.layout_key(self.text, m), m)
            except OSError as exc:
                self.status.setText(_t("The mapping could not be saved: {err}").format(err=exc))
        super().accept()


def _hinted(header: list[str]) -> dict[str, int]:
    """Columns whose header holds a hint word, each column used once, in the order of HINTS."""
    out: dict[str, int] = {}
    lowered = [h.lower() for h in header]
    for field, words in HINTS.items():
        for word in words:
            hit = next((i for i, h in enumerate(lowered) if word in h and i not in out.values()), None)
            if hit is not None:
                out[field] = hit
                break
    return out


def _guess(text: str) -> CsvMapping | None:
    """plain_csv.guess, or None when it refuses the file (ambiguous decimal mark): the user decides."""
    try:
        return plain_csv.guess(text)
    except CoresatError:
        return None


def _rows(text: str, delimiter: str, limit: int) -> list[tuple[int, list[str]]]:
    try:
        return plain_csv.rows_of(text, delimiter, limit=limit)
    except CoresatError:
        return []
