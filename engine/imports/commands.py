"""``coresat import FILE [--into SCENARIO] [--json] [--with-prices]``: read a broker statement, show what
it holds; with ``--into`` put it into the scenario's household, one account per statement account
(written atomically, only after the file was read and the new scenario checked; a lots file adds lots to
the positions the scenario holds)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("import", help="read a broker statement (CSV, OFX/QFX, IBKR Flex XML)")
    p.add_argument("file", help="statement file: Schwab/Fidelity/Vanguard CSV, OFX/QFX, Flex XML, plain CSV")
    p.add_argument(
        "--into",
        metavar="SCENARIO",
        help="put each account's positions, cash and lots into this scenario file's household",
    )
    p.add_argument("--json", action="store_true", help="print the statement (and changes) as JSON")
    p.add_argument(
        "--with-prices",
        action="store_true",
        help="keep the statement's prices as your own prices (default: market prices are used)",
    )


def run(args: argparse.Namespace) -> int:
    from engine.imports.detect import read_file
    from engine.imports.into_household import apply_to_household
    from engine.imports.preview import describe, to_json

    statement = read_file(args.file)
    changes = None
    written = None
    if args.into:
        from engine.model import scenario_file, scenario_write

        target = Path(args.into)
        scenario = scenario_file.load(target)
        new_scenario, changes = apply_to_household(statement, scenario, with_prices=args.with_prices)
        scenario_write.save(new_scenario, target)
        written = str(target)
    if args.json:
        print(json.dumps(to_json(statement, changes, written), indent=1))
        return 0
    print("\n".join(describe(statement)))
    if changes is not None:
        print(f"\n{written}: updated")
        print("\n".join(f"  {line}" for line in changes.lines()))
    return 0
