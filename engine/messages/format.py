"""The one formatter: a Message and a locale in, a sentence out.

A locale is two things: where templates come from (English built in; the GUI passes Qt's translations)
and how numbers look (``NumberFormat``; English built in; the GUI passes one built on QLocale).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

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
        values: dict[str, str] = {}
        for k, v in m.params:  # self.value(v) for each, without the extra call per value
            show = _SHOW.get(type(v))
            values[k] = show(self, v) if show is not None else self.value(v)
        return self.templates(m.id).format_map(values)

    def value(self, v: Value | Message) -> str:
        show = _SHOW.get(type(v))
        if show is not None:
            return show(self, v)
        # a LimitId: its name, with its subject
        return self.templates(limit_message_id(v.kind.value)).format(subject=v.subject)  # type: ignore[union-attr]


# how each kind of value is shown, by its exact type (a dict look-up: reasons are rendered for every trade)
_SHOW: dict[type, Callable[[Formatter, Any], str]] = {
    Message: lambda f, v: f.render(v),
    Percent: lambda f, v: f.numbers.percent(v.value, v.digits),
    Points: lambda f, v: f.numbers.points(v.value, v.digits),
    Money: lambda f, v: f.numbers.money(v.value, v.digits),
    Shares: lambda f, v: f.numbers.shares(v.value),
    Count: lambda f, v: f.numbers.count(v.value),
    Ticker: lambda f, v: v.symbol,
    Name: lambda f, v: v.text,
    Names: lambda f, v: f.numbers.join(list(v.items)),
    Parts: lambda f, v: f.numbers.join([f.render(p) for p in v.items]),
}


ENGLISH_FORMATTER = Formatter()


def english(m: Message) -> str:
    """The English sentence (the CLI, the JSON result): ``ENGLISH_FORMATTER.render(m)``, with the values
    formatted inline as EnglishNumbers does (every trade's reason is rendered: this is the hot path)."""
    values: dict[str, str] = {}
    for k, v in m.params:
        t = type(v)
        if t is Percent:
            d = v.digits  # type: ignore[union-attr]
            values[k] = f"{v.value * 100:.1f} %" if d == 1 else f"{v.value * 100:.{d}f} %"  # type: ignore[union-attr]
        elif t is Ticker:
            values[k] = v.symbol  # type: ignore[union-attr]
        elif t is Points:
            d = v.digits  # type: ignore[union-attr]
            p = abs(v.value) * 100  # type: ignore[union-attr]
            values[k] = f"{p:.1f}" if d == 1 else f"{p:.{d}f}"
        elif t is Name:
            values[k] = v.text  # type: ignore[union-attr]
        elif t is Message:
            values[k] = english(v)  # type: ignore[arg-type]
        elif t is Parts:
            values[k] = ", ".join([english(q) for q in v.items])  # type: ignore[union-attr,arg-type]
        else:
            values[k] = ENGLISH_FORMATTER.value(v)
    return ENGLISH[m.id].format_map(values)
