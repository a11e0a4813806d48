"""The fill step of whole-share settling: spare cash left by rounding buys more whole shares of the most
underweight assets, one accepted step at a time, as long as every limit still holds and the portfolio gets
closer to its targets (tracking error first, then distance to the targets).

Each step is tested incrementally (``_Book.try_add``): the limits and the objective of "asset i to s
shares" from running sums, in O(1) per ticker, with the numbers of each ticker read once per settle as
plain floats. Every test is the same floating-point expression as a full evaluation's, so that the step
taken is the one a full evaluation would take; the final holdings are still checked in full."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from engine.market import BoolArray, FloatArray
from engine.model.scenario import Mode
from engine.optimize.checker import Evaluation, evaluate, first_violation
from engine.optimize.inputs import BIG, Inputs

IntArray = npt.NDArray[np.intp]
Objective = tuple[float, float]
# what "asset i to s shares" changes: cash, traded amount, h'Σh, t'Σh, h'h, t'h, the holding's change
Step = tuple[float, float, float, float, float, float, float]

SCREEN_MIN = 64  # from this many fill candidates, screen them in numpy before the scalar tests (measured)
# an upper weight bound can only break for tickers whose holding / bound, times this, reaches the value
# (a relative margin far above the rounding of one division: see _Book.try_add)
RATIO_MARGIN = 1.0 + 1e-12


def better(a: Objective, b: Objective) -> bool:
    """``a`` improves on ``b``: lower tracking error, or the same (to 1e-12) and closer to the targets."""
    if a[0] < b[0] - 1e-12 * (b[0] if b[0] > 1.0 else 1.0) - 1e-15:  # (max(1.0, b[0]), as fast as can be)
        return True
    return abs(a[0] - b[0]) <= 1e-12 + 1e-9 * b[0] and a[1] < b[1] - 1e-15


def can_buy(x: Inputs, i: int) -> bool:
    c = x.scenario.constraints
    return x.tickers[i] not in c.no_buy and c.mode is not Mode.SELL_ONLY


class _Book:
    """Incremental state of a candidate holding for the fill step: every limit and the objective of
    "add k shares of asset i" without re-evaluating the portfolio or building violation messages (the
    caller checks the final answer in full)."""

    def __init__(self, x: Inputs, shares: FloatArray) -> None:
        self.x = x
        c = x.scenario.constraints
        p = x.prices
        self.shares = shares.copy()
        self.h = shares * p
        delta = shares - x.shares0
        amounts = np.abs(delta) * p
        self.traded = float(amounts.sum())
        self.cash = float(x.cash0 - delta @ p - amounts @ x.kappa)
        self.sig_h = x.cov @ self.h
        self.hsh = float(self.h @ self.sig_h)
        self.sig_t = x.cov @ x.target
        self.tst = float(x.target @ self.sig_t)
        self.tsh = float(x.target @ self.sig_h)
        self.hh = float(self.h @ self.h)
        self.th = float(x.target @ self.h)
        self.tt = float(x.target @ x.target)
        # sleeve rows and look-through rows (sectors, companies) share the same upper-bound check
        if x.look_through:
            self.members = np.array([nd.members for nd in x.nodes] + [r.row for r in x.look_through])
        else:
            self.members = x.node_matrix
        self.node_h = self.members @ self.h
        self._node_hi: list[float] = [nd.hi for nd in x.nodes] + [r.hi for r in x.look_through]
        self.var = x.cov.diagonal()
        self.room = x.hi + 1e-9
        # the same numbers as plain floats, for the scalar test of one step
        self._p: list[float] = p.tolist()
        self._k: list[float] = x.kappa.tolist()
        self._s0: list[float] = x.shares0.tolist()
        self._var: list[float] = self.var.tolist()
        self._sig_t: list[float] = self.sig_t.tolist()
        self._t: list[float] = x.target.tolist()
        self._room: list[float] = self.room.tolist()
        self._room_ok = float(self.room.min()) > 0  # (the ratio test below needs positive bounds)
        self._node_room = [hi + 1e-9 for hi in self._node_hi]
        self._member_cols: list[list[float]] = self.members.T.tolist()
        tol = max(0.005, 1e-9 * x.value)
        self._cash_floor = c.min_cash - tol
        mta = x.min_trade_amount
        self._trade_floor = mta - min(tol, 1e-6 * mta)
        self._whole = c.whole_shares
        self._turnover_on, self._turnover = x.turnover_cap < BIG, x.turnover_cap + 1e-9
        self._vol_on, self._vol = x.vol_cap < BIG, x.vol_cap + 1e-9
        self._value0 = x.value
        # the screen's thresholds (``maybe``), each with a little slack
        loose = tol + 1e-7 * x.value
        self._screen_cash = c.min_cash - loose
        self._screen_trade = mta * (1 - 1e-7) - loose
        self._s: list[float] = self.shares.tolist()
        self._h: list[float] = self.h.tolist()
        self._sync()
        # an upper weight bound can break only when some holding / its bound is near the value: the
        # largest ratio (with a margin far above one rounding) says whether to look at them one by one
        self._ratio = self.h / self.room
        self._top = float(self._ratio.max()) * RATIO_MARGIN
        self._near: list[tuple[float, int]] | None = None

    def _sync(self) -> None:
        """The floats that change with each accepted step (besides the stepping ticker's own)."""
        self._sig_h: list[float] = self.sig_h.tolist()
        self._node_h: list[float] = self.node_h.tolist()
        self._hsum = float(self.h.sum())

    def _by_ratio(self) -> list[tuple[float, int]]:
        """(holding / bound with the margin, ticker), largest first."""
        if self._near is None:
            order = np.argsort(-self._ratio)
            self._near = list(zip((self._ratio[order] * RATIO_MARGIN).tolist(), order.tolist(), strict=True))
        return self._near

    def objective(self, v: float, hsh: float, tsh: float, hh: float, th: float) -> Objective:
        return hsh / v**2 - 2.0 * tsh / v + self.tst, hh / v**2 - 2.0 * th / v + self.tt

    def value(self) -> float:
        return self._hsum + self.cash

    def current(self) -> Objective:
        return self.objective(self.value(), self.hsh, self.tsh, self.hh, self.th)

    def try_add(self, i: int, new_shares: float) -> tuple[Objective, Step] | None:
        """Objective and new state numbers if asset i goes to ``new_shares`` and every limit holds.

        Each test is the expression a full evaluation computes, on the same floats (so the same answer
        to the last bit). Upper weight bounds: ``h_j / v > hi_j + 1e-9`` can hold only where
        ``h_j / (hi_j + 1e-9)`` is at least ``v`` up to a rounding; the others are skipped by that ratio
        with a margin (RATIO_MARGIN) far above one rounding, and the rest are tested exactly."""
        p, k = self._p[i], self._k[i]
        s0, s = self._s0[i], self._s[i]
        ds = new_shares - s
        dh = ds * p
        d_old, d_new = s - s0, new_shares - s0
        d_amount = (abs(d_new) - abs(d_old)) * p
        cash = self.cash - dh - k * d_amount
        v = self._hsum + dh + cash
        hsh = self.hsh + 2.0 * dh * self._sig_h[i] + dh * dh * self._var[i]
        # the volatility cap first (where most steps fail once it binds; any failed test means None)
        pos = 0.0 if hsh < 0.0 else hsh  # max(hsh, 0.0), without the cost of a call
        if self._vol_on and v != 0.0 and math.sqrt(pos) / v > self._vol:
            return None
        if cash < self._cash_floor:
            return None
        if d_new != 0.0 and abs(d_new) * p < self._trade_floor:
            return None
        if self._whole and new_shares != 0.0 and abs(d_new - round(d_new)) > 1e-9:
            return None
        traded = self.traded + d_amount
        if self._turnover_on and traded / self._value0 > self._turnover:
            return None
        hi = self._h[i]
        if self._vol_on and math.sqrt(pos) / v > self._vol:
            return None
        if v > 0.0 and self._room_ok:
            if self._top >= v:
                for ratio, j in self._by_ratio():
                    if ratio < v:
                        break
                    if j != i and self._h[j] / v > self._room[j]:
                        return None
            if (hi + dh) / v > self._room[i]:
                return None
            col = self._member_cols[i]
            for r, room in enumerate(self._node_room):
                if (self._node_h[r] + dh * col[r]) / v > room:
                    return None
        elif self._over_bound(i, dh, v):
            return None
        tsh = self.tsh + dh * self._sig_t[i]
        hh = self.hh + 2.0 * dh * hi + dh * dh
        th = self.th + dh * self._t[i]
        return self.objective(v, hsh, tsh, hh, th), (cash, traded, hsh, tsh, hh, th, dh)

    def vol_blocks(self, i: int, one: float, big: float) -> bool:
        """Certainly ``try_add`` fails the volatility cap for every step from ``one`` to ``big`` more
        shares of ticker i (``monotone``: the smallest step fails by a relative 1e-9, far above the
        rounding of either computation); False when not certain."""
        if not self._vol_on or not self.monotone(i, big):
            return False
        s, s0, p, k = self._s[i], self._s0[i], self._p[i], self._k[i]
        new = s + one
        if s - s0 < 0.0 and not new < s0:
            new = s0  # a sale shrunk at most to nothing
        dh = (new - s) * p
        d_amount = (abs(new - s0) - abs(s - s0)) * p
        cash = self.cash - dh - k * d_amount
        v = self._hsum + dh + cash
        hsh = self.hsh + 2.0 * dh * self._sig_h[i] + dh * dh * self._var[i]
        return v > 0.0 and math.sqrt(hsh) / v > self._vol * (1.0 + 1e-9)

    def monotone(self, i: int, big: float) -> bool:
        """The volatility after a step up in ticker i rises with the step, up to ``big`` shares, and
        every number in its test is at most 8 times the value (so that test is accurate to better than
        1e-13 relative). Why: with marginal risk ``Σh_i ≥ 0`` and a cost rate k in [0, 1], a bigger step
        raises h'Σh; a buy lowers the value (by the cost), and shrinking a sale raises it by k·step,
        which the rise of h'Σh outweighs when ``Σh_i·value ≥ k·h'Σh`` at the biggest step."""
        s, s0, p, k = self._s[i], self._s0[i], self._p[i], self._k[i]
        sig, var = self._sig_h[i], self._var[i]
        if not (sig >= 0.0 and 0.0 <= k <= 1.0 and self.hsh >= 0.0 and var >= 0.0):
            return False
        d_big = 1.01 * big * p  # above the step's amount, whatever its rounding
        low = self._hsum + self.cash - d_big  # below the value after the step
        if not (low > 0.0 and abs(self._hsum) + abs(self.cash) + 3.0 * d_big <= 8.0 * low):
            return False
        if s - s0 < 0.0:
            return sig * low >= 2.0 * k * (self.hsh + 2.0 * d_big * sig + d_big * d_big * var)
        return True

    def _over_bound(self, i: int, dh: float, v: float) -> bool:
        """Some weight or node above its upper bound, all tested in numpy (for a value that is not
        positive, where a division by zero must give numpy's inf, not Python's error, or a bound that is
        not positive)."""
        w = self.h / v
        w[i] = (self.h[i] + dh) / v
        if np.any(w > self.room):
            return True
        if self._node_hi:
            node_h = self.node_h + dh * self.members[:, i]
            return bool(np.any(node_h / v > np.array(self._node_hi) + 1e-9))
        return False

    def maybe(self, idx: IntArray, new_shares: FloatArray, best: Objective) -> BoolArray:
        """For many candidates at once: False where "asset idx[k] to new_shares[k]" certainly fails a
        limit or does not improve on ``best`` (``try_add``'s tests in numpy, each with a little slack, so
        that the exact scalar ``try_add`` still decides every candidate this lets through). Upper bounds
        are screened only where one is stated (below 100 %)."""
        x = self.x
        slack = 1e-7
        p = x.prices[idx]
        s0, s = x.shares0[idx], self.shares[idx]
        dh = (new_shares - s) * p
        d_new = new_shares - s0
        d_amount = (np.abs(d_new) - np.abs(s - s0)) * p
        cash = self.cash - dh - x.kappa[idx] * d_amount
        ok = cash >= self._screen_cash
        ok &= (d_new == 0) | (np.abs(d_new) * p >= self._screen_trade)
        if self._turnover_on:
            ok &= (self.traded + d_amount) / x.value <= self._turnover + slack
        v = self._hsum + dh + cash
        hsh = self.hsh + 2.0 * dh * self.sig_h[idx] + dh * dh * self.var[idx]
        if self._vol_on:
            ok &= np.sqrt(np.maximum(hsh, 0.0)) <= self._vol * (1 + slack) * v
        if bool(np.any(x.hi < 1.0)):
            # the others' weights all change with v; the largest ratio h_j / hi_j among j != i decides
            r = self._ratio.copy()
            top = int(np.argmax(r))
            r_top = float(r[top])
            r[top] = -np.inf
            r_next = float(r.max())
            others = np.where(idx == top, r_next, r_top)
            ok &= others <= v * (1 + slack)
            ok &= (self.h[idx] + dh) <= self.room[idx] * v * (1 + slack)
        if any(hi < 1.0 for hi in self._node_hi):
            node_h = self.node_h[:, None] + self.members[:, idx] * dh[None, :]
            room = np.array(self._node_room)[:, None]
            ok &= np.all(node_h <= room * v[None, :] * (1 + slack), axis=0)
        tsh = self.tsh + dh * self.sig_t[idx]
        te2 = hsh / v**2 - 2.0 * tsh / v + self.tst
        b0 = best[0]
        ok &= te2 < b0 + 1e-9 * max(1.0, abs(b0)) + 1e-12  # no worse in tracking error (``better``)
        out: BoolArray = ok
        return out

    def apply(self, i: int, new_shares: float, st: Step) -> None:
        dh = st[6]
        self.shares[i] = new_shares
        self.h[i] += dh
        self.sig_h += dh * self.x.cov[:, i]
        self.node_h += dh * self.members[:, i]
        self.cash, self.traded, self.hsh, self.tsh, self.hh, self.th = st[:6]
        self._s[i] = new_shares
        self._h[i] = hi = float(self.h[i])
        self._sync()
        # the largest holding / bound: an upper bound on it is enough (holdings only grow here)
        r = hi / self._room[i]
        self._ratio[i] = r
        self._top = max(self._top, r * RATIO_MARGIN)
        self._near = None


def fill(x: Inputs, shares: FloatArray, lot: float) -> tuple[FloatArray, Evaluation | None]:
    """Spend cash left idle by rounding on the most underweight assets, one accepted step at a time.
    ``shares`` must keep every limit. Each round takes the candidates in order of their gap to target,
    each with a step that fills the gap (or the cash) and with one lot, and keeps the first step that
    keeps every limit and improves the objective. With many candidates a round first screens them all at
    once in numpy (``_Book.maybe``) and asks the exact step-by-step test only of those that may pass, in
    the same order, so the answer is the same as testing every candidate.

    Returns the holdings and their evaluation (None when no step was taken: ``shares`` unchanged)."""
    book = _Book(x, shares)
    best = book.current()
    min_cash = x.scenario.constraints.min_cash
    buyable_l = [can_buy(x, i) for i in range(x.n)]
    buyable = np.array(buyable_l, dtype=bool)
    unit = x.prices * lot * (1 + x.kappa)
    per_share = x.prices * (1 + x.kappa)
    unit_l, per_l = unit.tolist(), per_share.tolist()
    s0 = x.shares0.tolist()
    s_l = book._s  # the book's own list: follows every step
    taken = False
    capped: set[int] = set()  # tickers where every step up certainly fails the volatility cap
    for _ in range(2 * x.n):
        v = book.value()
        gaps = x.target - book.h / v
        spare = book.cash - min_cash
        cands: list[tuple[int, float]] = []
        if x.n >= SCREEN_MIN:
            delta = book.shares - x.shares0
            eligible = (gaps > 0) & (buyable | (delta < 0)) & (spare >= unit)
            if np.count_nonzero(eligible) >= SCREEN_MIN:
                want = np.minimum(gaps * v, spare) / per_share
                maybe = _screen(x, book, eligible, delta, want, lot, best)
                order = np.argsort(-gaps)
                want_l = want.tolist()
                cands = [(i, want_l[i]) for i in order[maybe[order]].tolist()]
        if not cands:  # the candidates one by one, largest gap first (those after a gap ≤ 0 are not)
            order_l, gaps_l = np.argsort(-gaps).tolist(), gaps.tolist()
            for i in order_l:
                g = gaps_l[i]
                if not g > 0.0:
                    break
                if (buyable_l[i] or s_l[i] - s0[i] < 0.0) and spare >= unit_l[i]:
                    gv = g * v
                    cands.append((i, (spare if spare < gv else gv) / per_l[i]))  # min(gv, spare)
        improved = False
        for i, want_i in cands:
            s = s_l[i]
            selling = s - s0[i] < 0.0
            if not (selling or buyable_l[i]):
                continue
            fl = math.floor(want_i / lot)
            big = fl if fl > 1.0 else 1.0  # max(1.0, fl)
            if i in capped:  # every step up fails the volatility cap: nothing to try
                if book.monotone(i, big * lot):
                    continue
            elif book.vol_blocks(i, lot, big * lot):
                capped.add(i)
                continue
            for n_lots in (big, 1.0) if big != 1.0 else (1.0,):
                step = n_lots * lot
                new = s + step
                if selling and not new < s0[i]:
                    new = s0[i]  # min(s0[i], s + step)
                got = book.try_add(i, new)
                if got is not None and better(got[0], best):
                    sig, dh = book._sig_h[i], got[1][6]
                    book.apply(i, new, got[1])
                    best, improved, taken = got[0], True, True
                    capped = _still_capped(x, capped, i, selling, sig, dh)
                    break
            if improved:
                break
        if not improved:
            break
    if not taken:
        return shares, None
    ev = evaluate(x, book.shares)
    if first_violation(x, ev) is not None:  # the incremental checks missed something: keep it simple
        return shares, None
    return book.shares, ev


def _still_capped(x: Inputs, capped: set[int], j: int, selling: bool, sig: float, dh: float) -> set[int]:
    """The tickers still certainly blocked by the volatility cap after a step of ``dh`` in ticker j.

    A ticker blocked by ``_Book.vol_blocks`` stays blocked after a buy of j (not a sale shrunk) with
    marginal risk ``Σh_j ≥ 0``, a cost rate in [0, 1] and ``Σ_ij ≥ 0``: h'Σh grows (by 2·dh·Σh_j +
    dh²·Σ_jj), so does its own marginal risk (by dh·Σ_ij), and the value falls (by the cost), so its
    volatility after its smallest step only rises (each round still asks ``_Book.monotone`` for its
    bigger step). The 1e-9 margin of the first test covers the rounding of the running sums over every
    round (under 1e-14 relative each, at most 2n rounds)."""
    if not capped:
        return capped
    k = float(x.kappa[j])
    if selling or not (sig >= 0.0 and 0 <= k <= 1 and dh > 0.0):
        return set()
    col = x.cov[:, j].tolist()
    return {i for i in capped if col[i] >= 0.0}


def _screen(
    x: Inputs,
    book: _Book,
    eligible: BoolArray,
    delta: FloatArray,
    want: FloatArray,
    lot: float,
    best: Objective,
) -> BoolArray:
    """The eligible tickers whose step (filling the gap, or one lot) may pass (``_Book.maybe``)."""
    idx = np.flatnonzero(eligible)
    big = np.maximum(1.0, np.floor(want[idx] / lot))
    sh = book.shares[idx]
    selling = delta[idx] < 0
    new_big = sh + big * lot
    new_one = sh + lot
    new_big = np.where(selling, np.minimum(x.shares0[idx], new_big), new_big)
    new_one = np.where(selling, np.minimum(x.shares0[idx], new_one), new_one)
    both = book.maybe(np.concatenate([idx, idx]), np.concatenate([new_big, new_one]), best)
    maybe = np.zeros(x.n, dtype=bool)
    maybe[idx] = both[: len(idx)] | both[len(idx) :]
    return maybe
