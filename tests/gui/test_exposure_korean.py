"""The Exposure tab's fund table in Korean: the P/E's method and where each fund's figures come from (the
engine's English: engine.data.funds EarningsMethod and FundData.provenance)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from engine.data.fund_files import SnapshotFundSource
from engine.data.funds import EarningsMethod

HANGUL = ("\uac00", "\ud7a3")


def _korean_text(text: str) -> bool:
    return any(HANGUL[0] <= c <= HANGUL[1] for c in text)


def test_pe_methods_and_fund_sources_read_in_korean(korean) -> None:  # type: ignore[no-untyped-def]
    from gui.engine_texts import engine_phrase
    from gui.panels.exposure import PE_METHODS, _pe_method

    assert set(PE_METHODS) == {m.value for m in EarningsMethod}  # every method the engine names
    for m in EarningsMethod:
        assert _korean_text(_pe_method(m.value)), m
    funds = SnapshotFundSource().fetch_funds(["IWM", "VBR"]).funds
    assert funds
    for fd in funds.values():
        said = engine_phrase(fd.provenance())
        assert _korean_text(said) and "bundled snapshot" not in said, said
        assert fd.as_of is not None and fd.as_of.isoformat() in said  # the date is kept
    for undated in (
        replace(funds["IWM"], as_of=None, approximate=False),
        replace(funds["IWM"], as_of=date(2025, 3, 1), approximate=False),
    ):
        said = engine_phrase(undated.provenance())
        assert _korean_text(said) and " as of " not in said and "not given" not in said, said


def test_without_a_translator_the_engine_words_stay() -> None:
    from gui.engine_texts import engine_phrase
    from gui.panels.exposure import _pe_method

    fd = SnapshotFundSource().fetch_funds(["IWM"]).funds["IWM"]
    assert engine_phrase(fd.provenance()) == fd.provenance()
    assert _pe_method("excludes loss-makers") == "excludes loss-makers"
