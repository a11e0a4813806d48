"""The change summary's words against an independent tally, on random statements and households."""

from __future__ import annotations

from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.imports.into_household import apply_to_household
from engine.imports.statement import Account, AssetType, Position, Statement
from engine.model.household import Account as HAccount
from engine.model.household import Household, with_household
from engine.model.household import Position as HPosition
from tests.helpers import core_satellite

TICKERS = ["IWM", "VBR", "IJR", "AVUV", "SPSM"]
NUMBERS = ["…0001", "…0002", "…0003"]
REBALANCED = (AssetType.ETF, AssetType.STOCK, AssetType.ETF_OR_STOCK)
shares = st.integers(0, 400).map(lambda n: n / 4)  # quarter shares, exact in binary
position = st.builds(
    lambda t, q, kind: Position(t, q, 10.0, q * 10.0, kind),
    st.sampled_from(TICKERS),
    shares,
    st.sampled_from([*REBALANCED, AssetType.MUTUAL_FUND, AssetType.OPTION]),
)
holdings = st.dictionaries(st.sampled_from(TICKERS), shares.filter(lambda q: q > 0), max_size=4)


def _tally(a: Account) -> dict[str, float]:
    out: dict[str, float] = defaultdict(float)
    for p in a.positions:
        if p.asset_type in REBALANCED:
            out[p.symbol] += p.quantity
    return {t: q for t, q in out.items() if q > 0}


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.lists(position, max_size=6), st.integers(0, 10**6)), min_size=1, max_size=3),
    st.lists(holdings, max_size=3),
    st.booleans(),
)
def test_each_account_and_its_words_match_an_independent_tally(
    raw: list[tuple[list[Position], int]], existing: list[dict[str, float]], flat: bool
) -> None:
    statement = Statement(
        layout="test",
        accounts=tuple(
            Account(number=NUMBERS[i], broker="B", positions=tuple(ps), cash=c / 100)
            for i, (ps, c) in enumerate(raw)
        ),
    )
    # the household: account i holds existing[i] and carries statement number i (so it is matched)
    accounts = tuple(
        HAccount(
            id=f"b-000{i + 1}",
            name=f"Acct {i}",
            broker="B",
            cash=5.0,
            positions=tuple(HPosition(t, q) for t, q in h.items()),
        )
        for i, h in enumerate(existing)
    )
    base = core_satellite({"IWM": 3}, cash=5.0)
    if not flat and accounts:
        base = with_household(base, Household("h", "H", accounts))
    before = (
        {a.id: {p.ticker: p.shares for p in a.positions} for a in accounts} if not flat and accounts else {}
    )
    new, changes = apply_to_household(statement, base)
    new.validate()
    assert new.household is not None
    got = {a.id: a for a in new.household.accounts}
    for i, sa in enumerate(statement.accounts):
        acct = got[f"b-000{i + 1}"]  # matched or created under the number's id
        expected = _tally(sa)
        assert {p.ticker: p.shares for p in acct.positions} == expected
        assert acct.cash == pytest.approx(round(sa.cash, 2))
        ch = next(c for c in changes.accounts if c.account_id == acct.id)
        assert (ch.name, ch.kind, ch.label) == (
            acct.name,
            acct.kind.value,
            acct.label,
        )  # the GUI translates kind
        had = before.get(acct.id, {})
        assert ch.status == ("updated" if acct.id in before else "new")
        for c in ch.bought:
            assert c.before == had[c.ticker] < c.after == expected[c.ticker]
        for c in ch.sold:
            assert had[c.ticker] == c.before > c.after == expected[c.ticker]
        for c in ch.new:
            assert c.ticker not in had and c.after == expected[c.ticker]
        for c in ch.gone:
            assert c.ticker not in expected and c.before == had[c.ticker]
        named = [c.ticker for g in (ch.bought, ch.sold, ch.new, ch.gone) for c in g] + list(ch.unchanged)
        assert sorted(named) == sorted(set(had) | set(expected))  # every ticker said once, none invented
    for aid, had in before.items():  # accounts the statement does not name are kept as they were
        if aid not in {f"b-000{i + 1}" for i in range(len(statement.accounts))}:
            assert {p.ticker: p.shares for p in got[aid].positions} == had
    total: dict[str, float] = defaultdict(float)
    for a in new.household.accounts:
        for p in a.positions:
            total[p.ticker] += p.shares
    assert {h.ticker: h.shares for h in new.portfolio.holdings} == pytest.approx(dict(total))
    held = [p for a in statement.accounts for p in a.positions if p.asset_type not in REBALANCED]
    assert len(changes.held_not_rebalanced) == len(held)
