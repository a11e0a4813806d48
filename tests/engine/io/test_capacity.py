"""Too-large universes are refused before the build, with the size that would fit."""

from __future__ import annotations

import pytest

import engine.io.capacity as cap
from engine import api
from engine.errors import CoresatError
from engine.io.capacity import (
    CapacityError,
    check_fits,
    estimate_bytes,
    largest_fitting,
    parametrized_bytes,
    use_parametrized,
)
from tests.helpers import core_satellite, market


def test_estimates_are_quadratic_and_calibrated() -> None:
    # the benchmark measured 0.37 GB above the imports at 400 tickers (parametrized problem) and 71 MB at
    # 2,000 (built from constants); the estimates must not be below either
    assert parametrized_bytes(400) >= 0.37e9
    assert estimate_bytes(2000) >= 0.071e9 + cap.BASE_BYTES
    assert estimate_bytes(2000) - cap.BASE_BYTES == pytest.approx(4 * (estimate_bytes(1000) - cap.BASE_BYTES))
    assert estimate_bytes(1000) <= 1e9  # issue #14: 1,000 tickers within 1 GB


def test_parametrized_only_when_small_and_it_fits() -> None:
    assert use_parametrized(12, available=8_000_000_000)
    assert not use_parametrized(cap.DPP_MAX + 1, available=10**12)  # too large: built from constants
    assert not use_parametrized(300, available=int(parametrized_bytes(300) / 0.8) - 1)  # would not fit
    assert use_parametrized(300, available=int(parametrized_bytes(300) / 0.8) + 1)


@pytest.mark.parametrize("free", [0.3e9, 0.6e9, 2e9, 64e9])
def test_largest_fitting_is_the_boundary(free: float) -> None:
    budget = 0.8 * free
    fits = largest_fitting(budget)
    assert estimate_bytes(fits) <= budget < estimate_bytes(fits + 1)


def test_refusal_names_the_need_the_free_memory_and_what_fits() -> None:
    free = 2_000_000_000
    with pytest.raises(CapacityError) as err:
        check_fits(8000, available=free)
    msg = str(err.value)
    fits = largest_fitting(0.8 * free)
    assert f"8000 tickers need about {estimate_bytes(8000) / 1e9:.1f} GB" in msg
    assert "at most 1.6 GB of the 2.0 GB free" in msg and f"at most about {fits} tickers" in msg
    assert estimate_bytes(8000) / 1e9 > 1.6  # the need said is more than what may be used: no contradiction
    check_fits(fits, available=free)  # the size it names does fit
    check_fits(1000, available=free)
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
