"""What a ticker symbol looks like, in one place for every reader and before any web address is built.

Letters and digits, then up to 14 more of letters, digits, ``.``, ``-``, ``^``, ``=`` (``BRK.B``, ``BF-B``,
``ES=F``); no ``..``, no ``/``, no spaces. A name such as ``../../etc`` is refused before it can reach a
price source's URL or a file name.
"""

from __future__ import annotations

import re

TICKER_RE = re.compile(r"^[A-Z0-9][A-Z0-9.\-^=]{0,14}$")
TICKER_RULE = "letters and digits, with '.', '-', '^' or '=' inside, at most 15 characters"


def normalize_ticker(text: str) -> str:
    """``" iwm "`` -> ``"IWM"`` (no check; see :func:`is_ticker`)."""
    return text.strip().upper()


def is_ticker(text: str) -> bool:
    """True when ``text`` (already normalized or not) is shaped like a ticker symbol."""
    t = normalize_ticker(text)
    return bool(TICKER_RE.match(t)) and ".." not in t
