"""The per-account result rows (gui.panels.accounts_result): every account, every holding before/after,
every lot a taxable sale takes, with the result's own numbers."""

from __future__ import annotations

from datetime import timedelta

from engine.model.policy import TaxRates
from engine.optimize.household import rebalance_household
from gui.panels.accounts_result import AccountsResultView, result_rows
from tests.engine.household.test_tax import ON, TICKERS, _household, _scenario
from tests.helpers import market


def _result():  # type: ignore[no-untyped-def]
    hh = _household(ON - timedelta(days=400), loss_basis=225.0)
    return rebalance_household(_scenario(hh, TaxRates()), market(TICKERS, as_of=ON))


def test_rows_carry_accounts_holdings_and_lots() -> None:
    r = _result()
    rows = result_rows(r)
    assert len(rows) == len(r.accounts)
    lots_seen = 0
    for row, a in zip(rows, r.accounts, strict=True):
        assert row.cells[4] == f"{a.cash_before:,.2f} → {a.cash_after:,.2f}"
        by = {h.cells[0]: h for h in row.children}
        for t in a.trades:
            h = by[t.ticker]
            assert len(h.children) == len(t.lots)
            lots_seen += len(t.lots)
            if t.realized_gain is not None:
                assert h.cells[5] == f"{t.realized_gain:+,.2f} / {t.tax_estimate:,.2f}"
            for lot_row, ls in zip(h.children, t.lots, strict=True):
                assert lot_row.cells[0].startswith(ls.acquired.isoformat() if ls.acquired else "")
                assert lot_row.cells[1] == (
                    f"{ls.shares:,.0f}" if ls.shares == int(ls.shares) else f"{ls.shares:,.4g}"
                )
    assert lots_seen > 0  # the taxable account sells lots in this household


def test_view_shows_one_top_item_per_account(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = AccountsResultView()
    qtbot.addWidget(view)
    r = _result()
    view.show_result(r)
    assert view.topLevelItemCount() == len(r.accounts)
    assert all(view.topLevelItem(i).isExpanded() for i in range(len(r.accounts)))
