"""The client book of the batch benchmark: ten target-tree shapes over the same 12 ETFs and the random
holdings of its households. Imports only the scenario model and the test market, so that
``bench_vs_filed`` can build the same households for the code the issues were filed on."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from engine.model.scenario import (
    AssetTarget,
    Constraints,
    Holding,
    Portfolio,
    Role,
    Scenario,
    Sleeve,
    TargetTree,
)
from tests.helpers import TWELVE

SMALL = TWELVE[:8]  # IWM VTWO IWN VBR IWO VBK IJR SPSM
OUTSIDE = TWELVE[8:]  # SPY AGG XLF XLK

# ten groupings of the 8 small-cap tickers into core + satellites, and of the 4 others into outside sleeves
SHAPES: list[tuple[list[list[str]], list[list[str]]]] = [
    ([["IWM", "VTWO"], ["IWN", "VBR"], ["IWO", "VBK"], ["IJR", "SPSM"]], [["SPY"], ["AGG"], ["XLF", "XLK"]]),
    ([["IWM"], ["VTWO", "IWN", "VBR"], ["IWO", "VBK", "IJR", "SPSM"]], [["SPY", "AGG", "XLF", "XLK"]]),
    ([["IWM", "VTWO", "IJR"], ["IWN", "VBR", "IWO", "VBK", "SPSM"]], [["SPY"], ["AGG", "XLF", "XLK"]]),
    (
        [["IWM"], ["VTWO"], ["IWN"], ["VBR"], ["IWO"], ["VBK"], ["IJR"], ["SPSM"]],
        [["SPY", "AGG"], ["XLF", "XLK"]],
    ),
    ([["IWM", "VTWO", "IWN", "VBR"], ["IWO", "VBK", "IJR", "SPSM"]], [["SPY"], ["AGG"], ["XLF"], ["XLK"]]),
    ([["VTWO"], ["IWM", "IWN"], ["VBR", "IWO"], ["VBK", "IJR", "SPSM"]], [["SPY", "XLF"], ["AGG", "XLK"]]),
    ([["IJR", "SPSM"], ["IWM", "VTWO", "IWN"], ["VBR", "IWO", "VBK"]], [["SPY", "AGG", "XLF"], ["XLK"]]),
    ([["IWM", "IJR"], ["VTWO", "SPSM"], ["IWN", "IWO"], ["VBR", "VBK"]], [["SPY"], ["AGG"], ["XLF", "XLK"]]),
    ([["IWM", "VTWO", "IWN", "VBR", "IWO", "VBK"], ["IJR"], ["SPSM"]], [["SPY", "AGG", "XLF", "XLK"]]),
    (
        [["IWM", "VTWO"], ["IWN"], ["VBR", "IWO"], ["VBK"], ["IJR", "SPSM"]],
        [["SPY", "AGG"], ["XLF"], ["XLK"]],
    ),
]


def policy(i: int) -> Scenario:
    small, outside = SHAPES[i]
    sleeves = []
    n_sat = len(small) - 1
    for j, members in enumerate(small):
        weight = 0.6 if j == 0 else 0.4 / n_sat
        sleeves.append(
            Sleeve(
                "Core" if j == 0 else f"Satellite {j}",
                Role.CORE if j == 0 else Role.SATELLITE,
                weight,
                tuple(AssetTarget(tk, 1.0 / len(members)) for tk in members),
            )
        )
    for j, members in enumerate(outside):
        sleeves.append(
            Sleeve(
                f"Outside {j + 1}",
                Role.OUTSIDE,
                0.5 / len(outside),
                tuple(AssetTarget(tk, 1.0 / len(members)) for tk in members),
            )
        )
    return Scenario(
        name=f"Model {i + 1}",
        portfolio=Portfolio(),
        targets=TargetTree(sleeves=tuple(sleeves), small_cap_weight=0.5),
        constraints=Constraints(vol_cap=0.2 + 0.005 * i, cost_bps=2.0, min_trade=100.0, min_cash=500.0),
    )


def portfolios(households: int, seed: int = 0) -> Iterator[Portfolio]:
    """The holdings of the book's households, in book order (household k follows policy k mod 10)."""
    rng = np.random.default_rng(seed)
    for _ in range(households):
        shares = rng.integers(0, 200, size=len(TWELVE)) * (rng.random(len(TWELVE)) < 0.85)
        shares[0] += 20  # everyone holds some IWM
        yield Portfolio(
            holdings=tuple(Holding(tk, float(s)) for tk, s in zip(TWELVE, shares, strict=True)),
            cash=float(rng.integers(0, 20_000)),
        )
