"""The CLI's readable report of a HouseholdResult: trades grouped by account, then the household."""

from __future__ import annotations

from engine.household_result import HouseholdResult
from engine.model.household import AccountKind
from engine.report_text import prices_line, shares_text
from engine.result import Status


def _pct(v: float) -> str:
    return f"{v * 100:.1f} %"


def format_household(r: HouseholdResult) -> str:
    h = r.household
    lines = [f"Coresat household rebalance — {r.household_name} ({len(r.accounts)} accounts)", ""]
    if r.status is Status.INFEASIBLE:
        why = (
            h.infeasibility.message
            if h.infeasibility is not None
            else "; ".join((*r.placement_notes, *r.check_problems))
        )
        lines += ["NO TRADES: the limits cannot all be met.", why, ""]
    elif r.status is Status.NO_TRADES_NEEDED:
        lines += ["No trades needed.", ""]
    for a in r.accounts:
        kind = AccountKind(a.kind).label
        broker = f", {a.broker}" if a.broker else ""
        flow = f", cash flow {a.cash_flow:+,.2f}" if a.cash_flow else ""
        lines.append(
            f"{a.name} ({kind}{broker}{flow}): cash {a.cash_before:,.2f} → {a.cash_after:,.2f} "
            f"(keeps ≥ {a.cash_buffer:,.2f}), value {a.value_before:,.2f}"
        )
        for held in a.held:
            why = f", {held.why}" if held.why else ""
            lines.append(
                f"  held, not rebalanced: {held.symbol} {held.value_text()}{why} (never traded, in no weight)"
            )
        if not a.trades:
            lines.append("  no trades")
        for t in a.trades:
            lines.append(
                f"  {t.side.value.upper():<5} {t.ticker:<7} {shares_text(t.shares):>8} {t.price:>10,.2f} "
                f"{t.amount:>12,.2f} {t.cost:>7,.2f}  {t.reason}"
            )
        lines.append("")
    targets = {x.ticker: x.weight_target for x in h.assets}
    lines.append(f"{'Household':<9} {'Before':>8} {'Target':>8} {'After':>8}")
    for tk in targets:
        lines.append(
            f"{tk:<9} {_pct(r.weights_before.get(tk, 0.0)):>8} {_pct(targets[tk]):>8} "
            f"{_pct(r.weights_after.get(tk, 0.0)):>8}"
        )
    lines.append(
        f"{'cash':<9} {_pct(r.weights_before.get('CASH', 0.0)):>8} {'':>8} {_pct(r.weights_after.get('CASH', 0.0)):>8}"
    )
    lines.append("")
    cap = f" (cap {_pct(h.vol_cap)})" if h.vol_cap is not None else ""
    lines.append(f"Volatility {_pct(h.vol_before)} → {_pct(r.vol_after)}{cap}")
    lines.append(f"Household cash {r.cash_before:,.2f} → {r.cash_after:,.2f}")
    if any(t.lots for t in r.trades):
        lines.append(
            f"Taxable sales: gain {r.realized_gain:+,.2f}, estimated tax {r.tax_estimate:,.2f} at "
            f"{r.short_term_rate * 100:g} % short-term / {r.long_term_rate * 100:g} % long-term "
            f"({r.tax_year} rates, lots {r.lot_method})"
        )
    lines += [f"Note: {n}" for n in r.placement_notes]
    lines += [f"CHECK FAILED: {p}" for p in r.check_problems]
    for b in h.binding:
        lines.append(f"Binding: {b.message}")
    lines.append("")
    lines.append(prices_line(h.assumptions))
    lines.append(
        f"Identity: household {r.household_id}, accounts {', '.join(r.account_ids)}, scenario sha256 "
        f"{r.scenario_hash[:16]}…, engine {r.engine_version}, result schema {r.schema_version}"
    )
    lines += ["", h.disclaimer]
    return "\n".join(lines)
