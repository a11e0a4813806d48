"""One household's inputs as stored (plain text, cheap to send to a batch worker) and its scenario.

``read`` gets them for many households in a few queries; ``build_scenario`` puts policy (latest
version), overrides and account together into the scenario the optimizer runs.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

import sqlalchemy as sa

from engine.book import parts
from engine.book import schema as t
from engine.errors import ScenarioError
from engine.model import scenario_file
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
    hq = sa.select(h.c.id, h.c.name, h.c.policy_name, h.c.overrides, h.c.extra)
    aq = sa.select(a.c.household_id, a.c.name, a.c.kind, a.c.body).order_by(a.c.id)
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
    acc: dict[int, list[tuple[str, str, str]]] = {}
    for r in rows:
        acc.setdefault(int(r.household_id), []).append((str(r.name), str(r.kind), str(r.body)))
    for hid in ids:
        row = hh.get(hid)
        if row is None:
            yield Unrunnable(hid, "no such household in the book")
            continue
        bodies = acc.get(hid, [])
        if not bodies:
            yield Unrunnable(hid, "has no account; import its positions first")
            continue
        body = bodies[0][2]
        if len(bodies) > 1:  # accounts stored one by one: rebalanced together as one household
            try:
                body = combine_accounts(str(row.name), bodies)
            except ScenarioError as exc:
                yield Unrunnable(hid, f"{exc.field}: {exc.problem}")
                continue
        if row.policy_name not in pol:
            yield Unrunnable(hid, "follows no model policy; give it one")
            continue
        pid, pbody = pol[row.policy_name]
        yield HouseholdInputs(hid, pid, pbody, row.overrides, body, row.extra)


def combine_accounts(household: str, accounts: list[tuple[str, str, str]]) -> str:
    """Several accounts stored one by one (name, kind, one-account part each) as one household account
    part (the ``[household]`` of a version-3 scenario file): each account keeps its cash, positions, cash
    buffer (its ``min_cash``), cash flow and no-buy / no-sell lists. Raises ScenarioError when that cannot
    be said truly: an account that is itself a household, or accounts with different trading modes."""
    out: list[dict[str, object]] = []
    modes: set[str] = set()
    ids: dict[str, int] = {}
    for name, kind, body in accounts:
        doc = parts.account_from_text(body)
        if "portfolio" not in doc:
            raise ScenarioError(f"account {name!r}", "holds several accounts itself; store it on its own")
        port, cons = doc.get("portfolio", {}), doc.get("constraints", {})
        modes.add(str(cons.get("mode", "full")))
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "account"
        ids[slug] = ids.get(slug, 0) + 1
        positions = [
            {"ticker": h["ticker"], "shares": h["shares"]} | ({"price": h["price"]} if h.get("price") else {})
            for h in port.get("holdings", [])
        ]
        out.append(
            {
                "id": slug if ids[slug] == 1 else f"{slug}-{ids[slug]}",
                "name": name,
                "kind": kind,
                "cash": port.get("cash", 0.0),
                "cash_buffer": cons.get("min_cash", 0.0),
                "cash_flow": cons.get("cash_flow", 0.0),
                "no_buy": list(cons.get("no_buy", [])),
                "no_sell": list(cons.get("no_sell", [])),
                "positions": positions,
            }
        )
    if len(modes) > 1:
        raise ScenarioError(
            "accounts", f"trade in different modes ({', '.join(sorted(modes))}); give them one"
        )
    doc = {"household": {"id": "household", "name": household or "Household", "accounts": out}}
    doc["constraints"] = {"mode": modes.pop()} if modes else {}
    return parts.account_text(doc)


def build_scenario(x: HouseholdInputs, *, validate: bool = True) -> Scenario:
    """The scenario of one household; ScenarioError names what is wrong (``validate=False``: the
    optimizer validates it anyway, batch workers skip the second check, and a one-account household
    without an inline market is put together from its policy's part read once, see ``_shared``)."""
    try:
        account = parts.account_from_text(x.account)
        extra = json.loads(x.extra)
        if validate or "portfolio" not in account or "household" in account or "market" in extra:
            return parts.assemble(
                parts.policy_from_text(x.policy),
                account,
                extra,
                parts.overrides_from_text(x.overrides),
                validate=validate,
            )
        shared = _shared(x.policy, x.overrides, json.dumps(account.get("constraints", {}), sort_keys=True))
        own = {"name": extra.get("name", "Household"), "portfolio": account["portfolio"]}
        if extra.get("notes"):
            own["notes"] = extra["notes"]
        mine = scenario_file.from_dict(own)  # read as parts.assemble reads them, with the same messages
        return replace(shared, name=mine.name, portfolio=mine.portfolio, notes=mine.notes)
    except ScenarioError as exc:
        raise ScenarioError(exc.field, f"{exc.problem} (household {x.household_id})") from None


@functools.lru_cache(maxsize=256)
def _shared(policy: str, overrides: str, account_constraints: str) -> Scenario:
    """What every one-account household of a policy (with these overrides and account limits) has in
    common: the scenario without name, notes and holdings. A batch builds it once, not per household
    (tested equal to parts.assemble's scenario)."""
    return parts.assemble(
        parts.policy_from_text(policy),
        {"portfolio": {}, "constraints": json.loads(account_constraints)},
        {},
        parts.overrides_from_text(overrides),
        validate=False,
    )
