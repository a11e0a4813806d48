"""``coresat compare``: two or more scenario files and/or stored proposals side by side.

coresat compare 70-30.coresat.toml 60-40.coresat.toml [--demo] [--diff] [--json]
coresat compare --proposal 12 --proposal 15 [--book URL]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from engine.errors import CoresatError


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "compare", help="scenarios and/or stored proposals side by side (weights, trades, vol, TE, cost)"
    )
    p.add_argument("scenarios", nargs="*", metavar="FILE", help="scenario files (.coresat.toml)")
    p.add_argument(
        "--proposal", type=int, action="append", default=[], help="a stored proposal id (repeatable)"
    )
    p.add_argument("--book", metavar="URL", help="client book for --proposal: a file path or a database URL")
    p.add_argument("--demo", action="store_true", help="solve the files on the bundled simulated demo data")
    p.add_argument("--diff", action="store_true", help="only the lines that differ")
    p.add_argument("--json", action="store_true", help="print the comparison as JSON")


def run(args: argparse.Namespace) -> int:
    from engine.report.compare import as_text, compare

    if len(args.scenarios) + len(args.proposal) < 2:
        raise CoresatError("give two or more scenario files and/or --proposal IDs to compare")
    items: list[tuple[str, dict[str, Any]]] = []
    for path in args.scenarios:
        from engine import api
        from engine.model import scenario_file

        sc = scenario_file.load(path)
        items.append(
            (
                sc.name or Path(path).stem,
                api.rebalance(sc, api.resolve_market(sc, force_demo=args.demo)).to_dict(),
            )
        )
    if args.proposal:
        from engine.book.store import Book
        from engine.report.proposal import load

        book = Book.open(args.book, create=False)
        try:
            items += [(f"#{pid} {r.client}", r.result) for pid in args.proposal for r in [load(book, pid)]]
        finally:
            book.close()
    c = compare(items)
    if args.json:
        print(json.dumps(asdict(c), indent=2))
    else:
        print(as_text(c, only_differences=args.diff))
    return 0
