"""Frozen copy of main before the speed-up of rebalance()'s non-solver parts (tests compare against it).

Scenario + market → checked RebalanceResult."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import replace

import numpy as np

from engine.data.funds import FundData
from engine.market import FloatArray, MarketSnapshot
from engine.messages import Message, MessageId, Name
from engine.model.scenario import Scenario
from engine.optimize.checker import Evaluation, evaluate, violations
from engine.optimize.diagnose import diagnose, nearest_vol_cap
from engine.optimize.inputs import BIG, Inputs, role_of
from engine.optimize.limit_id import LimitKind
from engine.optimize.nearest import nearest_check
from engine.optimize.search import find_tradable
from engine.result import (
    AssetRow,
    Assumptions,
    Binding,
    Infeasibility,
    RebalanceResult,
    SectorExposure,
    Side,
    SleeveRow,
    Status,
    Trade,
)
from tests.engine.optimize.legacy.bindings_old import bindings
from tests.engine.optimize.legacy.explain_old import (
    Context,
    headline,
    infeasibility_why,
    risk_by_group,
    trade_reason,
)
from tests.engine.optimize.legacy.explain_old import notes as explain_notes
from tests.engine.optimize.legacy.format_old import english
from tests.engine.optimize.legacy.inputs_old import prepare
from tests.engine.optimize.legacy.metrics_old import portfolio_volatility, risk_contributions, tracking_error

UNEXPLAINED = "No trades keep every limit at once (not diagnosed: explanations were turned off)."


def out_of_band(x: Inputs, ev: Evaluation) -> list[str]:
    """Names of the nodes (tickers, sleeves, cash) outside their drift bands in ``ev``."""
    out = [
        tk
        for i, tk in enumerate(x.tickers)
        if x.asset_bands[i].is_outside(float(ev.weights[i]), float(x.target[i]))
    ]
    out += [
        nd.label for j, nd in enumerate(x.nodes) if nd.band.is_outside(float(ev.node_weights[j]), nd.target)
    ]
    if (
        x.scenario.targets.default_band.is_outside(ev.cash_weight, x.cash_target)
        and ev.cash_weight > x.cash_target
    ):
        out.append("cash")
    return out


def rebalance(
    scenario: Scenario,
    market: MarketSnapshot,
    funds: Mapping[str, FundData] | None = None,
    *,
    explain: bool = True,
) -> RebalanceResult:
    """``funds``: look-through data for sector / company limits (None: the fund cache, then the bundled
    snapshot; read only when the scenario sets such a limit).

    ``explain=False`` is for callers that only use the numbers (a backtest, a batch's first pass): the
    trades, weights, risk and costs are the same and pass the same checker, but no sentence is written —
    trades carry an empty reason, nothing is listed as binding, and an infeasible answer names its
    conflicting limits without the diagnosis of what would fix it."""
    start = time.perf_counter()
    x = prepare(scenario, market, funds)
    c = scenario.constraints
    ev0 = evaluate(x, x.shares0)
    outside = out_of_band(x, ev0)
    broken_now = violations(x, ev0, check_trades=False)
    if not outside and not broken_now and c.cash_flow == 0 and not c.force_rebalance:
        return _result(x, Status.NO_TRADES_NEEDED, ev0, ev0, x.w0, [], start, explain=explain)

    found = find_tradable(x)
    if found is None:
        inf = diagnose(x, nearest_ok=nearest_check(x)) if explain else Infeasibility(UNEXPLAINED, ())
        return _result(x, Status.INFEASIBLE, ev0, ev0, x.w0, [], start, infeasibility=inf, explain=explain)
    settled = found
    assert settled.solution is not None
    ev = settled.evaluation
    if settled.problems:
        which = "; ".join(v.message for v in settled.problems[:3])
        hint = "allow fractional shares or loosen that limit" if c.whole_shares else "loosen that limit"
        nearest: dict[str, float] = {}
        cap_binds = x.vol_cap < BIG and ev.vol > x.vol_cap * (1.0 - 2e-3)
        if explain and (cap_binds or any(v.limit.kind is LimitKind.VOL_CAP for v in settled.problems)):
            cap_ok = nearest_vol_cap(x)
            if cap_ok is not None:
                nearest["vol_cap"] = cap_ok
                which += f" (a cap of {cap_ok * 100:.2f} % leaves room for rounding)"
        inf = Infeasibility(
            message=f"Rounding to tradable amounts cannot keep every limit: {which}. Please {hint}.",
            conflicting=tuple(v.constraint for v in settled.problems),
            nearest=nearest,
        )
        return _result(x, Status.INFEASIBLE, ev0, ev0, x.w0, [], start, infeasibility=inf, explain=explain)
    status = Status.OK if np.any(np.abs(ev.delta) > 0) else Status.NO_TRADES_NEEDED
    messages = list(settled.notes)
    # what the status means (e.g. a 0 % turnover cap that allows no trade) is the result's headline
    return _result(
        x,
        status,
        ev0,
        ev,
        settled.solution.w_after,
        messages,
        start,
        residual=float(np.abs(ev.shares - settled.continuous_shares) @ x.prices),
        explain=explain,
    )


def _result(
    x: Inputs,
    status: Status,
    ev0: Evaluation,
    ev: Evaluation,
    w_cont: FloatArray,
    messages: list[str],
    start: float,
    *,
    infeasibility: Infeasibility | None = None,
    residual: float = 0.0,
    explain: bool = True,
) -> RebalanceResult:
    sc = x.scenario
    c = sc.constraints
    # check before anyone sees it: a result that breaks a stated limit is never returned
    if status is not Status.INFEASIBLE and ev is not ev0:
        broken = violations(x, ev)
        if broken:
            status, ev, w_cont = Status.INFEASIBLE, ev0, x.w0
            infeasibility = Infeasibility(
                message="Coresat's own final check rejected the proposed trades ("
                + "; ".join(v.message for v in broken[:3])
                + "), so none are shown. Please report this scenario.",
                conflicting=tuple(v.constraint for v in broken),
            )
    if infeasibility is not None and explain:
        infeasibility = replace(infeasibility, why=infeasibility_why(x, infeasibility))
    vol_target = portfolio_volatility(x.target, x.cov)
    te_before = tracking_error(ev0.weights, x.target, x.cov)
    te_after = tracking_error(ev.weights, x.target, x.cov)
    ctx = Context(x, ev0, ev, w_cont, vol_target, te_before, te_after)
    binding: list[Binding] = (
        bindings(ctx) if explain and ctx.solved and status is not Status.INFEASIBLE else []
    )
    rc0 = risk_contributions(ev0.weights, x.cov)
    rc1 = risk_contributions(ev.weights, x.cov)
    assets = tuple(
        AssetRow(
            ticker=tk,
            sleeve=x.sleeve_names[i],
            price=float(x.prices[i]),
            shares_before=float(x.shares0[i]),
            shares_after=float(ev.shares[i]),
            weight_before=float(ev0.weights[i]),
            weight_target=float(x.target[i]),
            weight_after=float(ev.weights[i]),
            drift=float(ev0.weights[i] - x.target[i]),
            band=x.asset_bands[i].tolerance(float(x.target[i])),
            outside_band=x.asset_bands[i].is_outside(float(ev0.weights[i]), float(x.target[i])),
            risk_contribution_before=float(rc0[i]),
            risk_contribution_after=float(rc1[i]),
        )
        for i, tk in enumerate(x.tickers)
    )
    rcg0 = risk_by_group(x.sleeve_names, rc0)
    rcg1 = risk_by_group(x.sleeve_names, rc1)
    sleeves = tuple(
        SleeveRow(
            name=nd.label,
            role=nd.role if nd.key == "small_cap" else role_of(x, nd.label),
            weight_before=float(ev0.node_weights[j]),
            weight_target=nd.target,
            weight_after=float(ev.node_weights[j]),
            drift=float(ev0.node_weights[j] - nd.target),
            band=nd.band.tolerance(nd.target),
            outside_band=nd.band.is_outside(float(ev0.node_weights[j]), nd.target),
            risk_contribution_before=float(nd.members @ rc0)
            if nd.key == "small_cap"
            else rcg0.get(nd.label, 0.0),
            risk_contribution_after=float(nd.members @ rc1)
            if nd.key == "small_cap"
            else rcg1.get(nd.label, 0.0),
        )
        for j, nd in enumerate(x.nodes)
    )
    trades = []
    for i, tk in enumerate(x.tickers):
        d = float(ev.delta[i])
        if abs(d) <= 1e-12:
            continue
        side = Side.BUY if d > 0 else Side.SELL
        why = trade_reason(ctx, i, side, binding) if explain else None
        trades.append(
            Trade(
                ticker=tk,
                side=side,
                shares=abs(d),
                price=float(x.prices[i]),
                amount=float(ev.amounts[i]),
                cost=float(ev.costs[i]),
                reason=english(why) if why is not None else "",
                why=why,
            )
        )
    trades.sort(key=lambda t: (t.side is Side.BUY, -t.amount))  # sells first: they fund the buys
    m = x.market
    user_priced = [h.ticker for h in sc.portfolio.holdings if h.price is not None]
    notes = [
        "weights are fractions of the portfolio value after the cash flow (cash included)",
        "volatility and tracking error are annualized, ex ante, from the covariance estimate",
        f"trading cost {c.cost_bps:g} bps of each trade's amount"
        + (" (with per-ticker overrides)" if c.cost_bps_by_ticker else ""),
    ]
    if user_priced:
        notes.append("your own prices used for " + ", ".join(user_priced))
    notes += x.look_notes
    said = tuple(Message.of(MessageId.TEXT, text=Name(m)) for m in messages) + (
        tuple(explain_notes(ctx, trades)) if explain else ()
    )
    sectors: tuple[SectorExposure, ...] = ()
    if x.sector_matrix is not None:
        sm = x.sector_matrix
        sectors = tuple(
            SectorExposure(name, float(b), float(t), float(a))
            for name, b, t, a in zip(
                x.sector_rows, sm @ ev0.weights, sm @ x.target, sm @ ev.weights, strict=True
            )
            if max(b, t, a) > 0
        )
    return RebalanceResult(
        sector_exposures=sectors,
        status=status,
        scenario_name=sc.name,
        trades=tuple(trades),
        assets=assets,
        sleeves=sleeves,
        total_value=x.value,
        cash_before=x.cash0,
        cash_after=ev.cash_after,
        cash_weight_target=x.cash_target,
        vol_before=ev0.vol,
        vol_target=vol_target,
        vol_after=ev.vol,
        vol_cap=None if x.vol_cap >= BIG else x.vol_cap,
        tracking_error_before=te_before,
        tracking_error_after=te_after,
        turnover=ev.turnover,
        total_cost=ev.total_cost,
        rounding_residual=residual,
        binding=tuple(binding),
        assumptions=Assumptions(
            price_date=m.as_of,
            price_source=m.price_source,
            risk_window=m.risk_window,
            estimator=m.estimator,
            notes=tuple(notes) + tuple(m.warnings),
        ),
        infeasibility=infeasibility,
        messages=tuple(english(n) for n in said),
        solve_seconds=time.perf_counter() - start,
        headline=headline(ctx, status, len(trades), infeasibility.message if infeasibility else "")
        if explain
        else None,
        notes=said,
    )


rebalance_result = _result  # public seam: the household package builds its RebalanceResult with it
