"""Rebalancing policies a backtest can replay, and the plain rules behind the rule-based ones.

- never: buy and hold; a contribution is invested, and a withdrawal raised, pro rata to the holdings
  (the mix is never steered back);
- calendar: back to the targets on the first trading day of each month / quarter / year;
- bands (5/25): back to the targets whenever a holding or sleeve is outside its drift band, checked every
  trading day or on the first trading day of each month;
- Daryanani: checked every 10 trading days (two weeks); a holding outside its band is traded only half
  way back — to the target plus half its tolerance on the side it drifted to — and the money that frees
  or needs comes from the other holdings' distance to their targets (Daryanani 2008, "Opportunistic
  rebalancing");
- cash-flow only: contributions buy what is most under target, withdrawals sell what is most over; no
  other trades;
- optimizer: Coresat's own rebalance (vol cap, turnover cap, bands, every limit of the scenario) on the
  first trading day of each month, with a covariance estimated from prices before that day only.

Every policy other than "never" invests a contribution, and raises a withdrawal, the cash-flow-only way.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt
import pandas as pd

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


class PolicyKind(StrEnum):
    NEVER = "never"
    CALENDAR = "calendar"
    BANDS = "bands"
    DARYANANI = "daryanani"
    CASH_FLOW = "cash_flow"
    OPTIMIZER = "optimizer"


class Every(StrEnum):
    DAILY = "daily"
    TWO_WEEKS = "two_weeks"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUAL = "annual"
    NONE = "none"


@dataclass(frozen=True)
class Policy:
    kind: PolicyKind
    every: Every = Every.NONE

    @property
    def key(self) -> str:
        return self.kind.value if self.every is Every.NONE else f"{self.kind.value}-{self.every.value}"

    @property
    def short(self) -> str:
        """A column heading of at most 12 characters."""
        names = {
            PolicyKind.NEVER: "Never",
            PolicyKind.CALENDAR: self.every.value.capitalize(),
            PolicyKind.BANDS: f"Bands {self.every.value}",
            PolicyKind.DARYANANI: "Daryanani",
            PolicyKind.CASH_FLOW: "Cash flows",
            PolicyKind.OPTIMIZER: "Optimizer",
        }
        return names[self.kind]

    @property
    def label(self) -> str:
        names = {
            PolicyKind.NEVER: "Never rebalance",
            PolicyKind.CALENDAR: f"Calendar, {self.every.value}",
            PolicyKind.BANDS: f"5/25 bands, checked {self.every.value}",
            PolicyKind.DARYANANI: "Daryanani: two-weekly check, half-way back",
            PolicyKind.CASH_FLOW: "Cash flows only",
            PolicyKind.OPTIMIZER: f"Coresat optimizer, {self.every.value}",
        }
        return names[self.kind]


NEVER = Policy(PolicyKind.NEVER)
CASH_FLOW_ONLY = Policy(PolicyKind.CASH_FLOW)
DARYANANI = Policy(PolicyKind.DARYANANI, Every.TWO_WEEKS)
OPTIMIZER = Policy(PolicyKind.OPTIMIZER, Every.MONTHLY)

ALL_POLICIES: tuple[Policy, ...] = (
    NEVER,
    Policy(PolicyKind.CALENDAR, Every.MONTHLY),
    Policy(PolicyKind.CALENDAR, Every.QUARTERLY),
    Policy(PolicyKind.CALENDAR, Every.ANNUAL),
    Policy(PolicyKind.BANDS, Every.DAILY),
    Policy(PolicyKind.BANDS, Every.MONTHLY),
    DARYANANI,
    CASH_FLOW_ONLY,
    OPTIMIZER,
)
# one of each kind: what the GUI and CLI run unless asked for more
DEFAULT_POLICIES: tuple[Policy, ...] = (
    NEVER,
    Policy(PolicyKind.CALENDAR, Every.QUARTERLY),
    Policy(PolicyKind.BANDS, Every.DAILY),
    DARYANANI,
    CASH_FLOW_ONLY,
    OPTIMIZER,
)


def parse_policies(text: str) -> tuple[Policy, ...]:
    """``all``, ``default`` or comma-separated keys such as ``never,bands-monthly,optimizer-monthly``."""
    text = text.strip().lower()
    if text in ("", "default"):
        return DEFAULT_POLICIES
    if text == "all":
        return ALL_POLICIES
    by_key = {p.key: p for p in ALL_POLICIES} | {"optimizer": OPTIMIZER, "daryanani": DARYANANI}
    out = []
    for part in text.split(","):
        key = part.strip()
        if key not in by_key:
            from engine.errors import DataError

            raise DataError(f"unknown policy {key!r}: use all, default or some of {', '.join(by_key)}")
        out.append(by_key[key])
    return tuple(dict.fromkeys(out))


def check_days(dates: pd.DatetimeIndex, every: Every) -> BoolArray:
    """Which days (never the first) a policy looks at the portfolio."""
    n = len(dates)
    month = np.asarray(dates.month)
    new_month = np.zeros(n, dtype=bool)
    new_month[1:] = month[1:] != month[:-1]
    if every is Every.DAILY:
        out = np.ones(n, dtype=bool)
    elif every is Every.TWO_WEEKS:
        out = np.arange(n) % 10 == 0
    elif every is Every.MONTHLY:
        out = new_month
    elif every is Every.QUARTERLY:
        out = new_month & np.isin(month, (1, 4, 7, 10))
    elif every is Every.ANNUAL:
        out = new_month & (month == 1)
    else:
        out = np.zeros(n, dtype=bool)
    out[0] = False
    return out


# -- the rules, on money amounts ------------------------------------------------------------------------


def flow_split(
    values: FloatArray, target_values: FloatArray, amount: float, allowed: BoolArray
) -> FloatArray:
    """How a cash flow is spread over the holdings to bring them closest to their targets.

    A contribution (``amount`` > 0) fills the gaps of holdings under target, in proportion to the gaps,
    and the rest pro rata to the targets; a withdrawal (< 0) comes from holdings over target, in
    proportion to the excess, and the rest pro rata to the holdings. ``allowed`` masks what may trade."""
    out = np.zeros_like(values)
    if amount == 0 or not allowed.any():
        return out
    if amount > 0:
        gap = np.where(allowed, np.maximum(target_values - values, 0.0), 0.0)
        base = np.where(allowed, target_values, 0.0)
    else:
        gap = np.where(allowed, np.maximum(values - target_values, 0.0), 0.0)
        base = np.where(allowed, values, 0.0)
    total_gap = float(gap.sum())
    size = abs(amount)
    if total_gap >= size and total_gap > 0:
        out = gap * (size / total_gap)
    else:
        rest = size - total_gap
        out = gap + (base * (rest / base.sum()) if base.sum() > 0 else 0.0)
    return out if amount > 0 else -out


def pro_rata(values: FloatArray, amount: float, allowed: BoolArray) -> FloatArray:
    """A cash flow spread in proportion to the holdings (the mix does not change)."""
    base = np.where(allowed, np.maximum(values, 0.0), 0.0)
    if base.sum() <= 0:
        return np.zeros_like(values)
    out: FloatArray = base * (amount / base.sum())
    return out


def outside_bands(
    weights: FloatArray,
    target: FloatArray,
    tol: FloatArray,
    groups: FloatArray,
    g_target: FloatArray,
    g_tol: FloatArray,
) -> BoolArray:
    """Holdings outside their band, plus every holding of a group (sleeve) outside its band."""
    out: BoolArray = np.abs(weights - target) > tol + 1e-12
    if groups.size:
        gw = groups @ weights
        bad = np.abs(gw - g_target) > g_tol + 1e-12
        if bad.any():
            out = out | (groups[bad].sum(axis=0) > 0)
    return out


def daryanani_values(
    values: FloatArray,
    target_values: FloatArray,
    tol_values: FloatArray,
    breached: BoolArray,
    allowed: BoolArray,
) -> FloatArray:
    """Money to trade per holding: breached holdings half way back (to target ± half the tolerance),
    the balance from or to the others by their distance to target (``flow_split``)."""
    side = np.sign(values - target_values)
    goal = target_values + side * tol_values / 2.0
    move = np.where(breached & allowed, goal - values, 0.0)
    others = allowed & ~breached
    balance = -float(move.sum())
    return move + flow_split(values, target_values, balance, others)
