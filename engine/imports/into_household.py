"""Put a statement into the scenario's household: each statement account becomes, or updates, one account.

An account of the statement updates the household account it matches — by account number (the last four
characters the statement keeps, found at the end of the account's id or name), else by name and broker —
or becomes a new account (id ``schwab-4821``, name ``Individual …4821``, kind from the statement's
words). An updated account keeps its id, name, kind, restrictions, cash buffer and cash flow; its
positions and cash are the statement's. Accounts the statement does not mention are kept as they are.

A scenario without a household (every version-1 and version-2 file) holds one portfolio typed by hand or
merged from an earlier import. Importing a statement into it turns it into a household whose accounts are
the statement's: that is what the statement describes, and merging a Roth IRA into a taxable account
would throw away the account kinds, the tax lots and the account numbers a re-import needs to find its
accounts again. The old portfolio is compared with the new accounts' sum ("in total: …"), its cash
buffer and cash flow go to the first account.

Lots: a position's lots come from the file when it has them (all with a basis, adding up to the
position's shares — a file whose lots disagree with its positions is refused); else lots already in the
scenario are kept when the shares did not change; else a total cost basis in the file becomes one lot
without a date. A *lots file* (``Statement.lots_only``) adds lots to positions already in the scenario:
per ticker the lots must hold exactly the shares the account holds, or nothing is imported.

ETF/stock positions in USD become holdings; options, bonds, mutual funds, short and non-USD lines are
"held, not rebalanced": kept with their account (``Account.held``: symbol, market value, why) so that its
value stays in view, but never traded and in no weight.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from engine.imports.changes import AccountChanges, HeldLine, HouseholdChanges, diff_shares, why_held
from engine.imports.gcpause import no_cyclic_gc
from engine.imports.statement import Account as StAccount
from engine.imports.statement import Position as StPosition
from engine.imports.statement import Statement, StatementError
from engine.model.household import (
    Account,
    AccountKind,
    HeldOutside,
    Household,
    Lot,
    Position,
    household_of,
    with_household,
)
from engine.model.scenario import Scenario

_EPS = 1e-9

# ------------------------------------------------------------------------------------- accounts


def account_kind(text: str) -> AccountKind:
    """The household account kind a statement's words name (``ROTH IRA``, ``Rollover IRA``, ``401(k)``)."""
    low = text.lower()
    if "roth" in low:
        return AccountKind.ROTH_IRA
    if "hsa" in low or "health savings" in low:
        return AccountKind.HSA
    if re.search(r"\b(401|403|457)", low):
        return AccountKind.K401
    if re.search(r"\b(ira|sep|simple|rollover)\b", low):
        return AccountKind.TRADITIONAL_IRA
    return AccountKind.TAXABLE


def _digits(sa: StAccount) -> str:
    return "".join(c for c in sa.number if c.isalnum())[-4:]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _new_id(sa: StAccount, taken: set[str]) -> str:
    base = _slug(f"{sa.broker}-{_digits(sa) or sa.name or sa.kind}") or "imported"
    out, n = base, 2
    while out in taken:
        out, n = f"{base}-{n}", n + 1
    return out


def _new_name(sa: StAccount) -> str:
    base = sa.name or sa.kind or sa.broker or "Account"
    return f"{base} {sa.number}".strip() if sa.number else base


def _same_broker(a: Account, sa: StAccount) -> bool:
    return not a.broker or not sa.broker or a.broker.lower() == sa.broker.lower()


def match_account(sa: StAccount, accounts: list[Account], taken: set[str]) -> Account | None:
    """The household account a statement account updates: by number, else by name and broker."""
    free = [a for a in accounts if a.id not in taken]
    digits = _digits(sa).lower()
    if len(digits) >= 3:  # fewer characters would match ids like "account-1" by chance
        for a in free:
            tail = re.sub(r"[^a-z0-9]", "", a.name.lower())
            if _same_broker(a, sa) and (a.id.lower().endswith(digits) or tail.endswith(digits)):
                return a
        return None
    name = _new_name(sa).lower()
    return next((a for a in free if a.name.lower() == name and _same_broker(a, sa)), None)


# ------------------------------------------------------------------------------------- positions


def _tol(shares: float) -> float:
    return 1e-6 * max(1.0, abs(shares))


def _file_lots(
    sym: str, ps: list[StPosition], shares: float, where: str, source: str
) -> tuple[Lot, ...] | str:
    """The file's lots of one ticker, or a sentence saying why there are none to use."""
    lots = [lo for p in ps for lo in p.lots if abs(lo.quantity) > _EPS]
    total = sum(lo.quantity for lo in lots)
    if abs(total - shares) > _tol(shares):
        raise StatementError(
            f"{sym} in {where}: the lots hold {total:,.6g} shares but the position holds {shares:,.6g}; "
            "the file disagrees with itself: download it again",
            line=ps[0].line,
            source=source,
        )
    bad = next((lo for lo in lots if lo.quantity < 0 or (lo.basis_per_share or 0.0) < 0), None)
    if bad is not None:
        raise StatementError(
            f"{sym} in {where}: a lot of {bad.quantity:g} shares at {bad.basis_per_share or 0.0:g} per share: "
            "lots hold a positive number of shares at a basis of 0 or more",
            line=ps[0].line,
            source=source,
        )
    if any(lo.basis_per_share is None for lo in lots):
        return f"{sym}: some lots have no cost basis in the file; basis unknown"
    return tuple(Lot(lo.quantity, float(lo.basis_per_share or 0.0), lo.acquired) for lo in lots)


def _position(
    sym: str,
    ps: list[StPosition],
    old: Position | None,
    *,
    with_prices: bool,
    where: str,
    source: str,
    notes: list[str],
) -> Position | None:
    shares = round(sum(p.quantity for p in ps), 9)
    if shares <= _EPS:
        return None
    prices = [p.price for p in ps if p.price is not None and p.price > 0]
    price = prices[-1] if with_prices and prices else None
    lots: tuple[Lot, ...] = ()
    if any(p.lots for p in ps):
        got = _file_lots(sym, ps, shares, where, source)
        if isinstance(got, str):
            notes.append(got)
        else:
            lots = got
            notes.append(f"{sym}: {_describe_lots(lots)} from the file")
    elif old is not None and old.lots and abs(sum(lo.shares for lo in old.lots) - shares) <= _tol(shares):
        lots = old.lots
        notes.append(f"{sym}: its {len(lots)} lot(s) kept (same shares as before)")
    elif all(p.cost_basis is not None for p in ps) and sum(p.cost_basis or 0.0 for p in ps) >= 0:
        basis = sum(p.cost_basis or 0.0 for p in ps)
        lots = (Lot(shares, basis / shares, None),)
        notes.append(
            f"{sym}: cost basis {basis:,.2f} from the file kept as one lot without a date "
            "(the file has no lot details; import a lots file for them)"
        )
    return Position(sym, shares, price, lots)


def _describe_lots(lots: tuple[Lot, ...]) -> str:
    basis = sum(lo.shares * lo.basis for lo in lots)
    dates = sorted(lo.acquired for lo in lots if lo.acquired is not None)
    when = ""
    if dates:
        when = f", acquired {dates[0]}" + (f" … {dates[-1]}" if dates[-1] != dates[0] else "")
    return f"{len(lots)} lot(s), basis {basis:,.2f}{when}"


def _grouped(sa: StAccount, held: list[HeldLine]) -> dict[str, list[StPosition]]:
    out: dict[str, list[StPosition]] = defaultdict(list)
    label = sa.label
    for p in sa.positions:
        if p.rebalanced:
            out[p.symbol].append(p)
        else:
            why = why_held(p.asset_type.value, p.currency, p.quantity)
            held.append(HeldLine(p.symbol, label, p.market_value, why, p.currency or "USD"))
    return out


def _account_from(
    sa: StAccount, base: Account, *, with_prices: bool, source: str, notes: list[str], held: list[HeldLine]
) -> tuple[Account, list[str]]:
    """``base`` with the statement account's positions and cash; sentences about its lots."""
    lot_notes: list[str] = []
    positions = []
    old = {p.ticker: p for p in base.positions}
    where = sa.label
    first_held = len(held)
    for sym, ps in _grouped(sa, held).items():
        pos = _position(
            sym, ps, old.get(sym), with_prices=with_prices, where=where, source=source, notes=lot_notes
        )
        if pos is not None:
            positions.append(pos)
    order = {t: i for i, t in enumerate(old)}
    positions.sort(key=lambda p: order.get(p.ticker, len(order)))
    cash = round(sa.cash, 2)
    if cash < 0:  # an account holds no negative cash; a debit is paid with a withdrawal (cash flow)
        notes.append(
            f"{sa.label}: the statement's cash is {cash:,.2f} (a debit); the account's cash is set to 0: "
            "enter the debit as a withdrawal (cash flow) of the account"
        )
        cash = 0.0
    # the lines not rebalanced stay listed with the account (replaced by each import of it)
    kept = tuple(HeldOutside(h.symbol, h.market_value, h.why, h.currency) for h in held[first_held:])
    account = replace(base, positions=tuple(positions), cash=cash, broker=base.broker or sa.broker, held=kept)
    return account, lot_notes


def _shares(a: Account) -> dict[str, float]:
    return {p.ticker: p.shares for p in a.positions}


# ------------------------------------------------------------------------------------- applying


def apply_to_household(
    statement: Statement, scenario: Scenario, *, with_prices: bool = False
) -> tuple[Scenario, HouseholdChanges]:
    """The scenario with the statement's accounts in its household, and what changed per account.

    Raises StatementError (or ScenarioError) and changes nothing when the statement cannot go in: lots
    that disagree with the positions, a lots file for an account or ticker the scenario does not hold.
    ``with_prices`` keeps the statement's prices as the user's own prices; by default market prices
    are used.
    """
    with no_cyclic_gc():
        if statement.lots_only:
            return _apply_lots(statement, scenario)
        return _apply_positions(statement, scenario, with_prices=with_prices)


def _apply_positions(
    statement: Statement, scenario: Scenario, *, with_prices: bool
) -> tuple[Scenario, HouseholdChanges]:
    flat = scenario.household is None
    hh = household_of(scenario)
    accounts: list[Account] = [] if flat else list(hh.accounts)
    held: list[HeldLine] = []
    notes: list[str] = []
    changes: list[AccountChanges] = []
    taken: set[str] = set()
    ids = {a.id for a in accounts}
    for i, sa in enumerate(statement.accounts):
        target = match_account(sa, accounts, taken)
        if target is None:
            new_id = _new_id(sa, ids)
            ids.add(new_id)
            kind = account_kind(f"{sa.kind} {sa.name}")
            target = Account(id=new_id, name=_new_name(sa), kind=kind, broker=sa.broker)
            accounts.append(target)
            status = "new"
        else:
            status = "updated"
            if sa.kind and account_kind(sa.kind) is not target.kind:
                notes.append(
                    f"{target.name}: the statement calls it {sa.kind}; its kind stays "
                    f"{target.kind.label} (change it in the Accounts tab if that is wrong)"
                )
        taken.add(target.id)
        updated, lot_notes = _account_from(
            sa, target, with_prices=with_prices, source=statement.source, notes=notes, held=held
        )
        accounts[accounts.index(target)] = updated
        bought, sold, new, gone, same = diff_shares(_shares(target), _shares(updated))
        changes.append(
            AccountChanges(
                updated.id,
                updated.label,
                status,
                sa.label,
                bought,
                sold,
                new,
                gone,
                same,
                target.cash,
                updated.cash,
                tuple(lot_notes),
                statement_index=i,
                name=updated.name,
                kind=updated.kind.value,
            )
        )
    changes += _kept(accounts, taken)
    if flat:
        old = hh.accounts[0]
        changes.insert(
            0,
            AccountChanges(
                old.id, "the scenario's one portfolio", "replaced", cash_before=old.cash, cash_after=0.0
            ),
        )
        if accounts and (old.cash_buffer or old.cash_flow):
            accounts[0] = replace(accounts[0], cash_buffer=old.cash_buffer, cash_flow=old.cash_flow)
            notes.append(
                f"the scenario's cash buffer ({old.cash_buffer:,.2f}) and cash flow ({old.cash_flow:+,.2f}) "
                f"now belong to {accounts[0].name}"
            )
        notes.append(
            f"the scenario held one portfolio; it now holds the statement's {len(statement.accounts)} "
            "account(s), each with its own positions, cash and lots"
        )
    return _finish(scenario, hh, accounts, changes, held, notes, statement, with_prices)


def _finish(
    scenario: Scenario,
    hh: Household,
    accounts: list[Account],
    changes: list[AccountChanges],
    held: list[HeldLine],
    notes: list[str],
    statement: Statement,
    with_prices: bool,
) -> tuple[Scenario, HouseholdChanges]:
    for a in statement.accounts:
        if a.reconciliation.ok is False:
            notes.append(f"{a.label}: {a.reconciliation.describe()}")
    dropped = sorted(
        {p.ticker for a in hh.accounts for p in a.positions if p.price is not None}
        if scenario.household is not None
        else {h.ticker for h in scenario.portfolio.holdings if h.price is not None}
    )
    if dropped and not with_prices and not statement.lots_only:
        notes.append(f"your own prices for {', '.join(dropped)} were dropped: market prices are used")
    new_hh = replace(hh, accounts=tuple(accounts))
    new_scenario = with_household(scenario, new_hh)
    new_scenario.validate()
    before = {h.ticker: h.shares for h in scenario.portfolio.holdings}
    after = {h.ticker: h.shares for h in new_scenario.portfolio.holdings}
    bought, sold, new, gone, _same = diff_shares(before, after)
    summary = HouseholdChanges(
        accounts=tuple(changes),
        total_bought=bought,
        total_sold=sold,
        total_new=new,
        total_gone=gone,
        cash_before=scenario.portfolio.cash,
        cash_after=new_scenario.portfolio.cash,
        held_not_rebalanced=tuple(held),
        notes=tuple(notes),
    )
    return new_scenario, summary


def _apply_lots(statement: Statement, scenario: Scenario) -> tuple[Scenario, HouseholdChanges]:
    """A lots file: add the lots to positions the scenario already holds; shares must agree per ticker."""
    hh = household_of(scenario)
    accounts = list(hh.accounts)
    held: list[HeldLine] = []
    notes: list[str] = []
    changes: list[AccountChanges] = []
    taken: set[str] = set()
    src = statement.source
    for i, sa in enumerate(statement.accounts):
        target = match_account(sa, accounts, taken)
        if target is None and len(accounts) == 1 and not taken:
            target = accounts[0]
        if target is None:
            raise StatementError(
                f"the lots are for account {sa.label}, which is not in the scenario: "
                "import that account's positions file first",
                source=src,
            )
        taken.add(target.id)
        lines: list[str] = []
        positions = {p.ticker: p for p in target.positions}
        for sym, ps in _grouped(sa, held).items():
            total = round(sum(lo.quantity for p in ps for lo in p.lots), 9)
            have = positions[sym].shares if sym in positions else 0.0
            if sym not in positions or abs(total - have) > _tol(have):
                raise StatementError(
                    f"{sym}: the lots in the file hold {total:,.6g} shares but {target.name} holds "
                    f"{have:,.6g}; import a positions file of the same date first, or a lots file "
                    "with every lot of it",
                    line=ps[0].line,
                    source=src,
                )
            got = _file_lots(sym, ps, total, sa.label, src)
            if isinstance(got, str):
                lines.append(got + "; lots not imported")
                continue
            if positions[sym].lots == got:
                continue
            positions[sym] = replace(positions[sym], lots=got)
            lines.append(f"{sym}: {_describe_lots(got)}")
        covered = {p.symbol for p in sa.positions}
        missing = [t for t in positions if t not in covered]
        if missing:
            lines.append(f"no lots in the file for {', '.join(missing)}: their basis stays as it was")
        updated = replace(target, positions=tuple(positions.values()))
        accounts[accounts.index(target)] = updated
        changes.append(
            AccountChanges(
                updated.id,
                updated.label,
                "lots",
                sa.label,
                cash_before=target.cash,
                cash_after=target.cash,
                lots=tuple(lines),
                statement_index=i,
                name=updated.name,
                kind=updated.kind.value,
            )
        )
    changes += _kept(accounts, taken)
    if scenario.household is None:
        notes.append(
            "the scenario's one portfolio becomes one taxable account, so its positions can hold lots"
        )
    return _finish(scenario, hh, accounts, changes, held, notes, statement, with_prices=True)


def _kept(accounts: list[Account], taken: set[str]) -> list[AccountChanges]:
    """The accounts no statement touched: each listed as kept, its cash unchanged."""
    return [
        AccountChanges(
            a.id, a.label, "kept", cash_before=a.cash, cash_after=a.cash, name=a.name, kind=a.kind.value
        )
        for a in accounts
        if a.id not in taken
    ]
