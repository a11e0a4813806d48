"""The stored result text (orjson) is the document the standard library's encoder writes, on varied
results (trades, bindings, an infeasible cap, look-through rows), and a result with a number that is not
finite is refused instead of being stored with ``null`` in its place."""

from __future__ import annotations

import dataclasses
import json

import pytest

from engine.api import rebalance
from engine.book.result_text import encode, result_text
from engine.result import Status
from tests.engine.book.test_batch_worker import _households
from tests.helpers import TWELVE, market


def test_the_stored_text_is_the_standard_librarys_document() -> None:
    m = market(list(TWELVE))
    statuses = set()
    for sc in _households(30):
        r = rebalance(sc, m)
        statuses.add(r.status)
        assert r.sector_exposures and r.assets
        text = result_text(r)
        assert json.loads(text) == json.loads(json.dumps(r, default=encode)), sc.name
        assert "NaN" not in text and "Infinity" not in text
    assert {Status.OK, Status.INFEASIBLE} <= statuses


@pytest.mark.parametrize(
    "change",
    [
        lambda r: dataclasses.replace(r, vol_after=float("nan")),
        lambda r: dataclasses.replace(r, total_cost=float("inf")),
        lambda r: dataclasses.replace(
            r, assets=(dataclasses.replace(r.assets[0], weight_after=float("nan")), *r.assets[1:])
        ),
        lambda r: dataclasses.replace(
            r,
            sector_exposures=(
                dataclasses.replace(r.sector_exposures[0], after=float("nan")),
                *r.sector_exposures[1:],
            ),
        ),
    ],
)
def test_a_result_with_a_number_that_is_not_finite_is_refused(change) -> None:  # type: ignore[no-untyped-def]
    sc = _households(1)[0]
    r = rebalance(sc, market(list(TWELVE)))
    with pytest.raises(ValueError, match="not finite"):
        result_text(change(r))


def test_huge_finite_figures_are_stored_as_they_are() -> None:
    sc = _households(1)[0]
    r = rebalance(sc, market(list(TWELVE)))
    big = dataclasses.replace(r, cash_after=1e308, total_cost=1e308)  # their sum overflows; each is finite
    doc = json.loads(result_text(big))
    assert doc["cash_after"] == 1e308 and doc["total_cost"] == 1e308
