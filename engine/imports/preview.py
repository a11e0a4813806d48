"""A statement as text lines (CLI, dialog) and as a JSON-ready dict."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from engine.imports.changes import HouseholdChanges
from engine.imports.statement import Account, Statement


def _date(d: object) -> str | None:
    return None if d is None else str(d)


def _price(x: float | None) -> str:
    if x is None:
        return "—"
    text = f"{x:,.4f}".rstrip("0")
    return text + "0" * (2 - len(text.split(".")[1]))


def describe(st: Statement) -> list[str]:
    out = [
        f"{st.source or 'statement'}: {st.layout}"
        + (f", as of {st.statement_date}" if st.statement_date else "")
    ]
    for a in st.accounts:
        head = f"account {a.label}" + (f" ({a.broker})" if a.broker else "")
        out.append(head)
        for p in a.positions:
            price = _price(p.price)
            tag = "" if p.rebalanced else f"  [{p.asset_type.label}: {p.asset_type.value.replace('_', ' ')}]"
            lots = f"  {len(p.lots)} lots" if p.lots else ""
            out.append(
                f"  {p.symbol:<10} {p.quantity:>14,.6g} × {price:>10} = {p.market_value:>14,.2f}{tag}{lots}"
            )
        out.append(f"  {'cash':<10} {'':>14}   {'':>10}   {a.cash:>14,.2f}")
        out.append(f"  {a.reconciliation.describe()}")
        out.extend(f"  note: {n}" for n in a.notes)
    out.extend(f"note: {n}" for n in st.notes)
    return out


def _account_json(a: Account) -> dict[str, Any]:
    r = a.reconciliation
    return {
        "number": a.number,
        "name": a.name,
        "kind": a.kind,
        "broker": a.broker,
        "cash": a.cash,
        "statement_date": _date(a.statement_date),
        "reported_total": a.reported_total,
        "computed_total": r.computed,
        "reconciled": r.ok,
        "difference": r.difference,
        "notes": list(a.notes),
        "positions": [
            {
                "symbol": p.symbol,
                "quantity": p.quantity,
                "price": p.price,
                "market_value": p.market_value,
                "asset_type": p.asset_type.value,
                "rebalanced": p.rebalanced,
                "description": p.description,
                "cost_basis": p.cost_basis,
                "currency": p.currency,
                "lots": [
                    {
                        "quantity": lo.quantity,
                        "basis_per_share": lo.basis_per_share,
                        "acquired": _date(lo.acquired),
                    }
                    for lo in p.lots
                ],
            }
            for p in a.positions
        ],
    }


def to_json(
    st: Statement,
    changes: HouseholdChanges | None = None,
    written: str | None = None,
) -> dict[str, Any]:
    return {
        "layout": st.layout,
        "lots_only": st.lots_only,
        "source": st.source,
        "statement_date": _date(st.statement_date),
        "reconciled": st.reconciled,
        "accounts": [_account_json(a) for a in st.accounts],
        "notes": list(st.notes),
        "changes": None if changes is None else {**asdict(changes), "lines": changes.lines()},
        "written": written,
    }
