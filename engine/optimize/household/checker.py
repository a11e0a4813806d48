"""The per-account checker, written apart from the allocation: it recomputes every account's cash from
the trades alone and checks each rule the household optimizer promises.

Returns plain sentences (empty: everything holds). Used on every household result, and by the tests on
random households.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from engine.model.household import Household
from engine.model.scenario import Mode

TOL = 1e-6


def check_accounts(
    hh: Household,
    prices: Mapping[str, float],
    cost_bps: Mapping[str, float],
    trades: Sequence[tuple[str, str, float]],  # (account id, ticker, signed shares: + buy, − sell)
    *,
    mode: Mode = Mode.FULL,
    no_buy: frozenset[str] = frozenset(),
    no_sell: frozenset[str] = frozenset(),
    whole_shares: bool = True,
    min_trade: float = 0.0,
) -> list[str]:
    problems: list[str] = []
    ids = {a.id for a in hh.accounts}
    seen: set[tuple[str, str]] = set()
    by_account: dict[str, list[tuple[str, float]]] = {}
    for acct_id, tk, sh in trades:
        if acct_id not in ids:
            problems.append(f"a trade names an unknown account {acct_id!r}")
        if (acct_id, tk) in seen:
            problems.append(f"{acct_id}: {tk} traded twice in one account")
        seen.add((acct_id, tk))
        by_account.setdefault(acct_id, []).append((tk, sh))
    for a in hh.accounts:
        cash = a.cash + a.cash_flow
        mine = by_account.get(a.id, [])
        for tk, sh in mine:
            amount = abs(sh) * prices[tk]
            cash -= sh * prices[tk] + amount * cost_bps.get(tk, 0.0) / 1e4
            if sh > 0:
                if mode is Mode.SELL_ONLY:
                    problems.append(f"{a.name}: buys {tk} in a sell-only rebalance")
                if tk in no_buy or tk in a.no_buy:
                    problems.append(f"{a.name}: buys {tk}, which is on a no-buy list")
                if a.allowed is not None and tk not in a.allowed:
                    problems.append(f"{a.name}: buys {tk}, which is not on its menu")
            if sh < 0:
                if mode is Mode.BUY_ONLY:
                    problems.append(f"{a.name}: sells {tk} in a buy-only rebalance")
                if tk in no_sell or tk in a.no_sell:
                    problems.append(f"{a.name}: sells {tk}, which is on a no-sell list")
                if -sh > a.shares_of(tk) + TOL:
                    problems.append(f"{a.name}: sells {-sh:g} {tk} but holds {a.shares_of(tk):g}")
            if whole_shares and abs(sh - round(sh)) > 1e-9:
                problems.append(f"{a.name}: {tk} trade of {sh:g} shares is not whole")
            if sh != 0 and amount < min_trade - TOL:
                problems.append(f"{a.name}: {tk} trade of {amount:.2f} is under the minimum {min_trade:.2f}")
        if not math.isfinite(cash) or cash < a.cash_buffer - TOL:
            problems.append(f"{a.name}: cash after trades {cash:.2f} is below its buffer {a.cash_buffer:.2f}")
    return problems
