"""The engine's fixed English sentences that are not message ids (backtest and stress method, limits,
"hypothetical" notes, names of the built-in crisis windows, the disclaimer, the demo-data label, the
covariance estimator, the missing-rates note, the backtest policy names, the sector names), translated in the GUI.

Each is listed as a literal inside ``QT_TRANSLATE_NOOP("EngineText", ...)`` so ``pyside6-lupdate`` extracts it;
``engine_text`` looks the same text up at run time in the same context. A test keeps this list equal to the
engine's constants: after changing those, run ``python -m gui.engine_texts`` and paste its output here.
"""

from __future__ import annotations

import functools
import json
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "EngineText"

# fmt: off
SOURCES = (
    QT_TRANSLATE_NOOP("EngineText", "Hypothetical: what these rules would have done on past prices. Past results do not predict future results. Not investment advice."),
    QT_TRANSLATE_NOOP("EngineText", "Hypothetical: today's weights replayed on past prices, bought on the first day of each window and held. Past crises do not predict the next one. Not investment advice."),
    QT_TRANSLATE_NOOP("EngineText", "Each policy starts from the same portfolio on the first day and is replayed day by day on adjusted daily closing prices (dividends reinvested through the adjustment); trades are whole shares at that day's closing price."),
    QT_TRANSLATE_NOOP("EngineText", "Trading costs are the scenario's cost in basis points of each trade, rounded to the cent; cash is kept to the cent and never goes below zero (buys are trimmed to the cash there is)."),
    QT_TRANSLATE_NOOP("EngineText", "Monthly cash flows arrive on the first trading day of each month."),
    QT_TRANSLATE_NOOP("EngineText", "The optimizer policy calls Coresat's own rebalance with the scenario's limits on the first trading day of each month, handing it that month's cash flow; it trades only when a holding, sleeve or the cash is outside its band, a limit is broken, or there is a cash flow to place. Its covariance is estimated only from returns before that day (the scenario's risk window and estimator)."),
    QT_TRANSLATE_NOOP("EngineText", "The rule-based policies respect whole shares, costs, the minimum trade, the cash buffer and the no-buy / no-sell lists; only the optimizer also keeps the volatility and turnover caps."),
    QT_TRANSLATE_NOOP("EngineText", "The scenario's one-off cash flow and its buy-only / sell-only mode belong to today's trade and are not replayed: every policy may buy and sell (the no-buy / no-sell lists still hold)."),
    QT_TRANSLATE_NOOP("EngineText", "No tax is computed: realized gains are reported (first in, first out) only when the cost basis of every opening share is known, and are never netted, taxed or carried forward."),
    QT_TRANSLATE_NOOP("EngineText", "Dividends are reinvested on the day the adjusted price reflects them, not when they were paid; share counts are notional on adjusted prices."),
    QT_TRANSLATE_NOOP("EngineText", "No bid/ask spread, market impact or slippage beyond the cost setting; every trade fills at the close."),
    QT_TRANSLATE_NOOP("EngineText", "The price history is the only one used: the common span of every ticker in the scenario."),
    QT_TRANSLATE_NOOP("EngineText", "Each window replays the funds' adjusted daily prices (dividends reinvested): the weights are bought on the window's first trading day and held to its last, without rebalancing; cash earns nothing."),
    QT_TRANSLATE_NOOP("EngineText", "Loss per sleeve is in money and in percent of that sleeve's own value at the start; the total is in percent of the whole portfolio, cash included. 'Lowest point' is the worst day inside the window."),
    QT_TRANSLATE_NOOP("EngineText", "Current = today's holdings; target = the target weights; proposed = after the proposed trades."),
    QT_TRANSLATE_NOOP("EngineText", "Financial crisis"),
    QT_TRANSLATE_NOOP("EngineText", "2018 fourth quarter"),
    QT_TRANSLATE_NOOP("EngineText", "COVID crash"),
    QT_TRANSLATE_NOOP("EngineText", "2022 rate hikes"),
    QT_TRANSLATE_NOOP("EngineText", "Tariff shock"),
    QT_TRANSLATE_NOOP("EngineText", "Coresat computes what your own settings imply. It is not investment advice."),
    QT_TRANSLATE_NOOP("EngineText", "simulated demo data"),
    QT_TRANSLATE_NOOP("EngineText", "covariance given in the scenario"),
    QT_TRANSLATE_NOOP("EngineText", "sample covariance of daily returns, annualized (×252)"),
    QT_TRANSLATE_NOOP("EngineText", "Ledoit–Wolf shrinkage of the correlations of daily returns (variances kept), annualized (×252)"),
    QT_TRANSLATE_NOOP("EngineText", "No interest-rate series is in the price data, so Coresat cannot estimate how this portfolio moved with rates. Give one (a CSV of dates and yields in percent, e.g. FRED's DGS10) to see it."),
    QT_TRANSLATE_NOOP("EngineText", "Never"),
    QT_TRANSLATE_NOOP("EngineText", "Never rebalance"),
    QT_TRANSLATE_NOOP("EngineText", "Monthly"),
    QT_TRANSLATE_NOOP("EngineText", "Calendar, monthly"),
    QT_TRANSLATE_NOOP("EngineText", "Quarterly"),
    QT_TRANSLATE_NOOP("EngineText", "Calendar, quarterly"),
    QT_TRANSLATE_NOOP("EngineText", "Annual"),
    QT_TRANSLATE_NOOP("EngineText", "Calendar, annual"),
    QT_TRANSLATE_NOOP("EngineText", "Bands daily"),
    QT_TRANSLATE_NOOP("EngineText", "5/25 bands, checked daily"),
    QT_TRANSLATE_NOOP("EngineText", "Bands monthly"),
    QT_TRANSLATE_NOOP("EngineText", "5/25 bands, checked monthly"),
    QT_TRANSLATE_NOOP("EngineText", "Daryanani"),
    QT_TRANSLATE_NOOP("EngineText", "Daryanani: two-weekly check, half-way back"),
    QT_TRANSLATE_NOOP("EngineText", "Cash flows"),
    QT_TRANSLATE_NOOP("EngineText", "Cash flows only"),
    QT_TRANSLATE_NOOP("EngineText", "Optimizer"),
    QT_TRANSLATE_NOOP("EngineText", "Coresat optimizer, monthly"),
    QT_TRANSLATE_NOOP("EngineText", "Communication Services"),
    QT_TRANSLATE_NOOP("EngineText", "Consumer Discretionary"),
    QT_TRANSLATE_NOOP("EngineText", "Consumer Staples"),
    QT_TRANSLATE_NOOP("EngineText", "Energy"),
    QT_TRANSLATE_NOOP("EngineText", "Financials"),
    QT_TRANSLATE_NOOP("EngineText", "Health Care"),
    QT_TRANSLATE_NOOP("EngineText", "Industrials"),
    QT_TRANSLATE_NOOP("EngineText", "Information Technology"),
    QT_TRANSLATE_NOOP("EngineText", "Materials"),
    QT_TRANSLATE_NOOP("EngineText", "Real Estate"),
    QT_TRANSLATE_NOOP("EngineText", "Utilities"),
    QT_TRANSLATE_NOOP("EngineText", "Other"),
    QT_TRANSLATE_NOOP("EngineText", "Cash"),
    QT_TRANSLATE_NOOP("EngineText", "price store"),
    QT_TRANSLATE_NOOP("EngineText", "Yahoo live"),
    QT_TRANSLATE_NOOP("EngineText", "Yahoo, partly from the price store"),
)
# fmt: on


def engine_text(text: str) -> str:
    """``text`` in the user's language when it is one of SOURCES (else unchanged)."""
    return QCoreApplication.translate(CONTEXT, text)


# Engine sentences with numbers in them: the pattern the engine writes and the template the GUI shows.
_STORE_AS_OF = re.compile(r"^(?P<label>price store) as of (?P<date>\d{4}-\d{2}-\d{2})$")
_PATTERNS: tuple[tuple[re.Pattern[str], object], ...] = (
    (_STORE_AS_OF, QT_TRANSLATE_NOOP("EngineText", "price store as of {date}")),
    (
        re.compile(r"^(?P<days>\d+) trading days, (?P<span>.+)$"),
        QT_TRANSLATE_NOOP("EngineText", "{days} trading days, {span}"),
    ),
    (
        re.compile(
            r"^exponentially weighted covariance, half-life (?P<half_life>[\d.]+) trading days, annualized \(×252\)$"
        ),
        QT_TRANSLATE_NOOP(
            "EngineText",
            "exponentially weighted covariance, half-life {half_life} trading days, annualized (×252)",
        ),
    ),
)

# Data problems and warnings the engine states in English (engine/data/loader.py, engine/data/proxies.py,
# engine/optimize/inputs.py): the GUI shows them translated. A test checks each against the engine's output.
_PATTERNS += (
    (
        re.compile(
            r"^no stored prices for (?P<tickers>[^:(]+?)(?P<why> \(.*\))?: import a CSV price file or update "
            r"prices from Yahoo$"
        ),
        QT_TRANSLATE_NOOP(
            "EngineText",
            "no stored prices for {tickers}{why}: import a CSV price file or update prices from Yahoo",
        ),
    ),
    (
        re.compile(
            r"^no demo prices for (?P<tickers>[^:]+): the simulated demo data covers (?P<covered>[^;]+); import a "
            r"CSV price file for it or set the data source to Yahoo$"
        ),
        QT_TRANSLATE_NOOP(
            "EngineText",
            "no demo prices for {tickers}: the simulated demo data covers {covered}; import a CSV price file for "
            "it or set the data source to Yahoo",
        ),
    ),
    (
        re.compile(r"^no price for (?P<ticker>[^:]+): enter its price in the holdings or refresh prices$"),
        QT_TRANSLATE_NOOP(
            "EngineText", "no price for {ticker}: enter its price in the holdings or refresh prices"
        ),
    ),
    (
        re.compile(
            r"^no price history for (?P<tickers>.+?), so its risk is unknown: import a price file for it, refresh "
            r"prices, or remove it from the scenario$"
        ),
        QT_TRANSLATE_NOOP(
            "EngineText",
            "no price history for {tickers}, so its risk is unknown: import a price file for it, refresh prices, "
            "or remove it from the scenario",
        ),
    ),
    (
        re.compile(
            r"^only (?P<days>\d+) trading days in common, fewer than the (?P<want>\d+) asked for; the covariance "
            r"uses all of them$"
        ),
        QT_TRANSLATE_NOOP(
            "EngineText",
            "only {days} trading days in common, fewer than the {want} asked for; the covariance uses all of them",
        ),
    ),
    (
        re.compile(
            r"^prices end (?P<date>[\d-]+), (?P<age>\d+) days ago; update them from Yahoo or import newer price "
            r"files for current values$"
        ),
        QT_TRANSLATE_NOOP(
            "EngineText",
            "prices end {date}, {age} days ago; update them from Yahoo or import newer price files for current "
            "values",
        ),
    ),
    (
        re.compile(
            r"^(?P<ticker>\S+) has no price history of its own: its risk is taken from (?P<fund>\S+)'s \(the "
            r"proxy chosen in the scenario\)$"
        ),
        QT_TRANSLATE_NOOP(
            "EngineText",
            "{ticker} has no price history of its own: its risk is taken from {fund}'s (the proxy chosen in the "
            "scenario)",
        ),
    ),
)

# What the scenario checks say about a target tree or a trade mode (engine/model/scenario.py): the targets
# editor and the problem labels show them.
_PATTERNS += (
    (
        re.compile(
            r"^sub-weights of sleeve (?P<name>.+) add up to (?P<sum>[\d.e+-]+) %, they must add up to 100 %$"
        ),
        QT_TRANSLATE_NOOP(
            "EngineText", "sub-weights of sleeve {name} add up to {sum} %, they must add up to 100 %"
        ),
    ),
    (
        re.compile(
            r"^core and satellite weights add up to (?P<sum>[\d.e+-]+) % of the small-cap sleeve; they must add "
            r"up to 100 %$"
        ),
        QT_TRANSLATE_NOOP(
            "EngineText",
            "core and satellite weights add up to {sum} % of the small-cap sleeve; they must add up to 100 %",
        ),
    ),
    (
        re.compile(
            r"^small-cap weight plus outside sleeves add up to (?P<sum>[\d.e+-]+) %; they must add up to 100 %$"
        ),
        QT_TRANSLATE_NOOP(
            "EngineText", "small-cap weight plus outside sleeves add up to {sum} %; they must add up to 100 %"
        ),
    ),
    (
        re.compile(r"^minimum (?P<lo>[\d.e+-]+) % is above maximum (?P<hi>[\d.e+-]+) %$"),
        QT_TRANSLATE_NOOP("EngineText", "minimum {lo} % is above maximum {hi} %"),
    ),
    (
        re.compile(r"^sleeve (?P<name>.+) has no tickers$"),
        QT_TRANSLATE_NOOP("EngineText", "sleeve {name} has no tickers"),
    ),
    (
        re.compile(r"^(?P<ticker>\S+) appears in two sleeves$"),
        QT_TRANSLATE_NOOP("EngineText", "{ticker} appears in two sleeves"),
    ),
)

# The assumptions every result states (engine/optimize/rebalancer.py, engine/risk/exposure_result.py): shown in
# the result panel and the client PDF. A test checks each against a real result's notes.
_PATTERNS += (
    (
        re.compile(r"^weights are fractions of the portfolio value after the cash flow \(cash included\)$"),
        QT_TRANSLATE_NOOP(
            "EngineText", "weights are fractions of the portfolio value after the cash flow (cash included)"
        ),
    ),
    (
        re.compile(r"^volatility and tracking error are annualized, ex ante, from the covariance estimate$"),
        QT_TRANSLATE_NOOP(
            "EngineText",
            "volatility and tracking error are annualized, ex ante, from the covariance estimate",
        ),
    ),
    (
        re.compile(r"^trading cost (?P<bps>[\d.e+-]+) bps of each trade's amount$"),
        QT_TRANSLATE_NOOP("EngineText", "trading cost {bps} bps of each trade's amount"),
    ),
    (
        re.compile(r"^sectors through the funds use fund data from (?P<sources>.+)$", re.DOTALL),
        QT_TRANSLATE_NOOP("EngineText", "sectors through the funds use fund data from {sources}"),
    ),
)

MODEL_SOURCES = (
    QT_TRANSLATE_NOOP("EngineText", "no sleeve has role 'core'"),
    QT_TRANSLATE_NOOP("EngineText", "no sleeves: add at least a core sleeve"),
    QT_TRANSLATE_NOOP("EngineText", "buy-only cannot pay a withdrawal; use sell-only or full rebalance"),
    QT_TRANSLATE_NOOP("EngineText", "sell-only cannot invest a contribution; use buy-only or full rebalance"),
)

# fixed sentences of the data layer (progress steps and a few problems)
DATA_SOURCES = (
    QT_TRANSLATE_NOOP("EngineText", "Reading prices"),
    QT_TRANSLATE_NOOP("EngineText", "Estimating risk"),
    QT_TRANSLATE_NOOP("EngineText", "Market data ready"),
    QT_TRANSLATE_NOOP("EngineText", "the portfolio is empty: enter holdings, cash or a contribution"),
    QT_TRANSLATE_NOOP("EngineText", "the price download was cancelled; the stored prices were kept"),
    QT_TRANSLATE_NOOP("EngineText", "the price download was cancelled; no prices were stored"),
)


# groups that hold another engine sentence (an exception's text, a reason): translated in their turn
_NESTED = ("exc", "why", "reason", "which", "first", "rule")
_FIELD = re.compile(r"^(?P<field>[\w.\[\]-]+): (?P<rest>.+)$", re.DOTALL)  # ScenarioError: "field: problem"


@functools.cache
def _problems() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """(the template's longest fixed piece, pattern, template): the piece is looked for first, so a text
    is matched against the few patterns it can belong to, not all of them."""
    from gui.engine_problems import PROBLEMS

    out = []
    for rx, item in PROBLEMS:
        template = str(item)
        pieces = re.split(r"\{\w*\}", template.replace("{{", "{").replace("}}", "}"))
        out.append((max(pieces, key=len), re.compile(rx, re.DOTALL), template))
    return tuple(out)


def _fill(m: re.Match[str], template: str, depth: int) -> str:
    values = {k: v or "" for k, v in m.groupdict().items()}
    for k in _NESTED:
        if values.get(k):
            values[k] = engine_phrase(values[k], _depth=depth + 1)
    return QCoreApplication.translate(CONTEXT, template).format(**values)


def _reasons(text: str) -> str:
    """The download's fixed reasons translated wherever they occur inside ``text``."""
    from gui.engine_problems import REASONS

    for item in REASONS:
        reason = str(item)
        if reason in text:
            text = text.replace(reason, QCoreApplication.translate(CONTEXT, reason))
    return text


def engine_phrase(text: str, *, _depth: int = 0) -> str:
    """Like ``engine_text``, also for the engine's sentences that carry numbers, names or another sentence
    (risk window, data problems, scenario checks, file readers; gui.engine_problems)."""
    for pattern, template in _PATTERNS:
        m = pattern.match(text)
        if m:
            return _reasons(_fill(m, str(template), _depth))
    if _depth < 3:
        for piece, pattern, template in _problems():
            if piece in text and (m := pattern.match(text)):
                return _reasons(_fill(m, template, _depth))
        f = _FIELD.match(text)
        if f and " " not in f["field"]:  # "targets.sleeves[1].weight_pct: must be ..."
            rest = engine_phrase(f["rest"], _depth=_depth + 1)
            if rest != f["rest"]:
                return f"{f['field']}: {rest}"
    return _reasons(engine_text(text))


def price_source_words(source: str) -> str:
    """Where a snapshot's prices came from, in the user's language, without the date the price store's
    label carries ("price store as of 2024-04-19" -> "price store"): for a line that states the date itself."""
    m = _STORE_AS_OF.match(source)
    return engine_text(m["label"]) if m else engine_phrase(source)


def engine_sources() -> tuple[str, ...]:
    """The engine's constants that SOURCES must list, in order."""
    from engine.backtest.policies import ALL_POLICIES
    from engine.backtest.report import HYPOTHETICAL as BACKTEST_HYPOTHETICAL
    from engine.backtest.run import LIMITS, METHOD
    from engine.backtest.stress_report import METHOD as STRESS_METHOD
    from engine.data.demo import DEMO_LABEL
    from engine.data.funds import OTHER, SECTORS
    from engine.data.loader import STORE_LABEL, YAHOO_LIVE_LABEL, YAHOO_PARTLY_LABEL
    from engine.model.scenario import Estimator
    from engine.result import DISCLAIMER
    from engine.risk.covariance import describe_estimator
    from engine.risk.exposures import CASH
    from engine.risk.rates import NO_RATES
    from engine.risk.stress import HYPOTHETICAL as STRESS_HYPOTHETICAL
    from engine.risk.stress import WINDOWS

    return (
        BACKTEST_HYPOTHETICAL,
        STRESS_HYPOTHETICAL,
        *METHOD,
        *LIMITS,
        *STRESS_METHOD,
        *(w.name for w in WINDOWS),
        DISCLAIMER,
        DEMO_LABEL,
        "covariance given in the scenario",  # a literal in engine/market.py
        describe_estimator(Estimator.SAMPLE),
        describe_estimator(Estimator.LEDOIT_WOLF),
        NO_RATES,
        *dict.fromkeys(name for p in ALL_POLICIES for name in (p.short, p.label)),
        *SECTORS,
        OTHER,
        CASH,
        STORE_LABEL,
        YAHOO_LIVE_LABEL,
        YAHOO_PARTLY_LABEL,
    )


if __name__ == "__main__":
    for t in engine_sources():
        print(f'    QT_TRANSLATE_NOOP("EngineText", {json.dumps(t, ensure_ascii=False)}),')
