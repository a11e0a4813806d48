"""Why a trade sits in the account it sits in — sentences built only from the result's own numbers
(the lots sold, their gains and estimated taxes at the policy's rates, the accounts' cash)."""

from __future__ import annotations

from datetime import date

from engine.household_result import LotSale
from engine.model.household import Account, Household
from engine.model.policy import Placement, TaxRates
from engine.optimize.household.tax import sell_lots


def _money(x: float) -> str:
    return f"${x:,.2f}"


def _pct(x: float) -> str:
    return f"{x * 100:g} %"


def lots_text(sales: tuple[LotSale, ...], rates: TaxRates) -> str:
    """``40 shares acquired 2021-03-04 (long-term, gain $1,200.00, tax $180.00 at 15 %)`` per lot."""
    parts = []
    for ls in sales:
        when = f"acquired {ls.acquired.isoformat()}" if ls.acquired else "acquired date unknown"
        term = "long-term" if ls.long_term else "short-term"
        rate = rates.long_term if ls.long_term else rates.short_term
        if ls.gain >= 0:
            money = f"gain {_money(ls.gain)}, tax {_money(ls.tax)} at {_pct(rate)}"
        else:
            money = f"loss {_money(-ls.gain)}" + (", disallowed as a wash sale" if ls.wash_sale else "")
        parts.append(f"{ls.shares:g} shares {when} ({term}, {money})")
    return "; ".join(parts)


def taxable_sale_cost(
    a: Account, ticker: str, shares: float, price: float, on: date | None, placement: Placement
) -> tuple[float, float | None, str]:
    """(estimated tax or placeholder cost, gain or None, how it was computed) of selling ``shares`` of
    ``ticker`` in the taxable account ``a``."""
    pos = next((p for p in a.positions if p.ticker == ticker), None)
    amount = shares * price
    if pos is None or not pos.lots:
        cost = amount * placement.taxable_sell_bps / 1e4
        return (
            cost,
            None,
            f"basis unknown: the {placement.taxable_sell_bps:g} bps placeholder, {_money(cost)}",
        )
    sales = [s for _, s in sell_lots(pos.lots, shares, price, on, placement.tax)]
    gain = sum(s.gain for s in sales)
    tax = sum(s.tax for s in sales)
    how = f"{'gain' if gain >= 0 else 'loss'} {_money(abs(gain))}, estimated tax {_money(tax)} ({placement.tax.year} rates)"
    return tax, gain, how


def sell_clause(
    hh: Household,
    a: Account,
    ticker: str,
    shares: float,
    price: float,
    placement: Placement,
    on: date | None,
    sales: tuple[LotSale, ...],
    sold_elsewhere: dict[str, float],
) -> str:
    """``sold_elsewhere``: account id → shares of ``ticker`` sold there in this rebalance."""
    rates = placement.tax
    year = f"{rates.year} rates"
    if a.kind.tax_advantaged:
        base = f"sold in {a.name} ({a.kind.label}): a sale here realizes no taxable gain"
        taxable = [t for t in hh.accounts if not t.kind.tax_advantaged and t.shares_of(ticker) > 0]
        if not taxable:
            return base
        t = taxable[0]
        q = min(shares, t.shares_of(ticker))
        _, _, how = taxable_sale_cost(t, ticker, q, price, on, placement)
        return f"{base}; selling {q:g} shares in {t.name} instead: {how}"
    if not sales:
        cost = shares * price * placement.taxable_sell_bps / 1e4
        head = (
            f"sold in {a.name} (taxable): basis unknown (no lots), so the gain cannot be shown; "
            f"the {placement.taxable_sell_bps:g} bps placeholder {_money(cost)} was counted"
        )
    else:
        gain = sum(s.gain for s in sales)
        tax = sum(s.tax for s in sales)
        order = "highest cost first" if rates.lot_method.value == "hifo" else "lowest tax first"
        head = (
            f"sold in {a.name} (taxable), lots {order}: {lots_text(sales, rates)}; in all "
            f"{'a gain' if gain >= 0 else 'a loss'} of {_money(abs(gain))}, estimated tax {_money(tax)} ({year})"
        )
    sheltered = [t for t in hh.accounts if t.kind.tax_advantaged and t.shares_of(ticker) > 0]
    if not sheltered:
        return f"{head}; no tax-advantaged account holds {ticker}"
    facts = ", ".join(
        f"{t.name} holds {t.shares_of(ticker):g} and sells {sold_elsewhere.get(t.id, 0.0):g}"
        for t in sheltered
    )
    return f"{head}; tax-advantaged accounts: {facts}"


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
