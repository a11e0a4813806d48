"""Will a problem fit in memory? Estimated before the build, so a too-large universe is refused in one
line instead of swapping the machine for minutes.

Two regimes, measured by ``benchmarks/bench_universe_memory.py``:
- up to ``DPP_MAX`` tickers the optimizer compiles a parametrized problem once (fast re-solves for the
  sliders); cvxpy's parameter tensors grow with the square of the size: ``BYTES_PER_TICKER2`` is the
  largest figure measured (200–400 tickers: 2.3–2.4 kB per ticker², 0.37 GB at 400);
- above it each solve is built from constants, and what remains quadratic is the covariance matrix and
  its few working copies: ``DENSE_BYTES_PER_TICKER2`` (measured +28 MB at 1,000 tickers, +71 MB at 2,000,
  i.e. 18–28 bytes per ticker²; the figure kept is twice that).
Re-measure both when the optimizer changes.
"""

from __future__ import annotations

import math
import os
import sys

from engine.errors import CoresatError

DPP_MAX = 400  # the optimizer compiles the parametrized problem up to this size (engine/optimize/problem.py)
BYTES_PER_TICKER2 = 3_500
DENSE_BYTES_PER_TICKER2 = 56
BASE_BYTES = 50_000_000
SHARE_OF_FREE = 0.8  # leave the rest to the system and the app


class CapacityError(CoresatError):
    """The problem would not fit in this computer's memory."""


def estimate_bytes(n_tickers: int) -> int:
    """Memory a rebalance of ``n_tickers`` needs at least (the problem built from constants)."""
    return BASE_BYTES + DENSE_BYTES_PER_TICKER2 * n_tickers * n_tickers


def parametrized_bytes(n_tickers: int) -> int:
    """Memory of the parametrized (fast re-solve) problem for ``n_tickers``."""
    return BASE_BYTES + BYTES_PER_TICKER2 * n_tickers * n_tickers


def use_parametrized(n_tickers: int, available: int | None = None) -> bool:
    """Whether the optimizer compiles the parametrized problem: small enough, and it fits in free memory
    (otherwise it builds from constants, slower to re-solve but never refused for it)."""
    if n_tickers > DPP_MAX:
        return False
    free = available_bytes() if available is None else available
    return free is None or parametrized_bytes(n_tickers) <= SHARE_OF_FREE * free


def largest_fitting(budget: float) -> int:
    """The most tickers whose estimate stays within ``budget`` bytes."""
    return int(math.sqrt(max(budget - BASE_BYTES, 0.0) / DENSE_BYTES_PER_TICKER2))


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
    fits = largest_fitting(budget)
    raise CapacityError(
        f"{n_tickers} tickers need about {need / 1e9:.1f} GB of memory to optimize, but Coresat uses at "
        f"most {budget / 1e9:.1f} GB of the {free / 1e9:.1f} GB free (the rest is left to the system); use at "
        f"most about {fits} tickers (combine small positions, or split the portfolio into several scenarios)"
    )
