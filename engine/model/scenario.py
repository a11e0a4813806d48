"""The scenario: everything needed to reproduce a rebalance except market data.

Units, everywhere in the engine:
- weights are fractions of the total portfolio value (cash included) unless a name says otherwise;
- money is in the account currency (USD);
- volatility and tracking error are annualized fractions (0.18 = 18 %);
- trading costs are in basis points of the traded amount (1 bp = 0.01 %).

All types are frozen dataclasses: an edit makes a new value (``dataclasses.replace``), which is what
undo/redo and stale-result detection in the GUI rely on.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from engine.errors import ScenarioError

if TYPE_CHECKING:
    from engine.model.household import Household
    from engine.model.policy import Placement


class Role(StrEnum):
    """Where a sleeve sits in the core/satellite tree."""

    CORE = "core"  # the broad small-cap ETF(s), e.g. IWM or VTWO
    SATELLITE = "satellite"  # tilts inside the small-cap sleeve: value, S&P 600, growth, sectors
    OUTSIDE = "outside"  # holdings outside the small-cap sleeve (SPY, AGG, ...)


class Mode(StrEnum):
    """What kind of trades are allowed."""

    FULL = "full"  # buy and sell to get closest to the targets
    BUY_ONLY = "buy_only"  # invest new cash (contribution) without selling anything
    SELL_ONLY = "sell_only"  # raise cash (withdrawal) without buying anything


@dataclass(frozen=True)
class Band:
    """Drift band ("5/25 rule"): a node is out of band when its weight drifts from its target by more
    than ``absolute`` (fraction of the portfolio) or by more than ``relative`` × its target, whichever is
    smaller."""

    absolute: float = 0.05
    relative: float = 0.25

    def tolerance(self, target: float) -> float:
        """Allowed absolute drift for a node whose target weight is ``target``."""
        rel = self.relative * target
        return min(self.absolute, rel) if target > 0 else self.absolute

    def is_outside(self, weight: float, target: float) -> bool:
        return abs(weight - target) > self.tolerance(target) + 1e-12


@dataclass(frozen=True)
class Holding:
    """A position: ``shares`` may be fractional; ``price`` is the user's own price, if given."""

    ticker: str
    shares: float
    price: float | None = None


@dataclass(frozen=True)
class Portfolio:
    holdings: tuple[Holding, ...] = ()
    cash: float = 0.0
    currency: str = "USD"

    def shares_of(self, ticker: str) -> float:
        return sum(h.shares for h in self.holdings if h.ticker == ticker)

    @property
    def tickers(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(h.ticker for h in self.holdings))


@dataclass(frozen=True)
class AssetTarget:
    """A ticker inside a sleeve. ``weight`` is its share *of the sleeve* (sub-weights sum to 1).
    ``min_weight``/``max_weight`` bound the ticker as a fraction of the *total portfolio*."""

    ticker: str
    weight: float
    min_weight: float = 0.0
    max_weight: float = 1.0
    band: Band | None = None  # None: the scenario's default band


@dataclass(frozen=True)
class Sleeve:
    """A node of the target tree.

    For CORE and SATELLITE sleeves ``weight`` is the share *of the small-cap sleeve*; for OUTSIDE sleeves
    it is the share *of the total portfolio*. ``min_weight``/``max_weight`` are fractions of the total
    portfolio (what the user actually holds), so they are easy to check.
    """

    name: str
    role: Role
    weight: float
    assets: tuple[AssetTarget, ...]
    min_weight: float = 0.0
    max_weight: float = 1.0
    band: Band | None = None


@dataclass(frozen=True)
class TargetTree:
    """Core/satellite targets. ``small_cap_weight`` is the small-cap sleeve's share of the total
    portfolio (1.0 when the whole account is the small-cap sleeve); ``small_cap_min``/``small_cap_max``
    cap what the optimizer may hold in small caps overall."""

    sleeves: tuple[Sleeve, ...]
    small_cap_weight: float = 1.0
    small_cap_min: float = 0.0
    small_cap_max: float = 1.0
    default_band: Band = field(default_factory=Band)

    @property
    def small_cap_sleeves(self) -> tuple[Sleeve, ...]:
        return tuple(s for s in self.sleeves if s.role is not Role.OUTSIDE)

    @property
    def outside_sleeves(self) -> tuple[Sleeve, ...]:
        return tuple(s for s in self.sleeves if s.role is Role.OUTSIDE)

    @property
    def core(self) -> Sleeve | None:
        return next((s for s in self.sleeves if s.role is Role.CORE), None)

    def sleeve_weight(self, sleeve: Sleeve) -> float:
        """Target weight of a sleeve as a fraction of the total (invested) portfolio."""
        if sleeve.role is Role.OUTSIDE:
            return sleeve.weight
        return self.small_cap_weight * sleeve.weight

    def iter_assets(self) -> Iterator[tuple[Sleeve, AssetTarget, float]]:
        """(sleeve, asset, target weight of the total invested portfolio) for every asset."""
        for s in self.sleeves:
            sw = self.sleeve_weight(s)
            for a in s.assets:
                yield s, a, sw * a.weight

    def asset_weights(self) -> dict[str, float]:
        """Target weight per ticker (fractions of the invested portfolio, summing to 1)."""
        out: dict[str, float] = {}
        for _, a, w in self.iter_assets():
            out[a.ticker] = out.get(a.ticker, 0.0) + w
        return out

    @property
    def tickers(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.ticker for _, a, _ in self.iter_assets()))

    def sleeve_of(self, ticker: str) -> Sleeve | None:
        return next((s for s in self.sleeves for a in s.assets if a.ticker == ticker), None)

    def band_of_sleeve(self, sleeve: Sleeve) -> Band:
        return sleeve.band or self.default_band

    def band_of_asset(self, sleeve: Sleeve, asset: AssetTarget) -> Band:
        return asset.band or sleeve.band or self.default_band


@dataclass(frozen=True)
class Constraints:
    """What the trades must respect. Money in account currency, weights as fractions of total value."""

    vol_cap: float | None = None  # annualized portfolio volatility limit (0.18 = 18 %)
    turnover_cap: float | None = None  # traded value (buys + sells) / portfolio value
    cost_bps: float = 5.0  # trading cost per trade, bps of the traded amount
    cost_bps_by_ticker: Mapping[str, float] = field(default_factory=dict)
    min_trade: float = 0.0  # smallest trade worth making, in currency
    whole_shares: bool = True
    min_cash: float = 0.0  # cash buffer to keep after trading, in currency
    no_buy: frozenset[str] = frozenset()
    no_sell: frozenset[str] = frozenset()
    mode: Mode = Mode.FULL
    cash_flow: float = 0.0  # + contribution (new cash in), - withdrawal (cash taken out)
    force_rebalance: bool = False  # trade even when every node is inside its band
    # look-through limits (through the funds' holdings): sector name (engine.data.funds.SECTORS) or
    # company symbol -> fraction of the portfolio
    sector_max: Mapping[str, float] = field(default_factory=dict)
    sector_min: Mapping[str, float] = field(default_factory=dict)
    company_max: Mapping[str, float] = field(default_factory=dict)

    @property
    def has_look_through(self) -> bool:
        return bool(self.sector_max or self.sector_min or self.company_max)

    def cost_of(self, ticker: str) -> float:
        """Trading cost for ``ticker`` in basis points."""
        return float(self.cost_bps_by_ticker.get(ticker, self.cost_bps))


class Estimator(StrEnum):
    SAMPLE = "sample"
    EWMA = "ewma"
    LEDOIT_WOLF = "ledoit_wolf"


@dataclass(frozen=True)
class DataSettings:
    """How market data is obtained and turned into a risk model."""

    source: str = "auto"  # auto (store, else demo) | demo | store | yahoo
    risk_window_days: int = 756  # trading days of history used for the covariance (~3 years)
    estimator: Estimator = Estimator.LEDOIT_WOLF
    ewma_half_life_days: int = 126
    # (ticker, fund): a ticker without price history of its own takes its risk from the fund's history
    proxies: tuple[tuple[str, str], ...] = ()
    # tickers without price history left out of the risk model (engine.data.exclusions), sorted
    exclude_from_risk: tuple[str, ...] = ()

    def proxy_of(self, ticker: str) -> str | None:
        return next((fund for t, fund in self.proxies if t == ticker), None)


@dataclass(frozen=True)
class InlineMarket:
    """Prices and an annualized covariance matrix carried inside the scenario (offline use, tests)."""

    as_of: date
    prices: Mapping[str, float]
    tickers: tuple[str, ...]
    covariance: tuple[tuple[float, ...], ...]
    source: str = "inline"


@dataclass(frozen=True)
class Scenario:
    name: str
    portfolio: Portfolio
    targets: TargetTree
    constraints: Constraints = field(default_factory=Constraints)
    data: DataSettings = field(default_factory=DataSettings)
    market: InlineMarket | None = None
    notes: str = ""
    # Several accounts (engine.model.household). When set, ``portfolio`` is its flat view (shares and cash
    # summed over accounts) and constraints.min_cash / cash_flow are the accounts' sums (with_household).
    household: Household | None = None
    placement: Placement = field(default_factory=lambda: _default_placement())

    @functools.cached_property
    def universe(self) -> tuple[str, ...]:
        """Every ticker the rebalance deals with: the targets first, then held-but-untargeted ones.
        Computed once per (immutable) scenario: the GUI asks for it several times per slider move."""
        return tuple(dict.fromkeys((*self.targets.tickers, *self.portfolio.tickers)))

    def validate(self) -> None:
        """Raise ScenarioError naming the first field that is wrong."""
        validate_scenario(self)


def _default_placement() -> Placement:
    from engine.model.policy import Placement

    return Placement()


_TOL = 1e-6


def _short(v: object, limit: int = 40) -> str:
    """A value as written, cut short so a message stays one readable line."""
    text = repr(v)
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def _check_fraction(name: str, value: float, *, allow_none: bool = False) -> None:
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        raise ScenarioError(name, f"must be a number, got {_short(value)}")
    if not 0.0 <= value <= 1.0 + _TOL:
        raise ScenarioError(name, f"must be between 0 % and 100 %, got {value * 100:g} %")


def _check_bounds(prefix: str, lo: float, hi: float) -> None:
    _check_fraction(f"{prefix}.min", lo)
    _check_fraction(f"{prefix}.max", hi)
    if lo > hi + _TOL:
        raise ScenarioError(prefix, f"minimum {lo * 100:g} % is above maximum {hi * 100:g} %")


def validate_scenario(sc: Scenario) -> None:
    """Raise ScenarioError naming the first field that is wrong.

    The checks run in one fixed order; the portfolio's and the target tree's own checks depend on that
    part alone, so a part that passed them once (an immutable value: tuples of frozen records) is not
    checked again — an edit that replaces the constraints keeps the same portfolio and tree objects. Skipping
    checks that passed cannot change which check fails first."""
    from engine.model.scenario_checks import other_limits, portfolio_limits, targets_limits

    p, t = sc.portfolio, sc.targets
    p_known, t_known = _known_valid(p), _known_valid(t)
    if not p_known:
        portfolio_limits(p)
    if not t_known:
        targets_limits(t)
    other_limits(sc)
    if sc.household is not None:
        from engine.model.household_checks import check_household

        check_household(sc)
    if not p_known:
        _check_portfolio(p)
    if not t_known:
        _check_targets(t)
    _check_rest(sc)
    if not p_known and type(p.holdings) is tuple and all(type(h) is Holding for h in p.holdings):
        _mark_valid(p)
    if (
        not t_known
        and type(t.sleeves) is tuple
        and all(type(s) is Sleeve and type(s.assets) is tuple for s in t.sleeves)
        and all(type(a) is AssetTarget for s in t.sleeves for a in s.assets)
    ):
        _mark_valid(t)


_VALID = "_coresat_valid"  # set on a Portfolio / TargetTree that passed its checks (never a dataclass field)


def _known_valid(part: Portfolio | TargetTree) -> bool:
    return getattr(part, _VALID, False) is True


def _mark_valid(part: Portfolio | TargetTree) -> None:
    object.__setattr__(part, _VALID, True)  # a cache on a frozen value, as functools.cached_property does


def _check_portfolio(p: Portfolio) -> None:
    if p.currency != "USD":
        raise ScenarioError(
            "portfolio.currency", f"only USD accounts are supported, got {_short(p.currency)}"
        )
    if not math.isfinite(p.cash):
        raise ScenarioError("portfolio.cash", "must be a number")
    seen: set[str] = set()
    for i, h in enumerate(p.holdings):
        where = f"portfolio.holdings[{i}]"
        if not h.ticker or not h.ticker.strip():
            raise ScenarioError(f"{where}.ticker", "is empty")
        if h.ticker in seen:
            raise ScenarioError(f"{where}.ticker", f"{h.ticker} is listed twice; merge the rows")
        seen.add(h.ticker)
        if not math.isfinite(h.shares) or h.shares < 0:
            raise ScenarioError(f"{where}.shares", f"must be zero or more, got {h.shares!r}")
        if h.price is not None and (not math.isfinite(h.price) or h.price <= 0):
            raise ScenarioError(f"{where}.price", f"must be positive, got {h.price!r}")


def _check_targets(t: TargetTree) -> None:
    if not t.sleeves:
        raise ScenarioError("targets.sleeves", "no sleeves: add at least a core sleeve")
    _check_fraction("targets.small_cap_weight", t.small_cap_weight)
    _check_bounds("targets.small_cap", t.small_cap_min, t.small_cap_max)
    names: set[str] = set()
    tickers: set[str] = set()
    for i, s in enumerate(t.sleeves):
        where = f"targets.sleeves[{i}]"
        if s.name in names:
            raise ScenarioError(f"{where}.name", f"sleeve name {_short(s.name)} is used twice")
        names.add(s.name)
        _check_fraction(f"{where}.weight", s.weight)
        _check_bounds(where, s.min_weight, s.max_weight)
        if not s.assets:
            raise ScenarioError(f"{where}.assets", f"sleeve {_short(s.name)} has no tickers")
        sub = 0.0
        for j, a in enumerate(s.assets):
            aw = f"{where}.assets[{j}]"
            if not a.ticker.strip():
                raise ScenarioError(f"{aw}.ticker", "is empty")
            if a.ticker in tickers:
                raise ScenarioError(f"{aw}.ticker", f"{a.ticker} appears in two sleeves")
            tickers.add(a.ticker)
            _check_fraction(f"{aw}.weight", a.weight)
            _check_bounds(aw, a.min_weight, a.max_weight)
            sub += a.weight
        if abs(sub - 1.0) > 1e-4:
            raise ScenarioError(
                f"{where}.assets",
                f"sub-weights of sleeve {_short(s.name)} add up to {sub * 100:.4g} %, they must add up to 100 %",
            )
    inside = sum(s.weight for s in t.small_cap_sleeves)
    if t.small_cap_sleeves and abs(inside - 1.0) > 1e-4:
        raise ScenarioError(
            "targets.sleeves",
            f"core and satellite weights add up to {inside * 100:.4g} % of the small-cap sleeve; "
            "they must add up to 100 %",
        )
    total = sum(t.sleeve_weight(s) for s in t.sleeves)
    if abs(total - 1.0) > 1e-4:
        raise ScenarioError(
            "targets",
            f"small-cap weight plus outside sleeves add up to {total * 100:.4g} %; they must add up to 100 %",
        )
    if t.core is None and t.small_cap_sleeves:
        raise ScenarioError("targets.sleeves", "no sleeve has role 'core'")


def _check_rest(sc: Scenario) -> None:
    c = sc.constraints
    if c.vol_cap is not None and (not math.isfinite(c.vol_cap) or not 0 < c.vol_cap <= 2):
        raise ScenarioError(  # vol_cap_pct in the file: the value said in percent, as written there
            "constraints.vol_cap", f"must be above 0 % and at most 200 %, got {c.vol_cap * 100:.4g} %"
        )
    if c.turnover_cap is not None and (not math.isfinite(c.turnover_cap) or c.turnover_cap < 0):
        raise ScenarioError(
            "constraints.turnover_cap", f"must be zero or more, got {c.turnover_cap * 100:.4g} %"
        )
    for name, v in (("cost_bps", c.cost_bps), ("min_trade", c.min_trade), ("min_cash", c.min_cash)):
        if not math.isfinite(v) or v < 0:
            raise ScenarioError(f"constraints.{name}", f"must be zero or more, got {v!r}")
    for tk, v in c.cost_bps_by_ticker.items():
        if not math.isfinite(v) or v < 0:
            raise ScenarioError(f"constraints.cost_bps_by_ticker.{tk}", "must be zero or more")
    if not math.isfinite(c.cash_flow):
        raise ScenarioError("constraints.cash_flow", "must be a number")
    if c.mode is Mode.BUY_ONLY and c.cash_flow < 0:
        raise ScenarioError(
            "constraints.mode", "buy-only cannot pay a withdrawal; use sell-only or full rebalance"
        )
    if c.mode is Mode.SELL_ONLY and c.cash_flow > 0:
        raise ScenarioError(
            "constraints.mode",
            "sell-only cannot invest a contribution; use buy-only or full rebalance",
        )
    both = c.no_buy & c.no_sell
    if both and c.mode is Mode.FULL:
        pass  # frozen positions are allowed: neither bought nor sold

    d = sc.data
    if d.risk_window_days < 60:
        raise ScenarioError("data.risk_window_days", "needs at least 60 trading days of history")
    if d.ewma_half_life_days < 5:
        raise ScenarioError("data.ewma_half_life_days", "must be at least 5 days")
    proxied = [t for t, _ in d.proxies]
    for ticker, fund in d.proxies:
        if fund == ticker or fund in proxied:
            raise ScenarioError(
                f"data.proxies.{ticker}",
                f"{fund} cannot stand in for {ticker}: choose a fund with its own price history",
            )
    if len(set(proxied)) != len(proxied):
        raise ScenarioError("data.proxies", "a ticker has more than one proxy: keep one")
    for ticker in d.exclude_from_risk:
        if ticker in proxied:
            raise ScenarioError(
                "data.exclude_from_risk",
                f"{ticker} has a proxy and is also left out of the risk model: keep one of the two",
            )

    m = sc.market
    if m is not None:
        n = len(m.tickers)
        if len(m.covariance) != n or any(len(row) != n for row in m.covariance):
            raise ScenarioError("market.covariance", f"must be a {n}×{n} matrix (one row per ticker)")
        for i, row in enumerate(m.covariance):
            for j, v in enumerate(row):
                if not math.isfinite(v):
                    raise ScenarioError(f"market.covariance[{i}][{j}]", "must be a number")
                if abs(v - m.covariance[j][i]) > 1e-9 * max(1.0, abs(v)):
                    raise ScenarioError("market.covariance", "must be symmetric")
        for tk, px in m.prices.items():
            if not math.isfinite(px) or px <= 0:
                raise ScenarioError(f"market.prices.{tk}", f"must be positive, got {px!r}")
