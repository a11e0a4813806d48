"""Readable reports of a backtest and a stress test for the command line."""

from __future__ import annotations

from engine.backtest.run import BacktestReport
from engine.backtest.stress_report import StressReport


def _pct(v: float, d: int = 1) -> str:
    return f"{v * 100:.{d}f} %"


def _gain(v: float | None) -> str:
    return "not known" if v is None else f"{v:,.2f}"


ROWS = (
    ("Rebalances", lambda p: f"{p.rebalances:,}"),
    ("Trades", lambda p: f"{p.trades:,}"),
    ("Turnover / year (one-way)", lambda p: _pct(p.turnover_per_year)),
    ("Costs", lambda p: f"{p.costs:,.2f}"),
    ("Costs, bp / year", lambda p: f"{p.costs_bp_per_year:.2f}"),
    ("Realized gains, short-term", lambda p: _gain(p.realized_short_term)),
    ("Realized gains, long-term", lambda p: _gain(p.realized_long_term)),
    ("Max drift (points)", lambda p: f"{p.max_drift * 100:.1f}"),
    ("Mean drift (points)", lambda p: f"{p.mean_drift * 100:.1f}"),
    ("Realized volatility", lambda p: _pct(p.realized_vol)),
    ("Highest 1-year volatility", lambda p: _pct(p.max_rolling_vol)),
    ("Tracking error to targets", lambda p: _pct(p.tracking_error, 2)),
    ("CAGR (time-weighted)", lambda p: _pct(p.cagr, 2)),
    ("Max drawdown", lambda p: _pct(p.max_drawdown.depth)),
    ("  peak", lambda p: f"{p.max_drawdown.peak:%Y-%m-%d}"),
    ("  trough", lambda p: f"{p.max_drawdown.trough:%Y-%m-%d}"),
    (
        "  regained",
        lambda p: f"{p.max_drawdown.recovered:%Y-%m-%d}" if p.max_drawdown.recovered else "not yet",
    ),
    ("Worst month", lambda p: _pct(p.worst_month)),
    ("  in", lambda p: p.worst_month_label),
    ("End value", lambda p: f"{p.end_value:,.0f}"),
    (
        "Optimizer: no feasible trade",
        lambda p: f"{p.optimizer_failures}" if p.key.startswith("optimizer") else "—",
    ),
)


def format_backtest(r: BacktestReport) -> str:
    lines = [
        f"Coresat backtest — {r.scenario_name}",
        r.hypothetical,
        "",
        f"{r.start:%Y-%m-%d} .. {r.end:%Y-%m-%d} ({r.years:.1f} years) on {r.price_source or 'the price history'}"
        + (f"; monthly cash flow {r.monthly_flow:+,.2f}" if r.monthly_flow else "; no cash flows"),
        "",
    ]
    width = 13
    head = f"{'':<30}" + "".join(f"{p.short[:width]:>{width + 1}}" for p in r.policies)
    lines.append(head)
    for name, fn in ROWS:
        lines.append(f"{name:<30}" + "".join(f"{fn(p)[:width]:>{width + 1}}" for p in r.policies))
    cap = r.policies[0].vol_cap if r.policies else None
    lines += ["", "Volatility cap: " + (_pct(cap) if cap else "none"), ""]
    lines += [f"{p.short}: {p.label} ({p.key})" for p in r.policies]
    unknown_term = [p.short for p in r.policies if p.realized_unknown_term]
    if unknown_term:
        lines.append(
            "Realized gains of unknown term (lots without a purchase date): "
            + ", ".join(f"{p.short} {_gain(p.realized_unknown_term)}" for p in r.policies)
        )
    lines.append(f"Realized gains: {r.gains_how}.")
    notes = [f"{p.key}: {n}" for p in r.policies for n in p.notes]
    if notes:
        lines += ["", "Notes:"] + [f"- {n}" for n in notes]
    lines += ["", "Method:"] + [f"- {m}" for m in r.method]
    lines += ["", "Limits:"] + [f"- {m}" for m in r.limits]
    return "\n".join(lines)


def format_stress(r: StressReport) -> str:
    lines = [f"Coresat stress test — {r.scenario_name}", r.hypothetical, ""]
    lines.append(f"Portfolio value {r.total_value:,.2f} on {r.price_source}")
    lines += [f"Note: {n}" for n in r.notes]
    for w in r.windows:
        lines += ["", w.window.label + (" (your window)" if w.window.user else "")]
        if w.first_day is None:
            lines.append(f"  {w.note}")
            continue
        lines.append(f"  replayed {w.first_day:%Y-%m-%d} .. {w.last_day:%Y-%m-%d}")
        if w.note:
            lines.append(f"  {w.note}")
        labels = [loss.label for loss in w.losses]
        lines.append(f"  {'':<22}" + "".join(f"{x:>24}" for x in labels))
        lines.append(
            f"  {'Total':<22}"
            + "".join(f"{f'{loss.change:,.0f} ({_pct(loss.change_pct)})':>24}" for loss in w.losses)
        )
        lines.append(
            f"  {'Lowest point':<22}"
            + "".join(f"{f'{_pct(loss.trough_pct)} {loss.trough_day:%Y-%m-%d}':>24}" for loss in w.losses)
        )
        sleeves = list(dict.fromkeys(s.sleeve for loss in w.losses for s in loss.sleeves))
        for name in sleeves:
            cells = []
            for loss in w.losses:
                s = next((s for s in loss.sleeves if s.sleeve == name), None)
                cells.append(f"{s.change:,.0f} ({_pct(s.change_pct)})" if s else "—")
            lines.append(f"  {name[:22]:<22}" + "".join(f"{c:>24}" for c in cells))
    lines += ["", "Interest rates:"] + [f"- {s.message}" for s in r.rates]
    lines += ["", "Method:"] + [f"- {m}" for m in r.method]
    return "\n".join(lines)
