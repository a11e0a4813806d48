"""Plain-words explanations: why each trade is there, and which limits shape the answer."""

from __future__ import annotations

import numpy as np

from engine.market import FloatArray
from engine.model.scenario import Mode
from engine.optimize.checker import Evaluation
from engine.optimize.inputs import BIG, UNTARGETED, Inputs
from engine.result import Binding, Side

ACTIVE = 2e-4  # a limit within this (weight or volatility) of its value counts as reached


def pct(v: float, digits: int = 1) -> str:
    return f"{v * 100:.{digits}f} %"


def money(v: float) -> str:
    return f"${v:,.0f}"


def trade_reason(x: Inputs, i: int, side: Side, ev: Evaluation, binding: list[Binding]) -> str:
    tk = x.tickers[i]
    c = x.scenario.constraints
    w0, t, w1 = x.w0[i], x.target[i], ev.weights[i]
    tol = x.asset_bands[i].tolerance(t)
    drift = w0 - t
    moves = f"{pct(w0)} → {pct(w1)}, target {pct(t)}"
    names = {b.constraint for b in binding}
    if x.sleeve_names[i] == UNTARGETED:
        return (
            f"{tk} is not in your targets: sold ({moves})" if side is Side.SELL else f"{tk} bought ({moves})"
        )
    if side is Side.SELL and "vol_cap" in names and w1 < t - ACTIVE:
        return f"cut below its target to keep volatility under the {pct(x.vol_cap)} cap ({moves})"
    if side is Side.BUY and "vol_cap" in names and w1 > t + ACTIVE:
        return f"raised above its target: a lower-risk holding that keeps volatility under the cap ({moves})"
    if abs(drift) > tol + 1e-12:
        word = "above" if drift > 0 else "below"
        return (
            f"drifted {abs(drift) * 100:.1f} points {word} its target (band ±{tol * 100:.1f}): "
            f"back toward it ({moves})"
        )
    if side is Side.BUY and c.cash_flow > 0:
        return f"invests part of the {money(c.cash_flow)} contribution where it is underweight ({moves})"
    if side is Side.SELL and c.cash_flow < 0:
        return f"raises cash for the {money(-c.cash_flow)} withdrawal from an overweight holding ({moves})"
    if side is Side.BUY and x.c0 > x.cash_target + 1e-4:
        return f"invests idle cash where it is underweight ({moves})"
    if side is Side.SELL and x.c0 < x.cash_target:
        return f"raises cash to restore the cash buffer ({moves})"
    word = "toward" if abs(w1 - t) < abs(w0 - t) else "with"
    return f"moves {word} its target as part of the rebalance ({moves})"


def _node_change(x: Inputs, ev: Evaluation) -> list[tuple[str, float, float]]:
    """(label, target, after) of the sleeves that end furthest from their targets."""
    rows = [
        (nd.label, nd.target, float(ev.node_weights[j]))
        for j, nd in enumerate(x.nodes)
        if nd.key != "small_cap"
    ]
    rows = [r for r in rows if abs(r[2] - r[1]) > 0.002]
    rows.sort(key=lambda r: -abs(r[2] - r[1]))
    sats = [j for j, nd in enumerate(x.nodes) if nd.role == "satellite"]
    if len(sats) > 1:  # the satellites together first: that is how the core/satellite split reads
        tgt = sum(x.nodes[j].target for j in sats)
        after = float(sum(ev.node_weights[j] for j in sats))
        if abs(after - tgt) > 0.002:
            rows.insert(0, ("satellites", tgt, after))
    return rows[:4]


def bindings(
    x: Inputs, ev: Evaluation, w_cont: FloatArray, vol_target: float, te_after: float
) -> list[Binding]:
    c = x.scenario.constraints
    out: list[Binding] = []
    vol_cont = float(np.sqrt(max(float(w_cont @ x.cov @ w_cont), 0.0)))
    at_cap = vol_cont >= x.vol_cap * x.cost_margin - 1e-4
    if x.vol_cap < BIG and vol_target > x.vol_cap + 1e-6 and at_cap:
        changes = ", ".join(
            f"{label} {'cut' if after < tgt else 'raised'} from {pct(tgt)} to {pct(after)}"
            for label, tgt, after in _node_change(x, ev)
        )
        if ev.cash_weight > x.cash_target + 0.002:
            changes += (
                f"{', ' if changes else ''}cash raised from {pct(x.cash_target)} to {pct(ev.cash_weight)}"
            )
        out.append(
            Binding(
                "vol_cap",
                f"volatility cap {pct(x.vol_cap)} binds (the target mix has {pct(vol_target)})"
                + (f": {changes}" if changes else ""),
            )
        )
    if x.turnover_cap < BIG and ev.turnover >= x.turnover_cap - 5e-3 and te_after > 1e-4:
        out.append(
            Binding(
                "turnover_cap",
                f"turnover cap {pct(x.turnover_cap)} binds: trades stop short of the targets "
                f"(tracking error left {pct(te_after, 2)})",
            )
        )
    invested_gap = float(x.target.sum() - w_cont.sum())
    if invested_gap > 1e-3 and (x.c0 - float((w_cont - x.w0).sum())) <= x.cash_min + ACTIVE:
        out.append(
            Binding(
                "min_cash",
                f"cash buffer {money(c.min_cash)} binds: {pct(invested_gap)} of the portfolio stays "
                "uninvested relative to the targets",
            )
        )
    for i, tk in enumerate(x.tickers):
        w, t = w_cont[i], x.target[i]
        if x.hi[i] < 1 and w >= x.hi[i] - ACTIVE and t > w + ACTIVE:
            out.append(Binding(f"asset_max:{tk}", f"{tk} maximum {pct(x.hi[i])} binds (target {pct(t)})"))
        if x.lo[i] > 0 and w <= x.lo[i] + ACTIVE and t < w - ACTIVE:
            out.append(Binding(f"asset_min:{tk}", f"{tk} minimum {pct(x.lo[i])} binds (target {pct(t)})"))
    for nd in x.nodes:
        w = float(nd.members @ w_cont)
        pre = "small_cap" if nd.key == "small_cap" else "sleeve"
        suf = "" if nd.key == "small_cap" else ":" + nd.label
        if nd.hi < 1 and w >= nd.hi - ACTIVE and nd.target > w + ACTIVE:
            out.append(
                Binding(f"{pre}_max{suf}", f"{nd.label} maximum {pct(nd.hi)} binds (target {pct(nd.target)})")
            )
        if nd.lo > 0 and w <= nd.lo + ACTIVE and nd.target < w - ACTIVE:
            out.append(
                Binding(f"{pre}_min{suf}", f"{nd.label} minimum {pct(nd.lo)} binds (target {pct(nd.target)})")
            )
    out += _look_through(x, w_cont)
    tol = 5e-3
    for i, tk in enumerate(x.tickers):
        w, t = ev.weights[i], x.target[i]
        if tk in c.no_sell and w > t + tol and ev.delta[i] == 0:
            out.append(
                Binding(
                    f"no_sell:{tk}",
                    f"{tk} is on the no-sell list: it stays at {pct(w)} against a {pct(t)} target",
                )
            )
        if tk in c.no_buy and w < t - tol and ev.delta[i] == 0:
            out.append(
                Binding(
                    f"no_buy:{tk}",
                    f"{tk} is on the no-buy list: it stays at {pct(w)} against a {pct(t)} target",
                )
            )
    over = [tk for i, tk in enumerate(x.tickers) if ev.weights[i] > x.target[i] + tol and tk not in c.no_sell]
    under = [tk for i, tk in enumerate(x.tickers) if ev.weights[i] < x.target[i] - tol and tk not in c.no_buy]
    if c.mode is Mode.BUY_ONLY and over:
        out.append(
            Binding(
                "mode",
                f"buy-only: {', '.join(over)} {'stays' if len(over) == 1 else 'stay'} above target because nothing is sold",
            )
        )
    if c.mode is Mode.SELL_ONLY and under:
        out.append(
            Binding(
                "mode",
                f"sell-only: {', '.join(under)} {'stays' if len(under) == 1 else 'stay'} below target because nothing is bought",
            )
        )
    gaps = np.abs(w_cont - x.target)
    i = int(np.argmax(gaps)) if x.n else 0
    if not out and x.n and gaps[i] > 2e-3 and x.kappa[i] > 0:
        out.append(
            Binding(
                "costs",
                f"trading costs: closing the last {gaps[i] * 100:.1f} points of {x.tickers[i]}'s gap to its "
                "target would cost more than the tracking error it removes",
            )
        )
    return out


def _look_through(x: Inputs, w_cont: FloatArray) -> list[Binding]:
    """Sector / company limits the continuous optimum sits at, with where the targets would put them."""
    out = []
    for r in x.look_through:
        e, et = float(r.row @ w_cont), float(r.row @ x.target)
        kind = "company_max" if r.kind == "company" else "sector_max"
        if r.hi < 1 and e >= r.hi - ACTIVE:
            out.append(
                Binding(
                    f"{kind}:{r.subject}",
                    f"{r.label} through the funds is held at its maximum {pct(r.hi)} "
                    f"(the targets would give {pct(et)})",
                )
            )
        if r.lo > 0 and e <= r.lo + ACTIVE:
            out.append(
                Binding(
                    f"sector_min:{r.subject}",
                    f"{r.label} through the funds is held at its minimum {pct(r.lo)} "
                    f"(the targets would give {pct(et)})",
                )
            )
    return out


def risk_by_group(labels: tuple[str, ...], contrib: FloatArray) -> dict[str, float]:
    out: dict[str, float] = {}
    for label, v in zip(labels, contrib, strict=True):
        out[label] = out.get(label, 0.0) + float(v)
    return out
