"""File > New: starting points for a scenario (Qt-free), and the bundled list of ETFs with their names
that ticker entry completes from (``resources/etfs/etfs.csv``, read-only)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache

from engine import resources
from engine.model.scenario import AssetTarget, Portfolio, Role, Scenario, Sleeve, TargetTree


@dataclass(frozen=True)
class Etf:
    ticker: str
    name: str
    category: str


@cache
def etfs() -> tuple[Etf, ...]:
    """The bundled small-cap, sector and common outside ETFs, in file order."""
    rows = csv.DictReader(io.StringIO(resources.read_text("etfs", "etfs.csv")))
    return tuple(Etf(r["ticker"].strip(), r["name"].strip(), r["category"].strip()) for r in rows)


def etf_name(ticker: str) -> str:
    """The fund's name, or "" for a ticker not in the list."""
    return next((e.name for e in etfs() if e.ticker == ticker.upper()), "")


def _sleeve(name: str, role: Role, weight: float, *tickers: tuple[str, float]) -> Sleeve:
    return Sleeve(name=name, role=role, weight=weight, assets=tuple(AssetTarget(t, w) for t, w in tickers))


def _scenario(name: str, sleeves: tuple[Sleeve, ...], small_cap: float = 1.0, notes: str = "") -> Scenario:
    return Scenario(
        name=name,
        portfolio=Portfolio(holdings=(), cash=10000.0),
        targets=TargetTree(sleeves=sleeves, small_cap_weight=small_cap),
        notes=notes,
    )


# (key, title) -> builder. Titles are translated by the GUI (QCoreApplication.translate("Templates", ...)).
TEMPLATES: dict[str, str] = {
    "blank": "Blank: an IWM core only",
    "iwm_value": "IWM core with value satellites (IWN, VBR)",
    "vtwo_sp600_growth": "VTWO core with S&P 600 and growth satellites",
    "total": "Total portfolio with a small-cap sleeve (SPY, AGG outside)",
}


def template(key: str, name: str | None = None) -> Scenario:
    """A new scenario from template ``key`` (no holdings, $10,000 cash to invest)."""
    C, S, OUT = Role.CORE, Role.SATELLITE, Role.OUTSIDE
    sleeves: tuple[Sleeve, ...]
    if key == "blank":
        sleeves = (_sleeve("Core", C, 1.0, ("IWM", 1.0)),)
        return _scenario(name or "Untitled", sleeves)
    if key == "iwm_value":
        sleeves = (
            _sleeve("Core", C, 0.7, ("IWM", 1.0)),
            _sleeve("Value", S, 0.3, ("IWN", 0.5), ("VBR", 0.5)),
        )
        return _scenario(name or "IWM core with value satellites", sleeves)
    if key == "vtwo_sp600_growth":
        sleeves = (
            _sleeve("Core", C, 0.6, ("VTWO", 1.0)),
            _sleeve("S&P 600", S, 0.25, ("IJR", 1.0)),
            _sleeve("Growth", S, 0.15, ("VBK", 1.0)),
        )
        return _scenario(name or "VTWO core with S&P 600 and growth", sleeves)
    if key == "total":
        sleeves = (
            _sleeve("Core", C, 0.7, ("VTWO", 1.0)),
            _sleeve("Value", S, 0.3, ("VBR", 1.0)),
            _sleeve("US large caps", OUT, 0.6, ("SPY", 1.0)),
            _sleeve("Bonds", OUT, 0.2, ("AGG", 1.0)),
        )
        return _scenario(name or "Total portfolio with a small-cap sleeve", sleeves, small_cap=0.2)
    raise KeyError(key)
