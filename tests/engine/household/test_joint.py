"""The joint household solve against an independent plain-cvxpy solve of the issue's rules
(tests/engine/household/reference_solve.py), the turnover cap on the real per-account trades, and the
look-through sector limit on the household's weights (numpy on the fund data)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from engine import resources
from engine.data.fund_files import bundled_snapshot
from engine.model import scenario_file as sf
from engine.model.household import Account, AccountKind, Household, Lot, Position, with_household
from engine.model.policy import Placement, TaxRates
from engine.model.scenario import Constraints
from engine.optimize.household import rebalance_household
from engine.optimize.household.run import flat_scenario
from engine.optimize.inputs import prepare
from engine.result import Status
from tests.engine.household.reference import problems
from tests.engine.household.reference_solve import objective_of, reference
from tests.helpers import core_satellite, market

TICKERS = ["IWM", "IWN", "VBR", "SPSM"]
ON = date(2026, 11, 20)


@st.composite
def households(draw: st.DrawFn) -> Household:
    n = draw(st.integers(2, 4))
    accounts = []
    for i in range(n):
        kind = draw(st.sampled_from(list(AccountKind)))
        held = draw(st.lists(st.sampled_from(TICKERS), unique=True, min_size=1, max_size=4))
        positions = []
        for t in held:
            lots = ()
            shares = float(draw(st.integers(20, 300)))
            if kind is AccountKind.TAXABLE and draw(st.booleans()):
                k = draw(st.integers(1, 3))
                split = [shares / k] * k
                lots = tuple(
                    Lot(
                        q,
                        float(draw(st.integers(60, 320))),
                        date(draw(st.integers(2019, 2026)), draw(st.integers(1, 11)), 1),
                    )
                    for q in split
                )
            positions.append(Position(t, shares, lots=lots))
        menu = draw(
            st.one_of(st.none(), st.lists(st.sampled_from(TICKERS), unique=True, min_size=1).map(frozenset))
        )
        accounts.append(
            Account(
                f"a{i}",
                f"A{i}",
                kind,
                cash=float(draw(st.integers(0, 20_000))),
                cash_buffer=float(draw(st.integers(0, 1000))),
                cash_flow=float(draw(st.sampled_from([0, 0, 3000]))),
                positions=tuple(positions),
                no_sell=frozenset(draw(st.lists(st.sampled_from(TICKERS), unique=True, max_size=1))),
                allowed=menu,
            )
        )
    return Household("h", "H", tuple(accounts))


def _scenario(hh: Household, c: Constraints, placement: Placement):  # type: ignore[no-untyped-def]
    base = sf.loads(resources.read_text("examples", "russell-core-value-satellites.coresat.toml"))
    return with_household(replace(base, constraints=c, market=None, placement=placement), hh)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: each example is a solve
)
@given(
    hh=households(),
    vol_cap=st.sampled_from([None, 0.23, 0.26]),
    turnover=st.sampled_from([None, 0.05, 0.15]),
    location=st.booleans(),
)
def test_fractional_household_matches_the_independent_joint_solve(
    hh: Household, vol_cap: float | None, turnover: float | None, location: bool
) -> None:
    c = Constraints(
        cost_bps=3.0,
        whole_shares=False,
        min_trade=0.0,
        force_rebalance=True,
        vol_cap=vol_cap,
        turnover_cap=turnover,
    )
    loc = {"Value": frozenset({AccountKind.ROTH_IRA, AccountKind.TRADITIONAL_IRA})} if location else {}
    # the reference does not model wash-sale avoidance (a second solve keeping loss lots): off here
    pl = Placement(taxable_sell_bps=40.0, location=loc, tax=TaxRates(avoid_wash_sales=False))
    sc = _scenario(hh, c, pl)
    m = market(TICKERS, as_of=ON)
    r = rebalance_household(sc, m)
    x = prepare(flat_scenario(sc, hh), m)
    sleeve_of = {tk: (name or None) for tk, name in zip(x.tickers, x.sleeve_names, strict=True)}
    ref = reference(x, hh, pl, sleeve_of, ON)
    if ref is None:
        assert r.status is Status.INFEASIBLE and r.trades == ()
        return
    w_ref, f_ref = ref
    assert r.status is not Status.INFEASIBLE, r.household.infeasibility
    assert problems(hh, c, r) == []
    f_eng = objective_of(x, hh, pl, sleeve_of, ON, r)
    assert f_eng <= f_ref + 1e-7 + 1e-4 * abs(f_ref)  # as good as the independent optimum
    assert f_eng >= f_ref - 1e-7 - 1e-4 * abs(f_ref)  # and the reference is not worse (both optimal)
    held = {a.ticker: a.shares_after * a.price for a in r.household.assets}
    w_eng = np.array([held[t] for t in x.tickers]) / x.value
    assert np.max(np.abs(w_eng - w_ref)) < 2e-3  # the household weights are unique (positive definite risk)
    if turnover is not None:  # on the real per-account trades, not the household's net
        gross = sum(t.amount for t in r.trades)
        assert gross <= turnover * x.value * (1 + 1e-7) + 1e-6


def test_turnover_cap_holds_on_gross_account_trades_with_whole_shares() -> None:
    # the taxable account is all IWM, the IRA all IWN: both rebalance inside themselves only if the
    # household's net trade is less than what they trade gross
    hh = Household(
        "h",
        "H",
        (
            Account("t", "Taxable", AccountKind.TAXABLE, cash=500.0, positions=(Position("IWM", 100.0),)),
            Account("i", "IRA", AccountKind.TRADITIONAL_IRA, cash=500.0, positions=(Position("IWN", 150.0),)),
        ),
    )
    for cap in (0.02, 0.08, 0.2):
        c = Constraints(cost_bps=2.0, turnover_cap=cap, force_rebalance=True, min_trade=50.0)
        sc = _scenario(hh, c, Placement())
        r = rebalance_household(sc, market(TICKERS, as_of=ON))
        assert problems(hh, c, r) == []
        gross = sum(t.amount for t in r.trades)
        value = sum(a.value_before for a in r.accounts)
        assert gross <= cap * value + 1e-6, (cap, gross / value)


FUNDS = bundled_snapshot().funds


def _post_trade(r) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Household weights after trading, from the accounts' shares after and values after (costs paid):
    the weights the limits are stated on."""
    price = {a.ticker: a.price for a in r.household.assets}
    value = sum(a.value_after for a in r.accounts)
    out: dict[str, float] = {}
    for a in r.accounts:
        for t, sh in a.shares_after.items():
            out[t] = out.get(t, 0.0) + sh * price[t] / value
    return out


def test_household_keeps_a_look_through_sector_limit() -> None:
    base = core_satellite(
        {},
        core={"IWM": 0.6},
        satellites={"Value": {"IWN": 0.2}, "Financials": {"XLF": 0.2}},
        constraints=Constraints(force_rebalance=True),
    )
    hh = Household(
        "h",
        "H",
        (
            Account(
                "t",
                "Taxable",
                AccountKind.TAXABLE,
                cash=2000.0,
                positions=(Position("IWM", 300.0), Position("XLF", 150.0)),
            ),
            Account(
                "i",
                "IRA",
                AccountKind.TRADITIONAL_IRA,
                cash=1000.0,
                positions=(Position("IWN", 50.0), Position("XLF", 80.0)),
            ),
            Account("r", "Roth", AccountKind.ROTH_IRA, cash=3000.0, positions=(Position("IWM", 100.0),)),
        ),
    )
    m = market(["IWM", "IWN", "XLF"], as_of=ON)
    fin = {t: (FUNDS[t].sectors or {}).get("Financials", 0.0) for t in ("IWM", "IWN", "XLF")}
    free = rebalance_household(with_household(base, hh), m, FUNDS)
    exposure_free = sum(fin[t] * w for t, w in _post_trade(free).items())
    cap = round(exposure_free - 0.02, 3)
    sc = with_household(
        replace(base, constraints=replace(base.constraints, sector_max={"Financials": cap})), hh
    )
    r = rebalance_household(sc, m, FUNDS)
    assert r.status is Status.OK
    assert problems(hh, sc.constraints, r) == []
    exposure = sum(fin[t] * w for t, w in _post_trade(r).items())
    assert exposure <= cap + 1e-9 < exposure_free
    reported = next(e for e in r.household.sector_exposures if e.sector == "Financials")
    assert reported.after == pytest.approx(exposure, abs=1e-9)


@pytest.mark.parametrize("name", [n for n in resources.examples() if "household" in n or "401k" in n])
def test_example_households_are_as_good_as_the_reference_before_rounding(name: str) -> None:
    sc = sf.loads(resources.read_text("examples", name))
    assert sc.household is not None
    hh = sc.household
    frac = replace(
        sc, constraints=replace(sc.constraints, whole_shares=False, min_trade=0.0, force_rebalance=True)
    )
    from engine.api import resolve_market

    m = resolve_market(sc)
    r = rebalance_household(frac, m)
    x = prepare(flat_scenario(frac, hh), m)
    sleeve_of = {tk: (name or None) for tk, name in zip(x.tickers, x.sleeve_names, strict=True)}
    ref = reference(x, hh, frac.placement, sleeve_of, m.as_of)
    assert ref is not None and r.status is Status.OK
    f_eng = objective_of(x, hh, frac.placement, sleeve_of, m.as_of, r)
    assert abs(f_eng - ref[1]) <= 1e-7 + 1e-4 * abs(ref[1])


def test_one_taxable_account_with_lots_weighs_its_taxes() -> None:
    """One taxable account whose IWM carries a large long-term gain: the answer is the independent
    optimum with the lots' taxes counted, and it sells less IWM than the same account without lots."""
    lots = (Lot(150, 60.0, date(2015, 1, 2)), Lot(50, 228.0, date(2020, 1, 2)))
    acct = Account(
        "t", "Brokerage", AccountKind.TAXABLE, cash=300.0, positions=(Position("IWM", 200.0, lots=lots),)
    )
    c = Constraints(cost_bps=2.0, whole_shares=False, min_trade=0.0, force_rebalance=True)
    pl = Placement()
    hh = Household("h", "H", (acct,))
    sc = _scenario(hh, c, pl)
    m = market(TICKERS, as_of=ON)
    r = rebalance_household(sc, m)
    x = prepare(flat_scenario(sc, hh), m)
    sleeve_of = {tk: (name or None) for tk, name in zip(x.tickers, x.sleeve_names, strict=True)}
    ref = reference(x, hh, pl, sleeve_of, ON)
    assert ref is not None and r.status is Status.OK
    assert abs(objective_of(x, hh, pl, sleeve_of, ON, r) - ref[1]) <= 1e-7 + 1e-4 * abs(ref[1])
    plain = rebalance_household(
        _scenario(Household("h", "H", (replace(acct, positions=(Position("IWM", 200.0),)),)), c, pl), m
    )
    sold = {t.ticker: t.shares for t in r.trades if t.side.value == "sell"}
    sold_plain = {t.ticker: t.shares for t in plain.trades if t.side.value == "sell"}
    assert sold.get("IWM", 0.0) < sold_plain["IWM"]


def test_household_keeps_a_company_cap_through_hand_built_funds() -> None:
    from engine.data.funds import FundData
    from engine.data.funds import Holding as FundHolding

    share = {"IWM": 0.04, "IWN": 0.02, "XLF": 0.12}  # X Corp's weight in each fund
    funds = {
        t: FundData(t, "hand-built", date(2025, 1, 2), holdings=(FundHolding("XCO", "X Corp", w),))
        for t, w in share.items()
    }
    base = core_satellite(
        {},
        core={"IWM": 0.6},
        satellites={"Value": {"IWN": 0.2}, "Financials": {"XLF": 0.2}},
        constraints=Constraints(force_rebalance=True, company_max={"XCO": 0.05}),
    )
    hh = Household(
        "h",
        "H",
        (
            Account("t", "Taxable", AccountKind.TAXABLE, cash=500.0, positions=(Position("XLF", 400.0),)),
            Account("i", "IRA", AccountKind.TRADITIONAL_IRA, cash=9000.0, positions=(Position("IWM", 60.0),)),
        ),
    )
    r = rebalance_household(with_household(base, hh), market(["IWM", "IWN", "XLF"], as_of=ON), funds)
    assert r.status is Status.OK and problems(hh, base.constraints, r) == []
    before = sum(share[t] * w for t, w in r.weights_before.items() if t != "CASH")
    after = sum(share[t] * w for t, w in _post_trade(r).items())
    assert before > 0.05 >= after - 1e-9  # over the cap before; the accounts' real holdings keep it
