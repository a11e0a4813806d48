"""Scenarios for client-book tests, built from tests.helpers (no files, no network)."""

from __future__ import annotations

from dataclasses import replace

from engine.model.scenario import Constraints, InlineMarket, Scenario
from tests.helpers import core_satellite, market


def client_scenario(
    name: str = "Client", *, iwm: float = 300.0, cash: float = 2_000.0, vol_cap: float | None = 0.2
) -> Scenario:
    sc = core_satellite(
        {"IWM": iwm, "IWN": 40.0, "VBR": 10.0, "SPSM": 50.0},
        cash=cash,
        constraints=Constraints(
            vol_cap=vol_cap, min_trade=50.0, cost_bps=2.0, min_cash=500.0, no_sell=frozenset({"VBR"})
        ),
    )
    return replace(sc, name=name, notes=f"notes of {name}")


def with_inline_market(sc: Scenario) -> Scenario:
    m = market(list(sc.universe))
    inline = InlineMarket(
        as_of=m.as_of,  # type: ignore[arg-type]
        prices=dict(m.prices),
        tickers=m.tickers,
        covariance=tuple(tuple(float(v) for v in row) for row in m.covariance),
        source="inline test market",
    )
    return replace(sc, market=inline)
