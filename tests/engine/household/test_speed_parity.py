"""The household's faster code gives the answers its plain versions give, exactly (issue #9's speed work
must not change a trade, a number or a word):

- per-ticker sums without the sparse product, bit for bit;
- whole-share rounding against the plain loop it replaced (kept here as the reference);
- each trade's "why in this account" clauses against the plain clause functions, which find every
  holder themselves;
- a result built with kept account rows (an edit of one account's cash, of a position, of a name, a new
  volatility cap) against the same result built with nothing kept.
"""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine import resources
from engine.household_result import HouseholdResult
from engine.model import scenario_file as sf
from engine.model.household import AccountKind, Household, with_household
from engine.model.policy import Placement, TaxRates
from engine.model.scenario import Constraints, Mode
from engine.optimize.household import account_rows, rows
from engine.optimize.household import run as hh_run
from engine.optimize.household.book import _make_book
from engine.optimize.household.explain import buy_clause, english_clauses, sell_clause
from engine.optimize.household.joint import per_ticker
from engine.optimize.household.layout import Layout
from engine.optimize.household.solve import cash_left, round_trades
from tests.engine.household.test_joint import ON, TICKERS, households
from tests.engine.household.test_optimizer import households as optimizer_households
from tests.helpers import market


def test_per_ticker_sums_are_the_sparse_products_bit_for_bit() -> None:
    rng = np.random.default_rng(9)
    for _ in range(3000):
        na, n = int(rng.integers(1, 8)), int(rng.integers(1, 30))
        g = sp.hstack([sp.identity(n, format="csr")] * na, format="csr")
        v = rng.standard_normal(na * n) * 10.0 ** rng.integers(-12, 3, size=na * n)
        zero = rng.random(na * n) < 0.4
        v[zero] = rng.choice([0.0, -0.0, 1e-300, -5e-324], size=int(zero.sum()))
        if rng.random() < 0.3:
            v = np.clip(v, 0.0, None)
        assert per_ticker(Layout(na, n, ()), v).tobytes() == (g @ v).tobytes()


def _plain_round(
    x: Any, book: Any, sol: Any, whole: bool, fixed: np.ndarray | None = None
) -> tuple[Any, Any]:
    """round_trades as it was written before the speed work (one loop step per ticker)."""
    p = x.prices
    b = sol.buys * x.value / p[None, :]
    s = np.minimum(sol.sells * x.value / p[None, :], book.held)
    net = np.minimum(b, s)
    b, s = b - net, s - net
    noise = 1e-8 * x.value / p[None, :]
    frozen = np.zeros(b.shape, dtype=bool) if fixed is None else fixed
    b[(b < noise) | ~book.may_buy | frozen] = 0.0
    s[(s < noise) | ~book.may_sell | frozen] = 0.0
    assert whole
    cb, cs = b, s
    b = np.floor(cb + 1e-7)
    s = np.minimum(np.round(cs), book.held)
    s = np.where((cs > 0) & (s == 0) & (cs >= book.held - 1e-7), book.held, s)
    left = cash_left(x, book, b, s)
    for a in range(len(book.accounts)):
        if left[a] < 0:
            for t in np.argsort(-(cs[a] - np.floor(cs[a]))):
                if left[a] >= 0:
                    break
                up = min(np.ceil(cs[a, t] - 1e-7), book.held[a, t])
                if up > s[a, t]:
                    left[a] += (up - s[a, t]) * p[t] * (1 - x.kappa[t])
                    s[a, t] = up
        for t in np.argsort(-(cb[a] - b[a])):
            gap = cb[a, t] - b[a, t]
            per = p[t] * (1 + x.kappa[t])
            if gap >= 0.5 and left[a] >= per and s[a, t] == 0:
                b[a, t] += 1
                left[a] -= per
        while left[a] < -1e-9:
            t = int(np.argmax(b[a] * p))
            if b[a, t] <= 0:
                break
            b[a, t] -= 1
            left[a] += p[t] * (1 + x.kappa[t])
    return b, s


def test_whole_share_rounding_is_the_plain_loops() -> None:
    rng = np.random.default_rng(4)
    for _ in range(400):
        na, n = int(rng.integers(1, 6)), int(rng.integers(1, 25))
        prices = rng.uniform(5, 500, n)
        held = np.floor(rng.uniform(0, 300, (na, n))) * (rng.random((na, n)) < 0.6)
        value = float((held * prices).sum() + rng.uniform(1_000, 50_000))
        x = SimpleNamespace(prices=prices, value=value, kappa=rng.choice([0.0, 3e-4, 1e-3], n))
        book = SimpleNamespace(
            held=held,
            may_buy=rng.random((na, n)) < 0.8,
            may_sell=(rng.random((na, n)) < 0.8) & (held > 0),
            room=rng.uniform(-500, 5_000, na),
            accounts=[None] * na,
        )
        scale = prices[None, :] / value
        sol = SimpleNamespace(
            buys=rng.uniform(0, 40, (na, n)) * (rng.random((na, n)) < 0.5) * scale,
            sells=rng.uniform(0, 1.2, (na, n)) * held * (rng.random((na, n)) < 0.5) * scale,
        )
        fixed = rng.random((na, n)) < 0.1
        got = round_trades(x, book, sol, True, fixed)  # type: ignore[arg-type]
        want = _plain_round(x, book, sol, True, fixed)
        assert got[0].tobytes() == want[0].tobytes() and got[1].tobytes() == want[1].tobytes()


def _scenario(hh: Household, vol_cap: float | None, location: bool):  # type: ignore[no-untyped-def]
    base = sf.loads(resources.read_text("examples", "russell-core-value-satellites.coresat.toml"))
    c = Constraints(cost_bps=3.0, min_trade=100.0, force_rebalance=True, vol_cap=vol_cap)
    loc = {"Value": frozenset({AccountKind.ROTH_IRA, AccountKind.TRADITIONAL_IRA})} if location else {}
    pl = Placement(taxable_sell_bps=40.0, location=loc, tax=TaxRates())
    return with_household(replace(base, constraints=c, market=None, placement=pl), hh)


def _plain(r: HouseholdResult) -> str:
    return repr(replace(r, solve_seconds=0.0, household=replace(r.household, solve_seconds=0.0)))


def _fresh(sc, m) -> HouseholdResult:  # type: ignore[no-untyped-def]
    """The result with no account row or result core kept from an earlier call."""
    account_rows._ROWS.clear()
    rows._CORES.clear()
    return hh_run.rebalance_household(sc, m)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hh=households(), vol_cap=st.sampled_from([None, 0.24]), location=st.booleans())
def test_clauses_are_the_plain_clause_functions(hh: Household, vol_cap: float | None, location: bool) -> None:
    sc = _scenario(hh, vol_cap, location)
    m = market(TICKERS, as_of=ON)
    r = _fresh(sc, m)
    sold = {(t.account_id, t.ticker): t.shares for t in r.trades if t.side.value == "sell"}
    for row in r.accounts:
        a = hh.account(row.id)
        sold_here = [t.ticker for t in row.trades if t.side.value == "sell"]
        order = {tk: i for i, tk in enumerate(sc.universe)}
        sold_here.sort(key=lambda tk: order.get(tk, len(order)))
        for t in row.trades:
            if t.side.value == "sell":
                elsewhere = {o.id: sold.get((o.id, t.ticker), 0.0) for o in hh.accounts if o.id != a.id}
                want = sell_clause(
                    hh, a, t.ticker, t.shares, t.price, sc.placement, m.as_of, t.lots, elsewhere
                )
            else:
                sleeve = next(
                    (s.name for s in sc.targets.sleeves for x in s.assets if x.ticker == t.ticker), None
                )
                want = buy_clause(
                    hh,
                    a,
                    t.ticker,
                    sleeve,
                    sold_here,
                    row.cash_before,
                    row.cash_after,
                    sc.placement,
                    t.amount,
                )
            assert t.where == want
            assert t.reason.endswith(english_clauses(want))


def _edits(sc, hh: Household):  # type: ignore[no-untyped-def]
    """Every single edit of every account (cash, the first position's shares, name, kind), and a cap."""
    yield replace(sc, constraints=replace(sc.constraints, vol_cap=0.24))
    for k, a in enumerate(hh.accounts):
        p0 = a.positions[0] if a.positions else None
        kind = AccountKind.ROTH_IRA if a.kind is AccountKind.TAXABLE else AccountKind.TAXABLE
        for a2 in (
            replace(a, cash=a.cash + 0.01),
            replace(a, name=a.name + " (joint)"),
            replace(a, kind=kind),
            replace(a, positions=(replace(p0, shares=p0.shares + 1.0, lots=()), *a.positions[1:]))
            if p0
            else a,
        ):
            if a2 is not a:
                yield with_household(sc, replace(hh, accounts=(*hh.accounts[:k], a2, *hh.accounts[k + 1 :])))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hh=households(), location=st.booleans())
def test_kept_rows_are_the_rows_built_afresh(hh: Household, location: bool) -> None:
    sc = _scenario(hh, None, location)
    m = market(TICKERS, as_of=ON)
    want = _plain(_fresh(sc, m))
    for edited in _edits(sc, hh):
        hh_run.rebalance_household(sc, m)  # rows and cores kept from the unedited household
        kept = _plain(hh_run.rebalance_household(edited, m))
        assert kept == _plain(_fresh(edited, m))
    hh_run.rebalance_household(edited, m)
    assert _plain(hh_run.rebalance_household(sc, m)) == want  # and back, from what the edits kept


@pytest.mark.parametrize("name", [n for n in resources.examples() if "household" in n or "401k" in n])
def test_example_households_with_kept_rows_are_as_built_afresh(name: str) -> None:
    from engine.api import resolve_market

    sc = sf.loads(resources.read_text("examples", name))
    m = resolve_market(sc)
    want = _plain(_fresh(sc, m))
    assert _plain(hh_run.rebalance_household(sc, m)) == want
    assert sc.household is not None
    a0 = sc.household.accounts[0]
    edited = with_household(
        sc, replace(sc.household, accounts=(replace(a0, cash=a0.cash + 5.0), *sc.household.accounts[1:]))
    )
    assert _plain(hh_run.rebalance_household(edited, m)) == _plain(_fresh(edited, m))


def _plain_book(hh: Household, x: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray, tuple[Any, ...]]:
    """book._make_book's arrays as they were built before the speed work (element by element)."""
    c = x.scenario.constraints
    na, n = len(hh.accounts), x.n
    col = {t: i for i, t in enumerate(x.tickers)}
    held = np.zeros((na, n))
    mb = np.ones((na, n), dtype=bool)
    ms = np.ones((na, n), dtype=bool)
    lots: list[tuple[int, int, int]] = []
    for a, acct in enumerate(hh.accounts):
        taxable = not acct.kind.tax_advantaged
        for pos in acct.positions:
            t = col.get(pos.ticker)
            if t is None:
                continue
            held[a, t] += pos.shares
            if taxable and pos.lots and not any(la == a and lt == t for la, lt, _ in lots):
                lots += [(a, t, k) for k in range(len(pos.lots))]
        mb[a, [col[t] for t in acct.no_buy if t in col]] = False
        if acct.allowed is not None:
            mb[a] &= np.array([t in acct.allowed for t in x.tickers], dtype=bool)
        ms[a, [col[t] for t in acct.no_sell if t in col]] = False
    never_buy = np.array([t in c.no_buy for t in x.tickers], dtype=bool)
    never_sell = np.array([t in c.no_sell for t in x.tickers], dtype=bool)
    mb &= ~never_buy[None, :] & (c.mode is not Mode.SELL_ONLY)
    ms &= ~never_sell[None, :] & (c.mode is not Mode.BUY_ONLY) & (held > 0)
    return held, mb, ms, tuple(sorted(lots))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    hh=st.one_of(households(), optimizer_households()),
    mode=st.sampled_from(list(Mode)),
    no_buy=st.lists(st.sampled_from(TICKERS), unique=True, max_size=2),
    no_sell=st.lists(st.sampled_from(TICKERS), unique=True, max_size=2),
)
def test_book_arrays_are_the_plain_loops(
    hh: Household, mode: Mode, no_buy: list[str], no_sell: list[str]
) -> None:
    c = Constraints(mode=mode, no_buy=frozenset(no_buy), no_sell=frozenset(no_sell))
    base = sf.loads(resources.read_text("examples", "russell-core-value-satellites.coresat.toml"))
    flat = hh_run.flat_scenario(with_household(replace(base, constraints=c, market=None), hh), hh)
    x = SimpleNamespace(scenario=flat, tickers=tuple(TICKERS), n=len(TICKERS))
    book = _make_book(hh, x)  # type: ignore[arg-type]
    held, mb, ms, lots = _plain_book(hh, x)
    assert book.held.tobytes() == held.tobytes()
    assert (book.may_buy == mb).all() and (book.may_sell == ms).all() and book.lots == lots
