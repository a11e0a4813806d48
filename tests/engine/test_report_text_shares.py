"""The trade table prints share counts as a trader reads them (12,345 was printed 1.234e+04, a share short)."""

from __future__ import annotations

import re

from engine import api
from engine.report_text import format_result, shares_text
from tests.helpers import core_satellite, market


def test_share_counts_are_written_out() -> None:
    assert shares_text(12345.0) == "12,345"
    assert shares_text(10730) == "10,730"
    assert shares_text(7.0) == "7"
    assert shares_text(0.5) == "0.5"
    assert shares_text(1234.56789) == "1,234.5679"


def test_a_large_trade_is_printed_in_full() -> None:
    sc = core_satellite({"IWM": 0, "IWN": 0, "VBR": 0, "SPSM": 0}, cash=5_000_000.0)
    m = market(list(sc.universe))
    r = api.rebalance(sc, m)
    big = [t for t in r.trades if t.shares >= 10_000]
    assert big, "the case needs a trade of 10,000 shares or more"
    text = format_result(r)
    for t in big:
        row = next(line for line in text.splitlines() if re.match(rf"BUY +{t.ticker} ", line))
        assert f"{t.shares:,.0f}" in row and "e+" not in row


def test_the_price_date_is_said_once() -> None:
    # "Prices: price store as of 2026-02-24, as of 2026-02-24"
    import dataclasses

    sc = core_satellite({"IWM": 10, "IWN": 5, "VBR": 5, "SPSM": 5})
    m = dataclasses.replace(market(list(sc.universe)), price_source="price store as of 2026-11-20")
    text = format_result(api.rebalance(sc, m))
    line = next(ln for ln in text.splitlines() if ln.startswith("Prices: "))
    assert line == "Prices: price store as of 2026-11-20"
    plain = format_result(api.rebalance(sc, market(list(sc.universe))))
    assert "as of 2026-11-20" in next(ln for ln in plain.splitlines() if ln.startswith("Prices: "))


def test_the_household_text_says_the_price_date_once_too() -> None:
    """Found using the CLI on a household with real prices imported: "Prices: price store as of
    2024-04-19, as of 2024-04-19" (the household text wrote its own line instead of the flat one's)."""
    import dataclasses

    from engine import resources
    from engine.household_text import format_household
    from engine.model import scenario_file

    sc = scenario_file.loads(resources.read_text("examples", "household-couple-four-accounts.coresat.toml"))
    m = dataclasses.replace(market(list(sc.universe)), price_source="price store as of 2026-11-20")
    text = format_household(api.rebalance_household(sc, m))
    line = next(ln for ln in text.splitlines() if ln.startswith("Prices: "))
    assert line == "Prices: price store as of 2026-11-20"
