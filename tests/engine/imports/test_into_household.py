"""Statement → household accounts: new or matched accounts, lots from the file, lots files, refusals.

Expected numbers are read off the fixture files by hand (written next to each assertion)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from engine.errors import CoresatError
from engine.imports.detect import read_bytes, read_file
from engine.imports.into_household import account_kind, apply_to_household
from engine.imports.statement import Account as StAccount
from engine.imports.statement import Lot as StLot
from engine.imports.statement import Position as StPosition
from engine.imports.statement import Statement, StatementError
from engine.model.household import Account, AccountKind, Household, Position, with_household
from engine.model.scenario import Constraints
from tests.engine.imports.conftest import fixture
from tests.helpers import core_satellite


def _by_id(sc):  # type: ignore[no-untyped-def]
    assert sc.household is not None
    return {a.id: a for a in sc.household.accounts}


def test_each_statement_account_becomes_one_account_of_a_flat_scenario() -> None:
    st = read_file(fixture("schwab_all_accounts.csv"))
    sc = core_satellite({"IWM": 10, "IWN": 5}, cash=100.0)
    new, ch = apply_to_household(st, sc)
    accts = _by_id(new)
    assert list(accts) == ["schwab-4821", "schwab-9307"]
    ind, roth = accts["schwab-4821"], accts["schwab-9307"]
    assert (ind.name, ind.kind, ind.broker) == ("Individual Brokerage …4821", AccountKind.TAXABLE, "Schwab")
    assert (roth.name, roth.kind) == ("Roth IRA …9307", AccountKind.ROTH_IRA)
    assert {p.ticker: p.shares for p in ind.positions} == {"IWM": 120, "AVUV": 85.5}  # option left out
    assert {p.ticker: p.shares for p in roth.positions} == {"IWM": 30}  # mutual fund and bond left out
    assert (ind.cash, roth.cash) == (8013.35, 761.75)
    # the file's Cost Basis column ($22,000.00 for 120 IWM) becomes one lot without a date
    (lot,) = ind.positions[0].lots
    assert lot.shares == 120 and lot.basis * 120 == pytest.approx(22000.0) and lot.acquired is None
    # the flat view is the accounts' sum
    assert {h.ticker: h.shares for h in new.portfolio.holdings} == {"IWM": 150, "AVUV": 85.5}
    assert new.portfolio.cash == pytest.approx(8013.35 + 761.75)
    assert new.targets == sc.targets
    assert [a.status for a in ch.accounts] == ["replaced", "new", "new"]
    assert [(c.ticker, c.before, c.after) for c in ch.total_bought] == [("IWM", 10, 150)]
    assert [c.ticker for c in ch.total_gone] == ["IWN"]
    text = "\n".join(ch.lines())
    assert "Roth IRA …9307 (Roth IRA): new account" in text
    assert "held, not rebalanced: SWPPX in Roth IRA …9307" in text


def test_flat_cash_buffer_and_cash_flow_move_to_the_first_account() -> None:
    sc = core_satellite({}, constraints=Constraints(min_cash=250.0, cash_flow=-100.0))
    new, ch = apply_to_household(read_file(fixture("schwab_all_accounts.csv")), sc)
    first, second = new.household.accounts  # type: ignore[union-attr]
    assert (first.cash_buffer, first.cash_flow) == (250.0, -100.0)
    assert (second.cash_buffer, second.cash_flow) == (0.0, 0.0)
    assert (new.constraints.min_cash, new.constraints.cash_flow) == (250.0, -100.0)
    assert any("now belong to Individual Brokerage …4821" in n for n in ch.notes)


def _household_scenario():  # type: ignore[no-untyped-def]
    """A household typed by the user: the Schwab account renamed, restricted and with a buffer."""
    joint = Account(
        id="joint",
        name="Joint at Schwab 4821",
        kind=AccountKind.TAXABLE,
        broker="Schwab",
        cash=50.0,
        cash_buffer=500.0,
        positions=(Position("IWM", 100), Position("IJR", 10)),
        no_sell=frozenset({"IWM"}),
    )
    k401 = Account(
        id="k", name="Work 401k", kind=AccountKind.K401, cash=10.0, positions=(Position("VBR", 7),)
    )
    hh = Household(id="h", name="The Smiths", accounts=(joint, k401))
    return with_household(core_satellite({}), hh)


def test_a_matched_account_keeps_its_settings_and_says_what_changed() -> None:
    sc = _household_scenario()
    new, ch = apply_to_household(read_file(fixture("schwab_all_accounts.csv")), sc)
    accts = _by_id(new)
    assert list(accts) == ["joint", "k", "schwab-9307"]  # …4821 found in the name "Joint at Schwab 4821"
    joint = accts["joint"]
    assert (joint.name, joint.cash_buffer, joint.no_sell) == ("Joint at Schwab 4821", 500.0, {"IWM"})
    assert {p.ticker: p.shares for p in joint.positions} == {"IWM": 120, "AVUV": 85.5}
    assert accts["k"] == sc.household.accounts[1]  # not in the statement: kept as it is
    first = ch.accounts[0]
    assert (first.status, first.account_id) == ("updated", "joint")
    assert [(c.ticker, c.before, c.after) for c in first.bought] == [("IWM", 100, 120)]
    assert [c.ticker for c in first.new] == ["AVUV"] and [c.ticker for c in first.gone] == ["IJR"]
    assert (first.cash_before, first.cash_after) == (50.0, 8013.35)
    assert [a.status for a in ch.accounts] == ["updated", "new", "kept"]
    assert "Work 401k (401(k)): not in this statement: kept as it is" in ch.lines()


def test_reimporting_the_same_statement_changes_nothing() -> None:
    st = read_file(fixture("schwab_all_accounts.csv"))
    once, _ = apply_to_household(st, core_satellite({}))
    twice, ch = apply_to_household(st, once)
    assert twice.household == once.household
    assert not ch.changed and ch.lines()[0].startswith("no change")


def test_schwab_lot_details_attach_to_the_positions() -> None:
    positions, _ = apply_to_household(read_file(fixture("schwab_all_accounts.csv")), core_satellite({}))
    lots_st = read_file(fixture("schwab_lot_details.csv"))
    assert lots_st.lots_only and lots_st.layout == "Schwab lot details CSV"
    new, ch = apply_to_household(lots_st, positions)
    ind = _by_id(new)["schwab-4821"]
    iwm = next(p for p in ind.positions if p.ticker == "IWM")
    # the fixture's three IWM lots: 50 @ 180.10 (2021-03-04), 25 @ 168.40, 45 @ 195.00
    assert [(lo.shares, lo.basis, lo.acquired) for lo in iwm.lots] == [
        (50, 180.10, date(2021, 3, 4)),
        (25, 168.40, date(2022, 6, 17)),
        (45, 195.00, date(2024, 11, 12)),
    ]
    assert iwm.cost_basis == pytest.approx(50 * 180.10 + 25 * 168.40 + 45 * 195.00)
    assert sum(lo.shares for lo in next(p for p in ind.positions if p.ticker == "AVUV").lots) == 85.5
    assert new.portfolio == positions.portfolio  # a lots file changes no shares and no cash
    assert _by_id(new)["schwab-9307"] == _by_id(positions)["schwab-9307"]
    assert ch.accounts[0].status == "lots"
    assert "IWM: 3 lot(s), basis 21,990.00, acquired 2021-03-04 … 2024-11-12" in ch.accounts[0].lots


def test_fidelity_open_lots_attach_to_the_positions() -> None:
    positions, _ = apply_to_household(read_file(fixture("fidelity_positions.csv")), core_satellite({}))
    st = read_file(fixture("fidelity_open_lots.csv"))
    assert st.layout == "Fidelity open lots CSV" and st.statement_date == date(2025, 3, 14)
    new, _ = apply_to_household(st, positions)
    acct = _by_id(new)["fidelity-0045"]
    lots = {p.ticker: [(lo.shares, lo.basis, lo.acquired) for lo in p.lots] for p in acct.positions}
    assert lots == {
        "IJR": [(100, 95.0, date(2021, 3, 4)), (50, 110.0, date(2024, 9, 15))],
        "VBR": [(40, 150.0, date(2020, 1, 22)), (50.25, 170.0, date(2023, 5, 5))],
    }


def test_lots_that_disagree_with_the_held_shares_are_refused_naming_both_numbers() -> None:
    positions, _ = apply_to_household(read_file(fixture("schwab_all_accounts.csv")), core_satellite({}))
    text = fixture("schwab_lot_details.csv").read_text()
    short = text.replace('"11/12/2024","45"', '"11/12/2024","40"').replace('"Total","120"', '"Total","115"')
    with pytest.raises(StatementError) as err:
        apply_to_household(read_bytes(short.encode(), source="lots.csv"), positions)
    assert str(err.value) == (
        "lots.csv: line 4: IWM: the lots in the file hold 115 shares but Individual Brokerage …4821 "
        "holds 120; import a positions file of the same date first, or a lots file with every lot of it"
    )


def test_a_total_row_that_disagrees_with_its_lots_is_refused() -> None:
    text = fixture("schwab_lot_details.csv").read_text().replace('"Total","120"', '"Total","121"')
    with pytest.raises(StatementError) as err:
        read_bytes(text.encode(), source="lots.csv")
    assert "line 7: IWM: the Total row says 121 shares but the lots above it add up to 120" in str(err.value)


def test_lots_for_an_account_the_scenario_lacks_are_refused() -> None:
    with pytest.raises(StatementError, match="import that account's positions file first"):
        apply_to_household(read_file(fixture("fidelity_open_lots.csv")), _household_scenario())


def test_lots_into_a_one_portfolio_scenario_go_to_its_account() -> None:
    sc = core_satellite({"IJR": 150, "VBR": 90.25, "IWM": 3})
    new, ch = apply_to_household(read_file(fixture("fidelity_open_lots.csv")), sc)
    (acct,) = new.household.accounts  # type: ignore[union-attr]
    assert [len(p.lots) for p in acct.positions] == [2, 2, 0]
    assert any("no lots in the file for IWM" in line for line in ch.accounts[0].lots)


def test_a_statement_whose_lots_disagree_with_its_positions_is_refused() -> None:
    p = StPosition("IWM", 100, 200.0, 20000.0, lots=(StLot(60, 150.0), StLot(30, 160.0)), line=9)
    st = Statement("IBKR Flex Query XML", (StAccount("…1234", "Ind", broker="IBKR", positions=(p,)),))
    with pytest.raises(StatementError, match=r"line 9: IWM in Ind …1234: the lots hold 90 shares but "):
        apply_to_household(st, core_satellite({}))


def test_lots_without_a_basis_leave_the_basis_unknown() -> None:
    p = StPosition("IWM", 100, 200.0, 20000.0, lots=(StLot(60, 150.0), StLot(40, None)))
    st = Statement("x", (StAccount("…1234", "Ind", positions=(p,)),))
    new, ch = apply_to_household(st, core_satellite({}))
    assert new.household.accounts[0].positions[0].lots == ()  # type: ignore[union-attr]
    assert any("basis unknown" in line for a in ch.accounts for line in a.lots)


def test_a_debit_is_set_to_zero_and_said() -> None:
    st = Statement("x", (StAccount("…1234", "Ind", cash=-12.5, positions=(StPosition("IWM", 1, 1, 1),)),))
    new, ch = apply_to_household(st, core_satellite({}))
    assert new.household.accounts[0].cash == 0.0  # type: ignore[union-attr]
    assert any("-12.50 (a debit)" in n for n in ch.notes)


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("ROTH IRA", AccountKind.ROTH_IRA),
        ("Rollover IRA", AccountKind.TRADITIONAL_IRA),
        ("401(k)", AccountKind.K401),
        ("Health Savings Account", AccountKind.HSA),
        ("Individual", AccountKind.TAXABLE),
        ("Mirage Trust", AccountKind.TAXABLE),
    ],
)
def test_account_kind_from_the_statement_words(words: str, kind: AccountKind) -> None:
    assert account_kind(words) is kind


def test_a_refused_import_is_a_coresat_error_and_leaves_the_input_alone() -> None:
    sc = _household_scenario()
    before = replace(sc)
    with pytest.raises(CoresatError):
        apply_to_household(read_file(fixture("fidelity_open_lots.csv")), sc)
    assert sc == before


def test_a_negative_lot_is_refused_with_its_line() -> None:
    p = StPosition("IWM", 100, 200.0, 20000.0, lots=(StLot(110, 150.0), StLot(-10, None)), line=3)
    st = Statement("x", (StAccount("…1234", "Ind", positions=(p,)),))
    with pytest.raises(StatementError, match=r"line 3: IWM in Ind …1234: a lot of -10 shares at 0 per share"):
        apply_to_household(st, core_satellite({}))
    text = fixture("schwab_lot_details.csv").read_text().replace('"$180.10"', '"-$180.10"')
    with pytest.raises(StatementError, match=r"line 4: cost basis -180.1 per share is negative"):
        read_bytes(text.encode())


def test_reimport_of_a_newer_plain_csv_says_bought_sold_new_gone() -> None:
    old_csv = b"Ticker,Shares,Price\nIWM,100,200\nVBR,50,190\nIJR,10,110\nCash,1000,\n"
    new_csv = b"Ticker,Shares,Price\nIWM,120,205\nVBR,40,195\nAVUV,7,90\nCash,250.5,\n"
    first, _ = apply_to_household(read_bytes(old_csv), core_satellite({}, cash=0.0))
    second, ch = apply_to_household(read_bytes(new_csv), first)
    (acct,) = ch.accounts  # a file without account numbers finds its account again by name
    assert acct.status == "updated"
    assert [(c.ticker, c.before, c.after) for c in acct.bought] == [("IWM", 100, 120)]
    assert [(c.ticker, c.before, c.after) for c in acct.sold] == [("VBR", 50, 40)]
    assert [(c.ticker, c.after) for c in acct.new] == [("AVUV", 7)]
    assert [(c.ticker, c.before) for c in acct.gone] == [("IJR", 10)]
    assert (acct.cash_before, acct.cash_after) == (1000, 250.5)
    text = "\n".join(ch.lines())
    assert "bought: IWM 100 → 120 shares (+20)" in text and "gone: IJR (was 10 shares)" in text
    assert [h.ticker for h in second.portfolio.holdings] == ["IWM", "VBR", "AVUV"]  # old order kept


def test_with_prices_keeps_statement_prices_and_default_drops_own_prices() -> None:
    st = read_file(fixture("etrade_positions.qfx"))
    sc = core_satellite({"IWM": 1})
    sc = replace(
        sc, portfolio=replace(sc.portfolio, holdings=(replace(sc.portfolio.holdings[0], price=150.0),))
    )
    priced, _ = apply_to_household(st, sc, with_prices=True)
    assert {h.ticker: h.price for h in priced.portfolio.holdings}["IWM"] == 205.50
    unpriced, ch = apply_to_household(st, sc)
    assert all(h.price is None for h in unpriced.portfolio.holdings)
    assert any("your own prices for IWM were dropped" in n for n in ch.notes)


def test_a_total_mismatch_is_carried_into_the_changes() -> None:
    _, ch = apply_to_household(read_file(fixture("schwab_total_mismatch.csv")), core_satellite({}))
    assert any("does NOT match" in n for n in ch.notes)


def test_fidelity_open_lots_with_one_account_name_number_column() -> None:
    text = (
        "Account Name/Number,Symbol,Description,Acquired,Term,Quantity,Cost Basis Total,Current Value\n"
        'Individual - TOD X77120045,IJR,ISHARES CORE S&P SMALL-CAP ETF,03/04/2021,Long,150,"$15,000.00",'
        '"$16,860.00"\n'
    )
    st = read_bytes(text.encode())
    (acct,) = st.accounts
    assert (st.layout, acct.name, acct.number) == ("Fidelity open lots CSV", "Individual - TOD", "…0045")
    (lot,) = acct.positions[0].lots
    assert (lot.quantity, lot.basis_per_share, lot.acquired) == (150, 100.0, date(2021, 3, 4))  # 15,000 / 150


def test_a_short_account_number_does_not_match_an_id_by_chance() -> None:
    hh = Household("h", "H", (Account(id="account-1", name="Savings", positions=(Position("IWM", 5),)),))
    sc = with_household(core_satellite({}), hh)
    st = Statement("x", (StAccount("1", "", broker="B", positions=(StPosition("VBR", 2, 1, 2),)),))
    new, ch = apply_to_household(st, sc)
    assert [a.id for a in new.household.accounts] == ["account-1", "b-1"]  # type: ignore[union-attr]
    assert [c.status for c in ch.accounts] == ["new", "kept"]
