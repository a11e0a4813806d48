"""Numbers for people: percentages, money and share counts formatted with the user's QLocale."""

from __future__ import annotations

from PySide6.QtCore import QLocale

_DASH = "—"


_locale: QLocale | None = None


def locale() -> QLocale:
    """The default QLocale, built once (numbers are formatted thousands of times per second)."""
    global _locale
    if _locale is None:
        _locale = QLocale()
    return _locale


def reset_locale() -> None:
    """Call after ``QLocale.setDefault``."""
    global _locale
    _locale = None


def pct(x: float | None, decimals: int = 1, *, signed: bool = False) -> str:
    """``0.1234`` -> ``12.3 %`` (locale decimal separator)."""
    if x is None:
        return _DASH
    s = locale().toString(x * 100.0, "f", decimals)
    if signed and x * 100.0 >= 0.5 * 10**-decimals:
        s = "+" + s
    return f"{s} %"


def points(x: float | None, decimals: int = 1, *, unit: bool = True) -> str:
    """A difference of weights in percentage points, signed: ``+2.5 pts`` (``+2.5`` without unit)."""
    if x is None:
        return _DASH
    v = x * 100.0
    s = locale().toString(v, "f", decimals)
    if v >= 0.5 * 10**-decimals:
        s = "+" + s
    return f"{s} pts" if unit else s


def money(x: float | None, decimals: int = 0) -> str:
    """``12345.6`` -> ``$12,346`` with the locale's group separator."""
    if x is None:
        return _DASH
    s = locale().toString(abs(x), "f", decimals)
    return f"-${s}" if x < 0 else f"${s}"


def number(x: float | None, decimals: int = 2) -> str:
    if x is None:
        return _DASH
    return locale().toString(x, "f", decimals)


def shares(x: float | None) -> str:
    """Whole shares without decimals, fractional ones with up to four."""
    if x is None:
        return _DASH
    if abs(x - round(x)) < 1e-9:
        return locale().toString(round(x))
    return locale().toString(x, "f", 4).rstrip("0").rstrip(locale().decimalPoint())
