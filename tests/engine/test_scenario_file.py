from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from engine import resources
from engine.errors import ScenarioError
from engine.model import scenario_file as sf


@pytest.mark.parametrize("name", resources.examples())
def test_examples_load_and_round_trip(name: str, tmp_path: Path) -> None:
    sc = sf.loads(resources.read_text("examples", name))
    out = tmp_path / name
    sf.save(sc, out)
    assert sf.load(out) == sc
    assert abs(sum(sc.targets.asset_weights().values()) - 1.0) < 1e-9


def test_at_least_three_examples() -> None:
    assert len(resources.examples()) >= 3


def _example_text() -> str:
    return resources.read_text("examples", "russell-core-value-satellites.coresat.toml")


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        ("weight_pct = 70.0", "weight_pct = 60.0", "targets.sleeves", "add up to"),
        (
            '{ ticker = "IWM", shares = 640 }',
            '{ ticker = "IWM", shares = -5 }',
            "portfolio.holdings[0].shares",
            "zero or more",
        ),
        ('mode = "full"', 'mode = "yolo"', "constraints.mode", "must be one of"),
        ("vol_cap_pct = 26.0", 'vol_cap_pct = "high"', "constraints.vol_cap_pct", "number"),
        ("min_pct = 50.0", "min_pct = 95.0", "targets.sleeves[0]", "above maximum"),
    ],
)
def test_validation_names_field(old: str, new: str, field: str, words: str) -> None:
    text = _example_text()
    assert old in text
    with pytest.raises(ScenarioError) as info:
        sf.loads(text.replace(old, new, 1))
    assert info.value.field == field
    assert words in str(info.value)


def test_not_toml_is_a_clear_error() -> None:
    with pytest.raises(ScenarioError, match="not valid TOML"):
        sf.loads("this is = = not toml")


def test_newer_version_refused() -> None:
    with pytest.raises(ScenarioError, match="newer"):
        sf.loads(_example_text().replace("version = 2", "version = 99"))


def test_version_1_migrates() -> None:
    v1 = """
name = "old"
[portfolio]
cash = 100.0
holdings = [{ ticker = "iwm", shares = 10 }]
[targets]
small_cap_weight = 1.0
[[targets.sleeves]]
name = "Core"
role = "core"
weight = 0.8
assets = [{ ticker = "IWM", weight = 1.0 }]
[[targets.sleeves]]
name = "Value"
role = "satellite"
weight = 0.2
max = 0.3
assets = [{ ticker = "IWN", weight = 1.0 }]
[constraints]
vol_cap = 0.2
"""
    sc = sf.loads(v1)
    assert sc.targets.asset_weights() == pytest.approx({"IWM": 0.8, "IWN": 0.2})
    assert sc.constraints.vol_cap == pytest.approx(0.2)
    assert sc.targets.sleeves[1].max_weight == pytest.approx(0.3)
    assert sc.portfolio.holdings[0].ticker == "IWM"


def test_atomic_write_keeps_old_file_on_failure(tmp_path: Path) -> None:
    sc = sf.loads(_example_text())
    target = tmp_path / "client.coresat.toml"
    sf.save(sc, target)
    before = target.read_text()
    bad = dataclasses.replace(sc, portfolio=dataclasses.replace(sc.portfolio, cash=float("nan")))
    with pytest.raises(ScenarioError):
        sf.save(bad, target)
    assert target.read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
