"""Interactive Brokers Flex Query XML: OpenPosition rows at SUMMARY and LOT level, cash from the
CashReport, the account total from EquitySummaryByReportDateInBase when the query includes it.

Read with the standard library's ElementTree after refusing any DOCTYPE (no entity expansion, so no
"billion laughs"); ibflex (MIT) would add a dependency whose strict schema rejects fields IBKR adds over
the years, and we read only a few attributes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from engine.imports.statement import (
    Account,
    AssetType,
    Lot,
    Position,
    Statement,
    StatementError,
    mask_account,
)
from engine.imports.textnum import parse_amount, parse_date

LAYOUT = "IBKR Flex Query XML"
_CATEGORY = {
    "OPT": AssetType.OPTION,
    "FOP": AssetType.OPTION,
    "BOND": AssetType.BOND,
    "FUND": AssetType.MUTUAL_FUND,
}


def looks_like(text: str) -> bool:
    head = text[:3000]
    return "<FlexQueryResponse" in head or "<FlexStatements" in head


def _f(el: ET.Element, attr: str, *, source: str) -> float | None:
    text = el.get(attr, "")
    try:
        return parse_amount(text)
    except ValueError:
        raise StatementError(
            f"<{el.tag}> {attr}={text!r} is not a number (symbol {el.get('symbol', '?')})", source=source
        ) from None


def _asset(el: ET.Element) -> AssetType:
    cat = el.get("assetCategory", "").upper()
    if cat == "STK":
        return AssetType.ETF if el.get("subCategory", "").upper() == "ETF" else AssetType.STOCK
    return _CATEGORY.get(cat, AssetType.OTHER)


def read(text: str, *, source: str = "") -> Statement:
    if "<!DOCTYPE" in text.upper() or "<!ENTITY" in text.upper():
        raise StatementError("XML with a DOCTYPE or ENTITY declaration refused", source=source)
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise StatementError(
            f"not well-formed XML ({exc.msg if hasattr(exc, 'msg') else exc})", line=line, source=source
        ) from None
    accounts: list[Account] = []
    dates = []
    for st in root.iter("FlexStatement"):
        info = st.find("AccountInformation")
        base = (info.get("currency", "") if info is not None else "") or "USD"
        as_of = parse_date(st.get("toDate", ""))
        notes: list[str] = []
        summaries: dict[str, ET.Element] = {}
        lots: dict[str, list[ET.Element]] = defaultdict(list)
        for op in st.iter("OpenPosition"):
            key = op.get("conid") or op.get("symbol") or ""
            if op.get("levelOfDetail", "SUMMARY").upper() == "LOT":
                lots[key].append(op)
            else:
                summaries.setdefault(key, op)
            as_of = parse_date(op.get("reportDate", "")) or as_of
        positions: list[Position] = []
        for key in dict.fromkeys([*summaries, *lots]):
            lot_rows = lots.get(key, [])
            summary = summaries.get(key)
            el = summary if summary is not None else lot_rows[0]
            lot_values = tuple(
                Lot(
                    quantity=_f(lo, "position", source=source) or 0.0,
                    basis_per_share=_f(lo, "costBasisPrice", source=source),
                    acquired=parse_date(lo.get("openDateTime", "")),
                )
                for lo in lot_rows
            )
            if key in summaries:
                qty = _f(el, "position", source=source) or 0.0
                mv = _f(el, "positionValue", source=source)
                basis = _f(el, "costBasisMoney", source=source)
            else:  # lots only: the position is their sum
                qty = sum(lo.quantity for lo in lot_values)
                mv = sum(_f(lo, "positionValue", source=source) or 0.0 for lo in lot_rows)
                basis = sum(_f(lo, "costBasisMoney", source=source) or 0.0 for lo in lot_rows)
            price = _f(el, "markPrice", source=source)
            currency = el.get("currency", base) or base
            if mv is None:
                mv = round(qty * (price or 0.0), 2)
            if currency != "USD":
                notes.append(f"{el.get('symbol', key)} is priced in {currency}: held, not rebalanced")
            positions.append(
                Position(
                    symbol=el.get("symbol", key).upper(),
                    quantity=qty,
                    price=price,
                    market_value=mv,
                    asset_type=_asset(el),
                    description=el.get("description", ""),
                    cost_basis=basis,
                    lots=lot_values,
                    currency=currency,
                )
            )
        cash = 0.0
        for cr in st.iter("CashReportCurrency"):
            cur = cr.get("currency", "")
            if cur == "BASE_SUMMARY" or not cur:
                continue
            ending = _f(cr, "endingCash", source=source) or 0.0
            if cur == "USD":
                cash += ending
            elif abs(ending) >= 0.005:
                notes.append(f"cash {ending:,.2f} {cur} not counted: only USD is rebalanced")
        reported = None
        if base == "USD":
            eq = list(st.iter("EquitySummaryByReportDateInBase"))
            if eq:
                reported = _f(eq[-1], "total", source=source)
        elif positions or cash:
            notes.append(f"account base currency is {base}; its total is not comparable to the USD lines")
        if reported is None:
            notes.append("the Flex query has no account total (add Net Asset Value to the query to check it)")
        kind = info.get("accountType", "") if info is not None else ""
        accounts.append(
            Account(
                number=mask_account(st.get("accountId", "")),
                name=(info.get("acctAlias", "") if info is not None else "") or kind,
                kind=kind,
                broker="Interactive Brokers",
                cash=round(cash, 6),
                positions=tuple(positions),
                statement_date=as_of,
                reported_total=reported,
                notes=tuple(notes),
                tolerance_rows=len(positions) + 1,
            )
        )
        if as_of:
            dates.append(as_of)
    if not accounts:
        raise StatementError("the Flex file holds no FlexStatement", source=source)
    return Statement(
        layout=LAYOUT, accounts=tuple(accounts), statement_date=max(dates) if dates else None, source=source
    )
