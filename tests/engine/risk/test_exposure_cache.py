"""``attach_cached`` (what engine.api.rebalance attaches) gives exactly what reading the fund data afresh
gives (``attach_exposures``), and reads it again as soon as the local store's file changes: a fund refresh
in this process or another one is seen by the next result."""

from __future__ import annotations

import dataclasses
import sqlite3
import time
from datetime import date

import numpy as np

from engine import api
from engine.data.fund_store import FundStore
from engine.data.funds import FundData
from engine.optimize import rebalance
from engine.risk import exposure_cache
from engine.risk.exposure_cache import attach_cached
from engine.risk.exposure_result import attach_exposures
from tests.helpers import TWELVE, core_satellite, market, twelve_asset_scenario


def _results() -> list:  # type: ignore[type-arg]
    """Results of varied portfolios and caps over the twelve tickers and a four-ticker tree."""
    rng = np.random.default_rng(11)
    out = []
    base = twelve_asset_scenario()
    m12 = market(list(TWELVE))
    for k in range(12):
        held = rng.choice(len(TWELVE), size=int(rng.integers(1, len(TWELVE))), replace=False)
        holdings = {TWELVE[i]: int(rng.integers(1, 400)) for i in held}
        sc = dataclasses.replace(
            base,
            portfolio=core_satellite(holdings).portfolio,
            constraints=dataclasses.replace(base.constraints, vol_cap=0.17 + 0.01 * (k % 5)),
        )
        out.append(rebalance(sc, m12))
    small = core_satellite({"IWM": 640, "IWN": 95, "VBR": 70, "SPSM": 180})
    out.append(rebalance(small, market(list(small.universe))))
    return out


def test_cached_exposures_equal_reading_the_fund_data_afresh() -> None:
    for r in _results() * 2:  # the second round comes from the cache
        assert attach_cached(r) == attach_exposures(r)


def _write(source: str, as_of: date) -> None:
    FundStore().write(
        {"IWM": FundData("IWM", source, as_of, sectors={"Financials": 0.25, "Health Care": 0.75})}
    )


def test_a_fund_refresh_is_seen_by_the_next_result() -> None:
    sc = twelve_asset_scenario()
    m = market(list(TWELVE))
    first = api.rebalance(sc, m)
    assert all("Yahoo test" not in s for s in first.exposure_sources)  # nothing cached yet: the snapshot
    _write("Yahoo test", date(2026, 11, 30))
    after = api.rebalance(sc, m)
    assert "Yahoo test, as of 2026-11-30" in after.exposure_sources
    fin = next(s for s in after.sector_exposures if s.sector == "Health Care")
    w = {a.ticker: a.weight_after for a in after.assets}
    assert fin.after >= 0.75 * w["IWM"] - 1e-12  # IWM's new look-through is in the rows
    _write("Yahoo test", date(2026, 12, 1))  # the same size of row: a new date only
    assert "Yahoo test, as of 2026-12-01" in api.rebalance(sc, m).exposure_sources
    r = rebalance(sc, m)
    assert attach_cached(r) == attach_exposures(r)


def test_a_store_written_by_another_connection_is_read_again() -> None:
    sc = twelve_asset_scenario()
    m = market(list(TWELVE))
    _write("first", date(2026, 11, 1))
    assert "first, as of 2026-11-01" in api.rebalance(sc, m).exposure_sources
    path = FundStore().path
    time.sleep(0.05)  # another process, later: past the file clock's tick (a few ms on Linux)
    row = sqlite3.connect(path).execute("SELECT payload FROM fund_data WHERE ticker='IWM'").fetchone()
    with sqlite3.connect(path) as con:  # as the CLI in another process would
        con.execute(
            "UPDATE fund_data SET source='second', as_of='2026-11-02', payload=? WHERE ticker='IWM'",
            (row[0].replace("first", "second").replace("2026-11-01", "2026-11-02"),),
        )
    assert "second, as of 2026-11-02" in api.rebalance(sc, m).exposure_sources


def test_the_cache_forgets_old_ticker_sets(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(exposure_cache, "_MAX_KEYS", 2)
    ex = exposure_cache.Exposures()
    for r in _results():
        assert ex.attach(r) == attach_exposures(r)
        assert len(ex._funds) <= 2
