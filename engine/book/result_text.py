"""A rebalance result as the book stores it: compact JSON at full precision."""

from __future__ import annotations

import dataclasses
import functools
import json
from datetime import date
from typing import Any

from engine.result import Binding, RebalanceResult, Trade


def result_text(r: RebalanceResult) -> str:
    """The result as compact JSON: the document of ``r.to_dict()`` but with floats at full precision
    (to_dict rounds them to 10 decimals for reading), written in one pass by the C JSON encoder,
    several times faster, which counts when a batch stores ten thousand results. Tested against
    ``to_dict``."""
    return json.dumps(r, default=encode, separators=(",", ":"))


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def encode(obj: Any) -> Any:
    # a trade's reason and a binding's message are the English rendering of their ``why`` (engine.result):
    # the stored ``why.text`` reuses it instead of rendering the message a second time
    if type(obj) is Trade:
        out = {k: getattr(obj, k) for k in _field_names(Trade)}
        if obj.why is not None:
            out["why"] = {**obj.why.to_dict(), "text": obj.reason}
        return out
    if type(obj) is Binding:
        why = None if obj.why is None else {**obj.why.to_dict(), "text": obj.message}
        return {"constraint": str(obj.limit), "message": obj.message, "why": why}
    plain = getattr(obj, "json_value", None)  # messages, limit ids, bindings: their own JSON form
    if plain is not None:
        return plain()
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {k: getattr(obj, k) for k in _field_names(type(obj))}
    if isinstance(obj, date):
        return obj.isoformat()
    if hasattr(obj, "item"):  # numpy scalars
        return obj.item()
    raise TypeError(f"cannot store {type(obj).__name__} in a result")
