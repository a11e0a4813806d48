"""Frozen copy of main before the speed-up of rebalance()'s non-solver parts (tests compare against it).

main's ``prepare`` as it was before the speed-up (a frozen copy: the new one must give the same Inputs)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

from engine.errors import DataError, ScenarioError
from engine.market import MarketSnapshot
from engine.model.scenario import AssetTarget, Mode, Scenario, Sleeve
from engine.optimize.inputs import BIG, UNTARGETED, Inputs, LookRow, Node
from tests.engine.optimize.legacy.scenario_old import validate_scenario

if TYPE_CHECKING:
    from engine.data.funds import FundData
    from engine.risk.exposures import ExposureModel


def prepare(
    scenario: Scenario, market: MarketSnapshot, funds: Mapping[str, FundData] | None = None
) -> Inputs:
    """``funds``: look-through data per ticker, used only when the scenario sets sector or company limits
    (None: the user's fund cache, then the bundled snapshot)."""
    validate_scenario(scenario)
    sc = scenario
    tickers = sc.universe
    if not tickers:
        raise ScenarioError("targets", "no tickers to rebalance")
    held_price = {h.ticker: h.price for h in sc.portfolio.holdings if h.price is not None}
    prices = np.empty(len(tickers))
    for i, tk in enumerate(tickers):
        px = held_price.get(tk, market.prices.get(tk))
        if px is None or not np.isfinite(px) or px <= 0:
            raise DataError(f"no price for {tk}: enter its price in the holdings or refresh prices")
        prices[i] = px
    position = {t: j for j, t in enumerate(market.tickers)}
    missing = [t for t in tickers if t not in position]
    if missing:
        raise DataError(
            f"no price history for {', '.join(missing)}, so its risk is unknown: "
            "import a price file for it, refresh prices, or remove it from the scenario"
        )
    idx = [position[t] for t in tickers]
    cov = np.asarray(market.covariance, dtype=float)[np.ix_(idx, idx)]
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

    lo = np.zeros(len(tickers))
    hi = np.ones(len(tickers))
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
        lo[i], hi[i] = a.min_weight, a.max_weight
        sleeve_names.append(sl.name)
        bands.append(tree.band_of_asset(sl, a))

    buy_ub = np.full(len(tickers), BIG)
    sell_ub = w0.copy()
    for i, tk in enumerate(tickers):
        if tk in c.no_buy or c.mode is Mode.SELL_ONLY:
            buy_ub[i] = 0.0
        if tk in c.no_sell or c.mode is Mode.BUY_ONLY:
            sell_ub[i] = 0.0
    kappa = np.array([c.cost_of(t) / 1e4 for t in tickers])

    nodes = []
    for s in tree.sleeves:
        members = np.array([1.0 if sleeve_names[i] == s.name else 0.0 for i in range(len(tickers))])
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
        members = np.array([1.0 if n in names else 0.0 for n in sleeve_names])
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
    return Inputs(
        scenario=sc,
        market=market,
        tickers=tickers,
        sleeve_names=tuple(sleeve_names),
        prices=prices,
        shares0=shares0,
        value=value,
        cash0=cash0,
        w0=w0,
        c0=c0,
        target=target,
        cash_target=cash_target,
        lo=lo,
        hi=hi,
        buy_ub=buy_ub,
        sell_ub=sell_ub,
        kappa=kappa,
        no_buy=buy_ub == 0,
        no_sell=np.array([t in c.no_sell or c.mode is Mode.BUY_ONLY for t in tickers], dtype=bool),
        cov=cov,
        cash_min=c.min_cash / value,
        turnover_cap=BIG if c.turnover_cap is None else c.turnover_cap,
        vol_cap=BIG if c.vol_cap is None else c.vol_cap,
        nodes=tuple(nodes),
        asset_bands=tuple(bands),
        look_through=look[0],
        look_notes=look[1],
        sector_matrix=None if look[2] is None else look[2].sector_matrix,
        sector_rows=() if look[2] is None else look[2].sector_rows,
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
