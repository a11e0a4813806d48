"""``coresat prices ...``: look at, fill and update the local price store from the command line.

- ``coresat prices status``: stored tickers, their first and last day (how stale), source;
- ``coresat prices import FILE [FILE ...] [--ticker T]``: read CSV price files into the store and say
  which layout and column were used and what the data checks found;
- ``coresat prices update TICKER ... | --scenario FILE``: fetch the missing days from Yahoo (network);
- ``coresat prices reset``: move a damaged store aside (kept as a backup); refused for a healthy one.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING

from engine.errors import DataError

if TYPE_CHECKING:
    from engine.data.store import PriceStore


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("prices", help="show, import or update the local price store")
    ps = p.add_subparsers(dest="prices_command", metavar="ACTION")
    ps.add_parser("status", help="stored tickers, first and last day, source")
    imp = ps.add_parser("import", help="import CSV price files (Yahoo, yfinance, EODHD or Date,Close layout)")
    imp.add_argument("files", nargs="+", help="CSV price files")
    imp.add_argument("--ticker", help="ticker of a one-ticker file whose name is not the ticker")
    up = ps.add_parser("update", help="fetch missing days from Yahoo (needs a network)")
    up.add_argument("tickers", nargs="*", help="tickers to update (default: every stored ticker)")
    up.add_argument("--scenario", help="update the tickers of this scenario file")
    ps.add_parser("reset", help="move a damaged price store aside (kept as a backup) and start an empty one")


def run(args: argparse.Namespace, store: PriceStore | None = None) -> int:
    """Run a ``prices`` action; returns the exit code (DataError propagates to the CLI's handler)."""
    from engine.data.store import PriceStore

    store = store if store is not None else PriceStore()
    action = getattr(args, "prices_command", None) or "status"
    if action == "status":
        return _status(store)
    if action == "reset":
        return _reset(store)
    if action == "import":
        if args.ticker and len(args.files) > 1:
            raise DataError("--ticker works with one file only; import the files one by one")
        for pf in store.import_csvs(args.files, ticker=args.ticker):  # all files, or none
            print(f"{pf.ticker}: {len(pf.prices)} prices {pf.first_day:%Y-%m-%d} .. {pf.last_day:%Y-%m-%d}")
            for note in pf.notes:
                print(f"  {note}")
        return 0
    tickers = list(args.tickers)
    if args.scenario:
        from engine.model import scenario_file

        tickers += list(scenario_file.load(args.scenario).universe)
    tickers = list(dict.fromkeys(t.upper() for t in tickers)) or list(store.tickers())
    if not tickers:
        raise DataError("no tickers to update: name them, give --scenario FILE, or import prices first")
    from engine.data.yahoo import YahooSource

    report = store.update(YahooSource(), tickers, progress=lambda m, f: print(f"  {m}", file=sys.stderr))
    print(
        f"updated {len(report.updated)}, already current {len(report.unchanged)}, "
        f"fetched again (re-adjusted) {len(report.refetched)}"
    )
    for t, why in report.failed.items():
        print(f"{t}: not updated: {why}")
    return 0 if not report.failed else 2


def _reset(store: PriceStore) -> int:
    """Reset only a store that is really damaged; a busy, read-only or newer store is left alone."""
    from engine.data.store_errors import StoreError

    try:
        store.tickers()
        store.load(list(store.tickers()))
    except StoreError as exc:
        if not exc.can_reset:
            raise
        backup = store.reset()
        print(f"the damaged price store was moved to {backup}; an empty store starts on the next import")
        return 0
    raise DataError(f"the price store {store.path} is not damaged; nothing was changed")


def _status(store: PriceStore) -> int:
    cov = store.coverage()
    if not cov:
        print(
            f"the price store {store.path} is empty; Coresat uses the simulated demo data until you import "
            "prices (coresat prices import FILE) or update them from Yahoo"
        )
        return 0
    print(f"price store {store.path}")
    print(f"{'Ticker':8} {'First':10}  {'Last':10}  {'Days':>6}  {'Age':>5}  Source")
    today = date.today()
    for info in cov.values():
        age = (today - info.last_day).days
        print(
            f"{info.ticker:8} {info.first_day:%Y-%m-%d}  {info.last_day:%Y-%m-%d}  {info.rows:6d}  "
            f"{age:4d}d  {info.source}"
        )
    return 0
