"""Turn a Scenario and a MarketSnapshot into the numbers the optimizer works on.

Everything here is in weights: fractions of ``value`` = holdings at the prices used + cash + cash flow.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from engine.errors import DataError, ScenarioError
from engine.market import BoolArray, FloatArray, MarketSnapshot
from engine.model.scenario import AssetTarget, Band, Mode, Role, Scenario, Sleeve
from engine.result import make_row

if TYPE_CHECKING:
    from engine.data.funds import FundData
    from engine.risk.exposures import ExposureModel

UNTARGETED = "Not in targets"
BIG = 10.0  # stands for "no limit" in parameters (weights and vols never get near it)
# Up to this many tickers, which ticker belongs to which sleeve is parameter data of the compiled problem, so
# one compiled problem serves every target tree with the same number of tickers and sleeves (a book of
# many differently grouped policies compiles once per size). Above it the membership is constant and
# sparse: as data it would make a dense sleeves × tickers block.
MEMBERS_AS_DATA_MAX = 60
DUST = 1.0  # the smallest trade worth making, in currency: anything smaller is dust, never proposed


@dataclass(frozen=True, eq=False)
class Node:
    """A group of assets whose total weight has a target, bounds and a band (sleeve or small-cap sleeve)."""

    key: str  # "sleeve:Core", "small_cap"
    label: str
    role: str
    members: FloatArray  # 0/1 per asset
    target: float
    lo: float
    hi: float
    band: Band


@dataclass(frozen=True, eq=False)
class LookRow:
    """A look-through limit: a sector's (or one underlying company's) share of the portfolio through all
    funds, ``row @ weights``, within [lo, hi]. ``row[i]`` is the fraction of fund i in it."""

    kind: str  # "sector" or "company"
    subject: str  # the sector name, or the company's symbol
    label: str  # how messages name it
    row: FloatArray  # per asset
    lo: float
    hi: float


@dataclass(frozen=True, eq=False)
class Inputs:
    scenario: Scenario
    market: MarketSnapshot
    tickers: tuple[str, ...]
    sleeve_names: tuple[str, ...]  # per asset
    prices: FloatArray
    shares0: FloatArray
    value: float  # total value after the cash flow, before trades
    cash0: float  # cash after the cash flow, before trades (may be negative: a withdrawal to fund)
    w0: FloatArray
    c0: float
    target: FloatArray  # asset targets scaled so that sum(target) + cash_target = 1
    cash_target: float
    lo: FloatArray
    hi: FloatArray
    buy_ub: FloatArray
    sell_ub: FloatArray
    kappa: FloatArray  # cost per unit traded (bps / 1e4)
    no_buy: BoolArray  # may not be bought (no-buy list or sell-only mode)
    no_sell: BoolArray  # may not be sold (no-sell list or buy-only mode)
    cov: FloatArray
    cash_min: float  # weight
    turnover_cap: float  # weight, BIG when none
    vol_cap: float  # BIG when none
    nodes: tuple[Node, ...]
    asset_bands: tuple[Band, ...]
    look_through: tuple[LookRow, ...] = ()  # sector / company limits (empty when none is set)
    look_notes: tuple[str, ...] = ()  # what the look-through limits assume (missing fund data)
    sector_matrix: FloatArray | None = None  # rows × assets: the funds' sectors, when fund data was read
    sector_rows: tuple[str, ...] = ()  # names of those rows

    @property
    def n(self) -> int:
        return len(self.tickers)

    @property
    def cost_margin(self) -> float:
        """Kept for callers written when limits were shrunk to make room for costs: costs are now exact
        in the optimizer (paid from cash, limits on post-cost weights), so no limit is shrunk."""
        return 1.0

    @property
    def min_trade_amount(self) -> float:
        """Each trade is zero or at least this much currency: the stated minimum, never below DUST."""
        return max(float(self.scenario.constraints.min_trade), DUST)

    @functools.cached_property
    def node_matrix(self) -> FloatArray:
        """The nodes' member rows stacked (nodes × assets), for node weights in one product."""
        out: FloatArray = np.array([nd.members for nd in self.nodes]) if self.nodes else np.zeros((0, self.n))
        return out

    def shape_key(self) -> tuple[object, ...]:
        """What fixes the structure of the cvxpy problem (everything else is a parameter value)."""
        if self.n <= MEMBERS_AS_DATA_MAX:  # the membership is parameter data: only the count matters
            return (self.n, len(self.nodes), tuple(r.kind for r in self.look_through))
        nodes = tuple(tuple(int(x) for x in nd.members) for nd in self.nodes)
        return (self.n, nodes, tuple(r.kind for r in self.look_through))


def prepare(
    scenario: Scenario, market: MarketSnapshot, funds: Mapping[str, FundData] | None = None
) -> Inputs:
    """``funds``: look-through data per ticker, used only when the scenario sets sector or company limits
    (None: the user's fund cache, then the bundled snapshot)."""
    scenario.validate()
    sc = scenario
    tickers = sc.universe
    n = len(tickers)
    if not tickers:
        raise ScenarioError("targets", "no tickers to rebalance")
    # per-ticker numbers are gathered in Python lists and made arrays once (a numpy scalar write per
    # element costs more than the element)
    held_price = {h.ticker: h.price for h in sc.portfolio.holdings if h.price is not None}
    market_prices = market.prices
    price_list: list[float] = []
    for tk in tickers:
        px = held_price.get(tk, market_prices.get(tk))
        if px is None or not math.isfinite(px) or px <= 0:  # (np.isfinite per ticker costs more)
            raise DataError(f"no price for {tk}: enter its price in the holdings or refresh prices")
        price_list.append(px)
    prices = np.array(price_list, dtype=float)
    position = {t: j for j, t in enumerate(market.tickers)}
    missing = [t for t in tickers if t not in position]
    if missing:
        raise DataError(
            f"no price history for {', '.join(missing)}, so its risk is unknown: "
            "import a price file for it, refresh prices, or remove it from the scenario"
        )
    idx = [position[t] for t in tickers]
    full = np.asarray(market.covariance, dtype=float)
    # the same numbers as full[np.ix_(idx, idx)]; the copy is skipped when the market lists exactly these
    cov = full if idx == list(range(full.shape[0])) else full[np.ix_(idx, idx)]
    cov = 0.5 * (cov + cov.T)

    held: dict[str, float] = {}
    for h in sc.portfolio.holdings:  # Portfolio.shares_of per ticker, in one pass
        held[h.ticker] = held.get(h.ticker, 0.0) + h.shares
    shares0 = np.array([held.get(t, 0.0) for t in tickers], dtype=float)
    c = sc.constraints
    cash0 = sc.portfolio.cash + c.cash_flow
    value = float(shares0 @ prices + cash0)
    if value <= 0 and c.cash_flow >= 0:
        raise ScenarioError("portfolio", "the portfolio is empty: enter holdings, cash or a contribution")
    if value <= 0:
        raise ScenarioError(
            "constraints.cash_flow",
            f"the withdrawal of {-c.cash_flow:,.2f} is larger than the whole portfolio "
            f"({value - cash0 + sc.portfolio.cash:,.2f})",
        )
    w0 = shares0 * prices / value
    c0 = cash0 / value

    tree = sc.targets
    cash_target = min(c.min_cash / value, 1.0)
    tw = tree.asset_weights()
    target = np.array([tw.get(t, 0.0) for t in tickers]) * (1.0 - cash_target)

    lo_list = [0.0] * n
    hi_list = [1.0] * n
    sleeve_names = []
    bands = []
    where: dict[str, tuple[Sleeve, AssetTarget]] = {}
    for sl_ in tree.sleeves:  # tree.sleeve_of and the asset's entry, first match kept, in one pass
        for a_ in sl_.assets:
            where.setdefault(a_.ticker, (sl_, a_))
    for i, tk in enumerate(tickers):
        if tk not in where:
            sleeve_names.append(UNTARGETED)
            bands.append(tree.default_band)
            continue
        sl, a = where[tk]
        lo_list[i], hi_list[i] = a.min_weight, a.max_weight
        sleeve_names.append(sl.name)
        bands.append(tree.band_of_asset(sl, a))
    lo = np.array(lo_list, dtype=float)
    hi = np.array(hi_list, dtype=float)

    sell_only, buy_only = c.mode is Mode.SELL_ONLY, c.mode is Mode.BUY_ONLY
    no_buy_list = [sell_only or tk in c.no_buy for tk in tickers]
    no_sell_list = [tk in c.no_sell or buy_only for tk in tickers]
    buy_ub = np.array([0.0 if nb else BIG for nb in no_buy_list], dtype=float)
    sell_ub = w0.copy()
    if any(no_sell_list):
        sell_ub[np.array(no_sell_list, dtype=bool)] = 0.0
    by_ticker, default_bps = c.cost_bps_by_ticker, c.cost_bps
    if by_ticker:
        kappa = np.array([float(by_ticker.get(t, default_bps)) / 1e4 for t in tickers])  # Constraints.cost_of
    else:
        kappa = np.full(n, float(default_bps) / 1e4)

    nodes = []
    for s in tree.sleeves:
        members = np.array([name == s.name for name in sleeve_names], dtype=float)  # 1.0 / 0.0
        nodes.append(
            Node(
                key=f"sleeve:{s.name}",
                label=s.name,
                role=s.role.value,
                members=members,
                target=tree.sleeve_weight(s) * (1.0 - cash_target),
                lo=s.min_weight,
                hi=s.max_weight,
                band=tree.band_of_sleeve(s),
            )
        )
    small = tree.small_cap_sleeves
    if small and tree.outside_sleeves:
        names = {s.name for s in small}
        members = np.array([nm in names for nm in sleeve_names], dtype=float)
        nodes.append(
            Node(
                key="small_cap",
                label="Small caps",
                role="small_cap",
                members=members,
                target=tree.small_cap_weight * (1.0 - cash_target),
                lo=tree.small_cap_min,
                hi=tree.small_cap_max,
                band=tree.default_band,
            )
        )
    look = _look_through(sc, tickers, funds) if c.has_look_through else ((), (), None)
    return make_row(  # every field named: Inputs(...) without one setattr call per field
        Inputs,
        {
            "scenario": sc,
            "market": market,
            "tickers": tickers,
            "sleeve_names": tuple(sleeve_names),
            "prices": prices,
            "shares0": shares0,
            "value": value,
            "cash0": cash0,
            "w0": w0,
            "c0": c0,
            "target": target,
            "cash_target": cash_target,
            "lo": lo,
            "hi": hi,
            "buy_ub": buy_ub,
            "sell_ub": sell_ub,
            "kappa": kappa,
            "no_buy": buy_ub == 0,
            "no_sell": np.array(no_sell_list, dtype=bool),
            "cov": cov,
            "cash_min": c.min_cash / value,
            "turnover_cap": BIG if c.turnover_cap is None else c.turnover_cap,
            "vol_cap": BIG if c.vol_cap is None else c.vol_cap,
            "nodes": tuple(nodes),
            "asset_bands": tuple(bands),
            "look_through": look[0],
            "look_notes": look[1],
            "sector_matrix": None if look[2] is None else look[2].sector_matrix,
            "sector_rows": () if look[2] is None else look[2].sector_rows,
        },
    )


def _look_through(
    sc: Scenario, tickers: tuple[str, ...], funds: Mapping[str, FundData] | None
) -> tuple[tuple[LookRow, ...], tuple[str, ...], ExposureModel | None]:
    """The look-through rows for the scenario's sector and company limits.

    A ticker without sector data (a single stock, a fund in no source) is not refused: it counts as in
    no named sector (the exposure model's "No sector data" row), which the notes say by name — a sector
    cap then holds on what the data shows. A company no fund lists has a zero row: its cap cannot bind."""
    from engine.risk.exposures import NO_DATA, build_model

    if funds is None:
        from engine.data.fund_store import FundStore
        from engine.data.funds import load_funds

        funds = load_funds(tickers, store=FundStore()).funds
    model = build_model(tickers, funds)
    c = sc.constraints
    rows: list[LookRow] = []
    notes: list[str] = []
    for sector in dict.fromkeys([*c.sector_max, *c.sector_min]):
        r = model.sector_matrix[model.sector_index(sector)].astype(float)
        lo, hi = c.sector_min.get(sector, 0.0), c.sector_max.get(sector, 1.0)
        rows.append(LookRow("sector", sector, sector, r, lo, hi))
    if c.sector_max or c.sector_min:
        no_data = model.sector_matrix[model.sector_index(NO_DATA)]
        unknown = [t for j, t in enumerate(tickers) if no_data[j] >= 0.5]
        if unknown:
            it = "it" if len(unknown) == 1 else "them"
            notes.append(
                f"{', '.join(unknown)} {'has' if len(unknown) == 1 else 'have'} no sector data: the sector "
                f"limits count {it} as in no sector; add its holdings with a fund CSV to include {it}"
            )
    index = {s: k for k, s in enumerate(model.companies)}
    for symbol, hi in c.company_max.items():
        k = index.get(symbol)
        if k is None:
            r = np.zeros(len(tickers))
            notes.append(f"no fund data lists {symbol}: its cap of {hi * 100:g} % cannot bind")
            label = symbol
        else:
            r = model.company_matrix[k].astype(float)
            label = f"{model.company_names[k]} ({symbol})"
        rows.append(LookRow("company", symbol, label, r, 0.0, hi))
    dated = sorted(
        {f"{fd.source} ({fd.as_of.isoformat() if fd.as_of else 'undated'})" for fd in model.funds.values()}
    )
    if rows and dated:
        notes.append("look-through limits use fund data from " + "; ".join(dated))
    return tuple(rows), tuple(notes), model


def role_of(inputs: Inputs, sleeve_name: str) -> str:
    for s in inputs.scenario.targets.sleeves:
        if s.name == sleeve_name:
            return s.role.value
    return Role.OUTSIDE.value if sleeve_name != UNTARGETED else "untargeted"
