"""Scenario + market → checked RebalanceResult."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import replace

import numpy as np

from engine.data.funds import FundData
from engine.market import FloatArray, MarketSnapshot
from engine.messages import Message, MessageId, Name, english
from engine.model.scenario import Scenario
from engine.optimize.bindings import bindings
from engine.optimize.checker import Evaluation, evaluate, violations
from engine.optimize.diagnose import diagnose, nearest_vol_cap
from engine.optimize.explain import (
    Context,
    headline,
    infeasibility_why,
    risk_by_group,
    trade_reason,
    vol_binds,
)
from engine.optimize.explain import notes as explain_notes
from engine.optimize.inputs import BIG, Inputs, prepare, role_of
from engine.optimize.limit_id import LimitKind
from engine.optimize.nearest import nearest_check
from engine.optimize.search import find_tradable
from engine.result import (
    DISCLAIMER,
    SCHEMA_VERSION,
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
    make_row,
)
from engine.risk.metrics import portfolio_volatility, risk_contributions, tracking_error

UNEXPLAINED = "No trades keep every limit at once (not diagnosed: explanations were turned off)."


def out_of_band(x: Inputs, ev: Evaluation) -> list[str]:
    """Names of the nodes (tickers, sleeves, cash) outside their drift bands in ``ev``."""
    ws, ts = ev.weights.tolist(), x.target.tolist()
    out = [tk for i, tk in enumerate(x.tickers) if x.asset_bands[i].is_outside(ws[i], ts[i])]
    nws = ev.node_weights.tolist()
    out += [nd.label for j, nd in enumerate(x.nodes) if nd.band.is_outside(nws[j], nd.target)]
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
    # nothing to do only when every node is in its band, no limit is broken now and no cash flows (the
    # limits are checked only when the rest already says so)
    if (
        c.cash_flow == 0
        and not c.force_rebalance
        and not out_of_band(x, ev0)
        and not violations(x, ev0, check_trades=False)
    ):
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
    status = Status.OK if any(abs(d) > 0 for d in ev.delta.tolist()) else Status.NO_TRADES_NEEDED
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
    # Python floats read once: the same values as ``float(array[i])``, without a numpy scalar per field
    prices, targets, shares0, shares1 = x.prices.tolist(), ctx.targets, x.shares0.tolist(), ev.shares.tolist()
    w0s, w1s, rc0s, rc1s = ev0.weights.tolist(), ctx.afters, rc0.tolist(), rc1.tolist()
    assets = []
    for i, tk in enumerate(x.tickers):
        t, w0 = targets[i], w0s[i]
        tol = x.asset_bands[i].tolerance(t)
        assets.append(
            make_row(
                AssetRow,
                {
                    "ticker": tk,
                    "sleeve": x.sleeve_names[i],
                    "price": prices[i],
                    "shares_before": shares0[i],
                    "shares_after": shares1[i],
                    "weight_before": w0,
                    "weight_target": t,
                    "weight_after": w1s[i],
                    "drift": w0 - t,
                    "band": tol,
                    "outside_band": abs(w0 - t) > tol + 1e-12,  # Band.is_outside
                    "risk_contribution_before": rc0s[i],
                    "risk_contribution_after": rc1s[i],
                },
            )
        )
    rcg0 = risk_by_group(x.sleeve_names, rc0s)
    rcg1 = risk_by_group(x.sleeve_names, rc1s)
    node0s, node1s = ev0.node_weights.tolist(), ev.node_weights.tolist()
    sleeves = []
    for j, nd in enumerate(x.nodes):
        small = nd.key == "small_cap"
        tol = nd.band.tolerance(nd.target)
        sleeves.append(
            make_row(
                SleeveRow,
                {
                    "name": nd.label,
                    "role": nd.role if small else role_of(x, nd.label),
                    "weight_before": node0s[j],
                    "weight_target": nd.target,
                    "weight_after": node1s[j],
                    "drift": node0s[j] - nd.target,
                    "band": tol,
                    "outside_band": abs(node0s[j] - nd.target) > tol + 1e-12,  # Band.is_outside
                    "risk_contribution_before": float(nd.members @ rc0) if small else rcg0.get(nd.label, 0.0),
                    "risk_contribution_after": float(nd.members @ rc1) if small else rcg1.get(nd.label, 0.0),
                },
            )
        )
    trades = []
    at_cap = vol_binds(binding)
    deltas = ev.delta.tolist()
    amounts, costs = ev.amounts.tolist(), ev.costs.tolist()
    for i, d in enumerate(deltas):
        if abs(d) <= 1e-12:
            continue
        side = Side.BUY if d > 0 else Side.SELL
        why = trade_reason(ctx, i, side, binding, at_cap=at_cap) if explain else None
        trades.append(
            make_row(
                Trade,
                {
                    "ticker": x.tickers[i],
                    "side": side,
                    "shares": abs(d),
                    "price": prices[i],
                    "amount": amounts[i],
                    "cost": costs[i],
                    "reason": english(why) if why is not None else "",
                    "why": why,
                },
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
    return make_row(  # every field named: RebalanceResult(...) without one setattr call per field
        RebalanceResult,
        {
            "status": status,
            "scenario_name": sc.name,
            "trades": tuple(trades),
            "assets": tuple(assets),
            "sleeves": tuple(sleeves),
            "total_value": x.value,
            "cash_before": x.cash0,
            "cash_after": ev.cash_after,
            "cash_weight_target": x.cash_target,
            "vol_before": ev0.vol,
            "vol_target": vol_target,
            "vol_after": ev.vol,
            "vol_cap": None if x.vol_cap >= BIG else x.vol_cap,
            "tracking_error_before": te_before,
            "tracking_error_after": te_after,
            "turnover": ev.turnover,
            "total_cost": ev.total_cost,
            "rounding_residual": residual,
            "binding": tuple(binding),
            "assumptions": Assumptions(
                price_date=m.as_of,
                price_source=m.price_source,
                risk_window=m.risk_window,
                estimator=m.estimator,
                notes=tuple(notes) + tuple(m.warnings),
            ),
            "infeasibility": infeasibility,
            "messages": tuple(english(n) for n in said),
            "disclaimer": DISCLAIMER,
            "solve_seconds": time.perf_counter() - start,
            "headline": headline(ctx, status, len(trades), infeasibility.message if infeasibility else "")
            if explain
            else None,
            "notes": said,
            "schema_version": SCHEMA_VERSION,
            "sector_exposures": sectors,
            "exposure_sources": (),
            "exposure_not_available": (),
        },
    )


rebalance_result = _result  # public seam: the household package builds its RebalanceResult with it
