"""One household's inputs as stored (plain text, cheap to send to a batch worker) and its scenario.

``read`` gets them for many households in a few queries; ``build_scenario`` puts policy (latest
version), overrides and account together into the scenario the optimizer runs.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

import sqlalchemy as sa

from engine.book import parts
from engine.book import schema as t
from engine.errors import ScenarioError
from engine.model import scenario_file
from engine.model.scenario import Holding, Portfolio, Scenario

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
    if validate:
        return _assembled(x, validate=True)
    return batch_scenario(x)[0]


def batch_scenario(x: HouseholdInputs) -> tuple[Scenario, str | None]:
    """What a batch worker runs: the scenario as ``build_scenario(x, validate=False)`` builds it, and,
    when it was put together from its policy's shared part, its canonical JSON (``parts.canonical``,
    written from the shared part's JSON encoded once; None otherwise: the caller computes it)."""
    try:
        account = parts.account_from_text(x.account)
        extra = json.loads(x.extra)
        if "portfolio" not in account or "household" in account or "market" in extra:
            return _assembled(x, validate=False, account=account, extra=extra), None
        shared = _shared(x.policy, x.overrides, json.dumps(account.get("constraints", {}), sort_keys=True))
        name, notes = extra.get("name", "Household"), extra.get("notes") or ""
        portfolio = _portfolio(account["portfolio"])
        if portfolio is None or type(name) is not str or type(notes) is not str:
            own = {"name": name, "portfolio": account["portfolio"]}
            if notes:
                own["notes"] = notes
            mine = scenario_file.from_dict(own)  # read as parts.assemble reads them, with the same messages
            name, notes, portfolio = mine.name, mine.notes, mine.portfolio
        sc = replace(shared.scenario, name=name, portfolio=portfolio, notes=notes)
        return sc, shared.canonical(sc)
    except ScenarioError as exc:
        raise ScenarioError(exc.field, f"{exc.problem} (household {x.household_id})") from None


def _assembled(
    x: HouseholdInputs, *, validate: bool, account: parts.Doc | None = None, extra: parts.Doc | None = None
) -> Scenario:
    try:
        return parts.assemble(
            parts.policy_from_text(x.policy),
            parts.account_from_text(x.account) if account is None else account,
            json.loads(x.extra) if extra is None else extra,
            parts.overrides_from_text(x.overrides),
            validate=validate,
        )
    except ScenarioError as exc:
        raise ScenarioError(exc.field, f"{exc.problem} (household {x.household_id})") from None


def _number(v: object) -> float | None:
    """``v`` as scenario_file reads a number, or None when it would say something about it."""
    if type(v) is float:
        return v if math.isfinite(v) else None
    if type(v) is int and -(2**53) <= v <= 2**53:
        return float(v)
    return None


def _portfolio(doc: object) -> Portfolio | None:
    """A stored account's ``portfolio`` table read as scenario_file.from_dict reads it, for the plain
    case (a table of holdings with text tickers, finite numbers); None for anything else, which the
    caller reads through from_dict, so that every message stays the file reader's own."""
    if type(doc) is not dict:
        return None
    rows = doc.get("holdings", [])
    cash = _number(doc.get("cash", 0.0))
    currency = doc.get("currency", "USD")
    if type(rows) is not list or cash is None or type(currency) is not str:
        return None
    holdings = []
    for h in rows:
        if type(h) is not dict:
            return None
        ticker, shares, price = h.get("ticker"), _number(h.get("shares")), h.get("price")
        if type(ticker) is not str or shares is None:
            return None
        if price is not None:
            price = _number(price)
            if price is None:
                return None
        holdings.append(Holding(ticker.strip().upper(), shares, price))
    return Portfolio(holdings=tuple(holdings), cash=cash, currency=currency)


@dataclass(frozen=True)
class _Shared:
    scenario: Scenario  # without name, notes and holdings
    pieces: tuple[tuple[str, str], ...]  # (key, '"key":value' as parts.canonical writes it) of the rest

    def canonical(self, sc: Scenario) -> str:
        """``parts.canonical(sc)`` for ``sc`` = this scenario with a name, notes and a portfolio of its
        own: the shared values' JSON is written once (tested equal)."""
        own = {"name": sc.name, "portfolio": parts.portfolio_doc(sc.portfolio)}
        if sc.notes:
            own["notes"] = sc.notes
        items = [*self.pieces, *((k, f'"{k}":{parts.canonical_json(v)}') for k, v in own.items())]
        items.sort()
        return "{" + ",".join(v for _, v in items) + "}"


@functools.lru_cache(maxsize=256)
def _shared(policy: str, overrides: str, account_constraints: str) -> _Shared:
    """What every one-account household of a policy (with these overrides and account limits) has in
    common: the scenario without name, notes and holdings, and its canonical JSON but for those. A batch
    builds it once, not per household (tested equal to parts.assemble's scenario)."""
    sc = parts.assemble(
        parts.policy_from_text(policy),
        {"portfolio": {}, "constraints": json.loads(account_constraints)},
        {},
        parts.overrides_from_text(overrides),
        validate=False,
    )
    doc = scenario_file.to_dict(sc)
    own = ("name", "notes", "portfolio")
    pieces = tuple((k, f"{json.dumps(k)}:{parts.canonical_json(v)}") for k, v in doc.items() if k not in own)
    return _Shared(sc, pieces)
