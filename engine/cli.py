"""Headless command line: ``coresat rebalance SCENARIO [--json]`` and ``coresat --version``.

Bad input ends with a non-zero exit and one line saying what is wrong; never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from engine import __version__
from engine.errors import CoresatError

# Commands that live in their own module: name -> module with ``add_parser(sub)`` and ``run(args) -> int``.
# One line per feature; a module may register several names (its add_parser adds each of them).
COMMAND_MODULES: dict[str, str] = {
    "prices": "engine.data.commands",
    "exposure": "engine.risk.exposure_commands",
    "book": "engine.book.commands",
    "batch": "engine.batch.commands",
    "report": "engine.report.commands",
    "compare": "engine.report.compare_commands",
    "backtest": "engine.backtest.commands",
    "stress": "engine.backtest.commands",
    "import": "engine.imports.commands",
}

HEADLESS_COMMANDS = frozenset({"rebalance", "examples", *COMMAND_MODULES})

EXIT_OK = 0
EXIT_INFEASIBLE = 3
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 1
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl+C


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="coresat",
        description="Core/satellite small-cap rebalancing under a volatility limit. "
        "Run without a command to open the desktop app.",
    )
    p.add_argument("--version", action="version", version=f"coresat {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    rb = sub.add_parser("rebalance", help="compute the trades for a scenario file")
    rb.add_argument("scenario", help="scenario file (.coresat.toml)")
    rb.add_argument("--json", action="store_true", help="print the whole result as JSON")
    rb.add_argument(
        "--demo",
        action="store_true",
        help="use the bundled simulated demo data even if a price store exists",
    )
    rb.add_argument(
        "--orders",
        metavar="FILE",
        help="a household: also write its order-upload CSVs, one per account that trades (FILE's name plus "
        "the account's id; engine/report/orders.py)",
    )
    sub.add_parser("examples", help="list the bundled example scenarios")
    for module in dict.fromkeys(COMMAND_MODULES.values()):
        importlib.import_module(module).add_parser(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    except KeyboardInterrupt:
        print("coresat: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    try:
        if args.command == "rebalance":
            return _rebalance(args.scenario, as_json=args.json, demo=args.demo, orders=args.orders)
        if args.command == "examples":
            from engine import resources

            for name in resources.examples():
                print(name)
            return EXIT_OK
        if args.command in COMMAND_MODULES:
            code: int = importlib.import_module(COMMAND_MODULES[args.command]).run(args)
            return code
    except CoresatError as exc:
        print(f"coresat: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("coresat: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except MemoryError:
        print("coresat: not enough memory for this problem; use fewer tickers", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # a bug: still one line, and the exit code says it is not the user's input
        print(
            f"coresat: internal error ({type(exc).__name__}: {str(exc)[:200]}); please report it",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    _parser().print_help()
    return EXIT_OK


def _rebalance(path: str, *, as_json: bool, demo: bool, orders: str | None = None) -> int:
    from engine import api
    from engine.model import scenario_file
    from engine.report_text import format_result
    from engine.result import Status

    scenario = scenario_file.load(path)
    if orders and scenario.household is None:
        raise CoresatError(
            "--orders writes a household's per-account orders, and this scenario has no accounts: "
            "drop --orders and read the trades printed (or --json), or give the file a [household] with "
            "its accounts (README, Households)"
        )
    if scenario.household is not None:  # several accounts: trades per account (engine.household_text)
        from engine.household_text import format_household
        from engine.report.orders import write_household_orders

        hr = api.rebalance_household(scenario, api.resolve_market(scenario, force_demo=demo))
        print(hr.to_json() if as_json else format_household(hr))
        if orders and hr.status is not Status.INFEASIBLE:
            for written in write_household_orders(orders, hr):  # all or nothing (SaveError: one line)
                print(f"wrote {written}", file=sys.stderr)
        return EXIT_INFEASIBLE if hr.status is Status.INFEASIBLE else EXIT_OK
    result = api.rebalance_file(path, force_demo=demo)
    print(result.to_json() if as_json else format_result(result))
    return EXIT_INFEASIBLE if result.status is Status.INFEASIBLE else EXIT_OK


if __name__ == "__main__":  # python -m engine.cli ... (the installed command is gui.launch)
    sys.exit(main())
