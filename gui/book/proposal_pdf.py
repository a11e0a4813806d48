"""The client proposal PDF: QTextDocument laid out on A4 or Letter pages and printed with QPdfWriter;
charts are drawn with QPainter (vector). Made from a stored proposal (engine.report.proposal), so it
reads the same years later.

    python -m gui.book.proposal_pdf 17 proposal-17.pdf [--book URL] [--page Letter]

The engine never imports Qt: ``coresat report PROPOSAL --pdf FILE`` reaches this module through the PDF
writer that the ``coresat`` command registers (gui/book/cli_pdf.py); the GUI's Export PDF… and the command
above call it directly.
"""

from __future__ import annotations

import argparse
import html
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from engine.messages.decode import message_from_dict, messages_from_list
from engine.report.proposal import ProposalReport
from engine.result import DISCLAIMER
from gui import fmt, message_texts
from gui.book.pdf_charts import BarChart, ChartObjects
from gui.engine_texts import engine_phrase, engine_text, price_source_words

DPI = 300
PAGES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 16.0
FOOTER_MM = 8.0

CSS = """
body { color: #1a1a1a; }
h1 { font-size: 16pt; margin: 0 0 2pt 0; color: #1f4e79; }
h2 { font-size: 11.5pt; margin: 12pt 0 4pt 0; color: #1f4e79; }
p { margin: 0 0 3pt 0; }
.small { font-size: 8pt; color: #555555; }
table { border-collapse: collapse; margin: 0; }
th { background-color: #e8edf3; font-weight: bold; text-align: left; padding: 2pt 4pt; }
td { padding: 2pt 4pt; border-bottom: 1px solid #dddddd; }
td.n, th.n { text-align: right; }
.warn { color: #b3261e; }
.disclaimer { font-weight: bold; border: 1px solid #888888; padding: 4pt; }
"""


def _e(v: Any) -> str:
    return html.escape(str(v))


def _f(x: Any) -> float | None:
    return None if x is None else float(x)


def _money(x: Any, decimals: int = 2) -> str:
    return fmt.money(_f(x), decimals)


def _pct(x: Any, decimals: int = 1) -> str:
    return fmt.pct(_f(x), decimals)


def _points(x: Any, decimals: int = 1) -> str:
    return fmt.points(_f(x), decimals)


def _shares(x: Any) -> str:
    return fmt.shares(_f(x))


def reason_text(trade: dict[str, Any], household_why: dict[str, Any]) -> str:
    """A stored trade's reason in the reader's language: its messages read back (a household's account
    trade: the household's reason for the ticker, then why in this account) and rendered through the
    translations; the stored English text when they cannot be read (a document of another version)."""
    stored = str(trade.get("reason", ""))
    where_doc = trade.get("where")
    why_doc = trade.get("why") or household_why.get(str(trade.get("ticker", "")))
    where = messages_from_list(where_doc) if where_doc else ()
    why = message_from_dict(why_doc) if why_doc else None
    if where is None or (why_doc and why is None) or (why is None and not where):
        return stored
    said = [message_texts.render(why)] if why is not None else []
    if where:
        said.append(message_texts.render_all(where))
    return " — ".join(said)


def _binding_text(binding: dict[str, Any]) -> str:
    """What limits the result, in the reader's language (the stored English for an unreadable message)."""
    why = message_from_dict(binding.get("why")) if binding.get("why") else None
    return message_texts.render(why) if why is not None else str(binding.get("message", ""))


def _role_label(role: str) -> str:
    return {
        "core": QCoreApplication.translate("ProposalPdf", "core"),
        "satellite": QCoreApplication.translate("ProposalPdf", "satellite"),
        "outside": QCoreApplication.translate("ProposalPdf", "outside"),
    }.get(role, role)


def _status_label(status: str) -> str:
    return {
        "draft": QCoreApplication.translate("ProposalPdf", "draft"),
        "approved": QCoreApplication.translate("ProposalPdf", "approved"),
        "rejected": QCoreApplication.translate("ProposalPdf", "rejected"),
        "executed": QCoreApplication.translate("ProposalPdf", "executed"),
    }.get(status, status)


def _table(
    head: Sequence[str], rows: Sequence[Sequence[str]], numeric: set[int], widths: Sequence[int] = ()
) -> str:
    cols = "".join(
        f"<th{' class=n' if i in numeric else ''}{f' width={widths[i]}%' if widths else ''}>{_e(h)}</th>"
        for i, h in enumerate(head)
    )
    body = "".join(
        "<tr>"
        + "".join(f"<td{' class=n' if i in numeric else ''}>{c}</td>" for i, c in enumerate(r))
        + "</tr>"
        for r in rows
    )
    # <thead> repeats the header row after a page break
    return f"<table width=100% cellspacing=0 cellpadding=2><thead><tr>{cols}</tr></thead>{body}</table>"


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("ProposalPdf", text)


class ProposalDocument:
    """The proposal as a paginated QTextDocument for one page size (``a4`` or ``letter``)."""

    def __init__(self, report: ProposalReport, page: str = "a4") -> None:
        if page.lower() not in PAGES:
            raise ValueError(f"page size {page!r}: use A4 or Letter")
        self.report = report
        self.res = report.result
        self.page_size = QPageSize(PAGES[page.lower()])
        self.layout = QPageLayout(
            self.page_size,
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
        self.doc = QTextDocument()
        self.doc.setDocumentMargin(0)
        font = QFont("DejaVu Sans")
        font.setStyleHint(QFont.StyleHint.SansSerif)
        font.setPointSizeF(9.0)
        self.doc.setDefaultFont(font)
        self.doc.setDefaultStyleSheet(CSS)
        self.charts = ChartObjects(self.doc, DPI)

    # -- content ----------------------------------------------------------------------------------

    def build(self, device: QPdfWriter) -> None:
        self.doc.documentLayout().setPaintDevice(device)
        rect = self.layout.paintRectPixels(DPI)
        footer = FOOTER_MM * DPI / 25.4
        self.doc.setPageSize(QSizeF(rect.width(), rect.height() - footer))
        cur = QTextCursor(self.doc)
        r, res = self.report, self.res
        a = res.get("assumptions", {})
        # (every translate call stands outside an f-string: pyside6-lupdate does not look inside them)
        title = QCoreApplication.translate("ProposalPdf", "Rebalancing proposal for {c}").format(c=r.client)
        status = _status_label(r.status)
        line = QCoreApplication.translate(
            "ProposalPdf", "Proposal {id} · household {h} · status: {s}"
        ).format(id=r.proposal_id, h=r.household, s=status)
        made = QCoreApplication.translate("ProposalPdf", "made by {who} on {when}").format(
            who=r.created_by, when=f"{r.created_at:%Y-%m-%d %H:%M}"
        )
        note = _e(": " + r.note) if r.note else ""
        cur.insertHtml(f"<h1>{_e(title)}</h1><p class=small>{_e(line)}{note} · {_e(made)}</p>")
        self._accounts(cur)
        self._summary(cur)
        self._allocation(cur)
        self._trades(cur)
        self._risk(cur)
        self._costs(cur)
        self._section(cur)
        heading = QCoreApplication.translate("ProposalPdf", "Assumptions")
        cur.insertHtml(
            f"<h2>{_e(heading)}</h2>"
            + _table(
                [
                    QCoreApplication.translate("ProposalPdf", "What"),
                    QCoreApplication.translate("ProposalPdf", "Value"),
                ],
                [
                    [
                        _e(QCoreApplication.translate("ProposalPdf", "Price source")),
                        _e(price_source_words(str(a["price_source"])) if a.get("price_source") else "—"),
                    ],
                    [
                        _e(QCoreApplication.translate("ProposalPdf", "Price date")),
                        _e(a.get("price_date") or "—"),
                    ],
                    [
                        _e(QCoreApplication.translate("ProposalPdf", "Risk window")),
                        _e(engine_phrase(str(a["risk_window"])) if a.get("risk_window") else "—"),
                    ],
                    [
                        _e(QCoreApplication.translate("ProposalPdf", "Risk estimator")),
                        _e(engine_phrase(str(a["estimator"])) if a.get("estimator") else "—"),
                    ],
                    [
                        _e(QCoreApplication.translate("ProposalPdf", "Risk data")),
                        _e(engine_phrase(str(a["risk_source"])) if a.get("risk_source") else "—"),
                    ],
                    [
                        _e(QCoreApplication.translate("ProposalPdf", "Inputs (scenario SHA-256)")),
                        f"<span class=small>{_e(r.scenario_hash)}</span>",
                    ],
                ],
                set(),
                (30, 70),
            )
        )
        notes = [*a.get("notes", []), *res.get("messages", [])]
        if notes:
            cur.insertHtml("".join(f"<p class=small>{_e(engine_phrase(str(n)))}</p>" for n in notes))
        self._section(cur)
        cur.insertHtml(f"<p class=disclaimer>{_e(engine_text(res.get('disclaimer') or DISCLAIMER))}</p>")

    @staticmethod
    def _section(cur: QTextCursor) -> None:
        """Start a new paragraph, so that a heading never runs on from the text before it."""
        if cur.block().length() > 1 or cur.currentTable() is not None:
            cur.movePosition(QTextCursor.MoveOperation.End)
            cur.insertBlock()

    def _accounts(self, cur: QTextCursor) -> None:
        r, res = self.report, self.res
        self._section(cur)
        heading = QCoreApplication.translate("ProposalPdf", "Client and accounts")
        cur.insertHtml(
            f"<h2>{_e(heading)}</h2>"
            + _table(
                [
                    QCoreApplication.translate("ProposalPdf", "Account"),
                    QCoreApplication.translate("ProposalPdf", "Kind"),
                    QCoreApplication.translate("ProposalPdf", "Value"),
                    QCoreApplication.translate("ProposalPdf", "Cash before"),
                    QCoreApplication.translate("ProposalPdf", "Cash after"),
                ],
                [
                    [
                        _e(r.account or "—"),
                        _e(message_texts.kind_label(r.account_kind) if r.account_kind else "—"),
                        _money(res.get("total_value"), 2),
                        _money(res.get("cash_before"), 2),
                        _money(res.get("cash_after"), 2),
                    ]
                ]
                if not res.get("accounts")
                else [  # a household: each account (its value after its own cash flow, before trades)
                    [
                        _e(a.get("name") or a.get("id")),
                        _e(message_texts.kind_label(str(a.get("kind", "")))),
                        _money(a.get("value_before"), 2),
                        _money(a.get("cash_before"), 2),
                        _money(a.get("cash_after"), 2),
                    ]
                    for a in res["accounts"]
                ],
                {2, 3, 4},
            )
        )
        held = [(a, h) for a in res.get("accounts") or () for h in a.get("held") or ()]
        if held:  # lines the accounts hold that are not rebalanced: in no value above
            lines = "; ".join(
                QCoreApplication.translate("ProposalPdf", "{symbol} in {account}: {value} ({why})").format(
                    symbol=h.get("symbol", ""),
                    account=a.get("name") or a.get("id"),
                    value=message_texts.held_value(
                        float(h.get("value") or 0.0), str(h.get("currency") or "USD")
                    ),
                    why=message_texts.held_why(str(h.get("why") or "")),
                )
                for a, h in held
            )
            said = QCoreApplication.translate(
                "ProposalPdf",
                "Also held, not rebalanced (never traded, in no value, weight or total here): {lines}.",
            )
            cur.insertHtml(f"<p>{_e(said.format(lines=lines))}</p>")

    def _summary(self, cur: QTextCursor) -> None:
        res = self.res
        cap = res.get("vol_cap")
        rows = [
            [
                QCoreApplication.translate("ProposalPdf", "Volatility (annualized)"),
                _pct(res.get("vol_before"), 2),
                _pct(res.get("vol_after"), 2),
                QCoreApplication.translate("ProposalPdf", "cap {v}").format(v=_pct(cap, 2))
                if cap is not None
                else QCoreApplication.translate("ProposalPdf", "no cap"),
            ],
            [
                QCoreApplication.translate("ProposalPdf", "Tracking error to targets"),
                _pct(res.get("tracking_error_before"), 2),
                _pct(res.get("tracking_error_after"), 2),
                "",
            ],
            [
                QCoreApplication.translate("ProposalPdf", "Cash"),
                _money(res.get("cash_before"), 2),
                _money(res.get("cash_after"), 2),
                "",
            ],
            [QCoreApplication.translate("ProposalPdf", "Turnover"), "", _pct(res.get("turnover"), 2), ""],
            [
                QCoreApplication.translate("ProposalPdf", "Estimated trading cost"),
                "",
                _money(res.get("total_cost"), 2),
                "",
            ],
            [
                QCoreApplication.translate("ProposalPdf", "Trades"),
                "",
                str(sum(len(a.trades) for a in self.report.account_trades)),
                "",
            ],
        ]
        status = res.get("status")
        verdict = {
            "ok": QCoreApplication.translate("ProposalPdf", "Trades are proposed below."),
            "no_trades_needed": QCoreApplication.translate(
                "ProposalPdf", "No trades are needed: every holding is inside its band."
            ),
            "infeasible": QCoreApplication.translate(
                "ProposalPdf", "No trade list meets all the limits; see “What limits it”."
            ),
        }.get(str(status), str(status))
        self._section(cur)
        heading = QCoreApplication.translate("ProposalPdf", "Summary")
        cur.insertHtml(
            f"<h2>{_e(heading)}</h2><p>{_e(verdict)}</p>"
            + _table(
                [
                    QCoreApplication.translate("ProposalPdf", "Figure"),
                    QCoreApplication.translate("ProposalPdf", "Before"),
                    QCoreApplication.translate("ProposalPdf", "After"),
                    QCoreApplication.translate("ProposalPdf", "Limit"),
                ],
                [[_e(c) for c in r] for r in rows],
                {1, 2, 3},
                (40, 20, 20, 20),
            )
        )

    def _allocation(self, cur: QTextCursor) -> None:
        res = self.res
        series = (
            QCoreApplication.translate("ProposalPdf", "Current"),
            QCoreApplication.translate("ProposalPdf", "Target"),
            QCoreApplication.translate("ProposalPdf", "Proposed"),
        )
        sleeves = res.get("sleeves", [])
        self._section(cur)
        heading = QCoreApplication.translate("ProposalPdf", "Allocation by sleeve")
        cur.insertHtml(f"<h2>{_e(heading)}</h2>")
        cur.insertBlock()
        self.charts.insert(
            cur,
            BarChart(
                QCoreApplication.translate("ProposalPdf", "Weight by sleeve"),
                series,
                tuple(
                    (str(s["name"]), (s["weight_before"], s["weight_target"], s["weight_after"]))
                    for s in sleeves
                ),
            ),
        )
        cur.insertBlock()
        cur.insertHtml(
            _table(
                [
                    QCoreApplication.translate("ProposalPdf", "Sleeve"),
                    QCoreApplication.translate("ProposalPdf", "Role"),
                    *series,
                    QCoreApplication.translate("ProposalPdf", "Drift"),
                ],
                [
                    [
                        _e(s["name"]),
                        _e(_role_label(str(s["role"]))),
                        _pct(s["weight_before"], 2),
                        _pct(s["weight_target"], 2),
                        _pct(s["weight_after"], 2),
                        _points(s["drift"], 2),
                    ]
                    for s in sleeves
                ],
                {2, 3, 4, 5},
            )
        )
        self._section(cur)
        heading = QCoreApplication.translate("ProposalPdf", "Allocation by fund")
        cur.insertHtml(f"<h2>{_e(heading)}</h2>")
        assets = res.get("assets", [])
        cur.insertHtml(
            _table(
                [
                    QCoreApplication.translate("ProposalPdf", "Ticker"),
                    QCoreApplication.translate("ProposalPdf", "Sleeve"),
                    QCoreApplication.translate("ProposalPdf", "Shares now"),
                    QCoreApplication.translate("ProposalPdf", "Shares after"),
                    *series,
                ],
                [
                    [
                        _e(x["ticker"]),
                        _e(x["sleeve"]),
                        _shares(x["shares_before"]),
                        _shares(x["shares_after"]),
                        _pct(x["weight_before"], 2),
                        _pct(x["weight_target"], 2),
                        _pct(x["weight_after"], 2),
                    ]
                    for x in assets
                ],
                {2, 3, 4, 5, 6},
            )
        )

    def _trades(self, cur: QTextCursor) -> None:
        # (account name, trade) per account: a household's orders go to each account separately
        trades = [(a.name, t) for a in self.report.account_trades for t in a.trades]
        household_why = {str(t.get("ticker")): t.get("why") for t in self.report.trades if t.get("why")}
        self._section(cur)
        heading = QCoreApplication.translate("ProposalPdf", "Trades")
        if not trades:
            none = QCoreApplication.translate("ProposalPdf", "No trades.")
            cur.insertHtml(f"<h2>{_e(heading)}</h2><p>{_e(none)}</p>")
            return
        cur.insertHtml(f"<h2>{_e(heading)}</h2>")
        side = {
            "buy": QCoreApplication.translate("ProposalPdf", "Buy"),
            "sell": QCoreApplication.translate("ProposalPdf", "Sell"),
        }
        cur.insertHtml(
            _table(
                [
                    QCoreApplication.translate("ProposalPdf", "Account"),
                    QCoreApplication.translate("ProposalPdf", "Side"),
                    QCoreApplication.translate("ProposalPdf", "Ticker"),
                    QCoreApplication.translate("ProposalPdf", "Shares"),
                    QCoreApplication.translate("ProposalPdf", "Price"),
                    QCoreApplication.translate("ProposalPdf", "Amount"),
                    QCoreApplication.translate("ProposalPdf", "Cost"),
                    "",  # a narrow empty column: the reason must not touch the right-aligned cost
                    QCoreApplication.translate("ProposalPdf", "Why"),
                ],
                [
                    [
                        _e(account),
                        _e(side.get(t["side"], t["side"])),
                        _e(t["ticker"]),
                        _shares(t["shares"]),
                        _money(t["price"], 2),
                        _money(t["amount"], 2),
                        _money(t["cost"], 2),
                        "",
                        f"<span class=small>{_e(reason_text(t, household_why))}</span>",
                    ]
                    for account, t in trades
                ],
                {3, 4, 5, 6},
                (12, 6, 7, 8, 10, 13, 8, 2, 34),
            )
        )

    def _risk(self, cur: QTextCursor) -> None:
        res = self.res
        cap = res.get("vol_cap")
        self._section(cur)
        heading = QCoreApplication.translate("ProposalPdf", "Risk before and after")
        cur.insertHtml(f"<h2>{_e(heading)}</h2>")
        cur.insertBlock()
        self.charts.insert(
            cur,
            BarChart(
                QCoreApplication.translate("ProposalPdf", "Volatility and tracking error (annualized)"),
                (
                    QCoreApplication.translate("ProposalPdf", "Before"),
                    QCoreApplication.translate("ProposalPdf", "After"),
                ),
                (
                    (
                        QCoreApplication.translate("ProposalPdf", "Volatility"),
                        (res.get("vol_before") or 0.0, res.get("vol_after") or 0.0),
                    ),
                    (
                        QCoreApplication.translate("ProposalPdf", "Tracking error"),
                        (res.get("tracking_error_before") or 0.0, res.get("tracking_error_after") or 0.0),
                    ),
                ),
                limit=cap,
                limit_label=QCoreApplication.translate("ProposalPdf", "cap {v}").format(v=_pct(cap, 1))
                if cap is not None
                else "",
            ),
        )
        cur.insertBlock()
        lines = [f"<p>{_e(_binding_text(b))}</p>" for b in res.get("binding", [])]
        inf = res.get("infeasibility")
        if inf:
            cannot = QCoreApplication.translate("ProposalPdf", "Cannot be met")
            lines.insert(0, f"<p class=warn><b>{_e(cannot)}</b>: {_e(inf.get('message', ''))}</p>")
        if not lines:
            straight = QCoreApplication.translate(
                "ProposalPdf", "No limit shapes this answer: the trades go straight to the targets."
            )
            lines = [f"<p>{_e(straight)}</p>"]
        self._section(cur)
        heading = QCoreApplication.translate("ProposalPdf", "What limits it")
        cur.insertHtml(f"<h2>{_e(heading)}</h2>" + "".join(lines))

    def _costs(self, cur: QTextCursor) -> None:
        res = self.res
        trades = [t for a in self.report.account_trades for t in a.trades]  # a household: every account's
        buys = sum(float(t["amount"]) for t in trades if t["side"] == "buy")
        sells = sum(float(t["amount"]) for t in trades if t["side"] == "sell")
        self._section(cur)
        text = QCoreApplication.translate(
            "ProposalPdf", "Bought {b} · sold {s} · turnover {t} · estimated trading cost {c}"
        ).format(
            b=_money(buys, 2),
            s=_money(sells, 2),
            t=_pct(res.get("turnover"), 2),
            c=_money(res.get("total_cost"), 2),
        )
        heading = QCoreApplication.translate("ProposalPdf", "Costs")
        cur.insertHtml(f"<h2>{_e(heading)}</h2><p>{_e(text)}</p>")  # one paragraph: never split by a page

    # -- printing ---------------------------------------------------------------------------------

    @staticmethod
    def headings() -> set[str]:
        """The section titles (insertHtml merges an <h2> into the current block, so its heading level
        is lost: headings are found by their text)."""
        return {
            _tr(t)
            for t in (
                "Client and accounts",
                "Summary",
                "Allocation by sleeve",
                "Allocation by fund",
                "Trades",
                "Risk before and after",
                "What limits it",
                "Costs",
                "Assumptions",
            )
        }

    def keep_headings_with_text(self) -> int:
        """A heading left alone at the foot of a page moves to the next page (Qt has no keep-with-next):
        after layout, a heading whose following block starts on a later page gets a page break before it.
        Returns how many headings moved."""
        layout = self.doc.documentLayout()
        page_h = self.doc.pageSize().height()
        moved = 0
        heads = self.headings()
        block = self.doc.begin()
        while block.isValid():
            nxt = block.next()
            if block.text() in heads and nxt.isValid():
                top = layout.blockBoundingRect(block).top()
                if nxt.layout() is not None and nxt.layout().lineCount() > 0:
                    line = nxt.layout().lineAt(0)
                    nxt_bottom = layout.blockBoundingRect(nxt).top() + line.y() + line.height()
                else:
                    nxt_bottom = layout.blockBoundingRect(nxt).bottom()
                if int(nxt_bottom // page_h) > int((top + 1) // page_h):  # +1: a block laid out at a page top
                    fmt_ = block.blockFormat()
                    fmt_.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    QTextCursor(block).setBlockFormat(fmt_)
                    moved += 1
            block = nxt
        return moved

    def print_to(self, writer: QPdfWriter) -> int:
        """Lay out and draw every page; returns the number of pages."""
        writer.setResolution(DPI)
        writer.setPageLayout(self.layout)
        writer.setTitle(
            QCoreApplication.translate("ProposalPdf", "Rebalancing proposal {id}: {c}").format(
                id=self.report.proposal_id, c=self.report.client
            )
        )
        writer.setCreator("Coresat")
        self.build(writer)
        self.keep_headings_with_text()
        body = self.doc.pageSize()
        pages = max(1, self.doc.pageCount())
        p = QPainter(writer)
        try:
            small = QFont(self.doc.defaultFont())
            small.setPointSizeF(7.0)
            for i in range(pages):
                if i:
                    writer.newPage()
                p.save()
                p.translate(0, -i * body.height())
                self.doc.drawContents(p, QRectF(0, i * body.height(), body.width(), body.height()))
                p.restore()
                p.setFont(small)
                p.setPen(QColor("#666666"))
                y = body.height() + FOOTER_MM * DPI / 25.4 * 0.75
                left = QCoreApplication.translate(
                    "ProposalPdf", "Proposal {id} · {c} · not investment advice"
                ).format(id=self.report.proposal_id, c=self.report.client)
                p.drawText(QPointF(0, y), left)
                right = QCoreApplication.translate("ProposalPdf", "page {i} of {n}").format(i=i + 1, n=pages)
                p.drawText(QPointF(body.width() - p.fontMetrics().horizontalAdvance(right), y), right)
        finally:
            p.end()
        return pages


def render_pdf(report: ProposalReport, page: str = "a4") -> bytes:
    """The PDF as bytes (nothing is written)."""
    buf = QByteArray()
    dev = QBuffer(buf)
    dev.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(dev)
    ProposalDocument(report, page).print_to(writer)
    del writer  # flushes the PDF into the buffer
    dev.close()
    return bytes(buf.data())


def write_pdf(report: ProposalReport, path: str | Path, page: str = "a4") -> Path:
    """Render, then write all at once (a failed write leaves no half file)."""
    from engine.io.atomic import write_atomic

    return write_atomic(Path(path), render_pdf(report, page))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m gui.book.proposal_pdf", description="Write a stored proposal as a client PDF."
    )
    ap.add_argument("proposal", type=int, help="proposal id (coresat book proposals lists them)")
    ap.add_argument("out", help="PDF file to write")
    ap.add_argument(
        "--book", metavar="URL", help="client book: a file path, sqlite:///FILE or postgresql://…"
    )
    ap.add_argument("--page", default="A4", choices=["A4", "Letter", "a4", "letter"])
    args = ap.parse_args(argv)
    if not str(args.out).lower().endswith(".pdf"):
        print(f"coresat: {args.out}: the file's name must end in .pdf", file=sys.stderr)
        return 2
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from engine.book.store import Book
    from engine.errors import CoresatError
    from engine.report.proposal import load

    _app = QApplication.instance() or QApplication(["coresat"])
    try:
        book = Book.open(args.book, create=False)
        try:
            report = load(book, args.proposal)
        finally:
            book.close()
        path = write_pdf(report, args.out, args.page)
    except CoresatError as exc:
        print(f"coresat: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"coresat: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
