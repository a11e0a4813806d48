"""Edits of a scenario's household (Qt-free, each returns a new scenario): what the GUI's account tree
calls. A scenario without a household gains one (its flat portfolio as one taxable account) on the first
account edit."""

from __future__ import annotations

from dataclasses import replace

from engine.errors import ScenarioError
from engine.model.household import Account, AccountKind, Household, household_of, with_household
from engine.model.scenario import Holding, Scenario


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


def set_position_shares(sc: Scenario, account_id: str, ticker: str, shares: float) -> Scenario:
    """``ticker`` in ``account_id`` held at ``shares`` (0 removes the position; a new ticker is added with
    its cost basis unknown). A position with tax lots keeps them consistent: fewer shares trim the newest
    lots first (a correction of the count, not a sale); more shares than its lots hold are refused, since
    Coresat cannot know what the extra shares cost."""
    import math

    from engine.model.household import Lot, Position

    if not (isinstance(shares, int | float) and math.isfinite(shares) and shares >= 0):
        raise ScenarioError("shares", f"must be a number ≥ 0, got {shares!r}")
    hh = household_of(sc)
    acct = next((a for a in hh.accounts if a.id == account_id), None)
    if acct is None:
        raise ScenarioError("household.accounts", f"no account {account_id!r}")
    old = next((p for p in acct.positions if p.ticker == ticker), None)
    if old is None:
        new_positions = acct.positions + ((Position(ticker, float(shares)),) if shares > 0 else ())
        return _edit(sc, account_id, positions=new_positions)
    if shares == 0:
        return _edit(sc, account_id, positions=tuple(p for p in acct.positions if p.ticker != ticker))
    lots = old.lots
    if lots:
        held = sum(lot.shares for lot in lots)
        if shares > held + 1e-9:
            raise ScenarioError(
                f"{acct.name}.{ticker}",
                f"has tax lots for {held:g} shares; to hold {shares:g}, import a lots file (or the "
                "statement) that includes the extra shares",
            )
        # trim the newest lots first (undated lots count as the oldest)
        order = sorted(
            range(len(lots)), key=lambda i: (lots[i].acquired is not None, lots[i].acquired or 0, i)
        )
        cut = held - shares
        kept: dict[int, Lot] = {}
        for i in reversed(order):
            lot = lots[i]
            take = min(lot.shares, cut)
            cut -= take
            if lot.shares - take > 1e-12:
                kept[i] = replace(lot, shares=lot.shares - take)
        lots = tuple(kept[i] for i in range(len(lots)) if i in kept)
    changed = replace(old, shares=float(shares), lots=lots)
    return _edit(
        sc, account_id, positions=tuple(changed if p.ticker == ticker else p for p in acct.positions)
    )


def replace_account_positions(sc: Scenario, account_id: str, holdings: tuple[Holding, ...]) -> Scenario:
    """The account's positions become ``holdings`` (a holdings CSV imported into one account); the other
    accounts are left alone. A position whose share count is unchanged keeps its tax lots; any other
    position's cost basis is unknown until lots are imported (a CSV of ticker and shares carries none)."""
    from engine.model.household import Position

    hh = household_of(sc)
    acct = next((a for a in hh.accounts if a.id == account_id), None)
    if acct is None:
        raise ScenarioError("household.accounts", f"no account {account_id!r}")
    old = {p.ticker: p for p in acct.positions}
    positions = []
    for h in holdings:
        before = old.get(h.ticker)
        lots = before.lots if before is not None and abs(before.shares - h.shares) <= 1e-9 else ()
        positions.append(Position(h.ticker, float(h.shares), h.price, lots))
    return _edit(sc, account_id, positions=tuple(positions))


def set_account_settings(
    sc: Scenario,
    account_id: str,
    *,
    name: str,
    broker: str,
    cash_buffer: float,
    cash_flow: float,
    no_buy: frozenset[str],
    no_sell: frozenset[str],
) -> Scenario:
    """An account's name, broker, cash buffer (≥ 0), own cash flow (+ contribution, − withdrawal) and its
    own no-buy / no-sell lists; the household's buffer and flow become the accounts' sums."""
    import math

    from engine.model.scenario_checks import _ticker

    if not name.strip():
        raise ScenarioError("name", "is empty")
    if not (math.isfinite(cash_buffer) and cash_buffer >= 0):
        raise ScenarioError("cash_buffer", f"must be a number ≥ 0, got {cash_buffer!r}")
    if not math.isfinite(cash_flow):
        raise ScenarioError("cash_flow", f"must be a number, got {cash_flow!r}")
    for field_name, listed in (("no_buy", no_buy), ("no_sell", no_sell)):
        for t in sorted(listed):
            _ticker(field_name, t)
    return _edit(
        sc,
        account_id,
        name=name.strip(),
        broker=broker.strip(),
        cash_buffer=float(cash_buffer),
        cash_flow=float(cash_flow),
        no_buy=frozenset(no_buy),
        no_sell=frozenset(no_sell),
    )
