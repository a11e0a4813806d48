"""The engine's problems without message ids (scenario checks, file readers, price import and download,
backtest notes; gui.engine_problems) reach a Korean user in Korean, with their values kept."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from gui.engine_problems import PROBLEMS
from tests.gui.test_translations import KO, _lrelease

_SLOT = re.compile(r"\{(\w+)\}")


def _filled(template: str) -> str:
    return _SLOT.sub(lambda m: f"Q{m.group(1).upper()}9", template).replace("{{", "{").replace("}}", "}")


def test_every_pattern_matches_its_own_template_and_keeps_the_values() -> None:
    for rx, item in PROBLEMS:
        template = str(item)
        m = re.match(rx, _filled(template), re.DOTALL)
        assert m is not None, template
        assert set(m.groupdict()) == set(_SLOT.findall(template)), template


def _engine_says(tmp_path: Path) -> list[str]:
    """What the engine really writes, each from a real failure."""
    from engine.data.csv_import import read_price_csv
    from engine.errors import CoresatError, ScenarioError
    from engine.model import scenario_file
    from tests.gui.builders import twelve_asset_scenario

    said: list[str] = []
    sc = twelve_asset_scenario()
    bad_files = [
        'format = "coresat-scenario"\nversion = 999\n',
        "this is = = not toml",
        'format = "coresat-scenario"\nversion = 3\n[portfolio]\ncash = "lots"\n',
    ]
    for text in bad_files:
        with pytest.raises(ScenarioError) as err:
            scenario_file.loads(text, source="s.toml")
        said.append(str(err.value))
    for broken in (
        replace(sc, data=replace(sc.data, risk_window_days=10)),
        replace(sc, data=replace(sc.data, proxies=(("IWM", "IWM"),))),
        replace(sc, data=replace(sc.data, exclude_from_risk=("IWM",), proxies=(("IWM", "SPY"),))),
    ):
        with pytest.raises(ScenarioError) as err:
            broken.validate()
        said.append(str(err.value))
    for text in ("a = [1,\n", "x = 1\nx = 2\n", 'a = "abc'):  # the parser's own words, line and column
        with pytest.raises(ScenarioError) as err:
            scenario_file.loads(text, source="s.toml")
        said.append(str(err.value))
    said += _fund_data_says(tmp_path)
    csv = tmp_path / "p.csv"
    csv.write_text("Date,Close\n2024-01-02,10\nnot a date,11\n2024-01-04,12\n", encoding="utf-8")
    with pytest.raises(CoresatError) as err2:
        read_price_csv(csv, ticker="ZZZQ")
    said.append(str(err2.value))
    return said


def _fund_data_says(tmp_path: Path) -> list[str]:
    """Fund data (look-through): the snapshot and holdings-file readers, the local store, Yahoo's notes."""
    from datetime import date

    from engine.data.fund_files import parse_holdings_csv, parse_snapshot
    from engine.data.fund_store import FundStore
    from engine.data.funds_yahoo import YahooFundSource, parse_funds_data
    from engine.errors import CoresatError

    said: list[str] = []
    for snapshot in ("{not json", '{"format": "other"}', '{"format": "coresat-fund-snapshot", "as_of": "x"}'):
        with pytest.raises(CoresatError) as err:
            parse_snapshot(snapshot)
        said.append(str(err.value))
    for holdings in (
        "",
        "fund,symbol\nIWM,AAA\n",
        "fund,symbol,weight_pct\nIWM\n",
        "fund,symbol,weight_pct\nIWM,AAA,1,5\n",
        "fund,symbol,weight_pct\n,AAA,1\n",
        "fund,symbol,weight_pct\nIWM,AAA,150\n",
        "fund,symbol,weight_pct\nIWM,AAA,60\nIWM,BBB,60\n",
    ):
        with pytest.raises(CoresatError) as err:
            parse_holdings_csv(holdings, label="h.csv")
        said.append(str(err.value))
    damaged = tmp_path / "funds.sqlite"
    damaged.write_bytes(b"not a database" * 100)
    with pytest.raises(CoresatError) as err:
        FundStore(damaged).read(["IWM"])
    said.append(str(err.value).replace(str(tmp_path), "/data"))  # the test's folder name holds "of"

    class Broken:
        @property
        def funds_data(self) -> object:
            raise RuntimeError("offline")

    said += list(
        YahooFundSource(ticker_factory=lambda _t: Broken(), today=date(2026, 1, 2))
        .fetch_funds(["IWM"])
        .failed.values()
    )

    class Fund:  # shaped like yfinance's FundsData: sector weights only
        def __init__(self) -> None:
            self.sector_weightings = {"technology": 0.5}
            self.top_holdings = self.equity_holdings = self.fund_operations = self.fund_overview = None

    fd = parse_funds_data("IWM", Fund(), date(2026, 1, 2))
    assert fd is not None
    said += list(fd.notes)
    return said


def _reasons() -> Iterator[str]:
    from engine.data.yahoo import NO_CONNECTION, _plain_reason

    yield f"no stored prices for ZZZQ (ZZZQ: {_plain_reason('possibly delisted; no price data found')}): import a CSV price file or update prices from Yahoo"
    yield f"no stored prices for ZZZQ (ZZZQ: {NO_CONNECTION}): import a CSV price file or update prices from Yahoo"
    yield from _look_through_notes()


def _look_through_notes() -> list[str]:
    """What a sector limit's result notes say about its fund data (the bundled snapshot)."""
    from engine.model.scenario import Constraints
    from engine.optimize.inputs import prepare
    from tests.helpers import core_satellite, market

    sc = core_satellite(
        {"IWM": 10, "IWN": 5, "VBR": 3, "SPSM": 4},
        constraints=Constraints(sector_max={"Information Technology": 0.3}),
    )
    notes = list(prepare(sc, market(["IWM", "IWN", "VBR", "SPSM"])).look_notes)
    assert any(n.startswith("look-through limits use fund data from bundled snapshot") for n in notes), notes
    return notes


def test_engine_problems_reach_a_korean_user_in_korean(app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTranslator

    from engine.data.exclusions import warning
    from gui.engine_texts import engine_phrase

    lrelease = _lrelease()
    if lrelease is None:
        pytest.skip("pyside6-lrelease not installed")
    said = [*_engine_says(tmp_path), *_reasons(), warning(["ZZZQ"])]
    assert [engine_phrase(m) for m in said] == said  # without a translator: the engine's English
    qm = tmp_path / "coresat_ko.qm"
    subprocess.run([lrelease, "-silent", str(KO), "-qm", str(qm)], check=True)
    tr = QTranslator()
    assert tr.load(str(qm))
    app.installTranslator(tr)
    try:
        for m in said:
            ko = engine_phrase(m)
            assert ko != m and any("\uac00" <= c <= "\ud7a3" for c in ko), m  # Hangul, not the English
            assert not re.search(r"\b(must|the|and|of|for|check)\b", ko), (m, ko)  # no English sentence left
    finally:
        app.removeTranslator(tr)
