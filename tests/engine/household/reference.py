"""An independent check of a household result, written from the issue's rules, not from the engine's code:
every account's cash recomputed from its own trades, menus, restrictions, holdings, whole shares, and that
the accounts' trades add up to what the household reports."""

from __future__ import annotations

from engine.household_result import HouseholdResult
from engine.model.household import Household
from engine.model.scenario import Constraints, Mode


def problems(hh: Household, c: Constraints, r: HouseholdResult) -> list[str]:
    out: list[str] = []
    rows = {row.id: row for row in r.accounts}
    if set(rows) != {a.id for a in hh.accounts}:
        out.append("accounts differ")
        return out
    totals: dict[str, float] = {}
    for a in hh.accounts:
        row = rows[a.id]
        cash = a.cash + a.cash_flow
        seen: dict[str, str] = {}
        for t in row.trades:
            if t.account_id != a.id:
                out.append(f"{a.id}: trade filed under another account")
            if t.ticker in seen:
                out.append(f"{a.id}: {t.ticker} both {seen[t.ticker]} and {t.side}")
            seen[t.ticker] = t.side.value
            sign = 1.0 if t.side.value == "buy" else -1.0
            if abs(t.amount - t.shares * t.price) > 1e-6:
                out.append(f"{a.id}: {t.ticker} amount is not shares × price")
            cost = t.amount * c.cost_of(t.ticker) / 1e4
            cash -= sign * t.amount + cost
            totals[t.ticker] = totals.get(t.ticker, 0.0) + sign * t.shares
            if c.whole_shares and t.shares != int(t.shares):
                out.append(f"{a.id}: fractional {t.ticker}")
            if t.amount < c.min_trade - 1e-6:
                out.append(f"{a.id}: {t.ticker} under the minimum trade")
            if sign > 0:
                if (a.allowed is not None and t.ticker not in a.allowed) or t.ticker in a.no_buy | c.no_buy:
                    out.append(f"{a.id}: may not buy {t.ticker}")
                if c.mode is Mode.SELL_ONLY:
                    out.append(f"{a.id}: buys in sell-only")
            else:
                if t.ticker in a.no_sell | c.no_sell:
                    out.append(f"{a.id}: may not sell {t.ticker}")
                if t.shares > a.shares_of(t.ticker) + 1e-9:
                    out.append(f"{a.id}: sells more {t.ticker} than it holds")
                if c.mode is Mode.BUY_ONLY:
                    out.append(f"{a.id}: sells in buy-only")
        if cash < a.cash_buffer - 1e-6:
            out.append(f"{a.id}: cash {cash:.4f} under buffer {a.cash_buffer}")
        if abs(cash - row.cash_after) > 1e-6 * max(1.0, abs(cash)):
            out.append(f"{a.id}: reported cash {row.cash_after} but trades leave {cash}")
        for tk, sh in row.shares_after.items():
            held = a.shares_of(tk)
            traded = sum(
                (1 if t.side.value == "buy" else -1) * t.shares for t in row.trades if t.ticker == tk
            )
            if abs(held + traded - sh) > 1e-9:
                out.append(f"{a.id}: shares after of {tk} disagree with its trades")
    # no transfers: the household's cash is the accounts' cash, each moved only by its own trades
    if abs(sum(rw.cash_after for rw in r.accounts) - r.cash_after) > 1e-6:
        out.append("household cash is not the sum of the accounts'")
    if r.status.value == "infeasible":  # no trades proposed: nothing to add up
        return out
    net = {a.ticker: a.shares_after - a.shares_before for a in r.household.assets}
    for tk, d in net.items():
        if abs(totals.get(tk, 0.0) - d) > 1e-7:
            out.append(f"{tk}: accounts trade {totals.get(tk, 0.0)} ≠ household {d}")
    return out
