"""The trade file: a generic order-upload CSV that a custodian's bulk-trade screen accepts.

One row per order: ``account,side,symbol,quantity,order_type`` (side BUY or SELL, quantity in shares,
market orders). Sells come first, so that their proceeds are there when the buys are placed. Written
atomically (a temporary file, then a rename): a failed write leaves no half file.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from engine.io.atomic import write_atomic

HEADER = ("account", "side", "symbol", "quantity", "order_type")


def quantity_text(shares: float) -> str:
    """Whole shares as integers; fractional shares with up to 6 decimals, no trailing zeros."""
    if abs(shares - round(shares)) < 1e-9:
        return str(round(shares))
    return f"{shares:.6f}".rstrip("0").rstrip(".")


def order_rows(account: str, trades: list[dict[str, Any]]) -> list[tuple[str, str, str, str, str]]:
    ordered = sorted(trades, key=lambda tr: (tr["side"] != "sell", tr["ticker"]))
    return [
        (account, str(tr["side"]).upper(), str(tr["ticker"]), quantity_text(float(tr["shares"])), "MARKET")
        for tr in ordered
        if float(tr["shares"]) > 0
    ]


def orders_csv(account: str, trades: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(HEADER)
    w.writerows(order_rows(account, trades))
    return buf.getvalue()


def write_orders(path: str | Path, account: str, trades: list[dict[str, Any]]) -> Path:
    return write_atomic(Path(path), orders_csv(account, trades))


def per_account_paths(target: str | Path, account_ids: list[str]) -> list[Path]:
    """Where each account's trade file goes: ``target`` itself for one account; for several,
    ``target``'s name plus the account id (``orders.csv`` → ``orders-joint.csv``, ``orders-ira.csv``)."""
    t = Path(target)
    if len(account_ids) <= 1:
        return [t]
    safe = [re.sub(r"[^A-Za-z0-9_.-]+", "_", a).strip("._") or "account" for a in account_ids]
    seen: dict[str, int] = {}
    out = []
    for s in safe:
        seen[s] = seen.get(s, 0) + 1
        tag = s if seen[s] == 1 else f"{s}-{seen[s]}"
        out.append(t.with_name(f"{t.stem}-{tag}{t.suffix or '.csv'}"))
    return out
