"""The fill step's shortcut (engine/optimize/fill.py ``_Book.vol_blocks``): when it says every step from one
lot to ``big`` lots of a ticker breaks the volatility cap, the exact step test (``try_add``) must refuse every
one of those steps — checked step by step on the holdings that random scenarios reach before their fill."""

from __future__ import annotations

import numpy as np

from engine.optimize import fill, rounding
from engine.optimize.inputs import prepare
from engine.optimize.problem import problem_for
from tests.engine.optimize.test_rounding_same import FUNDS, scenario


def test_a_blocked_ticker_fails_the_cap_at_every_step() -> None:
    blocked = checked = 0
    for seed in range(120):
        sc, m = scenario(seed)
        if sc.constraints.vol_cap is None or not sc.constraints.whole_shares:
            continue
        x = prepare(sc, m, FUNDS)
        sol = problem_for(x).solve(x)
        if not sol.ok:
            continue
        shares = rounding._round_toward_zero(x, x.shares0 + (sol.w - x.w0) * x.value / x.prices, 1.0)
        if rounding._repair(x, shares, 1.0) is None:
            continue
        book = fill._Book(x, shares)
        for i in range(x.n):
            s, s0 = float(shares[i]), float(x.shares0[i])
            for big in (1.0, 3.0, 12.0, 60.0):
                if not book.vol_blocks(i, 1.0, big):
                    continue
                blocked += 1
                for n in np.arange(1.0, big + 1.0):
                    new = s + n if s >= s0 else min(s0, s + n)
                    assert book.try_add(i, new) is None, (seed, i, big, n)
                    checked += 1
    assert blocked > 50 and checked > 500, (blocked, checked)
