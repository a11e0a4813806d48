"""A household proposal's figures are those of its placed whole-share account trades.

Each stored figure is recomputed here with plain numpy from what the proposal stores (every account's
holdings and cash before, its trades with their prices and costs, the targets) and the covariance of the
market the batch ran on — never from the engine's own after-trade numbers."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import numpy as np
import pytest

from engine.batch.rebalance import Executor, rebalance_book
from engine.book import proposals
from engine.book import schema as t
from engine.book.store import Book
from engine.market import MarketSnapshot
from engine.model.scenario import Holding, Portfolio
from tests.helpers import TWELVE, market, twelve_asset_scenario

KINDS = (t.AccountKind.TAXABLE, t.AccountKind.TRADITIONAL_IRA, t.AccountKind.ROTH_IRA)


def _book(tmp: Any, households: int, seed: int) -> tuple[Book, MarketSnapshot]:
    rng = np.random.default_rng(seed)
    base = twelve_asset_scenario()
    book = Book.open(str(tmp / "book.sqlite"))
    book.save_policy_from_scenario("Model", base)  # the policy every household follows
    for k in range(households):
        for j in range(int(rng.integers(2, 4))):
            shares = rng.integers(0, 150, size=len(TWELVE)) * (rng.random(len(TWELVE)) < 0.6)
            port = Portfolio(
                holdings=tuple(Holding(tk, float(s)) for tk, s in zip(TWELVE, shares, strict=True) if s),
                cash=float(rng.integers(600, 15_000)),
            )
            book.add_household(
                f"Client {k}",
                replace(base, portfolio=port),
                policy="Model",
                account=f"Account {j}",
                kind=KINDS[j],
            )
    return book, market(list(TWELVE))


def _independent(doc: dict[str, Any], cov_all: np.ndarray, tickers_all: list[str]) -> dict[str, Any]:
    assets = doc["assets"]
    tks = [a["ticker"] for a in assets]
    idx = [tickers_all.index(tk) for tk in tks]
    cov = cov_all[np.ix_(idx, idx)]
    price = np.array([float(a["price"]) for a in assets])
    target = np.array([float(a["weight_target"]) for a in assets])
    shares = np.zeros(len(tks))
    cash = 0.0
    gross = 0.0
    cost = 0.0
    for acc in doc["accounts"]:
        cash += float(acc["cash_before"])
        for tk, sh in acc["shares_before"].items():
            shares[tks.index(tk)] += float(sh)
    value_before = cash + float(shares @ price)
    for acc in doc["accounts"]:
        for tr in acc["trades"]:
            sign = 1.0 if tr["side"] == "buy" else -1.0
            i = tks.index(tr["ticker"])
            assert float(tr["price"]) == price[i]
            shares[i] += sign * float(tr["shares"])
            amount = float(tr["shares"]) * price[i]
            cash -= sign * amount + float(tr["cost"])
            gross += amount
            cost += float(tr["cost"])
    value = cash + float(shares @ price)
    w = shares * price / value
    var = float(w @ cov @ w)
    d = w - target
    return {
        "shares": shares,
        "w": w,
        "cash": cash,
        "cash_w": cash / value,
        "cost": cost,
        "turnover": gross / value_before,
        "vol": np.sqrt(var),
        "te": np.sqrt(float(d @ cov @ d)),
        "rc": w * (cov @ w) / var,
    }


def test_household_figures_follow_from_the_placed_trades(tmp_path: Any) -> None:
    book, m = _book(tmp_path, households=12, seed=3)
    try:
        rep = rebalance_book(book, Executor(workers=0), market=m)
        assert not rep.failed, rep.failed
        docs = {pid: json.loads(proposals.result_json(book, pid)) for pid in rep.proposals}
        rows = {r.id: r for r in proposals.listing(book, batch_id=rep.batch_id)}
    finally:
        book.close()
    traded = 0
    headed = 0
    for pid, doc in docs.items():
        assert len(doc["accounts"]) >= 2
        x = _independent(doc, m.covariance, list(m.tickers))
        traded += int(any(acc["trades"] for acc in doc["accounts"]))
        assert doc["cash_after"] == pytest.approx(x["cash"], abs=1e-6)
        assert doc["total_cost"] == pytest.approx(x["cost"], abs=1e-9)
        assert doc["turnover"] == pytest.approx(x["turnover"], rel=1e-9, abs=1e-12)
        assert doc["vol_after"] == pytest.approx(x["vol"], rel=1e-9)
        assert doc["tracking_error_after"] == pytest.approx(x["te"], rel=1e-9, abs=1e-12)
        for i, a in enumerate(doc["assets"]):
            assert a["shares_after"] == pytest.approx(x["shares"][i], abs=1e-9)
            assert a["weight_after"] == pytest.approx(x["w"][i], rel=1e-9, abs=1e-15)
            assert a["risk_contribution_after"] == pytest.approx(x["rc"][i], rel=1e-9, abs=1e-12)
        wa = doc["weights_after"]
        assert wa["CASH"] == pytest.approx(x["cash_w"], rel=1e-9)
        assert sum(wa.values()) == pytest.approx(1.0, abs=1e-12)
        roles = {s["name"]: s["role"] for s in doc["sleeves"]}
        for s in doc["sleeves"]:
            if s["role"] == "small_cap":
                mine = [i for i, a in enumerate(doc["assets"]) if roles[a["sleeve"]] in ("core", "satellite")]
            else:
                mine = [i for i, a in enumerate(doc["assets"]) if a["sleeve"] == s["name"]]
            assert mine, s["name"]
            assert s["weight_after"] == pytest.approx(float(x["w"][mine].sum()), rel=1e-9, abs=1e-15)
            assert s["risk_contribution_after"] == pytest.approx(
                float(x["rc"][mine].sum()), rel=1e-9, abs=1e-12
            )
        if doc.get("sector_exposures"):  # the sectors' weights add up to what is invested after
            invested = float(x["w"].sum())
            assert sum(r["after"] for r in doc["sector_exposures"]) == pytest.approx(invested, abs=1e-9)
        # the review table's row is the stored document's figures
        s = rows[pid].summary
        assert (s.turnover, s.cost, s.vol_after) == pytest.approx((x["turnover"], x["cost"], x["vol"]))
        orders = sum(len(acc["trades"]) for acc in doc["accounts"])
        assert s.trades == orders
        if doc["status"] == "ok":  # the headline counts the accounts' orders, not the net trades per ticker
            assert doc["headline"]["text"] == (
                "1 trade proposed." if orders == 1 else f"{orders} trades proposed."
            )
            headed += orders > len(doc["trades"])
        # the joint solve's own figures stay beside them, named as such
        assert {"net_turnover", "net_tracking_error_after", "net_vol_after", "net_cash_after"} <= set(doc)
    assert traded >= 6  # most households trade: the comparison is not vacuous
    assert headed >= 1  # some household has more orders than net trades
