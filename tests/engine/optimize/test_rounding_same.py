"""The faster whole-share settling step (engine/optimize/rounding.py) gives the very same answers as the
one it replaced (kept unchanged in rounding_reference.py): on many random scenarios, every call of
``settle`` made while rebalancing is run through both, and the shares, evaluation, problems, notes and
continuous solution must be identical (bit for bit, not approximately)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import Any

import numpy as np
import pytest

from engine.data.fund_files import bundled_snapshot
from engine.market import MarketSnapshot
from engine.model.scenario import Constraints, Mode, Scenario
from engine.optimize import fill, rebalance, rounding, search
from engine.optimize.evaluation import Evaluation
from tests.engine.optimize import rounding_reference as ref
from tests.helpers import VOLS, core_satellite, market, random_market

FUNDS = bundled_snapshot().funds


def _bounded(sc: Scenario, rng: np.random.Generator) -> Scenario:
    """Some asset and sleeve minimums / maximums near the targets, so that rounding breaks them."""
    sleeves = []
    for sl in sc.targets.sleeves:
        assets = []
        for a in sl.assets:
            if rng.random() < 0.25:
                w = a.weight * sl.weight * (0.7 if sl.role.value == "core" else 0.3)
                if rng.random() < 0.5:
                    a = dataclasses.replace(a, max_weight=float(round(w * rng.uniform(0.9, 1.3), 4)))
                else:
                    a = dataclasses.replace(a, min_weight=float(round(w * rng.uniform(0.5, 1.0), 4)))
            assets.append(a)
        sl = dataclasses.replace(sl, assets=tuple(assets))
        if rng.random() < 0.2:
            sl = dataclasses.replace(sl, max_weight=float(rng.uniform(0.2, 0.9)))
        sleeves.append(sl)
    return dataclasses.replace(sc, targets=dataclasses.replace(sc.targets, sleeves=tuple(sleeves)))


def scenario(seed: int) -> tuple[Scenario, MarketSnapshot]:
    """A random scenario that exercises every branch of settling: volatility and turnover caps, cash
    buffers, costs, minimum trades, modes and lists, asset / sleeve bounds, sector and company caps
    (real tickers), whole and fractional shares."""
    rng = np.random.default_rng(seed)
    real = rng.random() < 0.3
    if real:
        n = int(rng.integers(3, len(VOLS) + 1))
        tk = [str(t) for t in rng.permutation(sorted(VOLS))[:n]]
        m = market(tk)
    else:
        n = int(rng.integers(2, 40))
        m = random_market(n, seed=seed)
        tk = list(m.tickers)
    mode = Mode.FULL if rng.random() < 0.7 else rng.choice([Mode.BUY_ONLY, Mode.SELL_ONLY])
    flow = {
        Mode.FULL: [0.0, 5_000.0, -3_000.0],
        Mode.BUY_ONLY: [0.0, 10_000.0],
        Mode.SELL_ONLY: [0.0, -4_000.0],
    }
    pick = [t for t in tk if rng.random() < 0.1]
    sectors: dict[str, Any] = {}
    if real and rng.random() < 0.5:
        sectors = {"sector_max": {"Financials": float(rng.uniform(0.03, 0.2))}}
        if rng.random() < 0.3:
            sectors["company_max"] = {"AAPL": float(rng.uniform(0.002, 0.02))}
    cons = Constraints(
        vol_cap=[None, 0.10, 0.12, 0.14, 0.16, 0.18, 0.2, 0.3][int(rng.integers(8))],
        turnover_cap=None if rng.random() < 0.7 else float(rng.uniform(0.02, 0.5)),
        cost_bps=float(rng.choice([0.0, 2.0, 5.0, 30.0])),
        min_trade=float(rng.choice([0.0, 50.0, 100.0, 500.0, 2000.0])),
        whole_shares=bool(rng.random() < 0.85),
        min_cash=float(rng.choice([0.0, 500.0, 1000.0, 3000.0])),
        no_buy=frozenset(pick[: len(pick) // 2]),
        no_sell=frozenset(pick[len(pick) // 2 :]),
        mode=mode,
        cash_flow=float(rng.choice(flow[mode])),
        force_rebalance=bool(rng.random() < 0.8),
        **sectors,
    )
    core = float(rng.uniform(0.4, 0.8))
    raw = rng.uniform(0.2, 1.0, max(n - 1, 1))
    raw = raw / raw.sum() * (1 - core)
    n_sats = int(rng.integers(1, 4))
    sats: dict[str, dict[str, float]] = {}
    for j, (t, r) in enumerate(zip(tk[1:], raw, strict=False)):
        sats.setdefault(f"S{j % n_sats}", {})[t] = float(r)
    held = {t: float(rng.choice([0, 1, 5, 20, 80, 300])) if rng.random() < 0.85 else 2.5 for t in tk}
    sc = core_satellite(
        held,
        cash=float(rng.uniform(0, 30_000)),
        core={tk[0]: core} if sats else {tk[0]: 1.0},
        satellites=sats,
        constraints=cons,
    )
    if rng.random() < 0.4:
        sc = _bounded(sc, rng)
    return sc, m


def _same_evaluation(a: Evaluation, b: Evaluation) -> None:
    for f in dataclasses.fields(Evaluation):
        va, vb = getattr(a, f.name), getattr(b, f.name)
        if isinstance(va, np.ndarray):
            assert np.array_equal(va, vb), f.name
        else:
            assert va == vb, f.name


class Both:
    """``search.settle`` replaced by: settle with both, check they agree, return the new one's."""

    def __init__(self) -> None:
        self.calls = 0
        self.seen: Counter[str] = Counter()

    def __call__(self, x: Any, sol: Any, solve: Any) -> rounding.Settled:
        old = ref.settle(x, sol, solve)
        new = rounding.settle(x, sol, solve)
        assert np.array_equal(new.shares, old.shares)
        assert np.array_equal(new.continuous_shares, old.continuous_shares)
        assert new.problems == old.problems
        assert new.notes == old.notes
        assert new.solution is not None and old.solution is not None
        assert np.array_equal(new.solution.w, old.solution.w)
        _same_evaluation(new.evaluation, old.evaluation)
        self.calls += 1
        rounded = ref._round_toward_zero(
            x, old.continuous_shares, 1.0 if x.scenario.constraints.whole_shares else ref.FRACTIONAL_LOT
        )
        if not np.array_equal(rounded, old.shares):
            self.seen["changed after rounding"] += 1
        self.seen["problems" if old.problems else "clean"] += 1
        return new


def _count_steps(monkeypatch: pytest.MonkeyPatch, seen: Counter[str]) -> None:
    """Count what the reference did (repairs by limit, fill steps), to show the scenarios exercise it."""
    real_repair, real_apply = ref._repair_once, ref._Book.apply

    def repair(x: Any, ev: Any, v: Any, shares: Any, lot: float) -> bool:
        seen[f"repair {v.limit.kind.value}"] += 1
        return real_repair(x, ev, v, shares, lot)

    def apply(self: Any, *a: Any) -> None:
        seen["fill step"] += 1
        real_apply(self, *a)

    monkeypatch.setattr(ref, "_repair_once", repair)
    monkeypatch.setattr(ref._Book, "apply", apply)


@pytest.mark.parametrize(
    ("block", "screen"), [(0, False), (1, False), (2, False), (3, False), (4, True), (5, True)]
)
def test_settle_gives_the_same_answers_as_before(
    monkeypatch: pytest.MonkeyPatch, block: int, screen: bool
) -> None:
    """``screen``: the fill step screens its candidates in numpy from two on (normally from many)."""
    both = Both()
    monkeypatch.setattr(search, "settle", both)
    if screen:
        monkeypatch.setattr(fill, "SCREEN_MIN", 2)
        real_maybe = fill._Book.maybe

        def maybe(self: Any, *a: Any) -> Any:
            both.seen["screened"] += 1
            return real_maybe(self, *a)

        monkeypatch.setattr(fill._Book, "maybe", maybe)
    _count_steps(monkeypatch, both.seen)
    real_blocks = fill._Book.vol_blocks

    def blocks(self: Any, *a: Any) -> bool:
        out = real_blocks(self, *a)
        both.seen["steps blocked by the cap"] += out
        return out

    monkeypatch.setattr(fill._Book, "vol_blocks", blocks)
    for seed in range(block * 60, (block + 1) * 60):
        sc, m = scenario(seed)
        rebalance(sc, m, FUNDS)
    assert both.calls >= 40  # infeasible ones (about 1 in 8) never settle
    # the scenarios reach the steps being compared
    assert both.seen["fill step"] > 20 and both.seen["repair vol_cap"] > 5, both.seen
    assert both.seen["changed after rounding"] > 10, both.seen
    assert (both.seen["screened"] > 20) is screen, both.seen
    assert both.seen["steps blocked by the cap"] > 20, both.seen  # the shortcut was taken
