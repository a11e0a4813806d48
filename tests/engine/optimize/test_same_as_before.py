"""The faster inputs, result rows, explanations, messages and validation give exactly what they gave before.

``legacy/`` holds a frozen copy of main's code before the speed-up (rebalance with its own ``prepare``,
``_result``, explanations, bindings, English formatter and scenario validation; the solver and the
whole-share settling are shared). Every field of the result — numbers compared with ``==``, every sentence,
every message id and value — must be the same on random scenarios, the bundled examples and the benchmark
scenarios; validation must raise the same first error (or none) on random broken scenarios, before and
after its per-part cache has seen them.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from benchmarks.bench_rebalance import scenario as bench_scenario
from engine.errors import CoresatError
from engine.messages import (
    ENGLISH,
    Count,
    Formatter,
    Message,
    MessageId,
    Money,
    Name,
    Names,
    Parts,
    Percent,
    Points,
    Shares,
    Ticker,
    english,
)
from engine.model.scenario import (
    AssetTarget,
    Band,
    DataSettings,
    Holding,
    Mode,
    Scenario,
    validate_scenario,
)
from engine.optimize import rebalance
from engine.optimize.inputs import prepare
from engine.optimize.limit_id import LimitId, LimitKind
from engine.result import RebalanceResult
from tests.engine.optimize.legacy import format_old, inputs_old, rebalancer_old, scenario_old
from tests.engine.optimize.test_explain_words import scenarios
from tests.helpers import market

SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)


def _plain(r: RebalanceResult) -> dict[str, Any]:
    d = dataclasses.asdict(r)
    d.pop("solve_seconds")
    return d


def _same(a: object, b: object, where: str = "") -> None:
    """Equal, with the path of the first difference in the failure (floats exactly, NaN equal to NaN)."""
    if isinstance(a, dict) and isinstance(b, dict):
        assert list(a) == list(b), where
        for k in a:
            _same(a[k], b[k], f"{where}.{k}")
    elif isinstance(a, list | tuple) and isinstance(b, list | tuple):
        assert type(a) is type(b) and len(a) == len(b), where
        for i, (u, v) in enumerate(zip(a, b, strict=True)):
            _same(u, v, f"{where}[{i}]")
    elif isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        assert np.array_equal(np.asarray(a), np.asarray(b), equal_nan=True), where
    elif isinstance(a, float) and isinstance(b, float) and math.isnan(a):
        assert math.isnan(b), where
    else:
        assert type(a) is type(b) and a == b, f"{where}: {a!r} != {b!r}"


def _both(sc: Scenario, mk: Any, *, explain: bool = True) -> None:
    def run(f: Any) -> tuple[str, Any]:
        try:
            return "ok", _plain(f(sc, mk, explain=explain))
        except CoresatError as exc:
            return "error", (type(exc), str(exc))

    new, old = run(rebalance), run(rebalancer_old.rebalance)
    _same(new, old)
    if new[0] == "ok":  # rows built by make_row hold exactly their fields, as the generated __init__ sets
        r = rebalance(sc, mk, explain=explain)
        for row in (r, *r.assets, *r.sleeves, *r.trades):
            assert sorted(vars(row)) == sorted(f.name for f in dataclasses.fields(row))
            assert row == type(row)(**vars(row))
    assert new[0] == "error" or new[1]["status"] is not None


@SETTINGS
@given(scenarios(), st.booleans())
def test_rebalance_gives_what_it_gave(sc: Scenario, explain: bool) -> None:
    _both(sc, market(list(sc.universe)), explain=explain)


@pytest.mark.parametrize("n", [12, 30, 50])
def test_benchmark_scenarios_give_what_they_gave(n: int) -> None:
    sc, mk = bench_scenario(n)
    _both(sc, mk)
    _both(sc, mk)  # a second call in the same process (validation and problem caches warm)


def _example_names(household: bool) -> list[str]:
    """The bundled examples that are (or are not) households: each test takes only the ones it applies to."""
    from engine import resources
    from engine.model import scenario_file

    return [
        n
        for n in resources.examples()
        if (scenario_file.load(resources.path("examples", n)).household is not None) is household
    ]


@pytest.mark.parametrize("name", _example_names(household=False))
def test_the_bundled_examples_give_what_they_gave(name: str) -> None:
    from engine import resources
    from engine.api import resolve_market
    from engine.model import scenario_file

    sc = scenario_file.load(resources.path("examples", name))
    assert sc.household is None
    _both(sc, resolve_market(sc, force_demo=True))


@pytest.mark.parametrize("name", _example_names(household=True))
def test_household_results_are_built_as_before(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The household package builds its RebalanceResult with the single-account ``_result``: on the very
    arguments it passes, the new one gives what the old one gave."""
    from engine import resources
    from engine.api import resolve_market
    from engine.model import scenario_file
    from engine.optimize.household import run

    sc = scenario_file.load(resources.path("examples", name))
    assert sc.household is not None
    built = run.household_rebalance_result
    calls: list[int] = []

    def both(*args: Any, **kwargs: Any) -> RebalanceResult:
        new = built(*args, **kwargs)
        _same(_plain(new), _plain(rebalancer_old._result(*args, **kwargs)))
        calls.append(1)
        return new

    monkeypatch.setattr(run, "household_rebalance_result", both)
    run.rebalance_household(sc, resolve_market(sc, force_demo=True))
    assert calls


def _inputs_equal(a: object, b: object) -> None:
    for f in dataclasses.fields(a):  # type: ignore[arg-type]
        u, v = getattr(a, f.name), getattr(b, f.name)
        if f.name in ("nodes", "look_through"):
            assert len(u) == len(v)
            for p, q in zip(u, v, strict=True):
                for g in dataclasses.fields(p):
                    _same(getattr(p, g.name), getattr(q, g.name), f"{f.name}.{g.name}")
        elif f.name in ("scenario", "market"):
            assert u is v
        else:
            _same(u, v, f.name)
            if isinstance(u, np.ndarray):
                assert u.dtype == v.dtype and u.shape == v.shape, f.name


@SETTINGS
@given(scenarios())
def test_prepare_gives_the_same_inputs(sc: Scenario) -> None:
    mk = market(list(sc.universe))
    try:
        old = inputs_old.prepare(sc, mk)
    except CoresatError as exc:
        with pytest.raises(type(exc)) as new_exc:
            prepare(sc, mk)
        assert str(new_exc.value) == str(exc)
        return
    _inputs_equal(prepare(sc, mk), old)


# --- validation: the same first error (or none), whatever the per-part cache has seen -------------------

BAD_NUMBERS = [-1.0, float("nan"), float("inf"), 1e13, 2.5, 0.0, 1e-9]


def _mutate(sc: Scenario, data: st.DataObject) -> Scenario:
    r = dataclasses.replace
    what = data.draw(st.sampled_from(["holding", "cash", "sleeve", "asset", "band", "constraints", "data"]))
    bad = data.draw(st.sampled_from(BAD_NUMBERS))
    p, t, c = sc.portfolio, sc.targets, sc.constraints
    if what == "holding" and p.holdings:
        i = data.draw(st.integers(0, len(p.holdings) - 1))
        h = p.holdings[i]
        field = data.draw(st.sampled_from(["shares", "price", "ticker"]))
        value: object = bad
        if field == "ticker":
            value = data.draw(st.sampled_from(["", " ", "A B", "../X", p.holdings[0].ticker, "lower"]))
        if field == "price":
            value = data.draw(st.sampled_from([*BAD_NUMBERS, 1e8, 1e-7, None]))
        new_h = r(h, **{field: value})
        return r(sc, portfolio=r(p, holdings=(*p.holdings[:i], new_h, *p.holdings[i + 1 :])))
    if what == "cash":
        return r(
            sc, portfolio=r(p, **{data.draw(st.sampled_from(["cash", "currency"])): bad if bad else "EUR"})
        )
    if what in ("sleeve", "asset", "band"):
        i = data.draw(st.integers(0, len(t.sleeves) - 1))
        s = t.sleeves[i]
        if what == "sleeve":
            field = data.draw(st.sampled_from(["weight", "min_weight", "max_weight", "name", "assets"]))
            value = {"name": t.sleeves[0].name, "assets": ()}.get(field, bad)
            s = r(s, **{field: value})
        elif what == "asset":
            a = s.assets[0]
            field = data.draw(st.sampled_from(["weight", "min_weight", "max_weight", "ticker"]))
            value = (
                bad
                if field != "ticker"
                else data.draw(st.sampled_from(["", "A B", t.sleeves[0].assets[0].ticker]))
            )
            s = r(s, assets=(r(a, **{field: value}), *s.assets[1:]))
        else:
            s = r(s, band=Band(absolute=bad, relative=data.draw(st.sampled_from([0.25, -1.0, 20.0]))))
        tree = r(t, sleeves=(*t.sleeves[:i], s, *t.sleeves[i + 1 :]))
        if data.draw(st.booleans()):
            tree = r(tree, small_cap_weight=bad)
        return r(sc, targets=tree)
    if what == "constraints":
        field = data.draw(
            st.sampled_from(
                [
                    "vol_cap",
                    "turnover_cap",
                    "cost_bps",
                    "min_trade",
                    "min_cash",
                    "cash_flow",
                    "mode",
                    "no_buy",
                ]
            )
        )
        value = bad
        if field == "mode":
            value = data.draw(st.sampled_from(list(Mode)))
        if field == "no_buy":
            value = frozenset({"A/B"})
        return r(sc, constraints=r(c, **{field: value}))
    field = data.draw(st.sampled_from(["risk_window_days", "ewma_half_life_days", "proxies"]))
    d: DataSettings = sc.data
    if field == "proxies":
        tk = sc.universe[0]
        return r(sc, data=r(d, proxies=((tk, tk),)))
    return r(sc, data=r(d, **{field: data.draw(st.sampled_from([1, 20_000]))}))


def _outcome(f: Any, sc: Scenario) -> tuple[str, str, str]:
    try:
        f(sc)
    except CoresatError as exc:
        return type(exc).__name__, getattr(exc, "field", ""), str(exc)
    except Exception as exc:  # a crash must crash the same way
        return type(exc).__name__, "", str(exc)
    return "ok", "", ""


@SETTINGS
@given(scenarios(), st.data(), st.booleans())
def test_validation_raises_the_same_first_error(sc: Scenario, data: st.DataObject, warm: bool) -> None:
    if warm:
        validate_scenario(sc)  # the good parts are now known valid
    broken = sc
    for _ in range(data.draw(st.integers(1, 3))):
        broken = _mutate(broken, data)
    old = _outcome(scenario_old.validate_scenario, broken)
    assert _outcome(validate_scenario, broken) == old
    assert _outcome(validate_scenario, broken) == old  # again, with whatever it cached
    assume(old[0] != "ok")


def test_a_list_of_holdings_is_never_cached() -> None:
    sc, _ = bench_scenario(12)
    holdings = list(sc.portfolio.holdings)
    loose = dataclasses.replace(sc, portfolio=dataclasses.replace(sc.portfolio, holdings=holdings))  # type: ignore[arg-type]
    validate_scenario(loose)
    holdings[0] = Holding(holdings[0].ticker, -5.0)  # mutated after a check passed
    with pytest.raises(CoresatError, match="must be zero or more"):
        validate_scenario(loose)


def test_a_tree_with_a_list_of_assets_is_never_cached() -> None:
    sc, _ = bench_scenario(12)
    s0 = sc.targets.sleeves[0]
    assets = list(s0.assets)
    tree = dataclasses.replace(
        sc.targets, sleeves=(dataclasses.replace(s0, assets=assets), *sc.targets.sleeves[1:])
    )  # type: ignore[arg-type]
    loose = dataclasses.replace(sc, targets=tree)
    validate_scenario(loose)
    assets[0] = AssetTarget(assets[0].ticker, 0.5)
    with pytest.raises(CoresatError, match="add up to"):
        validate_scenario(loose)


# --- messages: every template, with every kind of value ----------------------------------------------

_VALUES = st.one_of(
    st.builds(Percent, st.floats(-2, 2), st.integers(0, 3)),
    st.builds(Points, st.floats(-2, 2), st.integers(0, 3)),
    st.builds(Money, st.floats(-1e7, 1e7), st.integers(0, 2)),
    st.builds(Shares, st.one_of(st.floats(0, 1e6), st.integers(0, 10**6).map(float))),
    st.builds(Count, st.integers(0, 10**6)),
    st.builds(Ticker, st.sampled_from(["IWM", "T001"])),
    st.builds(Name, st.text(max_size=8)),
    st.builds(Names, st.lists(st.sampled_from(["IWM", "Core", "cash"]), max_size=3).map(tuple)),
    st.builds(Parts, st.lists(st.just(Message.of(MessageId.NAME_CASH)), max_size=2).map(tuple)),
    st.builds(LimitId, st.sampled_from([LimitKind.VOL_CAP, LimitKind.MIN_CASH])),
    st.builds(lambda tk: LimitId(LimitKind.ASSET_MAX, tk), st.sampled_from(["IWM", "T001"])),
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(list(MessageId)), st.data())
def test_every_message_renders_as_it_did(mid: MessageId, data: st.DataObject) -> None:
    import string

    names = [f for _, f, _, _ in string.Formatter().parse(ENGLISH[mid]) if f]
    m = Message(mid, tuple((n, data.draw(_VALUES)) for n in dict.fromkeys(names)))
    nested = Message.of(MessageId.TEXT, text=Name("x")) if mid is MessageId.TEXT else m
    assert english(m) == format_old.english(m)
    assert english(nested) == format_old.english(nested)
    assert Formatter().render(m) == format_old.Formatter().render(m)  # the GUI's path (its own numbers)
