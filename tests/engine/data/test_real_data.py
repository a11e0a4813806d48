"""The importer, data checks and estimators on real public price files (skipped when ../shared is absent)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from engine.data.checks import check_prices
from engine.data.csv_import import read_price_csv
from engine.risk.covariance import estimate_covariance
from tests.conftest import shared_real

pytestmark = pytest.mark.realdata

EXPECTED_COLUMN = {
    "IWM": "Adj Close",
    "VTWO": "Adj Close",
    "SPY": "Adj Close",
    "AGG": "Adj Close",
    "XLF": "Adj Close",
    "VB": "Adjusted_close",
    "IJR": "Adjusted_close",
    "SLY": "Adjusted_close",
    "VBR": "Close",
    "VBK": "Close",
    "VOO": "Close",
    "IWO": "Close",
    "BND": "Close",
}


@pytest.mark.parametrize("ticker", sorted(EXPECTED_COLUMN))
def test_every_layout_reads_with_the_adjusted_column(ticker: str) -> None:
    f = read_price_csv(shared_real("prices", "long-daily", f"{ticker}.csv"))[0]
    assert f.ticker == ticker
    assert f.column == EXPECTED_COLUMN[ticker]
    assert f.prices.index.is_monotonic_increasing and f.prices.index.is_unique
    assert (f.prices > 0).all()
    # adjusted series: no split-sized overnight moves (VOO's reverse split, IJR/SLY raw splits)
    r = f.prices.pct_change().dropna()
    big = r[r.abs() > 0.25]
    assert set(big.index) <= {pd.Timestamp("2008-09-18"), pd.Timestamp("2008-09-19")}, big


def test_sly_bad_print_is_flagged_and_left_out() -> None:
    f = read_price_csv(shared_real("prices", "long-daily", "SLY.csv"))[0]
    notes = [n for n in f.notes if "bad print" in n]
    assert len(notes) == 1 and "2008-09-18" in notes[0] and "volume 920" in notes[0]
    checked = check_prices(f.prices.to_frame(), f.volume.to_frame("SLY") if f.volume is not None else None)
    r = checked.prices["SLY"].pct_change().dropna()
    assert r.max() < 0.2
    assert checked.spikes[0].day == pd.Timestamp("2008-09-18")


def test_raw_close_splits_of_ijr_are_recognized() -> None:
    """If only the raw Close were given, the real 3:1 and 2:1 splits must not become fake crashes."""
    raw = pd.read_csv(shared_real("prices", "long-daily", "IJR.csv"), usecols=["Date", "Close"])
    from engine.data.checks import find_split_jumps

    s = pd.Series(raw["Close"].to_numpy(), index=pd.to_datetime(raw["Date"]), name="IJR")
    jumps = find_split_jumps(s)
    assert [(j.day.strftime("%Y-%m-%d"), round(1 / j.ratio)) for j in jumps] == [
        ("2005-06-09", 3),
        ("2017-01-19", 2),
    ]


def test_no_false_alarms_on_clean_real_histories() -> None:
    for t in ("IWM", "SPY", "XLF", "XLE", "IJR", "VBR"):
        f = read_price_csv(shared_real("prices", "long-daily", f"{t}.csv"))[0]
        assert not [n for n in f.notes[1:] if "bad print" in n or "split" in n], (t, f.notes)


def test_long_files_agree_with_the_aligned_set() -> None:
    a = read_price_csv(shared_real("prices", "long-daily", "IWM.csv"))[0].prices
    b = read_price_csv(shared_real("prices", "aligned-daily-2016-2021", "IWM.csv"))[0].prices
    both = pd.concat([a, b], axis=1, keys=["long", "aligned"]).dropna().pct_change().dropna()
    assert len(both) > 1000
    assert both.corr().iloc[0, 1] > 0.9999


def test_estimators_on_the_aligned_real_set() -> None:
    tickers = ["IWM", "VTWO", "IWN", "IWO", "VB", "VBR", "VBK", "IJR", "SPY", "AGG"]
    frame = pd.concat(
        {
            t: read_price_csv(shared_real("prices", "aligned-daily-2016-2021", f"{t}.csv"))[0].prices
            for t in tickers
        },
        axis=1,
    ).dropna()
    r = frame.pct_change().dropna().to_numpy()
    for est in ("sample", "ewma", "ledoit_wolf"):
        cov = estimate_covariance(r, est, half_life=126)
        assert np.linalg.eigvalsh(cov).min() > 0
        vol = np.sqrt(np.diag(cov))
        corr = cov / np.outer(vol, vol)
        assert 0.15 < vol[0] < 0.45  # IWM, annualized
        assert vol[tickers.index("AGG")] < 0.1
        assert corr[0, 1] > 0.95  # IWM and VTWO track the same index
    lw = estimate_covariance(r, "ledoit_wolf")
    sample = estimate_covariance(r, "sample")
    assert np.allclose(np.diag(lw), np.diag(sample))  # variances kept, also for the low-volatility AGG
    assert np.allclose(lw, sample, rtol=0.05, atol=1e-5)  # little shrinkage with 1257 days
