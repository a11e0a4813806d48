"""Edits of a scenario's household (Qt-free, each returns a new scenario): what the GUI's account tree
calls. A scenario without a household gains one (its flat portfolio as one taxable account) on the first
account edit."""

from __future__ import annotations

from dataclasses import replace

from engine.errors import ScenarioError
from engine.model.household import Account, AccountKind, Household, household_of, with_household
from engine.model.scenario import Scenario


def _with_accounts(sc: Scenario, hh: Household, accounts: tuple[Account, ...]) -> Scenario:
    return with_household(sc, replace(hh, accounts=accounts))


def _edit(sc: Scenario, account_id: str, **changes: object) -> Scenario:
    hh = household_of(sc)
    if account_id not in {a.id for a in hh.accounts}:
        raise ScenarioError("household.accounts", f"no account {account_id!r}")
    accounts = tuple(replace(a, **changes) if a.id == account_id else a for a in hh.accounts)  # type: ignore[arg-type]
    return _with_accounts(sc, hh, accounts)


def set_account_kind(sc: Scenario, account_id: str, kind: AccountKind) -> Scenario:
    return _edit(sc, account_id, kind=kind)


def set_account_cash(sc: Scenario, account_id: str, cash: float) -> Scenario:
    if not cash >= 0:
        raise ScenarioError("cash", f"must be ≥ 0, got {cash!r}")
    return _edit(sc, account_id, cash=float(cash))


def rename_account(sc: Scenario, account_id: str, name: str) -> Scenario:
    if not name.strip():
        raise ScenarioError("name", "is empty")
    return _edit(sc, account_id, name=name.strip())


def add_account(sc: Scenario, name: str = "New account", kind: AccountKind = AccountKind.TAXABLE) -> Scenario:
    hh = household_of(sc)
    ids = {a.id for a in hh.accounts}
    n = len(ids) + 1
    while f"account-{n}" in ids:
        n += 1
    return _with_accounts(sc, hh, (*hh.accounts, Account(id=f"account-{n}", name=name, kind=kind)))


def remove_account(sc: Scenario, account_id: str) -> Scenario:
    hh = household_of(sc)
    if len(hh.accounts) <= 1:
        raise ScenarioError("household.accounts", "a household keeps at least one account")
    if account_id not in {a.id for a in hh.accounts}:
        raise ScenarioError("household.accounts", f"no account {account_id!r}")
    return _with_accounts(sc, hh, tuple(a for a in hh.accounts if a.id != account_id))
