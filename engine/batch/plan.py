"""Planning a book-wide run: which households, in which batches, on which market snapshot.

Households are grouped by what fixes the optimizer's problem shape (their policy version, overrides and
the tickers they hold), then cut into batches of ~50, so that a worker solves a run of same-shape
households on one compiled problem before it meets the next shape.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from engine.book import parts
from engine.book.db import BookError
from engine.book.inputs import HouseholdInputs, Unrunnable, build_scenario
from engine.book.store import Book
from engine.errors import CoresatError
from engine.market import MarketSnapshot
from engine.model.scenario import Holding, Portfolio, Scenario

BATCH_SIZE = 50


@dataclass(frozen=True)
class Plan:
    batches: tuple[tuple[HouseholdInputs, ...], ...]
    failed: tuple[tuple[int, str], ...] = ()  # households that cannot run at all (no policy, ...)
    tickers: tuple[str, ...] = field(default=())  # every ticker the book needs

    @property
    def households(self) -> int:
        return sum(len(b) for b in self.batches)


def _held(x: HouseholdInputs) -> tuple[str, ...]:
    doc = json.loads(x.account)
    rows = list(doc.get("portfolio", {}).get("holdings", []))
    # a household (scenario file version 3) holds its positions in its accounts
    rows += [p for a in doc.get("household", {}).get("accounts", []) for p in a.get("positions", [])]
    return tuple(sorted({str(h.get("ticker", "")).upper() for h in rows}))


def plan(inputs: Sequence[HouseholdInputs | Unrunnable] | Book, batch_size: int = BATCH_SIZE) -> Plan:
    """Batches of at most ``batch_size`` households, grouped by problem shape."""
    if batch_size < 1:
        raise BookError("the batch size must be at least 1")
    items = list(inputs.household_inputs() if isinstance(inputs, Book) else inputs)
    failed = [(e.household_id, e.message) for e in items if isinstance(e, Unrunnable)]
    ok = [x for x in items if isinstance(x, HouseholdInputs)]
    groups: dict[tuple[object, ...], list[HouseholdInputs]] = {}
    held: set[str] = set()
    for x in ok:
        h = _held(x)
        held.update(h)
        # the problem's shape follows the universe: the policy's tickers plus held tickers outside them
        extra = tuple(tk for tk in h if tk not in _policy_tickers(x.policy))
        groups.setdefault((x.policy_id, x.overrides, extra), []).append(x)
    batches: list[tuple[HouseholdInputs, ...]] = []
    for key in sorted(groups, key=repr):
        g = groups[key]
        batches += [tuple(g[i : i + batch_size]) for i in range(0, len(g), batch_size)]
    targeted = _targeted({x.policy: x for x in ok}.values())
    return Plan(tuple(batches), tuple(failed), tuple(dict.fromkeys([*targeted, *sorted(held)])))


@functools.lru_cache(maxsize=256)
def _policy_tickers(policy: str) -> frozenset[str]:
    try:
        doc = parts.policy_from_text(policy)
    except CoresatError:
        return frozenset()
    sleeves = doc.get("targets", {}).get("sleeves", [])
    return frozenset(
        str(a.get("ticker", "")).strip().upper()
        for s in sleeves
        if isinstance(s, dict)
        for a in s.get("assets", [])
        if isinstance(a, dict)
    )


def _targeted(samples: Iterable[HouseholdInputs]) -> list[str]:
    out: list[str] = []
    for x in samples:
        try:
            out += list(build_scenario(x).targets.tickers)
        except CoresatError:
            continue  # that household fails on its own in the run
    return out


def book_market(
    plan_: Plan,
    *,
    force_demo: bool = False,
    resolve: Callable[[Scenario], MarketSnapshot] | None = None,
) -> MarketSnapshot:
    """One market snapshot for every ticker of the run (the first runnable household's data settings;
    its inline market when it carries one). Price history is dropped: workers need prices and risk."""
    from engine.api import resolve_market

    first = next((x for b in plan_.batches for x in b), None)
    if first is None:
        raise BookError("the book has no household that can be rebalanced")
    sc = build_scenario(first)
    union = replace(sc, portfolio=Portfolio(holdings=tuple(Holding(t, 0.0) for t in plan_.tickers), cash=0.0))
    m = resolve(union) if resolve is not None else resolve_market(union, force_demo=force_demo)
    return replace(m, history=None)
