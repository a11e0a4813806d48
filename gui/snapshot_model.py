"""The base of the GUI's table models (gui.tablemodels): cells computed in Python once per state change
and stored in C++ items, each only when its inputs changed, so painting never calls back into Python and a
slider move formats and sends only the cells it changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from gui import theme

Index = QModelIndex | QPersistentModelIndex
_ROLE = Qt.ItemDataRole
_FLAG = Qt.ItemFlag
_READ_ONLY = _FLAG.ItemIsEnabled | _FLAG.ItemIsSelectable

_UNSET = object()


class SnapshotModel(QStandardItemModel):
    """Cells are computed in Python once per state change and stored in C++ items, so painting a table
    never calls back into Python (that made each repaint several milliseconds slower)."""

    # EditRole shares DisplayRole's slot in a QStandardItem: editors start from the display text.

    _flags: list[list[Qt.ItemFlag]]

    def _cell_roles(self, row: int, col: int) -> dict[int, Any]:
        """{role: value} for one cell; roles left out are cleared."""
        raise NotImplementedError

    def _cell_flags(self, row: int, col: int) -> Qt.ItemFlag:
        return _READ_ONLY

    def _set_headers(self, headers: list[str], tooltips: dict[int, str] | None = None) -> None:
        horizontal = Qt.Orientation.Horizontal
        for c, text in enumerate(headers):
            self.setHeaderData(c, horizontal, text, _ROLE.DisplayRole)
            if tooltips and c in tooltips:
                self.setHeaderData(c, horizontal, tooltips[c], _ROLE.ToolTipRole)

    # Items are created and changed only through QStandardItemModel.setData (C++): Python never holds a
    # QStandardItem, whose wrapper could outlive the item the model deletes (it is not a QObject).

    def _cell_key(self, row: int, col: int) -> object:
        """What the cell's roles are computed from (hashable), or None to always recompute. A cell whose
        key is unchanged keeps its roles without formatting anything again."""
        return None

    def _row_keys(self, row: int) -> tuple[object, ...] | None:
        """The keys of a whole row at once, when a subclass can compute them faster than cell by cell;
        None: ask ``_cell_key`` for each cell."""
        return None

    def _flags_key(self) -> object:
        """What the flags of all cells depend on (hashable), or None to recompute them on every refill."""
        return None

    def _refill(self, n_rows: int) -> None:
        """Store the new cells. An item only signals when its value really changes, so the view repaints
        just the cells that changed (a core slider move touches the target and drift columns). A cell whose
        key another cell of its column had in the last state takes those roles without formatting them
        again (trades move up or down a row when one comes or goes)."""
        was: dict[tuple[int, int], dict[int, Any]] = getattr(self, "_set_values", {})
        was_keys: dict[tuple[int, int], object] = getattr(self, "_set_keys", {})
        if self.rowCount() != n_rows:
            self.setRowCount(n_rows)
            # rows removed now come back empty
            was = {k: v for k, v in was.items() if k[0] < n_rows}
            was_keys = {k: v for k, v in was_keys.items() if k[0] < n_rows}
        n_cols = self.columnCount()
        theme_now = theme.is_dark()
        if getattr(self, "_keys_theme", None) != theme_now:  # colours are part of every cell
            self._keys_theme = theme_now
            was_keys = {}
        by_key: dict[tuple[int, object], dict[int, Any]] = {}  # (column, key) -> roles, from the last state
        for cell, key in was_keys.items():
            roles = was.get(cell)
            if roles is not None:
                by_key[(cell[1], key)] = roles
        now: dict[tuple[int, int], dict[int, Any]] = {}
        keys: dict[tuple[int, int], object] = {}
        put = QStandardItemModel.setData
        index_of = self.index
        cell_key, cell_roles, row_keys = self._cell_key, self._cell_roles, self._row_keys
        empty: dict[int, Any] = {}
        for r in range(n_rows):
            row = row_keys(r)
            for c in range(n_cols):
                cell = (r, c)
                key = row[c] if row is not None else cell_key(r, c)
                before = was.get(cell, empty)
                if key is None:
                    values = cell_roles(r, c)
                else:
                    keys[cell] = key
                    if was_keys.get(cell, _UNSET) == key and cell in was:
                        now[cell] = before  # same inputs: same roles, nothing to format or send
                        continue
                    reused = by_key.get((c, key))
                    values = cell_roles(r, c) if reused is None else reused
                now[cell] = values
                index = None
                for role, value in values.items():
                    old = before.get(role, _UNSET)
                    if old is value or (type(old) is type(value) and old == value):
                        continue  # unchanged: no call into Qt (a slider move changes few cells)
                    index = index or index_of(r, c)
                    put(self, index, value, role)
                for stale in before.keys() - values.keys():
                    put(self, index or index_of(r, c), None, stale)
        self._set_values = now
        self._set_keys = keys
        flags_key = self._flags_key()
        shown: list[list[Qt.ItemFlag]] = getattr(self, "_flags", [])
        if flags_key is None or flags_key != getattr(self, "_flags_for", None) or len(shown) != n_rows:
            table = [[self._cell_flags(r, c) for c in range(n_cols)] for r in range(n_rows)]
            self._store_flags(table, shown)  # rows kept keep their items: only new or changed flags are set
            self._flags = table
            self._flags_for = flags_key

    def column_texts(self, column: int) -> list[str]:
        """The display texts of one column as stored (no call into the model per cell)."""
        values: dict[tuple[int, int], dict[int, Any]] = getattr(self, "_set_values", {})
        display = int(_ROLE.DisplayRole)
        return [str(values.get((r, column), {}).get(display) or "") for r in range(self.rowCount())]

    def _store_flags(self, table: list[list[Qt.ItemFlag]], before: list[list[Qt.ItemFlag]]) -> None:
        """Flags live in the C++ items too, so a view asks no Python method while it paints. An item is
        held only for the moment of the call (the model owns and may delete it). ``before``: the flags
        stored last time, row by row (rows beyond it are new)."""
        for r, row in enumerate(table):
            for c, f in enumerate(row):
                if r < len(before) and before[r][c] == f:
                    continue
                item = self.item(r, c)
                if item is None:  # a cell without any role yet
                    item = QStandardItem()
                    self.setItem(r, c, item)
                if item.flags() != f:
                    item.setFlags(f)
