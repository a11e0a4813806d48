"""Stress windows and the rate view on hand-built paths with known answers."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from engine.errors import DataError
from engine.risk.rates import NO_RATES, rate_sensitivity, read_rate_csv
from engine.risk.stress import Window, parse_window, stress_test, stress_window

W2008 = Window("test", date(2008, 1, 1), date(2008, 12, 31))


def _prices() -> pd.DataFrame:
    d = pd.bdate_range("2007-06-01", "2012-12-31")
    a = pd.Series(100.0, index=d)
    in08 = (d >= "2008-01-01") & (d <= "2008-12-31")
    a[in08] = np.linspace(100.0, 50.0, int(in08.sum()))  # falls by half over 2008...
    a[d > "2008-12-31"] = 50.0
    iwm = a.copy()
    iwm[(d >= "2008-06-02") & (d <= "2008-06-06")] = 40.0  # ...IWM dips lower in June, then rejoins A
    vtwo = pd.Series(np.nan, index=d)
    vtwo[d >= "2010-09-22"] = 80.0  # VTWO starts in 2010
    return pd.DataFrame({"A": a, "B": 100.0, "IWM": iwm, "VTWO": vtwo})


def test_loss_per_sleeve_and_total_by_hand() -> None:
    sets = {"current": {"A": 0.6, "B": 0.3}, "target": {"A": 0.3, "B": 0.6}}
    res = stress_window(_prices(), W2008, sets, {"A": "Small", "B": "Bonds"}, 1_000.0)
    cur, tgt = res.losses
    # A halves over the window, B is flat, 10 % cash: 600 -> 300
    assert (cur.change, cur.change_pct) == (pytest.approx(-300.0), pytest.approx(-0.30))
    assert (tgt.change, tgt.change_pct) == (pytest.approx(-150.0), pytest.approx(-0.15))
    small = next(s for s in cur.sleeves if s.sleeve == "Small")
    bonds = next(s for s in cur.sleeves if s.sleeve == "Bonds")
    assert (small.start_value, small.change, small.change_pct) == (
        600.0,
        pytest.approx(-300.0),
        pytest.approx(-0.5),
    )
    assert bonds.change == pytest.approx(0.0)
    assert cur.trough_day == date(2008, 12, 31) and cur.trough_pct == pytest.approx(-0.30)
    assert res.first_day == date(2008, 1, 1) and res.last_day == date(2008, 12, 31)
    assert not res.proxies and not res.missing


def test_a_young_fund_is_proxied_by_a_named_older_one_and_said_so() -> None:
    res = stress_window(_prices(), W2008, {"proposed": {"VTWO": 0.5, "B": 0.5}}, {"VTWO": "Core"}, 2_000.0)
    assert res.proxies == {"VTWO": "IWM"}
    assert "VTWO did not trade yet (its prices start 2010-09-22): IWM stands in for it" in res.note
    (loss,) = res.losses
    assert loss.change == pytest.approx(1_000.0 * (50.0 / 100.0 - 1.0))
    # the lowest point is IWM's June dip: 1,000 × 40/100 + 1,000
    assert loss.trough_pct == pytest.approx((400.0 + 1_000.0) / 2_000.0 - 1.0)
    assert loss.trough_day.month == 6


def test_a_fund_without_prices_or_proxy_is_left_out_and_named() -> None:
    res = stress_window(_prices(), W2008, {"current": {"XYZ": 0.5, "A": 0.5}}, {}, 1_000.0)
    assert res.missing == ("XYZ",)
    assert "XYZ" in res.note and "counted as cash" in res.note
    assert res.losses[0].change == pytest.approx(-250.0)


def test_user_windows_and_a_worthless_portfolio() -> None:
    w = parse_window("Debt ceiling=2011-07-22..2011-10-03")
    assert (w.name, w.start, w.end, w.user) == ("Debt ceiling", date(2011, 7, 22), date(2011, 10, 3), True)
    assert parse_window("2011-07-22..2011-10-03").name == "2011-07-22 .. 2011-10-03"
    for bad in ("2011-07-22", "2011-13-01..2011-10-03", "2011-10-03..2011-07-22"):
        with pytest.raises(DataError, match="stress window"):
            parse_window(bad)
    with pytest.raises(DataError, match="worth nothing"):
        stress_test(_prices(), {"current": {"A": 1.0}}, {}, 0.0)


def test_stress_reports_progress_per_window_and_stops_when_cancelled() -> None:
    w2 = Window("second", date(2009, 1, 1), date(2009, 6, 30))
    seen: list[tuple[str, float]] = []
    out = stress_test(
        _prices(), {"current": {"A": 1.0}}, {}, 1.0, (W2008, w2), progress=lambda m, f: seen.append((m, f))
    )
    assert len(out) == 2 and seen == [("Replaying: test", 0.0), ("Replaying: second", 0.5)]
    asked: list[int] = []

    def cancel_after_first() -> bool:
        asked.append(1)
        return len(asked) > 1

    with pytest.raises(DataError, match="cancelled"):
        stress_test(_prices(), {"current": {"A": 1.0}}, {}, 1.0, (W2008, w2), cancel=cancel_after_first)


def _monthly(n: int, slope: float, seed: int) -> tuple[pd.DataFrame, pd.Series, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    ends = pd.date_range("2005-01-31", periods=n + 1, freq="ME")
    dr = rng.normal(0.0, 0.25, n)  # monthly change of the rate, percentage points
    r = slope * dr + rng.normal(0.005, 0.04, n)
    prices = pd.DataFrame(
        {"IWM": 100.0 * np.concatenate([[1.0], np.cumprod(1 + r)]), "AGG": 100.0}, index=ends
    )
    rates = pd.Series(4.0 + np.concatenate([[0.0], np.cumsum(dr)]), index=ends, name="DGS10")
    return prices, rates, dr, r


def test_rate_sensitivity_matches_scipy_and_recovers_a_known_slope() -> None:
    prices, rates, dr, r = _monthly(240, -0.03, seed=4)
    s = rate_sensitivity(prices, {"IWM": 0.8, "AGG": 0.2}, rates)
    ref = stats.linregress(dr, 0.8 * r)  # AGG is flat: the portfolio return is 0.8 r
    assert s.available and s.months == 240
    assert s.slope == pytest.approx(ref.slope, rel=1e-10)
    assert s.stderr == pytest.approx(ref.stderr, rel=1e-10)
    assert s.r2 == pytest.approx(ref.rvalue**2, rel=1e-10)
    assert abs(s.slope - 0.8 * -0.03) < 3 * s.stderr
    assert "not a forecast" in s.message and "2005-02" in s.message and "95 % interval" in s.message


def test_no_rate_series_is_said_plainly() -> None:
    prices, _, _, _ = _monthly(60, 0.0, seed=1)
    s = rate_sensitivity(prices, {"IWM": 1.0}, None)
    assert not s.available and s.message == NO_RATES and s.slope is None
    short, rates, _, _ = _monthly(12, 0.0, seed=1)
    assert "at least 24" in rate_sensitivity(short, {"IWM": 1.0}, rates).message


def test_rate_file_reader(tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "DGS10.csv"
    rows = ["DATE,DGS10"] + [
        f"2020-{m:02d}-{d:02d},{1.5 + d / 100}" for m in range(1, 4) for d in range(1, 15)
    ]
    rows[5] = "2020-01-05,."
    f.write_text("\n".join(rows) + "\n")
    s = read_rate_csv(f)
    assert s.name == "DGS10" and len(s) == 41 and s.iloc[0] == pytest.approx(1.51)
    bad = tmp_path / "bad.csv"
    bad.write_text("just one column\n1\n2\n")
    with pytest.raises(DataError, match="two columns"):
        read_rate_csv(bad)
    with pytest.raises(DataError, match="rate file not found"):
        read_rate_csv(tmp_path / "absent.csv")


def test_stress_history_from_the_price_store_is_checked_and_includes_proxies(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from engine.backtest.history import full_history
    from engine.data import PriceStore
    from engine.model.scenario import AssetTarget, Portfolio, Role, Scenario, Sleeve, TargetTree
    from tests.helpers import market

    monkeypatch.setenv("CORESAT_DATA_DIR", str(tmp_path))
    prices = _prices()
    prices.loc["2008-06-10", "IWM"] = 400.0  # a one-day bad print, back the next day
    PriceStore().write(prices[["IWM", "VTWO"]], "test")
    sc = Scenario(
        "x",
        Portfolio(cash=1.0),
        TargetTree(sleeves=(Sleeve("Core", Role.CORE, 1.0, (AssetTarget("VTWO", 1.0),)),)),
    )
    snap = replace(market(["VTWO"]), price_source="price store as of 2012-12-31")
    full = full_history(sc, snap)
    assert list(full.columns) == ["VTWO", "IWM"]  # IWM comes along to stand in for VTWO
    assert full["IWM"].max() <= 100.0  # the bad print was taken out, as for the market itself
