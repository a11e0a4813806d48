"""What kind of security a statement line is: ETF/stock (rebalanced), money market (counted as cash),
or something held but not rebalanced (option, bond, mutual fund, other)."""

from __future__ import annotations

import re

from engine.imports.statement import AssetType

CASH = None  # classify() returns None for a cash-like line (money-market sweep, bank deposit)

_OPTION = re.compile(r"^-?[A-Z]{1,6}\d{6}[CP]\d|\s\d{2}/\d{2}/\d{4}\s+[\d.]+\s+[CP]$")
_CUSIP = re.compile(r"^[0-9]{3}[0-9A-Z]{5}[0-9]$")
_MUTUAL_FUND = re.compile(r"^[A-Z]{4}X$")  # US fund tickers: five letters ending in X


def classify(symbol: str, description: str = "", type_text: str = "") -> AssetType | None:
    t = type_text.lower()
    d = description.upper()
    if t:
        if "money market" in t or t.strip() in ("cash", "cash and money market"):
            return CASH
        if "option" in t:
            return AssetType.OPTION
        if "fixed income" in t or "bond" in t or t.strip() in ("cd", "debt"):
            return AssetType.BOND
        if "mutual fund" in t or t.strip() in ("mf", "fund"):
            return AssetType.MUTUAL_FUND if not money_market(symbol, d) else CASH
        if "etf" in t or "exchange traded" in t:
            return AssetType.ETF
        if "equity" in t or "stock" in t or t.strip() in ("stk", "common"):
            return AssetType.STOCK
    if money_market(symbol, d):
        return CASH
    s = symbol.strip().upper()
    if _OPTION.search(s) or " CALL " in f" {d} " or " PUT " in f" {d} ":
        return AssetType.OPTION
    if _CUSIP.match(s):
        return AssetType.BOND
    if _MUTUAL_FUND.match(s) and " ETF" not in f" {d}":
        return AssetType.MUTUAL_FUND
    if " ETF" in f" {d}" or "ISHARES" in d or "SPDR" in d:
        return AssetType.ETF
    if t:
        return AssetType.OTHER
    return AssetType.ETF_OR_STOCK


def money_market(symbol: str, description_upper: str) -> bool:
    return (
        symbol.strip().endswith("**")
        or "MONEY MARKET" in description_upper
        or "MONEY MKT" in description_upper
        or "FDIC INSURED DEPOSIT" in description_upper
        or "SWEEP" in description_upper
    )


def clean_symbol(symbol: str) -> str:
    return symbol.strip().rstrip("*").strip().upper()
