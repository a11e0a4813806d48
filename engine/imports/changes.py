"""What an import changes: per household account (new, updated, lots added, kept) and in total.

Plain values with their sentences (``lines()``), shown by the CLI and the import dialog and put in the
CLI's JSON."""

from __future__ import annotations

from dataclasses import dataclass

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
    market_value: float  # in the line's own currency
    why: str
    currency: str = "USD"


@dataclass(frozen=True)
class AccountChanges:
    """What an import does to one household account."""

    account_id: str
    label: str  # the household account's label, e.g. "Individual …4821 (taxable)"
    status: str  # new | updated | lots | kept | replaced
    source: str = ""  # the statement account it comes from
    bought: tuple[Change, ...] = ()
    sold: tuple[Change, ...] = ()
    new: tuple[Change, ...] = ()
    gone: tuple[Change, ...] = ()
    unchanged: tuple[str, ...] = ()
    cash_before: float = 0.0
    cash_after: float = 0.0
    lots: tuple[str, ...] = ()  # sentences about the lots of this account's positions
    statement_index: int | None = None  # which account of the statement goes in here
    name: str = ""  # the household account's name and kind (AccountKind value), for a translated label
    kind: str = ""

    @property
    def changed(self) -> bool:
        return (
            self.status in ("new", "replaced")
            or bool(self.bought or self.sold or self.new or self.gone)
            or abs(self.cash_after - self.cash_before) > 0.005
            or (self.status == "lots" and bool(self.lots))
        )

    def head(self) -> str:
        what = {
            "new": "new account",
            "updated": "updated",
            "lots": "lots added",
            "kept": "not in this statement: kept as it is",
            "replaced": "replaced by the statement's accounts",
        }[self.status]
        src = f" (from {self.source})" if self.source and self.status in ("new", "updated", "lots") else ""
        return f"{self.label}: {what}{src}"

    def lines(self) -> list[str]:
        out = _change_lines(self.new, self.bought, self.sold, self.gone)
        if abs(self.cash_after - self.cash_before) > 0.005:
            out.append(f"cash: {self.cash_before:,.2f} → {self.cash_after:,.2f}")
        if self.status == "updated" and not out:
            out.append("no change in shares or cash")
        if self.unchanged and self.status == "updated":
            out.append(f"unchanged: {', '.join(self.unchanged)}")
        out.extend(self.lots)
        return out


@dataclass(frozen=True)
class HouseholdChanges:
    accounts: tuple[AccountChanges, ...]
    total_bought: tuple[Change, ...]  # shares summed over the household, before → after
    total_sold: tuple[Change, ...]
    total_new: tuple[Change, ...]
    total_gone: tuple[Change, ...]
    cash_before: float
    cash_after: float
    held_not_rebalanced: tuple[HeldLine, ...]
    notes: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return any(a.changed for a in self.accounts)

    def lines(self) -> list[str]:
        """Per account what changes, then the household totals, in plain sentences."""
        out: list[str] = []
        for a in self.accounts:
            out.append(a.head())
            out.extend(f"  {line}" for line in a.lines())
        totals = _change_lines(self.total_new, self.total_bought, self.total_sold, self.total_gone)
        if abs(self.cash_after - self.cash_before) > 0.005:
            totals.append(f"cash: {self.cash_before:,.2f} → {self.cash_after:,.2f}")
        if totals and len(self.accounts) > 1:
            out.append("in total (all accounts):")
            out.extend(f"  {line}" for line in totals)
        if not self.changed:
            out.insert(0, "no change: the statement holds the same shares, cash and lots as the scenario")
        for h in self.held_not_rebalanced:
            out.append(
                f"held, not rebalanced: {h.symbol} in {h.account} ({h.market_value:,.2f}"
                f"{'' if h.currency == 'USD' else ' ' + h.currency}, {h.why}) — listed with the account, never "
                "traded, in no weight"
            )
        out.extend(self.notes)
        return out


def _change_lines(
    new: tuple[Change, ...], bought: tuple[Change, ...], sold: tuple[Change, ...], gone: tuple[Change, ...]
) -> list[str]:
    out = [f"new: {c.ticker} {c.after:,.6g} shares" for c in new]
    for title, items in (("bought", bought), ("sold", sold)):
        out += [
            f"{title}: {c.ticker} {c.before:,.6g} → {c.after:,.6g} shares ({c.after - c.before:+,.6g})"
            for c in items
        ]
    out += [f"gone: {c.ticker} (was {c.before:,.6g} shares)" for c in gone]
    return out


Diff = tuple[tuple[Change, ...], tuple[Change, ...], tuple[Change, ...], tuple[Change, ...], tuple[str, ...]]


def diff_shares(before: dict[str, float], after: dict[str, float]) -> Diff:
    """(bought, sold, new, gone, unchanged) from shares per ticker before and after."""
    bought, sold, new, same = [], [], [], []
    for t, q in after.items():
        b = before.get(t, 0.0)
        if abs(b) <= _EPS:
            new.append(Change(t, 0.0, q))
        elif q > b + _EPS:
            bought.append(Change(t, b, q))
        elif q < b - _EPS:
            sold.append(Change(t, b, q))
        else:
            same.append(t)
    gone = [Change(t, q, 0.0) for t, q in before.items() if t not in after and abs(q) > _EPS]
    return tuple(bought), tuple(sold), tuple(new), tuple(gone), tuple(same)


def why_held(p_type: str, currency: str, quantity: float) -> str:
    if currency != "USD":
        return f"priced in {currency}"
    if quantity < 0:
        return "short position"
    return p_type.replace("_", " ")
