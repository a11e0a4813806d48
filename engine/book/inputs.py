"""One household's inputs as stored (plain text, cheap to send to a batch worker) and its scenario.

``read`` gets them for many households in a few queries; ``build_scenario`` puts policy (latest
version), overrides and account together into the scenario the optimizer runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import sqlalchemy as sa

from engine.book import parts
from engine.book import schema as t
from engine.errors import ScenarioError
from engine.model.scenario import Scenario

IN_CHUNK = 500  # ids per IN (...) list


@dataclass(frozen=True)
class HouseholdInputs:
    household_id: int
    policy_id: int | None
    policy: str  # TOML (the policy version in force)
    overrides: str  # TOML
    account: str  # JSON
    extra: str  # JSON


@dataclass(frozen=True)
class Unrunnable:
    """A household that cannot be rebalanced as stored (no policy, no account, ...)."""

    household_id: int
    message: str


def read(
    conn: sa.Connection, household_ids: list[int] | None = None
) -> Iterator[HouseholdInputs | Unrunnable]:
    """Inputs of ``household_ids`` (default: every household, by id), in that order."""
    h, a, p = t.households, t.accounts, t.model_policies
    pol = {  # later versions overwrite earlier ones: the latest wins
        r.name: (int(r.id), str(r.body))
        for r in conn.execute(sa.select(p.c.name, p.c.id, p.c.body).order_by(p.c.version))
    }
    hq = sa.select(h.c.id, h.c.policy_name, h.c.overrides, h.c.extra)
    aq = sa.select(a.c.household_id, a.c.body).order_by(a.c.id)
    if household_ids is None:
        hh = {int(r.id): r for r in conn.execute(hq)}
        rows = list(conn.execute(aq))
        ids = sorted(hh)
    else:
        ids = list(household_ids)
        hh, rows = {}, []
        for i in range(0, len(ids), IN_CHUNK):
            chunk = ids[i : i + IN_CHUNK]
            hh |= {int(r.id): r for r in conn.execute(hq.where(h.c.id.in_(chunk)))}
            rows += list(conn.execute(aq.where(a.c.household_id.in_(chunk))))
    acc: dict[int, list[str]] = {}
    for r in rows:
        acc.setdefault(int(r.household_id), []).append(str(r.body))
    for hid in ids:
        row = hh.get(hid)
        if row is None:
            yield Unrunnable(hid, "no such household in the book")
            continue
        bodies = acc.get(hid, [])
        if len(bodies) != 1:
            yield Unrunnable(
                hid, f"{len(bodies)} accounts; one per household is supported until households land"
            )
            continue
        if row.policy_name not in pol:
            yield Unrunnable(hid, "follows no model policy; give it one")
            continue
        pid, body = pol[row.policy_name]
        yield HouseholdInputs(hid, pid, body, row.overrides, bodies[0], row.extra)


def build_scenario(x: HouseholdInputs, *, validate: bool = True) -> Scenario:
    """The scenario of one household; ScenarioError names what is wrong (``validate=False``: the
    optimizer validates it anyway, batch workers skip the second check)."""
    try:
        return parts.assemble(
            parts.policy_from_text(x.policy),
            parts.account_from_text(x.account),
            json.loads(x.extra),
            parts.overrides_from_text(x.overrides),
            validate=validate,
        )
    except ScenarioError as exc:
        raise ScenarioError(exc.field, f"{exc.problem} (household {x.household_id})") from None
