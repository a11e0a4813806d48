"""Household rebalance: one set of targets, trades per account.

Two steps, each checked:

1. The household as one portfolio: the single-account engine (engine.optimize.rebalance) on the
   household's flat view — targets, bands, volatility cap, turnover cap, costs, whole shares and its
   TE-first objective — with a ticker no account may buy on the no-buy list and one no account may sell
   on the no-sell list. Its answer is the household's net trade per ticker.
2. Placement (:mod:`.allocate`): those trades split across the accounts by a small mixed-integer program
   in which every account funds its own buys (no transfers), keeps its cash buffer, buys only from its
   menu, respects its own restrictions, trades whole shares and at least the minimum trade; sales in
   taxable accounts carry a placeholder cost and asset location a preference.

What step 2 cannot place is reported (``unplaced``), and the household weights and volatility are then
recomputed from what the accounts really trade. With one account, step 2 places every share exactly as
step 1 says, so the trades are the single-account engine's (tested on every bundled example).
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import replace
from typing import Any

import numpy as np

from engine import __version__
from engine.household_result import AccountRow, AccountTrade, HouseholdResult, Unplaced
from engine.market import MarketSnapshot
from engine.model.household import Household, household_of, with_household
from engine.model.scenario import Scenario
from engine.optimize.household.allocate import Ask, Placed, allocate
from engine.optimize.household.checker import check_accounts
from engine.optimize.household.explain import average_gain, buy_clause, sell_clause
from engine.optimize.rebalancer import rebalance
from engine.result import RebalanceResult, Side, Status


def flat_scenario(sc: Scenario, hh: Household) -> Scenario:
    """The household as one portfolio, with what no account may buy (sell) on the no-buy (no-sell) list."""
    base = with_household(sc, hh) if sc.household is None or sc.household is not hh else sc
    universe = base.universe
    never_buy = {t for t in universe if not any(a.may_buy(t) for a in hh.accounts)}
    never_sell = {
        t for t in universe if not any(a.may_sell(t) and a.shares_of(t) > 0 for a in hh.accounts)
    } & {h.ticker for h in base.portfolio.holdings if h.shares > 0}
    c = base.constraints
    return replace(
        base,
        household=None,  # step 1 sees one portfolio
        constraints=replace(c, no_buy=c.no_buy | never_buy, no_sell=c.no_sell | never_sell),
    )


def scenario_hash(sc: Scenario) -> str:
    from engine.model.scenario_write import to_dict

    def default(o: Any) -> Any:
        return o.isoformat() if hasattr(o, "isoformat") else str(o)

    text = json.dumps(to_dict(sc), sort_keys=True, default=default, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def rebalance_household(sc: Scenario, market: MarketSnapshot) -> HouseholdResult:
    start = time.perf_counter()
    hh = household_of(sc)
    flat = flat_scenario(sc, hh)
    reserve = 0.0
    for attempt in range(RETRIES + 1):
        res, ask, placed = _attempt(sc, hh, flat, market, reserve)
        short = float(np.clip(placed.unplaced, 0.0, None) @ np.array(ask.prices))
        if attempt == RETRIES or not placed.ok or short <= 0 or res.status is Status.INFEASIBLE:
            break
        # whole shares did not fit the accounts' own cash: keep that much more cash in the household plan
        reserve += short
    out = _result(sc, hh, res, ask, placed, market, start, reserve)
    if out.status is Status.INFEASIBLE and out.trades:
        # like the single-account engine: no trades are proposed when a rule cannot hold; say why
        none = Placed(
            np.zeros_like(placed.buys), np.zeros_like(placed.sells), np.zeros(len(ask.tickers)), True
        )
        empty = _result(sc, hh, res, ask, none, market, start, 0.0)
        out = replace(
            empty,
            status=Status.INFEASIBLE,
            placement_notes=out.placement_notes,
            check_problems=out.check_problems,
        )
    return out


RETRIES = 0  # a retry with more cash kept rarely placed the last share and doubled the time


def _attempt(
    sc: Scenario, hh: Household, flat: Scenario, market: MarketSnapshot, reserve: float
) -> tuple[RebalanceResult, Ask, Placed]:
    if reserve > 0:
        flat = replace(
            flat, constraints=replace(flat.constraints, min_cash=flat.constraints.min_cash + reserve)
        )
    res = rebalance(flat, market)
    c = sc.constraints
    tickers = tuple(r.ticker for r in res.assets)
    prices = {r.ticker: r.price for r in res.assets}
    sleeve = {r.ticker: r.sleeve or None for r in res.assets}
    costs = {t: c.cost_of(t) for t in tickers}
    if res.status is Status.INFEASIBLE:
        delta = np.zeros(len(tickers))
    else:
        delta = np.array([r.shares_after - r.shares_before for r in res.assets])
    pl = sc.placement
    ask = Ask(
        household=hh,
        tickers=tickers,
        prices=tuple(prices[t] for t in tickers),
        delta=tuple(float(d) for d in delta),
        cost_bps=tuple(costs[t] for t in tickers),
        sleeve_of=tuple(sleeve[t] for t in tickers),
        mode=c.mode,
        no_buy=c.no_buy,
        no_sell=c.no_sell,
        whole_shares=c.whole_shares,
        min_trade=c.min_trade,
        taxable_sell_bps=pl.taxable_sell_bps,
        off_location=tuple(tuple(pl.off_location(sleeve[t], a.kind) for t in tickers) for a in hh.accounts),
        off_location_bps=pl.off_location_bps,
    )
    return res, ask, allocate(ask)


def _result(
    sc: Scenario,
    hh: Household,
    res: RebalanceResult,
    ask: Ask,
    placed: Placed,
    market: MarketSnapshot,
    start: float,
    reserve: float,
) -> HouseholdResult:
    tickers, p = ask.tickers, np.array(ask.prices)
    c = sc.constraints
    reasons = {t.ticker: t.reason for t in res.trades}
    rows: list[AccountRow] = []
    signed: list[tuple[str, str, float]] = []
    shares_after_total = np.zeros(len(tickers))
    for a_i, a in enumerate(hh.accounts):
        held = np.array([a.shares_of(t) for t in tickers])
        b, s = placed.buys[a_i], placed.sells[a_i]
        after = held + b - s
        shares_after_total += after
        cost = float(((b + s) * p) @ (np.array(ask.cost_bps) / 1e4))
        cash0 = a.cash + a.cash_flow
        cash1 = cash0 - float((b - s) @ p) - cost
        sold_here = [tickers[i] for i in range(len(tickers)) if s[i] > 0]
        trades: list[AccountTrade] = []
        for i, t in enumerate(tickers):
            for side, sh in ((Side.SELL, s[i]), (Side.BUY, b[i])):
                if sh <= 0:
                    continue
                amount = float(sh * p[i])
                pos = next((q for q in a.positions if q.ticker == t), None)
                taxable_sale = side is Side.SELL and not a.kind.tax_advantaged
                gain = average_gain(pos, float(sh), float(p[i])) if taxable_sale else None
                why = (
                    sell_clause(hh, a, t, float(sh), float(p[i]), sc.placement)
                    if side is Side.SELL
                    else buy_clause(hh, a, t, ask.sleeve_of[i], sold_here, cash0, cash1, sc.placement, amount)
                )
                household_why = reasons.get(t, "")
                trades.append(
                    AccountTrade(
                        account_id=a.id,
                        ticker=t,
                        side=side,
                        shares=float(sh),
                        price=float(p[i]),
                        amount=amount,
                        cost=amount * ask.cost_bps[i] / 1e4,
                        tax_placeholder=amount * sc.placement.taxable_sell_bps / 1e4 if taxable_sale else 0.0,
                        realized_gain=gain,
                        basis_known=pos is not None and pos.basis_known,
                        reason=f"{household_why} — {why}" if household_why else why,
                    )
                )
                signed.append((a.id, t, float(sh if side is Side.BUY else -sh)))
        v0 = cash0 + float(held @ p)
        v1 = cash1 + float(after @ p)
        rows.append(
            AccountRow(
                id=a.id,
                name=a.name,
                kind=a.kind.value,
                broker=a.broker,
                cash_flow=a.cash_flow,
                cash_before=cash0,
                cash_after=cash1,
                cash_buffer=a.cash_buffer,
                value_before=v0,
                value_after=v1,
                trades=tuple(trades),
                shares_before={t: float(x) for t, x in zip(tickers, held, strict=True) if x > 0},
                shares_after={t: float(x) for t, x in zip(tickers, after, strict=True) if x > 0},
                weights_before=_weights(tickers, held, p, cash0, v0),
                weights_after=_weights(tickers, after, p, cash1, v0),
            )
        )
    cash0_total = sum(r.cash_before for r in rows)
    cash1_total = sum(r.cash_after for r in rows)
    total0 = sum(r.value_before for r in rows)
    held_total = np.array([sum(a.shares_of(t) for a in hh.accounts) for t in tickers])
    w_after = shares_after_total * p / total0 if total0 > 0 else np.zeros(len(tickers))
    idx = [market.tickers.index(t) for t in tickers]
    cov = market.covariance[np.ix_(idx, idx)]
    vol_after = float(np.sqrt(max(float(w_after @ cov @ w_after), 0.0))) if tickers else 0.0
    unplaced = tuple(
        Unplaced(
            ticker=tickers[i],
            shares=float(placed.unplaced[i]),
            reason=(
                f"no account can {'buy' if placed.unplaced[i] > 0 else 'sell'} {abs(placed.unplaced[i]):g} more "
                f"{tickers[i]} with its own cash, menu, restrictions and the minimum trade"
            ),
        )
        for i in range(len(tickers))
        if placed.unplaced[i] != 0
    )
    problems = check_accounts(
        hh,
        dict(zip(tickers, ask.prices, strict=True)),
        dict(zip(tickers, ask.cost_bps, strict=True)),
        signed,
        mode=c.mode,
        no_buy=c.no_buy,
        no_sell=c.no_sell,
        whole_shares=c.whole_shares,
        min_trade=c.min_trade,
    )
    if c.vol_cap is not None and vol_after > c.vol_cap + 1e-6 and res.status is not Status.INFEASIBLE:
        problems.append(
            f"household volatility after the account trades {vol_after * 100:.2f} % is above the cap "
            f"{c.vol_cap * 100:.2f} %"
        )
    notes = []
    if reserve > 0:
        notes.append(
            f"Whole shares do not fit each account's own cash exactly: the household plan keeps "
            f"${reserve:,.2f} more in cash so that every trade can be placed in an account."
        )
    if not placed.ok:
        notes.append(
            f"No placement of the trades fits every account's own cash and limits ({placed.message})."
        )
    for u in unplaced:
        notes.append(
            f"{u.ticker}: {u.reason}; the household weights shown are what the accounts really reach."
        )
    status = res.status
    if not placed.ok or problems:
        status = Status.INFEASIBLE
    elif status is Status.OK and not signed:
        status = Status.NO_TRADES_NEEDED
    return HouseholdResult(
        status=status,
        household_id=hh.id,
        household_name=hh.name,
        account_ids=tuple(a.id for a in hh.accounts),
        scenario_hash=scenario_hash(sc),
        engine_version=__version__,
        household=res,
        accounts=tuple(rows),
        weights_before=_weights(tickers, held_total, p, cash0_total, total0),
        weights_after=_weights(tickers, shares_after_total, p, cash1_total, total0),
        vol_after=vol_after,
        cash_before=cash0_total,
        cash_after=cash1_total,
        unplaced=unplaced,
        placement_notes=tuple(notes),
        check_problems=tuple(problems),
        solve_seconds=time.perf_counter() - start,
    )


def _weights(
    tickers: tuple[str, ...], shares: np.ndarray, p: np.ndarray, cash: float, value: float
) -> dict[str, float]:
    if value <= 0:
        return {}
    out = {t: float(x * px / value) for t, x, px in zip(tickers, shares, p, strict=True) if x > 0}
    out["CASH"] = cash / value
    return out
