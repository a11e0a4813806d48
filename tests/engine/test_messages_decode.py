"""Stored messages read back (engine/messages/decode.py): a proposal in the book keeps each reason as its
message (id and values) beside the English text, so a reader in another language sees it in theirs. Read
back from the stored JSON, every message must render to exactly the English text stored with it."""

from __future__ import annotations

import json

import pytest

from engine import resources
from engine.api import rebalance, resolve_market
from engine.book.placed import covariance_of, household_result_text
from engine.book.result_text import result_text
from engine.messages import Message, MessageId, Money, Percent, english
from engine.messages.decode import message_from_dict, messages_from_list
from engine.model import scenario_file as sf
from engine.optimize.household import rebalance_household

EXAMPLES = resources.examples()


def _stored(name: str) -> dict:  # type: ignore[type-arg]
    sc = sf.loads(resources.read_text("examples", name))
    m = resolve_market(sc)
    if sc.household is not None and len(sc.household.accounts) > 1:
        hr = rebalance_household(sc, m)
        return dict(json.loads(household_result_text(hr, covariance_of(hr.household, m))))
    return dict(json.loads(result_text(rebalance(sc, m))))


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_stored_reason_reads_back_to_its_own_english(name: str) -> None:
    doc = _stored(name)
    checked = 0
    for t in doc.get("trades", []):
        if t.get("why"):
            m = message_from_dict(t["why"])
            assert m is not None, t["why"]
            assert english(m) == t["reason"] == t["why"]["text"]
            checked += 1
    household_why = {t["ticker"]: t["why"] for t in doc.get("trades", []) if t.get("why")}
    for row in doc.get("accounts") or []:
        for t in row["trades"]:
            where = messages_from_list(t["where"])
            assert where is not None and where, t
            text = "; ".join(english(m) for m in where)
            why = message_from_dict(household_why.get(t["ticker"]))
            # an account trade's reason: the household's reason for the ticker, then why in this account
            assert t["reason"] == (text if why is None else f"{english(why)} — {text}")
            checked += 1
    for b in doc.get("binding", []):
        if b.get("why"):
            m = message_from_dict(b["why"])
            assert m is not None and english(m) == b["message"]
            checked += 1
    assert checked > 0 or not doc.get("trades"), "nothing to read back"


def test_unknown_ids_and_value_kinds_are_not_guessed() -> None:
    m = Message.of(MessageId.REASON_TOWARD, before=Percent(0.1), after=Percent(0.12), target=Percent(0.12))
    good = m.to_dict()
    assert message_from_dict(good) == m
    assert message_from_dict({**good, "id": "reason.from_a_newer_version"}) is None
    assert message_from_dict({**good, "params": {"before": {"kelvin": 3}}}) is None
    assert message_from_dict({**good, "params": {"before": {"percent": 0.1, "money": 2}}}) is None
    assert message_from_dict("reason.toward") is None
    assert messages_from_list([good, {"id": "nope"}]) is None
    assert messages_from_list("text") is None
    amount = Message.of(
        MessageId.REASON_WITHDRAWAL_OVERWEIGHT,
        amount=Money(20_000.0),
        before=Percent(0.3),
        after=Percent(0.25),
        target=Percent(0.2),
    )
    assert message_from_dict(json.loads(json.dumps(amount.json_value()))) == amount
