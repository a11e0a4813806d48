"""The engine's messages in the user's language: Qt translations for the templates, QLocale for numbers.

Every template is listed here as a literal inside ``QCoreApplication.translate`` so ``pyside6-lupdate``
finds it (context "Messages"); a test keeps this list equal to the engine's English templates
(engine/messages/ids.py): after changing those, run ``python -m gui.message_texts`` to rewrite the list.
Translators keep every {placeholder} name.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from engine.messages import ENGLISH, Formatter, Message, MessageId, kind_message_id
from gui import fmt

M = MessageId
_texts: dict[MessageId, str] | None = None
_formatter: Formatter | None = None


def templates() -> dict[MessageId, str]:
    """Every template, translated with the translators installed now."""
    # fmt: off
    return {
        M.REASON_UNTARGETED_SELL: QCoreApplication.translate("Messages", "{ticker} is not in your targets: sold ({before} → {after})"),
        M.REASON_UNTARGETED_BUY: QCoreApplication.translate("Messages", "{ticker} is not in your targets: bought ({before} → {after})"),
        M.REASON_UNTARGETED_BUY_VOL: QCoreApplication.translate("Messages", "{ticker} is not in your targets: bought to keep volatility under the {cap} cap ({before} → {after})"),
        M.REASON_BAND_SELL: QCoreApplication.translate("Messages", "drifted {drift} points above its target (band ±{band}): sold back toward it ({before} → {after}, target {target})"),
        M.REASON_BAND_BUY: QCoreApplication.translate("Messages", "drifted {drift} points below its target (band ±{band}): bought back toward it ({before} → {after}, target {target})"),
        M.REASON_WITHDRAWAL_OVERWEIGHT: QCoreApplication.translate("Messages", "raises cash for the {amount} withdrawal from an overweight holding, toward its target ({before} → {after}, target {target})"),
        M.REASON_WITHDRAWAL_AWAY: QCoreApplication.translate("Messages", "sold to fund the {amount} withdrawal, although this moves it away from its target ({before} → {after}, target {target})"),
        M.REASON_CONTRIBUTION_UNDERWEIGHT: QCoreApplication.translate("Messages", "invests part of the {amount} contribution where it is underweight ({before} → {after}, target {target})"),
        M.REASON_CONTRIBUTION_AWAY: QCoreApplication.translate("Messages", "invests part of the {amount} contribution, although this moves it away from its target ({before} → {after}, target {target})"),
        M.REASON_IDLE_CASH: QCoreApplication.translate("Messages", "invests idle cash where it is underweight ({before} → {after}, target {target})"),
        M.REASON_BUFFER_OVERWEIGHT: QCoreApplication.translate("Messages", "raises cash for the {amount} cash buffer from an overweight holding, toward its target ({before} → {after}, target {target})"),
        M.REASON_BUFFER_AWAY: QCoreApplication.translate("Messages", "sold to restore the {amount} cash buffer, although this moves it away from its target ({before} → {after}, target {target})"),
        M.REASON_TOWARD: QCoreApplication.translate("Messages", "moves toward its target as part of the rebalance ({before} → {after}, target {target})"),
        M.REASON_VOL_CUT: QCoreApplication.translate("Messages", "cut below its target to keep volatility under the {cap} cap ({before} → {after}, target {target})"),
        M.REASON_VOL_CUT_AWAY: QCoreApplication.translate("Messages", "sold although this moves it further from its target: keeps volatility under the {cap} cap ({before} → {after}, target {target})"),
        M.REASON_VOL_RAISE: QCoreApplication.translate("Messages", "raised above its target to keep volatility under the {cap} cap ({before} → {after}, target {target})"),
        M.REASON_VOL_RAISE_AWAY: QCoreApplication.translate("Messages", "bought although this moves it further from its target: keeps volatility under the {cap} cap ({before} → {after}, target {target})"),
        M.REASON_LIMIT_SELL: QCoreApplication.translate("Messages", "sold to respect the {limit} of {bound} ({before} → {after}, target {target})"),
        M.REASON_LIMIT_BUY: QCoreApplication.translate("Messages", "bought to meet the {limit} of {bound} ({before} → {after}, target {target})"),
        M.REASON_AWAY_TE: QCoreApplication.translate("Messages", "moves away from its target while the portfolio as a whole gets closer to its targets (tracking error {te_before} → {te_after}) ({before} → {after}, target {target})"),
        M.REASON_AWAY: QCoreApplication.translate("Messages", "moves away from its target ({before} → {after}, target {target})"),
        M.WHERE_SOLD_SHELTERED: QCoreApplication.translate("Messages", "sold in {account} ({kind}): a sale here realizes no taxable gain"),
        M.WHERE_INSTEAD: QCoreApplication.translate("Messages", "selling {shares} shares in {account} instead: {how}"),
        M.WHERE_HOW_PLACEHOLDER: QCoreApplication.translate("Messages", "basis unknown: the {bps} bps placeholder, {cost}"),
        M.WHERE_HOW_GAIN: QCoreApplication.translate("Messages", "gain {gain}, estimated tax {tax} ({year} rates)"),
        M.WHERE_HOW_LOSS: QCoreApplication.translate("Messages", "loss {loss}, estimated tax {tax} ({year} rates)"),
        M.WHERE_SOLD_NO_LOTS: QCoreApplication.translate("Messages", "sold in {account} ({kind}): basis unknown (no lots), so the gain cannot be shown; the {bps} bps placeholder {cost} was counted"),
        M.WHERE_SOLD_LOTS: QCoreApplication.translate("Messages", "sold in {account} ({kind}), lots {order}: {lot}"),
        M.WHERE_ORDER_HIFO: QCoreApplication.translate("Messages", "highest cost first"),
        M.WHERE_ORDER_TAX: QCoreApplication.translate("Messages", "lowest tax first"),
        M.WHERE_LOT_GAIN: QCoreApplication.translate("Messages", "{shares} shares {when} ({term}, gain {gain}, tax {tax} at {rate})"),
        M.WHERE_LOT_LOSS: QCoreApplication.translate("Messages", "{shares} shares {when} ({term}, loss {loss})"),
        M.WHERE_LOT_WASH: QCoreApplication.translate("Messages", "{shares} shares {when} ({term}, loss {loss}, disallowed as a wash sale)"),
        M.WHERE_ACQUIRED: QCoreApplication.translate("Messages", "acquired {date}"),
        M.WHERE_ACQUIRED_UNKNOWN: QCoreApplication.translate("Messages", "acquired date unknown"),
        M.WHERE_LONG_TERM: QCoreApplication.translate("Messages", "long-term"),
        M.WHERE_SHORT_TERM: QCoreApplication.translate("Messages", "short-term"),
        M.WHERE_IN_ALL_GAIN: QCoreApplication.translate("Messages", "in all a gain of {gain}, estimated tax {tax} ({year} rates)"),
        M.WHERE_IN_ALL_LOSS: QCoreApplication.translate("Messages", "in all a loss of {loss}, estimated tax {tax} ({year} rates)"),
        M.WHERE_NONE_SHELTERED: QCoreApplication.translate("Messages", "no tax-advantaged account holds {ticker}"),
        M.WHERE_SHELTERED: QCoreApplication.translate("Messages", "tax-advantaged accounts: {facts}"),
        M.WHERE_HOLDS_SELLS: QCoreApplication.translate("Messages", "{account} holds {held} and sells {sold}"),
        M.WHERE_BOUGHT_INSTEAD: QCoreApplication.translate("Messages", "bought in {account} rather than {other}: paid by selling {sold} in {account}, which realizes no gain"),
        M.WHERE_BOUGHT_SELLING: QCoreApplication.translate("Messages", "bought in {account} ({kind}), paid by selling {sold} and its own cash"),
        M.WHERE_BOUGHT_CASH: QCoreApplication.translate("Messages", "bought in {account} ({kind}), paid by its own cash"),
        M.WHERE_CASH: QCoreApplication.translate("Messages", "its cash {before} → {after}"),
        M.WHERE_LOCATION_IN: QCoreApplication.translate("Messages", "{sleeve} belongs in {kinds} accounts (asset location)"),
        M.WHERE_LOCATION_AGAINST: QCoreApplication.translate("Messages", "against the asset-location preference ({sleeve} belongs in {kinds} accounts; {bps} bps = {extra} counted)"),
        M.KIND_TAXABLE: QCoreApplication.translate("Messages", "taxable"),
        M.KIND_TRADITIONAL_IRA: QCoreApplication.translate("Messages", "traditional IRA"),
        M.KIND_ROTH_IRA: QCoreApplication.translate("Messages", "Roth IRA"),
        M.KIND_401K: QCoreApplication.translate("Messages", "401(k)"),
        M.KIND_HSA: QCoreApplication.translate("Messages", "HSA"),
        M.BIND_VOL_CAP: QCoreApplication.translate("Messages", "volatility cap {cap} binds: volatility after trading {vol_after} (the target mix has {vol_target})"),
        M.BIND_VOL_CAP_CHANGES: QCoreApplication.translate("Messages", "volatility cap {cap} binds: volatility after trading {vol_after} (the target mix has {vol_target}): {changes}"),
        M.CHANGE_CUT: QCoreApplication.translate("Messages", "{name} cut from {target} to {after}"),
        M.CHANGE_RAISED: QCoreApplication.translate("Messages", "{name} raised from {target} to {after}"),
        M.BIND_TURNOVER: QCoreApplication.translate("Messages", "turnover cap {cap} binds: trades stop short of the targets (turnover {turnover}, tracking error left {te_after})"),
        M.BIND_MIN_CASH: QCoreApplication.translate("Messages", "cash buffer {buffer} binds: cash ends at {cash_after} while holdings stay {gap} below their targets in total"),
        M.BIND_ASSET_MAX: QCoreApplication.translate("Messages", "{ticker} maximum {bound} binds (target {target}, after {after})"),
        M.BIND_ASSET_MIN: QCoreApplication.translate("Messages", "{ticker} minimum {bound} binds (target {target}, after {after})"),
        M.BIND_GROUP_MAX: QCoreApplication.translate("Messages", "{name} maximum {bound} binds (target {target}, after {after})"),
        M.BIND_GROUP_MIN: QCoreApplication.translate("Messages", "{name} minimum {bound} binds (target {target}, after {after})"),
        M.BIND_NO_SELL: QCoreApplication.translate("Messages", "{ticker} is on the no-sell list: it stays at {after} against a {target} target"),
        M.BIND_NO_BUY: QCoreApplication.translate("Messages", "{ticker} is on the no-buy list: it stays at {after} against a {target} target"),
        M.BIND_BUY_ONLY: QCoreApplication.translate("Messages", "buy-only: nothing is sold, so these stay above their targets: {names}"),
        M.BIND_SELL_ONLY: QCoreApplication.translate("Messages", "sell-only: nothing is bought, so these stay below their targets: {names}"),
        M.BIND_COSTS: QCoreApplication.translate("Messages", "trading costs: even before rounding, {ticker} stays {gap} points from its target, where closing the rest would cost more than the tracking error it removes"),
        M.BIND_COSTS_HOUSEHOLD: QCoreApplication.translate("Messages", "trading costs: even before rounding, {ticker} stays {gap} points from its target, where closing the rest would cost more than the tracking error it removes (in a household, costs also count the estimated tax of sales in taxable accounts, the placeholder cost of taxable positions without lots and the asset-location cost)"),
        M.BIND_WHOLE_SHARES: QCoreApplication.translate("Messages", "whole shares: rounding to tradable amounts leaves {ticker} {gap} points from its target (one share is {share} points)"),
        M.NO_LIMIT_BINDS: QCoreApplication.translate("Messages", "No limit binds: every holding ends within {gap} points of its target."),
        M.HEAD_TRADES: QCoreApplication.translate("Messages", "{count} trades proposed."),
        M.HEAD_ONE_TRADE: QCoreApplication.translate("Messages", "1 trade proposed."),
        M.HEAD_IN_BANDS: QCoreApplication.translate("Messages", "No trades needed: every holding and sleeve is inside its drift band."),
        M.HEAD_TURNOVER_FORBIDS: QCoreApplication.translate("Messages", "No trades: the turnover cap of {cap} allows no trade. Raise the cap or untick it to trade."),
        M.HEAD_TURNOVER_FORBIDS_OUT: QCoreApplication.translate("Messages", "No trades: the turnover cap of {cap} allows no trade, although these are outside their drift bands: {names}. Raise the cap or untick it to trade."),
        M.HEAD_NO_IMPROVING: QCoreApplication.translate("Messages", "No trades: no trade improves the portfolio within your limits."),
        M.HEAD_NO_IMPROVING_OUT: QCoreApplication.translate("Messages", "No trades: no trade improves the portfolio within your limits, although these are outside their drift bands: {names}."),
        M.HEAD_INFEASIBLE: QCoreApplication.translate("Messages", "Not possible as set: {text}"),
        M.NOTE_WITHDRAWAL_SELLS_MORE: QCoreApplication.translate("Messages", "Sells of {sells} exceed the {withdrawal} withdrawal: {buys} goes into buys (see their reasons), trading costs are {costs}, and cash goes from {cash_before} to {cash_after} (cash buffer {buffer})."),
        M.INF_NEAREST: QCoreApplication.translate("Messages", "the {limit} of {stated} is part of the conflict; the diagnosis suggests {nearest}"),
        M.INF_STATED: QCoreApplication.translate("Messages", "the {limit} of {stated} is part of the conflict"),
        M.INF_PART: QCoreApplication.translate("Messages", "the {limit} is part of the conflict"),
        M.NOTE_WITHDRAWAL_SELLS_MORE_TO_CASH: QCoreApplication.translate("Messages", "Sells of {sells} exceed the {withdrawal} withdrawal: nothing is bought, trading costs are {costs}, and the rest stays in cash, which goes from {cash_before} to {cash_after} (cash buffer {buffer})."),
        M.TEXT: QCoreApplication.translate("Messages", "{text}"),
        M.NAME_SATELLITES: QCoreApplication.translate("Messages", "satellites"),
        M.NAME_CASH: QCoreApplication.translate("Messages", "cash"),
        M.NAME_SMALL_CAPS: QCoreApplication.translate("Messages", "small caps"),
        M.LIMIT_VOL_CAP: QCoreApplication.translate("Messages", "volatility cap"),
        M.LIMIT_TURNOVER_CAP: QCoreApplication.translate("Messages", "turnover cap"),
        M.LIMIT_MIN_CASH: QCoreApplication.translate("Messages", "cash buffer"),
        M.LIMIT_MIN_TRADE: QCoreApplication.translate("Messages", "minimum trade"),
        M.LIMIT_MODE: QCoreApplication.translate("Messages", "trading mode"),
        M.LIMIT_ASSET_MIN: QCoreApplication.translate("Messages", "minimum for {subject}"),
        M.LIMIT_ASSET_MAX: QCoreApplication.translate("Messages", "maximum for {subject}"),
        M.LIMIT_SLEEVE_MIN: QCoreApplication.translate("Messages", "minimum for the {subject} sleeve"),
        M.LIMIT_SLEEVE_MAX: QCoreApplication.translate("Messages", "maximum for the {subject} sleeve"),
        M.LIMIT_SMALL_CAP_MIN: QCoreApplication.translate("Messages", "small-cap minimum"),
        M.LIMIT_SMALL_CAP_MAX: QCoreApplication.translate("Messages", "small-cap maximum"),
        M.LIMIT_NO_BUY: QCoreApplication.translate("Messages", "no-buy rule for {subject}"),
        M.LIMIT_NO_SELL: QCoreApplication.translate("Messages", "no-sell rule for {subject}"),
        M.LIMIT_NO_SHORT: QCoreApplication.translate("Messages", "no short positions"),
        M.LIMIT_SECTOR_MIN: QCoreApplication.translate("Messages", "minimum for the {subject} sector"),
        M.LIMIT_SECTOR_MAX: QCoreApplication.translate("Messages", "maximum for the {subject} sector"),
        M.LIMIT_COMPANY_MAX: QCoreApplication.translate("Messages", "maximum for {subject}"),
        M.LIMIT_WHOLE_SHARES: QCoreApplication.translate("Messages", "whole shares"),
        M.LIMIT_COSTS: QCoreApplication.translate("Messages", "trading costs"),
    }
    # fmt: on


class QtNumbers:
    """Numbers formatted with the user's QLocale (gui.fmt)."""

    def percent(self, value: float, digits: int) -> str:
        return fmt.pct(value, digits)

    def points(self, value: float, digits: int) -> str:
        return fmt.number(abs(value) * 100.0, digits)

    def money(self, value: float, digits: int) -> str:
        return fmt.money(value, digits)

    def shares(self, value: float) -> str:
        return fmt.shares(value)

    def count(self, value: int) -> str:
        return fmt.locale().toString(value)

    def join(self, items: list[str]) -> str:
        return QCoreApplication.translate("Messages", ", ").join(items)


def formatter() -> Formatter:
    """The GUI's formatter (built once; call ``reset`` after installing a translator or a locale)."""
    global _texts, _formatter
    if _formatter is None:
        _texts = {k: v or ENGLISH[k] for k, v in templates().items()}  # an empty translation: English
        texts = _texts
        _formatter = Formatter(lambda mid: texts[mid], QtNumbers())
    return _formatter


def reset() -> None:
    global _texts, _formatter
    _texts = None
    _formatter = None


def render(m: Message | None, fallback: str = "") -> str:
    """A message in the user's language; ``fallback`` (the engine's English) when there is none."""
    return formatter().render(m) if m is not None else fallback


def kind_label(kind: str) -> str:
    """An account kind's name ("taxable", "Roth IRA", ...) in the user's language; an unknown value as is."""
    try:
        return render(Message.of(kind_message_id(kind)))
    except ValueError:
        return kind


# why a line is held but not rebalanced (engine.imports.changes.why_held)
WHY_HELD = {
    "mutual fund": QT_TRANSLATE_NOOP("HouseholdTreePanel", "mutual fund"),
    "option": QT_TRANSLATE_NOOP("HouseholdTreePanel", "option"),
    "bond": QT_TRANSLATE_NOOP("HouseholdTreePanel", "bond"),
    "other": QT_TRANSLATE_NOOP("HouseholdTreePanel", "other"),
    "short position": QT_TRANSLATE_NOOP("HouseholdTreePanel", "short position"),
}


def held_why(why: str) -> str:
    """Why a line is held but not rebalanced, in the user's language (an unknown reason as is)."""
    known = WHY_HELD.get(why)
    if known is not None:
        return QCoreApplication.translate("HouseholdTreePanel", str(known))
    if why.startswith("priced in "):
        template = QCoreApplication.translate("HouseholdTreePanel", "priced in {currency}")
        return template.format(currency=why.removeprefix("priced in "))
    return why


def held_value(value: float, currency: str) -> str:
    """A held line's market value: money for USD, else the number and its currency code (not converted)."""
    return fmt.money(value, 2) if currency == "USD" else f"{fmt.number(value, 2)} {currency}"


def render_all(messages: tuple[Message, ...], sep: str = "; ") -> str:
    """Several clauses in the user's language, joined with ``sep``."""
    return sep.join(render(m) for m in messages)


def _rewrite() -> None:
    """Rewrite ``templates()`` above from the engine's English templates."""
    import json
    from pathlib import Path

    from engine.messages.ids import ENGLISH as SOURCE

    path = Path(__file__)
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("    return {\n", 1)
    _, tail = rest.split("    }\n    # fmt: on", 1)
    rows = "".join(
        f'        M.{mid.name}: QCoreApplication.translate("Messages", {json.dumps(t, ensure_ascii=False)}),\n'
        for mid, t in SOURCE.items()
    )
    path.write_text(head + "    return {\n" + rows + "    }\n    # fmt: on" + tail, encoding="utf-8")


if __name__ == "__main__":
    _rewrite()
