"""Frozen copy of main before the speed-up of rebalance()'s non-solver parts (tests compare against it).

What limits the result: every limit that binds, each claim a numeric condition on the result.

The conditions (tests check them on random scenarios, both ways where the result holds the numbers):
- volatility cap: volatility after is within ``AT_CAP`` of the cap, or the target mix breaks the cap and the
  continuous optimum sits at it;
- turnover cap: turnover is within ``TURNOVER_TOL`` of the cap and tracking error is left;
- cash buffer: cash ends at the buffer while the holdings stay below their targets in total;
- a maximum (minimum) of a ticker, sleeve or the small caps: the weight after is at the bound (within
  ``ACTIVE``, or the continuous optimum is) and the target lies beyond it;
- no-buy / no-sell / mode: the holding is left off its target by more than ``RESTRICTION_TOL`` untraded;
- when nothing else binds and a holding ends off its target: trading costs if the continuous optimum
  already leaves the gap, else whole shares (if set).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from engine.messages import Message, MessageId, Money, Name, Names, Parts, Percent, Points, Ticker
from engine.model.scenario import Mode
from engine.optimize.inputs import BIG, Inputs
from engine.optimize.limit_id import LimitId, LimitKind
from engine.result import Binding
from tests.engine.optimize.legacy.explain_old import Context
from tests.engine.optimize.legacy.format_old import english

if TYPE_CHECKING:
    from engine.messages.values import Value

    Param = Value | Message

M = MessageId
AT_CAP = 1e-3  # volatility within 0.1 point of its cap is at the cap
ACTIVE = 2e-4  # a weight within this of its bound is at the bound
TURNOVER_TOL = 5e-3
RESTRICTION_TOL = 5e-3
GAP_SHOWN = 2e-3  # sleeves that end closer than this to their targets are not listed


def _binding(limit: LimitId, why: Message) -> Binding:
    return Binding(limit, english(why), why)


def _node_changes(x: Inputs, after: np.ndarray, cash_after: float) -> list[Message]:
    """How the vol cap moved the sleeves (and the satellites together, and cash) off their targets."""
    rows: list[tuple[Message | Name, float, float]] = [
        (Name(nd.label), nd.target, float(after[j])) for j, nd in enumerate(x.nodes) if nd.key != "small_cap"
    ]
    rows = [r for r in rows if abs(r[2] - r[1]) > GAP_SHOWN]
    rows.sort(key=lambda r: -abs(r[2] - r[1]))
    sats = [j for j, nd in enumerate(x.nodes) if nd.role == "satellite"]
    if len(sats) > 1:  # the satellites together first: that is how the core/satellite split reads
        tgt = sum(x.nodes[j].target for j in sats)
        aft = float(sum(after[j] for j in sats))
        if abs(aft - tgt) > GAP_SHOWN:
            rows.insert(0, (Message.of(M.NAME_SATELLITES), tgt, aft))
    rows = rows[:4]
    if cash_after > x.cash_target + GAP_SHOWN:
        rows.append((Message.of(M.NAME_CASH), x.cash_target, cash_after))
    return [
        Message.of(
            M.CHANGE_CUT if aft < tgt else M.CHANGE_RAISED, name=name, target=Percent(tgt), after=Percent(aft)
        )
        for name, tgt, aft in rows
    ]


def vol_cap_binds(x: Inputs, vol_after: float, w_cont: np.ndarray, vol_target: float) -> bool:
    if x.vol_cap >= BIG:
        return False
    if x.vol_cap - vol_after <= AT_CAP:
        return True
    vol_cont = float(np.sqrt(max(float(w_cont @ x.cov @ w_cont), 0.0)))
    margin = float(getattr(x, "cost_margin", 1.0))  # older solvers aim a little under the cap
    return vol_target > x.vol_cap and vol_cont >= x.vol_cap * margin - 1e-4


def bindings(ctx: Context) -> list[Binding]:
    """Every limit that binds in the answer of ``ctx`` (an explain.Context that was solved)."""
    x, ev, w_cont = ctx.x, ctx.ev, ctx.w_cont
    c = x.scenario.constraints
    out: list[Binding] = []
    if vol_cap_binds(x, ev.vol, w_cont, ctx.vol_target):
        changes = _node_changes(x, ev.node_weights, ev.cash_weight)
        vals: dict[str, Param] = {
            "cap": Percent(x.vol_cap),
            "vol_after": Percent(ev.vol),
            "vol_target": Percent(ctx.vol_target),
        }
        why = (
            Message.of(M.BIND_VOL_CAP_CHANGES, changes=Parts(tuple(changes)), **vals)
            if changes
            else Message.of(M.BIND_VOL_CAP, **vals)
        )
        out.append(_binding(LimitId(LimitKind.VOL_CAP), why))
    if x.turnover_cap < BIG and ev.turnover >= x.turnover_cap - TURNOVER_TOL and ctx.te_after > 1e-4:
        why = Message.of(
            M.BIND_TURNOVER,
            cap=Percent(x.turnover_cap),
            turnover=Percent(ev.turnover),
            te_after=Percent(ctx.te_after, 2),
        )
        out.append(_binding(LimitId(LimitKind.TURNOVER_CAP), why))
    gap = float(x.target.sum() - ev.weights.sum())
    if c.min_cash > 0 and ev.cash_after <= c.min_cash + max(0.01, 1e-4 * x.value) and gap > 1e-3:
        why = Message.of(
            M.BIND_MIN_CASH, buffer=Money(c.min_cash), cash_after=Money(ev.cash_after), gap=Percent(gap)
        )
        out.append(_binding(LimitId(LimitKind.MIN_CASH), why))
    out += _bounds(x, ev.weights, ev.node_weights, w_cont)
    out += _look_through(x, ev.weights, w_cont)
    out += _restrictions(x, ctx)
    if not out:
        out += _costs(x, ctx)
    return out


def _at(w: float, wc: float, bound: float, *, low: bool) -> bool:
    return (
        (w <= bound + ACTIVE or wc <= bound + ACTIVE)
        if low
        else (w >= bound - ACTIVE or wc >= bound - ACTIVE)
    )


def _look_through(x: Inputs, w: np.ndarray, w_cont: np.ndarray) -> list[Binding]:
    """A sector's (company's) share through the funds at its maximum (minimum) while the targets would
    put it beyond: the same condition as a sleeve bound, on the look-through row."""
    out: list[Binding] = []
    for r in x.look_through:
        t, wn, wc = float(r.row @ x.target), float(r.row @ w), float(r.row @ w_cont)
        vals: dict[str, Param] = {
            "name": Name(f"{r.label} through the funds"),
            "target": Percent(t),
            "after": Percent(wn),
        }
        if r.hi < t and t > wn + ACTIVE and _at(wn, wc, r.hi, low=False):
            kind = LimitKind.COMPANY_MAX if r.kind == "company" else LimitKind.SECTOR_MAX
            out.append(
                _binding(LimitId(kind, r.subject), Message.of(M.BIND_GROUP_MAX, bound=Percent(r.hi), **vals))
            )
        if r.lo > t and t < wn - ACTIVE and _at(wn, wc, r.lo, low=True):
            lim = LimitId(LimitKind.SECTOR_MIN, r.subject)
            out.append(_binding(lim, Message.of(M.BIND_GROUP_MIN, bound=Percent(r.lo), **vals)))
    return out


def _bounds(x: Inputs, w: np.ndarray, node_w: np.ndarray, w_cont: np.ndarray) -> list[Binding]:
    out: list[Binding] = []
    for i, tk in enumerate(x.tickers):
        t, wi, wc = float(x.target[i]), float(w[i]), float(w_cont[i])
        vals: dict[str, Param] = {"ticker": Ticker(tk), "target": Percent(t), "after": Percent(wi)}
        if x.hi[i] < t and t > wi + ACTIVE and _at(wi, wc, x.hi[i], low=False):
            why = Message.of(M.BIND_ASSET_MAX, bound=Percent(float(x.hi[i])), **vals)
            out.append(_binding(LimitId(LimitKind.ASSET_MAX, tk), why))
        if x.lo[i] > t and t < wi - ACTIVE and _at(wi, wc, x.lo[i], low=True):
            why = Message.of(M.BIND_ASSET_MIN, bound=Percent(float(x.lo[i])), **vals)
            out.append(_binding(LimitId(LimitKind.ASSET_MIN, tk), why))
    for j, nd in enumerate(x.nodes):
        wn, wc = float(node_w[j]), float(nd.members @ w_cont)
        small = nd.key == "small_cap"
        name: Message | Name = Message.of(M.NAME_SMALL_CAPS) if small else Name(nd.label)
        vals = {"name": name, "target": Percent(nd.target), "after": Percent(wn)}
        if nd.hi < nd.target and nd.target > wn + ACTIVE and _at(wn, wc, nd.hi, low=False):
            lim = LimitId(LimitKind.SMALL_CAP_MAX) if small else LimitId(LimitKind.SLEEVE_MAX, nd.label)
            out.append(_binding(lim, Message.of(M.BIND_GROUP_MAX, bound=Percent(nd.hi), **vals)))
        if nd.lo > nd.target and nd.target < wn - ACTIVE and _at(wn, wc, nd.lo, low=True):
            lim = LimitId(LimitKind.SMALL_CAP_MIN) if small else LimitId(LimitKind.SLEEVE_MIN, nd.label)
            out.append(_binding(lim, Message.of(M.BIND_GROUP_MIN, bound=Percent(nd.lo), **vals)))
    return out


def _restrictions(x: Inputs, ctx: Context) -> list[Binding]:
    ev = ctx.ev
    c = x.scenario.constraints
    out: list[Binding] = []
    for i, tk in enumerate(x.tickers):
        w, t = float(ev.weights[i]), float(x.target[i])
        vals: dict[str, Param] = {"ticker": Ticker(tk), "after": Percent(w), "target": Percent(t)}
        if tk in c.no_sell and w > t + RESTRICTION_TOL and ev.delta[i] == 0:
            out.append(_binding(LimitId(LimitKind.NO_SELL, tk), Message.of(M.BIND_NO_SELL, **vals)))
        if tk in c.no_buy and w < t - RESTRICTION_TOL and ev.delta[i] == 0:
            out.append(_binding(LimitId(LimitKind.NO_BUY, tk), Message.of(M.BIND_NO_BUY, **vals)))
    if c.mode is Mode.BUY_ONLY:
        over = tuple(
            tk
            for i, tk in enumerate(x.tickers)
            if ev.weights[i] > x.target[i] + RESTRICTION_TOL and tk not in c.no_sell
        )
        if over:
            out.append(_binding(LimitId(LimitKind.MODE), Message.of(M.BIND_BUY_ONLY, names=Names(over))))
    if c.mode is Mode.SELL_ONLY:
        under = tuple(
            tk
            for i, tk in enumerate(x.tickers)
            if ev.weights[i] < x.target[i] - RESTRICTION_TOL and tk not in c.no_buy
        )
        if under:
            out.append(_binding(LimitId(LimitKind.MODE), Message.of(M.BIND_SELL_ONLY, names=Names(under))))
    return out


def _costs(x: Inputs, ctx: Context) -> list[Binding]:
    """What keeps the furthest holding off its target when no limit binds: trading costs when the
    continuous optimum already stops short of it, else the rounding to whole shares."""
    if not x.n:
        return []
    c = x.scenario.constraints
    gaps = np.abs(ctx.ev.weights - x.target)
    i = int(np.argmax(gaps))
    if gaps[i] <= GAP_SHOWN:
        return []
    gap_cont = abs(float(ctx.w_cont[i] - x.target[i]))
    tk = Ticker(x.tickers[i])
    if gap_cont > GAP_SHOWN and x.kappa[i] > 0:
        why = Message.of(M.BIND_COSTS, ticker=tk, gap=Points(gap_cont))
        return [_binding(LimitId(LimitKind.COSTS), why)]
    if c.whole_shares:
        share = float(x.prices[i] / x.value)
        why = Message.of(M.BIND_WHOLE_SHARES, ticker=tk, gap=Points(float(gaps[i])), share=Points(share, 2))
        return [_binding(LimitId(LimitKind.WHOLE_SHARES), why)]
    return []
