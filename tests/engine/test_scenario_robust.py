"""Scenario files that once ended in a traceback, a hang or a wrong answer: each now gets one clear line."""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from engine import resources
from engine.cli import EXIT_BAD_INPUT, main
from engine.errors import ScenarioError
from engine.model import scenario_file as sf
from engine.model.scenario import Band, InlineMarket

EXAMPLE = "russell-core-value-satellites.coresat.toml"


def _text() -> str:
    return resources.read_text("examples", EXAMPLE)


def _cli(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> str:
    f = tmp_path / "bad.coresat.toml"
    f.write_text(text, encoding="utf-8")
    assert main(["rebalance", str(f), "--demo"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    return err


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("version = 2", "version = 0", "version: must be 1 or more"),
        ("version = 2", "version = -1", "version: must be 1 or more"),
        ("version = 2", "version = 99", "newer than this Coresat understands"),
        ("shares = 640", "shares = " + "9" * 400, "too large to be a number"),
        ("shares = 640", "shares = 1e308", "shares: 1e+308 is beyond any real number of shares"),
        ("cash = 2500.0", "cash = 1e308", "portfolio.cash: 1e+308 is beyond any real cash"),
        ("cash = 2500.0", "cash = -5000", "portfolio.cash: must be zero or more"),
        ("absolute_pct = 5.0", "absolute_pct = -5.0", "default_band.absolute_pct: a drift band must be zero"),
        ("relative_pct = 25.0", "relative_pct = -1", "default_band.relative_pct: a drift band must be zero"),
        ('ticker = "VBR", shares', 'ticker = "../../etc", shares', "'../../ETC' is not a ticker symbol"),
        ("no_buy = []", 'no_buy = ["A/B"]', "constraints.no_buy: 'A/B' is not a ticker symbol"),
        ("min_trade = 250.0", "min_trade = 1e300", "min_trade: 1e+300 is beyond"),
        ("cost_bps = 2.0", "cost_bps = 1e6", "cost_bps: 1e+06 is beyond"),
        ("shares = 640", "shares = nan", "must be a finite number"),
        # a tiny price once overflowed the share counts: exit 1, "internal error" and RuntimeWarnings
        ("shares = 95 }", "shares = 95, price = 1e-308 }", "price: 1e-308 is below any real share price"),
        # said in percent as written (vol_cap_pct = -1), not as the fraction -0.01
        (
            "vol_cap_pct = 26.0",
            "vol_cap_pct = -1",
            "constraints.vol_cap: must be above 0 % and at most 200 %, got -1 %",
        ),
        (
            "min_cash = 1000.0",
            "min_cash = 1000.0\nturnover_cap_pct = -5",
            "turnover_cap: must be zero or more, got -5 %",
        ),
    ],
)
def test_bad_values_get_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, words: str
) -> None:
    text = _text()
    assert old in text
    assert words in _cli(tmp_path, text.replace(old, new, 1), capsys)


@pytest.mark.parametrize("nest", ["x = " + "[" * 5000 + "]" * 5000, "y = " + "{a=" * 3000 + "1" + "}" * 3000])
def test_deep_nesting_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], nest: str) -> None:
    assert "nests lists or tables too deeply" in _cli(tmp_path, _text() + "\n" + nest + "\n", capsys)


def test_version_one_with_odd_shapes_is_named_not_crashed() -> None:
    for body in (
        "targets = 5",
        "targets = { sleeves = 3 }",
        "targets = { sleeves = [1, 2] }",
        "constraints = [1]",
        "targets = { small_cap_weight = " + "9" * 400 + " }",
    ):
        with pytest.raises(ScenarioError):
            sf.loads('format = "coresat-scenario"\nversion = 1\n' + body + "\n")


@pytest.mark.parametrize("special", ["dir", "url", "missing-parent", "fifo", "/dev/zero", "/dev/urandom"])
def test_special_paths_are_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], special: str
) -> None:
    if special == "dir":
        path = str(tmp_path)
    elif special == "url":
        path = "https://example.com/client.coresat.toml"
    elif special == "missing-parent":
        path = str(tmp_path / "nope" / "x.coresat.toml")
    elif special == "fifo":
        if sys.platform == "win32":
            pytest.skip("POSIX")
        path = str(tmp_path / "pipe.coresat.toml")
        os.mkfifo(path)
    else:
        if not Path(special).exists():
            pytest.skip(f"{special} absent")
        path = special
    t0 = time.monotonic()
    assert main(["rebalance", path, "--demo"]) == EXIT_BAD_INPUT
    assert time.monotonic() - t0 < 5.0
    err = capsys.readouterr().err
    assert err.startswith("coresat: ") and err.count("\n") == 1


def _inline(cov: list[list[float]]) -> str:
    from tests.helpers import core_satellite, market

    sc = core_satellite({"IWM": 640, "IWN": 95, "VBR": 70, "SPSM": 180})
    m = market(list(sc.universe))
    inline = InlineMarket(
        as_of=m.as_of,  # type: ignore[arg-type]
        prices=dict(m.prices),
        tickers=m.tickers,
        covariance=tuple(tuple(v) for v in cov),
    )
    return sf.dumps(dataclasses.replace(sc, market=inline))


def _good_cov() -> np.ndarray:
    from tests.helpers import core_satellite, market

    sc = core_satellite({"IWM": 640, "IWN": 95, "VBR": 70, "SPSM": 180})
    return np.asarray(market(list(sc.universe)).covariance, dtype=float)


def test_inline_covariance_must_be_a_covariance() -> None:
    good = _good_cov()
    sf.loads(_inline(good.tolist()))  # the valid one loads
    neg = good.copy()
    neg[1, 1] = -0.01
    with pytest.raises(ScenarioError, match=r"market.covariance\[1\]\[1\]: the variance of .* is negative"):
        sf.loads(_inline(neg.tolist()))
    # symmetric, positive diagonal, but not PSD: correlation beyond 1 between the first two
    bad = good.copy()
    off = 1.5 * np.sqrt(bad[0, 0] * bad[1, 1])
    bad[0, 1] = bad[1, 0] = off
    assert np.linalg.eigvalsh(bad)[0] < 0  # independent check that it is not PSD
    with pytest.raises(ScenarioError, match="not positive semidefinite"):
        sf.loads(_inline(bad.tolist()))
    inf = good.tolist()
    inf[0][0] = float("inf")
    with pytest.raises(ScenarioError) as err:
        sf.loads(_inline(inf).replace("inf", "inf", 1))
    assert str(err.value).startswith("market.covariance[0][0]: must be a finite number")  # no ".v" suffix
    huge = good.copy()
    huge[0, 0] = 1e308
    with pytest.raises(ScenarioError) as err:
        sf.loads(_inline(huge.tolist()))
    assert "a volatility of 1e+156 %" in str(err.value) and len(str(err.value)) < 200  # not 160 digits
    ancient = _inline(good.tolist())
    assert "as_of = 2026-11-20" in ancient
    with pytest.raises(ScenarioError, match=r"market.as_of: 0001-01-01 is not a price date"):
        sf.loads(ancient.replace("as_of = 2026-11-20", "as_of = 0001-01-01"))  # was accepted
    asym = good.copy()
    asym[0, 1] += 0.001
    with pytest.raises(ScenarioError, match=r"must be symmetric: row 2 column 1 is \S+ but row 1 column 2"):
        sf.loads(_inline(asym.tolist()))


def test_band_validation_in_memory() -> None:
    sc = sf.loads(_text())
    bad = dataclasses.replace(sc, targets=dataclasses.replace(sc.targets, default_band=Band(-0.01, 0.25)))
    with pytest.raises(ScenarioError, match="drift band must be zero or more"):
        bad.validate()
