"""``coresat backtest FILE`` and ``coresat stress FILE`` (both with ``--json``).

- backtest: replays the scenario's rebalancing policies on the price history of its data source;
- stress: the current, target and proposed weights through past crises, and the rate view.
"""

from __future__ import annotations

import argparse
import warnings


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bt = sub.add_parser("backtest", help="replay rebalancing policies on the price history (hypothetical)")
    bt.add_argument("scenario", help="scenario file (.coresat.toml)")
    bt.add_argument("--json", action="store_true", help="print the whole report as JSON")
    bt.add_argument("--series", action="store_true", help="with --json: include the daily series")
    bt.add_argument("--demo", action="store_true", help="use the bundled simulated demo data")
    bt.add_argument(
        "--policies",
        default="default",
        help="default (one of each kind), all, or keys such as never,calendar-monthly,bands-daily,"
        "bands-monthly,daryanani,cash_flow,optimizer",
    )
    bt.add_argument(
        "--monthly-flow", type=float, default=0.0, help="contribution (+) or withdrawal (−) each month"
    )
    bt.add_argument(
        "--start",
        choices=("holdings", "targets"),
        default="holdings",
        help="start from today's mix of holdings (default) or from the targets",
    )
    st = sub.add_parser("stress", help="current, target and proposed weights through past crises")
    st.add_argument("scenario", help="scenario file (.coresat.toml)")
    st.add_argument("--json", action="store_true", help="print the whole report as JSON")
    st.add_argument("--demo", action="store_true", help="use the bundled simulated demo data")
    st.add_argument(
        "--window",
        action="append",
        default=[],
        metavar="[NAME=]START..END",
        help="add a window of your own, e.g. 'Debt ceiling=2011-07-22..2011-10-03' (repeatable)",
    )
    st.add_argument("--rates", metavar="CSV", help="a rate series (date, yield in percent), e.g. FRED DGS10")


def run(args: argparse.Namespace) -> int:
    from engine.api import resolve_market
    from engine.model import scenario_file

    scenario = scenario_file.load(args.scenario)
    scenario.validate()
    market = resolve_market(scenario, force_demo=args.demo)
    with warnings.catch_warnings():  # a solver's "inaccurate" note on one date is not the user's business
        warnings.simplefilter("ignore", UserWarning)
        if args.command == "backtest":
            return _backtest(args, scenario, market)
        return _stress(args, scenario, market)


def _backtest(args, scenario, market) -> int:  # type: ignore[no-untyped-def]
    from engine.backtest import BacktestSettings, parse_policies, run_backtest
    from engine.backtest.history import common_history
    from engine.backtest.text import format_backtest

    policies = parse_policies(args.policies)
    settings = BacktestSettings(monthly_flow=args.monthly_flow, start=args.start)
    report = run_backtest(
        scenario,
        common_history(market),
        policies,
        settings,
        price_source=market.price_source,
        current_prices=dict(market.prices),
    )
    if args.json:
        import json

        print(json.dumps(report.to_dict(with_series=args.series), indent=2))
    else:
        print(format_backtest(report))
    return 0


def _stress(args, scenario, market) -> int:  # type: ignore[no-untyped-def]
    from engine.api import rebalance
    from engine.backtest.history import full_history
    from engine.backtest.stress_report import run_stress
    from engine.backtest.text import format_stress
    from engine.risk.rates import read_rate_csv
    from engine.risk.stress import WINDOWS, parse_window

    windows = (*WINDOWS, *(parse_window(w) for w in args.window))
    rates = read_rate_csv(args.rates) if args.rates else None
    result = rebalance(scenario, market)
    report = run_stress(scenario, result, full_history(scenario, market), windows, rates)
    print(report.to_json() if args.json else format_stress(report))
    return 0
