"""Household rebalance speed: several accounts, one set of targets.

    .venv/bin/python benchmarks/bench_household.py [--repeat N]

For 3 accounts × 12 tickers and 6 accounts × 20 tickers (holdings spread over taxable, IRA, Roth, 401(k)
and HSA accounts, the 401(k) with a menu), median time of
- whole: ``rebalance_household`` end to end (inputs, the joint household problem, whole shares per
  account, the household limit checks, lots and taxes, the per-account checker, reasons, the result), with
  the cached compiled problem — what a GUI edit costs. Each call edits the first account's cash by a
  different number of cents, so every call solves; what an earlier call left that the edit does not touch
  is reused: the compiled problem and the rows of the other accounts (engine.optimize.household.
  account_rows: a row is kept under everything it reads, the edited account's is rebuilt);
- whole, rows afresh: the same with no account row kept (each call builds every account's row);
- re-solve: the same with a different volatility cap each call (22 % .. 30 %), as a slider would set. At
  these caps the household's answer without a cap already keeps the cap, so the joint problem reuses it
  (engine.optimize.household.joint: exact, not an approximation) and no solver runs;
- re-solve (cap binds): caps 90 % .. 99 % of the uncapped answer's volatility, each a real solve of the
  capped problem (the uncapped one, solved once, says the cap binds);
- solve only: the joint problem's solves and rounding (solve_household) on prepared inputs, with the
  cached cap-free answer — the part the solver no longer repeats;
- joint (binds): the household problem's own re-solve at the binding caps (both stages: the capped cone
  program and the tie-break QP; no rounding, no result).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.model.household import Account, AccountKind, Household, Position, with_household
from engine.model.scenario import Constraints
from engine.optimize.household import account_rows
from engine.optimize.household import run as hh_run
from engine.optimize.household.book import book_of
from engine.optimize.household.solve import solve_household
from engine.optimize.inputs import prepare
from tests.helpers import core_satellite, market, random_market

KINDS = (
    AccountKind.TAXABLE,
    AccountKind.TRADITIONAL_IRA,
    AccountKind.ROTH_IRA,
    AccountKind.K401,
    AccountKind.HSA,
)


def household_scenario(n_accounts: int, n_tickers: int):  # type: ignore[no-untyped-def]
    m = market() if n_tickers == 12 else random_market(n_tickers, seed=n_tickers)
    tk = list(m.tickers)
    sats = {"Satellites": {t: 0.3 / (n_tickers - 1) for t in tk[1:]}}
    rng = np.random.default_rng(n_accounts * 100 + n_tickers)
    base = core_satellite(
        {},
        core={tk[0]: 0.7},
        satellites=sats,
        constraints=Constraints(vol_cap=0.30, cost_bps=2.0, min_trade=100.0, force_rebalance=True),
    )
    accounts = []
    for a in range(n_accounts):
        kind = KINDS[a % len(KINDS)]
        held = rng.choice(tk, size=max(2, n_tickers // 2), replace=False)
        positions = tuple(Position(str(t), float(rng.integers(5, 200))) for t in held)
        menu = frozenset(tk[: n_tickers // 2]) if kind is AccountKind.K401 else None
        accounts.append(
            Account(
                f"a{a}",
                f"Account {a}",
                kind,
                cash=float(rng.integers(500, 8000)),
                cash_buffer=100.0,
                positions=positions,
                allowed=menu,
            )
        )
    return with_household(base, Household("h", "Bench", tuple(accounts))), m


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def bench(n_accounts: int, n_tickers: int, repeat: int) -> dict[str, float]:
    sc, m = household_scenario(n_accounts, n_tickers)
    hh_run.rebalance_household(sc, m)  # build and cache the household problem
    whole, afresh, resolve, binding, plan, place = [], [], [], [], [], []
    caps = np.linspace(0.22, 0.30, 9)
    vol_free = hh_run.rebalance_household(
        replace(sc, constraints=replace(sc.constraints, vol_cap=None)), m
    ).vol_after
    tight = vol_free * np.linspace(0.90, 0.99, 10)
    a0 = sc.household.accounts[0]
    flat = hh_run.flat_scenario(sc, sc.household)
    x = prepare(flat, m)
    book = book_of(sc.household, x)
    sleeves = tuple(n or None for n in x.sleeve_names)
    for i in range(repeat):
        edited = replace(a0, cash=a0.cash + 0.01 * (i + 1))
        sc1 = with_household(sc, replace(sc.household, accounts=(edited, *sc.household.accounts[1:])))
        t = time.perf_counter()
        r = hh_run.rebalance_household(sc1, m)
        whole.append(time.perf_counter() - t)
        edited = replace(a0, cash=a0.cash - 0.01 * (i + 1))
        sc1 = with_household(sc, replace(sc.household, accounts=(edited, *sc.household.accounts[1:])))
        account_rows._ROWS.clear()
        t = time.perf_counter()
        hh_run.rebalance_household(sc1, m)
        afresh.append(time.perf_counter() - t)
        sc2 = replace(sc, constraints=replace(sc.constraints, vol_cap=float(caps[i % len(caps)])))
        t = time.perf_counter()
        hh_run.rebalance_household(sc2, m)
        resolve.append(time.perf_counter() - t)
        sc3 = replace(sc, constraints=replace(sc.constraints, vol_cap=float(tight[i % len(tight)])))
        t = time.perf_counter()
        hh_run.rebalance_household(sc3, m)
        binding.append(time.perf_counter() - t)
        t = time.perf_counter()
        prepare(flat, m)
        plan.append(time.perf_counter() - t)
        t = time.perf_counter()
        solve_household(x, book, sc.placement, sleeves, m.as_of)
        place.append(time.perf_counter() - t)
    assert not r.check_problems, r.check_problems
    joint_binds = _joint_binding(sc, m, tight, repeat * 10)
    return {
        "whole": median_ms(whole),
        "afresh": median_ms(afresh),
        "re-solve": median_ms(resolve),
        "binding": median_ms(binding),
        "inputs": median_ms(plan),
        "solve": median_ms(place),
        "trades": float(len(r.trades)),
        "joint": joint_binds,
    }


def _joint_binding(sc, m, caps: np.ndarray, n: int) -> float:  # type: ignore[no-untyped-def]
    """Median ms of the household problem's own re-solve at caps that bind: both stages (the capped cone
    program, the tie-break QP), no rounding, no result — what a slider moved below the uncapped answer's
    volatility costs the solver (the cap-free answer is reused)."""
    from engine.optimize.household.book import params
    from engine.optimize.household.joint import joint_problem
    from engine.optimize.household.layout import Layout

    flat = hh_run.flat_scenario(sc, sc.household)
    x = prepare(flat, m)
    book = book_of(sc.household, x)
    sleeves = tuple(s or None for s in x.sleeve_names)
    lay = Layout(len(book.accounts), x.n, tuple(a * x.n + t for a, t, _ in book.lots))
    prob = joint_problem(x, lay)
    ap = params(x, book, sc.placement, sleeves, m.as_of, np.zeros(book.held.shape, dtype=bool), frozenset())
    times = []
    for i in range(n):
        t = time.perf_counter()
        prob.solve(x, ap, vol_cap=float(caps[i % len(caps)]))
        times.append(time.perf_counter() - t)
    return median_ms(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    print(
        f"{'household':<22} {'whole':>9} {'(afresh)':>9} {'re-solve':>9} {'(binds)':>9} {'inputs':>9} "
        f"{'solve':>10} trades {'joint (binds)':>14}"
    )
    for na, nt, target in ((3, 12, "≤ 5 ms whole, ≤ 2 ms re-solve"), (6, 20, "≤ 20 ms")):
        r = bench(na, nt, args.repeat)
        print(
            f"{na} accounts × {nt} tickers {r['whole']:>7.2f}ms {r['afresh']:>7.2f}ms {r['re-solve']:>7.2f}ms "
            f"{r['binding']:>7.2f}ms "
            f"{r['inputs']:>7.2f}ms "
            f"{r['solve']:>8.2f}ms {r['trades']:>5.0f} {r['joint']:>12.2f}ms   target {target}"
        )


if __name__ == "__main__":
    main()
