"""A scenario's own [market] is said to be stale like stored or downloaded prices are (issue #14: warn about
stale data on every path)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from engine.api import INLINE_STALE_DAYS, resolve_market
from engine.model.scenario import InlineMarket
from tests.helpers import core_satellite


def _with_market(as_of: date):  # type: ignore[no-untyped-def]
    sc = core_satellite({"IWM": 10, "IWN": 5})
    m = InlineMarket(
        as_of=as_of,
        prices={"IWM": 200.0, "IWN": 150.0},
        tickers=("IWM", "IWN"),
        covariance=((0.04, 0.03), (0.03, 0.05)),
    )
    return replace(sc, market=m)


def test_old_inline_prices_are_called_stale_with_their_age() -> None:
    old = date.today() - timedelta(days=400)
    snap = resolve_market(_with_market(old))
    assert any(f"end {old:%Y-%m-%d}, 400 days ago" in w and "[market]" in w for w in snap.warnings)


def test_fresh_inline_prices_get_no_warning() -> None:
    fresh = date.today() - timedelta(days=INLINE_STALE_DAYS)
    assert not resolve_market(_with_market(fresh)).warnings
