"""Put a statement into today's one-account scenario and say what changed.

Until the households model lands, a scenario has one portfolio: positions are summed per ticker across
the statement's accounts and the cash is summed; the summary says so. Only ETF/stock positions in USD
become holdings; options, bonds, mutual funds, short and non-USD lines are listed as "held, not
rebalanced" and left out of the scenario.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from engine.imports.statement import Statement
from engine.model.scenario import Holding, Portfolio, Scenario

_EPS = 1e-9


@dataclass(frozen=True)
class Change:
    ticker: str
    before: float  # shares
    after: float


@dataclass(frozen=True)
class HeldLine:
    symbol: str
    account: str
    market_value: float
    why: str


@dataclass(frozen=True)
class ChangeSummary:
    bought: tuple[Change, ...]
    sold: tuple[Change, ...]
    new: tuple[Change, ...]
    gone: tuple[Change, ...]
    unchanged: tuple[str, ...]
    cash_before: float
    cash_after: float
    held_not_rebalanced: tuple[HeldLine, ...]
    notes: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return (
            bool(self.bought or self.sold or self.new or self.gone)
            or abs(self.cash_after - self.cash_before) > 0.005
        )

    def lines(self) -> list[str]:
        """The summary in plain sentences, one per line."""
        out: list[str] = []
        for title, items in (
            ("new", self.new),
            ("bought", self.bought),
            ("sold", self.sold),
            ("gone", self.gone),
        ):
            for c in items:
                if title == "new":
                    out.append(f"new: {c.ticker} {c.after:,.6g} shares")
                elif title == "gone":
                    out.append(f"gone: {c.ticker} (was {c.before:,.6g} shares)")
                else:
                    out.append(
                        f"{title}: {c.ticker} {c.before:,.6g} → {c.after:,.6g} shares ({c.after - c.before:+,.6g})"
                    )
        if abs(self.cash_after - self.cash_before) > 0.005:
            out.append(f"cash: {self.cash_before:,.2f} → {self.cash_after:,.2f}")
        if not out:
            out.append("no change: the statement holds the same shares and cash as the scenario")
        if self.unchanged:
            out.append(f"unchanged: {', '.join(self.unchanged)}")
        for h in self.held_not_rebalanced:
            out.append(
                f"held, not rebalanced: {h.symbol} in {h.account} ({h.market_value:,.2f}, {h.why}) — left out"
            )
        out.extend(self.notes)
        return out


def _why(p_type: str, currency: str, quantity: float) -> str:
    if currency != "USD":
        return f"priced in {currency}"
    if quantity < 0:
        return "short position"
    return p_type.replace("_", " ")


def apply_to_scenario(
    statement: Statement, scenario: Scenario, *, with_prices: bool = False
) -> tuple[Scenario, ChangeSummary]:
    """The scenario holding the statement's ETF/stock positions and cash, and what changed.

    ``with_prices`` copies the statement's prices into the holdings as the user's own prices (they then
    override market prices in a rebalance); by default market prices are used.
    """
    shares: dict[str, float] = {}
    prices: dict[str, float] = {}
    held: list[HeldLine] = []
    for acct in statement.accounts:
        for p in acct.positions:
            if not p.rebalanced:
                held.append(
                    HeldLine(
                        p.symbol, acct.label, p.market_value, _why(p.asset_type.value, p.currency, p.quantity)
                    )
                )
                continue
            shares[p.symbol] = shares.get(p.symbol, 0.0) + p.quantity
            if p.price is not None and p.price > 0:
                prices[p.symbol] = p.price
    shares = {t: round(q, 9) for t, q in shares.items() if abs(q) > _EPS}
    old = scenario.portfolio
    old_shares = {h.ticker: old.shares_of(h.ticker) for h in old.holdings}
    order = [t for t in old_shares if t in shares] + [t for t in shares if t not in old_shares]
    holdings = tuple(Holding(t, shares[t], prices.get(t) if with_prices else None) for t in order)
    cash = round(statement.cash, 2)
    debit = cash < 0
    if debit:  # a scenario holds no negative cash; a debit is paid with a withdrawal (cash flow)
        cash = 0.0
    new_scenario = replace(scenario, portfolio=Portfolio(holdings=holdings, cash=cash, currency=old.currency))

    bought, sold, new, gone, same = [], [], [], [], []
    for t in order:
        before, after = old_shares.get(t), shares[t]
        if before is None or abs(before) <= _EPS:
            new.append(Change(t, 0.0, after))
        elif after > before + _EPS:
            bought.append(Change(t, before, after))
        elif after < before - _EPS:
            sold.append(Change(t, before, after))
        else:
            same.append(t)
    gone = [Change(t, q, 0.0) for t, q in old_shares.items() if t not in shares and abs(q) > _EPS]

    notes: list[str] = []
    if len(statement.accounts) > 1:
        names = ", ".join(a.label for a in statement.accounts)
        notes.append(
            f"{len(statement.accounts)} accounts merged into one portfolio ({names}): a scenario has one "
            "account until households are supported"
        )
    for a in statement.accounts:
        if a.reconciliation.ok is False:
            notes.append(f"{a.label}: {a.reconciliation.describe()}")
    if debit:
        notes.append(
            f"the statement's cash is {statement.cash:,.2f} (a debit); the scenario's cash is set to 0: "
            "enter the debit as a withdrawal (cash flow) to pay it in the rebalance"
        )
    dropped = [h.ticker for h in old.holdings if h.price is not None and not with_prices]
    if dropped:
        notes.append(f"your own prices for {', '.join(dropped)} were dropped: market prices are used")
    summary = ChangeSummary(
        bought=tuple(bought),
        sold=tuple(sold),
        new=tuple(new),
        gone=tuple(gone),
        unchanged=tuple(same),
        cash_before=old.cash,
        cash_after=cash,
        held_not_rebalanced=tuple(held),
        notes=tuple(notes),
    )
    return new_scenario, summary
