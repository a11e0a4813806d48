"""The client PDF says each trade's reason in the reader's language: the stored messages read back and
rendered through the translations (the stored English only for a document this version cannot read)."""

from __future__ import annotations

import json
import re

from engine import resources
from engine.api import resolve_market
from engine.book.placed import covariance_of, household_result_text
from engine.model import scenario_file as sf
from engine.optimize.household import rebalance_household


def _stored_couple() -> dict:  # type: ignore[type-arg]
    sc = sf.loads(resources.read_text("examples", "household-couple-four-accounts.coresat.toml"))
    m = resolve_market(sc)
    hr = rebalance_household(sc, m)
    return dict(json.loads(household_result_text(hr, covariance_of(hr.household, m))))


def _rows(doc: dict):  # type: ignore[no-untyped-def,type-arg]
    why = {t["ticker"]: t["why"] for t in doc["trades"] if t.get("why")}
    rows = [t for a in doc["accounts"] for t in a["trades"]]
    assert rows, "the example must trade"
    return why, rows


def test_english_reader_gets_exactly_the_stored_reason(app) -> None:  # type: ignore[no-untyped-def]
    from gui.book.proposal_pdf import reason_text

    why, rows = _rows(_stored_couple())
    for t in rows:
        assert reason_text(t, why) == t["reason"]


def test_korean_reader_gets_korean_reasons_with_the_same_numbers(korean) -> None:  # type: ignore[no-untyped-def]
    from gui.book.proposal_pdf import reason_text

    why, rows = _rows(_stored_couple())
    for t in rows:
        ko = reason_text(t, why)
        assert ko != t["reason"] and any("\uac00" <= c <= "\ud7a3" for c in ko), ko
        numbers = re.findall(r"\d[\d,]*(?:\.\d+)?", t["reason"])
        assert numbers and all(n in ko for n in numbers), (t["reason"], ko)  # the same figures


def test_a_document_of_another_version_shows_its_stored_english(app) -> None:  # type: ignore[no-untyped-def]
    from gui.book.proposal_pdf import reason_text

    why, rows = _rows(_stored_couple())
    t = dict(rows[0])
    t["where"] = [{"id": "where.from_a_newer_version", "params": {}}]
    assert reason_text(t, why) == t["reason"]
    assert reason_text({"ticker": "X", "reason": "plain"}, {}) == "plain"
