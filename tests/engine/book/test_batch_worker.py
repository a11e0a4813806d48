"""The batch worker's shortcuts change nothing that is stored: its rebalance (fund data and sector matrix
read once per batch) gives the document ``engine.api.rebalance`` gives, and the stored JSON (a trade's
``why.text`` reusing its rendered reason) is the ``to_dict`` document — on many varied households."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from engine.api import rebalance
from engine.batch import work
from engine.book import parts
from engine.book.inputs import HouseholdInputs, batch_scenario, build_scenario
from engine.book.result_text import result_text
from engine.book.store import Book
from engine.errors import ScenarioError
from engine.model.scenario import AssetTarget, Holding, Portfolio, Role, Scenario, Sleeve, TargetTree
from engine.result import Status
from engine.risk.exposure_cache import Exposures
from tests.engine.book.test_proposals import _close
from tests.helpers import TWELVE, market, twelve_asset_scenario


def _shapes() -> list[Scenario]:
    """Three target trees over the same twelve tickers (ticker order differs between them)."""
    base = twelve_asset_scenario()
    regrouped = TargetTree(
        sleeves=(
            Sleeve("Core", Role.CORE, 0.5, (AssetTarget("IJR", 0.5), AssetTarget("IWM", 0.5))),
            Sleeve(
                "Rest",
                Role.SATELLITE,
                0.5,
                tuple(AssetTarget(tk, 1 / 6) for tk in ("VTWO", "IWN", "VBR", "IWO", "VBK", "SPSM")),
            ),
            Sleeve("Outside", Role.OUTSIDE, 0.4, tuple(AssetTarget(tk, 0.25) for tk in TWELVE[8:])),
        ),
        small_cap_weight=0.6,
    )
    small_only = TargetTree(
        sleeves=(
            Sleeve("Core", Role.CORE, 0.7, (AssetTarget("VTWO", 1.0),)),
            Sleeve("Value", Role.SATELLITE, 0.3, (AssetTarget("VBR", 0.5), AssetTarget("IWN", 0.5))),
        ),
    )
    return [base, replace(base, targets=regrouped), replace(base, targets=small_only)]


def _households(n: int) -> list[Scenario]:
    rng = np.random.default_rng(11)
    shapes = _shapes()
    out = []
    for k in range(n):
        sc = shapes[k % len(shapes)]
        shares = rng.integers(0, 200, size=len(TWELVE)) * (rng.random(len(TWELVE)) < 0.7)
        port = Portfolio(
            holdings=tuple(Holding(tk, float(s)) for tk, s in zip(TWELVE, shares, strict=True) if s),
            cash=float(rng.integers(0, 20_000)),
        )
        c = sc.constraints
        if k % 7 == 3:  # a cap no mix of these funds can meet
            c = replace(c, vol_cap=0.01)
        elif k % 5 == 1:
            c = replace(c, turnover_cap=0.05)
        out.append(replace(sc, name=f"H{k}", portfolio=port, constraints=c))
    return out


def _doc(text: str) -> dict[str, object]:
    doc: dict[str, object] = json.loads(text)
    doc.pop("solve_seconds")
    return doc


def test_worker_rebalance_stores_what_the_api_gives() -> None:
    m = market(list(TWELVE))
    statuses = set()
    trades = 0
    shared = Exposures()  # as in one batch: fund data and sector matrices kept across households
    for sc in _households(45):
        ours, api = work.rebalance(sc, m, exposures=shared), rebalance(sc, m)
        statuses.add(api.status)
        assert _doc(result_text(ours)) == _doc(result_text(api)), sc.name
        assert api.sector_exposures  # the comparison covers the look-through rows
        # to_dict renders every message afresh; the stored text reuses the trade's and binding's
        assert _close(json.loads(result_text(api)), api.to_dict()), sc.name
        trades += len(api.trades)
    assert trades > 100
    assert {Status.OK, Status.INFEASIBLE} <= statuses


def test_households_built_from_their_policys_shared_part_are_the_assembled_scenarios(tmp_path: Path) -> None:
    rng = np.random.default_rng(5)
    book = Book.open(str(tmp_path / "book.sqlite"))
    try:
        for i, sc in enumerate(_shapes()):
            book.save_policy_from_scenario(f"P{i}", sc)
        for k, sc in enumerate(_households(24)):
            c = sc.constraints
            if k % 3 == 0:  # the account's own limits differ from household to household
                c = replace(c, cash_flow=float(rng.integers(-2_000, 5_000)), no_sell=frozenset({"IWM"}))
            notes = "" if k % 2 else f"notes {k}"
            hid = book.add_household(
                f"C{k}", replace(sc, constraints=c, notes=notes), policy=f"P{k % 3}"
            ).household_id
            if k % 4 == 1:
                book.follow_policy(hid, f"P{k % 3}", "[constraints]\nvol_cap_pct = 17\n")
        inputs = [x for x in book.household_inputs() if isinstance(x, HouseholdInputs)]
    finally:
        book.close()
    assert len(inputs) == 24 and len({x.overrides for x in inputs}) == 2
    built = [build_scenario(x, validate=False) for x in inputs]
    assert built == [build_scenario(x) for x in inputs]  # validate=True: parts.assemble, field by field
    assert {sc.constraints.vol_cap for sc in built} >= {0.17}
    assert len({sc.notes for sc in built}) > 2 and len({sc.constraints.cash_flow for sc in built}) > 2
    bad = replace(inputs[1], account=inputs[1].account.replace('"shares": ', '"shares": "many", "x": ', 1))
    assert bad.account != inputs[1].account
    with pytest.raises(ScenarioError) as fast:
        build_scenario(bad, validate=False)
    with pytest.raises(ScenarioError) as full:
        build_scenario(bad)
    assert str(fast.value) == str(full.value) and "portfolio.holdings" in str(fast.value)


def test_a_batch_workers_scenario_and_inputs_are_the_books(tmp_path: Path) -> None:
    """``batch_scenario`` reads plain portfolios itself and writes the inputs JSON from its policy's part
    written once: the same scenario as ``parts.assemble``, the same text as ``parts.canonical``, and for
    anything unusual in a portfolio the file reader's own message."""
    book = Book.open(str(tmp_path / "book.sqlite"))
    try:
        for i, sc in enumerate(_shapes()):
            book.save_policy_from_scenario(f"P{i}", sc)
        for k, sc in enumerate(_households(9)):
            book.add_household(f"C{k}", replace(sc, notes="" if k % 2 else f"n{k}"), policy=f"P{k % 3}")
        x = next(x for x in book.household_inputs() if isinstance(x, HouseholdInputs))
    finally:
        book.close()
    doc = json.loads(x.account)
    rows = doc["portfolio"]["holdings"]
    variants = {
        "int shares, a price": [{"ticker": " iwm ", "shares": 7, "price": 101}, *rows[1:]],
        "a whole number too large for the fast path": [{"ticker": "IWM", "shares": 10**30}],
        "no cash": rows,
    }
    for label, holdings in variants.items():
        port = {**doc["portfolio"], "holdings": holdings}
        if label == "no cash":
            port.pop("cash")
        y = replace(x, account=json.dumps({**doc, "portfolio": port}))
        sc, text = batch_scenario(y)
        assembled = parts.assemble(
            parts.policy_from_text(y.policy),
            parts.account_from_text(y.account),
            json.loads(y.extra),
            parts.overrides_from_text(y.overrides),
            validate=False,
        )
        assert sc == assembled, label
        assert text == parts.canonical(sc), label
    for bad in (
        {"ticker": "IWM", "shares": True},
        {"ticker": 5, "shares": 1},
        {"ticker": "IWM", "shares": 1.0, "price": "x"},
    ):
        y = replace(x, account=json.dumps({**doc, "portfolio": {**doc["portfolio"], "holdings": [bad]}}))
        with pytest.raises(ScenarioError) as fast:
            batch_scenario(y)
        with pytest.raises(ScenarioError) as full:
            build_scenario(y)
        assert str(fast.value) == str(full.value) and "portfolio.holdings[0]" in str(fast.value)
