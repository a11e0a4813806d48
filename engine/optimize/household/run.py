"""Household rebalance: one set of targets, trades per account, in one solve.

- One account without tax lots in a taxable account: the single-account engine (engine.optimize.rebalance)
  on it, unchanged — there is nothing to place and no tax to weigh, so the trades are exactly today's
  engine's (tested on every bundled example).
- Several accounts, or a taxable account with lots (its taxes then shape the trades): the joint problem (:mod:`.joint`) — household weights and every account's trades
  together: targets, volatility cap, bands, sleeve and look-through sector / company limits (the
  single-account engine's limit objects), turnover and costs on the real per-account trades, each
  account's own cash (no transfers), menu and restrictions, lot-level tax on taxable sales, asset
  location. Whole shares and the minimum trade per account, checked and repaired (:mod:`.solve`).
- Wash sales (a lot sold at a loss while the household buys the ticker now or did in the last 30 days):
  when the policy asks to avoid them, the problem is solved again with those loss lots kept; the answer
  without the wash sale is taken when it is cheap — its tracking error at most ``WASH_TE_ROOM`` (0.10
  percentage points) above — and otherwise the wash sale stays, marked and explained.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import replace

import numpy as np

from engine.data.funds import FundData
from engine.errors import ScenarioError
from engine.household_result import HouseholdResult
from engine.market import MarketSnapshot
from engine.messages import Message, MessageId, english
from engine.model.household import Household, household_of, with_household
from engine.model.policy import LotMethod
from engine.model.scenario import Scenario
from engine.optimize.checker import evaluate, violations
from engine.optimize.diagnose import diagnose
from engine.optimize.household.account_rows import Sales
from engine.optimize.household.book import Book, book_of
from engine.optimize.household.rows import Plan, build, sales_of
from engine.optimize.household.rows import scenario_hash as scenario_hash
from engine.optimize.household.solve import Outcome, solve_household
from engine.optimize.inputs import Inputs, prepare
from engine.optimize.rebalancer import out_of_band, rebalance
from engine.optimize.rebalancer import rebalance_result as household_rebalance_result
from engine.result import Binding, Infeasibility, Status
from engine.risk.metrics import tracking_error

WASH_TE_ROOM = 0.001  # tracking error a wash-sale-free answer may add and still be taken


def flat_scenario(sc: Scenario, hh: Household) -> Scenario:
    """The household as one portfolio, with what no account may buy (sell) on the no-buy (no-sell) list."""
    base = with_household(sc, hh) if sc.household is None or sc.household is not hh else sc
    universe = base.universe
    buyable: set[str] = set()
    for a in hh.accounts:
        buyable.update(t for t in universe if a.may_buy(t))
    sellable = {p.ticker for a in hh.accounts for p in a.positions if p.shares > 0 and a.may_sell(p.ticker)}
    held = {h.ticker for h in base.portfolio.holdings if h.shares > 0}
    never_buy = set(universe) - buyable
    never_sell = (set(universe) - sellable) & held
    c = base.constraints
    return replace(
        base,
        household=None,  # the household problem's inputs see one portfolio
        constraints=replace(c, no_buy=c.no_buy | never_buy, no_sell=c.no_sell | never_sell),
    )


def rebalance_household(
    sc: Scenario, market: MarketSnapshot, funds: Mapping[str, FundData] | None = None
) -> HouseholdResult:
    """``funds``: look-through data for sector / company limits (None: the fund cache, then the bundled
    snapshot; read only when the scenario sets such a limit)."""
    start = time.perf_counter()
    hh = household_of(sc)
    flat = flat_scenario(sc, hh)
    taxed = any(not a.kind.tax_advantaged and any(p.lots for p in a.positions) for a in hh.accounts)
    single = len(hh.accounts) == 1 and not taxed
    try:
        plan = _one_account(flat, market, funds) if single else _joint(sc, hh, flat, market, funds)
    except ScenarioError as exc:
        raise _only_held(hh) or exc from None
    out = build(sc, hh, plan, market, start)
    if out.status is Status.INFEASIBLE and out.trades:  # the per-account check failed: propose nothing
        none = replace(plan, buys=np.zeros_like(plan.buys), sells=np.zeros_like(plan.sells))
        out = replace(
            build(sc, hh, none, market, start), status=Status.INFEASIBLE, check_problems=out.check_problems
        )
    return out


def _only_held(hh: Household) -> ScenarioError | None:
    """What to say when the accounts hold nothing to rebalance but lines that are not rebalanced."""
    if any(p.shares > 0 for a in hh.accounts for p in a.positions) or any(a.cash > 0 for a in hh.accounts):
        return None
    lines = [f"{h.symbol} in {a.name} ({h.value_text()})" for a in hh.accounts for h in a.held]
    if not lines:
        return None
    return ScenarioError(
        "household",
        f"nothing to rebalance: the accounts hold only lines Coresat does not rebalance ({', '.join(lines)}); "
        "add the ETFs or stocks to rebalance, cash or a contribution",
    )


def _one_account(flat: Scenario, market: MarketSnapshot, funds: Mapping[str, FundData] | None) -> Plan:
    res = rebalance(flat, market, funds)
    tickers = tuple(r.ticker for r in res.assets)
    d = np.array([[r.shares_after - r.shares_before for r in res.assets]])
    if res.status is Status.INFEASIBLE:
        d = np.zeros_like(d)
    c = flat.constraints
    return Plan(
        household=res,
        tickers=tickers,
        prices=np.array([r.price for r in res.assets]),
        cost_bps=np.array([c.cost_of(t) for t in tickers]),
        sleeve_of=tuple(r.sleeve or None for r in res.assets),
        buys=np.clip(d, 0.0, None),
        sells=np.clip(-d, 0.0, None),
    )


def _joint(
    sc: Scenario, hh: Household, flat: Scenario, market: MarketSnapshot, funds: Mapping[str, FundData] | None
) -> Plan:
    start = time.perf_counter()
    x = prepare(flat, market, funds)
    ev0 = evaluate(x, x.shares0)
    book = book_of(hh, x)
    sleeve_of = tuple(name or None for name in x.sleeve_names)
    c = flat.constraints
    counted = bool(sc.placement.location) or any(
        not a.kind.tax_advantaged and a.positions for a in hh.accounts
    )

    def plan(
        res_status: Status,
        out: Outcome | None,
        notes: list[str],
        skip: frozenset[tuple[int, str, int]] = frozenset(),
        inf: Infeasibility | None = None,
        sales: Sales | None = None,
    ) -> Plan:
        zero = np.zeros_like(book.held)
        ok = out is not None and out.evaluation is not None and res_status is not Status.INFEASIBLE
        ev = out.evaluation if ok and out is not None and out.evaluation is not None else ev0
        w = out.w_cont if ok and out is not None and out.w_cont is not None else x.w0
        res = household_rebalance_result(x, res_status, ev0, ev, w, notes, start, infeasibility=inf)
        if counted:  # the household's "costs" also hold taxes and placement costs: say so where they bind
            res = replace(res, binding=tuple(_costs_counted(b) for b in res.binding))
        use = ok and res.status is not Status.INFEASIBLE and out is not None
        return Plan(
            household=res,
            tickers=x.tickers,
            prices=x.prices,
            cost_bps=x.kappa * 1e4,
            sleeve_of=sleeve_of,
            buys=out.buys if use and out is not None else zero,
            sells=out.sells if use and out is not None else zero,
            notes=tuple(notes),
            skip_lots=skip,
            sales=sales if use else None,
        )

    needs_cash = bool(np.any(book.room < 0)) or any(a.cash_flow != 0 for a in hh.accounts)
    calm = not out_of_band(x, ev0) and not violations(x, ev0, check_trades=False) and not needs_cash
    if calm and not c.force_rebalance:
        return plan(Status.NO_TRADES_NEEDED, None, [])
    on = market.as_of
    out = solve_household(x, book, sc.placement, sleeve_of, on)
    if out.status != "ok":
        return plan(Status.INFEASIBLE, None, [], inf=_why_not(x, book, out))
    notes: list[str] = []
    skip: frozenset[tuple[int, str, int]] = frozenset()
    drafted = sales_of(hh, x.tickers, x.prices, out.buys, out.sells, frozenset(), on, sc)
    first = out
    washed = {k for k, sales in drafted.items() if any(s.wash_sale for s in sales)}
    if washed:
        names = ", ".join(f"{t} in {hh.accounts[a].name}" for a, t in sorted(washed))
        if sc.placement.tax.avoid_wash_sales:
            lots_idx, skip_try = _loss_lots(hh, x, book, washed, market, sc)
            alt = solve_household(x, book, sc.placement, sleeve_of, on, frozenset(lots_idx))
            te_now = _te(x, out)
            if alt.status == "ok" and _te(x, alt) <= te_now + WASH_TE_ROOM:
                notes.append(
                    f"Wash sales avoided: the loss lots of {names} are kept (tracking error "
                    f"{te_now * 100:.2f} % → {_te(x, alt) * 100:.2f} %)."
                )
                out, skip = alt, skip_try
            else:
                notes.append(
                    f"A loss sale of {names} is a wash sale (the ticker is bought now or was in the last 30 "
                    "days): its loss is disallowed. Keeping those lots instead "
                    + (
                        "is not possible within the limits."
                        if alt.status != "ok"
                        else f"would raise the tracking error to {_te(x, alt) * 100:.2f} % from {te_now * 100:.2f} %."
                    )
                )
        else:
            notes.append(
                f"A loss sale of {names} is a wash sale: its loss is disallowed (wash-sale avoidance is off)."
            )
    status = (
        Status.OK
        if out.evaluation is not None and np.any(np.abs(out.buys + out.sells) > 0)
        else Status.NO_TRADES_NEEDED
    )
    return plan(status, out, notes, skip, sales=drafted if out is first and not skip else None)


def _costs_counted(b: Binding) -> Binding:
    """The costs binding, said with what a household's costs hold (its own message id: translated)."""
    if b.why is None or b.why.id is not MessageId.BIND_COSTS:
        return b
    why = Message(MessageId.BIND_COSTS_HOUSEHOLD, b.why.params)
    return replace(b, why=why, message=english(why))


def _te(x: Inputs, out: Outcome) -> float:
    assert out.evaluation is not None
    return tracking_error(out.evaluation.weights, x.target, x.cov)


def _loss_lots(
    hh: Household, x: Inputs, book: Book, washed: set[tuple[int, str]], market: MarketSnapshot, sc: Scenario
) -> tuple[set[int], frozenset[tuple[int, str, int]]]:
    """Indices (in ``book.lots``) of the lots to keep from sale, and the same as (account, ticker, lot):
    the loss lots of each washed position — every lot of it under highest-cost-first, which may not skip."""
    idx: set[int] = set()
    keep: set[tuple[int, str, int]] = set()
    for i, (a, t, k) in enumerate(book.lots):
        tk = x.tickers[t]
        if (a, tk) not in washed:
            continue
        pos = next(p for p in hh.accounts[a].positions if p.ticker == tk)
        if sc.placement.tax.lot_method is LotMethod.HIFO or pos.lots[k].basis > float(x.prices[t]):
            idx.add(i)
            keep.add((a, tk, k))
    return idx, frozenset(keep)


def _why_not(x: Inputs, book: Book, out: Outcome) -> Infeasibility:
    """Why no trades: an account that cannot fund its own withdrawal or buffer, a household limit, or
    whole shares / the minimum trade per account."""
    p, k = x.prices, x.kappa
    for a, acct in enumerate(book.accounts):
        sellable = float((np.where(book.may_sell[a], book.held[a], 0.0) * p * (1 - k)).sum())
        if book.room[a] + sellable < -1e-6:
            need = -book.room[a]
            return Infeasibility(
                message=(
                    f"{acct.name} must raise ${need:,.2f} (its withdrawal and cash buffer) from its own "
                    f"holdings, but what it may sell is worth ${sellable:,.2f}; accounts do not lend each "
                    "other cash. Lower its withdrawal or buffer, or allow it to sell more."
                ),
                conflicting=("min_cash",),
            )
    if out.problems:
        which = "; ".join(v.message for v in out.problems[:3])
        hint = (
            "allow fractional shares or loosen that limit"
            if x.scenario.constraints.whole_shares
            else "loosen that limit"
        )
        return Infeasibility(
            message=f"Trading whole shares in each account cannot keep every limit: {which}. Please {hint}.",
            conflicting=tuple(v.constraint for v in out.problems),
        )
    if out.frozen and out.solves > 1:
        return Infeasibility(
            message=(
                "Every account's trades cannot each reach the minimum trade while the household keeps its "
                "limits. Please lower the minimum trade or loosen a limit."
            ),
            conflicting=("min_trade",),
        )
    try:
        return diagnose(x)
    except Exception:  # the household limits alone are feasible: the accounts' own rules are not
        return Infeasibility(
            message=(
                "No set of trades fits every account's own cash, menu and restrictions together with the "
                "household's limits. Please loosen a limit or an account's restriction."
            ),
            conflicting=(),
        )
