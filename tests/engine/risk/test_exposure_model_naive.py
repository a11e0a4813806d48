"""``build_model``'s company matrix and names against a plain-Python loop over the holdings (random funds
with shared companies, a symbol listed twice in one fund, a fund without holdings, a ticker without data)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from engine.data.funds import FundData, Holding
from engine.risk.exposures import build_model


def _funds(seed: int) -> dict[str, FundData]:
    rng = np.random.default_rng(seed)
    out = {}
    for f in range(5):
        picks = rng.choice(40, size=int(rng.integers(1, 25)), replace=True)  # repeats: listed twice
        hs = tuple(Holding(f"S{i}", f"Name {i} via F{f}", float(rng.uniform(0, 0.03))) for i in picks)
        out[f"F{f}"] = FundData(f"F{f}", "t", date(2025, 1, 1), holdings=hs)
    out["EMPTY"] = FundData("EMPTY", "t", date(2025, 1, 1), holdings=None)
    return out


@pytest.mark.parametrize("seed", range(6))
def test_company_matrix_matches_a_plain_loop(seed: int) -> None:
    funds = _funds(seed)
    tickers = ["F3", "NODATA", "F0", "EMPTY", "F1", "F4", "F2"]
    m = build_model(tickers, funds)
    want: dict[tuple[str, str], float] = {}
    first_name: dict[str, str] = {}
    for t in tickers:
        for h in (funds[t].holdings or ()) if t in funds else ():
            want[(h.symbol, t)] = want.get((h.symbol, t), 0.0) + h.weight
            first_name.setdefault(h.symbol, h.name)
    assert set(m.companies) == {s for s, _ in want}
    for k, sym in enumerate(m.companies):
        assert m.company_names[k] == first_name[sym]  # the first fund (in ticker order) names it
        for j, t in enumerate(m.tickers):
            assert m.company_matrix[k, j] == pytest.approx(want.get((sym, t), 0.0), abs=1e-15)
        assert m.company_index(sym) == k
    assert m.company_index("NOPE") is None
    w = np.linspace(0.05, 0.2, len(tickers))
    sym = m.companies[0]
    assert m.exposure("company", sym, w) == pytest.approx(
        sum(want.get((sym, t), 0.0) * w[j] for j, t in enumerate(m.tickers))
    )
    assert m.exposure("company", "NOPE", w) is None


def test_no_holdings_anywhere() -> None:
    m = build_model(["A", "B"], {"A": FundData("A", "t", None, sectors={"Energy": 1.0})})
    assert m.company_matrix.shape == (0, 2) and m.companies == ()
    assert m.held_sectors() == ("Energy",)
