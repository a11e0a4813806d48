"""The CLI's readable report of a RebalanceResult."""

from __future__ import annotations

from engine.messages import Message, MessageId, Points, english
from engine.result import Assumptions, RebalanceResult, Status


def shares_text(shares: float) -> str:
    """A share count as a trader reads it: 12,345 (never 1.234e+04, which also dropped the last share);
    fractional holdings with up to four decimals."""
    if float(shares).is_integer():
        return f"{shares:,.0f}"
    return f"{shares:,.4f}".rstrip("0").rstrip(".")


def prices_line(asm: Assumptions) -> str:
    """ "Prices: <source>, as of <date>" — the date once ("price store as of …" already says it)."""
    day = asm.price_date
    if day is None or "as of" in asm.price_source:
        return f"Prices: {asm.price_source}"
    return f"Prices: {asm.price_source}, as of {day.isoformat()}"


def no_limit_binds(r: RebalanceResult) -> Message:
    """'No limit binds: every holding ends within … points of its target' — from the result's numbers."""
    gap = max((abs(a.weight_after - a.weight_target) for a in r.assets), default=0.0)
    return Message.of(MessageId.NO_LIMIT_BINDS, gap=Points(gap))


def _pct(v: float, d: int = 1) -> str:
    return f"{v * 100:.{d}f} %"


def format_result(r: RebalanceResult) -> str:
    lines = [f"Coresat rebalance — {r.scenario_name}", ""]
    if r.status is Status.INFEASIBLE and r.infeasibility is not None:
        lines += ["NO TRADES: the limits cannot all be met.", r.infeasibility.message, ""]
    elif r.headline is not None:
        lines += [english(r.headline), ""]
    if r.trades:
        lines.append(
            f"{'Side':<5} {'Ticker':<7} {'Shares':>10} {'Price':>10} {'Amount':>13} {'Cost':>8}  Reason"
        )
        for t in r.trades:
            lines.append(
                f"{t.side.value.upper():<5} {t.ticker:<7} {shares_text(t.shares):>10} {t.price:>10,.2f} "
                f"{t.amount:>13,.2f} {t.cost:>8,.2f}  {t.reason}"
            )
        lines.append("")
    lines.append(f"{'Ticker':<7} {'Sleeve':<16} {'Before':>8} {'Target':>8} {'After':>8} {'Drift':>8}  Band")
    for a in r.assets:
        flag = "OUT" if a.outside_band else "in"
        lines.append(
            f"{a.ticker:<7} {a.sleeve[:16]:<16} {_pct(a.weight_before):>8} {_pct(a.weight_target):>8} "
            f"{_pct(a.weight_after):>8} {a.drift * 100:>+7.1f}p  ±{a.band * 100:.1f}p {flag}"
        )
    for s in r.sleeves:
        lines.append(
            f"{'':<7} {s.name[:16]:<16} {_pct(s.weight_before):>8} {_pct(s.weight_target):>8} "
            f"{_pct(s.weight_after):>8} {s.drift * 100:>+7.1f}p  (sleeve)"
        )
    cap = f" (cap {_pct(r.vol_cap)})" if r.vol_cap is not None else ""
    lines += [
        "",
        f"Value {r.total_value:,.2f}   cash {r.cash_before:,.2f} → {r.cash_after:,.2f}",
        f"Volatility {_pct(r.vol_before)} → {_pct(r.vol_after)}{cap}; targets {_pct(r.vol_target)}",
        f"Tracking error to targets {_pct(r.tracking_error_before, 2)} → {_pct(r.tracking_error_after, 2)}",
        f"Turnover {_pct(r.turnover)}   estimated cost {r.total_cost:,.2f}   trades {r.n_trades}",
    ]
    if r.rounding_residual:
        lines.append(
            f"Rounding to tradable shares moved {r.rounding_residual:,.2f} away from the exact optimum"
        )
    if r.binding:
        lines.append("What limits the result:")
        lines += [f"  - {b.message}" for b in r.binding]
    elif r.status is Status.OK:
        lines.append(english(no_limit_binds(r)))
    for m in r.messages:
        lines.append(m)
    if r.sector_exposures:
        lines.append("Sectors through the funds (before → target → after):")
        lines += [
            f"  {s.sector[:30]:<30} {_pct(s.before):>7} → {_pct(s.target):>7} → {_pct(s.after):>7}"
            for s in r.sector_exposures
        ]
    asm = r.assumptions
    lines += [
        "",
        prices_line(asm),
        f"Risk: {asm.estimator}, {asm.risk_window}",
        *[f"Note: {n}" for n in asm.notes],
        "",
        r.disclaimer,
    ]
    return "\n".join(lines)
