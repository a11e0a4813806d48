"""The claims the engine's words make, checked against the result's own numbers (independently of the
engine's explain code: only the result rows, the scenario and the message ids are read)."""

from __future__ import annotations

import math

from engine.messages import Message, MessageId, Money, Names, Percent, Points, english
from engine.model.scenario import Mode, Scenario
from engine.optimize.limit_id import LimitId, LimitKind
from engine.report_text import format_result
from engine.result import AssetRow, RebalanceResult, Side, Status

M = MessageId
AT_CAP = 1e-3
ACTIVE = 2e-4
RESTRICTION_TOL = 5e-3

TOWARD = {
    M.REASON_BAND_SELL,
    M.REASON_BAND_BUY,
    M.REASON_WITHDRAWAL_OVERWEIGHT,
    M.REASON_CONTRIBUTION_UNDERWEIGHT,
    M.REASON_IDLE_CASH,
    M.REASON_BUFFER_OVERWEIGHT,
    M.REASON_TOWARD,
}
AWAY = {
    M.REASON_VOL_CUT_AWAY,
    M.REASON_VOL_RAISE_AWAY,
    M.REASON_LIMIT_SELL,
    M.REASON_LIMIT_BUY,
    M.REASON_WITHDRAWAL_AWAY,
    M.REASON_BUFFER_AWAY,
    M.REASON_CONTRIBUTION_AWAY,
    M.REASON_AWAY_TE,
    M.REASON_AWAY,
}
OVERWEIGHT = {M.REASON_BAND_SELL, M.REASON_WITHDRAWAL_OVERWEIGHT, M.REASON_BUFFER_OVERWEIGHT}
UNDERWEIGHT = {M.REASON_BAND_BUY, M.REASON_CONTRIBUTION_UNDERWEIGHT, M.REASON_IDLE_CASH}
SELL_ONLY_IDS = {
    M.REASON_UNTARGETED_SELL,
    M.REASON_BAND_SELL,
    M.REASON_WITHDRAWAL_OVERWEIGHT,
    M.REASON_WITHDRAWAL_AWAY,
    M.REASON_BUFFER_OVERWEIGHT,
    M.REASON_BUFFER_AWAY,
    M.REASON_VOL_CUT,
    M.REASON_VOL_CUT_AWAY,
    M.REASON_LIMIT_SELL,
}
BUY_ONLY_IDS = {
    M.REASON_UNTARGETED_BUY,
    M.REASON_UNTARGETED_BUY_VOL,
    M.REASON_BAND_BUY,
    M.REASON_CONTRIBUTION_UNDERWEIGHT,
    M.REASON_CONTRIBUTION_AWAY,
    M.REASON_IDLE_CASH,
    M.REASON_VOL_RAISE,
    M.REASON_VOL_RAISE_AWAY,
    M.REASON_LIMIT_BUY,
}


def _f(m: Message, name: str) -> float:
    v = m.get(name)
    assert isinstance(v, Percent | Points | Money), (m, name)
    return v.value


def _vol_binds(r: RebalanceResult) -> bool:
    return any(b.limit.kind is LimitKind.VOL_CAP for b in r.binding)


def _bounds(sc: Scenario) -> tuple[dict[str, tuple[float, float]], dict[str, tuple[float, float]]]:
    t = sc.targets
    assets = {a.ticker: (a.min_weight, a.max_weight) for s in t.sleeves for a in s.assets}
    groups = {s.name: (s.min_weight, s.max_weight) for s in t.sleeves}
    groups["Small caps"] = (t.small_cap_min, t.small_cap_max)
    return assets, groups


def check_reason(sc: Scenario, r: RebalanceResult, a: AssetRow, side: Side, m: Message) -> None:
    c = sc.constraints
    w0, tg, w1 = a.weight_before, a.weight_target, a.weight_after
    d0, d1 = abs(w0 - tg), abs(w1 - tg)
    mid = m.id
    assert mid.value.startswith("reason."), m
    assert math.isclose(_f(m, "after"), w1, abs_tol=1e-12)
    assert math.isclose(_f(m, "before"), w0, abs_tol=1e-12)
    if m.has("target"):
        assert math.isclose(_f(m, "target"), tg, abs_tol=1e-12)
    if mid in TOWARD:
        assert d1 < d0, (m, w0, tg, w1)
    if mid in AWAY:
        assert d1 >= d0, (m, w0, tg, w1)
    if mid in OVERWEIGHT:
        assert w0 > tg, m
    if mid in UNDERWEIGHT:
        assert w0 < tg, m
    if mid in SELL_ONLY_IDS:
        assert side is Side.SELL, m
    if mid in BUY_ONLY_IDS:
        assert side is Side.BUY, m
    if mid in (M.REASON_BAND_SELL, M.REASON_BAND_BUY):
        assert d0 > a.band and math.isclose(_f(m, "drift"), d0) and math.isclose(_f(m, "band"), a.band)
    if mid in (M.REASON_VOL_CUT, M.REASON_VOL_CUT_AWAY):
        assert _vol_binds(r) and w1 < tg, m
    if mid in (M.REASON_VOL_RAISE, M.REASON_VOL_RAISE_AWAY, M.REASON_UNTARGETED_BUY_VOL):
        assert _vol_binds(r), m
    if mid in (M.REASON_VOL_RAISE, M.REASON_VOL_RAISE_AWAY):
        assert w1 > tg, m
    if mid in (M.REASON_WITHDRAWAL_OVERWEIGHT, M.REASON_WITHDRAWAL_AWAY):
        assert c.cash_flow < 0 and math.isclose(_f(m, "amount"), -c.cash_flow)
    if mid in (M.REASON_CONTRIBUTION_UNDERWEIGHT, M.REASON_CONTRIBUTION_AWAY):
        assert c.cash_flow > 0 and math.isclose(_f(m, "amount"), c.cash_flow)
    if mid in (M.REASON_BUFFER_OVERWEIGHT, M.REASON_BUFFER_AWAY):
        assert r.cash_before < c.min_cash, m
    if mid is M.REASON_IDLE_CASH:
        c0 = r.cash_before / r.total_value
        assert c0 > c.min_cash / r.total_value + 1e-4 and r.cash_after / (r.total_value - r.total_cost) < c0
    if mid is M.REASON_AWAY_TE:
        assert r.tracking_error_after < r.tracking_error_before
    if mid in (M.REASON_UNTARGETED_SELL, M.REASON_UNTARGETED_BUY, M.REASON_UNTARGETED_BUY_VOL):
        assert tg == 0.0 and a.sleeve == "Not in targets"
    if mid in (M.REASON_LIMIT_SELL, M.REASON_LIMIT_BUY):
        lim = m.get("limit")
        assert isinstance(lim, LimitId) and lim in {b.limit for b in r.binding}, m
        low = mid is M.REASON_LIMIT_BUY
        assert lim.is_lower_bound == low
        if lim.kind in (LimitKind.ASSET_MIN, LimitKind.ASSET_MAX):
            assert lim.subject == a.ticker
        elif lim.kind in (LimitKind.SLEEVE_MIN, LimitKind.SLEEVE_MAX):
            assert lim.subject == a.sleeve


def check_bindings(sc: Scenario, r: RebalanceResult) -> None:
    c = sc.constraints
    limits = [b.limit for b in r.binding]
    assert len(limits) == len(set(limits))
    solved = r.headline is not None and r.headline.id is not M.HEAD_IN_BANDS
    if r.status is Status.INFEASIBLE:
        assert not r.binding
        return
    for b in r.binding:
        assert b.why is not None and b.message == english(b.why)
    kinds = {lim.kind for lim in limits}
    # the volatility cap
    if LimitKind.VOL_CAP in kinds:
        assert c.vol_cap is not None and (c.vol_cap - r.vol_after <= AT_CAP or r.vol_target > c.vol_cap)
    if solved and c.vol_cap is not None and c.vol_cap - r.vol_after <= AT_CAP:
        assert LimitKind.VOL_CAP in kinds, "the volatility cap sits at its cap but is not named"
    # the turnover cap
    if LimitKind.TURNOVER_CAP in kinds:
        assert c.turnover_cap is not None and r.turnover >= c.turnover_cap - 5e-3
        assert r.tracking_error_after > 1e-4
    reached = c.turnover_cap is not None and r.turnover >= c.turnover_cap - 1e-9
    if solved and reached and r.tracking_error_after > 1e-4:
        assert LimitKind.TURNOVER_CAP in kinds, "the turnover cap is reached but not named"
    # the cash buffer: claimed exactly when cash sits at it while holdings stay below target in total
    gap = sum(a.weight_target for a in r.assets) - sum(a.weight_after for a in r.assets)
    at_buffer = c.min_cash > 0 and r.cash_after <= c.min_cash + max(0.01, 1e-4 * r.total_value)
    if solved:
        assert (LimitKind.MIN_CASH in kinds) == (at_buffer and gap > 1e-3)
    # bounds
    asset_bounds, group_bounds = _bounds(sc)
    rows = {a.ticker: a for a in r.assets}
    groups = {s.name: s for s in r.sleeves}
    for lim in limits:
        if lim.kind in (LimitKind.ASSET_MAX, LimitKind.ASSET_MIN):
            a = rows[lim.subject]
            lo, hi = asset_bounds[lim.subject]
            if lim.kind is LimitKind.ASSET_MAX:
                assert a.weight_target > a.weight_after + ACTIVE and hi < a.weight_target
            else:
                assert a.weight_target < a.weight_after - ACTIVE and lo > a.weight_target
        if lim.kind in (
            LimitKind.SLEEVE_MAX,
            LimitKind.SLEEVE_MIN,
            LimitKind.SMALL_CAP_MAX,
            LimitKind.SMALL_CAP_MIN,
        ):
            name = lim.subject or "Small caps"
            s = groups[name]
            lo, hi = group_bounds[name]
            if lim.kind in (LimitKind.SLEEVE_MAX, LimitKind.SMALL_CAP_MAX):
                assert s.weight_target > s.weight_after + ACTIVE and hi < s.weight_target
            else:
                assert s.weight_target < s.weight_after - ACTIVE and lo > s.weight_target
    if solved:
        for tk, (lo, hi) in asset_bounds.items():
            a = rows[tk]
            if hi < 1 and hi - a.weight_after <= ACTIVE and a.weight_target > a.weight_after + ACTIVE:
                assert LimitId(LimitKind.ASSET_MAX, tk) in limits
            if lo > 0 and a.weight_after - lo <= ACTIVE and a.weight_target < a.weight_after - ACTIVE:
                assert LimitId(LimitKind.ASSET_MIN, tk) in limits
        for name, (lo, hi) in group_bounds.items():
            if name not in groups:
                continue
            g = groups[name]
            small = name == "Small caps"
            top = LimitId(LimitKind.SMALL_CAP_MAX) if small else LimitId(LimitKind.SLEEVE_MAX, name)
            bottom = LimitId(LimitKind.SMALL_CAP_MIN) if small else LimitId(LimitKind.SLEEVE_MIN, name)
            if hi < 1 and hi - g.weight_after <= ACTIVE and g.weight_target > g.weight_after + ACTIVE:
                assert top in limits, f"{top} is at its bound but not named"
            if lo > 0 and g.weight_after - lo <= ACTIVE and g.weight_target < g.weight_after - ACTIVE:
                assert bottom in limits, f"{bottom} is at its bound but not named"
    # restrictions
    traded = {t.ticker for t in r.trades}
    for lim in limits:
        if lim.kind is LimitKind.NO_SELL:
            a = rows[lim.subject]
            assert lim.subject in c.no_sell and lim.subject not in traded
            assert a.weight_after > a.weight_target + RESTRICTION_TOL
        if lim.kind is LimitKind.NO_BUY:
            a = rows[lim.subject]
            assert lim.subject in c.no_buy and lim.subject not in traded
            assert a.weight_after < a.weight_target - RESTRICTION_TOL
    for b in r.binding:
        if b.limit.kind is LimitKind.MODE:
            assert b.why is not None
            names = b.why.get("names")
            assert isinstance(names, Names)
            for tk in names.items:
                a = rows[tk]
                if c.mode is Mode.BUY_ONLY:
                    assert a.weight_after > a.weight_target + RESTRICTION_TOL
                else:
                    assert c.mode is Mode.SELL_ONLY and a.weight_after < a.weight_target - RESTRICTION_TOL
        if b.limit.kind is LimitKind.COSTS:
            assert len(r.binding) == 1 and (c.cost_bps > 0 or c.cost_bps_by_ticker)
        if b.limit.kind is LimitKind.WHOLE_SHARES:
            assert len(r.binding) == 1 and c.whole_shares


def check_headline(sc: Scenario, r: RebalanceResult) -> None:
    c = sc.constraints
    h = r.headline
    assert h is not None
    outside = [a.ticker for a in r.assets if a.outside_band] + [s.name for s in r.sleeves if s.outside_band]
    if r.status is Status.INFEASIBLE:
        assert h.id is M.HEAD_INFEASIBLE
        inf = r.infeasibility
        assert inf is not None and len(inf.why) == len(inf.limits)
        nearest = inf.nearest_by_limit
        for lim, m in zip(inf.limits, inf.why, strict=True):
            assert m.get("limit") == lim
            if m.id is M.INF_NEAREST:
                assert math.isclose(_f(m, "nearest"), nearest[lim])
            else:
                assert m.id in (M.INF_STATED, M.INF_PART) and lim not in nearest
    elif r.trades:
        assert h.id in (M.HEAD_TRADES, M.HEAD_ONE_TRADE)
        if h.id is M.HEAD_TRADES:
            count = h.get("count")
            assert getattr(count, "value", None) == len(r.trades)
    else:
        assert h.id in (
            M.HEAD_IN_BANDS,
            M.HEAD_TURNOVER_FORBIDS,
            M.HEAD_TURNOVER_FORBIDS_OUT,
            M.HEAD_NO_IMPROVING,
            M.HEAD_NO_IMPROVING_OUT,
        ), h
        if h.id is M.HEAD_IN_BANDS:
            assert not outside, outside
        if h.id in (M.HEAD_TURNOVER_FORBIDS, M.HEAD_TURNOVER_FORBIDS_OUT):
            assert c.turnover_cap is not None
            assert c.turnover_cap * r.total_value < max(c.min_trade, 0.01)
        if h.id in (M.HEAD_TURNOVER_FORBIDS_OUT, M.HEAD_NO_IMPROVING_OUT):
            names = h.get("names")
            assert isinstance(names, Names) and list(names.items) == outside
        if h.id in (M.HEAD_TURNOVER_FORBIDS, M.HEAD_NO_IMPROVING):
            assert not outside
    text = format_result(r)
    assert "No constraint binds" not in text
    if r.status is not Status.OK:
        assert "No limit binds" not in text


def check_notes(sc: Scenario, r: RebalanceResult) -> None:
    c = sc.constraints
    sells = sum(t.amount for t in r.trades if t.side is Side.SELL)
    buys = sum(t.amount for t in r.trades if t.side is Side.BUY)
    notes = [
        n for n in r.notes if n.id in (M.NOTE_WITHDRAWAL_SELLS_MORE, M.NOTE_WITHDRAWAL_SELLS_MORE_TO_CASH)
    ]
    assert r.messages == tuple(english(n) for n in r.notes)
    if c.cash_flow < 0 and sells > -c.cash_flow + max(1.0, 0.005 * -c.cash_flow):
        assert len(notes) == 1, "a withdrawal sells more than it takes out, with no word why"
        n = notes[0]
        assert math.isclose(_f(n, "sells"), sells) and math.isclose(_f(n, "buys"), buys)
        assert (n.id is M.NOTE_WITHDRAWAL_SELLS_MORE_TO_CASH) == (buys == 0)
        pre = _f(n, "cash_before")
        assert math.isclose(pre, sc.portfolio.cash)
        # the sentence adds up: sells = withdrawal + buys + costs + change in cash
        lhs = _f(n, "sells")
        rhs = _f(n, "withdrawal") + _f(n, "buys") + _f(n, "costs") + _f(n, "cash_after") - pre
        assert math.isclose(lhs, rhs, abs_tol=0.01)
    else:
        assert not notes


def check_words(sc: Scenario, r: RebalanceResult) -> None:
    rows = {a.ticker: a for a in r.assets}
    for t in r.trades:
        assert t.why is not None and t.reason == english(t.why)
        check_reason(sc, r, rows[t.ticker], t.side, t.why)
    check_bindings(sc, r)
    check_headline(sc, r)
    check_notes(sc, r)
