"""Lines held but not rebalanced (a mutual fund, an option, a bond…) stay listed with their account: read
from a broker statement, written to and read from the scenario file, carried into the household result with
their value, never traded and in no weight; an account holding only such lines gets a clear message.

Expected values are read off the fixture file by hand (tests/fixtures/imports/schwab_all_accounts.csv)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from engine.errors import ScenarioError
from engine.household_text import format_household
from engine.imports.detect import read_file
from engine.imports.into_household import apply_to_household
from engine.model import scenario_file as sf
from engine.model.household import Account, HeldOutside, Household, Position, with_household
from engine.optimize.household.run import rebalance_household
from tests.engine.imports.conftest import fixture
from tests.helpers import core_satellite, market


def _imported():  # type: ignore[no-untyped-def]
    sc = core_satellite(
        {"IWM": 10, "IWN": 5}, cash=100.0, core={"IWM": 0.7}, satellites={"Value": {"IWN": 0.3}}
    )
    new, changes = apply_to_household(read_file(fixture("schwab_all_accounts.csv")), sc)
    assert new.household is not None
    return new, changes


def test_an_import_keeps_the_lines_it_does_not_rebalance_with_their_account() -> None:
    new, changes = _imported()
    ind, roth = new.household.accounts  # type: ignore[union-attr]
    # the option in the individual account; the mutual fund and the bond in the Roth (the file's
    # Market Value column: $630.00, $913.00, $964.00)
    assert ind.held == (HeldOutside("AAPL 06/20/2025 200.00 C", 630.0, "option"),)
    assert roth.held == (HeldOutside("SWPPX", 913.0, "mutual fund"), HeldOutside("912828YK0", 964.0, "bond"))
    assert (ind.held_value, roth.held_value) == (630.0, 913.0 + 964.0)
    # never in the positions, the flat view or its cash
    assert {p.ticker for p in roth.positions} == {"IWM"}
    assert "SWPPX" not in {h.ticker for h in new.portfolio.holdings}
    assert "listed with the account, never traded" in "\n".join(changes.lines())
    # importing the same statement again replaces them (not doubled)
    again, _ = apply_to_household(read_file(fixture("schwab_all_accounts.csv")), new)
    assert [a.held for a in again.household.accounts] == [ind.held, roth.held]  # type: ignore[union-attr]


def test_held_lines_round_trip_through_the_scenario_file() -> None:
    new, _ = _imported()
    text = sf.dumps(new)
    assert '{ symbol = "SWPPX", value = 913.0, why = "mutual fund" }' in text
    back = sf.loads(text)
    assert back.household == new.household
    assert sf.dumps(back) == text


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ('{ symbol = "X", value = "lots" }', "held[0].value"),
        ('{ symbol = "", value = 5.0 }', "held[0].symbol"),
        ("{ value = 5.0 }", "held[0].symbol"),
    ],
)
def test_a_bad_held_line_names_the_account_and_field(line: str, field: str) -> None:
    new, _ = _imported()
    text = sf.dumps(new)
    head = '{ symbol = "AAPL 06/20/2025 200.00 C", value = 630.0, why = "option" }'
    assert head in text
    with pytest.raises(ScenarioError) as err:
        sf.loads(text.replace(head, line, 1))
    assert field in err.value.field and "Individual Brokerage" in err.value.field


def test_the_result_lists_them_per_account_and_trades_none_of_them() -> None:
    imported, _ = _imported()
    roth_held = imported.household.account("schwab-9307").held  # type: ignore[union-attr]
    base = core_satellite({}, core={"IWM": 0.7}, satellites={"Value": {"IWN": 0.3}})
    taxable = Account("t", "Taxable", positions=(Position("IWM", 100.0),), cash=2_000.0)
    roth = Account(
        "schwab-9307", "Roth IRA …9307", positions=(Position("IWM", 30.0),), cash=761.75, held=roth_held
    )
    sc = with_household(base, Household("h", "H", (taxable, roth)))
    m = market(["IWM", "IWN"])
    r = rebalance_household(sc, m)
    row = {a.id: a for a in r.accounts}["schwab-9307"]
    assert row.held == roth_held and row.held_value == pytest.approx(913.0 + 964.0)
    assert r.trades and not {t.ticker for t in r.trades} & {"SWPPX", "912828YK0"}
    # the account's value is what it holds to rebalance: the held lines are in no value or weight
    assert row.value_before == pytest.approx(row.cash_before + 30 * m.prices["IWM"])
    assert "SWPPX" not in row.weights_before and "SWPPX" not in r.weights_before
    doc = json.loads(r.to_json())
    held = next(a for a in doc["accounts"] if a["id"] == "schwab-9307")["held"]
    assert held == [
        {"symbol": "SWPPX", "value": 913.0, "why": "mutual fund", "currency": "USD"},
        {"symbol": "912828YK0", "value": 964.0, "why": "bond", "currency": "USD"},
    ]
    text = format_household(r)
    assert "held, not rebalanced: SWPPX 913.00, mutual fund (never traded, in no weight)" in text


def test_a_household_holding_only_lines_it_does_not_rebalance_says_so() -> None:
    base = core_satellite({}, core={"IWM": 1.0}, satellites={})
    only = Account(
        "k", "401(k) …4555", positions=(), held=(HeldOutside("VGI007743", 13385.75, "mutual fund"),)
    )
    sc = with_household(base, Household("h", "H", (only,)))
    with pytest.raises(ScenarioError) as err:
        rebalance_household(sc, market(["IWM"]))
    assert err.value.field == "household"
    assert "VGI007743 in 401(k) …4555 (13,385.75)" in err.value.problem
    assert "add the ETFs or stocks to rebalance" in err.value.problem
    # with something to rebalance the same account is no problem
    funded = replace(only, positions=(Position("IWM", 10.0),))
    r = rebalance_household(with_household(base, Household("h", "H", (funded,))), market(["IWM"]))
    assert r.accounts[0].held == only.held


def test_the_client_book_keeps_them(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from engine.book.store import Book

    new, _ = _imported()
    src = tmp_path / "client.coresat.toml"
    src.write_text(sf.dumps(new), encoding="utf-8")
    book = Book.open(f"sqlite:///{tmp_path / 'book.sqlite'}")
    try:
        ids = book.import_scenario(src, client="Imported")
        back = book.scenario(ids.household_id)
        assert back.household is not None
        assert [a.held for a in back.household.accounts] == [a.held for a in new.household.accounts]  # type: ignore[union-attr]
        assert back.household.account("schwab-9307").held_value == pytest.approx(1877.0)
    finally:
        book.close()


def test_the_workbook_lists_them(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from engine.book import proposals as P
    from engine.book.store import Book
    from engine.report.proposal import load
    from engine.report.xlsx import write_xlsx
    from tests.engine.book.test_report import read_xlsx

    imported, _ = _imported()
    held = imported.household.account("schwab-9307").held  # type: ignore[union-attr]
    base = core_satellite({}, core={"IWM": 0.7}, satellites={"Value": {"IWN": 0.3}})
    roth = Account(
        "schwab-9307", "Roth IRA …9307", positions=(Position("IWM", 30.0),), cash=761.75, held=held
    )
    taxable = Account("t", "Taxable", positions=(Position("IWM", 100.0),), cash=2_000.0)
    sc = with_household(base, Household("h", "H", (taxable, roth)))
    m = market(["IWM", "IWN"])
    book = Book.open(str(tmp_path / "b.sqlite"))
    try:
        ids = book.add_household("Ann Lee", sc)
        stored = book.scenario(ids.household_id)
        result = rebalance_household(stored, m)
        pid = P.add(book, [P.NewProposal.of_household(ids.household_id, ids.policy_id, stored, result, m)])[0]
        rep = load(book, pid)
    finally:
        book.close()
    rows = read_xlsx(write_xlsx(rep, tmp_path / "ann.xlsx"))["Summary"]
    title = next(i for i, r in enumerate(rows) if r and str(r[0]).startswith("Held, not rebalanced"))
    assert rows[title + 1] == ["Account", "Symbol", "Market value", "Currency", "Why"]
    assert rows[title + 2 : title + 4] == [
        ["Roth IRA …9307", "SWPPX", 913.0, "USD", "mutual fund"],
        ["Roth IRA …9307", "912828YK0", 964.0, "USD", "bond"],
    ]


def test_a_line_in_another_currency_keeps_its_currency_and_is_not_added_to_usd() -> None:
    from engine.imports.statement import Account as StAccount
    from engine.imports.statement import AssetType, Statement
    from engine.imports.statement import Position as StPosition

    st = Statement(
        layout="IBKR Flex",
        source="flex.xml",
        accounts=(
            StAccount(
                number="…7788",
                name="Individual",
                broker="IBKR",
                positions=(
                    StPosition("IWM", 10.0, 200.0, 2000.0, AssetType.ETF),
                    StPosition("SAP", 5.0, 240.0, 1200.0, AssetType.STOCK, currency="EUR"),
                ),
                cash=500.0,
            ),
        ),
    )
    new, changes = apply_to_household(st, core_satellite({"IWM": 1.0}, core={"IWM": 1.0}, satellites={}))
    (acct,) = new.household.accounts  # type: ignore[union-attr]
    assert acct.held == (HeldOutside("SAP", 1200.0, "priced in EUR", "EUR"),)
    assert acct.held_value == 0.0  # EUR is not converted, so not in a USD sum
    assert "SAP in Individual …7788 (1,200.00 EUR, priced in EUR)" in "\n".join(changes.lines())
    text = sf.dumps(new)
    assert 'currency = "EUR"' in text and sf.loads(text).household == new.household
    with pytest.raises(ScenarioError) as err:
        sf.loads(text.replace('currency = "EUR"', 'currency = "euros"'))
    assert err.value.field.endswith("held[0].currency")
    r = rebalance_household(new, market(["IWM"]))
    assert "held, not rebalanced: SAP 1,200.00 EUR, priced in EUR" in format_household(r)
