"""The result's scenario hash is the SHA-256 of the scenario's canonical JSON, computed here directly, also
when only the volatility cap changes between calls (the hash reuses the unchanged parts' text)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace

import pytest

from engine import resources
from engine.model import scenario_file as sf
from engine.model.scenario_write import to_dict
from engine.optimize.household.rows import scenario_hash


def _plain(sc) -> str:  # type: ignore[no-untyped-def]
    def default(o):  # type: ignore[no-untyped-def]
        return o.isoformat() if hasattr(o, "isoformat") else str(o)

    text = json.dumps(to_dict(sc), sort_keys=True, default=default, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.parametrize(
    "name", ["household-couple-four-accounts.coresat.toml", "advisor-client-401k-menu.coresat.toml"]
)
def test_scenario_hash_is_the_canonical_json_digest(name: str) -> None:
    sc = sf.loads(resources.read_text("examples", name))
    seen = set()
    for cap in (None, 0.2, 0.3, 0.2):
        s2 = replace(sc, constraints=replace(sc.constraints, vol_cap=cap))
        assert scenario_hash(s2) == _plain(s2)
        seen.add(scenario_hash(s2))
    assert len(seen) == 3  # the cap is part of the identity


def test_parts_equal_but_written_differently_are_not_reused() -> None:
    """1 == 1.0 == True and 0.0 == -0.0 in Python, but JSON writes them apart: the hash of a scenario must
    not reuse the text of an earlier part that only compares equal (found by the hh helper)."""
    sc = sf.loads(resources.read_text("examples", "household-couple-four-accounts.coresat.toml"))
    hh = sc.household
    assert hh is not None
    a0 = hh.accounts[0]
    for first, second in ((1800.0, 1800), (0.0, -0.0), (1.0, True)):
        s1 = replace(sc, household=replace(hh, accounts=(replace(a0, cash=first), *hh.accounts[1:])))
        s2 = replace(sc, household=replace(hh, accounts=(replace(a0, cash=second), *hh.accounts[1:])))
        assert scenario_hash(s1) == _plain(s1)
        assert scenario_hash(s2) == _plain(s2), (first, second)
