"""The proposal workbook (xlsxwriter, BSD): the tables of a client proposal, ready to filter and print.

Sheets: Summary (client, account, status, the figures before and after, assumptions, disclaimer),
Allocation (sleeves and tickers: before / target / after), Trades (with the reason for each), Limits
(what shapes the answer, or why nothing fits), Orders (the order-upload rows). Percentages are stored as
fractions with a percent format, money with two decimals, so the numbers stay numbers in Excel.
The file is built in memory and written all at once (engine.io.atomic): a failed write leaves no half file.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from engine.io.atomic import write_atomic
from engine.report.orders import HEADER, order_rows
from engine.report.proposal import ProposalReport
from engine.result import DISCLAIMER


def write_xlsx(report: ProposalReport, path: str | Path) -> Path:
    """Build the workbook in memory, then write it all at once (engine.io.atomic)."""
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(
        buf, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False}
    )
    _Book(wb, report).write()
    wb.close()
    return write_atomic(Path(path), buf.getvalue())


class _Book:
    def __init__(self, wb: Any, report: ProposalReport) -> None:
        self.wb = wb
        self.r = report
        self.res = report.result
        self.bold = wb.add_format({"bold": True})
        self.title = wb.add_format({"bold": True, "font_size": 14})
        self.head = wb.add_format({"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"})
        self.pct = wb.add_format({"num_format": "0.00%"})
        self.money = wb.add_format({"num_format": "#,##0.00"})
        self.shares = wb.add_format({"num_format": "#,##0.######"})
        self.wrap = wb.add_format({"text_wrap": True, "valign": "top"})

    def write(self) -> None:
        self.summary()
        self.allocation()
        self.trades()
        self.limits()
        self.orders()

    def _table(self, ws: Any, row: int, header: list[str], rows: list[list[Any]], formats: list[Any]) -> int:
        ws.write_row(row, 0, header, self.head)
        for i, values in enumerate(rows, start=row + 1):
            for j, v in enumerate(values):
                if v is None:
                    continue
                ws.write(i, j, v, formats[j]) if formats[j] is not None else ws.write(i, j, v)
        if rows:
            ws.autofilter(row, 0, row + len(rows), len(header) - 1)
        return row + len(rows) + 2

    def summary(self) -> None:
        ws = self.wb.add_worksheet("Summary")
        ws.set_column(0, 0, 30)
        ws.set_column(1, 3, 18)
        r, res, a = self.r, self.res, self.res.get("assumptions", {})
        ws.write(0, 0, f"Rebalancing proposal {r.proposal_id}: {r.client}", self.title)
        facts: list[tuple[str, Any, Any]] = [
            ("Client", r.client, None),
            ("Household", r.household, None),
            (
                "Accounts" if len(r.account_trades) > 1 else "Account",
                ", ".join(f"{acc.name} ({acc.kind})" for acc in r.account_trades),
                None,
            ),
            ("Scenario", res.get("scenario_name", ""), None),
            ("Proposal status", r.status + (f": {r.note}" if r.note else ""), None),
            ("Result", res.get("status", ""), None),
            ("Made by", f"{r.created_by}, {r.created_at:%Y-%m-%d %H:%M}", None),
            ("Inputs (scenario SHA-256)", r.scenario_hash, None),
        ]
        row = 2
        for label, value, fmt in facts:
            ws.write(row, 0, label, self.bold)
            ws.write(row, 1, value, fmt) if fmt else ws.write(row, 1, value)
            row += 1
        row += 1
        ws.write_row(row, 0, ["", "Before", "After", "Target / limit"], self.head)
        figures = [
            ("Portfolio value", res.get("total_value"), None, None, self.money),
            ("Cash", res.get("cash_before"), res.get("cash_after"), None, self.money),
            (
                "Volatility (annualized)",
                res.get("vol_before"),
                res.get("vol_after"),
                res.get("vol_cap"),
                self.pct,
            ),
            (
                "Tracking error to targets",
                res.get("tracking_error_before"),
                res.get("tracking_error_after"),
                None,
                self.pct,
            ),
            ("Turnover", None, res.get("turnover"), None, self.pct),
            ("Estimated trading cost", None, res.get("total_cost"), None, self.money),
            ("Trades", None, sum(len(acc.trades) for acc in r.account_trades), None, None),
        ]
        for label, before, after, limit, fmt in figures:
            row += 1
            ws.write(row, 0, label, self.bold)
            for col, v in ((1, before), (2, after), (3, limit)):
                if v is not None:
                    ws.write(row, col, v, fmt) if fmt else ws.write(row, col, v)
        held = [(acc, h) for acc in res.get("accounts") or () for h in acc.get("held") or ()]
        if held:  # what the accounts hold but do not rebalance: in no value, weight or total above
            row += 2
            ws.write(row, 0, "Held, not rebalanced (never traded, in no value, weight or total)", self.bold)
            row += 1
            ws.write_row(row, 0, ["Account", "Symbol", "Market value", "Currency", "Why"], self.head)
            for acc, h in held:
                row += 1
                ws.write(row, 0, str(acc.get("name") or acc.get("id")))
                ws.write(row, 1, str(h.get("symbol", "")))
                ws.write(row, 2, float(h.get("value") or 0.0), self.money)
                ws.write(row, 3, str(h.get("currency") or "USD"))
                ws.write(row, 4, str(h.get("why") or ""))
        row += 2
        ws.write(row, 0, "Assumptions", self.bold)
        for label, key in (
            ("Prices", "price_source"),
            ("Price date", "price_date"),
            ("Risk window", "risk_window"),
            ("Risk estimator", "estimator"),
        ):
            row += 1
            ws.write(row, 0, label)
            ws.write(row, 1, str(a.get(key) or "-"))
        for note in (*a.get("notes", []), *res.get("messages", [])):
            row += 1
            ws.write(row, 0, str(note))
        row += 2
        ws.write(row, 0, DISCLAIMER, self.bold)

    def allocation(self) -> None:
        ws = self.wb.add_worksheet("Allocation")
        ws.set_column(0, 1, 16)
        ws.set_column(2, 7, 13)
        head = ["Sleeve", "Role", "Before", "Target", "After", "Drift", "Outside band"]
        rows = [
            [
                s["name"],
                s["role"],
                s["weight_before"],
                s["weight_target"],
                s["weight_after"],
                s["drift"],
                "yes" if s["outside_band"] else "",
            ]
            for s in self.res.get("sleeves", [])
        ]
        p = self.pct
        row = self._table(ws, 0, head, rows, [None, None, p, p, p, p, None])
        head = [
            "Ticker",
            "Sleeve",
            "Price",
            "Shares before",
            "Shares after",
            "Before",
            "Target",
            "After",
            "Drift",
        ]
        rows = [
            [
                x["ticker"],
                x["sleeve"],
                x["price"],
                x["shares_before"],
                x["shares_after"],
                x["weight_before"],
                x["weight_target"],
                x["weight_after"],
                x["drift"],
            ]
            for x in self.res.get("assets", [])
        ]
        self._table(ws, row, head, rows, [None, None, self.money, self.shares, self.shares, p, p, p, p])

    def trades(self) -> None:
        ws = self.wb.add_worksheet("Trades")
        ws.set_column(0, 6, 12)
        ws.set_column(7, 7, 80)
        head = ["Account", "Side", "Ticker", "Shares", "Price", "Amount", "Cost", "Why"]
        rows = [  # per account: a household's orders go to each of its accounts
            [a.name, t["side"], t["ticker"], t["shares"], t["price"], t["amount"], t["cost"], t["reason"]]
            for a in self.r.account_trades
            for t in a.trades
        ]
        m = self.money
        self._table(ws, 0, head, rows, [None, None, None, self.shares, m, m, m, self.wrap])

    def limits(self) -> None:
        ws = self.wb.add_worksheet("Limits")
        ws.set_column(0, 0, 24)
        ws.set_column(1, 1, 100)
        rows = [[b["constraint"], b["message"]] for b in self.res.get("binding", [])]
        inf = self.res.get("infeasibility")
        if inf:
            rows.insert(
                0, ["cannot be met: " + ", ".join(inf.get("conflicting", [])), inf.get("message", "")]
            )
        if not rows:
            rows = [["-", "no limit shapes this answer"]]
        self._table(ws, 0, ["Limit", "What it does"], rows, [None, self.wrap])

    def orders(self) -> None:
        ws = self.wb.add_worksheet("Orders")
        ws.set_column(0, 4, 14)
        rows = [
            [a, s, sym, float(q), o]
            for acc in self.r.account_trades
            for a, s, sym, q, o in order_rows(acc.id, acc.trades)
        ]
        self._table(ws, 0, list(HEADER), rows, [None, None, None, self.shares, None])
