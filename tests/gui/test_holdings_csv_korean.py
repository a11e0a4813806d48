"""A bad holdings CSV (File → Import Holdings, an account's Import CSV…) is explained in the reader's
language: every problem the reader really raises matches a translated pattern, keeps its line number and
values, and reads in Hangul with the Korean file (English without it)."""

from __future__ import annotations

import re

import pytest

from engine.io.holdings_csv import HoldingsCsvError, parse_text

BAD = (
    "",
    "ticker,shares\n",
    'IWM,"120\n',
    "IWM,1,2,3\n",
    "IWM!!,10\n",
    "IWM,10\nIWM,5\n",
    "IWM,-3\n",
    "IWM,1e15\n",
    "IWM,10,-5\n",
    "IWM,10,9999999999\n",
    "IWM,10,0.0000001\n",
    "IWM," + "9" * 10_001 + "\n",
)


def _said() -> list[str]:
    out = []
    for text in BAD:
        with pytest.raises(HoldingsCsvError) as err:
            parse_text(text)
        out.append(str(err.value))
    assert len(set(out)) == len(out)  # each file trips a different check
    return out


def test_each_holdings_problem_reads_in_korean_with_its_values(korean) -> None:  # type: ignore[no-untyped-def]
    from gui.engine_texts import engine_phrase

    for said in _said():
        ko = engine_phrase(said)
        assert ko != said and any("\uac00" <= c <= "\ud7a3" for c in ko), said
        for value in re.findall(r"\d[\d.,e+-]*", said.replace("IWM,120,215.30", "").replace("IWM,120", "")):
            assert value in ko, (said, ko)


def test_without_the_korean_file_the_engine_words_stay(app) -> None:  # type: ignore[no-untyped-def]
    from gui.engine_texts import engine_phrase

    for said in _said():
        assert engine_phrase(said) == said
