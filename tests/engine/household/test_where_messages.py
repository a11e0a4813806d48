"""Why a trade sits in its account is said as messages (``where.*``, ``kind.*`` ids), so the GUI can show it
in the user's language: the English ``reason`` ends with exactly their rendering, and each clause's numbers
are the result's own (the account's name and kind, its cash before → after, the lots the sale takes)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from engine import resources
from engine.api import resolve_market
from engine.household_result import AccountRow, AccountTrade, HouseholdResult
from engine.messages import ENGLISH, Message, MessageId, Money, Name, Parts, Shares, english, kind_message_id
from engine.model import scenario_file as sf
from engine.model.household import AccountKind
from engine.model.policy import LotMethod
from engine.optimize.household import rebalance_household
from tests.engine.household.test_tax import ON, RATES, TICKERS, _household, _scenario
from tests.helpers import market

M = MessageId
HOUSEHOLDS = [n for n in resources.examples() if "household" in n or "401k" in n]


def test_kind_names_are_the_account_kinds_labels() -> None:
    for k in AccountKind:
        assert ENGLISH[kind_message_id(k.value)] == k.label


def _all_messages(m: Message) -> list[Message]:
    out = [m]
    for _, v in m.params:
        if isinstance(v, Message):
            out += _all_messages(v)
        elif isinstance(v, Parts):
            for p in v.items:
                out += _all_messages(p)
    return out


def _check(r: HouseholdResult) -> int:
    """Every trade's clauses against its row's numbers; returns how many trades were checked."""
    n = 0
    for row in r.accounts:
        for t in row.trades:
            _check_trade(row, t)
            n += 1
    return n


def _check_trade(row: AccountRow, t: AccountTrade) -> None:
    assert t.where, t.reason
    text = "; ".join(english(m) for m in t.where)
    assert t.reason.endswith(text), (t.reason, text)  # the English reason is the messages' rendering
    first = t.where[0]
    assert first.id.value.startswith("where.")
    assert first.get("account") == Name(row.name)
    if first.has("kind"):  # the account's own kind, as a message (translated by the GUI)
        assert first.get("kind") == Message.of(kind_message_id(row.kind))
    ids = {m.id for c in t.where for m in _all_messages(c)}
    if t.side.value == "buy":
        cash = next(m for m in t.where if m.id is M.WHERE_CASH)
        assert cash.get("before") == Money(row.cash_before, 2) and cash.get("after") == Money(
            row.cash_after, 2
        )
    elif t.lots:  # a taxable sale with lots: one clause per lot, then the totals
        lot_ids = {M.WHERE_LOT_GAIN, M.WHERE_LOT_LOSS, M.WHERE_LOT_WASH}
        lots = [m for c in t.where for m in _all_messages(c) if m.id in lot_ids]
        assert [m.get("shares") for m in lots] == [Shares(ls.shares) for ls in t.lots]
        for m, ls in zip(lots, t.lots, strict=True):
            assert m.id is (
                M.WHERE_LOT_GAIN if ls.gain >= 0 else M.WHERE_LOT_WASH if ls.wash_sale else M.WHERE_LOT_LOSS
            )
            assert m.get("gain" if ls.gain >= 0 else "loss") == Money(abs(ls.gain), 2)
        total = next(m for m in t.where if m.id in (M.WHERE_IN_ALL_GAIN, M.WHERE_IN_ALL_LOSS))
        assert t.realized_gain is not None
        assert total.get("gain" if t.realized_gain >= 0 else "loss") == Money(abs(t.realized_gain), 2)
        assert total.get("tax") == Money(t.tax_estimate, 2)
    elif row.kind != AccountKind.TAXABLE.value:
        assert first.id is M.WHERE_SOLD_SHELTERED
    else:
        assert M.WHERE_SOLD_NO_LOTS in ids and not t.basis_known


@pytest.mark.parametrize("name", HOUSEHOLDS)
def test_example_households_say_where_as_messages(name: str) -> None:
    sc = sf.loads(resources.read_text("examples", name))
    r = rebalance_household(sc, resolve_market(sc))
    assert _check(r) > 0


@pytest.mark.parametrize("method", list(LotMethod))
def test_taxable_lot_sales_say_each_lot_as_a_message(method: LotMethod) -> None:
    sc = _scenario(_household(date(2022, 1, 3), loss_basis=225.0), replace(RATES, lot_method=method))
    r = rebalance_household(sc, market(TICKERS, as_of=ON))
    assert _check(r) > 0
    sales = [t for t in r.trades if t.lots]
    assert sales
    order = M.WHERE_ORDER_HIFO if method is LotMethod.HIFO else M.WHERE_ORDER_TAX
    for t in sales:
        assert t.where[0].id is M.WHERE_SOLD_LOTS and t.where[0].get("order") == Message.of(order)
