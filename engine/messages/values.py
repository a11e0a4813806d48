"""A message is an id with typed values; nothing here decides wording or number format."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

from engine.messages.ids import MessageId

if TYPE_CHECKING:  # engine.optimize imports the result, which imports this: no import cycle at run time
    from engine.optimize.limit_id import LimitId


# The values built for every trade's reason (Percent, Points, Money, Ticker, Name) set their fields in their
# own __init__: the same frozen records as the generated __init__ makes, without one object.__setattr__ call
# per field.


@dataclass(frozen=True, init=False)
class Percent:
    """A fraction shown as a percentage: 0.123 -> "12.3 %"."""

    value: float
    digits: int = 1

    def __init__(self, value: float, digits: int = 1) -> None:
        d = self.__dict__
        d["value"] = value
        d["digits"] = digits


@dataclass(frozen=True, init=False)
class Points:
    """A difference of two fractions in percentage points, unsigned: 0.023 -> "2.3"."""

    value: float
    digits: int = 1

    def __init__(self, value: float, digits: int = 1) -> None:
        d = self.__dict__
        d["value"] = value
        d["digits"] = digits


@dataclass(frozen=True, init=False)
class Money:
    """An amount in the account currency."""

    value: float
    digits: int = 0

    def __init__(self, value: float, digits: int = 0) -> None:
        d = self.__dict__
        d["value"] = value
        d["digits"] = digits


@dataclass(frozen=True)
class Shares:
    value: float


@dataclass(frozen=True)
class Count:
    value: int


@dataclass(frozen=True, init=False)
class Ticker:
    symbol: str

    def __init__(self, symbol: str) -> None:
        self.__dict__["symbol"] = symbol


@dataclass(frozen=True, init=False)
class Name:
    """A name the user gave (a sleeve) or text the engine does not translate: shown as is."""

    text: str

    def __init__(self, text: str) -> None:
        self.__dict__["text"] = text


@dataclass(frozen=True)
class Names:
    """Several names, shown as a list ("IWM, IWN")."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Parts:
    """Several messages, shown one after another with the list separator."""

    items: tuple[Message, ...]


Value: TypeAlias = "Percent | Points | Money | Shares | Count | Ticker | Name | Names | Parts | LimitId"


@dataclass(frozen=True, init=False)
class Message:
    """One sentence (or phrase) the engine says: an id and its values. Render it with a Formatter."""

    id: MessageId
    params: tuple[tuple[str, Value | Message], ...] = ()

    def __init__(self, id: MessageId, params: tuple[tuple[str, Value | Message], ...] = ()) -> None:
        d = self.__dict__  # as the values above: the fields set directly
        d["id"] = id
        d["params"] = params

    @classmethod
    def of(cls, id: MessageId, **params: Value | Message) -> Message:
        return cls(id, tuple(params.items()))

    def get(self, name: str) -> Value | Message:
        for k, v in self.params:
            if k == name:
                return v
        raise KeyError(f"{self.id.value} has no value {name!r}")

    def has(self, name: str) -> bool:
        return any(k == name for k, _ in self.params)

    def json_value(self) -> dict[str, Any]:
        """What a JSON document stores: ``to_dict`` and the English ``text``."""
        from engine.messages.format import english

        return {**self.to_dict(), "text": english(self)}

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: {"id": "reason.toward", "params": {"after": {"percent": 0.12}, ...}}."""
        return {"id": self.id.value, "params": {k: _encode(v) for k, v in self.params}}


def _encode(v: Value | Message) -> Any:
    if isinstance(v, Message):
        return {"message": v.to_dict()}
    # a number shown with other than its kind's usual decimals says how many ("digits"), so that a reader of
    # the stored message (engine/messages/decode.py) renders it as it was written
    if isinstance(v, Percent):
        return {"percent": v.value} if v.digits == 1 else {"percent": v.value, "digits": v.digits}
    if isinstance(v, Points):
        return {"points": v.value} if v.digits == 1 else {"points": v.value, "digits": v.digits}
    if isinstance(v, Money):
        return {"money": v.value} if v.digits == 0 else {"money": v.value, "digits": v.digits}
    if isinstance(v, Shares):
        return {"shares": v.value}
    if isinstance(v, Count):
        return {"count": v.value}
    if isinstance(v, Ticker):
        return {"ticker": v.symbol}
    if isinstance(v, Name):
        return {"text": v.text}
    if isinstance(v, Names):
        return {"names": list(v.items)}
    if isinstance(v, Parts):
        return {"parts": [p.to_dict() for p in v.items]}
    return {"limit": str(v)}
