"""OFX/QFX investment statements (E*TRADE, Vanguard, Fidelity, ...): positions from INVPOSLIST, cash
from INVBAL (AVAILCASH) or INV401KBAL (CASHBAL), tickers and names from SECLIST, the account total from
the balance list ("Total Account Value", "Networth").

A small reader of our own, for both OFX 1 (SGML: leaf tags are not closed) and OFX 2 (XML). It never
expands entities: a file with a DOCTYPE or ENTITY declaration is refused. ofxparse 0.21 (MIT) reads the
four sample files too, but it pulls BeautifulSoup and lxml into the bundle and does not read the 401(k)
cash (INV401KBAL); this reader is the smaller dependency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from engine.imports.assets import CASH, classify, clean_symbol, money_market
from engine.imports.statement import Account, AssetType, Position, Statement, StatementError, mask_account
from engine.imports.textnum import parse_amount, parse_date

LAYOUT = "OFX/QFX investment statement"
MAX_DEPTH = 64  # real statements nest about 10 deep; the bound keeps closing tags cheap
_TOKEN = re.compile(r"<(/?)([A-Za-z0-9_.]+)>([^<]*)")
_TOTAL_NAMES = re.compile(r"total account value|networth|net worth|^account value|total value", re.IGNORECASE)
_POS_TYPES = {"POSSTOCK": "", "POSMF": "mutual fund", "POSOPT": "option", "POSDEBT": "bond", "POSOTHER": ""}
_BROKERS = {"etrade": "E*TRADE", "vanguard": "Vanguard", "fidelity": "Fidelity", "schwab": "Schwab"}


@dataclass(slots=True)
class Node:
    """An aggregate element: its leaf values by tag (first one wins) and its child aggregates."""

    tag: str
    fields: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)

    def find(self, path: str) -> Node | None:
        node: Node | None = self
        for part in path.split("/"):
            if node is None:
                return None
            node = next((c for c in node.children if c.tag == part), None)
        return node

    def value(self, path: str) -> str:
        head, _, leaf = path.rpartition("/")
        node = self.find(head) if head else self
        return node.fields.get(leaf, "") if node is not None else ""

    def iter(self, tag: str) -> list[Node]:
        out: list[Node] = []
        stack = [self]
        while stack:
            n = stack.pop()
            if n.tag == tag:
                out.append(n)
            stack.extend(reversed(n.children))
        return out


def looks_like(text: str) -> bool:
    head = text[:2000].lstrip().upper()
    return head.startswith("OFXHEADER") or "<OFX>" in head or "<?OFX" in head


def parse_tree(text: str, *, source: str = "") -> tuple[Node, dict[str, list[Node]]]:
    """The <OFX> element and every element by tag, in document order."""
    upper = text.upper()
    if "<!DOCTYPE" in upper or "<!ENTITY" in upper:
        raise StatementError("OFX file with a DOCTYPE or ENTITY declaration refused", source=source)
    start = upper.find("<OFX>")
    if start < 0:
        raise StatementError("no <OFX> element: not an OFX/QFX file", source=source)
    root = Node("ROOT")
    stack = [root]
    names = ["ROOT"]  # tags of the open aggregates, parallel to stack
    index: dict[str, list[Node]] = {}
    top = root
    upper_of: dict[str, str] = {}  # a file uses a few dozen tag spellings thousands of times
    for closing, raw_tag, raw_body in _TOKEN.findall(text, start):
        tag = upper_of.get(raw_tag)
        if tag is None:
            tag = upper_of[raw_tag] = raw_tag.upper()
        if closing:
            if tag in names:  # closes an aggregate (and any unclosed ones inside it)
                k = len(names) - 1 - names[::-1].index(tag)
                if k > 0:
                    del stack[k:], names[k:]
                    top = stack[-1]
            continue  # else: the optional end tag of a leaf
        body = raw_body.strip() if raw_body else raw_body
        if body:  # a leaf: <UNITS>12.5; only the three predefined entities are replaced, nothing expanded
            if "&" in body:
                body = body.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
            top.fields.setdefault(tag, body)
            continue
        if len(stack) > MAX_DEPTH:
            raise StatementError(
                f"OFX elements nested more than {MAX_DEPTH} deep: not a statement", source=source
            )
        node = Node(tag)  # an aggregate: its children follow
        top.children.append(node)
        index.setdefault(tag, []).append(node)
        stack.append(node)
        names.append(tag)
        top = node
    ofx = root.find("OFX")
    if ofx is None:
        raise StatementError("no <OFX> element: not an OFX/QFX file", source=source)
    return ofx, index


def _num(node: Node, path: str, *, source: str) -> float | None:
    text = node.fields.get(path, "") if "/" not in path else node.value(path)
    try:
        return parse_amount(text)
    except ValueError:
        raise StatementError(f"<{path}> {text!r} is not a number", source=source) from None


def read(text: str, *, source: str = "") -> Statement:
    ofx, index = parse_tree(text, source=source)
    securities: dict[str, tuple[str, str, str]] = {}  # unique id → (ticker, name, info tag)
    notes: list[str] = []
    for info_tag in ("STOCKINFO", "MFINFO", "OPTINFO", "DEBTINFO", "OTHERINFO"):
        for info in index.get(info_tag, []):
            uid = info.value("SECINFO/SECID/UNIQUEID")
            if uid in securities:
                notes.append(f"two securities share the id {uid}; the first ({securities[uid][0]}) is used")
                continue
            securities[uid] = (info.value("SECINFO/TICKER"), info.value("SECINFO/SECNAME"), info_tag)
    org = ofx.value("SIGNONMSGSRSV1/SONRS/FI/ORG")
    accounts: list[Account] = []
    dates = []
    for rs in index.get("INVSTMTRS", []):
        as_of = parse_date(rs.value("DTASOF")[:8])
        if as_of:
            dates.append(as_of)
        broker_id = rs.value("INVACCTFROM/BROKERID") or org
        broker = next((v for k, v in _BROKERS.items() if k in broker_id.lower().replace("*", "")), broker_id)
        currency = rs.value("CURDEF") or "USD"
        positions: list[Position] = []
        acct_notes: list[str] = []
        cash = 0.0
        figures = 0
        poslist = rs.find("INVPOSLIST")
        for pos in poslist.children if poslist else []:
            inv = pos.find("INVPOS")
            if inv is None or pos.tag not in _POS_TYPES:
                continue
            secid = inv.find("SECID")
            uid = secid.fields.get("UNIQUEID", "") if secid is not None else ""
            f = inv.fields
            ticker, name, _info = securities.get(uid, ("", "", ""))
            if not ticker:
                memo = f.get("MEMO", "")
                ticker = memo if re.fullmatch(r"[A-Za-z.\-]{1,6}", memo) else uid
                if ticker == uid:
                    acct_notes.append(
                        f"security {uid} has no ticker in the file; its id is used as the symbol"
                    )
            units = _num(inv, "UNITS", source=source) or 0.0
            price = _num(inv, "UNITPRICE", source=source)
            mv = _num(inv, "MKTVAL", source=source)
            if mv is None:
                mv = round(units * (price or 0.0), 2)
            if inv.value("POSTYPE").upper() == "SHORT" and units > 0:
                units, mv = -units, -abs(mv)
            figures += 1
            if pos.tag == "POSSTOCK":
                upper = name.upper()
                kind: AssetType | None = AssetType.ETF if " ETF" in f" {upper}" else AssetType.ETF_OR_STOCK
                if money_market(ticker, upper):
                    kind = CASH
            else:
                type_text = _POS_TYPES[pos.tag]
                if type_text == "mutual fund" and " ETF" in f" {name.upper()}":
                    type_text = "etf"
                kind = classify(ticker, name, type_text) if type_text else classify(ticker, name, "other")
            if kind is CASH:
                cash += mv
                acct_notes.append(f"{clean_symbol(ticker)} {mv:,.2f} (money market) counted as cash")
                continue
            positions.append(
                Position(
                    symbol=clean_symbol(ticker),
                    quantity=units,
                    price=price,
                    market_value=mv,
                    asset_type=kind,
                    description=name,
                    currency=currency,
                )
            )
        bal = rs.find("INVBAL")
        reported = None
        if bal is not None:
            cash += _num(bal, "AVAILCASH", source=source) or 0.0
            figures += 1
            for b in bal.iter("BAL"):
                if _TOTAL_NAMES.search(b.value("NAME")) and b.value("BALTYPE").upper() in ("DOLLAR", ""):
                    reported = _num(b, "VALUE", source=source)
                    break
        k401 = rs.find("INV401KBAL")
        if k401 is not None:
            cash += _num(k401, "CASHBAL", source=source) or 0.0
            figures += 1
        accounts.append(
            Account(
                number=mask_account(rs.value("INVACCTFROM/ACCTID")),
                name="401(k)" if rs.find("INV401K") is not None or k401 is not None else "",
                kind="401(k)" if rs.find("INV401K") is not None or k401 is not None else "",
                broker=broker,
                cash=round(cash, 6),
                positions=tuple(positions),
                statement_date=as_of,
                reported_total=reported,
                notes=tuple(acct_notes),
                tolerance_rows=figures,
            )
        )
    if not accounts:
        raise StatementError("the OFX file holds no investment statement (INVSTMTRS)", source=source)
    return Statement(
        layout=LAYOUT,
        accounts=tuple(accounts),
        statement_date=max(dates) if dates else None,
        source=source,
        notes=tuple(notes),
    )
