"""The change summary's words against an independent tally, on random statements and scenarios."""

from __future__ import annotations

from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.imports.apply import apply_to_scenario
from engine.imports.statement import Account, AssetType, Position, Statement
from tests.helpers import core_satellite

TICKERS = ["IWM", "VBR", "IJR", "AVUV", "SPSM"]
shares = st.integers(0, 400).map(lambda n: n / 4)  # quarter shares, exact in binary
position = st.builds(
    lambda t, q, kind: Position(t, q, 10.0, q * 10.0, kind),
    st.sampled_from(TICKERS),
    shares,
    st.sampled_from(
        [AssetType.ETF, AssetType.STOCK, AssetType.ETF_OR_STOCK, AssetType.MUTUAL_FUND, AssetType.OPTION]
    ),
)
account = st.builds(
    lambda ps, cash: Account(number="…0001", positions=tuple(ps), cash=cash),
    st.lists(position, max_size=6),
    st.integers(0, 10**6).map(lambda c: c / 100),
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(account, min_size=1, max_size=3), st.dictionaries(st.sampled_from(TICKERS), shares, max_size=5)
)
def test_summary_matches_an_independent_tally(accounts: list[Account], old: dict[str, float]) -> None:
    statement = Statement(layout="test", accounts=tuple(accounts))
    expected: dict[str, float] = defaultdict(float)
    for a in accounts:
        for p in a.positions:
            if p.asset_type in (AssetType.ETF, AssetType.STOCK, AssetType.ETF_OR_STOCK):
                expected[p.symbol] += p.quantity
    expected = {t: q for t, q in expected.items() if q > 0}
    before = {t: q for t, q in old.items()}
    sc = core_satellite(before, cash=5.0)
    new, summary = apply_to_scenario(statement, sc)
    new.validate()
    assert {h.ticker: h.shares for h in new.portfolio.holdings} == expected
    assert new.portfolio.cash == pytest.approx(sum(a.cash for a in accounts), abs=0.005)
    had = {t: q for t, q in before.items() if q > 0}
    for c in summary.bought:
        assert c.before == had[c.ticker] < c.after == expected[c.ticker]
    for c in summary.sold:
        assert had[c.ticker] == c.before > c.after == expected[c.ticker]
    for c in summary.new:
        assert c.ticker not in had and c.after == expected[c.ticker]
    for c in summary.gone:
        assert c.ticker not in expected and c.before == had[c.ticker]
    for t in summary.unchanged:
        assert had[t] == expected[t]
    named = [c.ticker for group in (summary.bought, summary.sold, summary.new, summary.gone) for c in group]
    named += list(summary.unchanged)
    assert sorted(named) == sorted(set(had) | set(expected))  # every ticker said once, none invented
    held = [
        p for a in accounts for p in a.positions if p.asset_type in (AssetType.MUTUAL_FUND, AssetType.OPTION)
    ]
    assert len(summary.held_not_rebalanced) == len(held)
    assert summary.changed == (
        bool(set(had) ^ set(expected))
        or any(had.get(t) != q for t, q in expected.items())
        or abs(summary.cash_after - summary.cash_before) > 0.005
    )
