"""Plain-words explanations that follow from the numbers: why each trade is there, what the status means.

Every sentence is a ``Message`` (engine.messages) chosen by a numeric condition on the before / target /
after weights and the limits that bind (engine.optimize.binding), so a test can check each claim against
the result: "toward its target" only when |after − target| < |before − target|, "overweight" only when
before > target, a volatility reason only when the cap binds, and so on.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from engine.market import FloatArray
from engine.messages import Count, Message, MessageId, Money, Name, Names, Percent, Points, Ticker
from engine.optimize.checker import Evaluation
from engine.optimize.inputs import BIG, UNTARGETED, Inputs
from engine.optimize.limit_id import LimitId, LimitKind
from engine.result import Binding, Infeasibility, Side, Status, Trade

if TYPE_CHECKING:
    from engine.messages.values import Value

    Params = tuple[tuple[str, Value | Message], ...]  # a message's values, in order

M = MessageId
CASH_TOL = 1e-4  # cash weight above its target by more than this is idle cash


@dataclass(frozen=True, eq=False)
class Context:
    """The numbers every explanation is derived from."""

    x: Inputs
    ev0: Evaluation  # the holdings as they are
    ev: Evaluation  # the answer (``ev0`` itself when nothing was solved)
    w_cont: FloatArray  # the continuous optimum's weights (before rounding)
    vol_target: float
    te_before: float
    te_after: float

    @property
    def solved(self) -> bool:
        return self.ev is not self.ev0

    # the per-asset numbers as Python floats, read once (indexing a numpy array per value costs more than
    # the comparison it feeds); the same values as ``float(array[i])``
    @functools.cached_property
    def w0s(self) -> list[float]:
        out: list[float] = self.x.w0.tolist()
        return out

    @functools.cached_property
    def targets(self) -> list[float]:
        out: list[float] = self.x.target.tolist()
        return out

    @functools.cached_property
    def afters(self) -> list[float]:
        out: list[float] = self.ev.weights.tolist()
        return out


def pct(v: float, digits: int = 1) -> str:
    return f"{v * 100:.{digits}f} %"


def money(v: float) -> str:
    return f"${v:,.0f}"


def _own_limit(x: Inputs, i: int, binding: list[Binding], *, low: bool) -> tuple[LimitId, float] | None:
    """A binding minimum (``low``) or maximum that covers ticker i: its own, its sleeve's, small caps'."""
    kinds = (
        (LimitKind.ASSET_MIN, LimitKind.SLEEVE_MIN, LimitKind.SMALL_CAP_MIN)
        if low
        else (LimitKind.ASSET_MAX, LimitKind.SLEEVE_MAX, LimitKind.SMALL_CAP_MAX)
    )
    for b in binding:
        lim = b.limit
        if lim.kind not in kinds:
            continue
        if lim.kind in (LimitKind.ASSET_MIN, LimitKind.ASSET_MAX) and lim.subject == x.tickers[i]:
            return lim, float(x.lo[i] if low else x.hi[i])
        for nd in x.nodes:
            covers = (nd.key == "small_cap") == (
                lim.kind in (LimitKind.SMALL_CAP_MIN, LimitKind.SMALL_CAP_MAX)
            )
            if covers and (nd.key == "small_cap" or nd.label == lim.subject) and nd.members[i] > 0:
                return lim, nd.lo if low else nd.hi
    return None


def vol_binds(binding: list[Binding]) -> bool:
    return any(b.limit.kind is LimitKind.VOL_CAP for b in binding)


def trade_reason(
    ctx: Context, i: int, side: Side, binding: list[Binding], *, at_cap: bool | None = None
) -> Message:
    """Why trade i is there, chosen by the numbers (see the module docstring)."""
    x = ctx.x
    c = x.scenario.constraints
    w0, t, w1 = ctx.w0s[i], ctx.targets[i], ctx.afters[i]
    d0, d1 = abs(w0 - t), abs(w1 - t)
    toward = d1 < d0
    # every reason ends with these values, after its own (one tuple: a reason is built for every trade)
    mv: Params = (
        ("ticker", Ticker(x.tickers[i])),
        ("before", Percent(w0)),
        ("after", Percent(w1)),
        ("target", Percent(t)),
    )
    if at_cap is None:  # ``vol_binds(binding)``, passed in when many trades are explained at once
        at_cap = vol_binds(binding)
    sell = side is Side.SELL
    if x.sleeve_names[i] == UNTARGETED and t == 0.0:
        if sell:
            return Message(M.REASON_UNTARGETED_SELL, mv)
        if at_cap:
            return Message(M.REASON_UNTARGETED_BUY_VOL, (("cap", Percent(x.vol_cap)), *mv))
        return Message(M.REASON_UNTARGETED_BUY, mv)
    if toward and sell and w0 > t:
        if at_cap and w1 < t:
            return Message(M.REASON_VOL_CUT, (("cap", Percent(x.vol_cap)), *mv))
        band = x.asset_bands[i].tolerance(t)
        if d0 > band + 1e-12:
            return Message(M.REASON_BAND_SELL, (("drift", Points(d0)), ("band", Points(band)), *mv))
        if c.cash_flow < 0:
            return Message(M.REASON_WITHDRAWAL_OVERWEIGHT, (("amount", Money(-c.cash_flow)), *mv))
        if x.c0 < x.cash_target:
            return Message(M.REASON_BUFFER_OVERWEIGHT, (("amount", Money(c.min_cash)), *mv))
    if toward and not sell and w0 < t:
        if at_cap and w1 > t:
            return Message(M.REASON_VOL_RAISE, (("cap", Percent(x.vol_cap)), *mv))
        band = x.asset_bands[i].tolerance(t)
        if d0 > band + 1e-12:
            return Message(M.REASON_BAND_BUY, (("drift", Points(d0)), ("band", Points(band)), *mv))
        if c.cash_flow > 0:
            return Message(M.REASON_CONTRIBUTION_UNDERWEIGHT, (("amount", Money(c.cash_flow)), *mv))
        if x.c0 > x.cash_target + CASH_TOL and ctx.ev.cash_weight < x.c0:
            return Message(M.REASON_IDLE_CASH, mv)
    if toward:
        return Message(M.REASON_TOWARD, mv)
    # the trade leaves the holding further from its target: say what makes that worth it
    if at_cap and (w1 < t if sell else w1 > t):
        away = M.REASON_VOL_CUT_AWAY if sell else M.REASON_VOL_RAISE_AWAY
        return Message(away, (("cap", Percent(x.vol_cap)), *mv))
    own = _own_limit(x, i, binding, low=not sell)
    if own is not None:
        limit_params: Params = (("limit", own[0]), ("bound", Percent(own[1])))
        return Message(M.REASON_LIMIT_SELL if sell else M.REASON_LIMIT_BUY, (*limit_params, *mv))
    if sell and c.cash_flow < 0:
        return Message(M.REASON_WITHDRAWAL_AWAY, (("amount", Money(-c.cash_flow)), *mv))
    if sell and x.c0 < x.cash_target:
        return Message(M.REASON_BUFFER_AWAY, (("amount", Money(c.min_cash)), *mv))
    if not sell and c.cash_flow > 0:
        return Message(M.REASON_CONTRIBUTION_AWAY, (("amount", Money(c.cash_flow)), *mv))
    if ctx.te_after < ctx.te_before:
        te: Params = (("te_before", Percent(ctx.te_before, 2)), ("te_after", Percent(ctx.te_after, 2)))
        return Message(M.REASON_AWAY_TE, (*te, *mv))
    return Message(M.REASON_AWAY, mv)


def outside_bands(x: Inputs, ev: Evaluation) -> list[str]:
    """Names of the holdings and sleeves outside their drift bands in ``ev``."""
    out = [
        tk
        for i, tk in enumerate(x.tickers)
        if x.asset_bands[i].is_outside(float(ev.weights[i]), float(x.target[i]))
    ]
    out += [
        nd.label for j, nd in enumerate(x.nodes) if nd.band.is_outside(float(ev.node_weights[j]), nd.target)
    ]
    return out


def turnover_forbids_trading(x: Inputs) -> bool:
    """The turnover cap leaves no room for a single trade of the minimum size (e.g. a 0 % cap)."""
    c = x.scenario.constraints
    return x.turnover_cap < BIG and x.turnover_cap * x.value < max(c.min_trade, 0.01)


def headline(ctx: Context, status: Status, n_trades: int, infeasible_text: str = "") -> Message:
    """What the status means for these numbers: the first line a user reads."""
    x = ctx.x
    if status is Status.INFEASIBLE:
        return Message.of(M.HEAD_INFEASIBLE, text=Name(infeasible_text))
    if n_trades == 1:
        return Message.of(M.HEAD_ONE_TRADE)
    if n_trades > 1:
        return Message.of(M.HEAD_TRADES, count=Count(n_trades))
    out = outside_bands(x, ctx.ev0)
    if not out and not ctx.solved:  # every node in its band, nothing to do: no limit is why (a 0 % turnover
        return Message.of(M.HEAD_IN_BANDS)  # cap included, which would have been named as the reason)
    if turnover_forbids_trading(x):
        if out:
            return Message.of(
                M.HEAD_TURNOVER_FORBIDS_OUT, cap=Percent(x.turnover_cap), names=Names(tuple(out))
            )
        return Message.of(M.HEAD_TURNOVER_FORBIDS, cap=Percent(x.turnover_cap))
    if out:
        return Message.of(M.HEAD_NO_IMPROVING_OUT, names=Names(tuple(out)))
    return Message.of(M.HEAD_NO_IMPROVING)


def notes(ctx: Context, trades: list[Trade]) -> list[Message]:
    """Things the numbers need said: why a withdrawal sells more than it takes out."""
    x = ctx.x
    c = x.scenario.constraints
    out: list[Message] = []
    sells = sum(t.amount for t in trades if t.side is Side.SELL)
    buys = sum(t.amount for t in trades if t.side is Side.BUY)
    if c.cash_flow < 0 and sells > -c.cash_flow + max(1.0, 0.005 * -c.cash_flow):
        out.append(
            Message.of(
                M.NOTE_WITHDRAWAL_SELLS_MORE if buys > 0 else M.NOTE_WITHDRAWAL_SELLS_MORE_TO_CASH,
                sells=Money(sells),
                withdrawal=Money(-c.cash_flow),
                buys=Money(buys),
                costs=Money(ctx.ev.total_cost, 2),
                cash_before=Money(x.cash0 - c.cash_flow),
                cash_after=Money(ctx.ev.cash_after),
                buffer=Money(c.min_cash),
            )
        )
    return out


def risk_by_group(labels: tuple[str, ...], contrib: FloatArray | Iterable[float]) -> dict[str, float]:
    out: dict[str, float] = {}
    for label, v in zip(labels, contrib, strict=True):
        out[label] = out.get(label, 0.0) + float(v)
    return out


def max_gap(ctx: Context) -> float:
    return float(np.max(np.abs(ctx.ev.weights - ctx.x.target))) if ctx.x.n else 0.0


def stated_value(x: Inputs, limit: LimitId) -> float | None:
    """The value the user set for ``limit`` (None when it has none)."""
    k = limit.kind
    c = x.scenario.constraints
    if k is LimitKind.VOL_CAP:
        return c.vol_cap
    if k is LimitKind.TURNOVER_CAP:
        return c.turnover_cap
    if k is LimitKind.MIN_CASH:
        return c.min_cash
    if k is LimitKind.MIN_TRADE:
        return c.min_trade
    if k in (LimitKind.ASSET_MIN, LimitKind.ASSET_MAX) and limit.subject in x.tickers:
        i = x.tickers.index(limit.subject)
        return float(x.lo[i] if k is LimitKind.ASSET_MIN else x.hi[i])
    groups = {
        LimitKind.SLEEVE_MIN: True,
        LimitKind.SLEEVE_MAX: False,
        LimitKind.SMALL_CAP_MIN: True,
        LimitKind.SMALL_CAP_MAX: False,
    }
    if k in groups:
        key = (
            "small_cap"
            if k in (LimitKind.SMALL_CAP_MIN, LimitKind.SMALL_CAP_MAX)
            else f"sleeve:{limit.subject}"
        )
        nd = next((nd for nd in x.nodes if nd.key == key), None)
        if nd is not None:
            return nd.lo if groups[k] else nd.hi
    if k in (LimitKind.SECTOR_MIN, LimitKind.SECTOR_MAX, LimitKind.COMPANY_MAX):
        which = "company" if k is LimitKind.COMPANY_MAX else "sector"
        r = next((r for r in x.look_through if r.kind == which and r.subject == limit.subject), None)
        if r is not None:
            return r.lo if k is LimitKind.SECTOR_MIN else r.hi
    return None


def infeasibility_why(x: Inputs, inf: Infeasibility) -> tuple[Message, ...]:
    """One message per limit the diagnosis names: its value and the nearest that works, when there is one."""
    nearest = inf.nearest_by_limit
    out: list[Message] = []
    for lim in inf.limits:
        stated, near = stated_value(x, lim), nearest.get(lim)
        if stated is None:
            out.append(Message.of(M.INF_PART, limit=lim))
            continue
        money_limit = lim.kind in (LimitKind.MIN_CASH, LimitKind.MIN_TRADE)
        value: Money | Percent = Money(stated) if money_limit else Percent(stated, 2)
        if near is None:
            out.append(Message.of(M.INF_STATED, limit=lim, stated=value))
            continue
        out.append(
            Message.of(
                M.INF_NEAREST,
                limit=lim,
                stated=value,
                nearest=Money(near) if money_limit else Percent(near, 2),
            )
        )
    return tuple(out)
