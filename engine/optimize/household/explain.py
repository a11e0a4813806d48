"""Why a trade sits in the account it sits in — clauses built only from the result's own numbers
(the lots sold, their gains and estimated taxes at the policy's rates, the accounts' cash).

Each clause is a Message (engine.messages: ``where.*`` ids), so the GUI shows it in the user's language;
``english_clauses`` joins them with "; " for the CLI and the JSON ``reason``.
"""

from __future__ import annotations

from datetime import date

from engine.household_result import LotSale
from engine.messages import (
    Message,
    MessageId,
    Money,
    Name,
    Names,
    Parts,
    Percent,
    Points,
    Shares,
    Ticker,
    kind_message_id,
)
from engine.messages import english as _english
from engine.model.household import Account, AccountKind, Household
from engine.model.policy import Placement, TaxRates
from engine.optimize.household.tax import sell_lots

M = MessageId


def _money(x: float) -> Money:
    return Money(x, 2)


def _digits(x: float) -> int:
    """The fewest decimals (up to 4) that show ``x`` exactly as ``:g`` would."""
    return next((d for d in range(5) if abs(round(x, d) - x) < 1e-9), 4)


def _rate(x: float) -> Percent:
    return Percent(x, _digits(x * 100))


def _bps(x: float) -> Points:
    """Basis points as a plain number: ``Points`` shows value × 100, so 50 bps is Points(0.5)."""
    return Points(x / 100, _digits(x))


def _year(rates: TaxRates) -> Name:
    return Name(str(rates.year))


_KINDS = {k: Message.of(kind_message_id(k.value)) for k in AccountKind}


def kind_message(kind: AccountKind) -> Message:
    """An account kind's name ("taxable", "Roth IRA", ...) as a message."""
    return _KINDS[kind]


def english_clauses(clauses: tuple[Message, ...]) -> str:
    return "; ".join(_english(m) for m in clauses)


def lot_clauses(sales: tuple[LotSale, ...], rates: TaxRates) -> tuple[Message, ...]:
    """``40 shares acquired 2021-03-04 (long-term, gain $1,200.00, tax $180.00 at 15 %)`` per lot."""
    out = []
    for ls in sales:
        when = (
            Message.of(M.WHERE_ACQUIRED, date=Name(ls.acquired.isoformat()))
            if ls.acquired
            else Message.of(M.WHERE_ACQUIRED_UNKNOWN)
        )
        term = Message.of(M.WHERE_LONG_TERM if ls.long_term else M.WHERE_SHORT_TERM)
        rate = rates.long_term if ls.long_term else rates.short_term
        if ls.gain >= 0:
            out.append(
                Message.of(
                    M.WHERE_LOT_GAIN,
                    shares=Shares(ls.shares),
                    when=when,
                    term=term,
                    gain=_money(ls.gain),
                    tax=_money(ls.tax),
                    rate=_rate(rate),
                )
            )
        else:
            mid = M.WHERE_LOT_WASH if ls.wash_sale else M.WHERE_LOT_LOSS
            out.append(Message.of(mid, shares=Shares(ls.shares), when=when, term=term, loss=_money(-ls.gain)))
    return tuple(out)


def taxable_sale_cost(
    a: Account, ticker: str, shares: float, price: float, on: date | None, placement: Placement
) -> tuple[float, float | None, Message]:
    """(estimated tax or placeholder cost, gain or None, how it was computed) of selling ``shares`` of
    ``ticker`` in the taxable account ``a``."""
    pos = next((p for p in a.positions if p.ticker == ticker), None)
    amount = shares * price
    if pos is None or not pos.lots:
        cost = amount * placement.taxable_sell_bps / 1e4
        how = Message.of(M.WHERE_HOW_PLACEHOLDER, bps=_bps(placement.taxable_sell_bps), cost=_money(cost))
        return cost, None, how
    sales = [s for _, s in sell_lots(pos.lots, shares, price, on, placement.tax)]
    gain = sum(s.gain for s in sales)
    tax = sum(s.tax for s in sales)
    year = _year(placement.tax)
    if gain >= 0:
        how = Message.of(M.WHERE_HOW_GAIN, gain=_money(gain), tax=_money(tax), year=year)
    else:
        how = Message.of(M.WHERE_HOW_LOSS, loss=_money(-gain), tax=_money(tax), year=year)
    return tax, gain, how


Holders = list[tuple[Account, float]]  # (account, shares of the ticker it holds), in household order


def holders_of(hh: Household, ticker: str) -> Holders:
    """The accounts that hold ``ticker`` (shares > 0), with those shares."""
    return [(t, q) for t in hh.accounts if (q := t.shares_of(ticker)) > 0]


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
    holders: Holders | None = None,
) -> tuple[Message, ...]:
    """``sold_elsewhere``: account id → shares of ``ticker`` sold there in this rebalance; ``holders``: the
    accounts holding ``ticker`` (:func:`holders_of`, computed here when not given)."""
    rates = placement.tax
    held = holders_of(hh, ticker) if holders is None else holders
    here, kind = Name(a.name), kind_message(a.kind)
    if a.kind.tax_advantaged:
        base = Message.of(M.WHERE_SOLD_SHELTERED, account=here, kind=kind)
        taxable = [(t, q) for t, q in held if not t.kind.tax_advantaged]
        if not taxable:
            return (base,)
        t, t_held = taxable[0]
        q = min(shares, t_held)
        _, _, how = taxable_sale_cost(t, ticker, q, price, on, placement)
        return base, Message.of(M.WHERE_INSTEAD, shares=Shares(q), account=Name(t.name), how=how)
    head: list[Message]
    if not sales:
        cost = shares * price * placement.taxable_sell_bps / 1e4
        head = [
            Message.of(
                M.WHERE_SOLD_NO_LOTS,
                account=here,
                kind=kind,
                bps=_bps(placement.taxable_sell_bps),
                cost=_money(cost),
            )
        ]
    else:
        gain = sum(s.gain for s in sales)
        tax = sum(s.tax for s in sales)
        order = Message.of(M.WHERE_ORDER_HIFO if rates.lot_method.value == "hifo" else M.WHERE_ORDER_TAX)
        lots = lot_clauses(sales, rates)
        head = [Message.of(M.WHERE_SOLD_LOTS, account=here, kind=kind, order=order, lot=lots[0]), *lots[1:]]
        year = _year(rates)
        if gain >= 0:
            head.append(Message.of(M.WHERE_IN_ALL_GAIN, gain=_money(gain), tax=_money(tax), year=year))
        else:
            head.append(Message.of(M.WHERE_IN_ALL_LOSS, loss=_money(-gain), tax=_money(tax), year=year))
    sheltered = [(t, q) for t, q in held if t.kind.tax_advantaged]
    if not sheltered:
        return (*head, Message.of(M.WHERE_NONE_SHELTERED, ticker=Ticker(ticker)))
    facts = tuple(
        Message.of(
            M.WHERE_HOLDS_SELLS,
            account=Name(t.name),
            held=Shares(q),
            sold=Shares(sold_elsewhere.get(t.id, 0.0)),
        )
        for t, q in sheltered
    )
    return (*head, Message.of(M.WHERE_SHELTERED, facts=Parts(facts)))


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
) -> tuple[Message, ...]:
    loc = location_clause(a, sleeve, placement, amount)
    base = bought_clauses(hh, a, sold_here, cash_before, cash_after)
    return base if loc is None else (*base, loc)


def bought_clauses(
    hh: Household, a: Account, sold_here: list[str], cash_before: float, cash_after: float
) -> tuple[Message, ...]:
    """What every purchase in account ``a`` says alike: how it is paid, and the account's cash."""
    here, kind = Name(a.name), kind_message(a.kind)
    sold = Names(tuple(sold_here))
    if a.kind.tax_advantaged and sold_here:
        taxable = next((t for t in hh.accounts if not t.kind.tax_advantaged and t.id != a.id), None)
    else:
        taxable = None
    if taxable is not None:
        head = Message.of(M.WHERE_BOUGHT_INSTEAD, account=here, other=Name(taxable.name), sold=sold)
    elif sold_here:
        head = Message.of(M.WHERE_BOUGHT_SELLING, account=here, kind=kind, sold=sold)
    else:
        head = Message.of(M.WHERE_BOUGHT_CASH, account=here, kind=kind)
    return head, Message.of(M.WHERE_CASH, before=_money(cash_before), after=_money(cash_after))


def location_clause(a: Account, sleeve: str | None, placement: Placement, amount: float) -> Message | None:
    """A purchase's asset-location clause, when its sleeve has a location preference."""
    if sleeve is None or sleeve not in placement.location:
        return None
    kinds = Parts(tuple(kind_message(k) for k in sorted(placement.location[sleeve], key=lambda k: k.label)))
    if a.kind in placement.location[sleeve]:
        return Message.of(M.WHERE_LOCATION_IN, sleeve=Name(sleeve), kinds=kinds)
    extra = amount * placement.off_location_bps / 1e4
    return Message.of(
        M.WHERE_LOCATION_AGAINST,
        sleeve=Name(sleeve),
        kinds=kinds,
        bps=_bps(placement.off_location_bps),
        extra=_money(extra),
    )
