"""The book review table: one row per household of a batch run, with named columns; rows stream in as
the run stores them. ``ReviewFilter`` shows only the rows that need action. Tested without widgets."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from engine.report.review import FAILED, ReviewRow
from gui import fmt, theme

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # raw value for sorting
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # the ReviewRow itself
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class Column(IntEnum):
    CLIENT = 0
    HOUSEHOLD = 1
    DRIFT = 2
    TRADES = 3
    COST = 4
    VOL_BEFORE = 5
    VOL_AFTER = 6
    STATUS = 7
    PROBLEMS = 8


def _tr(text: str) -> str:
    return QCoreApplication.translate("BookReview", text)


def headers() -> dict[Column, str]:
    return {
        Column.CLIENT: QCoreApplication.translate("BookReview", "Client"),
        Column.HOUSEHOLD: QCoreApplication.translate("BookReview", "Household"),
        Column.DRIFT: QCoreApplication.translate("BookReview", "Drift"),
        Column.TRADES: QCoreApplication.translate("BookReview", "Trades"),
        Column.COST: QCoreApplication.translate("BookReview", "Cost"),
        Column.VOL_BEFORE: QCoreApplication.translate("BookReview", "Vol before"),
        Column.VOL_AFTER: QCoreApplication.translate("BookReview", "Vol after"),
        Column.STATUS: QCoreApplication.translate("BookReview", "Status"),
        Column.PROBLEMS: QCoreApplication.translate("BookReview", "Problems"),
    }


def status_text(row: ReviewRow) -> str:
    if row.status == FAILED:
        return QCoreApplication.translate("BookReview", "failed")
    words = {
        "draft": QCoreApplication.translate("BookReview", "draft"),
        "approved": QCoreApplication.translate("BookReview", "approved"),
        "rejected": QCoreApplication.translate("BookReview", "rejected"),
        "executed": QCoreApplication.translate("BookReview", "executed"),
    }
    text = words.get(row.status, row.status)
    if row.result_status == "infeasible":
        text += " · " + QCoreApplication.translate("BookReview", "nothing fits")
    elif row.result_status == "no_trades_needed":
        text += " · " + QCoreApplication.translate("BookReview", "no trades needed")
    return text


_NUMERIC = {Column.DRIFT, Column.TRADES, Column.COST, Column.VOL_BEFORE, Column.VOL_AFTER}


class ReviewModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReviewRow] = []
        self._where: dict[int, int] = {}  # household id -> row (a household appears once per run)
        self._headers = headers()

    # -- contents ---------------------------------------------------------------------------------

    @property
    def rows(self) -> list[ReviewRow]:
        return list(self._rows)

    def row_at(self, r: int) -> ReviewRow:
        return self._rows[r]

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._where = [], {}
        self.endResetModel()

    def add_rows(self, rows: Iterable[ReviewRow]) -> None:
        """Append streamed rows; a household already shown is updated in place."""
        new: list[ReviewRow] = []
        for row in rows:
            at = self._where.get(row.household_id)
            if at is None:
                new.append(row)
            else:
                self.update_row(at, row)
        if not new:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        for i, row in enumerate(new, start=first):
            self._rows.append(row)
            self._where[row.household_id] = i
        self.endInsertRows()

    def update_row(self, r: int, row: ReviewRow) -> None:
        self._rows[r] = row
        self.dataChanged.emit(self.index(r, 0), self.index(r, len(Column) - 1))

    def replace(self, row: ReviewRow) -> None:
        at = self._where.get(row.household_id)
        if at is not None:
            self.update_row(at, row)

    def counts(self) -> tuple[int, int]:
        """(rows, rows needing action)."""
        return len(self._rows), sum(1 for r in self._rows if r.needs_action)

    # -- Qt model ---------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[Column(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, col = self._rows[index.row()], Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, col)
        if role == SORT_ROLE:
            return self.raw(row, col)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and col in _NUMERIC:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and col == Column.TRADES and row.accounts:
            return "\n".join(
                [QCoreApplication.translate("BookReview", "Orders per account:")]
                + [f"{a}: {n}" for a, n in row.accounts]
            )
        if role == Qt.ItemDataRole.ToolTipRole and col in (Column.PROBLEMS, Column.STATUS):
            tip = row.problems if col == Column.PROBLEMS else row.note
            return tip or None
        if role == Qt.ItemDataRole.ForegroundRole and col == Column.STATUS and row.needs_action:
            return theme.warn() if row.status == FAILED or row.result_status == "infeasible" else None
        return None

    @staticmethod
    def text(row: ReviewRow, col: Column) -> str:
        if col == Column.CLIENT:
            return row.client
        if col == Column.HOUSEHOLD:
            return row.household
        if col == Column.DRIFT:
            return (
                QCoreApplication.translate("BookReview", "{v} pts").format(v=fmt.number(100 * row.drift, 1))
                if row.drift is not None
                else ""
            )
        if col == Column.TRADES:
            if row.trades is None:
                return ""
            trading = sum(1 for _, n in row.accounts if n > 0)  # accounts that get an order
            if trading > 1:  # a household's orders over several of its accounts (the tooltip: each)
                return QCoreApplication.translate("BookReview", "{n} in {k} accounts").format(
                    n=row.trades, k=trading
                )
            return str(row.trades)
        if col == Column.COST:
            return fmt.money(row.cost, 2) if row.cost is not None else ""
        if col == Column.VOL_BEFORE:
            return fmt.pct(row.vol_before) if row.vol_before is not None else ""
        if col == Column.VOL_AFTER:
            return fmt.pct(row.vol_after) if row.vol_after is not None else ""
        if col == Column.STATUS:
            return status_text(row)
        return row.problems

    @staticmethod
    def raw(row: ReviewRow, col: Column) -> Any:
        values: dict[Column, Any] = {
            Column.CLIENT: row.client.lower(),
            Column.HOUSEHOLD: row.household.lower(),
            Column.DRIFT: row.drift if row.drift is not None else -1.0,
            Column.TRADES: row.trades if row.trades is not None else -1,
            Column.COST: row.cost if row.cost is not None else -1.0,
            Column.VOL_BEFORE: row.vol_before if row.vol_before is not None else -1.0,
            Column.VOL_AFTER: row.vol_after if row.vol_after is not None else -1.0,
            Column.STATUS: status_text(row),
            Column.PROBLEMS: row.problems,
        }
        return values[col]


class ReviewFilter(QSortFilterProxyModel):
    """Sorts by raw values; with ``needs_action_only`` shows only rows that need a decision."""

    def __init__(self, source: ReviewModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self._only = False

    @property
    def needs_action_only(self) -> bool:
        return self._only

    def set_needs_action_only(self, on: bool) -> None:
        if on != self._only:
            if hasattr(self, "beginFilterChange"):  # Qt 6.10+
                self.beginFilterChange()
                self._only = on
                self.endFilterChange()
            else:
                self._only = on
                self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._only:
            return True
        model = self.sourceModel()
        assert isinstance(model, ReviewModel)
        return model.row_at(source_row).needs_action

    def row_at(self, proxy_row: int) -> ReviewRow:
        src = self.mapToSource(self.index(proxy_row, 0))
        model = self.sourceModel()
        assert isinstance(model, ReviewModel)
        return model.row_at(src.row())
