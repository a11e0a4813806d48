"""A suggested nearest value is one that really works with whole shares (issue #8: true words; issue #13:
"Use nearest value" on a sector floor failed after rounding). Checked end to end: the suggestion is put
into the scenario the way the user would, and the whole public rebalance must then find trades."""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, given, settings

from engine.model.scenario import Scenario
from engine.optimize import rebalance
from engine.optimize.limit_id import LimitId, LimitKind
from engine.result import Status
from tests.engine.optimize.test_diagnosis import tight
from tests.helpers import market


def applied(sc: Scenario, lid: LimitId, value: float) -> Scenario | None:
    """``sc`` with the one limit set to ``value`` through the scenario itself (None: not settable here)."""
    c = sc.constraints
    if lid.kind is LimitKind.VOL_CAP:
        return dataclasses.replace(sc, constraints=dataclasses.replace(c, vol_cap=value))
    if lid.kind is LimitKind.MIN_CASH:
        return dataclasses.replace(sc, constraints=dataclasses.replace(c, min_cash=value))
    if lid.kind is LimitKind.TURNOVER_CAP:
        return dataclasses.replace(sc, constraints=dataclasses.replace(c, turnover_cap=value))
    sleeves = list(sc.targets.sleeves)
    if lid.kind is LimitKind.SLEEVE_MIN:
        j = next(k for k, s in enumerate(sleeves) if s.name == lid.subject)
        sleeves[j] = dataclasses.replace(sleeves[j], min_weight=value)
    elif lid.kind is LimitKind.ASSET_MAX:
        j, s = next((k, s) for k, s in enumerate(sleeves) if any(a.ticker == lid.subject for a in s.assets))
        assets = tuple(
            dataclasses.replace(a, max_weight=value) if a.ticker == lid.subject else a for a in s.assets
        )
        sleeves[j] = dataclasses.replace(s, assets=assets)
    else:
        return None
    return dataclasses.replace(sc, targets=dataclasses.replace(sc.targets, sleeves=tuple(sleeves)))


seen: dict[str, int] = {}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tight())
def test_every_single_suggestion_works_when_applied(sc) -> None:  # type: ignore[no-untyped-def]
    m = market()
    r = rebalance(sc, m)
    if r.status is not Status.INFEASIBLE or r.infeasibility is None or len(r.infeasibility.nearest) != 1:
        return
    ((key, value),) = r.infeasibility.nearest.items()
    lid = LimitId.parse(key)
    changed = applied(sc, lid, value)
    if changed is None:
        return
    seen[lid.kind.value] = seen.get(lid.kind.value, 0) + 1
    again = rebalance(changed, m)
    assert again.status is not Status.INFEASIBLE, (
        f"suggested {key} = {value} does not work: {again.infeasibility.message if again.infeasibility else ''}"
    )


def test_the_property_saw_suggestions() -> None:
    # the property above must have checked real suggestions, not only skipped (run after it)
    if not seen:
        test_every_single_suggestion_works_when_applied()
    assert sum(seen.values()) > 0, "no single-limit suggestion was generated"
