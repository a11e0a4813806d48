"""CSV importer: layouts, column choice, splits, bad prints and clear errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from engine.data.csv_import import read_price_csv, ticker_from_filename
from engine.errors import DataError

FIX = Path(__file__).parent / "fixtures"


def test_yahoo_layout_uses_adj_close_and_skips_null_rows() -> None:
    f = read_price_csv(FIX / "IWM.csv")[0]
    assert f.ticker == "IWM"
    assert f.layout == "Yahoo download"
    assert f.column == "Adj Close"
    assert f.prices.iloc[0] == pytest.approx(195.10)
    assert len(f.prices) == 5  # the "null" row is skipped
    assert any("'Adj Close'" in n for n in f.notes)
    assert any("1 rows without a price" in n for n in f.notes)
    assert f.volume is not None and f.volume.iloc[0] == 41_000_000


def test_yfinance_history_export_with_utc_offsets() -> None:
    f = read_price_csv(FIX / "VBR.csv")[0]
    assert f.layout == "yfinance history() export"
    assert f.column == "Close"
    assert f.first_day == pd.Timestamp("2013-10-21")  # the exchange date, not shifted by the offset
    assert f.prices.index.tz is None
    # the listed split is already applied to the prices: nothing is changed
    assert f.prices.loc["2013-10-24"] == pytest.approx(90.90)
    assert not any("split" in n for n in f.notes)


def test_yfinance_export_whose_split_was_not_applied_is_adjusted(tmp_path: Path) -> None:
    text = (
        (FIX / "VBR.csv")
        .read_text()
        .replace(
            "2013-10-24 00:00:00-04:00,90.40,91.10,90.20,90.90",
            "2013-10-24 00:00:00-04:00,180.8,182.2,180.4,181.80",
        )
    )
    # after a 1-for-2 reverse split every later price is doubled in a raw export
    lines = text.splitlines()
    out = [lines[0]]
    for ln in lines[1:]:
        cells = ln.split(",")
        if cells[0] >= "2013-10-25":
            cells[4] = f"{float(cells[4]) * 2:.2f}"
        out.append(",".join(cells))
    p = tmp_path / "VOO.csv"
    p.write_text("\n".join(out) + "\n")
    f = read_price_csv(p)[0]
    r = f.prices.pct_change().dropna()
    assert r.abs().max() < 0.05  # no fake +100 % day
    assert any("reverse split" in n for n in f.notes)


def test_eodhd_layout_prefers_adjusted_close_over_raw_split_close() -> None:
    f = read_price_csv(FIX / "IJR_US.csv")[0]
    assert f.ticker == "IJR"
    assert f.layout == "EODHD"
    assert f.column == "Adjusted_close"
    assert f.prices.pct_change().dropna().abs().max() < 0.05  # the 2:1 split is not a -50 % day
    assert any("raw Close was not used" in n for n in f.notes)


def test_plain_close_with_unadjusted_split_is_adjusted_and_reported() -> None:
    f = read_price_csv(FIX / "plain_split.csv", ticker="abc")[0]
    assert f.ticker == "ABC"
    assert f.layout == "plain Date,Close"
    r = f.prices.pct_change().dropna()
    assert r.min() > -0.05  # not a fake -50 % return
    assert f.prices.iloc[-1] == pytest.approx(41.30)  # recent prices stay as they are
    assert f.prices.iloc[0] == pytest.approx(40.00)  # earlier ones are divided by 2
    assert any("2-for-1 split" in n and "2020-06-04" in n for n in f.notes)


def test_wide_layout_gives_one_file_per_column() -> None:
    files = read_price_csv(FIX / "wide.csv")
    assert [f.ticker for f in files] == ["IWM", "IWN"]
    assert all(f.layout.startswith("wide") for f in files)
    assert files[1].prices.iloc[-1] == pytest.approx(154.80)


def test_us_style_dates() -> None:
    f = read_price_csv(FIX / "us_dates.csv", ticker="XYZ")[0]
    assert f.first_day == pd.Timestamp("2024-03-01")


def test_unsorted_duplicates_and_non_positive_rows(tmp_path: Path) -> None:
    p = tmp_path / "ABC.csv"
    p.write_text("Date,Close\n2024-01-03,11\n2024-01-02,10\n2024-01-03,12\n2024-01-04,0\n2024-01-05,12.5\n")
    f = read_price_csv(p)[0]
    assert list(f.prices.index.strftime("%m-%d")) == ["01-02", "01-03", "01-05"]
    assert f.prices.loc["2024-01-03"] == 12
    assert any("repeated dates" in n for n in f.notes)
    assert any("zero or negative" in n for n in f.notes)


def test_bad_print_is_flagged_with_its_volume(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    days = pd.bdate_range("2008-06-02", periods=80)
    adj = 20 * np.exp(np.cumsum(rng.normal(0, 0.01, len(days))))
    vol = rng.integers(5_000, 50_000, len(days)).astype(float)
    adj[60] = adj[59] * 1.43  # +43 % on a thin day ...
    vol[60] = 920
    adj[61] = adj[59] * 1.01  # ... back the next day
    df = pd.DataFrame(
        {
            "Date": days.strftime("%Y-%m-%d"),
            "Open": adj,
            "High": adj,
            "Low": adj,
            "Close": adj * 2.7,
            "Adjusted_close": adj,
            "Volume": vol,
        }
    )
    p = tmp_path / "SLY_US.csv"
    df.to_csv(p, index=False)
    f = read_price_csv(p)[0]
    flagged = [n for n in f.notes if "bad print" in n]
    assert len(flagged) == 1
    assert days[60].strftime("%Y-%m-%d") in flagged[0]
    assert "+43 %" in flagged[0] and "volume 920" in flagged[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "not a readable CSV"),
        ("Date,Open,Volume\n2024-01-02,1,2\n", "no price column"),
        ("Date,Close\nyesterday,1\ntoday,2\n", "cannot read dates"),
        ("Date,Close\n2024-01-02,5\n", "fewer than two"),
        ("Date,Close\n", "no price rows"),
    ],
)
def test_bad_files_give_one_line_messages(tmp_path: Path, content: str, message: str) -> None:
    p = tmp_path / "ABC.csv"
    p.write_text(content)
    with pytest.raises(DataError, match=message) as exc:
        read_price_csv(p)
    assert "\n" not in str(exc.value)
    assert "ABC.csv" in str(exc.value)


def test_missing_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="file not found"):
        read_price_csv(tmp_path / "nope.csv")


def test_ticker_from_filename() -> None:
    assert ticker_from_filename("IJR_US.csv") == "IJR"
    assert ticker_from_filename("/x/y/vbr prices.csv") == "VBR"
    assert ticker_from_filename("IWM.csv") == "IWM"


def test_gaps_in_a_single_file_are_reported(tmp_path: Path) -> None:
    days = pd.bdate_range("2024-02-01", periods=40)
    keep = np.r_[0:10, 16:40]  # six weekdays missing
    p = tmp_path / "ABC.csv"
    pd.DataFrame({"Date": days[keep].strftime("%Y-%m-%d"), "Close": 50 + np.arange(len(keep)) * 0.1}).to_csv(
        p, index=False
    )
    f = read_price_csv(p)[0]
    gaps = [n for n in f.notes if "weekdays without a price" in n]
    assert len(gaps) == 1 and "longest 5 days from 2024-02-15" in gaps[0]  # 6 weekdays, one a holiday
    assert not [n for n in read_price_csv(FIX / "IWM.csv")[0].notes if "weekdays without" in n]
