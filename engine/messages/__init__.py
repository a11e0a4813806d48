"""Every sentence the engine says: a message id with typed values, rendered by one formatter per locale.

The engine builds ``Message`` values; ``english(m)`` renders them for the CLI and the JSON result; the GUI
renders the same messages through Qt's translations and QLocale (gui/message_texts.py).
"""

from engine.messages.format import EnglishNumbers, Formatter, NumberFormat, english
from engine.messages.ids import ENGLISH, MessageId, kind_message_id
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

__all__ = [
    "ENGLISH",
    "Count",
    "EnglishNumbers",
    "Formatter",
    "Message",
    "MessageId",
    "Money",
    "Name",
    "Names",
    "NumberFormat",
    "Parts",
    "Percent",
    "Points",
    "Shares",
    "Ticker",
    "english",
    "kind_message_id",
]
