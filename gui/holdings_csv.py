"""The holdings CSV reader lives in the engine (:mod:`engine.io.holdings_csv`); re-exported for the GUI."""

from engine.io.holdings_csv import (
    MAX_BYTES,
    TICKER_RE,
    HoldingsCsvError,
    ParsedHoldings,
    parse_file,
    parse_text,
    valid_ticker,
)

__all__ = [
    "MAX_BYTES",
    "TICKER_RE",
    "HoldingsCsvError",
    "ParsedHoldings",
    "parse_file",
    "parse_text",
    "valid_ticker",
]
