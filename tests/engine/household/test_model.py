"""Household model and scenario file version 3: round trips, migration, errors that name the account."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from engine import resources
from engine.errors import ScenarioError
from engine.model import scenario_file as sf
from engine.model.household import AccountKind, household_of, with_household
from engine.model.policy import apply_policy, policy_of

COUPLE = "household-couple-four-accounts.coresat.toml"
CLIENT = "advisor-client-401k-menu.coresat.toml"


def _text(name: str) -> str:
    return resources.read_text("examples", name)


def test_household_file_round_trips(tmp_path: Path) -> None:
    sc = sf.loads(_text(COUPLE))
    assert sc.household is not None and len(sc.household.accounts) == 4
    path = tmp_path / "out.coresat.toml"
    sf.save(sc, path)
    again = sf.load(path)
    assert again.household == sc.household
    assert again.portfolio == sc.portfolio and again.placement == sc.placement
    assert "version = 3" in path.read_text()


def test_flat_view_adds_up_the_accounts() -> None:
    sc = sf.loads(_text(COUPLE))
    hh = sc.household
    assert hh is not None
    for h in sc.portfolio.holdings:
        assert h.shares == sum(a.shares_of(h.ticker) for a in hh.accounts)
    assert sc.portfolio.cash == 1800 + 2400 + 900 + 6500
    assert sc.constraints.min_cash == 1000


def test_lots_and_unknown_basis() -> None:
    hh = sf.loads(_text(COUPLE)).household
    assert hh is not None
    iwm = next(p for p in hh.account("joint").positions if p.ticker == "IWM")
    assert iwm.basis_known and iwm.cost_basis == pytest.approx(160 * 142.10 + 100 * 198.75)
    assert iwm.unrealized_gain(200.0) == pytest.approx(260 * 200.0 - 160 * 142.10 - 100 * 198.75)
    ijr = next(p for p in hh.account("joint").positions if p.ticker == "IJR")
    assert not ijr.basis_known and ijr.unrealized_gain(100.0) is None


@pytest.mark.parametrize("name", [n for n in resources.examples() if n not in (COUPLE, CLIENT)])
def test_version_2_files_are_one_taxable_account(name: str) -> None:
    sc = sf.loads(_text(name))
    assert sc.household is None
    hh = household_of(sc)
    (acct,) = hh.accounts
    assert acct.kind is AccountKind.TAXABLE
    assert acct.cash == sc.portfolio.cash and acct.cash_buffer == sc.constraints.min_cash
    assert acct.cash_flow == sc.constraints.cash_flow
    assert {p.ticker: p.shares for p in acct.positions} == {h.ticker: h.shares for h in sc.portfolio.holdings}
    assert with_household(sc, hh).portfolio == sc.portfolio


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("cash = 6500.0", "cash = -5.0", "accounts[3] 'Park Roth' cash: must be ≥ 0"),
        (
            "cash_buffer = 1000.0",
            "cash_buffer = -1.0",
            "accounts[0] 'Joint brokerage' cash_buffer: must be ≥ 0",
        ),
        ('kind = "roth_ira"', 'kind = "pension"', "accounts[3] 'Park Roth'.kind: must be one of"),
        ("shares = 100\nbasis", "shares = 90\nbasis", "accounts[0] 'Joint brokerage' positions[0] lots"),
        ('id = "ira-park"', 'id = "joint"', "is used by two accounts"),
        ("taxable_sell_bps = 50.0", "taxable_sell_bps = -3.0", "placement.taxable_sell_bps"),
        (
            'location = { Value = ["traditional_ira", "roth_ira"] }',
            'location = { Value = ["ira"] }',
            "placement.location.Value[0]",
        ),
        ("[targets]", "[portfolio]\ncash = 1.0\n\n[targets]", "portfolio: a household file keeps this"),
    ],
)
def test_errors_name_the_account_and_field(old: str, new: str, message: str) -> None:
    text = _text(COUPLE)
    assert old in text
    with pytest.raises(ScenarioError) as err:
        sf.loads(text.replace(old, new, 1))
    assert message in str(err.value)


def test_policy_is_apart_from_the_accounts() -> None:
    couple, client = sf.loads(_text(COUPLE)), sf.loads(_text(CLIENT))
    moved = apply_policy(client, policy_of(couple))
    assert moved.targets == couple.targets and moved.household == client.household
    assert moved.constraints.min_cash == client.constraints.min_cash  # the accounts' own buffers stay
    assert moved.constraints.vol_cap == couple.constraints.vol_cap
    moved.validate()


def test_a_stale_flat_view_is_refused() -> None:
    sc = sf.loads(_text(COUPLE))
    with pytest.raises(ScenarioError, match="does not match the household"):
        replace(sc, portfolio=replace(sc.portfolio, cash=1.0)).validate()


def test_account_edits_keep_the_flat_view_in_step() -> None:
    from engine.model import household_edit as he

    sc = sf.loads(_text(COUPLE))
    sc2 = he.set_account_cash(sc, "roth-park", 100.0)
    assert sc2.portfolio.cash == sc.portfolio.cash - 6500 + 100
    sc3 = he.set_account_kind(he.add_account(sc2, "HSA"), "account-5", AccountKind.HSA)
    assert sc3.household is not None and sc3.household.accounts[-1].kind is AccountKind.HSA
    sc4 = he.remove_account(sc3, "joint")
    assert "joint" not in {a.id for a in sc4.household.accounts}  # type: ignore[union-attr]
    assert sc4.portfolio.cash == sc3.portfolio.cash - 1800
    for s in (sc2, sc3, sc4):
        s.validate()
    flat = sf.loads(_text("russell-core-value-satellites.coresat.toml"))
    grown = he.add_account(flat, "Roth", AccountKind.ROTH_IRA)
    assert grown.household is not None and len(grown.household.accounts) == 2
    assert grown.portfolio == flat.portfolio
    with pytest.raises(ScenarioError, match="at least one account"):
        he.remove_account(flat, "main")


def test_position_shares_edit_keeps_the_lots_consistent() -> None:
    from datetime import date

    from engine.model import household_edit as he
    from engine.model.household import Lot, Position

    sc = sf.loads(_text(COUPLE))
    hh = sc.household
    assert hh is not None
    acct = hh.accounts[0]
    lots = (Lot(10, 100.0, date(2020, 1, 2)), Lot(5, 150.0, date(2024, 3, 4)), Lot(3, 120.0, None))
    pos = Position("IWM", 18.0, lots=lots)
    others = tuple(p for p in acct.positions if p.ticker != "IWM")
    sc = he._edit(sc, acct.id, positions=(*others, pos))
    total_before = sc.portfolio.shares_of("IWM")

    trimmed = he.set_position_shares(sc, acct.id, "IWM", 12.0)
    got = next(p for p in trimmed.household.accounts[0].positions if p.ticker == "IWM")  # type: ignore[union-attr]
    # the newest lot (2024, 5 shares) goes first, then 1 share of the 2020 lot; the undated lot counts as oldest
    assert got.shares == 12.0 and sum(lot.shares for lot in got.lots) == 12.0
    assert [(lot.shares, lot.acquired) for lot in got.lots] == [(9, date(2020, 1, 2)), (3, None)]
    assert trimmed.portfolio.shares_of("IWM") == total_before - 6  # the flat view follows
    trimmed.validate()

    with pytest.raises(ScenarioError, match="tax lots for 18 shares"):
        he.set_position_shares(sc, acct.id, "IWM", 19.0)
    with pytest.raises(ScenarioError, match="≥ 0"):
        he.set_position_shares(sc, acct.id, "IWM", -1.0)

    gone = he.set_position_shares(sc, acct.id, "IWM", 0.0)
    assert all(p.ticker != "IWM" for p in gone.household.accounts[0].positions)  # type: ignore[union-attr]
    added = he.set_position_shares(sc, acct.id, "VBR", 7.0)
    new = next(p for p in added.household.accounts[0].positions if p.ticker == "VBR")  # type: ignore[union-attr]
    assert new.shares == 7.0 and new.lots == ()  # basis unknown, said as such
    for s in (gone, added):
        s.validate()
