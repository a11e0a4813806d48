"""What every fuzz test asserts: the reader returns, or raises a CoresatError whose message is one line."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar

from hypothesis import HealthCheck, settings

from engine.errors import CoresatError

T = TypeVar("T")

# Bounded: 80 examples per test, about 13 s of CPU for the whole suite (42 s wall at load 12 on 2 cores).
# CORESAT_FUZZ_EXAMPLES=5000 runs a longer campaign locally.
FUZZ = settings(
    max_examples=int(os.environ.get("CORESAT_FUZZ_EXAMPLES", "80")),
    deadline=3000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    database=None,
)


def result_or_clear_error(read: Callable[[], T]) -> T | CoresatError:
    """Run ``read``; any exception but a CoresatError fails the test, and so does an unreadable message."""
    try:
        return read()
    except CoresatError as exc:
        msg = str(exc)
        assert msg.strip(), f"{type(exc).__name__} with an empty message"
        assert "\n" not in msg.strip(), f"message is not one line: {msg!r}"
        assert len(msg) < 600, f"message too long ({len(msg)} characters): {msg[:200]!r}…"
        assert "Traceback" not in msg
        return exc
