"""Holdings and trades table models, tested without any widget."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from engine import api
from engine.result import Side
from gui import theme
from gui.tablemodels import HoldingsColumn, HoldingsModel, TradesColumn, TradesModel
from tests.gui.builders import market_with_history, twelve_asset_scenario

D = Qt.ItemDataRole.DisplayRole


@pytest.fixture(scope="module")
def solved():  # type: ignore[no-untyped-def]
    sc = twelve_asset_scenario()
    m = market_with_history(with_history=False)
    return sc, m, api.rebalance(sc, m)


def test_holdings_columns_are_named_and_filled_from_the_result(solved) -> None:  # type: ignore[no-untyped-def]
    sc, m, r = solved
    model = HoldingsModel()
    model.set_state(sc, r, dict(m.prices))
    assert model.columnCount() == len(HoldingsColumn)
    assert model.rowCount() == len(sc.universe)
    headers = [model.headerData(c, Qt.Orientation.Horizontal, D) for c in HoldingsColumn]
    assert headers[HoldingsColumn.TICKER] == "Ticker" and headers[HoldingsColumn.DRIFT].startswith("Drift")
    row = model.row_of("IWM")
    asset = next(a for a in r.assets if a.ticker == "IWM")
    assert model.value(row, HoldingsColumn.SHARES) == 120
    assert model.value(row, HoldingsColumn.VALUE) == pytest.approx(120 * m.prices["IWM"])
    assert model.value(row, HoldingsColumn.WEIGHT) == pytest.approx(asset.weight_before)
    assert model.value(row, HoldingsColumn.DRIFT) == pytest.approx(asset.drift)
    text = model.data(model.index(row, HoldingsColumn.WEIGHT), D)
    assert text.endswith("%")


def test_drift_is_coloured_by_its_band(solved) -> None:  # type: ignore[no-untyped-def]
    sc, m, r = solved
    model = HoldingsModel()
    model.set_state(sc, r, dict(m.prices))
    outside = [a for a in r.assets if a.outside_band]
    inside = [a for a in r.assets if not a.outside_band]
    assert outside and inside, "the test scenario should have both"
    fg = Qt.ItemDataRole.ForegroundRole
    for a in outside:
        assert model.data(model.index(model.row_of(a.ticker), HoldingsColumn.DRIFT), fg) == theme.warn()
    for a in inside:
        assert model.data(model.index(model.row_of(a.ticker), HoldingsColumn.DRIFT), fg) == theme.ok()


def test_editing_a_cell_hands_a_new_scenario_to_the_workspace(solved) -> None:  # type: ignore[no-untyped-def]
    sc, m, r = solved
    seen = []
    model = HoldingsModel(on_edit=seen.append)
    model.set_state(sc, r, dict(m.prices))
    row = model.row_of("VBR")
    assert model.setData(model.index(row, HoldingsColumn.SHARES), 33.0)
    assert seen[-1].portfolio.shares_of("VBR") == 33.0
    assert not model.setData(model.index(row, HoldingsColumn.SHARES), -1.0)
    assert not model.setData(model.index(row, HoldingsColumn.SHARES), "lots")
    assert model.setData(
        model.index(row, HoldingsColumn.NO_SELL), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    assert "VBR" in seen[-1].constraints.no_sell
    assert not model.setData(model.index(row, HoldingsColumn.TICKER), "IWM")  # already there
    assert len(seen) == 2
    assert sc.portfolio.shares_of("VBR") == 20  # the model never mutates what it shows


def test_trades_are_coloured_by_side(solved) -> None:  # type: ignore[no-untyped-def]
    _sc, _m, r = solved
    model = TradesModel()
    model.set_trades(r.trades)
    assert model.rowCount() == len(r.trades) > 0
    fg = Qt.ItemDataRole.ForegroundRole
    sides = set()
    for i, t in enumerate(r.trades):
        side = model.data(model.index(i, TradesColumn.SIDE), D)
        sides.add(t.side)
        assert side == ("Buy" if t.side is Side.BUY else "Sell")
        expected = theme.buy() if t.side is Side.BUY else theme.sell()
        assert model.data(model.index(i, TradesColumn.SIDE), fg) == expected
        assert model.data(model.index(i, TradesColumn.TICKER), D) == t.ticker
        assert model.data(model.index(i, TradesColumn.REASON), D) == t.reason
    assert sides == {Side.BUY, Side.SELL}
    model.set_trades(())
    assert model.rowCount() == 0


def test_edits_accept_the_text_as_displayed(solved) -> None:  # type: ignore[no-untyped-def]
    sc, m, r = solved
    seen = []
    model = HoldingsModel(on_edit=seen.append)
    model.set_state(sc, r, dict(m.prices))
    row = model.row_of("IWN")
    assert model.setData(model.index(row, HoldingsColumn.PRICE), "$250.50")
    assert seen[-1].portfolio.holdings[model.row_of("IWN")].price == pytest.approx(250.5)
    assert model.setData(model.index(row, HoldingsColumn.SHARES), "1,200")
    assert seen[-1].portfolio.shares_of("IWN") == 1200
    flags = model.flags(model.index(row, HoldingsColumn.SHARES))
    assert flags & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(row, HoldingsColumn.WEIGHT)) & Qt.ItemFlag.ItemIsEditable


def test_unchanged_cells_are_not_set_again_and_rows_that_come_back_are_filled(solved) -> None:  # type: ignore[no-untyped-def]
    _sc, _m, r = solved
    model = TradesModel()
    model.set_trades(r.trades)
    changed: list[int] = []
    model.dataChanged.connect(lambda tl, br, roles=(): changed.append(tl.row()))
    model.set_trades(r.trades)  # the same trades: nothing to tell the view
    assert changed == []
    model.set_trades(r.trades[:1])
    model.set_trades(r.trades)  # the removed rows come back with their cells
    for i, t in enumerate(r.trades):
        assert model.data(model.index(i, TradesColumn.TICKER), D) == t.ticker
        assert model.data(model.index(i, TradesColumn.REASON), D) == t.reason


def test_a_target_move_formats_only_the_cells_whose_inputs_changed(solved, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gui import edits

    sc, m, r = solved
    model = HoldingsModel()
    model.set_state(sc, r, dict(m.prices))
    moved = edits.set_sleeve_weight(sc, sc.targets.sleeves[0].name, sc.targets.sleeves[0].weight - 0.05)
    r2 = api.rebalance(moved, m)
    formatted: list[tuple[int, int]] = []
    real = HoldingsModel._cell_roles

    def counting(self, row, col):  # type: ignore[no-untyped-def]
        formatted.append((row, col))
        return real(self, row, col)

    monkeypatch.setattr(HoldingsModel, "_cell_roles", counting)
    model.set_state(moved, r2, dict(m.prices))
    assert formatted  # the targets and drifts changed
    assert {c for _r, c in formatted} <= {HoldingsColumn.TARGET, HoldingsColumn.DRIFT}  # shares, prices: kept
    from gui import fmt

    for a in r2.assets:  # what is shown is the new result
        row = model.row_of(a.ticker)
        assert model.data(model.index(row, HoldingsColumn.TARGET), D) == fmt.pct(a.weight_target)
        assert model.data(model.index(row, HoldingsColumn.DRIFT), D) == fmt.points(a.drift, unit=False)
