"""The trade file: a generic order-upload CSV that a custodian's bulk-trade screen accepts.

One row per order: ``account,side,symbol,quantity,order_type`` (side BUY or SELL, quantity in shares,
market orders). A household gets one file per account: its accounts are often at different brokers, and a
custodian's bulk-trade screen takes only its own accounts, so each file goes to the broker that holds the
account (the account column stays, so files for one custodian can be joined into one upload). Sells come first, so that their proceeds are there when the buys are placed. Written
atomically (a temporary file, then a rename): a failed write leaves no half file.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.io.atomic import SaveError, write_atomic

if TYPE_CHECKING:
    from engine.household_result import HouseholdResult

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


def household_orders(r: HouseholdResult) -> list[tuple[str, list[dict[str, Any]]]]:
    """Each trading account's orders of a household result: (account id, [{side, ticker, shares}, ...])."""
    return [
        (a.id, [{"side": t.side.value, "ticker": t.ticker, "shares": t.shares} for t in a.trades])
        for a in r.accounts
        if a.trades
    ]


def household_order_paths(target: str | Path, r: HouseholdResult) -> list[tuple[str, Path]]:
    """(account id, file) for each account that trades: the files :func:`write_household_orders` writes
    (a save dialog asks before replacing these, not the base name the user typed)."""
    ids = [a.id for a in r.accounts]
    where = dict(zip(ids, per_account_paths(target, ids), strict=True))
    return [(aid, where[aid]) for aid, _ in household_orders(r)]


def write_household_orders(target: str | Path, r: HouseholdResult) -> list[Path]:
    """One order-upload file per account that trades (:func:`orders_csv`; named by :func:`per_account_paths`
    over every account, so a name does not depend on which accounts trade), each written atomically, and
    all or nothing: when one cannot be written, the files this call wrote are put back as they were and
    the SaveError says which one failed. Returns the files written."""
    where = dict(household_order_paths(target, r))
    kept: list[tuple[Path, bytes | None]] = []  # each file written so far and what it held before
    try:
        for aid, trades in household_orders(r):
            path = where[aid]
            try:
                before = path.read_bytes() if path.is_file() else None
            except OSError as exc:
                raise SaveError(
                    f"cannot save {path.name}: {exc.strerror or exc}; nothing was written"
                ) from None
            written = write_atomic(path, orders_csv(aid, trades))
            kept.append((written, before))
    except SaveError:
        for path, before in reversed(kept):
            with contextlib.suppress(OSError, SaveError):
                if before is None:
                    path.unlink()
                else:
                    write_atomic(path, before)
        raise
    return [p for p, _ in kept]
