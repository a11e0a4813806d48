"""``coresat exposure FILE [--json]``: what the portfolio holds through its funds, before / target / after.

Fund data per fund: a holdings CSV given with ``--holdings`` first, then the local cache (Yahoo data
fetched with ``--refresh``), then the bundled dated snapshot. Where each fund's figures come from, and
their date, is printed with them.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from engine.errors import DataError

if TYPE_CHECKING:
    from engine.data.fund_store import FundStore
    from engine.data.funds import FundSource
    from engine.risk.exposure_report import ExposureReport, Valuation


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("exposure", help="look through the funds: sectors, companies, overlap, P/E")
    p.add_argument("scenario", help="scenario file (.coresat.toml)")
    p.add_argument("--json", action="store_true", help="print the look-through as JSON")
    p.add_argument("--demo", action="store_true", help="use the bundled simulated demo prices")
    p.add_argument(
        "--holdings",
        action="append",
        default=[],
        metavar="CSV",
        help="fund holdings CSV (fund,symbol,weight_pct[,name,sector]); may be repeated",
    )
    p.add_argument(
        "--refresh", action="store_true", help="fetch fund data from Yahoo into the cache (network)"
    )
    p.add_argument("--top", type=int, default=15, help="number of underlying companies to list (default 15)")


def run(args: argparse.Namespace, store: FundStore | None = None, online: FundSource | None = None) -> int:
    from engine.api import rebalance_file
    from engine.data.fund_store import FundStore
    from engine.data.funds import load_funds
    from engine.result import Status
    from engine.risk.exposures import fund_tickers_for, report_for_result

    if args.top < 1:
        raise DataError("--top must be 1 or more")
    result = rebalance_file(args.scenario, force_demo=args.demo)
    store = store if store is not None else FundStore()
    wanted = fund_tickers_for([a.ticker for a in result.assets])
    if args.refresh:
        if online is None:
            from engine.data.funds_yahoo import YahooFundSource

            online = YahooFundSource()
        fetched = store.update(online, wanted)
        for t, why in fetched.failed.items():
            print(f"{t}: {why}", file=sys.stderr)
    funds = load_funds(wanted, store=store, csv_files=args.holdings)
    report = report_for_result(result, funds.funds, top=args.top)
    infeasible = result.status is Status.INFEASIBLE
    if args.json:
        doc = {
            "scenario_name": result.scenario_name,
            "result_status": result.status.value,
            **report.to_dict(),
        }
        print(json.dumps(doc, indent=2))
    else:
        text = format_report(report, result.scenario_name)
        if infeasible:
            text += (
                "\nNo trades: the limits cannot all be met (see coresat rebalance), so 'After' is 'Before'."
            )
        print(text)
    return 0


def _pct(v: float, d: int = 1) -> str:
    return f"{v * 100:{5 + d}.{d}f} %"


def _val(v: Valuation, what: str) -> str:
    x = v.pe if what == "pe" else v.pb
    return f"{x:8.1f}" if x is not None else "     n/a"


def format_report(r: ExposureReport, name: str) -> str:
    lines = [f"Coresat look-through — {name}", "Share of the whole portfolio, through the funds", ""]
    lines.append(f"{'Sector':<32} {'Before':>8} {'Target':>8} {'After':>8}")
    for s in r.sectors:
        lines.append(f"{s.sector[:32]:<32} {_pct(s.before)} {_pct(s.target)} {_pct(s.after)}")
    bench = ""
    if r.benchmark is not None and r.benchmark.pe is not None:
        bench = f"   {r.benchmark_name}: {r.benchmark.pe:.1f}"
    lines += [
        "",
        f"{'P/E (weighted harmonic)':<32} {_val(r.valuation_before, 'pe')} {_val(r.valuation_target, 'pe')} "
        f"{_val(r.valuation_after, 'pe')}{bench}",
        f"{'P/B (weighted harmonic)':<32} {_val(r.valuation_before, 'pb')} {_val(r.valuation_target, 'pb')} "
        f"{_val(r.valuation_after, 'pb')}",
    ]
    if r.companies:
        lines += ["", f"{'Largest underlying companies':<32} {'Before':>8} {'Target':>8} {'After':>8}  Via"]
        for c in r.companies:
            label = f"{c.symbol} {c.name}"[:32]
            lines.append(
                f"{label:<32} {_pct(c.before, 2)} {_pct(c.target, 2)} {_pct(c.after, 2)}  {', '.join(c.funds)}"
            )
        lines.append("(only the holdings each source lists: top holdings for most funds)")
    if r.overlaps:
        lines += ["", "Overlap between funds (share of weight both hold)"]
        for o in r.overlaps:
            bound = " at least (top holdings only)" if o.lower_bound else ""
            if o.same_index:
                bound += f"; both track the {o.same_index}, so they hold nearly the same companies"
            lines.append(
                f"  {o.fund_a}–{o.fund_b}: {o.overlap * 100:.1f} %{bound}, {o.shared} shared {'company' if o.shared == 1 else 'companies'} listed"
            )
    lines += ["", "Fund data"]
    for f in r.funds:
        er = f"{f.expense_ratio * 100:.2f} %" if f.expense_ratio is not None else "n/a"
        pe = f"{f.pe:.1f} ({f.pe_method})" if f.pe is not None else "n/a"
        lines.append(f"  {f.ticker:<6} {f.provenance}; expense ratio {er}; P/E {pe}")
        if f.missing:
            lines.append(f"         not available: {', '.join(f.missing)}")
    for t in r.no_data:
        lines.append(f"  {t:<6} no fund data (give a holdings CSV with --holdings, or --refresh from Yahoo)")
    for n in r.notes:
        lines.append(f"Note: {n}")
    for src in r.sources:
        if src not in {f.provenance for f in r.funds}:
            lines.append(f"Source: {src}")
    return "\n".join(lines)
