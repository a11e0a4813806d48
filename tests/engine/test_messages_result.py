"""The result carries its words as messages next to their English, under schema version 2."""

from __future__ import annotations

import dataclasses
import json

from engine.messages import english
from engine.optimize import rebalance
from engine.result import SCHEMA_VERSION
from tests.helpers import market, twelve_asset_scenario


def test_json_result_has_schema_version_headline_and_message_ids() -> None:
    sc = twelve_asset_scenario()
    sc = dataclasses.replace(sc, constraints=dataclasses.replace(sc.constraints, vol_cap=0.15))
    r = rebalance(sc, market(list(sc.universe)))
    d = json.loads(r.to_json())
    assert SCHEMA_VERSION == 2 and d["schema_version"] == 2
    assert r.headline is not None and d["headline"]["text"] == english(r.headline)
    assert d["headline"]["id"] == r.headline.id.value
    for t, row in zip(r.trades, d["trades"], strict=True):
        assert t.why is not None
        assert row["reason"] == t.reason == row["why"]["text"]
        assert row["why"]["id"].startswith("reason.")
        assert row["why"]["params"]["ticker"] == {"ticker": t.ticker}
    assert [b["constraint"] for b in d["binding"]] == [str(b.limit) for b in r.binding]
    assert "vol_cap" in [b["constraint"] for b in d["binding"]]
    assert d["messages"] == [n["text"] for n in d["notes"]]
