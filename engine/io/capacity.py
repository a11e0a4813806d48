"""Will a problem fit in memory? Estimated before the build, so a too-large universe is refused in one
line instead of swapping the machine for minutes.

The first problem build grows with the square of the ticker count; ``BYTES_PER_TICKER2`` is the largest
figure measured by ``benchmarks/bench_universe_memory.py`` (100–400 tickers: 2.8–3.5 kB per ticker²,
i.e. about 3.5 GB at 1,000 tickers and 14 GB at 2,000). Re-measure it when the optimizer changes.
"""

from __future__ import annotations

import math
import os
import sys

from engine.errors import CoresatError

BYTES_PER_TICKER2 = 3_500
BASE_BYTES = 50_000_000
SHARE_OF_FREE = 0.8  # leave the rest to the system and the app


class CapacityError(CoresatError):
    """The problem would not fit in this computer's memory."""


def estimate_bytes(n_tickers: int) -> int:
    return BASE_BYTES + BYTES_PER_TICKER2 * n_tickers * n_tickers


def available_bytes() -> int | None:
    """Memory available to a new allocation now (Linux MemAvailable), else physical memory; None if unknown."""
    if sys.platform.startswith("linux"):
        try:
            with open("/proc/meminfo", encoding="ascii") as f:
                for line in f:
                    if line.startswith("MemAvailable:"):
                        return int(line.split()[1]) * 1024
        except (OSError, ValueError, IndexError):
            pass
    try:
        return int(os.sysconf("SC_PHYS_PAGES")) * int(os.sysconf("SC_PAGE_SIZE"))
    except (AttributeError, ValueError, OSError):
        return None


def check_fits(n_tickers: int, available: int | None = None) -> None:
    """CapacityError when ``n_tickers`` would need more memory than is free, naming the largest size that fits."""
    free = available_bytes() if available is None else available
    if free is None:
        return
    need = estimate_bytes(n_tickers)
    budget = SHARE_OF_FREE * free
    if need <= budget:
        return
    fits = max(int(math.sqrt(max(budget - BASE_BYTES, 0) / BYTES_PER_TICKER2)), 0)
    raise CapacityError(
        f"{n_tickers} tickers need about {need / 1e9:.1f} GB of memory to optimize, but only "
        f"{free / 1e9:.1f} GB is free; use at most about {fits} tickers (combine small positions, or "
        "split the portfolio into several scenarios)"
    )
