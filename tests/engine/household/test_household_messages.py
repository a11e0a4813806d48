"""The household's costs binding is its own message (translatable), not English appended to another."""

from __future__ import annotations

from engine.messages import MessageId
from engine.model.policy import Placement
from engine.model.scenario import Constraints
from engine.optimize.household import rebalance_household
from tests.engine.household.test_tie import ON, TICKERS, _scenario, _tied_household
from tests.helpers import market


def test_costs_binding_in_a_household_says_what_its_costs_hold() -> None:
    sc = _scenario(_tied_household(3_000.0), Constraints(cost_bps=3.0, force_rebalance=True), Placement())
    r = rebalance_household(sc, market(TICKERS, as_of=ON))
    costs = [b for b in r.household.binding if b.why is not None and b.why.id.value.startswith("bind.costs")]
    assert costs, [b.message for b in r.household.binding]
    for b in costs:
        assert b.why is not None and b.why.id is MessageId.BIND_COSTS_HOUSEHOLD
        assert "estimated tax of sales in taxable accounts" in b.message
