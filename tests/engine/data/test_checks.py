"""Data checks: bad prints, split-like jumps, non-positive prices, missing days."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.data.checks import check_prices, find_spikes, find_split_jumps, undo_splits


def walk(n: int, vol: float, seed: int, name: str = "X") -> pd.Series:
    rng = np.random.default_rng(seed)
    idx = pd.bdate_range("2015-01-01", periods=n)
    return pd.Series(50 * np.exp(np.cumsum(rng.normal(0, vol, n))), index=idx, name=name)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), vol=st.floats(0.003, 0.03))
def test_ordinary_random_walks_raise_no_alarm(seed: int, vol: float) -> None:
    s = walk(600, vol, seed)
    assert find_spikes(s) == []
    assert find_split_jumps(s) == []


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), jump=st.floats(0.3, 2.0), down=st.booleans(), at=st.integers(80, 500))
def test_an_injected_one_day_bad_print_is_found(seed: int, jump: float, down: bool, at: int) -> None:
    s = walk(600, 0.01, seed)
    factor = 1 / (1 + jump) if down else 1 + jump
    s.iloc[at] = s.iloc[at - 1] * factor
    found = find_spikes(s)
    assert [sp.day for sp in found] == [s.index[at]]
    cleaned = check_prices(s.to_frame()).prices["X"]
    assert cleaned.pct_change().abs().max() < 0.1


@pytest.mark.parametrize("ratio", [1 / 2, 1 / 3, 2.0, 1 / 10])
def test_split_jumps_are_found_and_undone(ratio: float) -> None:
    s = walk(300, 0.01, 3)
    s.iloc[150:] *= ratio
    jumps = find_split_jumps(s)
    assert len(jumps) == 1 and jumps[0].day == s.index[150] and jumps[0].ratio == pytest.approx(ratio)
    fixed = undo_splits(s, jumps)
    assert fixed.pct_change().abs().max() < 0.1
    assert fixed.iloc[-1] == s.iloc[-1]


def test_check_prices_reports_non_positive_and_gaps() -> None:
    f = pd.concat([walk(200, 0.01, 1, "A"), walk(200, 0.01, 2, "B")], axis=1)
    f.iloc[50, 0] = 0.0
    f.iloc[100:108, 1] = np.nan
    f.iloc[:20, 1] = np.nan  # B started later: not a gap
    checked = check_prices(f)
    assert any("zero or negative" in n for n in checked.notes["A"])
    gap = [n for n in checked.notes["B"] if "missing" in n]
    assert gap == [
        "B: 8 missing days filled with the previous price (longest gap 8 trading days; check the source)"
    ]
    assert checked.prices["B"].iloc[100:108].notna().all()
    assert checked.prices["B"].iloc[:20].isna().all()
    assert not np.isnan(checked.prices["A"].iloc[50])
    assert set(checked.select(["B"]).notes) == {"B"}
