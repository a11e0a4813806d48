"""Too-large universes are refused before the build, with the size that would fit."""

from __future__ import annotations

import math

import pytest

import engine.io.capacity as cap
from engine import api
from engine.errors import CoresatError
from engine.io.capacity import CapacityError, check_fits, estimate_bytes
from tests.helpers import core_satellite, market


def test_estimate_is_quadratic_and_calibrated() -> None:
    # the benchmark measured ~0.44 GB at 400 tickers; the estimate must not be below that
    assert estimate_bytes(400) >= 0.44e9
    assert estimate_bytes(2000) - cap.BASE_BYTES == pytest.approx(4 * (estimate_bytes(1000) - cap.BASE_BYTES))


def test_refusal_names_the_need_the_free_memory_and_what_fits() -> None:
    free = 2_000_000_000
    with pytest.raises(CapacityError) as err:
        check_fits(2000, available=free)
    msg = str(err.value)
    fits = int(math.sqrt((0.8 * free - cap.BASE_BYTES) / cap.BYTES_PER_TICKER2))
    assert f"2000 tickers need about {estimate_bytes(2000) / 1e9:.1f} GB" in msg
    assert "2.0 GB is free" in msg and f"at most about {fits} tickers" in msg
    assert estimate_bytes(fits) <= 0.8 * free < estimate_bytes(fits + 1)
    check_fits(fits, available=free)  # the size it names does fit
    assert isinstance(err.value, CoresatError)


def test_rebalance_refuses_before_building(monkeypatch: pytest.MonkeyPatch) -> None:
    sc = core_satellite({"IWM": 640, "IWN": 95, "VBR": 70, "SPSM": 180})
    m = market(list(sc.universe))
    monkeypatch.setattr(cap, "available_bytes", lambda: cap.BASE_BYTES)  # nothing to spare
    built: list[int] = []
    import engine.optimize

    monkeypatch.setattr(engine.optimize, "rebalance", lambda *a: built.append(1))
    with pytest.raises(CapacityError, match="4 tickers need about"):
        api.rebalance(sc, m)
    assert built == []
