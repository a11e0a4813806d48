"""Writing scenario files: the current version, percent fields, atomically (temp file, fsync, rename).

Reading, validation and migration live in :mod:`engine.model.scenario_file`, which re-exports these.
"""

from __future__ import annotations

from pathlib import Path

import tomli_w

from engine.io.atomic import write_atomic as _write_atomic
from engine.model.household_file import household_doc, placement_doc
from engine.model.scenario import Band, Scenario
from engine.model.scenario_format import FORMAT, VERSION, Doc


def _r(x: float) -> float:
    """Round percent values for humans without losing meaningful precision."""
    return float(round(x, 10))


def _band_doc(b: Band) -> Doc:
    return {"absolute_pct": _r(b.absolute * 100), "relative_pct": _r(b.relative * 100)}


def to_dict(sc: Scenario) -> Doc:
    doc: Doc = {"format": FORMAT, "version": VERSION, "name": sc.name}
    if sc.notes:
        doc["notes"] = sc.notes
    if sc.household is not None:
        doc["household"] = household_doc(sc.household)
    holdings = []
    for h in sc.portfolio.holdings if sc.household is None else ():
        hd: Doc = {"ticker": h.ticker, "shares": h.shares}
        if h.price is not None:
            hd["price"] = h.price
        holdings.append(hd)
    if sc.household is None:
        doc["portfolio"] = {
            "currency": sc.portfolio.currency,
            "cash": sc.portfolio.cash,
            "holdings": holdings,
        }
    t = sc.targets
    sleeves = []
    for s in t.sleeves:
        sd: Doc = {
            "name": s.name,
            "role": s.role.value,
            "weight_pct": _r(s.weight * 100),
            "min_pct": _r(s.min_weight * 100),
            "max_pct": _r(s.max_weight * 100),
        }
        if s.band is not None:
            sd["band"] = _band_doc(s.band)
        assets = []
        for a in s.assets:
            ad: Doc = {"ticker": a.ticker, "weight_pct": _r(a.weight * 100)}
            if a.min_weight > 0:
                ad["min_pct"] = _r(a.min_weight * 100)
            if a.max_weight < 1:
                ad["max_pct"] = _r(a.max_weight * 100)
            if a.band is not None:
                ad["band"] = _band_doc(a.band)
            assets.append(ad)
        sd["assets"] = assets
        sleeves.append(sd)
    doc["targets"] = {
        "small_cap_weight_pct": _r(t.small_cap_weight * 100),
        "small_cap_min_pct": _r(t.small_cap_min * 100),
        "small_cap_max_pct": _r(t.small_cap_max * 100),
        "default_band": _band_doc(t.default_band),
        "sleeves": sleeves,
    }
    c = sc.constraints
    cd: Doc = {
        "mode": c.mode.value,
        "cash_flow": c.cash_flow,
        "cost_bps": c.cost_bps,
        "min_trade": c.min_trade,
        "whole_shares": c.whole_shares,
        "min_cash": c.min_cash,
        "force_rebalance": c.force_rebalance,
        "no_buy": sorted(c.no_buy),
        "no_sell": sorted(c.no_sell),
    }
    if c.vol_cap is not None:
        cd["vol_cap_pct"] = _r(c.vol_cap * 100)
    if c.turnover_cap is not None:
        cd["turnover_cap_pct"] = _r(c.turnover_cap * 100)
    if c.cost_bps_by_ticker:
        cd["cost_bps_by_ticker"] = dict(sorted(c.cost_bps_by_ticker.items()))
    for key, limits in (
        ("sector_max", c.sector_max),
        ("sector_min", c.sector_min),
        ("company_max", c.company_max),
    ):
        if limits:
            cd[f"{key}_pct"] = {k: _r(v * 100) for k, v in sorted(limits.items())}
    if sc.household is not None:  # the accounts carry them
        del cd["min_cash"], cd["cash_flow"]
    doc["constraints"] = cd
    placement = placement_doc(sc.placement)
    if placement is not None:
        doc["placement"] = placement
    d = sc.data
    doc["data"] = {
        "source": d.source,
        "risk_window_days": d.risk_window_days,
        "estimator": d.estimator.value,
        "ewma_half_life_days": d.ewma_half_life_days,
    }
    if d.proxies:
        doc["data"]["proxies"] = dict(d.proxies)
    if d.exclude_from_risk:
        doc["data"]["exclude_from_risk"] = sorted(d.exclude_from_risk)
    if sc.market is not None:
        m = sc.market
        doc["market"] = {
            "as_of": m.as_of,
            "source": m.source,
            "prices": dict(m.prices),
            "tickers": list(m.tickers),
            "covariance": [list(r) for r in m.covariance],
        }
    return doc


def dumps(sc: Scenario) -> str:
    header = (
        "# Coresat scenario file (TOML). Percent fields end in _pct; money is in the account currency.\n"
        "# Coresat computes what these settings imply; it is not investment advice.\n\n"
    )
    return header + tomli_w.dumps(to_dict(sc))


def save(sc: Scenario, path: str | Path) -> None:
    """Validate, then write atomically: a temp file in the same folder, fsync, rename."""
    sc.validate()
    write_atomic(Path(path), dumps(sc))


def write_atomic(path: Path, text: str) -> None:
    """Atomic save that keeps permissions, writes through symlinks and never creates folders
    (:func:`engine.io.atomic.write_atomic`); SaveError says why a save failed."""
    _write_atomic(path, text)
