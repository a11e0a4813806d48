"""Lot-level gains and tax: hand-computed lots (terms at the one-year boundary, specific vs highest-cost),
the household result's lots recomputed from the lot data, and wash sales marked and avoided."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest

from engine import resources
from engine.model import scenario_file as sf
from engine.model.household import Account, AccountKind, Household, Lot, Position, with_household
from engine.model.policy import LotMethod, Placement, TaxRates
from engine.model.scenario import Constraints
from engine.optimize.household import rebalance_household
from engine.optimize.household.tax import sell_lots
from engine.result import Status
from tests.engine.household.reference import problems
from tests.engine.household.reference_solve import lot_tax_per_share, min_tax
from tests.helpers import market

ON = date(2026, 11, 20)
RATES = TaxRates(year=2025, short_term=0.24, long_term=0.15)
LOTS = (
    Lot(50, 190.0, date(2020, 1, 15)),  # long-term gain: 60 a share at 15 %
    Lot(50, 200.0, date(2026, 6, 1)),  # short-term gain: 50 a share at 24 %
    Lot(30, 260.0, date(2025, 11, 20)),  # exactly one year on ON: still short-term; a loss
)


def test_specific_lots_take_the_lowest_tax_first_by_hand() -> None:
    got = sell_lots(LOTS, 100, 250.0, ON, RATES)
    assert [k for k, _ in got] == [2, 0, 1]  # the loss (no tax), then 9.00 a share, then 12.00 a share
    sales = [s for _, s in got]
    assert [s.shares for s in sales] == [30, 50, 20]
    assert [s.long_term for s in sales] == [False, True, False]
    assert [s.gain for s in sales] == [30 * (250 - 260), 50 * (250 - 190), 20 * (250 - 200)]
    assert sum(s.tax for s in sales) == pytest.approx(50 * 60 * 0.15 + 20 * 50 * 0.24)


def test_highest_cost_takes_the_highest_basis_first_by_hand() -> None:
    sales = [s for _, s in sell_lots(LOTS, 100, 250.0, ON, replace(RATES, lot_method=LotMethod.HIFO))]
    assert [s.basis for s in sales] == [260.0, 200.0, 190.0]
    assert [s.shares for s in sales] == [30, 50, 20]
    assert sum(s.tax for s in sales) == pytest.approx(50 * 50 * 0.24 + 20 * 60 * 0.15)


def test_one_day_past_a_year_is_long_term() -> None:
    lot = (Lot(10, 100.0, date(2025, 11, 19)),)
    ((_, s),) = sell_lots(lot, 10, 150.0, ON, RATES)
    assert s.long_term and s.tax == pytest.approx(10 * 50 * 0.15)


def _household(ira_lot_date: date, loss_basis: float = 300.0, gain_basis: float = 100.0) -> Household:
    taxable = Account(
        "t",
        "Brokerage",
        AccountKind.TAXABLE,
        cash=200.0,
        positions=(
            Position(
                "IWM",
                200.0,
                lots=(Lot(100, loss_basis, date(2024, 1, 2)), Lot(100, gain_basis, date(2020, 1, 2))),
            ),
            Position("IWN", 5.0, lots=(Lot(5, 150.0, date(2023, 3, 1)),)),
        ),
    )
    ira = Account(
        "i",
        "IRA",
        AccountKind.TRADITIONAL_IRA,
        cash=100.0,
        positions=(Position("IWM", 20.0, lots=(Lot(20, 230.0, ira_lot_date),)),),
    )
    return Household("h", "H", (taxable, ira))


def _scenario(hh: Household, tax: TaxRates):  # type: ignore[no-untyped-def]
    base = sf.loads(resources.read_text("examples", "russell-core-value-satellites.coresat.toml"))
    c = Constraints(cost_bps=2.0, force_rebalance=True)
    return with_household(replace(base, constraints=c, market=None, placement=Placement(tax=tax)), hh)


TICKERS = ["IWM", "IWN", "VBR", "SPSM"]


@pytest.mark.parametrize("method", list(LotMethod))
def test_result_lots_recomputed_from_the_lot_data(method: LotMethod) -> None:
    hh = _household(date(2022, 1, 3), loss_basis=225.0)  # small gains, no loss lots: no wash sale
    tax = replace(RATES, lot_method=method)
    sc = _scenario(hh, tax)
    r = rebalance_household(sc, market(TICKERS, as_of=ON))
    assert r.status is Status.OK and problems(hh, sc.constraints, r) == []
    assert (r.tax_year, r.short_term_rate, r.long_term_rate, r.lot_method) == (2025, 0.24, 0.15, method.value)
    sales = [t for t in r.trades if t.side.value == "sell" and t.account_id == "t"]
    assert sales
    for t in sales:
        pos = next(p for p in hh.accounts[0].positions if p.ticker == t.ticker)
        assert sum(ls.shares for ls in t.lots) == pytest.approx(t.shares)
        for ls in t.lots:
            lot = next(lot for lot in pos.lots if lot.basis == ls.basis)
            assert ls.gain == pytest.approx(ls.shares * (t.price - lot.basis))
            per = lot_tax_per_share(lot.basis, lot.acquired, t.price, ON, sc.placement)
            assert ls.tax == pytest.approx(ls.shares * per)
        if method is LotMethod.SPECIFIC:  # the least tax any choice of lots gives
            per_lot = [
                (lot.shares, lot_tax_per_share(lot.basis, lot.acquired, t.price, ON, sc.placement))
                for lot in pos.lots
            ]
            assert t.tax_estimate == pytest.approx(min_tax(per_lot, t.shares))
        else:
            assert [ls.basis for ls in t.lots] == sorted((ls.basis for ls in t.lots), reverse=True)
        assert t.realized_gain == pytest.approx(sum(ls.gain for ls in t.lots))
        assert f"estimated tax ${t.tax_estimate:,.2f} (2025 rates)" in t.reason
    assert r.tax_estimate == pytest.approx(sum(t.tax_estimate for t in r.trades))
    taxable = hh.accounts[0]
    ira_sales = [t for t in r.trades if t.account_id == "i" and t.side.value == "sell"]
    assert ira_sales  # the IRA sells IWM too: its sentence names the brokerage's tax
    for t in ira_sales:
        # the counterfactual the IRA sale names: the same shares sold in the brokerage account, by hand
        pos = next(p for p in taxable.positions if p.ticker == t.ticker)
        q = min(t.shares, pos.shares)
        per = [
            (lot, lot_tax_per_share(lot.basis, lot.acquired, t.price, ON, sc.placement)) for lot in pos.lots
        ]
        order = (
            sorted(per, key=lambda z: z[1])
            if method is LotMethod.SPECIFIC
            else sorted(per, key=lambda z: -z[0].basis)
        )
        gain = tax_sum = 0.0
        left = q
        for lot, tx in order:
            take = min(lot.shares, left)
            gain += take * (t.price - lot.basis)
            tax_sum += take * tx
            left -= take
        word = "gain" if gain >= 0 else "loss"
        assert (
            f"selling {q:g} shares in Brokerage instead: {word} ${abs(gain):,.2f}, estimated tax ${tax_sum:,.2f}"
            in t.reason
        )


def test_a_wash_sale_is_avoided_when_cheap() -> None:
    hh = _household(ON - timedelta(days=10), gain_basis=231.0)  # the IRA bought IWM ten days ago
    r = rebalance_household(_scenario(hh, RATES), market(TICKERS, as_of=ON))
    assert r.status is Status.OK
    sale = next(t for t in r.trades if t.account_id == "t" and t.ticker == "IWM" and t.side.value == "sell")
    assert all(ls.basis == 231.0 for ls in sale.lots)  # the loss lot is kept, the small-gain lot sold
    assert not any(ls.wash_sale for t in r.trades for ls in t.lots)
    note = next(n for n in r.placement_notes if n.startswith("Wash sales avoided"))
    before, after = (float(v) for v in re.findall(r"([0-9.]+) %", note))
    assert after - before <= 0.10 + 1e-9  # "cheap": at most 0.10 points more tracking error
    assert f"{r.household.tracking_error_after * 100:.2f} %" in note  # the answer taken is the one shown


def test_a_wash_sale_is_marked_when_avoidance_is_off() -> None:
    hh = _household(ON - timedelta(days=10))
    r = rebalance_household(_scenario(hh, replace(RATES, avoid_wash_sales=False)), market(TICKERS, as_of=ON))
    sale = next(t for t in r.trades if t.account_id == "t" and t.ticker == "IWM" and t.side.value == "sell")
    loss = [ls for ls in sale.lots if ls.basis == 300.0]
    assert loss and all(ls.gain < 0 and ls.wash_sale for ls in loss)  # 10 days ago is inside 30 days
    assert "disallowed as a wash sale" in sale.reason
    # keeping the loss lot would mean selling the lot with a large gain: not cheap, so the note says why
    note = next(n for n in r.placement_notes if "wash sale" in n)
    assert f"from {r.household.tracking_error_after * 100:.2f} %" in note or "avoidance is off" in note
    # an IRA purchase 31 days before the sale is outside the window: no wash sale
    r2 = rebalance_household(
        _scenario(_household(ON - timedelta(days=31)), replace(RATES, avoid_wash_sales=False)),
        market(TICKERS, as_of=ON),
    )
    assert not any(ls.wash_sale for t in r2.trades for ls in t.lots)
