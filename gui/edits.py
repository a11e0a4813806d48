"""Scenario edits the panels ask for, as pure functions ``Scenario -> Scenario`` (no Qt, no finance).

Keeping totals at 100 %, in words the targets panel repeats to the user:
- moving the **core** makes the satellites share the rest in their current proportions;
- moving a **satellite** makes the core take up (or give back) the difference;
- moving the **small-cap share** makes the outside sleeves share the rest; moving an outside sleeve makes
  the small-cap share take up the difference;
- moving a ticker inside a sleeve makes the sleeve's other tickers share the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from engine.model.scenario import Holding, Role, Scenario, Sleeve

PRESETS: tuple[tuple[int, int], ...] = ((100, 0), (80, 20), (70, 30), (60, 40), (50, 50))


def _clamp(x: float, lo: float = 0.0, hi: float = 1.0) -> float:
    return min(hi, max(lo, x))


def _share(weights: Sequence[float], total: float) -> list[float]:
    """Scale ``weights`` so they add up to ``total`` (equal split when they are all zero)."""
    if not weights:
        return []
    s = sum(weights)
    if s <= 1e-12:
        return [total / len(weights)] * len(weights)
    return [w * total / s for w in weights]


def _with_sleeves(sc: Scenario, sleeves: Sequence[Sleeve], **tree: Any) -> Scenario:
    return replace(sc, targets=replace(sc.targets, sleeves=tuple(sleeves), **tree))


def set_core_weight(sc: Scenario, weight: float) -> Scenario:
    """Core share of the small-cap sleeve; satellites share the rest in proportion."""
    weight = _clamp(weight)
    sats = [s for s in sc.targets.sleeves if s.role is Role.SATELLITE]
    if not sats:
        weight = 1.0
    new = dict(zip((s.name for s in sats), _share([s.weight for s in sats], 1.0 - weight), strict=True))
    out = []
    for s in sc.targets.sleeves:
        if s.role is Role.CORE:
            out.append(replace(s, weight=weight))
        elif s.name in new:
            out.append(replace(s, weight=new[s.name]))
        else:
            out.append(s)
    return _with_sleeves(sc, out)


def set_sleeve_weight(sc: Scenario, name: str, weight: float) -> Scenario:
    """A satellite's or outside sleeve's weight; the core (or the small-cap share) takes the difference."""
    sleeve = next(s for s in sc.targets.sleeves if s.name == name)
    if sleeve.role is Role.CORE:
        return set_core_weight(sc, weight)
    if sleeve.role is Role.OUTSIDE:
        others = sum(s.weight for s in sc.targets.outside_sleeves if s.name != name)
        weight = _clamp(weight, 0.0, 1.0 - others)
        out = [replace(s, weight=weight) if s.name == name else s for s in sc.targets.sleeves]
        return _with_sleeves(sc, out, small_cap_weight=1.0 - others - weight)
    others = sum(s.weight for s in sc.targets.sleeves if s.role is Role.SATELLITE and s.name != name)
    weight = _clamp(weight, 0.0, 1.0 - others)
    core = 1.0 - others - weight
    out = []
    for s in sc.targets.sleeves:
        if s.name == name:
            out.append(replace(s, weight=weight))
        elif s.role is Role.CORE:
            out.append(replace(s, weight=core))
        else:
            out.append(s)
    return _with_sleeves(sc, out)


def set_small_cap_weight(sc: Scenario, weight: float) -> Scenario:
    """Small-cap share of the whole portfolio; the outside sleeves share the rest in proportion."""
    outs = sc.targets.outside_sleeves
    if not outs:
        return sc
    weight = _clamp(weight)
    new = dict(zip((s.name for s in outs), _share([s.weight for s in outs], 1.0 - weight), strict=True))
    out = [replace(s, weight=new[s.name]) if s.name in new else s for s in sc.targets.sleeves]
    return _with_sleeves(sc, out, small_cap_weight=weight)


def apply_preset(sc: Scenario, core_pct: int) -> Scenario:
    return set_core_weight(sc, core_pct / 100.0)


def set_asset_weight(sc: Scenario, sleeve_name: str, ticker: str, weight: float) -> Scenario:
    """A ticker's share of its sleeve; the sleeve's other tickers share the rest in proportion."""
    weight = _clamp(weight)
    out = []
    for s in sc.targets.sleeves:
        if s.name != sleeve_name:
            out.append(s)
            continue
        others = [a for a in s.assets if a.ticker != ticker]
        if not others:
            weight = 1.0
        rest = dict(
            zip((a.ticker for a in others), _share([a.weight for a in others], 1.0 - weight), strict=True)
        )
        assets = tuple(replace(a, weight=weight if a.ticker == ticker else rest[a.ticker]) for a in s.assets)
        out.append(replace(s, assets=assets))
    return _with_sleeves(sc, out)


# -- holdings ---------------------------------------------------------------------------------------


def _with_holdings(sc: Scenario, holdings: Sequence[Holding]) -> Scenario:
    return replace(sc, portfolio=replace(sc.portfolio, holdings=tuple(holdings)))


def set_shares(sc: Scenario, ticker: str, shares: float) -> Scenario:
    hs = list(sc.portfolio.holdings)
    for i, h in enumerate(hs):
        if h.ticker == ticker:
            hs[i] = replace(h, shares=shares)
            return _with_holdings(sc, hs)
    return _with_holdings(sc, [*hs, Holding(ticker, shares)])


def set_price(sc: Scenario, ticker: str, price: float | None) -> Scenario:
    """The user's own price for a holding (``None``: use the market price)."""
    hs = list(sc.portfolio.holdings)
    for i, h in enumerate(hs):
        if h.ticker == ticker:
            hs[i] = replace(h, price=price)
            return _with_holdings(sc, hs)
    return _with_holdings(sc, [*hs, Holding(ticker, 0.0, price)])


def rename_holding(sc: Scenario, old: str, new: str) -> Scenario:
    return _with_holdings(
        sc, [replace(h, ticker=new) if h.ticker == old else h for h in sc.portfolio.holdings]
    )


def add_holding(sc: Scenario, ticker: str, shares: float = 0.0) -> Scenario:
    if ticker in sc.portfolio.tickers:
        return sc
    return _with_holdings(sc, [*sc.portfolio.holdings, Holding(ticker, shares)])


def remove_holding(sc: Scenario, ticker: str) -> Scenario:
    return _with_holdings(sc, [h for h in sc.portfolio.holdings if h.ticker != ticker])


def replace_holdings(sc: Scenario, holdings: Sequence[Holding]) -> Scenario:
    return _with_holdings(sc, holdings)


def set_cash(sc: Scenario, cash: float) -> Scenario:
    return replace(sc, portfolio=replace(sc.portfolio, cash=cash))


# -- constraints ------------------------------------------------------------------------------------


def set_constraints(sc: Scenario, **changes: Any) -> Scenario:
    return replace(sc, constraints=replace(sc.constraints, **changes))


def set_restriction(
    sc: Scenario, ticker: str, *, no_buy: bool | None = None, no_sell: bool | None = None
) -> Scenario:
    c = sc.constraints
    nb, ns = set(c.no_buy), set(c.no_sell)
    if no_buy is not None:
        (nb.add if no_buy else nb.discard)(ticker)
    if no_sell is not None:
        (ns.add if no_sell else ns.discard)(ticker)
    return set_constraints(sc, no_buy=frozenset(nb), no_sell=frozenset(ns))


def new_scenario(name: str = "Untitled") -> Scenario:
    """A blank scenario: an IWM core at 100 % of the portfolio, no holdings."""
    from engine.model.scenario import AssetTarget, Portfolio, TargetTree

    core = Sleeve(name="Core", role=Role.CORE, weight=1.0, assets=(AssetTarget("IWM", 1.0),))
    return Scenario(
        name=name, portfolio=Portfolio(holdings=(), cash=10000.0), targets=TargetTree(sleeves=(core,))
    )


def set_proxies(sc: Scenario, choices: dict[str, str]) -> Scenario:
    """Let a fund's price history stand in for each ticker in ``choices`` (ticker -> fund). A proxied
    ticker that is not in the targets is also kept from being bought: its risk equals its fund's, so the
    optimizer could not tell buying it from buying the fund."""
    proxies = {t: f for t, f in sc.data.proxies if t not in choices} | {t: f for t, f in choices.items() if f}
    untargeted = {t for t in choices if sc.targets.sleeve_of(t) is None}
    constraints = replace(sc.constraints, no_buy=sc.constraints.no_buy | untargeted)
    return replace(sc, data=replace(sc.data, proxies=tuple(sorted(proxies.items()))), constraints=constraints)


def exclude_from_risk(sc: Scenario, tickers: tuple[str, ...]) -> Scenario:
    """Leave ``tickers`` (without price history) out of the risk model instead of giving them a proxy
    (engine.data.exclusions). One outside the targets is also kept from being bought: with no risk
    estimate it would look riskless to the volatility cap."""
    excluded = tuple(sorted(set(sc.data.exclude_from_risk) | set(tickers)))
    proxies = tuple((t, f) for t, f in sc.data.proxies if t not in tickers)
    untargeted = {t for t in tickers if sc.targets.sleeve_of(t) is None}
    constraints = replace(sc.constraints, no_buy=sc.constraints.no_buy | untargeted)
    data = replace(sc.data, exclude_from_risk=excluded, proxies=proxies)
    return replace(sc, data=data, constraints=constraints)
