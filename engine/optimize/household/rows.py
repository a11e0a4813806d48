"""Account trades (shares) → the HouseholdResult: per-account rows, lots sold with gains and taxes, wash
sales, reasons, the independent per-account check, identity fields."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import numpy as np

from engine import __version__
from engine.household_result import AccountRow, AccountTrade, HouseholdResult, LotSale
from engine.market import FloatArray, MarketSnapshot
from engine.messages import Message, english
from engine.model.household import Household, Lot, Position
from engine.model.scenario import Scenario
from engine.optimize.household.checker import check_accounts
from engine.optimize.household.explain import (
    Holders,
    bought_clauses,
    english_clauses,
    location_clause,
    sell_clause,
)
from engine.optimize.household.tax import sell_lots, wash_sale
from engine.result import RebalanceResult, Side, Status


@dataclass(frozen=True, eq=False)
class Plan:
    """What the solve decided: the household result and every account's buys and sells (shares)."""

    household: RebalanceResult
    tickers: tuple[str, ...]
    prices: FloatArray
    cost_bps: FloatArray
    sleeve_of: tuple[str | None, ...]
    buys: FloatArray  # [account, ticker]
    sells: FloatArray
    notes: tuple[str, ...] = ()
    skip_lots: frozenset[tuple[int, str, int]] = frozenset()  # (account, ticker, lot) kept from sale
    # the lots the sales take (:func:`sales_of` on these trades and ``skip_lots``), when already known
    sales: dict[tuple[int, str], tuple[LotSale, ...]] | None = None


def lot_sales(
    hh: Household, plan: Plan, on: date | None, sc: Scenario
) -> dict[tuple[int, str], tuple[LotSale, ...]]:
    """(account index, ticker) → the lots its taxable sale takes, wash sales marked."""
    return sales_of(hh, plan.tickers, plan.prices, plan.buys, plan.sells, plan.skip_lots, on, sc)


def sales_of(
    hh: Household,
    tickers: tuple[str, ...],
    prices: FloatArray,
    buys: FloatArray,
    sells: FloatArray,
    skip_lots: frozenset[tuple[int, str, int]],
    on: date | None,
    sc: Scenario,
) -> dict[tuple[int, str], tuple[LotSale, ...]]:
    rates = sc.placement.tax
    out: dict[tuple[int, str], tuple[LotSale, ...]] = {}
    for a_i, a in enumerate(hh.accounts):
        if a.kind.tax_advantaged or not any(p.lots for p in a.positions):
            continue  # no taxable lots to take
        first: dict[str, Position] = {}
        for p in a.positions:
            first.setdefault(p.ticker, p)
        for i, t in enumerate(tickers):
            q = float(sells[a_i, i])
            if q <= 0:
                continue
            pos = first.get(t)
            if pos is None or not pos.lots:
                continue
            skip = frozenset(k for (aa, tt, k) in skip_lots if aa == a_i and tt == t)
            bought = bool(buys[:, i].sum() > 0)
            sales = []
            for k, ls in sell_lots(pos.lots, q, float(prices[i]), on, rates, skip):
                # the other lots of the ticker (any account) matter only to a loss not bought back now
                others: list[Lot] = (
                    [
                        lot
                        for b in hh.accounts
                        for p in b.positions
                        if p.ticker == t
                        for j, lot in enumerate(p.lots)
                        if not (b is a and j == k)
                    ]
                    if ls.gain < 0 and not bought and on is not None
                    else []
                )
                sales.append(replace(ls, wash_sale=True) if wash_sale(ls, bought, others, on) else ls)
            out[(a_i, t)] = tuple(sales)
    return out


@dataclass(frozen=True, eq=False)
class Core:
    """What the result takes from the account trades alone (not from the volatility cap, nor from the
    household's reasons, which may mention the cap): per-account rows whose trades carry only their "why
    here" clause, the lots sold, and the independent per-account check."""

    rows: tuple[AccountRow, ...]
    after_total: FloatArray
    held_total: FloatArray
    signed: int  # number of account trades
    problems: tuple[str, ...]
    sales: tuple[LotSale, ...]
    composed: dict[tuple[tuple[str, str], ...], tuple[AccountRow, ...]] = field(default_factory=dict)

    def with_reasons(self, reasons: dict[str, str]) -> tuple[AccountRow, ...]:
        """The rows with each trade's reason: the household's for the ticker, then why in this account."""
        key = tuple(sorted(reasons.items()))
        got = self.composed.get(key)
        if got is None:
            got = tuple(
                replace(row, trades=tuple(_reasoned(t, reasons.get(t.ticker, "")) for t in row.trades))
                if row.trades and reasons
                else row
                for row in self.rows
            )
            if len(self.composed) > 8:
                self.composed.clear()
            self.composed[key] = got
        return got


def _reasoned(t: AccountTrade, household_why: str) -> AccountTrade:
    if not household_why:
        return t
    return AccountTrade(
        t.account_id,
        t.ticker,
        t.side,
        t.shares,
        t.price,
        t.amount,
        t.cost,
        t.tax_placeholder,
        t.realized_gain,
        t.basis_known,
        f"{household_why} — {t.reason}",
        t.lots,
        t.tax_estimate,
        t.where,
    )


_CORES: OrderedDict[tuple[object, ...], Core] = OrderedDict()
_CORES_LOCK = threading.Lock()
CORES_KEPT = 16


def _core_key(sc: Scenario, hh: Household, plan: Plan, market: MarketSnapshot) -> tuple[object, ...]:
    c = sc.constraints
    return (
        hh,
        sc.placement.taxable_sell_bps,
        sc.placement.off_location_bps,
        tuple(sorted((k, frozenset(v)) for k, v in sc.placement.location.items())),
        sc.placement.tax,
        market.as_of,
        plan.tickers,
        plan.prices.tobytes(),
        plan.cost_bps.tobytes(),
        plan.sleeve_of,
        plan.buys.tobytes(),
        plan.sells.tobytes(),
        plan.skip_lots,
        (c.mode, c.no_buy, c.no_sell, c.whole_shares, c.min_trade),
    )


def core(sc: Scenario, hh: Household, plan: Plan, market: MarketSnapshot) -> Core:
    """:func:`make_core`, kept for the same account trades and inputs: a volatility-cap change that leaves
    the trades alone rebuilds none of it."""
    key = _core_key(sc, hh, plan, market)
    with _CORES_LOCK:
        got = _CORES.get(key)
        if got is not None:
            _CORES.move_to_end(key)
            return got
    made = make_core(sc, hh, plan, market)
    with _CORES_LOCK:
        _CORES[key] = made
        while len(_CORES) > CORES_KEPT:
            _CORES.popitem(last=False)
    return made


def make_core(sc: Scenario, hh: Household, plan: Plan, market: MarketSnapshot) -> Core:
    tickers = plan.tickers
    p = plan.prices.tolist()
    kappa = (plan.cost_bps / 1e4).tolist()
    c = sc.constraints
    pl = sc.placement
    on = market.as_of
    lots = plan.sales if plan.sales is not None else lot_sales(hh, plan, on, sc)
    rows: list[AccountRow] = []
    signed: list[tuple[str, str, float]] = []
    n = len(tickers)
    col = {t: i for i, t in enumerate(tickers)}
    accounts = hh.accounts
    held_m = np.zeros((len(accounts), n))
    first: list[dict[str, Position]] = []
    for a_i, a in enumerate(accounts):
        mine: dict[str, Position] = {}
        for q in a.positions:
            mine.setdefault(q.ticker, q)
            if q.ticker in col:
                held_m[a_i, col[q.ticker]] += q.shares
        first.append(mine)
    after_m = held_m + plan.buys - plan.sells
    buys_l, sells_l, held_l = plan.buys.tolist(), plan.sells.tolist(), held_m.tolist()
    holders: dict[int, Holders] = {}  # ticker column → the accounts holding it (what Account.shares_of says)
    for a_i, a in enumerate(accounts):
        b, s = buys_l[a_i], sells_l[a_i]
        traded = [i for i in range(n) if b[i] > 0 or s[i] > 0]
        cash0 = a.cash + a.cash_flow
        cash1 = cash0  # trade by trade, in the order the trades are listed (sells first per ticker)
        for i in traded:
            for sh, sign in ((s[i], 1.0), (b[i], -1.0)):
                if sh > 0:
                    amount = sh * p[i]
                    cash1 = cash1 + sign * amount - amount * kappa[i]
        sold_here = [tickers[i] for i in range(n) if s[i] > 0]
        sheltered = a.kind.tax_advantaged
        bought: tuple[tuple[Message, ...], str] | None = None  # every purchase here says this alike
        trades: list[AccountTrade] = []
        for i in traded:
            t = tickers[i]
            pos = first[a_i].get(t)
            for side, sh in ((Side.SELL, s[i]), (Side.BUY, b[i])):
                if sh <= 0:
                    continue
                amount = sh * p[i]
                taxable_sale = side is Side.SELL and not sheltered
                sales = lots.get((a_i, t), ()) if taxable_sale else ()
                if side is Side.SELL:
                    who = holders.get(i)
                    if who is None:
                        who = holders[i] = [
                            (o, h[i]) for o, h in zip(accounts, held_l, strict=True) if h[i] > 0
                        ]
                    elsewhere = {  # what the other accounts holding it sell (all sell_clause reads)
                        o.id: sells_l[o_i][i]
                        for o_i, o in enumerate(accounts)
                        if o_i != a_i and held_l[o_i][i] > 0
                    }
                    why = sell_clause(hh, a, t, sh, p[i], pl, on, sales, elsewhere, who)
                    reason = english_clauses(why)
                else:
                    if bought is None:
                        base = bought_clauses(hh, a, sold_here, cash0, cash1)
                        bought = base, english_clauses(base)
                    loc = location_clause(a, plan.sleeve_of[i], pl, amount)
                    if loc is None:
                        why, reason = bought
                    else:
                        why, reason = (*bought[0], loc), f"{bought[1]}; {english(loc)}"
                no_lots = taxable_sale and (pos is None or not pos.lots)
                trades.append(
                    AccountTrade(
                        account_id=a.id,
                        ticker=t,
                        side=side,
                        shares=sh,
                        price=p[i],
                        amount=amount,
                        cost=amount * kappa[i],
                        tax_placeholder=amount * pl.taxable_sell_bps / 1e4 if no_lots else 0.0,
                        realized_gain=sum(x.gain for x in sales) if sales else None,
                        basis_known=pos is not None and pos.basis_known,
                        reason=reason,
                        lots=sales,
                        tax_estimate=sum(x.tax for x in sales),
                        where=why,
                    )
                )
                signed.append((a.id, t, sh if side is Side.BUY else -sh))
        held, after = held_l[a_i], after_m[a_i].tolist()
        v0 = cash0 + float(held_m[a_i] @ plan.prices)
        v1 = cash1 + float(after_m[a_i] @ plan.prices)
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
                shares_before={t: x for t, x in zip(tickers, held, strict=True) if x > 0},
                shares_after={t: x for t, x in zip(tickers, after, strict=True) if x > 0},
                weights_before=_weights(tickers, held, p, cash0, v0),
                weights_after=_weights(tickers, after, p, cash1, v0),
            )
        )
    problems = check_accounts(
        hh,
        dict(zip(tickers, p, strict=True)),
        dict(zip(tickers, plan.cost_bps.tolist(), strict=True)),
        signed,
        mode=c.mode,
        no_buy=c.no_buy,
        no_sell=c.no_sell,
        whole_shares=c.whole_shares,
        min_trade=c.min_trade,
    )
    return Core(
        rows=tuple(rows),
        after_total=after_m.sum(axis=0),
        held_total=held_m.sum(axis=0),
        signed=len(signed),
        problems=tuple(problems),
        sales=tuple(x for v in lots.values() for x in v),
    )


def build(sc: Scenario, hh: Household, plan: Plan, market: MarketSnapshot, start: float) -> HouseholdResult:
    res = plan.household
    tickers, p = plan.tickers, plan.prices
    c = sc.constraints
    pl = sc.placement
    made = core(sc, hh, plan, market)
    rows = made.with_reasons({t.ticker: t.reason for t in res.trades})
    after_total = made.after_total
    cash0_total = sum(r.cash_before for r in rows)
    cash1_total = sum(r.cash_after for r in rows)
    total0 = sum(r.value_before for r in rows)
    total1 = sum(r.value_after for r in rows)
    w_after = after_total * p / total1 if total1 > 0 else np.zeros(len(tickers))  # for the volatility
    idx = [market.tickers.index(t) for t in tickers]
    cov = market.covariance[np.ix_(idx, idx)]
    vol_after = float(np.sqrt(max(float(w_after @ cov @ w_after), 0.0))) if tickers else 0.0
    problems = list(made.problems)
    if c.vol_cap is not None and vol_after > c.vol_cap + 1e-6 and res.status is not Status.INFEASIBLE:
        problems.append(
            f"household volatility after the account trades {vol_after * 100:.2f} % is above the cap "
            f"{c.vol_cap * 100:.2f} %"
        )
    if c.turnover_cap is not None and total0 > 0:
        gross = float(((plan.buys + plan.sells) * p[None, :]).sum())
        if gross > c.turnover_cap * total0 * (1 + 1e-9) + 1e-6:
            problems.append(
                f"the accounts trade {gross:,.2f}, {gross / total0 * 100:.2f} % of the household, above the "
                f"turnover cap {c.turnover_cap * 100:.2f} %"
            )
    status = res.status
    if problems:
        status = Status.INFEASIBLE
    elif status is Status.OK and not made.signed:
        status = Status.NO_TRADES_NEEDED
    all_sales = made.sales
    return HouseholdResult(
        status=status,
        household_id=hh.id,
        household_name=hh.name,
        account_ids=tuple(a.id for a in hh.accounts),
        scenario_hash=scenario_hash(sc),
        engine_version=__version__,
        household=res,
        accounts=rows,
        weights_before=_weights(tickers, made.held_total.tolist(), p.tolist(), cash0_total, total0),
        weights_after=_weights(tickers, after_total.tolist(), p.tolist(), cash1_total, total0),
        vol_after=vol_after,
        cash_before=cash0_total,
        cash_after=cash1_total,
        tax_year=pl.tax.year,
        short_term_rate=pl.tax.short_term,
        long_term_rate=pl.tax.long_term,
        lot_method=pl.tax.lot_method.value,
        realized_gain=sum(x.gain for x in all_sales),
        tax_estimate=sum(x.tax for x in all_sales),
        placement_notes=plan.notes,
        check_problems=tuple(problems),
        solve_seconds=time.perf_counter() - start,
    )


def _weights(
    tickers: tuple[str, ...], shares: list[float], p: list[float], cash: float, value: float
) -> dict[str, float]:
    if value <= 0:
        return {}
    out = {t: x * px / value for t, x, px in zip(tickers, shares, p, strict=True) if x > 0}
    out["CASH"] = cash / value
    return out


def _default(o: Any) -> Any:
    return o.isoformat() if hasattr(o, "isoformat") else str(o)


def _dumps(v: Any) -> str:
    return json.dumps(v, sort_keys=True, default=_default, separators=(",", ":"))


_PARTS: dict[str, tuple[Any, str]] = {}  # top-level key → (its document, its JSON) from the last call
_PARTS_LOCK = threading.Lock()


def scenario_hash(sc: Scenario) -> str:
    """SHA-256 of the scenario as canonical JSON (sorted keys, no spaces). The text is assembled key by key,
    byte for byte what ``json.dumps(to_dict(sc), sort_keys=True, ...)`` writes; a part equal to the last
    call's (everything but the constraints, when a slider moves the cap) is not serialized again."""
    from engine.model.scenario_write import to_dict

    doc = to_dict(sc)
    parts = []
    with _PARTS_LOCK:
        for k in sorted(doc):
            v = doc[k]
            kept = _PARTS.get(k)
            if kept is not None and kept[0] == v:
                text = kept[1]
            else:
                text = _dumps(v)
                _PARTS[k] = (v, text)
            parts.append(json.dumps(k) + ":" + text)
    return hashlib.sha256(("{" + ",".join(parts) + "}").encode()).hexdigest()
