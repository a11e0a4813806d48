"""Messages read back from a stored JSON document (a proposal in the book, a result file).

``Message.to_dict`` writes ``{"id": ..., "params": {name: {kind: value}}}``; this reads it back so that a
stored reason can be shown in the reader's language, not only in the English text stored beside it. A
document written by another version may hold an id or a value kind this version does not know: then the
answer is None and the caller shows the stored English text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from engine.messages.ids import MessageId
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
    Value,
)


class _Unknown(Exception):
    pass


def message_from_dict(doc: Any) -> Message | None:
    """The message stored as ``doc`` (``Message.to_dict`` or ``json_value``), or None if it is not one
    this version can read."""
    try:
        return _message(doc)
    except (_Unknown, ValueError, TypeError, KeyError):
        return None


def messages_from_list(docs: Any) -> tuple[Message, ...] | None:
    """Several stored messages (e.g. an account trade's ``where``); None if any cannot be read."""
    if not isinstance(docs, list):
        return None
    out = [message_from_dict(d) for d in docs]
    if any(m is None for m in out):
        return None
    return tuple(m for m in out if m is not None)


def _message(doc: Any) -> Message:
    if not isinstance(doc, Mapping):
        raise _Unknown
    mid = MessageId(doc["id"])  # ValueError: an id this version does not have
    params = doc.get("params", {})
    if not isinstance(params, Mapping):
        raise _Unknown
    return Message(mid, tuple((str(k), _value(v)) for k, v in params.items()))


def _value(v: Any) -> Value | Message:
    if isinstance(v, Mapping) and len(v) == 2 and "digits" in v:  # a number shown with other decimals
        (kind,) = set(v) - {"digits"}
        digits = int(v["digits"])
        if kind == "percent":
            return Percent(float(v[kind]), digits)
        if kind == "points":
            return Points(float(v[kind]), digits)
        if kind == "money":
            return Money(float(v[kind]), digits)
        raise _Unknown
    if not isinstance(v, Mapping) or len(v) != 1:
        raise _Unknown
    ((kind, x),) = v.items()
    if kind == "message":
        return _message(x)
    if kind == "percent":
        return Percent(float(x))
    if kind == "points":
        return Points(float(x))
    if kind == "money":
        return Money(float(x))
    if kind == "shares":
        return Shares(float(x))
    if kind == "count":
        return Count(int(x))
    if kind == "ticker":
        return Ticker(str(x))
    if kind == "text":
        return Name(str(x))
    if kind == "names":
        return Names(tuple(str(i) for i in x))
    if kind == "parts":
        return Parts(tuple(_message(p) for p in x))
    if kind == "limit":
        from engine.optimize.limit_id import LimitId  # the JSON edge: a limit's name read back

        return LimitId.parse(str(x))
    raise _Unknown
