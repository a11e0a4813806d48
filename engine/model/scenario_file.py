"""The scenario file: versioned, human-readable TOML that an advisor can e-mail, diff and keep per client.

Percentages are written as percent (``weight_pct = 70``) because that is how people read them; money in
the account currency. Reading validates every field and names the one that is wrong; older versions are
migrated on read. Writing (atomic: temp file in the same folder, then rename) is in
:mod:`engine.model.scenario_write` and re-exported here, so ``scenario_file.load``/``save`` is the API.

Version history:
- 1: weights and limits as fractions (``weight = 0.7``, ``vol_cap = 0.18``), no ``format`` key.
- 2: percent fields with a ``_pct`` suffix; ``format = "coresat-scenario"``.
- 3: optional ``[household]`` (accounts → positions → lots) and ``[placement]``
  (:mod:`engine.model.household_file`); ``[portfolio]`` remains the one-taxable-account shorthand that
  version 1 and 2 files migrate to.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from engine.errors import ScenarioError
from engine.io.errors import InputError
from engine.io.safe_open import read_user_text
from engine.model.household import with_household
from engine.model.household_file import read_household, read_placement
from engine.model.scenario import (
    AssetTarget,
    Band,
    Constraints,
    DataSettings,
    Estimator,
    Holding,
    InlineMarket,
    Mode,
    Portfolio,
    Role,
    Scenario,
    Sleeve,
    TargetTree,
)
from engine.model.scenario_format import FORMAT, SUFFIX, VERSION, Doc
from engine.model.scenario_write import dumps, save, to_dict, write_atomic

MAX_FILE_BYTES = 5_000_000  # a scenario with an inline 500-ticker covariance is about 3 MB

__all__ = [
    "FORMAT",
    "SUFFIX",
    "VERSION",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "migrate",
    "save",
    "to_dict",
    "write_atomic",
]


# --------------------------------------------------------------------------------------------- reading


def load(path: str | Path) -> Scenario:
    """Read and validate a scenario file. Raises ScenarioError with a readable reason."""
    try:
        text = read_user_text(path, MAX_FILE_BYTES, "scenario file")
    except InputError as exc:
        raise ScenarioError("", str(exc)) from None
    return loads(text, source=Path(path).name)


def loads(text: str, *, source: str = "scenario") -> Scenario:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError("", f"{source} is not valid TOML: {exc}") from None
    except RecursionError:
        raise ScenarioError("", f"{source} nests lists or tables too deeply to be a scenario") from None
    doc = migrate(doc)
    sc = from_dict(doc)
    sc.validate()
    return sc


def migrate(doc: Doc) -> Doc:
    """Bring a document of any known version to the current one."""
    version = doc.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool):
        raise ScenarioError("version", f"must be a whole number, got {_short(version)}")
    if version < 1:
        raise ScenarioError(
            "version", f"must be 1 or more (this Coresat writes {VERSION}), got {_short(version)}"
        )
    if version > VERSION:
        raise ScenarioError(
            "version",
            f"file version {_short(version)} is newer than this Coresat understands ({VERSION}); update Coresat",
        )
    fmt = doc.get("format", FORMAT if version == 1 else None)
    if fmt != FORMAT:
        raise ScenarioError("format", f"expected {FORMAT!r}, got {_short(fmt)}: not a Coresat scenario")
    while version < VERSION:
        doc = _MIGRATIONS[version](doc)
        version = doc["version"]
    return doc


def _v1_to_v2(doc: Doc) -> Doc:
    """Version 1 stored fractions; version 2 stores percent with a _pct suffix.

    Parts of an unexpected type are passed on unchanged, for the reader to name the field.
    """

    def pct(d: Any, keys: tuple[str, ...]) -> Any:
        if not isinstance(d, dict):
            return d
        out = dict(d)
        for k in keys:
            v = out.get(k)
            if isinstance(v, int | float) and not isinstance(v, bool):
                try:
                    out[f"{k}_pct"] = float(out.pop(k)) * 100.0
                except OverflowError:
                    out[f"{k}_pct"] = v  # too large either way; the reader says so
        return out

    new: Doc = dict(doc)
    new["format"] = FORMAT
    new["version"] = 2
    t = new.get("targets", {})
    if isinstance(t, dict):
        t = pct(t, ("small_cap_weight", "small_cap_min", "small_cap_max"))
        if "default_band" in t:
            t["default_band"] = pct(t["default_band"], ("absolute", "relative"))
        sleeves = t.get("sleeves", [])
        if isinstance(sleeves, list):
            out = []
            for s in sleeves:
                s2 = pct(s, ("weight", "min", "max"))
                if isinstance(s2, dict):
                    if "band" in s2:
                        s2["band"] = pct(s2["band"], ("absolute", "relative"))
                    assets = s2.get("assets", [])
                    if isinstance(assets, list):
                        s2["assets"] = [pct(a, ("weight", "min", "max")) for a in assets]
                out.append(s2)
            t["sleeves"] = out
        new["targets"] = t
    if "constraints" in new:
        new["constraints"] = pct(new["constraints"], ("vol_cap", "turnover_cap"))
    return new


def _v2_to_v3(doc: Doc) -> Doc:
    """Version 2 is one account: its ``[portfolio]`` is version 3's one-taxable-account shorthand."""
    return dict(doc) | {"version": 3}


_MIGRATIONS: dict[int, Callable[[Doc], Doc]] = {1: _v1_to_v2, 2: _v2_to_v3}


def _short(v: Any, limit: int = 40) -> str:
    """A value as the file wrote it, cut short: a 400-digit number is not repeated in a message."""
    try:
        text = repr(v)
    except RecursionError:
        return f"a deeply nested {type(v).__name__}"
    return text if len(text) <= limit else f"{text[: limit - 1]}… ({len(text)} characters)"


class _Reader:
    """Typed field access that names the field on error."""

    def __init__(self, d: Any, where: str) -> None:
        if not isinstance(d, dict):
            raise ScenarioError(where, f"must be a table, got {type(d).__name__}")
        self.d: dict[str, Any] = d
        self.where = where

    def _name(self, key: str) -> str:
        if not key:  # a bare value read through a reader (a covariance cell): the field is ``where``
            return self.where
        return f"{self.where}.{key}" if self.where else key

    def has(self, key: str) -> bool:
        return key in self.d

    def num(self, key: str, default: float | None = None) -> float:
        v = self.d.get(key, default)
        if v is None:
            raise ScenarioError(self._name(key), "is required")
        if isinstance(v, bool) or not isinstance(v, int | float):
            raise ScenarioError(self._name(key), f"must be a number, got {_short(v)}")
        try:
            f = float(v)
        except OverflowError:  # a whole number with hundreds of digits
            raise ScenarioError(self._name(key), f"{_short(v)} is too large to be a number") from None
        if not math.isfinite(f):
            raise ScenarioError(self._name(key), f"must be a finite number, got {_short(v)}")
        return f

    def opt_num(self, key: str) -> float | None:
        return self.num(key) if self.d.get(key) is not None else None

    def pct(self, key: str, default: float | None = None) -> float:
        return self.num(f"{key}_pct", None if default is None else default * 100.0) / 100.0

    def opt_pct(self, key: str) -> float | None:
        v = self.opt_num(f"{key}_pct")
        return None if v is None else v / 100.0

    def text(self, key: str, default: str | None = None) -> str:
        v = self.d.get(key, default)
        if v is None:
            raise ScenarioError(self._name(key), "is required")
        if not isinstance(v, str):
            raise ScenarioError(self._name(key), f"must be text, got {_short(v)}")
        return v

    def flag(self, key: str, default: bool) -> bool:
        v = self.d.get(key, default)
        if not isinstance(v, bool):
            raise ScenarioError(self._name(key), f"must be true or false, got {_short(v)}")
        return v

    def items(self, key: str) -> list[Any]:
        v = self.d.get(key, [])
        if not isinstance(v, list):
            raise ScenarioError(self._name(key), "must be a list")
        return v

    def table(self, key: str) -> _Reader:
        return _Reader(self.d.get(key, {}), self._name(key))

    def tickers(self, key: str) -> frozenset[str]:
        out = set()
        for i, v in enumerate(self.items(key)):
            if not isinstance(v, str) or not v.strip():
                raise ScenarioError(f"{self._name(key)}[{i}]", f"must be a ticker, got {_short(v)}")
            out.add(_ticker(v))
        return frozenset(out)

    def choice(self, key: str, enum: Any, default: Any) -> Any:
        v = self.text(key, default.value)
        try:
            return enum(v)
        except ValueError:
            allowed = ", ".join(m.value for m in enum)
            raise ScenarioError(self._name(key), f"must be one of {allowed}; got {_short(v)}") from None


def _ticker(s: str) -> str:
    return s.strip().upper()


def _pcts(cr: _Reader, key: str) -> dict[str, float]:
    """A table of percents ``{name = 20}`` as fractions."""
    t = cr.table(key)
    return {str(k): t.num(k) / 100.0 for k in t.d}


def _sectors(cr: _Reader, key: str) -> dict[str, float]:
    """Sector limits keyed by the scheme's sector names (aliases such as "financial services" accepted)."""
    from engine.data.funds import SECTORS, canonical_sector

    out: dict[str, float] = {}
    for name, v in _pcts(cr, key).items():
        sector = canonical_sector(name)
        if sector not in SECTORS:
            raise ScenarioError(
                f"constraints.{key}.{name}", f"is not a sector; use one of: {', '.join(SECTORS)}"
            )
        out[sector] = v
    return out


def _band(r: _Reader | None) -> Band | None:
    if r is None:
        return None
    return Band(absolute=r.pct("absolute", 0.05), relative=r.pct("relative", 0.25))


def from_dict(doc: Doc) -> Scenario:
    root = _Reader(doc, "")
    name = root.text("name", "Untitled scenario")

    pr = root.table("portfolio")
    holdings = []
    for i, h in enumerate(pr.items("holdings")):
        hr = _Reader(h, f"portfolio.holdings[{i}]")
        holdings.append(
            Holding(
                ticker=_ticker(hr.text("ticker")),
                shares=hr.num("shares"),
                price=hr.opt_num("price"),
            )
        )
    portfolio = Portfolio(
        holdings=tuple(holdings), cash=pr.num("cash", 0.0), currency=pr.text("currency", "USD")
    )

    tr = root.table("targets")
    sleeves = []
    for i, s in enumerate(tr.items("sleeves")):
        sr = _Reader(s, f"targets.sleeves[{i}]")
        assets = []
        for j, a in enumerate(sr.items("assets")):
            ar = _Reader(a, f"targets.sleeves[{i}].assets[{j}]")
            assets.append(
                AssetTarget(
                    ticker=_ticker(ar.text("ticker")),
                    weight=ar.pct("weight"),
                    min_weight=ar.pct("min", 0.0),
                    max_weight=ar.pct("max", 1.0),
                    band=_band(ar.table("band")) if ar.has("band") else None,
                )
            )
        sleeves.append(
            Sleeve(
                name=sr.text("name"),
                role=sr.choice("role", Role, Role.SATELLITE),
                weight=sr.pct("weight"),
                assets=tuple(assets),
                min_weight=sr.pct("min", 0.0),
                max_weight=sr.pct("max", 1.0),
                band=_band(sr.table("band")) if sr.has("band") else None,
            )
        )
    targets = TargetTree(
        sleeves=tuple(sleeves),
        small_cap_weight=tr.pct("small_cap_weight", 1.0),
        small_cap_min=tr.pct("small_cap_min", 0.0),
        small_cap_max=tr.pct("small_cap_max", 1.0),
        default_band=_band(tr.table("default_band")) or Band(),
    )

    cr = root.table("constraints")
    costs = cr.table("cost_bps_by_ticker")
    constraints = Constraints(
        vol_cap=cr.opt_pct("vol_cap"),
        turnover_cap=cr.opt_pct("turnover_cap"),
        cost_bps=cr.num("cost_bps", 5.0),
        cost_bps_by_ticker={_ticker(k): costs.num(k) for k in costs.d},
        min_trade=cr.num("min_trade", 0.0),
        whole_shares=cr.flag("whole_shares", True),
        min_cash=cr.num("min_cash", 0.0),
        no_buy=cr.tickers("no_buy"),
        no_sell=cr.tickers("no_sell"),
        mode=cr.choice("mode", Mode, Mode.FULL),
        cash_flow=cr.num("cash_flow", 0.0),
        force_rebalance=cr.flag("force_rebalance", False),
        sector_max=_sectors(cr, "sector_max_pct"),
        sector_min=_sectors(cr, "sector_min_pct"),
        company_max={_ticker(k): v for k, v in _pcts(cr, "company_max_pct").items()},
    )

    dr = root.table("data")
    data = DataSettings(
        source=dr.text("source", "auto"),
        risk_window_days=int(dr.num("risk_window_days", 756)),
        estimator=dr.choice("estimator", Estimator, Estimator.LEDOIT_WOLF),
        ewma_half_life_days=int(dr.num("ewma_half_life_days", 126)),
        proxies=tuple((_ticker(t), _ticker(dr.table("proxies").text(t))) for t in dr.table("proxies").d),
        exclude_from_risk=tuple(sorted(dr.tickers("exclude_from_risk"))),
    )
    if data.source not in ("auto", "demo", "store", "yahoo"):
        raise ScenarioError("data.source", f"must be auto, demo, store or yahoo; got {_short(data.source)}")

    market = None
    if root.has("market"):
        mr = root.table("market")
        as_of = mr.d.get("as_of")
        if isinstance(as_of, str):
            try:
                as_of = date.fromisoformat(as_of)
            except ValueError:
                raise ScenarioError(
                    "market.as_of", f"must be a date (YYYY-MM-DD), got {_short(as_of)}"
                ) from None
        if not isinstance(as_of, date):
            raise ScenarioError("market.as_of", "is required: the date of the prices (YYYY-MM-DD)")
        prices = mr.table("prices")
        cov_raw = mr.items("covariance")
        cov = []
        for i, row in enumerate(cov_raw):
            if not isinstance(row, list):
                raise ScenarioError(f"market.covariance[{i}]", "must be a list of numbers")
            cov.append(
                tuple(_Reader({"": v}, f"market.covariance[{i}][{j}]").num("") for j, v in enumerate(row))
            )
        tickers = tuple(_ticker(t) for t in mr.items("tickers") if isinstance(t, str))
        if len(tickers) != len(mr.items("tickers")):
            raise ScenarioError("market.tickers", "must be a list of tickers")
        market = InlineMarket(
            as_of=as_of,
            prices={_ticker(k): prices.num(k) for k in prices.d},
            tickers=tickers,
            covariance=tuple(cov),
            source=mr.text("source", "inline"),
        )

    sc = Scenario(
        name=name,
        portfolio=portfolio,
        targets=targets,
        constraints=constraints,
        data=data,
        market=market,
        notes=root.text("notes", ""),
        placement=read_placement(root),
    )
    if root.has("household"):
        for key, where in (
            ("portfolio", "portfolio"),
            ("min_cash", "constraints.min_cash"),
            ("cash_flow", "constraints.cash_flow"),
        ):
            if (root if key == "portfolio" else cr).has(key):
                raise ScenarioError(where, "a household file keeps this in its accounts; remove it here")
        sc = with_household(sc, read_household(root, _Reader))
    return sc
