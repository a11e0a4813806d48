"""What a household's placed whole-share trades do, computed from those trades alone.

A household (several accounts) is solved once for the household as one portfolio (the "net optimum",
``HouseholdResult.household``) and then placed account by account in whole shares. The stored proposal
must describe the placed trades, so every figure here follows from the accounts' trades, their prices and
costs, the holdings and cash before, the targets and the covariance:

- shares after = shares before + Σ bought − Σ sold over the accounts;
- cash after = cash before (after cash flows) − Σ bought amounts + Σ sold amounts − Σ costs;
- value after = Σ shares after × price + cash after; weights after are fractions of it (the definition of
  a single account's result, engine.optimize.evaluation);
- turnover = Σ traded amounts over every account (an account's buy is not netted against another's sale)
  / value before trading (after cash flows);
- volatility, tracking error and risk contributions of the weights after, with the covariance the solve
  used; a sleeve's risk contribution is the sum of its tickers', the small caps' that of the core and
  satellite sleeves' tickers.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.book.result_text import encode, result_text
from engine.household_result import AccountRow, HouseholdResult
from engine.result import RebalanceResult, Side

if TYPE_CHECKING:  # engine.market loads pandas: kept off the window's start-up path (gui/book imports this)
    from engine.market import FloatArray, MarketSnapshot

SMALL_CAP_ROLE = "small_cap"  # the role of the small-cap node's sleeve row (engine.optimize.inputs)
SMALL_CAP_MEMBERS = ("core", "satellite")


@dataclass(frozen=True)
class Placed:
    tickers: tuple[str, ...]
    shares_after: FloatArray
    weights_after: FloatArray  # of value_after
    cash_after: float
    value_after: float
    cash_weight_after: float
    total_cost: float
    turnover: float
    vol_after: float
    tracking_error_after: float
    risk_contribution_after: FloatArray


def placed(
    tickers: Sequence[str],
    prices: FloatArray,
    shares_before: FloatArray,
    cash_before: float,
    value_before: float,
    target: FloatArray,
    cov: FloatArray,
    accounts: Sequence[AccountRow],
) -> Placed:
    """The figures of the accounts' trades (see the module docstring). ``cash_before`` and
    ``value_before`` are the household's after cash flows, before trading."""
    col = {tk: i for i, tk in enumerate(tickers)}
    delta = np.zeros(len(tickers))
    gross = 0.0
    cost = 0.0
    for a in accounts:
        for tr in a.trades:
            sign = 1.0 if tr.side is Side.BUY else -1.0
            delta[col[tr.ticker]] += sign * tr.shares
            gross += tr.amount
            cost += tr.cost
    shares = shares_before + delta
    cash = float(cash_before - delta @ prices - cost)
    value = float(shares @ prices + cash)
    w = shares * prices / value if value > 0 else np.zeros(len(tickers))
    # here, not at import: the engine.risk package loads pandas, kept off the window's start-up path
    from engine.risk.metrics import portfolio_volatility, risk_contributions, tracking_error

    return Placed(
        tickers=tuple(tickers),
        shares_after=shares,
        weights_after=w,
        cash_after=cash,
        value_after=value,
        cash_weight_after=cash / value if value > 0 else 0.0,
        total_cost=cost,
        turnover=gross / value_before if value_before > 0 else 0.0,
        vol_after=portfolio_volatility(w, cov),
        tracking_error_after=tracking_error(w, target, cov),
        risk_contribution_after=risk_contributions(w, cov),
    )


def household_result_text(hr: HouseholdResult, cov: FloatArray) -> str:
    """A household's result as stored: the household as one portfolio (the document of
    :func:`result_text`: trades per ticker, sleeves, assets, limits) plus, under ``accounts``, each
    account's own trades and cash (``AccountRow``), the placement's ``unplaced``, ``placement_notes`` and
    ``check_problems``. Every "after" figure is what the placed whole-share account trades do, computed
    from those trades alone (engine.book.placed, with ``cov``: the covariance of the result's assets, in
    their order): cash, value, volatility, tracking error, turnover (every account's trades, not netted),
    cost, the assets' shares, weights and risk contributions, the sleeves' weights and risk contributions,
    the sectors' weights, and ``weights_after`` (ticker → fraction of the value after, cash as ``CASH``).
    The joint solve's own figures are kept beside them as ``net_…`` (``net_status``, ``net_cash_after``,
    ``net_vol_after``, ``net_tracking_error_after``, ``net_turnover``, ``net_total_cost``; per row
    ``net_shares_after``, ``net_weight_after``, ``net_risk_contribution_after``; per sector
    ``net_after``). The headline counts the accounts' orders (``net_headline``: the joint solve's)."""
    r = hr.household
    doc = json.loads(result_text(r))
    assets = doc.get("assets", [])
    tickers = [a["ticker"] for a in assets]
    pl = placed(
        tickers,
        np.array([a["price"] for a in assets], dtype=float),
        np.array([a["shares_before"] for a in assets], dtype=float),
        r.cash_before,
        r.total_value,
        np.array([a["weight_target"] for a in assets], dtype=float),
        cov,
        hr.accounts,
    )
    for key, value in (
        ("cash_after", pl.cash_after),
        ("vol_after", pl.vol_after),
        ("tracking_error_after", pl.tracking_error_after),
        ("turnover", pl.turnover),
        ("total_cost", pl.total_cost),
        ("status", hr.status),  # the placed trades' status
    ):
        doc[f"net_{key}"], doc[key] = doc.get(key), value
    doc["weights_after"] = {tk: float(w) for tk, w in zip(tickers, pl.weights_after, strict=True) if w > 0}
    doc["weights_after"]["CASH"] = pl.cash_weight_after
    for i, row in enumerate(assets):
        for key, value in (
            ("shares_after", pl.shares_after[i]),
            ("weight_after", pl.weights_after[i]),
            ("risk_contribution_after", pl.risk_contribution_after[i]),
        ):
            row[f"net_{key}"], row[key] = row[key], float(value)
    roles = {sl["name"]: sl["role"] for sl in doc.get("sleeves", [])}
    for sl in doc.get("sleeves", []):
        if sl["role"] == SMALL_CAP_ROLE:  # the small caps: every core and satellite sleeve
            members = [roles.get(a["sleeve"]) in SMALL_CAP_MEMBERS for a in assets]
        else:
            members = [a["sleeve"] == sl["name"] for a in assets]
        m = np.array(members, dtype=bool)
        for key, value in (
            ("weight_after", pl.weights_after[m].sum()),
            ("risk_contribution_after", pl.risk_contribution_after[m].sum()),
        ):
            sl[f"net_{key}"], sl[key] = sl[key], float(value)
    if doc.get("sector_exposures") and not _placed_sectors(
        doc["sector_exposures"], tickers, pl.weights_after
    ):
        doc["net_sector_exposures"], doc["sector_exposures"] = doc["sector_exposures"], []
    doc["net_headline"], doc["headline"] = doc.get("headline"), _headline(hr, doc.get("headline"))
    doc["accounts"] = hr.accounts
    doc["unplaced"] = hr.unplaced
    doc["placement_notes"] = hr.placement_notes
    doc["check_problems"] = hr.check_problems
    # taxes of the placed sales (lot by lot), with the rates and their year
    doc["realized_gain"] = hr.realized_gain
    doc["tax_estimate"] = hr.tax_estimate
    doc["tax_year"] = hr.tax_year
    doc["short_term_rate"], doc["long_term_rate"] = hr.short_term_rate, hr.long_term_rate
    doc["lot_method"] = hr.lot_method
    return json.dumps(doc, default=encode, separators=(",", ":"))


def _placed_sectors(rows: list[dict[str, Any]], tickers: list[str], w: FloatArray) -> bool:
    """The sectors' "after" of the placed weights, through the fund data the result's rows used (read
    again as engine.risk.exposure_result does); False when it cannot be read now."""
    from engine.data.fund_store import FundStore
    from engine.data.funds import load_funds
    from engine.errors import DataError
    from engine.risk.exposures import build_model

    try:
        funds = load_funds(tickers, store=FundStore()).funds
    except (DataError, OSError):
        return False
    model = build_model(tickers, funds, companies=False)
    after = dict(zip(model.sector_rows, model.sector_matrix @ w, strict=True))
    for row in rows:
        row["net_after"], row["after"] = row["after"], float(after.get(row["sector"], 0.0))
    return True


def covariance_of(r: RebalanceResult, market: MarketSnapshot) -> FloatArray:
    """The market's covariance for the result's assets, in their order."""
    idx = [market.tickers.index(a.ticker) for a in r.assets]
    cov: FloatArray = market.covariance[np.ix_(idx, idx)]
    return cov


def _headline(hr: HouseholdResult, net: Any) -> Any:
    """The first line a user reads, about the placed trades: the joint solve's headline counts its net
    trades per ticker, the accounts get their own orders; a placement the per-account check refused is
    not possible as set, whatever the joint solve said."""
    from engine.messages import Message, MessageId, Name
    from engine.messages.values import Count
    from engine.result import Status

    if hr.status is Status.INFEASIBLE:
        if hr.household.status is Status.INFEASIBLE:
            return net
        return Message.of(MessageId.HEAD_INFEASIBLE, text=Name("; ".join(hr.check_problems))).json_value()
    orders = sum(len(a.trades) for a in hr.accounts)
    if isinstance(net, dict) and net.get("id") in (
        MessageId.HEAD_TRADES.value,
        MessageId.HEAD_ONE_TRADE.value,
    ):
        if orders == 1:
            return Message.of(MessageId.HEAD_ONE_TRADE).json_value()
        return Message.of(MessageId.HEAD_TRADES, count=Count(orders)).json_value()
    return net
