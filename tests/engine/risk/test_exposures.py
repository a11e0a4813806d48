"""Look-through on hand-built fund data where the answer is known, and against an independent pandas
computation from holdings-level data on random portfolios."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from engine.data.fund_files import parse_holdings_csv
from engine.data.funds import OTHER, SECTORS, EarningsMethod, FundData, Holding
from engine.risk.exposures import (
    BONDS,
    CASH,
    NO_DATA,
    build_model,
    lookthrough,
    report_for_weights,
)

D = date(2025, 6, 30)


def fund(ticker: str, **kw: object) -> FundData:
    return FundData(ticker=ticker, source="hand-built", as_of=D, **kw)  # type: ignore[arg-type]


A = fund(
    "AAA",
    sectors={"Financials": 0.5, "Information Technology": 0.5},
    holdings=(Holding("X", "X Corp", 0.10), Holding("Y", "Y Inc", 0.05)),
    pe=10.0,
    pe_method=EarningsMethod.EXCLUDES_LOSS_MAKERS,
    pb=1.0,
)
B = fund(
    "BBB",
    sectors={"Financials": 0.2, "Health Care": 0.7},  # 10 % unclassified (cash in the fund)
    holdings=(Holding("X", "X Corp", 0.03), Holding("Z", "Z plc", 0.20)),
    pe=20.0,
    pe_method=EarningsMethod.EXCLUDES_LOSS_MAKERS,
    pb=4.0,
)


def rows(report: object) -> dict[str, tuple[float, float, float]]:
    return {r.sector: (r.before, r.target, r.after) for r in report.sectors}  # type: ignore[attr-defined]


def test_sector_weights_by_hand() -> None:
    # 60 % AAA, 30 % BBB, 10 % cash
    r = report_for_weights(
        ["AAA", "BBB"], {"AAA": A, "BBB": B}, {"AAA": 0.6, "BBB": 0.3}, {"AAA": 0.5}, {"BBB": 1.0}
    )
    got = rows(r)
    assert got["Financials"][0] == pytest.approx(0.6 * 0.5 + 0.3 * 0.2)  # 0.36
    assert got["Information Technology"][0] == pytest.approx(0.30)
    assert got["Health Care"][0] == pytest.approx(0.21)
    assert got[OTHER][0] == pytest.approx(0.03)  # BBB's unclassified 10 % of its 30 %
    assert got[CASH] == pytest.approx((0.1, 0.5, 0.0))
    assert got["Health Care"][2] == pytest.approx(0.7)
    assert sum(v[0] for v in got.values()) == pytest.approx(1.0)


def test_harmonic_pe_is_total_price_over_total_earnings() -> None:
    r = report_for_weights(["AAA", "BBB"], {"AAA": A, "BBB": B}, {"AAA": 0.6, "BBB": 0.3}, {}, {})
    # $600 at P/E 10 earns $60, $300 at P/E 20 earns $15: $900 / $75 = 12 (the arithmetic mean would say 13.3)
    assert r.valuation_before.pe == pytest.approx(900 / 75)
    assert r.valuation_before.pb == pytest.approx(900 / (600 / 1.0 + 300 / 4.0))
    assert r.valuation_before.pe_coverage == pytest.approx(1.0)
    assert r.valuation_target.pe is None  # nothing held: not available, not zero


def test_missing_pe_is_left_out_and_coverage_says_so() -> None:
    b_no_pe = fund("BBB", sectors=B.sectors)
    r = report_for_weights(
        ["AAA", "BBB"], {"AAA": A, "BBB": b_no_pe}, {"AAA": 0.6, "BBB": 0.3}, {}, {"AAA": 0.6, "BBB": 0.3}
    )
    assert r.valuation_before.pe == pytest.approx(10.0)
    assert r.valuation_before.pe_coverage == pytest.approx(0.6 / 0.9)
    assert any("covers 67 %" in n for n in r.notes)
    row = next(f for f in r.funds if f.ticker == "BBB")
    assert "P/E" in row.missing and "holdings" in row.missing and row.pe is None


def test_company_exposure_and_overlap_by_hand() -> None:
    r = report_for_weights(
        ["AAA", "BBB"], {"AAA": A, "BBB": B}, {"AAA": 0.6, "BBB": 0.3}, {}, {"AAA": 0.6, "BBB": 0.3}
    )
    comp = {c.symbol: c for c in r.companies}
    assert comp["X"].after == pytest.approx(0.6 * 0.10 + 0.3 * 0.03)
    assert comp["X"].funds == ("AAA", "BBB")
    assert comp["Z"].after == pytest.approx(0.06)
    assert [c.symbol for c in r.companies] == ["X", "Z", "Y"]  # largest first: .069, .06, .03
    (ov,) = r.overlaps
    assert (ov.fund_a, ov.fund_b, ov.shared) == ("AAA", "BBB", 1)
    assert ov.overlap == pytest.approx(0.03)  # min(10 %, 3 %) on X
    assert ov.lower_bound  # top holdings only


def test_unknown_ticker_and_bond_fund_are_their_own_rows() -> None:
    agg = fund("AGG", kind="bond", expense_ratio=0.0003)
    r = report_for_weights(
        ["AAA", "AGG", "MSFT"], {"AAA": A, "AGG": agg}, {"AAA": 0.5, "AGG": 0.3, "MSFT": 0.2}, {}, {}
    )
    got = rows(r)
    assert got[BONDS][0] == pytest.approx(0.3)
    assert got[NO_DATA][0] == pytest.approx(0.2)
    assert r.no_data == ("MSFT",)
    assert r.valuation_before.pe == pytest.approx(10.0)  # the bond fund and the stock are not in the P/E
    agg_row = next(f for f in r.funds if f.ticker == "AGG")
    assert "P/E" not in agg_row.missing and "sector weights" not in agg_row.missing  # not applicable


def test_benchmark_and_mixed_methods_are_reported() -> None:
    spy = fund("SPY", sectors={"Information Technology": 1.0}, pe=25.0, pe_method=EarningsMethod.UNKNOWN)
    r = report_for_weights(["AAA"], {"AAA": A, "SPY": spy}, {"AAA": 1.0}, {"AAA": 1.0}, {"AAA": 1.0})
    assert r.benchmark_name == "S&P 500 (SPY)"
    assert r.benchmark is not None and r.benchmark.pe == 25.0
    assert any("different methods" in n for n in r.notes)
    same = fund("SPY", pe=25.0, pe_method=EarningsMethod.EXCLUDES_LOSS_MAKERS)
    r2 = report_for_weights(["AAA"], {"AAA": A, "SPY": same}, {"AAA": 1.0}, {}, {})
    assert not any("different methods" in n for n in r2.notes)


def test_sector_exposure_is_linear_in_the_weights() -> None:
    rng = np.random.default_rng(3)
    funds = {}
    for i in range(5):
        w = rng.dirichlet(np.ones(len(SECTORS))) * rng.uniform(0.9, 1.0)
        funds[f"F{i}"] = fund(f"F{i}", sectors=dict(zip(SECTORS, w, strict=True)))
    model = build_model(list(funds), funds)
    assert np.allclose(model.sector_matrix.sum(axis=0), 1.0)
    for _ in range(20):
        x = rng.dirichlet(np.ones(5)) * rng.uniform(0.5, 1.0)
        y = rng.dirichlet(np.ones(5))
        r = lookthrough(model, x, y, 0.3 * x + 0.7 * y)
        for row in r.sectors:
            if row.sector == CASH:
                continue
            assert row.after == pytest.approx(0.3 * row.before + 0.7 * row.target, abs=1e-12)


def _random_holdings_csv(rng: np.random.Generator, funds: int, universe: int) -> tuple[str, pd.DataFrame]:
    names = [f"C{i:03d}" for i in range(universe)]
    sector_of = {n: SECTORS[int(rng.integers(len(SECTORS)))] for n in names}
    lines = ["fund,symbol,weight_pct,sector"]
    recs = []
    for f in range(funds):
        held = rng.choice(names, size=int(rng.integers(5, universe)), replace=False)
        w = rng.dirichlet(np.ones(len(held))) * 100
        for n, x in zip(held, w, strict=True):
            lines.append(f"F{f},{n},{float(x)!r},{sector_of[n]}")
            recs.append((f"F{f}", str(n), sector_of[n], float(x) / 100))
    return "\n".join(lines), pd.DataFrame(recs, columns=["fund", "symbol", "sector", "weight"])


@pytest.mark.parametrize("seed", range(8))
def test_matches_independent_pandas_lookthrough(seed: int) -> None:
    rng = np.random.default_rng(seed)
    text, df = _random_holdings_csv(rng, funds=4, universe=30)
    funds = parse_holdings_csv(text)
    tickers = sorted(funds)
    w = rng.dirichlet(np.ones(len(tickers))) * 0.95
    pw = dict(zip(tickers, w, strict=True))
    r = report_for_weights(tickers, funds, pw, pw, pw, top=100)
    # independent: holdings × portfolio weight, grouped
    df = df.assign(port=df["weight"] * df["fund"].map(pw))
    by_sector = df.groupby("sector")["port"].sum()
    got = rows(r)
    for s, v in by_sector.items():
        assert got[str(s)][0] == pytest.approx(v, abs=1e-12)
    by_company = df.groupby("symbol")["port"].sum()
    assert {c.symbol: c.after for c in r.companies} == pytest.approx(by_company.to_dict(), abs=1e-12)
    pivot = df.pivot_table(index="symbol", columns="fund", values="weight", aggfunc="sum").fillna(0.0)
    for ov in r.overlaps:
        expected = np.minimum(pivot[ov.fund_a], pivot[ov.fund_b]).sum()
        assert ov.overlap == pytest.approx(expected, abs=1e-12)
        assert not ov.lower_bound  # complete holdings lists: the overlap is exact
    assert len(r.overlaps) == len(tickers) * (len(tickers) - 1) // 2


def test_sources_and_dates_travel_with_the_report() -> None:
    r = report_for_weights(["AAA"], {"AAA": A}, {"AAA": 1.0}, {}, {})
    assert r.sources == ("hand-built, as of 2025-06-30",)
    assert r.funds[0].provenance == "hand-built, as of 2025-06-30"
    doc = r.to_dict()
    assert doc["valuation_target"]["pe"] is None  # JSON null, never 0


def test_funds_on_the_same_index_are_said_to_overlap_nearly_fully() -> None:
    iwm = fund("IWM", index="Russell 2000", sectors={"Financials": 1.0}, holdings=(Holding("X", "X", 0.01),))
    vtwo = fund("VTWO", index="Russell 2000", sectors={"Financials": 1.0})  # no holdings listed
    ijr = fund(
        "IJR", index="S&P SmallCap 600", sectors={"Financials": 1.0}, holdings=(Holding("Y", "Y", 0.01),)
    )
    r = report_for_weights(
        ["IWM", "VTWO", "IJR", "ZZZ"],
        {"IWM": iwm, "VTWO": vtwo, "IJR": ijr},
        {},
        {},
        {"IWM": 0.4, "VTWO": 0.3, "IJR": 0.2, "ZZZ": 0.1},
    )
    assert [(o.fund_a, o.fund_b, o.same_index) for o in r.overlaps] == [("IWM", "VTWO", "Russell 2000")]
    assert r.overlaps[0].overlap == 0.0 and r.overlaps[0].lower_bound  # the listed number stays what it is
