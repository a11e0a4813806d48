"""A scenario split into what a model policy shares and what belongs to one account, and put back.

A scenario file (engine.model.scenario_file) is one flat account. In the book it is stored in parts:
- the **policy** (shared by many households): ``targets``, the trading limits of ``constraints`` (vol cap,
  turnover, costs, min trade, whole shares), ``data`` settings — TOML text;
- the **account**: ``portfolio`` (holdings, cash) and the account's own constraints (cash flow, cash
  buffer, no-buy / no-sell lists, mode) — JSON text;
- per-household **overrides**: a TOML fragment merged over the policy (``[constraints] vol_cap_pct = 12``);
- household **extra**: the scenario's name, notes and inline market, so an imported file exports again.

Every part carries the scenario file version it was written with, so the file format's migrations apply
to stored parts too. When households arrive (several accounts), the account part is per account.
"""

from __future__ import annotations

import functools
import hashlib
import json
import tomllib
from dataclasses import dataclass
from typing import Any

import tomli_w

from engine.errors import ScenarioError
from engine.model import scenario_file
from engine.model.scenario import Portfolio, Scenario

ACCOUNT_CONSTRAINTS = ("cash_flow", "min_cash", "no_buy", "no_sell", "mode")
POLICY_FORMAT = "coresat-policy"
Doc = dict[str, Any]


@dataclass(frozen=True)
class Parts:
    policy: Doc  # {"targets", "constraints", "data"}
    account: Doc  # {"portfolio", "constraints"}
    extra: Doc  # {"name", "notes", "market"?}


def split(sc: Scenario) -> Parts:
    doc = scenario_file.to_dict(sc)
    cons = dict(doc.get("constraints", {}))
    policy = {
        "targets": doc["targets"],
        "constraints": {k: v for k, v in cons.items() if k not in ACCOUNT_CONSTRAINTS},
        "data": doc["data"],
    }
    if "placement" in doc:  # household files (version 3): where-to-trade preferences are policy
        policy["placement"] = doc["placement"]
    holdings = "portfolio" if "portfolio" in doc else "household"  # household: several accounts
    account = {
        holdings: doc[holdings],
        "constraints": {k: v for k, v in cons.items() if k in ACCOUNT_CONSTRAINTS},
    }
    extra: Doc = {"name": sc.name, "notes": sc.notes}
    if "market" in doc:
        m = dict(doc["market"])
        m["as_of"] = m["as_of"].isoformat()
        extra["market"] = m
    return Parts(policy, account, extra)


def policy_text(policy: Doc) -> str:
    """The policy as stored: TOML with its own format header."""
    head = {"format": POLICY_FORMAT, "version": scenario_file.VERSION}
    return tomli_w.dumps(head | policy)


@functools.lru_cache(maxsize=256)
def policy_from_text(text: str, where: str = "policy") -> Doc:
    """The stored policy as a document (cached: a book has few policies and many households; callers
    must not modify the returned document)."""
    doc = _toml(text, where)
    if doc.pop("format", POLICY_FORMAT) != POLICY_FORMAT:
        raise ScenarioError(where, "is not a Coresat model policy")
    return _migrated(doc, where)


def account_text(account: Doc) -> str:
    return json.dumps({"version": scenario_file.VERSION} | account, sort_keys=True)


def account_from_text(text: str) -> Doc:
    doc: Doc = json.loads(text)
    return _migrated(doc, "account")


@functools.lru_cache(maxsize=1024)
def overrides_from_text(text: str, where: str = "overrides") -> Doc:
    """A TOML fragment merged over the policy; only policy tables may be overridden."""
    if not text.strip():
        return {}
    doc = _toml(text, where)
    bad = sorted(set(doc) - {"targets", "constraints", "data"})
    if bad:
        raise ScenarioError(f"{where}.{bad[0]}", "cannot be overridden; only targets, constraints and data")
    return doc


def _toml(text: str, where: str) -> Doc:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(where, f"is not valid TOML: {exc}") from None
    except RecursionError:
        raise ScenarioError(where, "nests lists or tables too deeply to be scenario settings") from None


def _migrated(doc: Doc, where: str) -> Doc:
    version = doc.pop("version", scenario_file.VERSION)
    if version == scenario_file.VERSION:
        return doc
    full = scenario_file.migrate({"format": scenario_file.FORMAT, "version": version} | doc)
    return {k: v for k, v in full.items() if k not in ("format", "version")}


def merge(base: Doc, over: Doc) -> Doc:
    """``over`` merged into ``base``: tables merge key by key, anything else replaces."""
    out = dict(base)
    for k, v in over.items():
        out[k] = merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def assemble(
    policy: Doc, account: Doc, extra: Doc, overrides: Doc | None = None, *, validate: bool = True
) -> Scenario:
    """The scenario a household runs: policy (+ overrides) with the account's holdings and limits.
    ``validate=False`` leaves validation to the caller (the optimizer validates before solving)."""
    pol = merge(policy, overrides or {})
    doc: Doc = {
        "format": scenario_file.FORMAT,
        "version": scenario_file.VERSION,
        "name": extra.get("name", "Household"),
        "targets": pol.get("targets", {}),
        "constraints": merge(pol.get("constraints", {}), account.get("constraints", {})),
        "data": pol.get("data", {}),
    }
    if "household" in account:
        doc["household"] = account["household"]
    else:
        doc["portfolio"] = account.get("portfolio", {})
    if "placement" in pol:
        doc["placement"] = pol["placement"]
    if extra.get("notes"):
        doc["notes"] = extra["notes"]
    if "market" in extra:
        doc["market"] = extra["market"]
    sc = scenario_file.from_dict(doc)
    if validate:
        sc.validate()
    return sc


def canonical(sc: Scenario) -> str:
    """The scenario as canonical JSON: what a proposal stores as its inputs."""
    return canonical_json(scenario_file.to_dict(sc))


def canonical_json(value: Any) -> str:
    """``value`` written as ``canonical`` writes a scenario's document (keys sorted, no spaces)."""
    return json.dumps(
        value, sort_keys=True, default=_json_default, separators=(",", ":"), check_circular=False
    )


def portfolio_doc(p: Portfolio) -> Doc:
    """The ``portfolio`` table of scenario_file.to_dict for ``p`` (tested equal)."""
    holdings: list[Doc] = []
    for h in p.holdings:
        hd: Doc = {"ticker": h.ticker, "shares": h.shares}
        if h.price is not None:
            hd["price"] = h.price
        holdings.append(hd)
    return {"currency": p.currency, "cash": p.cash, "holdings": holdings}


def scenario_hash(inputs_json: str) -> str:
    return hashlib.sha256(inputs_json.encode()).hexdigest()


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _json_default(o: Any) -> Any:
    if hasattr(o, "isoformat"):
        return o.isoformat()
    raise TypeError(f"cannot store {type(o).__name__} in JSON")


def scenario_from_inputs(inputs_json: str) -> Scenario:
    """The scenario a proposal was computed from (its stored inputs)."""
    doc = scenario_file.migrate(json.loads(inputs_json))
    sc = scenario_file.from_dict(doc)
    sc.validate()
    return sc
