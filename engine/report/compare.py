"""Two or more results side by side ("70/30 vs 60/40", "this quarter vs last"): weights, trades,
volatility, tracking error, cost, and for households what is known about taxes (realized gains in
taxable accounts, sales whose basis is unknown, the taxable-sale placeholder). Qt-free; works on the result document (``RebalanceResult.to_dict()``
or a proposal's stored result JSON), so stored proposals and fresh solves compare alike.

    c = compare([("70/30", r1.to_dict()), ("60/40", r2.to_dict())])
    print(as_text(c))
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from engine.errors import CoresatError

Doc = Mapping[str, Any]


@dataclass(frozen=True)
class Line:
    section: str  # "Summary", "Sleeve weight after", "Weight after", "Trade (shares)"
    name: str  # "Volatility after", a sleeve name or a ticker
    unit: str  # "fraction" (shown as %), "money", "shares", "count"
    values: tuple[float | None, ...]  # one per compared item; None: not in that item

    @property
    def differs(self) -> bool:
        known = [v for v in self.values if v is not None]
        if not known:
            return False
        return len(known) != len(self.values) or max(known) - min(known) > 1e-9


@dataclass(frozen=True)
class Comparison:
    labels: tuple[str, ...]
    statuses: tuple[str, ...]
    lines: tuple[Line, ...]

    def section(self, name: str) -> list[Line]:
        return [ln for ln in self.lines if ln.section == name]

    def value(self, section: str, name: str) -> tuple[float | None, ...]:
        for ln in self.lines:
            if ln.section == section and ln.name == name:
                return ln.values
        raise KeyError(f"{section}: {name}")


SUMMARY = "Summary"
SLEEVES = "Sleeve weight after"
TARGETS = "Target weight"
WEIGHTS = "Weight after"
TRADES = "Trade (shares, + buy / - sell)"

_SUMMARY: tuple[tuple[str, str, str], ...] = (
    ("Portfolio value", "total_value", "money"),
    ("Volatility before", "vol_before", "fraction"),
    ("Volatility after", "vol_after", "fraction"),
    ("Volatility cap", "vol_cap", "fraction"),
    ("Tracking error before", "tracking_error_before", "fraction"),
    ("Tracking error after", "tracking_error_after", "fraction"),
    ("Turnover", "turnover", "fraction"),
    ("Estimated cost", "total_cost", "money"),
    ("Cash after", "cash_after", "money"),
)


def _num(v: Any) -> float | None:
    return None if v is None else float(v)


def compare(items: Sequence[tuple[str, Doc]]) -> Comparison:
    """Line up ``items`` (label, result document). Tickers and sleeves are the union, in the order
    first met; a value an item lacks is None (for trades: 0 when the item holds the ticker)."""
    if len(items) < 2:
        raise CoresatError("a comparison needs two or more results")
    docs = [d for _, d in items]
    lines: list[Line] = []
    for name, key, unit in _SUMMARY:
        lines.append(Line(SUMMARY, name, unit, tuple(_num(d.get(key)) for d in docs)))
    lines.append(Line(SUMMARY, "Trades", "count", tuple(float(len(_orders(d))) for d in docs)))
    if any(d.get("accounts") for d in docs):  # taxes are known only per account (households)
        lines += _tax_lines(docs)
    sleeves = _union(d.get("sleeves", []) for d in docs)
    for s in sleeves:
        lines.append(
            Line(SLEEVES, s, "fraction", tuple(_field(d, "sleeves", "name", s, "weight_after") for d in docs))
        )
    tickers = _union(d.get("assets", []) for d in docs)
    for tk in tickers:
        lines.append(
            Line(
                TARGETS,
                tk,
                "fraction",
                tuple(_field(d, "assets", "ticker", tk, "weight_target") for d in docs),
            )
        )
    for tk in tickers:
        lines.append(
            Line(
                WEIGHTS,
                tk,
                "fraction",
                tuple(_field(d, "assets", "ticker", tk, "weight_after") for d in docs),
            )
        )
    for tk in tickers:
        lines.append(Line(TRADES, tk, "shares", tuple(_signed_shares(d, tk) for d in docs)))
    return Comparison(
        tuple(label for label, _ in items), tuple(str(d.get("status", "")) for d in docs), tuple(lines)
    )


GAIN = "Realized gain, taxable accounts"
TAX = "Estimated tax on the sales"
UNKNOWN_BASIS = "Taxable sales, basis unknown"
TAX_PLACEHOLDER = "Taxable-sale placeholder (not a tax)"


def _tax_lines(docs: Sequence[Doc]) -> list[Line]:
    """What a household result knows about taxes, from its account trades: the gain its sales in taxable
    accounts realize (at average cost, lots known), how many such sales have no lots (gain unknown), and
    the placeholder cost the optimizer charged for taxable sales, and the estimated tax of the sales (lot by
    lot at the policy's rates, stored with the result with their tax year). None for an item without
    accounts (a one-account result: taxes unknown) or without the tax figures (an older proposal)."""
    gains: list[float | None] = []
    taxes: list[float | None] = []
    unknown: list[float | None] = []
    placeholder: list[float | None] = []
    for d in docs:
        if not d.get("accounts"):
            gains.append(None)
            taxes.append(None)
            unknown.append(None)
            placeholder.append(None)
            continue
        trades = [tr for a in d["accounts"] for tr in a.get("trades", [])]
        gains.append(sum(float(tr["realized_gain"]) for tr in trades if tr.get("realized_gain") is not None))
        tax = d.get("tax_estimate")
        taxes.append(float(tax) if isinstance(tax, int | float) else None)
        taxable = {str(a.get("id")) for a in d["accounts"] if a.get("kind") == "taxable"}
        unknown.append(
            float(
                sum(
                    1
                    for tr in trades
                    if tr.get("side") == "sell"
                    and str(tr.get("account_id")) in taxable
                    and not tr.get("basis_known", True)
                )
            )
        )
        placeholder.append(sum(float(tr.get("tax_placeholder", 0.0)) for tr in trades))
    return [
        Line(SUMMARY, GAIN, "money", tuple(gains)),
        Line(SUMMARY, TAX, "money", tuple(taxes)),
        Line(SUMMARY, UNKNOWN_BASIS, "count", tuple(unknown)),
        Line(SUMMARY, TAX_PLACEHOLDER, "money", tuple(placeholder)),
    ]


def _union(groups: Any) -> list[str]:
    out: dict[str, None] = {}
    for rows in groups:
        for r in rows:
            out.setdefault(str(r.get("ticker", r.get("name", ""))), None)
    return list(out)


def _field(d: Doc, table: str, key: str, name: str, value: str) -> float | None:
    for r in d.get(table, []):
        if str(r.get(key)) == name:
            return _num(r.get(value))
    return None


def _orders(d: Doc) -> list[Any]:
    """The trades that will be placed: a household's account trades, else the result's trades."""
    if d.get("accounts"):
        return [tr for a in d["accounts"] for tr in a.get("trades", [])]
    return list(d.get("trades", []))


def _signed_shares(d: Doc, ticker: str) -> float | None:
    held = any(str(a.get("ticker")) == ticker for a in d.get("assets", []))
    total = 0.0
    seen = False
    for tr in _orders(d):
        if str(tr.get("ticker")) == ticker:
            seen = True
            total += float(tr["shares"]) * (1.0 if tr.get("side") == "buy" else -1.0)
    return total if seen or held else None


def cell_text(unit: str, v: float | None) -> str:
    """Plain text for a value (the CLI's table; the GUI formats with the user's locale)."""
    if v is None:
        return "-"
    if unit == "fraction":
        return f"{100 * v:.2f} %"
    if unit == "money":
        return f"{v:,.2f}"
    if unit == "shares":
        return f"{v:+,.6g}" if v else "0"
    return f"{v:.0f}"


def as_text(c: Comparison, *, only_differences: bool = False) -> str:
    rows = [["", *c.labels], ["Result", *c.statuses]]
    section = ""
    for ln in c.lines:
        if only_differences and not ln.differs:
            continue
        if ln.section != section:
            section = ln.section
            rows.append([f"[{section}]", *([""] * len(c.labels))])
        rows.append([ln.name, *(cell_text(ln.unit, v) for v in ln.values)])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(
            cell.ljust(widths[0]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(r)
        ).rstrip()
        for r in rows
    )
