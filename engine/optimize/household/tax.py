"""Lot-level capital gains of a sale in a taxable account.

A sale of ``q`` shares of a position realizes, lot by lot, ``shares × (price − basis)``; a lot held more
than one year on the sale date (the price date) is long-term, otherwise short-term (a lot without an
acquired date is treated as short-term: the higher rate, stated). The estimated tax is
``max(gain, 0) × rate`` per lot, at the rates of the policy's :class:`~engine.model.policy.TaxRates`
(their tax year is recorded in the result). A loss is reported but never credited: the optimizer gets no
reason to sell a loser just to buy it back (which would be a wash sale).

Which lots a sale takes (``TaxRates.lot_method``):
- ``specific`` — the lots with the lowest estimated tax per share first (the optimizer chooses them; the
  order is what a broker's specific-lot instruction then says);
- ``hifo`` — highest cost first, whatever the tax (the broker's "highest cost" method).

Wash sales (:func:`wash_sale`): a lot sold at a loss while the household buys the same ticker in this
rebalance, or bought any of it in the 30 days before the sale date, has its loss disallowed.
"""

from __future__ import annotations

from datetime import date, timedelta

from engine.household_result import LotSale
from engine.model.household import Lot
from engine.model.policy import LotMethod, TaxRates

WASH_DAYS = 30


def one_year_after(d: date) -> date:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year + 1, day=28)


def long_term(lot: Lot, on: date | None) -> bool:
    """Held more than one year on ``on``; an unknown date (either) counts as short-term."""
    if lot.acquired is None or on is None:
        return False
    return on > one_year_after(lot.acquired)


def tax_per_share(lot: Lot, price: float, on: date | None, rates: TaxRates) -> float:
    rate = rates.long_term if long_term(lot, on) else rates.short_term
    return max(price - lot.basis, 0.0) * rate


def lot_order(lots: tuple[Lot, ...], price: float, on: date | None, rates: TaxRates) -> list[int]:
    """The order a sale takes the lots in under the policy's method."""
    idx = list(range(len(lots)))
    if rates.lot_method is LotMethod.HIFO:
        return sorted(idx, key=lambda i: (-lots[i].basis, i))
    return sorted(idx, key=lambda i: (tax_per_share(lots[i], price, on, rates), -lots[i].basis, i))


def sell_lots(
    lots: tuple[Lot, ...],
    shares: float,
    price: float,
    on: date | None,
    rates: TaxRates,
    skip: frozenset[int] = frozenset(),
) -> list[tuple[int, LotSale]]:
    """The lots (index, sale) ``shares`` shares come from, in the method's order, ``skip`` left alone."""
    out: list[tuple[int, LotSale]] = []
    left = shares
    for i in lot_order(lots, price, on, rates):
        if left <= 1e-9:
            break
        if i in skip:
            continue
        lot = lots[i]
        q = min(lot.shares, left)
        left -= q
        lt = long_term(lot, on)
        gain = q * (price - lot.basis)
        tax = max(gain, 0.0) * (rates.long_term if lt else rates.short_term)
        out.append((i, LotSale(lot.acquired, q, lot.basis, gain, lt, tax)))
    return out


def wash_sale(sale: LotSale, bought_now: bool, others: list[Lot], on: date | None) -> bool:
    """A loss sale while the same ticker is bought in this rebalance (any account), or while another lot
    of it (any account) was bought in the 30 days before the sale date."""
    if sale.gain >= 0:
        return False
    if bought_now:
        return True
    if on is None:
        return False
    start = on - timedelta(days=WASH_DAYS)
    return any(lot.acquired is not None and start <= lot.acquired <= on for lot in others)
