"""Fund-data sources: Yahoo funds_data (through yfinance's own parser on recorded-shape replies), the
bundled snapshot, the user holdings CSV, the fund cache, and which source wins."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.data.fund_files import bundled_snapshot, parse_holdings_csv, parse_snapshot, read_holdings_csv
from engine.data.fund_store import FundStore
from engine.data.funds import (
    OTHER,
    SECTORS,
    EarningsMethod,
    FundData,
    canonical_sector,
    load_funds,
    normalise_sectors,
)
from engine.data.funds_yahoo import YahooFundSource
from engine.errors import DataError
from tests.engine.data.fund_fakes import BROKEN, NOT_FOUND, factory, quote_summary

TODAY = date(2026, 11, 20)
KNOWN = ("IWM", "VTWO", "IWN", "VBR", "IJR", "SPSM", "IWO", "VBK", "VB", "SPY", "AGG")


# -- sector names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("financial_services", "Financials"),
        ("consumer_cyclical", "Consumer Discretionary"),
        ("consumer_defensive", "Consumer Staples"),
        ("basic_materials", "Materials"),
        ("technology", "Information Technology"),
        ("realestate", "Real Estate"),
        ("healthcare", "Health Care"),
        ("Health Care", "Health Care"),
        ("Information Technology", "Information Technology"),
        ("Telecommunication Services", "Communication Services"),
        ("Cash and/or Derivatives", OTHER),
        ("", OTHER),
        (None, OTHER),
    ],
)
def test_sector_names_map_to_one_scheme(raw: str | None, name: str) -> None:
    assert canonical_sector(raw) == name


def test_normalise_sectors_sums_aliases_and_reads_percent() -> None:
    got = normalise_sectors({"technology": 20, "Information Technology": 10, "Gold": 5, "energy": 65})
    assert got == pytest.approx({"Information Technology": 0.30, OTHER: 0.05, "Energy": 0.65})
    assert normalise_sectors({}) is None
    assert normalise_sectors({"energy": float("nan")}) is None  # nothing usable: not available


# -- Yahoo ----------------------------------------------------------------------------------------------


def test_yahoo_full_reply_parsed_by_yfinance() -> None:
    calls, make = factory({"IWM": quote_summary("IWM")})
    res = YahooFundSource(ticker_factory=make, today=TODAY).fetch_funds(["iwm"])
    fd = res.funds["IWM"]
    assert fd.sectors is not None and set(fd.sectors) <= set(SECTORS)
    assert fd.sectors["Financials"] == pytest.approx(0.18)
    assert sum(fd.sectors.values()) == pytest.approx(0.985)
    assert fd.holdings is not None and [h.symbol for h in fd.holdings] == ["SFM", "FTAI"]
    assert fd.holdings[0].weight == pytest.approx(0.0052)
    assert not fd.holdings_complete
    assert (fd.pe, fd.pb, fd.expense_ratio) == (15.2, 2.1, 0.0019)
    assert fd.pe_method is EarningsMethod.UNKNOWN  # Yahoo does not say
    assert fd.as_of == TODAY and "download day" in " ".join(fd.notes)
    assert fd.missing() == ("holdings count",)
    assert calls.calls == ["IWM"]  # one request for all fields


def test_yahoo_missing_fields_are_not_available_not_zero() -> None:
    _, make = factory({"IWM": quote_summary("IWM", drop=("equityHoldings", "holdings"), expense=None)})
    fd = YahooFundSource(ticker_factory=make, today=TODAY).fetch_funds(["IWM"]).funds["IWM"]
    assert fd.pe is None and fd.pb is None and fd.expense_ratio is None and fd.holdings is None
    assert set(fd.missing()) == {"holdings", "holdings count", "expense ratio", "P/E", "P/B"}
    assert fd.sectors is not None


def test_yahoo_implausible_pe_is_dropped_with_a_note() -> None:
    _, make = factory({"IWM": quote_summary("IWM", pe=0.04)})
    fd = YahooFundSource(ticker_factory=make, today=TODAY).fetch_funds(["IWM"]).funds["IWM"]
    assert fd.pe is None and any("0.04" in n for n in fd.notes)


def test_yahoo_failures_are_reported_per_ticker() -> None:
    replies = {
        "IWM": quote_summary("IWM"),
        "AAPL": NOT_FOUND,
        "BAD": BROKEN,
        "EMPTY": quote_summary("EMPTY", sectors=[], holdings=[], pe=None, pb=None, expense=None),
    }
    calls, make = factory(replies)
    res = YahooFundSource(ticker_factory=make, today=TODAY).fetch_funds(
        ["IWM", "AAPL", "BAD", "EMPTY", "OFF"]
    )
    assert set(res.funds) == {"IWM"}
    assert set(res.failed) == {"AAPL", "BAD", "EMPTY", "OFF"}
    assert all("Yahoo has no fund data" in why for why in res.failed.values())
    assert calls.calls.count("BAD") == 1  # a failed parse is not retried field by field


def test_yahoo_bond_fund_is_a_bond_fund() -> None:
    _, make = factory(
        {"AGG": quote_summary("AGG", sectors=[], category="Intermediate Core Bond", pe=None, pb=None)}
    )
    fd = YahooFundSource(ticker_factory=make, today=TODAY).fetch_funds(["AGG"]).funds["AGG"]
    assert fd.kind == "bond" and "P/E" not in fd.missing()


# -- bundled snapshot ------------------------------------------------------------------------------------


def test_snapshot_covers_the_known_funds_with_date_source_and_method() -> None:
    snap = bundled_snapshot()
    assert snap.as_of == date(2024, 12, 31)
    assert "without network access" in snap.source and "Approximate" in snap.caveat
    for t in KNOWN:
        fd = snap.funds[t]
        assert fd.as_of == snap.as_of and fd.approximate and fd.source == "bundled snapshot"
        assert "as of 2024-12-31 (approximate)" in fd.provenance()
        assert fd.expense_ratio is not None and 0 < fd.expense_ratio < 0.01
        if fd.kind == "equity":
            assert fd.sectors is not None and 0.95 <= sum(fd.sectors.values()) <= 1.0001
            assert set(fd.sectors) <= set(SECTORS)
            assert fd.pe is not None and fd.pb is not None
    assert snap.funds["IWM"].pe_method is EarningsMethod.EXCLUDES_LOSS_MAKERS
    assert snap.funds["AGG"].kind == "bond" and snap.funds["AGG"].sectors is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{", "not valid JSON"),
        ('{"format": "other"}', "not a coresat-fund-snapshot"),
        (
            '{"format": "coresat-fund-snapshot", "as_of": "soon", "source": "x", "funds": {}}',
            "header is malformed",
        ),
        (
            '{"format": "coresat-fund-snapshot", "as_of": "2025-01-01", "source": "x", '
            '"funds": {"IWM": {"holdings": [{"weight": 0.1}]}}}',
            "fund data for IWM is malformed",
        ),
    ],
)
def test_bad_snapshot_is_one_clear_error(text: str, words: str) -> None:
    with pytest.raises(DataError, match=words):
        parse_snapshot(text)


# -- user CSV ----------------------------------------------------------------------------------------------


def test_holdings_csv_with_sectors_gives_sector_weights() -> None:
    text = "Fund,Ticker,Name,Weight,Sector\niwm,AAA,A Co,60%,Financials\nIWM,BBB,B Co,40,technology\nXYZ,AAA,,5,\n"
    funds = parse_holdings_csv(text, label="CSV h.csv")
    iwm = funds["IWM"]
    assert iwm.sectors == pytest.approx({"Financials": 0.6, "Information Technology": 0.4})
    assert iwm.holdings_complete and iwm.holdings_count == 2 and iwm.source == "CSV h.csv"
    xyz = funds["XYZ"]
    assert xyz.sectors is None and not xyz.holdings_complete and xyz.holdings_count is None
    assert "sector weights" in xyz.missing()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("fund,weight_pct\nIWM,3\n", "line 1: header lacks symbol"),
        ("fund,symbol,weight_pct\nIWM,AAA,three\n", "line 2: weight 'three' is not a number"),
        ("fund,symbol,weight_pct\nIWM,AAA,5\nIWM,BBB,-1\n", "line 3: weight -1 must be between 0 and 100"),
        ("fund,symbol,weight_pct\nIWM,,5\n", "line 2: fund and symbol must not be empty"),
        ("fund,symbol,weight_pct\nIWM,AAA\n", "line 2: too few columns"),
        ("fund,symbol,weight_pct\nIWM,AAA,70\nIWM,BBB,40\n", "add up to 110.00 %"),
        # a decimal comma unquoted in a ","-separated file: refused, never read as weight 1
        ("fund,symbol,weight_pct\nIWM,AAA,1,5\n", "line 2: 4 fields but the header has 3; quote a value"),
        ("fund;symbol;weight_pct\nIWM;AAA;1.5\nIWM;BBB;2,5\n", r"^CSV: '1\.5' \(line 2, weight\) has '\.'"),
    ],
)
def test_bad_holdings_csv_names_the_line(text: str, words: str) -> None:
    with pytest.raises(DataError, match=words):
        parse_holdings_csv(text)


def test_unreadable_holdings_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="fund holdings CSV not found"):
        read_holdings_csv(tmp_path / "none.csv")
    with pytest.raises(DataError, match="a folder, not a file"):
        read_holdings_csv(tmp_path)


def test_holdings_file_with_semicolons_and_decimal_commas(tmp_path: Path) -> None:
    f = tmp_path / "h.csv"
    f.write_text("fund;symbol;weight_pct\n\nIWM;AAA;60,5\nIWM;BBB;39,5\n", encoding="utf-8")
    iwm = read_holdings_csv(f)["IWM"]
    assert [h.weight for h in iwm.holdings or ()] == pytest.approx([0.605, 0.395])
    f.write_text("fund,symbol,weight_pct\n\nIWM,AAA,60\nIWM,BBB,x\n", encoding="utf-8")
    with pytest.raises(DataError, match="line 4"):  # the real line, blank lines counted
        read_holdings_csv(f)


# -- cache and choice of source ----------------------------------------------------------------------------


def test_store_round_trip_and_damaged_rows(tmp_path: Path) -> None:
    store = FundStore(tmp_path / "s.sqlite3")
    assert store.read(["IWM"]) == {} and store.cached() == {}  # no file yet: nothing, no error
    _, make = factory({"IWM": quote_summary("IWM")})
    res = store.update(YahooFundSource(ticker_factory=make, today=TODAY), ["IWM", "OFF"])
    assert set(res.failed) == {"OFF"}
    back = store.read(["IWM"])["IWM"]
    assert back == res.funds["IWM"]
    assert store.cached()["IWM"].as_of == TODAY
    with sqlite3.connect(store.path) as con:
        con.execute("UPDATE fund_data SET payload = '{not json' WHERE ticker = 'IWM'")
    assert store.read(["IWM"]) == {}  # a damaged row counts as absent


def test_load_funds_prefers_csv_then_cache_then_snapshot(tmp_path: Path) -> None:
    csv_file = tmp_path / "h.csv"
    csv_file.write_text("fund,symbol,weight_pct\nIJR,AAA,100\n", encoding="utf-8")
    store = FundStore(tmp_path / "s.sqlite3")
    _, make = factory({"IWM": quote_summary("IWM"), "IJR": quote_summary("IJR")})
    store.update(YahooFundSource(ticker_factory=make, today=TODAY), ["IWM", "IJR"])
    got = load_funds(["IWM", "IJR", "VBR", "NOPE"], store=store, csv_files=[csv_file])
    assert got.funds["IJR"].source == "CSV h.csv"
    assert got.funds["IWM"].source.startswith("Yahoo")
    assert got.funds["VBR"].source == "bundled snapshot"
    assert "NOPE" in got.failed and "bundled snapshot" in got.failed["NOPE"]


def test_fund_data_dict_round_trip() -> None:
    fd = bundled_snapshot().funds["IWM"]
    assert FundData.from_dict(json.loads(json.dumps(fd.to_dict()))) == fd


@pytest.mark.parametrize(
    ("ticker", "sector"),
    [("XLF", "Financials"), ("XLK", "Information Technology"), ("XLE", "Energy"), ("XLU", "Utilities")],
)
def test_snapshot_sector_funds_are_one_sector_and_their_pe_not_available(ticker: str, sector: str) -> None:
    fd = bundled_snapshot().funds[ticker]
    assert fd.sectors == {sector: 1.0}
    assert fd.pe is None and "P/E" in fd.missing()  # left out rather than guessed


# -- fuzz: any input ends in fund data or one clear DataError -----------------------------------------


_VALID_CSV = "fund,symbol,name,weight_pct,sector\nIWM,AAA,A Co,60,Financials\nIWM,BBB,B Co,40%,technology\n"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_holdings_csv_fuzz_text(text: str) -> None:
    try:
        funds = parse_holdings_csv(text)
    except DataError as exc:
        assert "\n" not in str(exc)
        return
    for fd in funds.values():
        assert fd.holdings and all(0 <= h.weight <= 1 for h in fd.holdings)
        assert sum(h.weight for h in fd.holdings) <= 1 + 1e-6


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(_VALID_CSV) - 1), st.text(min_size=1, max_size=5))
def test_holdings_csv_fuzz_mutations(pos: int, insert: str) -> None:
    text = _VALID_CSV[:pos] + insert + _VALID_CSV[pos + 1 :]
    try:
        parse_holdings_csv(text)
    except DataError as exc:
        assert "\n" not in str(exc)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_snapshot_fuzz_bytes(data: bytes) -> None:
    try:
        snap = parse_snapshot(data.decode("utf-8", errors="replace"))
    except DataError as exc:
        assert "\n" not in str(exc)
        return
    for fd in snap.funds.values():
        assert fd.sectors is None or all(v >= 0 for v in fd.sectors.values())
        assert fd.pe is None or fd.pe > 0


@settings(max_examples=100, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.floats() | st.text(max_size=5),
        lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=4),
        max_leaves=12,
    )
)
def test_snapshot_fuzz_fund_entries(entry: object) -> None:
    doc = {"format": "coresat-fund-snapshot", "as_of": "2025-01-01", "source": "x", "funds": {"IWM": entry}}
    try:
        snap = parse_snapshot(json.dumps(doc))
    except DataError as exc:
        assert "\n" not in str(exc)
        return
    for fd in snap.funds.values():
        assert fd.sectors is None or all(v >= 0 for v in fd.sectors.values())
        assert fd.pe is None or fd.pe > 0


def test_unreadable_cache_falls_back_to_the_snapshot(tmp_path: Path) -> None:
    bad = tmp_path / "s.sqlite3"
    bad.write_bytes(b"this is not an SQLite database" * 100)
    got = load_funds(["IWM", "NOPE"], store=FundStore(bad))
    assert got.funds["IWM"].source == "bundled snapshot"
    assert "fund cache not readable" in got.failed["NOPE"]


def test_cache_read_never_writes_and_a_locked_store_does_not_stall(tmp_path: Path) -> None:
    import time

    from engine.data.funds import load_funds

    store = FundStore(tmp_path / "s.sqlite3")
    _, make = factory({"IWM": quote_summary("IWM")})
    store.update(YahooFundSource(ticker_factory=make, today=TODAY), ["IWM"])
    before = store.path.read_bytes()
    assert set(store.read(["IWM"])) == {"IWM"}
    assert store.path.read_bytes() == before  # a read changes nothing in the file
    holder = sqlite3.connect(store.path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")  # another process in the middle of a rollback-journal write
        t0 = time.perf_counter()
        with pytest.raises(DataError, match="damaged or locked"):
            store.read(["IWM"])
        assert time.perf_counter() - t0 < 5  # READ_TIMEOUT_S (2 s), not the writer's 10 s
        got = load_funds(["IWM"], store=store)  # the snapshot still answers, and says why the cache did not
        assert got.funds["IWM"].source == "bundled snapshot"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
