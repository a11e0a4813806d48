"""What a proposal report shows, read from the client book: who, which account, status, and the result.

Reports are made from the stored result JSON (the document of ``RebalanceResult.to_dict``), so a
proposal reads the same years later, whatever the engine has become since.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from engine.book import proposals
from engine.book import schema as t
from engine.book.db import BookError
from engine.book.store import Book


@dataclass(frozen=True)
class AccountTrades:
    """One account's part of a proposal: the orders that go to it."""

    id: str  # what the order file's account column says
    name: str
    kind: str
    trades: list[dict[str, Any]]
    cash_before: float | None = None
    cash_after: float | None = None


@dataclass(frozen=True)
class ProposalReport:
    proposal_id: int
    client: str
    household: str
    account: str  # the account the trades go to (one per household until households land)
    account_kind: str
    status: str
    note: str
    scenario_hash: str
    created_by: str
    created_at: datetime
    result: dict[str, Any]  # RebalanceResult.to_dict() as stored

    @property
    def trades(self) -> list[dict[str, Any]]:
        """The household's net trades (one account: that account's trades)."""
        out: list[dict[str, Any]] = self.result.get("trades", [])
        return out

    @property
    def account_trades(self) -> list[AccountTrades]:
        """Trades per account: a household with several accounts stores them under ``accounts``
        (engine.household_result.AccountRow); a one-account proposal is its net trades."""
        rows = self.result.get("accounts")
        if not rows:
            return [AccountTrades(self.account, self.account, self.account_kind, self.trades)]
        return [
            AccountTrades(
                str(a["id"]),
                str(a.get("name", a["id"])),
                str(a.get("kind", "")),
                list(a.get("trades", [])),
                a.get("cash_before"),
                a.get("cash_after"),
            )
            for a in rows
        ]


def load(book: Book, proposal_id: int) -> ProposalReport:
    rows = proposals.listing(book, proposal_id=proposal_id)
    if not rows:
        raise BookError(f"no proposal {proposal_id} in the book (coresat book proposals lists them)")
    row = rows[0]
    p, a = t.proposals, t.accounts
    with book.begin() as conn:
        acc = conn.execute(
            sa.select(a.c.name, a.c.kind)
            .join(p, p.c.household_id == a.c.household_id)
            .where(p.c.id == proposal_id)
            .order_by(a.c.id)
        ).first()
    return ProposalReport(
        proposal_id=proposal_id,
        client=row.client,
        household=row.household,
        account=str(acc.name) if acc else "",
        account_kind=str(acc.kind) if acc else "",
        status=row.status.value,
        note=row.note,
        scenario_hash=row.scenario_hash,
        created_by=row.created_by,
        created_at=row.created_at,
        result=json.loads(proposals.result_json(book, proposal_id)),
    )
