"""Problems under the control of every limit, "Use nearest" for each, and the words rendered for the
user's locale (offscreen; Qt warnings fail the test)."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from engine.messages import ENGLISH, Message, MessageId, Money, Percent
from engine.model.scenario import Scenario
from engine.optimize.limit_id import LimitId
from engine.optimize.limit_id import LimitKind as K
from engine.result import Status
from gui import fmt, message_texts
from gui.nearest import apply_nearest, limit_key
from tests.gui.builders import twelve_asset_scenario


def _sleeve_conflict() -> Scenario:
    """Core and Value minimums above what a 55 % small-cap maximum leaves room for."""
    sc = twelve_asset_scenario()
    t = sc.targets
    core = dataclasses.replace(t.sleeves[0], min_weight=0.45)
    value = dataclasses.replace(t.sleeves[1], min_weight=0.15)
    return dataclasses.replace(
        sc, targets=dataclasses.replace(t, sleeves=(core, value, *t.sleeves[2:]), small_cap_max=0.55)
    )


def _open(window, workspace, qtbot, sc: Scenario) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        workspace.set_document(sc, None)


def test_sleeve_and_small_cap_problems_show_under_their_rows_and_use_nearest_fixes_them(
    window, workspace, qtbot
) -> None:  # type: ignore[no-untyped-def]
    _open(window, workspace, qtbot, _sleeve_conflict())
    r = workspace.result
    assert r.status is Status.INFEASIBLE
    labels = window.problem_labels()
    offered = {limit_key(lim) for lim in r.infeasibility.nearest_by_limit}
    assert offered, "no nearest value to offer"
    for key in ("sleeve:Core", "sleeve:Value", "small_cap"):
        assert key in labels, f"no problem label for {key}"
        assert labels[key].isVisible(), f"the {key} problem is not shown under its control"
        assert ("Use " in labels[key].text()) == (key in offered)  # a link exactly where there is a value
    assert not labels["vol_cap"].isVisible()
    # the first limit named gets the whole diagnosis, the other rows what is wrong with their own limit
    first = r.infeasibility.limits[0]
    others = {
        "sleeve:Core": "minimum for the Core sleeve of 45.00 %",
        "sleeve:Value": "minimum for the Value sleeve of 15.00 %",
        "small_cap": "small-cap maximum of 55.00 %",
    }
    first_key = limit_key(first)
    assert r.infeasibility.message.replace("&", "&amp;") in labels[first_key].text()
    for key, words in others.items():
        if key != first_key:
            assert words in labels[key].text() and "Core" not in labels["small_cap"].text()
    # the offered values work together (the diagnosis moves them jointly): click each one
    inf = r.infeasibility
    offered = [
        (lb, lim, v)
        for lb in window.problem_labels().values()
        if lb.isVisible()
        for lim, v in lb.nearest.items()
    ]
    assert {lim for _, lim, _ in offered} == set(inf.nearest_by_limit)
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        for label, limit, value in offered:
            engine_value = inf.nearest_by_limit[limit]
            if limit.is_lower_bound:  # rounded toward feasible: a minimum down, a maximum up
                assert engine_value - 0.001 <= value <= engine_value
            else:
                assert engine_value <= value <= engine_value + 0.001
            label.linkActivated.emit(f"apply:{limit}")
            sc = workspace.scenario
            if limit.kind is K.SMALL_CAP_MAX:
                now = sc.targets.small_cap_max
            else:
                assert limit.kind is K.SLEEVE_MIN
                now = next(s for s in sc.targets.sleeves if s.name == limit.subject).min_weight
            assert now == pytest.approx(value)
    assert workspace.result.status is Status.OK
    assert not any(lb.isVisible() for lb in window.problem_labels().values())


def test_infeasible_never_says_no_limit_binds_and_zero_turnover_is_named(loaded, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = loaded.constraints
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        c.vol_cap.setValue(3.0)
    assert workspace.result.status is Status.INFEASIBLE
    assert loaded.result.binding.text() == ""
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        c.vol_cap.setValue(25.0)
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        c.turnover_on.setChecked(True)
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        c.turnover_cap.setValue(0.0)
    r = workspace.result
    assert workspace.scenario.constraints.turnover_cap == 0.0 and not r.trades
    banner = loaded.result.status.text()
    assert "inside its drift band" not in banner
    assert "turnover cap of 0.0 %" in banner
    assert any(a.outside_band for a in r.assets)
    assert "turnover cap" in loaded.result.binding.text()


@pytest.mark.parametrize(
    ("limit", "value", "read"),
    [
        (LimitId(K.VOL_CAP), 0.171, lambda sc: sc.constraints.vol_cap),
        (LimitId(K.TURNOVER_CAP), 0.12, lambda sc: sc.constraints.turnover_cap),
        (LimitId(K.MIN_CASH), 250.0, lambda sc: sc.constraints.min_cash),
        (LimitId(K.MIN_TRADE), 50.0, lambda sc: sc.constraints.min_trade),
        (LimitId(K.SLEEVE_MIN, "Core"), 0.25, lambda sc: sc.targets.sleeves[0].min_weight),
        (LimitId(K.SLEEVE_MAX, "Value"), 0.3, lambda sc: sc.targets.sleeves[1].max_weight),
        (LimitId(K.SMALL_CAP_MIN), 0.4, lambda sc: sc.targets.small_cap_min),
        (LimitId(K.SMALL_CAP_MAX), 0.7, lambda sc: sc.targets.small_cap_max),
        (LimitId(K.ASSET_MIN, "IWN"), 0.02, lambda sc: sc.targets.sleeves[1].assets[0].min_weight),
        (LimitId(K.ASSET_MAX, "IWM"), 0.3, lambda sc: sc.targets.sleeves[0].assets[0].max_weight),
    ],
)
def test_use_nearest_sets_every_limit_with_a_value(limit: LimitId, value: float, read) -> None:  # type: ignore[no-untyped-def]
    sc = apply_nearest(twelve_asset_scenario(), limit, value)
    assert sc is not None and read(sc) == pytest.approx(value)


def test_use_nearest_refuses_what_it_cannot_set() -> None:
    sc = twelve_asset_scenario()
    assert apply_nearest(sc, LimitId(K.MODE), 0.0) is None
    assert apply_nearest(sc, LimitId(K.SLEEVE_MIN, "Nope"), 0.1) is None
    assert apply_nearest(sc, LimitId(K.ASSET_MAX, "ZZZ"), 0.1) is None
    assert apply_nearest(sc, LimitId(K.SLEEVE_MIN, "Core"), 1.5) is None  # not a valid scenario


def test_every_limit_kind_has_a_control() -> None:
    keys = {
        limit_key(
            LimitId(
                k,
                "Core"
                if k.value.startswith(("asset", "sleeve", "no_", "sector", "company")) and k is not K.NO_SHORT
                else "",
            )
        )
        for k in K
    }
    assert {"vol_cap", "turnover_cap", "min_cash", "min_trade", "mode", "small_cap", "sleeve:Core"} <= keys


def test_gui_templates_are_the_engine_templates(app) -> None:  # type: ignore[no-untyped-def]
    message_texts.reset()
    assert message_texts.templates() == ENGLISH  # no translator installed: the source texts


class _Upper(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def, override]
        if context == "Messages" and source == ENGLISH[MessageId.HEAD_TURNOVER_FORBIDS]:
            return "KEIN HANDEL: Umschlaggrenze {cap}."
        return ""


def test_messages_render_with_qt_translations_and_the_locale(app) -> None:  # type: ignore[no-untyped-def]
    tr = _Upper()
    old = QLocale()
    QCoreApplication.installTranslator(tr)
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    fmt.reset_locale()
    message_texts.reset()
    try:
        m = Message.of(MessageId.HEAD_TURNOVER_FORBIDS, cap=Percent(0.125))
        assert message_texts.render(m) == "KEIN HANDEL: Umschlaggrenze 12,5 %."
        note = Message.of(
            MessageId.BIND_MIN_CASH, buffer=Money(1500.0), cash_after=Money(1500.0), gap=Percent(0.02)
        )
        assert "$1.500" in message_texts.render(note)  # German grouping, English template
    finally:
        QCoreApplication.removeTranslator(tr)
        QLocale.setDefault(old)
        fmt.reset_locale()
        message_texts.reset()


def test_a_ticker_bound_shows_under_its_sleeve_and_a_restriction_under_holdings(
    loaded, workspace, qtbot
) -> None:  # type: ignore[no-untyped-def]
    router = loaded.problems
    labels = loaded.problem_labels()
    shown = router.route_limits(
        [LimitId(K.ASSET_MIN, "IWN"), LimitId(K.NO_SELL, "IWM")],
        "the limits conflict",
        {LimitId(K.ASSET_MIN, "IWN"): 0.0512},
        {},
    )
    assert labels["sleeve:Value"] in shown and labels["holdings"] in shown
    assert {"IWN", "IWM"} <= loaded.holdings.model.problem_tickers
    value = labels["sleeve:Value"]
    assert value.isVisible() and value.nearest == {LimitId(K.ASSET_MIN, "IWN"): pytest.approx(0.051)}
    assert labels["holdings"].isVisible() and not labels["holdings"].nearest
    with qtbot.waitSignal(workspace.settled, timeout=20000):
        value.linkActivated.emit("apply:asset_min:IWN")
    iwn = next(a for s in workspace.scenario.targets.sleeves for a in s.assets if a.ticker == "IWN")
    assert iwn.min_weight == pytest.approx(0.051)
