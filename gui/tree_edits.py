"""Edits of the target tree as pure functions ``TargetTree -> TargetTree`` (Qt-free), for the targets
editor: add / remove / rename sleeves and tickers, roles, bounds, bands.

Sub-weights stay at 100 % of their sleeve: a new ticker gets an equal share and the others shrink in
proportion; removing a ticker gives its share to the others in proportion. Sleeve weights are the user's to
set; ``problem`` says in one line what still does not add up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from engine.errors import CoresatError, ScenarioError
from engine.model.scenario import AssetTarget, Band, Role, Scenario, Sleeve, TargetTree, validate_scenario


def _map_sleeves(tree: TargetTree, name: str, fn: Callable[[Sleeve], Sleeve | None]) -> TargetTree:
    out: list[Sleeve] = []
    for s in tree.sleeves:
        if s.name == name:
            new = fn(s)
            if new is not None:
                out.append(new)
        else:
            out.append(s)
    return replace(tree, sleeves=tuple(out))


def _rescale(assets: list[AssetTarget], total: float) -> list[AssetTarget]:
    s = sum(a.weight for a in assets)
    if not assets:
        return []
    if s <= 1e-12:
        return [replace(a, weight=total / len(assets)) for a in assets]
    return [replace(a, weight=a.weight * total / s) for a in assets]


def unique_name(tree: TargetTree, base: str) -> str:
    names = {s.name for s in tree.sleeves}
    if base not in names:
        return base
    n = 2
    while f"{base} {n}" in names:
        n += 1
    return f"{base} {n}"


def add_sleeve(tree: TargetTree, name: str, role: Role, ticker: str) -> TargetTree:
    """A new sleeve at 0 % holding ``ticker`` (set its weight next)."""
    sleeve = Sleeve(name=name, role=Role(role), weight=0.0, assets=(AssetTarget(ticker, 1.0),))
    return replace(tree, sleeves=(*tree.sleeves, sleeve))


def remove_sleeve(tree: TargetTree, name: str) -> TargetTree:
    return _map_sleeves(tree, name, lambda _s: None)


def rename_sleeve(tree: TargetTree, old: str, new: str) -> TargetTree:
    return _map_sleeves(tree, old, lambda s: replace(s, name=new))


def set_sleeve(tree: TargetTree, name: str, /, **changes: Any) -> TargetTree:
    """Set a sleeve's role, weight, min_weight, max_weight or band (``band=None``: the default band)."""
    if "role" in changes:
        changes["role"] = Role(changes["role"])
    return _map_sleeves(tree, name, lambda s: replace(s, **changes))


def add_ticker(tree: TargetTree, sleeve: str, ticker: str) -> TargetTree:
    """``ticker`` joins ``sleeve`` with an equal share; the others shrink in proportion."""

    def add(s: Sleeve) -> Sleeve:
        n = len(s.assets) + 1
        rest = _rescale(list(s.assets), 1.0 - 1.0 / n)
        return replace(s, assets=(*rest, AssetTarget(ticker, 1.0 / n)))

    return _map_sleeves(tree, sleeve, add)


def remove_ticker(tree: TargetTree, sleeve: str, ticker: str) -> TargetTree:
    def remove(s: Sleeve) -> Sleeve:
        return replace(s, assets=tuple(_rescale([a for a in s.assets if a.ticker != ticker], 1.0)))

    return _map_sleeves(tree, sleeve, remove)


def set_ticker(tree: TargetTree, sleeve: str, ticker: str, /, **changes: Any) -> TargetTree:
    """Set a ticker's new name (``ticker=``), min_weight, max_weight or band."""

    def change(s: Sleeve) -> Sleeve:
        return replace(s, assets=tuple(replace(a, **changes) if a.ticker == ticker else a for a in s.assets))

    return _map_sleeves(tree, sleeve, change)


def set_sub_weight(tree: TargetTree, sleeve: str, ticker: str, weight: float) -> TargetTree:
    """A ticker's share of its sleeve; the others share the rest in proportion."""

    def change(s: Sleeve) -> Sleeve:
        w = 1.0 if len(s.assets) == 1 else min(1.0, max(0.0, weight))
        others = _rescale([a for a in s.assets if a.ticker != ticker], 1.0 - w)
        by = {a.ticker: a for a in others}
        return replace(
            s, assets=tuple(replace(a, weight=w) if a.ticker == ticker else by[a.ticker] for a in s.assets)
        )

    return _map_sleeves(tree, sleeve, change)


def balance(tree: TargetTree) -> TargetTree:
    """Scale weights so core + satellites make 100 % of small caps and small caps + outside make 100 %."""
    inside = [s for s in tree.sleeves if s.role is not Role.OUTSIDE]
    outside = [s for s in tree.sleeves if s.role is Role.OUTSIDE]
    s_in = sum(s.weight for s in inside)
    scale_in = 1.0 / s_in if s_in > 1e-12 else 0.0
    small_cap = tree.small_cap_weight if inside else 0.0
    s_out = sum(s.weight for s in outside)
    if outside:
        scale_out = (1.0 - small_cap) / s_out if s_out > 1e-12 else 0.0
    else:
        scale_out, small_cap = 0.0, 1.0
    sleeves = []
    for s in tree.sleeves:
        if s.role is Role.OUTSIDE:
            w = s.weight * scale_out if s_out > 1e-12 else (1.0 - small_cap) / len(outside)
        else:
            w = s.weight * scale_in if s_in > 1e-12 else 1.0 / len(inside)
        sleeves.append(replace(s, weight=w))
    return replace(tree, sleeves=tuple(sleeves), small_cap_weight=small_cap)


def band(absolute: float, relative: float) -> Band:
    return Band(absolute=absolute, relative=relative)


def problem(sc: Scenario, tree: TargetTree) -> str | None:
    """What is wrong with ``tree`` in the scenario, in one line; None when it can be used."""
    try:
        validate_scenario(replace(sc, targets=tree))
    except ScenarioError as exc:
        return exc.problem
    except CoresatError as exc:
        return str(exc)
    return None
