"""Messages: ids with typed values, one formatter, English built in, a hook for other locales."""

from __future__ import annotations

import json
import string

import pytest

from engine.messages import (
    ENGLISH,
    Count,
    EnglishNumbers,
    Formatter,
    Message,
    MessageId,
    Money,
    Name,
    Names,
    Parts,
    Percent,
    Points,
    Shares,
    Ticker,
    english,
)
from engine.messages.ids import limit_message_id
from engine.optimize.limit_id import LimitId, LimitKind
from engine.result import Infeasibility, as_limit

M = MessageId


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_id_has_an_english_template_and_every_limit_a_name() -> None:
    assert set(ENGLISH) == set(MessageId)
    for kind in LimitKind:
        tmpl = ENGLISH[limit_message_id(kind.value)]
        assert _fields(tmpl) <= {"subject"}


def test_english_numbers() -> None:
    nf = EnglishNumbers()
    assert nf.percent(0.1234, 1) == "12.3 %"
    assert nf.percent(0.1234, 2) == "12.34 %"
    assert nf.points(-0.023, 1) == "2.3"
    assert nf.money(-1234.6, 0) == "-$1,235"
    assert nf.money(45639.2, 0) == "$45,639"
    assert nf.money(-0.001, 2) == "$0.00"  # no "-$0.00"
    assert nf.shares(12.0) == "12" and nf.shares(0.125) == "0.125"
    assert nf.count(1200) == "1,200"


def test_render_reason_with_typed_values() -> None:
    m = Message.of(
        M.REASON_BAND_SELL,
        ticker=Ticker("IWM"),
        drift=Points(0.058),
        band=Points(0.05),
        before=Percent(0.267),
        after=Percent(0.209),
        target=Percent(0.209),
    )
    assert english(m) == (
        "drifted 5.8 points above its target (band ±5.0): sold back toward it (26.7 % → 20.9 %, target 20.9 %)"
    )


def test_limits_and_nested_messages_render_by_name() -> None:
    m = Message.of(
        M.REASON_LIMIT_SELL,
        limit=LimitId(LimitKind.SLEEVE_MAX, "Value"),
        bound=Percent(0.1),
        before=Percent(0.12),
        after=Percent(0.1),
        target=Percent(0.15),
    )
    assert english(m).startswith("sold to respect the maximum for the Value sleeve of 10.0 %")
    cut = Message.of(
        M.CHANGE_CUT, name=Message.of(M.NAME_SATELLITES), target=Percent(0.3), after=Percent(0.24)
    )
    raised = Message.of(M.CHANGE_RAISED, name=Name("Bonds"), target=Percent(0.1), after=Percent(0.15))
    b = Message.of(
        M.BIND_VOL_CAP_CHANGES,
        cap=Percent(0.16),
        vol_after=Percent(0.16),
        vol_target=Percent(0.175),
        changes=Parts((cut, raised)),
    )
    assert english(b).endswith(": satellites cut from 30.0 % to 24.0 %, Bonds raised from 10.0 % to 15.0 %")


class _Comma(EnglishNumbers):
    def percent(self, value: float, digits: int) -> str:
        return f"{value * 100:.{digits}f}".replace(".", ",") + " %"

    def join(self, items: list[str]) -> str:
        return " · ".join(items)


def test_a_locale_supplies_templates_and_numbers() -> None:
    fr = {M.BIND_BUY_ONLY: "achat seul : {names} restent au-dessus", M.HEAD_TURNOVER_FORBIDS: "plafond {cap}"}
    f = Formatter(lambda mid: fr.get(mid, ENGLISH[mid]), _Comma())
    assert f.render(Message.of(M.BIND_BUY_ONLY, names=Names(("IWM", "IWN")))) == (
        "achat seul : IWM · IWN restent au-dessus"
    )
    assert f.render(Message.of(M.HEAD_TURNOVER_FORBIDS, cap=Percent(0.125))) == "plafond 12,5 %"
    assert f.render(Message.of(M.HEAD_TRADES, count=Count(3))) == "3 trades proposed."


def test_json_form_keeps_types() -> None:
    m = Message.of(
        M.NOTE_WITHDRAWAL_SELLS_MORE,
        sells=Money(45639.0),
        withdrawal=Money(20000.0),
        buys=Money(25000.0),
        costs=Money(12.5, 2),
        cash_before=Money(3000.0),
        cash_after=Money(2360.0),
        buffer=Money(500.0),
    )
    d = m.to_dict()
    assert d["id"] == "note.withdrawal_sells_more"
    assert d["params"]["sells"] == {"money": 45639.0}
    lim = Message.of(
        M.REASON_LIMIT_BUY,
        limit=LimitId(LimitKind.ASSET_MIN, "IWN"),
        bound=Percent(0.05),
        before=Percent(0.0),
        after=Percent(0.05),
        target=Percent(0.04),
        shares=Shares(3.0),
    )
    assert lim.to_dict()["params"]["limit"] == {"limit": "asset_min:IWN"}
    json.dumps(d)


def test_a_missing_value_is_an_error_not_a_wrong_sentence() -> None:
    with pytest.raises(KeyError):
        english(Message.of(M.HEAD_TRADES))
    with pytest.raises(KeyError):
        Message.of(M.HEAD_ONE_TRADE).get("count")


@pytest.mark.parametrize(
    ("name", "limit"),
    [
        ("vol_cap", LimitId(LimitKind.VOL_CAP)),
        ("sleeve_min:Core", LimitId(LimitKind.SLEEVE_MIN, "Core")),
        ("small_cap_max", LimitId(LimitKind.SMALL_CAP_MAX)),
        ("no_borrowing", LimitId(LimitKind.MIN_CASH)),
        ("min_trade:IWM", LimitId(LimitKind.MIN_TRADE)),
        ("whole_shares:IWM", LimitId(LimitKind.WHOLE_SHARES)),
        ("no_short:IWM", LimitId(LimitKind.NO_SHORT)),
        ("nonsense", None),
    ],
)
def test_names_from_older_solvers_become_typed_ids(name: str, limit: LimitId | None) -> None:
    assert as_limit(name) == limit


def test_infeasibility_limits_accept_ids_and_names() -> None:
    inf = Infeasibility("x", ("vol_cap", LimitId(LimitKind.VOL_CAP), "sleeve_min:Core"), {"vol_cap": 0.17})
    assert inf.limits == (LimitId(LimitKind.VOL_CAP), LimitId(LimitKind.SLEEVE_MIN, "Core"))
    assert inf.nearest_by_limit == {LimitId(LimitKind.VOL_CAP): 0.17}
