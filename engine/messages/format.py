"""The one formatter: a Message and a locale in, a sentence out.

A locale is two things: where templates come from (English built in; the GUI passes Qt's translations)
and how numbers look (``NumberFormat``; English built in; the GUI passes one built on QLocale).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from engine.messages.ids import ENGLISH, MessageId, limit_message_id
from engine.messages.values import (
    Count,
    Message,
    Money,
    Name,
    Names,
    Parts,
    Percent,
    Points,
    Shares,
    Ticker,
)

if TYPE_CHECKING:
    from engine.messages.values import Value


class NumberFormat(Protocol):
    def percent(self, value: float, digits: int) -> str: ...  # 0.123 -> "12.3 %"
    def points(self, value: float, digits: int) -> str: ...  # 0.023 -> "2.3"
    def money(self, value: float, digits: int) -> str: ...  # -1234.5 -> "-$1,235"
    def shares(self, value: float) -> str: ...
    def count(self, value: int) -> str: ...
    def join(self, items: list[str]) -> str: ...  # "a, b"


class EnglishNumbers:
    def percent(self, value: float, digits: int) -> str:
        return f"{value * 100:.{digits}f} %"

    def points(self, value: float, digits: int) -> str:
        return f"{abs(value) * 100:.{digits}f}"

    def money(self, value: float, digits: int) -> str:
        s = f"{abs(value):,.{digits}f}"
        return f"-${s}" if value < 0 and s.strip("0.,") else f"${s}"

    def shares(self, value: float) -> str:
        if math.isclose(value, round(value), abs_tol=1e-9):
            return f"{round(value):,}"
        return f"{value:,.4f}".rstrip("0").rstrip(".")

    def count(self, value: int) -> str:
        return f"{value:,}"

    def join(self, items: list[str]) -> str:
        return ", ".join(items)


def english_template(mid: MessageId) -> str:
    return ENGLISH[mid]


class Formatter:
    """Renders messages with ``templates`` (id -> template) and ``numbers``."""

    def __init__(
        self,
        templates: Callable[[MessageId], str] = english_template,
        numbers: NumberFormat | None = None,
    ) -> None:
        self.templates = templates
        self.numbers: NumberFormat = numbers or EnglishNumbers()

    def render(self, m: Message) -> str:
        values = {k: self.value(v) for k, v in m.params}
        return self.templates(m.id).format(**values)

    def value(self, v: Value | Message) -> str:
        nf = self.numbers
        if isinstance(v, Message):
            return self.render(v)
        if isinstance(v, Percent):
            return nf.percent(v.value, v.digits)
        if isinstance(v, Points):
            return nf.points(v.value, v.digits)
        if isinstance(v, Money):
            return nf.money(v.value, v.digits)
        if isinstance(v, Shares):
            return nf.shares(v.value)
        if isinstance(v, Count):
            return nf.count(v.value)
        if isinstance(v, Ticker):
            return v.symbol
        if isinstance(v, Name):
            return v.text
        if isinstance(v, Names):
            return nf.join(list(v.items))
        if isinstance(v, Parts):
            return nf.join([self.render(p) for p in v.items])
        # a LimitId: its name, with its subject
        return self.templates(limit_message_id(v.kind.value)).format(subject=v.subject)


ENGLISH_FORMATTER = Formatter()


def english(m: Message) -> str:
    """The English sentence (the CLI, the JSON result)."""
    return ENGLISH_FORMATTER.render(m)
