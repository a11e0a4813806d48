"""Typed names of the limits the optimizer knows.

A limit is named by a ``LimitId`` value, never by a string built and parsed back. The GUI routes a problem
to the control that sets the limit by this id; explanations and diagnoses carry it; the JSON result writes
it with ``str()`` ("asset_max:IWN", "vol_cap") and reads it back with ``LimitId.parse`` only at that edge.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class LimitKind(StrEnum):
    VOL_CAP = "vol_cap"  # portfolio volatility ≤ cap
    TURNOVER_CAP = "turnover_cap"  # (buys + sells) / value ≤ cap
    MIN_CASH = "min_cash"  # cash after trades ≥ buffer
    MIN_TRADE = "min_trade"  # each trade is zero or ≥ the minimum amount
    MODE = "mode"  # buy-only / sell-only / cash-flow-only
    ASSET_MIN = "asset_min"  # per ticker (subject = ticker)
    ASSET_MAX = "asset_max"
    SLEEVE_MIN = "sleeve_min"  # per sleeve (subject = sleeve name)
    SLEEVE_MAX = "sleeve_max"
    SMALL_CAP_MIN = "small_cap_min"  # the small-cap share of the whole portfolio
    SMALL_CAP_MAX = "small_cap_max"
    NO_BUY = "no_buy"  # per ticker
    NO_SELL = "no_sell"  # per ticker
    NO_SHORT = "no_short"  # holdings never below zero
    SECTOR_MIN = "sector_min"  # look-through: subject = sector name
    SECTOR_MAX = "sector_max"
    COMPANY_MAX = "company_max"  # look-through: subject = underlying company
    WHOLE_SHARES = "whole_shares"  # rounding to tradable units
    COSTS = "costs"  # the objective's trading-cost term (named when it keeps a holding off its target)


_WITH_SUBJECT = frozenset(
    {
        LimitKind.ASSET_MIN,
        LimitKind.ASSET_MAX,
        LimitKind.SLEEVE_MIN,
        LimitKind.SLEEVE_MAX,
        LimitKind.NO_BUY,
        LimitKind.NO_SELL,
        LimitKind.SECTOR_MIN,
        LimitKind.SECTOR_MAX,
        LimitKind.COMPANY_MAX,
    }
)


@dataclass(frozen=True, order=True)
class LimitId:
    """One limit: its kind, and the ticker / sleeve / sector it applies to when it has one."""

    kind: LimitKind
    subject: str = ""

    def __post_init__(self) -> None:
        if (self.kind in _WITH_SUBJECT) != bool(self.subject):
            need = "needs" if self.kind in _WITH_SUBJECT else "takes no"
            raise ValueError(f"limit {self.kind.value} {need} a subject (got {self.subject!r})")

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.subject}" if self.subject else self.kind.value

    def json_value(self) -> str:
        """What a JSON document stores (read back with ``parse``)."""
        return str(self)

    @property
    def is_lower_bound(self) -> bool:
        return self.kind in (
            LimitKind.ASSET_MIN,
            LimitKind.SLEEVE_MIN,
            LimitKind.SMALL_CAP_MIN,
            LimitKind.SECTOR_MIN,
            LimitKind.MIN_CASH,
        )

    @classmethod
    def parse(cls, text: str) -> LimitId:
        """Read ``str(limit_id)`` back (JSON edge only). Raises ValueError on an unknown name."""
        kind, _, subject = text.partition(":")
        return cls(LimitKind(kind), subject)
