"""Side-by-side comparison: every value is read back from the result documents by hand."""

from __future__ import annotations

from dataclasses import replace

import pytest

from engine.api import rebalance
from engine.errors import CoresatError
from engine.model.scenario import Constraints
from engine.report.compare import SLEEVES, SUMMARY, TRADES, WEIGHTS, as_text, compare
from tests.helpers import core_satellite, market


def _mix(core: float) -> dict:  # type: ignore[type-arg]
    """A core/satellite scenario with the core sleeve at ``core`` (the rest split by the satellites)."""
    sc = core_satellite(
        {"IWM": 200.0, "IWN": 60.0, "VBR": 30.0, "SPSM": 80.0},
        cash=5_000.0,
        constraints=Constraints(vol_cap=None, min_trade=0.0, cost_bps=5.0),
    )
    sleeves = sc.targets.sleeves
    total_sat = sum(s.weight for s in sleeves if s.name != sleeves[0].name)
    new = [replace(sleeves[0], weight=core)] + [
        replace(s, weight=(1 - core) * s.weight / total_sat) for s in sleeves[1:]
    ]
    sc = replace(sc, targets=replace(sc.targets, sleeves=tuple(new)))
    return rebalance(sc, market(list(sc.universe))).to_dict()


@pytest.fixture(scope="module")
def two() -> list[tuple[str, dict]]:  # type: ignore[type-arg]
    return [("70/30", _mix(0.7)), ("60/40", _mix(0.6))]


def test_summary_lines_are_the_results_own_figures(two) -> None:  # type: ignore[no-untyped-def]
    c = compare(two)
    assert c.labels == ("70/30", "60/40")
    for name, key in (
        ("Volatility after", "vol_after"),
        ("Tracking error after", "tracking_error_after"),
        ("Estimated cost", "total_cost"),
        ("Turnover", "turnover"),
    ):
        assert c.value(SUMMARY, name) == tuple(d[key] for _, d in two)
    assert c.value(SUMMARY, "Trades") == tuple(float(len(d["trades"])) for _, d in two)


def test_weights_and_trades_per_ticker_match_a_hand_count(two) -> None:  # type: ignore[no-untyped-def]
    c = compare(two)
    for i, (_, d) in enumerate(two):
        for a in d["assets"]:
            assert c.value(WEIGHTS, a["ticker"])[i] == a["weight_after"]
            # the signed trade must be the change in shares the result itself reports
            assert c.value(TRADES, a["ticker"])[i] == pytest.approx(a["shares_after"] - a["shares_before"])
        for s in d["sleeves"]:
            assert c.value(SLEEVES, s["name"])[i] == s["weight_after"]
    core = c.value(SLEEVES, two[0][1]["sleeves"][0]["name"])
    assert core[0] is not None and core[1] is not None and core[0] > core[1]  # 70 % core holds more core


def test_missing_tickers_are_none_and_differences_are_flagged(two) -> None:  # type: ignore[no-untyped-def]
    a = dict(two[0][1])
    a["assets"] = [x for x in a["assets"] if x["ticker"] != "SPSM"]
    a["trades"] = [t for t in a["trades"] if t["ticker"] != "SPSM"]
    c = compare([("a", a), two[1]])
    assert c.value(WEIGHTS, "SPSM")[0] is None
    line = next(ln for ln in c.lines if ln.section == WEIGHTS and ln.name == "SPSM")
    assert line.differs
    same = compare([two[0], two[0]])
    assert not any(ln.differs for ln in same.lines)
    text = as_text(c, only_differences=True)
    assert "Volatility cap" not in text  # no cap in either: not a difference
    assert "SPSM" in text and "60/40" in text
    assert "Volatility cap" in as_text(c)


def test_one_result_is_not_a_comparison(two) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CoresatError, match="two or more"):
        compare(two[:1])


def test_cli_compares_files_and_refuses_one(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from engine.cli import EXIT_BAD_INPUT, EXIT_OK, main
    from engine.model import scenario_file
    from tests.engine.book.builders import client_scenario, with_inline_market

    paths = []
    for name, cap in (("Capped", 0.18), ("Free", None)):
        sc = with_inline_market(client_scenario(name, vol_cap=cap))
        scenario_file.save(sc, tmp_path / f"{name}.coresat.toml")
        paths.append(str(tmp_path / f"{name}.coresat.toml"))
    assert main(["compare", *paths, "--json"]) == EXIT_OK
    import json

    doc = json.loads(capsys.readouterr().out)
    assert doc["labels"] == ["Capped", "Free"]
    cap = next(ln for ln in doc["lines"] if ln["name"] == "Volatility cap")
    assert cap["values"] == [0.18, None]
    assert main(["compare", *paths, "--diff"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Volatility cap" in out and "18.00 %" in out and "Portfolio value" not in out
    assert main(["compare", paths[0]]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "two or more" in err
