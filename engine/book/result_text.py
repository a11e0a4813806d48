"""A rebalance result as the book stores it: compact JSON at full precision."""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Callable
from datetime import date
from typing import Any

from engine.result import Binding, RebalanceResult, Trade


def result_text(r: RebalanceResult) -> str:
    """The result as compact JSON: the document of ``r.to_dict()`` but with floats at full precision
    (to_dict rounds them to 10 decimals for reading), written in one pass by the C JSON encoder,
    several times faster, which counts when a batch stores ten thousand results. Tested against
    ``to_dict``."""
    # a result is a tree of values, no cycle to look for (check_circular=False: ~10 % faster)
    return json.dumps(r, default=encode, separators=(",", ":"), check_circular=False)


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _fields(obj: Any) -> dict[str, Any]:
    """A dataclass's fields by name, in order: its own ``__dict__`` when that holds exactly them (read
    by the encoder, never changed), else copied field by field."""
    cls: type = type(obj)
    names = _field_names(cls)
    d = getattr(obj, "__dict__", None)
    if d is not None and len(d) == len(names) and tuple(d) == names:
        return d  # type: ignore[no-any-return]
    return {k: getattr(obj, k) for k in names}


def _trade(obj: Trade) -> dict[str, Any]:
    out = dict(_fields(obj))
    if obj.why is not None:
        out["why"] = {**obj.why.to_dict(), "text": obj.reason}
    return out


def _binding(obj: Binding) -> dict[str, Any]:
    why = None if obj.why is None else {**obj.why.to_dict(), "text": obj.message}
    return {"constraint": str(obj.limit), "message": obj.message, "why": why}


def _json_value(obj: Any) -> Any:
    return obj.json_value()


def _isoformat(obj: date) -> str:
    return obj.isoformat()


def _item(obj: Any) -> Any:
    return obj.item()


_BY_TYPE: dict[type, Callable[[Any], Any]] = {Trade: _trade, Binding: _binding}


def _handler(cls: type) -> Callable[[Any], Any] | None:
    if getattr(cls, "json_value", None) is not None:  # messages, limit ids, bindings: their own JSON form
        return _json_value
    if dataclasses.is_dataclass(cls):
        return _fields
    if issubclass(cls, date):
        return _isoformat
    if hasattr(cls, "item"):  # numpy scalars
        return _item
    return None


def encode(obj: Any) -> Any:
    # a trade's reason and a binding's message are the English rendering of their ``why`` (engine.result):
    # the stored ``why.text`` reuses it instead of rendering the message a second time. One handler per
    # type, found once.
    cls = type(obj)
    f = _BY_TYPE.get(cls)
    if f is None:
        f = _handler(cls)
        if f is None:
            raise TypeError(f"cannot store {cls.__name__} in a result")
        _BY_TYPE[cls] = f
    return f(obj)
