"""Account trades (shares) → the HouseholdResult: per-account rows, lots sold with gains and taxes, wash
sales, reasons, the independent per-account check, identity fields."""

from __future__ import annotations

import hashlib
import json
import math
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from engine import __version__
from engine.household_result import AccountRow, HouseholdResult, LotSale
from engine.market import FloatArray, MarketSnapshot
from engine.model.household import Household
from engine.model.scenario import Scenario
from engine.optimize.household.account_rows import Draft, Sales, Sheet, account_sales, drafts, weights
from engine.optimize.household.checker import check_accounts
from engine.result import RebalanceResult, Status


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
    sales: Sales | None = None


def sales_of(
    hh: Household,
    tickers: tuple[str, ...],
    prices: FloatArray,
    buys: FloatArray,
    sells: FloatArray,
    skip_lots: frozenset[tuple[int, str, int]],
    on: date | None,
    sc: Scenario,
) -> Sales:
    """(account index, ticker) → the lots its taxable sale takes, wash sales marked."""
    out: Sales = {}
    for a_i in range(len(hh.accounts)):
        out.update(account_sales(hh, a_i, tickers, prices, buys, sells, skip_lots, on, sc.placement.tax))
    return out


@dataclass(frozen=True, eq=False)
class Core:
    """What the result takes from the account trades alone (not from the volatility cap, nor from the
    household's reasons, which may mention the cap): per-account rows whose trades carry only their "why
    here" clause, the lots sold, and the independent per-account check."""

    drafts: tuple[Draft, ...]
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
            got = tuple(d.row(reasons) for d in self.drafts)
            if len(self.composed) > 8:
                self.composed.clear()
            self.composed[key] = got
        return got


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
    c = sc.constraints
    n = len(tickers)
    col = {t: i for i, t in enumerate(tickers)}
    held_m = np.zeros((len(hh.accounts), n))
    for a_i, a in enumerate(hh.accounts):
        for q in a.positions:
            if q.ticker in col:
                held_m[a_i, col[q.ticker]] += q.shares
    after_m = held_m + plan.buys - plan.sells
    sheet = Sheet(
        hh,
        tickers,
        plan.prices,
        plan.cost_bps,
        plan.sleeve_of,
        plan.buys,
        plan.sells,
        plan.skip_lots,
        sc.placement,
        market.as_of,
        held_m.tolist(),
    )
    made = drafts(sheet, held_m, after_m, plan.sales)
    signed = [x for d in made for x in d.signed]
    problems = check_accounts(
        hh,
        dict(zip(tickers, sheet.p, strict=True)),
        dict(zip(tickers, plan.cost_bps.tolist(), strict=True)),
        signed,
        mode=c.mode,
        no_buy=c.no_buy,
        no_sell=c.no_sell,
        whole_shares=c.whole_shares,
        min_trade=c.min_trade,
    )
    return Core(
        drafts=tuple(made),
        after_total=after_m.sum(axis=0),
        held_total=held_m.sum(axis=0),
        signed=len(signed),
        problems=tuple(problems),
        sales=tuple(x for d in made for v in d.sales.values() for x in v),
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
        weights_before=weights(tickers, made.held_total.tolist(), p.tolist(), cash0_total, total0),
        weights_after=weights(tickers, after_total.tolist(), p.tolist(), cash1_total, total0),
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


def _default(o: Any) -> Any:
    return o.isoformat() if hasattr(o, "isoformat") else str(o)


def _dumps(v: Any) -> str:
    return json.dumps(v, sort_keys=True, default=_default, separators=(",", ":"))


_PARTS: dict[str, tuple[Any, str]] = {}  # top-level key → (its document, its JSON) from the last call
_PARTS_LOCK = threading.Lock()


def _same_json(a: object, b: object) -> bool:
    """``a`` and ``b`` (already ``==``) serialize to the same JSON: ``==`` holds for 1, 1.0 and True, and for
    0.0 and -0.0, which json writes differently; so the types, and the sign of a zero, must match all the
    way down (one pass over the part, cheaper than writing its JSON again)."""
    stack: list[tuple[Any, Any]] = [(a, b)]
    while stack:
        x, y = stack.pop()
        kind = type(x)
        if kind is not type(y):
            return False
        if kind is dict or isinstance(x, dict):
            stack.extend((x[k], y[k]) for k in x)
        elif kind is list or kind is tuple or isinstance(x, list | tuple):
            stack.extend(zip(x, y, strict=True))
        elif kind is float and x == 0.0 and math.copysign(1.0, x) != math.copysign(1.0, y):
            return False
    return True


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
            if kept is not None and kept[0] == v and _same_json(kept[0], v):
                text = kept[1]
            else:
                text = _dumps(v)
                _PARTS[k] = (v, text)
            parts.append(json.dumps(k) + ":" + text)
    return hashlib.sha256(("{" + ",".join(parts) + "}").encode()).hexdigest()
