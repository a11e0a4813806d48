"""Every word the engine says, checked against the numbers on random scenarios (hypothesis).

The scenarios mix what makes words go wrong: a binding volatility cap, a turnover cap (0 % included),
withdrawals and contributions, a cash buffer, bounds on tickers, sleeves and the small caps, no-buy /
no-sell lists, buy-only / sell-only, a holding outside the targets. ``words_check`` reads only the result's
rows, the scenario and the message ids.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from engine.model.scenario import (
    AssetTarget,
    Constraints,
    Holding,
    Mode,
    Portfolio,
    Role,
    Scenario,
    Sleeve,
    TargetTree,
)
from engine.optimize import rebalance
from tests.engine.optimize.words_check import check_words
from tests.helpers import market

SMALL = ["IWM", "VTWO", "IWN", "IWO", "VBR", "VBK", "IJR", "SPSM"]


@st.composite
def scenarios(
    draw: st.DrawFn, small_pool: tuple[str, ...] = tuple(SMALL), bonds: str = "AGG", stray: str = "SPY"
) -> Scenario:
    n = draw(st.integers(2, 5))
    small = draw(st.permutations(small_pool))[:n]
    raw = [draw(st.floats(0.05, 1.0)) for _ in small]

    def bound() -> float | None:  # mostly none: a bound on everything is mostly infeasible
        return draw(st.floats(0.0, 0.6)) if draw(st.integers(0, 29)) == 0 else None

    sleeves = []
    for i, (tk, w) in enumerate(zip(small, raw, strict=True)):
        lo, hi = bound(), bound()
        sleeves.append(
            Sleeve(
                name="Core" if i == 0 else f"S{i}",
                role=Role.CORE if i == 0 else Role.SATELLITE,
                weight=w / sum(raw),
                assets=(AssetTarget(tk, 1.0, min_weight=bound() or 0.0, max_weight=bound() or 1.0),),
                min_weight=min(lo or 0.0, hi or 1.0),
                max_weight=max(lo or 0.0, hi or 1.0),
            )
        )
    outside = draw(st.booleans())
    small_w = 1.0
    sc_min, sc_max = 0.0, 1.0
    tickers = list(small)
    if outside:
        small_w = draw(st.floats(0.3, 0.8))
        sleeves.append(Sleeve("Bonds", Role.OUTSIDE, 1.0 - small_w, (AssetTarget(bonds, 1.0),)))
        tickers.append(bonds)
        sc_min = draw(st.sampled_from([0.0, 0.0, 0.0, small_w + 0.1]))
        sc_max = draw(st.sampled_from([1.0, 1.0, 1.0, small_w - 0.1]))
    if draw(st.booleans()):
        tickers.append(stray)  # held, not in the targets
    holdings = {t: draw(st.sampled_from([0.0, 1.0, 7.0, 25.0, 80.0, 300.0, 12.5])) for t in tickers}
    mode = draw(st.sampled_from(list(Mode)))
    flow = {
        Mode.FULL: draw(st.sampled_from([0.0, 5_000.0, -3_000.0, -20_000.0])),
        Mode.BUY_ONLY: draw(st.sampled_from([0.0, 10_000.0])),
        Mode.SELL_ONLY: draw(st.sampled_from([0.0, -4_000.0])),
    }[mode]
    constraints = Constraints(
        vol_cap=draw(st.one_of(st.none(), st.floats(0.04, 0.3), st.floats(0.14, 0.22))),
        turnover_cap=draw(st.one_of(st.none(), st.just(0.0), st.floats(0.02, 0.6))),
        cost_bps=draw(st.sampled_from([0.0, 1.0, 5.0, 25.0])),
        min_trade=draw(st.sampled_from([0.0, 100.0, 1_000.0])),
        whole_shares=draw(st.booleans()),
        min_cash=draw(st.sampled_from([0.0, 500.0, 2_000.0])),
        no_buy=frozenset(draw(st.lists(st.sampled_from(tickers), max_size=1))),
        no_sell=frozenset(draw(st.lists(st.sampled_from(tickers), max_size=1))),
        mode=mode,
        cash_flow=flow,
        force_rebalance=draw(st.booleans()),
    )
    sc = Scenario(
        name="words",
        portfolio=Portfolio(
            holdings=tuple(Holding(t, s) for t, s in holdings.items()),
            cash=draw(st.sampled_from([0.0, 1_000.0, 20_000.0])),
        ),
        targets=TargetTree(
            sleeves=tuple(sleeves), small_cap_weight=small_w, small_cap_min=sc_min, small_cap_max=sc_max
        ),
        constraints=constraints,
    )
    try:
        sc.validate()
    except Exception:
        assume(False)
    total = sum(holdings.values()) + sc.portfolio.cash + flow
    assume(total > 0 and sc.portfolio.cash + sum(holdings.values()) * 20 + flow > 0)
    return sc


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
@given(scenarios())
def test_every_word_follows_from_the_numbers(sc: Scenario) -> None:
    try:
        r = rebalance(sc, market(list(sc.universe)))
    except Exception as exc:  # bad input is the scenario's, not the words'
        from engine.errors import CoresatError

        assume(not isinstance(exc, CoresatError))
        raise
    check_words(sc, r)


def _example_names() -> list[str]:
    from engine import resources

    return resources.examples()


@pytest.mark.parametrize("name", _example_names())
def test_the_bundled_examples_say_only_true_words(name: str) -> None:
    from engine import resources
    from engine.api import rebalance_file
    from engine.model import scenario_file

    path = resources.path("examples", name)
    check_words(scenario_file.load(path), rebalance_file(path, force_demo=True))
