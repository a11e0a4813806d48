"""Household results, printed exactly, for comparing two trees of the engine (a speed change must not change
an answer):

    PYTHONPATH=/path/to/old .venv/bin/python benchmarks/household_parity.py > old.txt
    PYTHONPATH=$PWD        .venv/bin/python benchmarks/household_parity.py > new.txt
    diff old.txt new.txt

Each line is one result's full ``repr`` (every float to the last bit, every reason), with the two timing
fields zeroed. The scenarios: the bundled household examples; the benchmark households (3 × 12, 6 × 20)
under edited cash, volatility caps that do and do not bind, in the order a slider sets them (the kept
answers are exercised too); and seeded random households over four tickers with lots (recent ones for
wash sales), menus, restrictions, cash flows, modes, whole or fractional shares, minimum trades, caps,
turnover, asset location, both lot methods, wash-sale avoidance on and off.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np

from engine import resources
from engine.api import resolve_market
from engine.household_result import HouseholdResult
from engine.market import MarketSnapshot
from engine.model import scenario_file as sf
from engine.model.household import Account, AccountKind, Household, Lot, Position, with_household
from engine.model.policy import LotMethod, Placement, TaxRates
from engine.model.scenario import Constraints, Mode, Scenario
from engine.optimize.household import rebalance_household

TICKERS = ["IWM", "IWN", "VBR", "SPSM"]
ON = date(2026, 11, 20)


def _examples() -> Iterator[tuple[Scenario, MarketSnapshot]]:
    for name in resources.examples():
        sc = sf.loads(resources.read_text("examples", name))
        if sc.household is None:
            continue
        m = resolve_market(sc)
        yield sc, m
        yield replace(sc, constraints=replace(sc.constraints, whole_shares=False, min_trade=0.0)), m


def _bench() -> Iterator[tuple[Scenario, MarketSnapshot]]:
    from benchmarks.bench_household import household_scenario

    for na, nt in ((3, 12), (6, 20)):
        sc, m = household_scenario(na, nt)
        yield sc, m
        a0 = sc.household.accounts[0]  # type: ignore[union-attr]
        for i in range(4):
            edited = replace(a0, cash=a0.cash + 0.01 * (i + 1) + 250.0 * (i % 2))
            hh = sc.household
            assert hh is not None
            yield with_household(sc, replace(hh, accounts=(edited, *hh.accounts[1:]))), m
        free = rebalance_household(replace(sc, constraints=replace(sc.constraints, vol_cap=None)), m)
        caps = [0.22, 0.30, *(free.vol_after * np.linspace(0.90, 0.99, 10)), 0.26, free.vol_after * 0.95]
        for cap in caps:
            yield replace(sc, constraints=replace(sc.constraints, vol_cap=float(cap))), m


def _random_household(rng: np.random.Generator) -> Household:
    accounts = []
    for i in range(int(rng.integers(1, 5))):
        kind = list(AccountKind)[int(rng.integers(0, len(AccountKind)))]
        held = rng.choice(TICKERS, size=int(rng.integers(0, 5)), replace=False)
        positions = []
        for t in held:
            shares = float(rng.integers(0, 300))
            lots: tuple[Lot, ...] = ()
            if kind is AccountKind.TAXABLE and shares > 0 and rng.random() < 0.7:
                k = int(rng.integers(1, 4))
                recent = rng.random() < 0.3
                lots = tuple(
                    Lot(
                        shares / k,
                        float(rng.integers(60, 320)),
                        date(2026, 11, int(rng.integers(1, 20)))
                        if recent and j == 0
                        else date(int(rng.integers(2019, 2027)), int(rng.integers(1, 12)), 1),
                    )
                    for j in range(k)
                )
            positions.append(Position(str(t), shares, lots=lots))
        menu = (
            None
            if rng.random() < 0.6
            else frozenset(str(t) for t in rng.choice(TICKERS, size=int(rng.integers(1, 5)), replace=False))
        )
        pick = lambda: frozenset(  # noqa: E731
            str(t) for t in rng.choice(TICKERS, size=int(rng.integers(0, 2)), replace=False)
        )
        accounts.append(
            Account(
                f"a{i}",
                f"A{i}",
                kind,
                cash=float(rng.integers(0, 20_000)),
                cash_buffer=float(rng.integers(0, 1000)),
                cash_flow=float(rng.choice([0, 0, 0, 3000, -1000])),
                positions=tuple(positions),
                no_buy=pick() if rng.random() < 0.3 else frozenset(),
                no_sell=pick() if rng.random() < 0.3 else frozenset(),
                allowed=menu,
            )
        )
    return Household("h", "H", tuple(accounts))


def _random(count: int, seed: int) -> Iterator[tuple[Scenario, MarketSnapshot]]:
    rng = np.random.default_rng(seed)
    base = sf.loads(resources.read_text("examples", "russell-core-value-satellites.coresat.toml"))
    from tests.helpers import market

    m = market(TICKERS, as_of=ON)
    for _ in range(count):
        hh = _random_household(rng)
        whole = rng.random() < 0.7
        c = Constraints(
            cost_bps=float(rng.choice([0.0, 3.0, 10.0])),
            mode=list(Mode)[int(rng.integers(0, len(Mode)))] if rng.random() < 0.2 else Mode.FULL,
            whole_shares=whole,
            min_trade=float(rng.choice([0.0, 0.0, 300.0])),
            force_rebalance=rng.random() < 0.8,
            vol_cap=[None, 0.23, 0.26][int(rng.integers(0, 3))],
            turnover_cap=[None, None, 0.05, 0.15][int(rng.integers(0, 4))],
        )
        loc = (
            {"Value": frozenset({AccountKind.ROTH_IRA, AccountKind.TRADITIONAL_IRA})}
            if rng.random() < 0.4
            else {}
        )
        tax = TaxRates(
            lot_method=LotMethod.HIFO if rng.random() < 0.3 else LotMethod.SPECIFIC,
            avoid_wash_sales=rng.random() < 0.7,
        )
        pl = Placement(taxable_sell_bps=float(rng.choice([0.0, 40.0, 50.0])), location=loc, tax=tax)
        sc = replace(base, constraints=c, market=None, placement=pl)
        if sum(p.shares for a in hh.accounts for p in a.positions) + sum(a.cash for a in hh.accounts) <= 0:
            continue
        yield with_household(sc, hh), m


def _plain(r: HouseholdResult) -> str:
    return repr(replace(r, solve_seconds=0.0, household=replace(r.household, solve_seconds=0.0)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--random", type=int, default=150, help="how many random households")
    ap.add_argument("--seed", type=int, default=9)
    args = ap.parse_args()
    import engine

    print(f"engine from {Path(engine.__file__).parent}", file=sys.stderr)
    for source in (_examples(), _bench(), _random(args.random, args.seed)):
        for sc, m in source:
            try:
                text = _plain(rebalance_household(sc, m))
            except Exception as exc:  # a refusal is an answer too: the same one, said the same way
                text = f"{type(exc).__name__}: {exc}"
            print(text)


if __name__ == "__main__":
    main()
