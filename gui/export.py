"""Export the proposed trades as CSV text (written atomically by the caller)."""

from __future__ import annotations

import csv
import io

from engine.result import RebalanceResult

COLUMNS = ("side", "ticker", "shares", "price", "amount", "estimated_cost", "reason")


def trades_csv(result: RebalanceResult) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for t in result.trades:
        w.writerow(
            [
                t.side.value,
                t.ticker,
                f"{t.shares:g}",
                f"{t.price:.4f}",
                f"{t.amount:.2f}",
                f"{t.cost:.2f}",
                t.reason,
            ]
        )
    return buf.getvalue()
