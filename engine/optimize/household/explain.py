"""Why a trade sits in the account it sits in — sentences built from the allocation's own numbers."""

from __future__ import annotations

from engine.model.household import Account, Household, Position
from engine.model.policy import Placement


def _money(x: float) -> str:
    return f"${x:,.2f}"


def average_gain(pos: Position | None, shares: float, price: float) -> float | None:
    """Gain realized by selling ``shares`` at ``price``, at the position's average cost; None: unknown."""
    if pos is None or not pos.lots or pos.shares <= 0:
        return None
    basis = pos.cost_basis
    assert basis is not None
    return shares * (price - basis / pos.shares)


def sell_clause(
    hh: Household, a: Account, ticker: str, shares: float, price: float, placement: Placement
) -> str:
    amount = shares * price
    if a.kind.tax_advantaged:
        taxable = [t for t in hh.accounts if not t.kind.tax_advantaged and t.shares_of(ticker) > 0]
        if taxable:
            t = taxable[0]
            return (
                f"sold in {a.name} rather than {t.name}: a sale in a {a.kind.label} realizes no gain "
                f"(in {t.name} the taxable-sale placeholder would cost {_money(amount * placement.taxable_sell_bps / 1e4)}, "
                f"{placement.taxable_sell_bps:g} bps of {_money(amount)})"
            )
        return f"sold in {a.name} ({a.kind.label}): realizes no gain"
    pos = next((p for p in a.positions if p.ticker == ticker), None)
    gain = average_gain(pos, shares, price)
    gain_txt = (
        "basis unknown (no lots), so the gain cannot be shown"
        if gain is None
        else f"realizes {'a gain' if gain >= 0 else 'a loss'} of about {_money(abs(gain))} at average cost"
    )
    sheltered = sum(t.shares_of(ticker) for t in hh.accounts if t.kind.tax_advantaged)
    where = (
        f"tax-advantaged accounts hold {sheltered:g} shares of {ticker}, but selling there instead costs more overall or breaks one of their own limits"
        if sheltered > 0
        else f"no tax-advantaged account holds {ticker}"
    )
    cost = amount * placement.taxable_sell_bps / 1e4
    return (
        f"sold in {a.name} (taxable): {where}; placeholder tax cost {_money(cost)} "
        f"({placement.taxable_sell_bps:g} bps); {gain_txt}"
    )


def buy_clause(
    hh: Household,
    a: Account,
    ticker: str,
    sleeve: str | None,
    sold_here: list[str],
    cash_before: float,
    cash_after: float,
    placement: Placement,
    amount: float,
) -> str:
    parts = []
    taxable = [t for t in hh.accounts if not t.kind.tax_advantaged and t.id != a.id]
    if a.kind.tax_advantaged and sold_here and taxable:
        parts.append(
            f"bought in {a.name} rather than {taxable[0].name}: paid by selling {', '.join(sold_here)} "
            f"in {a.name}, which realizes no gain"
        )
    else:
        funded = f"selling {', '.join(sold_here)} and " if sold_here else ""
        parts.append(f"bought in {a.name} ({a.kind.label}), paid by {funded}its own cash")
    parts.append(f"its cash {_money(cash_before)} → {_money(cash_after)}")
    if sleeve is not None and sleeve in placement.location:
        kinds = ", ".join(sorted(k.label for k in placement.location[sleeve]))
        if a.kind in placement.location[sleeve]:
            parts.append(f"{sleeve} belongs in {kinds} accounts (asset location)")
        else:
            extra = amount * placement.off_location_bps / 1e4
            parts.append(
                f"against the asset-location preference ({sleeve} belongs in {kinds} accounts; "
                f"{placement.off_location_bps:g} bps = {_money(extra)} counted)"
            )
    return "; ".join(parts)
