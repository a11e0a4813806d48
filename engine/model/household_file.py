"""The ``[household]`` and ``[placement]`` tables of a version-3 scenario file.

A version-3 file holds either ``[portfolio]`` (one taxable account: the shorthand every version-1 and
version-2 file migrates to) or ``[household]`` with its accounts — not both. In a household file the
accounts carry the cash buffers and cash flows, so ``constraints.min_cash`` / ``cash_flow`` are not
written there (and are refused if given)::

    [household]
    id = "smith"
    name = "The Smiths"

    [[household.accounts]]
    id = "joint"
    name = "Joint brokerage"
    kind = "taxable"            # taxable | traditional_ira | roth_ira | 401k | hsa
    broker = "Schwab"
    cash = 1200.0
    cash_buffer = 500.0
    cash_flow = 0.0
    no_buy = []
    no_sell = []
    allowed = ["IWM", "IWN"]    # optional: the funds this account may buy (a 401(k) menu)
    held = [                    # optional: lines held but not rebalanced (never traded, in no weight)
        { symbol = "VGI007743", value = 13385.75, why = "mutual fund" },
        { symbol = "SAP", value = 1200.0, why = "priced in EUR", currency = "EUR" },  # not converted
    ]

    [[household.accounts.positions]]
    ticker = "IWM"
    shares = 120
    [[household.accounts.positions.lots]]   # optional; without lots the basis is unknown
    shares = 120
    basis = 180.5
    acquired = 2021-03-04

    [placement]
    taxable_sell_bps = 50       # placeholder cost of a sale in a taxable account (engine.model.policy)
    off_location_bps = 20
    [placement.location]
    Value = ["traditional_ira", "roth_ira"]
    [placement.tax]             # capital-gains rates for a sale of lots in a taxable account
    year = 2026                 # the tax year these rates are for (recorded in every result)
    short_term = 0.24
    long_term = 0.15
    lot_method = "specific"     # specific (lowest tax first) | hifo (highest cost first)
    avoid_wash_sales = true

Errors name the account and the field: ``accounts[2] 'Roth' cash: must be ≥ 0``.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any, Protocol

from engine.errors import ScenarioError
from engine.model.household import Account, AccountKind, HeldOutside, Household, Lot, Position
from engine.model.policy import (
    DEFAULT_OFF_LOCATION_BPS,
    DEFAULT_TAXABLE_SELL_BPS,
    LotMethod,
    Placement,
    TaxRates,
)

Doc = dict[str, Any]


class Reader(Protocol):
    """The typed field reader of :mod:`engine.model.scenario_file` (names the field on error)."""

    d: dict[str, Any]
    where: str

    def has(self, key: str) -> bool: ...
    def num(self, key: str, default: float | None = None) -> float: ...
    def opt_num(self, key: str) -> float | None: ...
    def text(self, key: str, default: str | None = None) -> str: ...
    def items(self, key: str) -> list[Any]: ...
    def table(self, key: str) -> Reader: ...
    def tickers(self, key: str) -> frozenset[str]: ...
    def choice(self, key: str, enum: Any, default: Any) -> Any: ...


def read_household(root: Reader, make: Any) -> Household:
    """``make(value, where)`` builds a Reader for a nested table (scenario_file._Reader)."""
    hr = root.table("household")
    accounts = []
    raw = hr.items("accounts")
    if not raw:
        raise ScenarioError("household.accounts", "no accounts: add at least one [[household.accounts]]")
    for i, a in enumerate(raw):
        name = a.get("name") if isinstance(a, dict) else None
        label = f"accounts[{i}] {name!r}" if isinstance(name, str) else f"accounts[{i}]"
        ar: Reader = make(a, label)
        positions = []
        for j, p in enumerate(ar.items("positions")):
            pr: Reader = make(p, f"{label} positions[{j}]")
            lots = []
            for k, lot in enumerate(pr.items("lots")):
                lr: Reader = make(lot, f"{label} positions[{j}] lots[{k}]")
                lots.append(
                    Lot(shares=lr.num("shares"), basis=lr.num("basis"), acquired=_date(lr, "acquired"))
                )
            positions.append(
                Position(
                    ticker=pr.text("ticker").strip().upper(),
                    shares=pr.num("shares"),
                    price=pr.opt_num("price"),
                    lots=tuple(lots),
                )
            )
        accounts.append(
            Account(
                id=ar.text("id", f"account-{i + 1}"),
                name=ar.text("name"),
                kind=ar.choice("kind", AccountKind, AccountKind.TAXABLE),
                broker=ar.text("broker", ""),
                cash=ar.num("cash", 0.0),
                cash_buffer=ar.num("cash_buffer", 0.0),
                cash_flow=ar.num("cash_flow", 0.0),
                positions=tuple(positions),
                no_buy=ar.tickers("no_buy"),
                no_sell=ar.tickers("no_sell"),
                allowed=ar.tickers("allowed") if ar.has("allowed") else None,
                held=tuple(_held(make(h, f"{label} held[{k}]")) for k, h in enumerate(ar.items("held"))),
            )
        )
    return Household(
        id=hr.text("id", "household"), name=hr.text("name", "Household"), accounts=tuple(accounts)
    )


def _held(r: Reader) -> HeldOutside:
    symbol = r.text("symbol").strip()
    if not symbol:
        raise ScenarioError(f"{r.where}.symbol", "is required")
    value = r.num("value")
    if not math.isfinite(value):
        raise ScenarioError(f"{r.where}.value", f"must be a number, got {value!r}")
    currency = r.text("currency", "USD").strip().upper()
    if not (len(currency) == 3 and currency.isalpha()):
        raise ScenarioError(f"{r.where}.currency", f"must be a three-letter currency code, got {currency!r}")
    return HeldOutside(symbol=symbol, value=value, why=r.text("why", "").strip(), currency=currency)


def _date(r: Reader, key: str) -> date | None:
    v = r.d.get(key)
    if v is None:
        return None
    if isinstance(v, str):
        try:
            return date.fromisoformat(v)
        except ValueError:
            pass
    elif isinstance(v, date):
        return v
    raise ScenarioError(f"{r.where} {key}", f"must be a date (YYYY-MM-DD), got {str(v)[:30]!r}")


def read_placement(root: Reader) -> Placement:
    if not root.has("placement"):
        return Placement()
    pr = root.table("placement")
    loc = pr.table("location")
    location: dict[str, frozenset[AccountKind]] = {}
    for sleeve in loc.d:
        kinds = loc.items(sleeve)
        out = set()
        for i, k in enumerate(kinds):
            try:
                out.add(AccountKind(k))
            except (ValueError, TypeError):
                allowed = ", ".join(m.value for m in AccountKind)
                raise ScenarioError(
                    f"placement.location.{sleeve}[{i}]", f"must be one of {allowed}; got {str(k)[:30]!r}"
                ) from None
        location[sleeve] = frozenset(out)
    return Placement(
        taxable_sell_bps=_bps(pr, "taxable_sell_bps", DEFAULT_TAXABLE_SELL_BPS),
        location=location,
        off_location_bps=_bps(pr, "off_location_bps", DEFAULT_OFF_LOCATION_BPS),
        tax=_tax(pr) if pr.has("tax") else TaxRates(),
    )


def _bps(r: Reader, key: str, default: float) -> float:
    v = r.num(key, default)
    if not 0 <= v <= 10_000:
        raise ScenarioError(f"{r.where}.{key}", f"must be between 0 and 10000 bps, got {v!r}")
    return v


def _tax(pr: Reader) -> TaxRates:
    tr = pr.table("tax")
    d = TaxRates()
    year = tr.num("year", d.year)
    if year != int(year) or not 1900 <= year <= 2200:
        raise ScenarioError(f"{tr.where}.year", f"must be a year such as {d.year}, got {year!r}")
    rates = {}
    for key, default in (("short_term", d.short_term), ("long_term", d.long_term)):
        v = tr.num(key, default)
        if not 0 <= v < 1:
            raise ScenarioError(f"{tr.where}.{key}", f"must be a fraction in [0, 1), e.g. 0.15; got {v!r}")
        rates[key] = v
    wash = tr.d.get("avoid_wash_sales", True)
    if not isinstance(wash, bool):
        raise ScenarioError(f"{tr.where}.avoid_wash_sales", "must be true or false")
    return TaxRates(
        year=int(year),
        short_term=rates["short_term"],
        long_term=rates["long_term"],
        lot_method=tr.choice("lot_method", LotMethod, LotMethod.SPECIFIC),
        avoid_wash_sales=wash,
    )


def household_doc(hh: Household) -> Doc:
    accounts = []
    for a in hh.accounts:
        ad: Doc = {
            "id": a.id,
            "name": a.name,
            "kind": a.kind.value,
            "broker": a.broker,
            "cash": a.cash,
            "cash_buffer": a.cash_buffer,
            "cash_flow": a.cash_flow,
            "no_buy": sorted(a.no_buy),
            "no_sell": sorted(a.no_sell),
        }
        if a.allowed is not None:
            ad["allowed"] = sorted(a.allowed)
        positions = []
        for p in a.positions:
            pd: Doc = {"ticker": p.ticker, "shares": p.shares}
            if p.price is not None:
                pd["price"] = p.price
            if p.lots:
                pd["lots"] = [
                    {"shares": lot.shares, "basis": lot.basis}
                    | ({"acquired": lot.acquired.isoformat()} if lot.acquired else {})
                    for lot in p.lots
                ]
            positions.append(pd)
        ad["positions"] = positions
        if a.held:
            ad["held"] = [
                {"symbol": h.symbol, "value": h.value, "why": h.why}
                | ({} if h.currency == "USD" else {"currency": h.currency})
                for h in a.held
            ]
        accounts.append(ad)
    return {"id": hh.id, "name": hh.name, "accounts": accounts}


def placement_doc(p: Placement) -> Doc | None:
    if p == Placement():
        return None
    out: Doc = {"taxable_sell_bps": p.taxable_sell_bps, "off_location_bps": p.off_location_bps}
    if p.location:
        out["location"] = {k: sorted(v.value for v in kinds) for k, kinds in p.location.items()}
    if p.tax != TaxRates():
        t = p.tax
        out["tax"] = {
            "year": t.year,
            "short_term": t.short_term,
            "long_term": t.long_term,
            "lot_method": t.lot_method.value,
            "avoid_wash_sales": t.avoid_wash_sales,
        }
    return out
