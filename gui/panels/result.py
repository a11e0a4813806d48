"""Result: status ("no trades needed", infeasible), headline figures, binding constraints in plain
words, the trades table (buy/sell coloured), assumptions and the disclaimer. A household's trades are
shown grouped by account (gui.panels.account_trades), its figures are the household's."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engine.messages import Count, Message, MessageId
from engine.report_text import no_limit_binds
from engine.result import RebalanceResult, Side, Status
from gui import fmt, theme
from gui.engine_calls import Outcome
from gui.engine_texts import engine_phrase, engine_text, price_source_words
from gui.labels import LabelSlot
from gui.labels import set_text as _set_text
from gui.message_texts import render
from gui.panels.account_trades import AccountTradesView, trade_reason
from gui.panels.household_tree import household_result
from gui.tablemodels import TradesColumn, TradesModel
from gui.workspace import Workspace


class ResultPanel(QGroupBox):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Proposed trades"))
        self.ws = workspace
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("status")
        self.figures: dict[str, QLabel] = {}
        self.heads: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        names = [
            ("vol", self.tr("Volatility")),
            ("te", self.tr("Tracking error")),
            ("trades", self.tr("Trades")),
            ("cost", self.tr("Est. cost")),
            ("turnover", self.tr("Turnover")),
            ("cash", self.tr("Cash after")),
        ]
        tips = {
            "vol": self.tr(
                "How much the portfolio may swing in a typical year (annualized), before → after, against your cap"
            ),
            "te": self.tr("How far the portfolio's returns may stray from the target mix in a typical year"),
            "turnover": self.tr("Value traded (buys + sells) as a share of the portfolio"),
        }
        for i, (key, title) in enumerate(names):
            head = QLabel(title)
            theme.mute(head)
            value = QLabel("—")
            value.setStyleSheet("font-size: 12pt; font-weight: 600")
            value.setFixedHeight(value.fontMetrics().height() + 14)
            value.setMinimumWidth(60)
            if key in tips:
                head.setToolTip(tips[key])
                value.setToolTip(tips[key])
            grid.addWidget(head, 0 if i < 3 else 2, i % 3)
            grid.addWidget(LabelSlot(value), 1 if i < 3 else 3, i % 3)
            self.figures[key] = value
            self.heads[key] = head
        self.binding = QLabel()
        self.binding.setWordWrap(True)
        self.trades = TradesModel(self)
        self.table = QTableView()
        self.table.setModel(self.trades)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TradesColumn.REASON, QHeaderView.ResizeMode.Stretch)
        # the whole reason of the selected trade (the first one until the user picks another), wrapped
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setObjectName("reason")
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_reason(cur.row()))
        self._reason_row = 0
        # a household: its trades per account, in place of the table
        self.account_trades = AccountTradesView()
        self.account_trades.setVisible(False)
        self.account_trades.currentItemChanged.connect(lambda cur, _prev: self._show_account_reason(cur))
        self._fitted = False
        self._universe: tuple[str, ...] = ()
        self._text_widths: dict[str, int] = {}  # a number's width in the table's font, measured once
        self._widths_font = ""
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        theme.mute(self.notes, "font-size: 8.5pt")
        lay = QVBoxLayout(self)
        lay.addWidget(LabelSlot(self.status))
        lay.addLayout(grid)
        lay.addWidget(LabelSlot(self.binding))
        lay.addWidget(self.table, 1)
        lay.addWidget(self.account_trades, 1)
        lay.addWidget(LabelSlot(self.reason))
        lay.addWidget(LabelSlot(self.notes))
        # three trade rows at least, the rest of the height the user gives the panel
        rows = 3 * self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(rows + self.table.horizontalHeader().sizeHint().height() + 4)
        self.account_trades.setMinimumHeight(self.table.minimumHeight())
        workspace.outcomeChanged.connect(self.show_outcome)

    def minimumSizeHint(self) -> QSize:
        """Tall enough for every wrapped text at this width (a short window scrolls the panel, in its
        scroll area, instead of squeezing the figures together and cutting "What limits the result")."""
        base = super().minimumSizeHint()
        if self.width() <= 0:
            return base
        return QSize(base.width(), max(base.height(), self.heightForWidth(self.width())))

    def heightForWidth(self, width: int) -> int:
        """What the scroll area sizes the panel to at least: every text whole, the trades table at its
        three-row minimum (a taller viewport gives the table the rest)."""
        lay = self.layout()
        return lay.totalMinimumHeightForWidth(width) if lay is not None else super().heightForWidth(width)

    def _fit_columns(self) -> None:
        """Size the columns to the first real trade list only: re-measuring every cell on each new result
        would cost more than the solve."""
        if self._fitted or self.trades.rowCount() == 0:
            return
        self._fitted = True
        for col in TradesColumn:
            if col is not TradesColumn.REASON:
                self.table.resizeColumnToContents(col)

    def _fit_numbers(self) -> None:
        """Share counts and amounts are never elided ("70.3…"): widen a column when a value needs it."""
        fm = self.table.fontMetrics()
        pad = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 14
        font = self.table.font().key()
        if len(self._text_widths) > 2000 or self._widths_font != font:  # another font: measure again
            self._text_widths.clear()
            self._widths_font = font
        widths = self._text_widths
        for col in (TradesColumn.SHARES, TradesColumn.PRICE, TradesColumn.AMOUNT, TradesColumn.COST):
            texts = self.trades.column_texts(col)
            for t in texts:
                if t not in widths:
                    widths[t] = fm.horizontalAdvance(t)
            need = max((widths[t] for t in texts), default=0) + pad
            if need > self.table.columnWidth(col):
                self.table.setColumnWidth(col, need)

    def _show_reason(self, row: int) -> None:
        trades = self.trades.trades
        if row < 0 or row >= len(trades):
            row = 0
        self._reason_row = row
        if not trades:
            _set_text(self.reason, "")
            return
        t = trades[row]
        side = self.tr("Buy") if t.side is Side.BUY else self.tr("Sell")
        head = self.tr("{side} {shares} {ticker}").format(
            side=side, shares=fmt.shares(t.shares), ticker=t.ticker
        )
        _set_text(self.reason, f"<b>{_esc(head)}</b>: {_esc(render(t.why, t.reason))}")

    def _show_account_reason(self, item: object) -> None:
        view = self.account_trades
        r = view.result
        t = view.trade_at(item)  # type: ignore[arg-type]
        if r is None or t is None:
            first = view.topLevelItem(0)
            t = view.trade_at(first.child(0)) if first is not None and first.childCount() else None
            item = first.child(0) if t is not None and first is not None else item
        if r is None or t is None:
            _set_text(self.reason, "")
            return
        side = self.tr("Buy") if t.side is Side.BUY else self.tr("Sell")
        head = self.tr("{side} {shares} {ticker} in {account}").format(
            side=side,
            shares=fmt.shares(t.shares),
            ticker=t.ticker,
            account=view.account_name(item),  # type: ignore[arg-type]
        )
        _set_text(self.reason, f"<b>{_esc(head)}</b>: {_esc(trade_reason(r, t))}")

    def _banner(self, text: str, fg: str, bg: str) -> None:
        _set_text(self.status, text)
        style = f"color: {fg}; background: {bg}; padding: 6px; border-radius: 4px"
        if self.status.styleSheet() != style:  # re-polishing a style sheet is slow: only on a change
            self.status.setStyleSheet(style)

    def show_outcome(self, outcome: Outcome) -> None:
        self._show(outcome)

    def _show(self, outcome: Outcome) -> None:
        if outcome.scenario.universe != self._universe:  # another portfolio: size the columns again
            self._universe = outcome.scenario.universe
            self._fitted = False
        r = outcome.result
        if r is None:
            problem = outcome.problem
            msg = engine_phrase(problem.message) if problem else self.tr("no result")
            self._banner(
                self.tr("Cannot compute trades: {msg}").format(msg=msg),
                theme.sell().name(),
                theme.css(theme.sell_bg()),
            )
            self.trades.set_trades(())
            self.account_trades.clear()
            self.account_trades.result = None
            self._show_reason(0)
            for v in self.figures.values():
                _set_text(v, "—")
            _set_text(self.binding, "")
            return
        self._figures(r)
        hr = household_result(outcome)
        self.table.setVisible(hr is None)
        self.account_trades.setVisible(hr is not None)
        if hr is None:
            rows = self.trades.rowCount()
            self.trades.set_trades(r.trades)
            if self.trades.rowCount() != rows:  # lay the rows out now, in the paint that shows the result,
                self.table.executeDelayedItemsLayout()  # not on a timer that repaints the table again after it
            self._fit_columns()
            self._fit_numbers()
            self._show_reason(self._reason_row)
        else:
            self.trades.set_trades(())
            self.account_trades.show_result(hr)
            self._show_account_reason(self.account_trades.currentItem())
            _set_text(self.figures["trades"], fmt.locale().toString(len(hr.trades)))
        if r.status is Status.INFEASIBLE:
            inf = r.infeasibility
            # a household's reason names the account (its own words, English); the single-account
            # diagnosis's translated "why" would speak of the household as one portfolio
            if (
                inf is not None
                and inf.why
                and hr is None
                and QLocale().language() != QLocale.Language.English
            ):
                msg = "; ".join(render(w) for w in inf.why)  # message ids: in the user's language
            else:
                msg = inf.message if inf else self.tr("the constraints cannot all hold")
            self._banner(
                self.tr("Not possible as set: {msg}").format(msg=msg),
                theme.warn().name(),
                theme.css(theme.warn_bg()),
            )
        elif hr is not None and hr.trades:  # the accounts' trades, not the household's net per ticker
            n = len(hr.trades)
            head = (
                Message.of(MessageId.HEAD_TRADES, count=Count(n))
                if n > 1
                else Message.of(MessageId.HEAD_ONE_TRADE)
            )
            self._banner(render(head), theme.chart_foreground().name(), "transparent")
        elif r.trades:
            self._banner(render(r.headline, r.headline_text), theme.chart_foreground().name(), "transparent")
        elif r.headline is None or r.headline.id is MessageId.HEAD_IN_BANDS:
            self._banner(render(r.headline, r.headline_text), theme.buy().name(), theme.css(theme.buy_bg()))
        else:  # no trades, but not because all is well: a limit or the costs stop them
            self._banner(render(r.headline), theme.warn().name(), theme.css(theme.warn_bg()))
        if r.binding:
            items = "".join(f"<li>{_esc(render(b.why, b.message))}</li>" for b in r.binding)
            _set_text(
                self.binding, self.tr("<b>What limits the result</b>") + f"<ul style='margin:0'>{items}</ul>"
            )
        elif r.status is Status.OK:  # a claim about the numbers, made only when trades were solved for
            _set_text(self.binding, render(no_limit_binds(r)))
        else:
            _set_text(self.binding, "")
        a = r.assumptions
        notes = [render(n) for n in r.notes] if r.notes else [*r.messages]
        notes += [engine_phrase(n) for n in a.notes if _RISK_EXCLUDED in n]  # the risk figures leave out
        date = a.price_date.isoformat() if a.price_date else self.tr("unknown date")
        notes.append(
            self.tr("Prices: {src}, {date}. Risk: {window}, {est}.").format(
                src=price_source_words(a.price_source),
                date=date,
                window=engine_phrase(a.risk_window),
                est=engine_phrase(a.estimator),
            )
        )
        notes.append(engine_text(r.disclaimer))
        _set_text(self.notes, "<br>".join(_esc(n) for n in notes))

    def _figures(self, r: RebalanceResult) -> None:
        f = self.figures
        _set_text(f["vol"], f"{fmt.number(r.vol_before * 100, 1)} → {fmt.pct(r.vol_after)}")
        cap = (
            self.tr("cap {cap}").format(cap=fmt.pct(r.vol_cap))
            if r.vol_cap is not None
            else self.tr("no cap")
        )
        _set_text(self.heads["vol"], self.tr("Volatility ({cap})").format(cap=cap))
        te = f"{fmt.number(r.tracking_error_before * 100, 2)} → {fmt.pct(r.tracking_error_after, 2)}"
        _set_text(f["te"], te)
        _set_text(f["trades"], fmt.locale().toString(r.n_trades))
        _set_text(f["cost"], fmt.money(r.total_cost, 2))
        _set_text(f["turnover"], fmt.pct(r.turnover))
        _set_text(f["cash"], fmt.money(r.cash_after))


_RISK_EXCLUDED = "left out of the risk model"  # engine.data.exclusions.warning: shown with every result


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
