"""Every sentence the engine says, by id, with its English template.

Placeholders name the message's values ({ticker}, {before}, ...); a translation may reorder them but
keeps every name. The GUI lists the same templates for Qt's translation tools (gui/message_texts.py);
a test keeps the two lists equal.
"""

from __future__ import annotations

from enum import StrEnum

_MOVES = "({before} → {after}, target {target})"


class MessageId(StrEnum):
    # why a trade is there (values: ticker, before, after, target and the ones named in the template)
    REASON_UNTARGETED_SELL = "reason.untargeted_sell"
    REASON_UNTARGETED_BUY = "reason.untargeted_buy"
    REASON_UNTARGETED_BUY_VOL = "reason.untargeted_buy_vol"
    REASON_BAND_SELL = "reason.band_sell"
    REASON_BAND_BUY = "reason.band_buy"
    REASON_WITHDRAWAL_OVERWEIGHT = "reason.withdrawal_overweight"
    REASON_WITHDRAWAL_AWAY = "reason.withdrawal_away"
    REASON_CONTRIBUTION_UNDERWEIGHT = "reason.contribution_underweight"
    REASON_CONTRIBUTION_AWAY = "reason.contribution_away"
    REASON_IDLE_CASH = "reason.idle_cash"
    REASON_BUFFER_OVERWEIGHT = "reason.buffer_overweight"
    REASON_BUFFER_AWAY = "reason.buffer_away"
    REASON_TOWARD = "reason.toward"
    REASON_VOL_CUT = "reason.vol_cut"
    REASON_VOL_CUT_AWAY = "reason.vol_cut_away"
    REASON_VOL_RAISE = "reason.vol_raise"
    REASON_VOL_RAISE_AWAY = "reason.vol_raise_away"
    REASON_LIMIT_SELL = "reason.limit_sell"
    REASON_LIMIT_BUY = "reason.limit_buy"
    REASON_AWAY_TE = "reason.away_te"
    REASON_AWAY = "reason.away"
    # why a household's trade sits in its account (engine.optimize.household.explain)
    WHERE_SOLD_SHELTERED = "where.sold_sheltered"
    WHERE_INSTEAD = "where.instead"
    WHERE_HOW_PLACEHOLDER = "where.how_placeholder"
    WHERE_HOW_GAIN = "where.how_gain"
    WHERE_HOW_LOSS = "where.how_loss"
    WHERE_SOLD_NO_LOTS = "where.sold_no_lots"
    WHERE_SOLD_LOTS = "where.sold_lots"
    WHERE_ORDER_HIFO = "where.order_hifo"
    WHERE_ORDER_TAX = "where.order_tax"
    WHERE_LOT_GAIN = "where.lot_gain"
    WHERE_LOT_LOSS = "where.lot_loss"
    WHERE_LOT_WASH = "where.lot_wash"
    WHERE_ACQUIRED = "where.acquired"
    WHERE_ACQUIRED_UNKNOWN = "where.acquired_unknown"
    WHERE_LONG_TERM = "where.long_term"
    WHERE_SHORT_TERM = "where.short_term"
    WHERE_IN_ALL_GAIN = "where.in_all_gain"
    WHERE_IN_ALL_LOSS = "where.in_all_loss"
    WHERE_NONE_SHELTERED = "where.none_sheltered"
    WHERE_SHELTERED = "where.sheltered"
    WHERE_HOLDS_SELLS = "where.holds_sells"
    WHERE_BOUGHT_INSTEAD = "where.bought_instead"
    WHERE_BOUGHT_SELLING = "where.bought_selling"
    WHERE_BOUGHT_CASH = "where.bought_cash"
    WHERE_CASH = "where.cash"
    WHERE_LOCATION_IN = "where.location_in"
    WHERE_LOCATION_AGAINST = "where.location_against"
    # account kinds, by AccountKind value (engine.model.household)
    KIND_TAXABLE = "kind.taxable"
    KIND_TRADITIONAL_IRA = "kind.traditional_ira"
    KIND_ROTH_IRA = "kind.roth_ira"
    KIND_401K = "kind.401k"
    KIND_HSA = "kind.hsa"
    # what limits the result
    BIND_VOL_CAP = "bind.vol_cap"
    BIND_VOL_CAP_CHANGES = "bind.vol_cap_changes"
    CHANGE_CUT = "change.cut"
    CHANGE_RAISED = "change.raised"
    BIND_TURNOVER = "bind.turnover"
    BIND_MIN_CASH = "bind.min_cash"
    BIND_ASSET_MAX = "bind.asset_max"
    BIND_ASSET_MIN = "bind.asset_min"
    BIND_GROUP_MAX = "bind.group_max"
    BIND_GROUP_MIN = "bind.group_min"
    BIND_NO_SELL = "bind.no_sell"
    BIND_NO_BUY = "bind.no_buy"
    BIND_BUY_ONLY = "bind.buy_only"
    BIND_SELL_ONLY = "bind.sell_only"
    BIND_COSTS = "bind.costs"
    BIND_COSTS_HOUSEHOLD = "bind.costs_household"
    BIND_WHOLE_SHARES = "bind.whole_shares"
    NO_LIMIT_BINDS = "bind.none"
    # the headline of a result
    HEAD_TRADES = "head.trades"
    HEAD_ONE_TRADE = "head.one_trade"
    HEAD_IN_BANDS = "head.in_bands"
    HEAD_TURNOVER_FORBIDS = "head.turnover_forbids"
    HEAD_TURNOVER_FORBIDS_OUT = "head.turnover_forbids_out"
    HEAD_NO_IMPROVING = "head.no_improving"
    HEAD_NO_IMPROVING_OUT = "head.no_improving_out"
    HEAD_INFEASIBLE = "head.infeasible"
    # why no trade list satisfies the limits (one per limit named by the diagnosis)
    INF_NEAREST = "inf.nearest"
    INF_STATED = "inf.stated"
    INF_PART = "inf.part"
    # notes
    NOTE_WITHDRAWAL_SELLS_MORE = "note.withdrawal_sells_more"
    NOTE_WITHDRAWAL_SELLS_MORE_TO_CASH = "note.withdrawal_sells_more_to_cash"
    TEXT = "text"  # engine text not (yet) given an id: shown as is
    # names
    NAME_SATELLITES = "name.satellites"
    NAME_CASH = "name.cash"
    NAME_SMALL_CAPS = "name.small_caps"
    # limits, by LimitKind value ({subject}: ticker, sleeve, sector)
    LIMIT_VOL_CAP = "limit.vol_cap"
    LIMIT_TURNOVER_CAP = "limit.turnover_cap"
    LIMIT_MIN_CASH = "limit.min_cash"
    LIMIT_MIN_TRADE = "limit.min_trade"
    LIMIT_MODE = "limit.mode"
    LIMIT_ASSET_MIN = "limit.asset_min"
    LIMIT_ASSET_MAX = "limit.asset_max"
    LIMIT_SLEEVE_MIN = "limit.sleeve_min"
    LIMIT_SLEEVE_MAX = "limit.sleeve_max"
    LIMIT_SMALL_CAP_MIN = "limit.small_cap_min"
    LIMIT_SMALL_CAP_MAX = "limit.small_cap_max"
    LIMIT_NO_BUY = "limit.no_buy"
    LIMIT_NO_SELL = "limit.no_sell"
    LIMIT_NO_SHORT = "limit.no_short"
    LIMIT_SECTOR_MIN = "limit.sector_min"
    LIMIT_SECTOR_MAX = "limit.sector_max"
    LIMIT_COMPANY_MAX = "limit.company_max"
    LIMIT_WHOLE_SHARES = "limit.whole_shares"
    LIMIT_COSTS = "limit.costs"


ENGLISH: dict[MessageId, str] = {
    MessageId.REASON_UNTARGETED_SELL: "{ticker} is not in your targets: sold ({before} → {after})",
    MessageId.REASON_UNTARGETED_BUY: "{ticker} is not in your targets: bought ({before} → {after})",
    MessageId.REASON_UNTARGETED_BUY_VOL: (
        "{ticker} is not in your targets: bought to keep volatility under the {cap} cap ({before} → {after})"
    ),
    MessageId.REASON_BAND_SELL: (
        "drifted {drift} points above its target (band ±{band}): sold back toward it " + _MOVES
    ),
    MessageId.REASON_BAND_BUY: (
        "drifted {drift} points below its target (band ±{band}): bought back toward it " + _MOVES
    ),
    MessageId.REASON_WITHDRAWAL_OVERWEIGHT: (
        "raises cash for the {amount} withdrawal from an overweight holding, toward its target " + _MOVES
    ),
    MessageId.REASON_WITHDRAWAL_AWAY: (
        "sold to fund the {amount} withdrawal, although this moves it away from its target " + _MOVES
    ),
    MessageId.REASON_CONTRIBUTION_UNDERWEIGHT: (
        "invests part of the {amount} contribution where it is underweight " + _MOVES
    ),
    MessageId.REASON_CONTRIBUTION_AWAY: (
        "invests part of the {amount} contribution, although this moves it away from its target " + _MOVES
    ),
    MessageId.REASON_IDLE_CASH: "invests idle cash where it is underweight " + _MOVES,
    MessageId.REASON_BUFFER_OVERWEIGHT: (
        "raises cash for the {amount} cash buffer from an overweight holding, toward its target " + _MOVES
    ),
    MessageId.REASON_BUFFER_AWAY: (
        "sold to restore the {amount} cash buffer, although this moves it away from its target " + _MOVES
    ),
    MessageId.REASON_TOWARD: "moves toward its target as part of the rebalance " + _MOVES,
    MessageId.REASON_VOL_CUT: "cut below its target to keep volatility under the {cap} cap " + _MOVES,
    MessageId.REASON_VOL_CUT_AWAY: (
        "sold although this moves it further from its target: keeps volatility under the {cap} cap " + _MOVES
    ),
    MessageId.REASON_VOL_RAISE: "raised above its target to keep volatility under the {cap} cap " + _MOVES,
    MessageId.REASON_VOL_RAISE_AWAY: (
        "bought although this moves it further from its target: keeps volatility under the {cap} cap "
        + _MOVES
    ),
    MessageId.REASON_LIMIT_SELL: "sold to respect the {limit} of {bound} " + _MOVES,
    MessageId.REASON_LIMIT_BUY: "bought to meet the {limit} of {bound} " + _MOVES,
    MessageId.REASON_AWAY_TE: (
        "moves away from its target while the portfolio as a whole gets closer to its targets "
        "(tracking error {te_before} → {te_after}) " + _MOVES
    ),
    MessageId.REASON_AWAY: "moves away from its target " + _MOVES,
    MessageId.WHERE_SOLD_SHELTERED: "sold in {account} ({kind}): a sale here realizes no taxable gain",
    MessageId.WHERE_INSTEAD: "selling {shares} shares in {account} instead: {how}",
    MessageId.WHERE_HOW_PLACEHOLDER: "basis unknown: the {bps} bps placeholder, {cost}",
    MessageId.WHERE_HOW_GAIN: "gain {gain}, estimated tax {tax} ({year} rates)",
    MessageId.WHERE_HOW_LOSS: "loss {loss}, estimated tax {tax} ({year} rates)",
    MessageId.WHERE_SOLD_NO_LOTS: (
        "sold in {account} ({kind}): basis unknown (no lots), so the gain cannot be shown; "
        "the {bps} bps placeholder {cost} was counted"
    ),
    MessageId.WHERE_SOLD_LOTS: "sold in {account} ({kind}), lots {order}: {lot}",
    MessageId.WHERE_ORDER_HIFO: "highest cost first",
    MessageId.WHERE_ORDER_TAX: "lowest tax first",
    MessageId.WHERE_LOT_GAIN: "{shares} shares {when} ({term}, gain {gain}, tax {tax} at {rate})",
    MessageId.WHERE_LOT_LOSS: "{shares} shares {when} ({term}, loss {loss})",
    MessageId.WHERE_LOT_WASH: "{shares} shares {when} ({term}, loss {loss}, disallowed as a wash sale)",
    MessageId.WHERE_ACQUIRED: "acquired {date}",
    MessageId.WHERE_ACQUIRED_UNKNOWN: "acquired date unknown",
    MessageId.WHERE_LONG_TERM: "long-term",
    MessageId.WHERE_SHORT_TERM: "short-term",
    MessageId.WHERE_IN_ALL_GAIN: "in all a gain of {gain}, estimated tax {tax} ({year} rates)",
    MessageId.WHERE_IN_ALL_LOSS: "in all a loss of {loss}, estimated tax {tax} ({year} rates)",
    MessageId.WHERE_NONE_SHELTERED: "no tax-advantaged account holds {ticker}",
    MessageId.WHERE_SHELTERED: "tax-advantaged accounts: {facts}",
    MessageId.WHERE_HOLDS_SELLS: "{account} holds {held} and sells {sold}",
    MessageId.WHERE_BOUGHT_INSTEAD: (
        "bought in {account} rather than {other}: paid by selling {sold} in {account}, which realizes no gain"
    ),
    MessageId.WHERE_BOUGHT_SELLING: "bought in {account} ({kind}), paid by selling {sold} and its own cash",
    MessageId.WHERE_BOUGHT_CASH: "bought in {account} ({kind}), paid by its own cash",
    MessageId.WHERE_CASH: "its cash {before} → {after}",
    MessageId.WHERE_LOCATION_IN: "{sleeve} belongs in {kinds} accounts (asset location)",
    MessageId.WHERE_LOCATION_AGAINST: (
        "against the asset-location preference ({sleeve} belongs in {kinds} accounts; {bps} bps = {extra} "
        "counted)"
    ),
    MessageId.KIND_TAXABLE: "taxable",
    MessageId.KIND_TRADITIONAL_IRA: "traditional IRA",
    MessageId.KIND_ROTH_IRA: "Roth IRA",
    MessageId.KIND_401K: "401(k)",
    MessageId.KIND_HSA: "HSA",
    MessageId.BIND_VOL_CAP: (
        "volatility cap {cap} binds: volatility after trading {vol_after} (the target mix has {vol_target})"
    ),
    MessageId.BIND_VOL_CAP_CHANGES: (
        "volatility cap {cap} binds: volatility after trading {vol_after} (the target mix has "
        "{vol_target}): {changes}"
    ),
    MessageId.CHANGE_CUT: "{name} cut from {target} to {after}",
    MessageId.CHANGE_RAISED: "{name} raised from {target} to {after}",
    MessageId.BIND_TURNOVER: (
        "turnover cap {cap} binds: trades stop short of the targets (turnover {turnover}, tracking error "
        "left {te_after})"
    ),
    MessageId.BIND_MIN_CASH: (
        "cash buffer {buffer} binds: cash ends at {cash_after} while holdings stay {gap} below their targets "
        "in total"
    ),
    MessageId.BIND_ASSET_MAX: "{ticker} maximum {bound} binds (target {target}, after {after})",
    MessageId.BIND_ASSET_MIN: "{ticker} minimum {bound} binds (target {target}, after {after})",
    MessageId.BIND_GROUP_MAX: "{name} maximum {bound} binds (target {target}, after {after})",
    MessageId.BIND_GROUP_MIN: "{name} minimum {bound} binds (target {target}, after {after})",
    MessageId.BIND_NO_SELL: "{ticker} is on the no-sell list: it stays at {after} against a {target} target",
    MessageId.BIND_NO_BUY: "{ticker} is on the no-buy list: it stays at {after} against a {target} target",
    MessageId.BIND_BUY_ONLY: "buy-only: nothing is sold, so these stay above their targets: {names}",
    MessageId.BIND_SELL_ONLY: "sell-only: nothing is bought, so these stay below their targets: {names}",
    MessageId.BIND_COSTS: (
        "trading costs: even before rounding, {ticker} stays {gap} points from its target, where closing the "
        "rest would cost more than the tracking error it removes"
    ),
    MessageId.BIND_COSTS_HOUSEHOLD: (
        "trading costs: even before rounding, {ticker} stays {gap} points from its target, where closing the "
        "rest would cost more than the tracking error it removes (in a household, costs also count the "
        "estimated tax of sales in taxable accounts, the placeholder cost of taxable positions without lots "
        "and the asset-location cost)"
    ),
    MessageId.BIND_WHOLE_SHARES: (
        "whole shares: rounding to tradable amounts leaves {ticker} {gap} points from its target (one share "
        "is {share} points)"
    ),
    MessageId.NO_LIMIT_BINDS: "No limit binds: every holding ends within {gap} points of its target.",
    MessageId.HEAD_TRADES: "{count} trades proposed.",
    MessageId.HEAD_ONE_TRADE: "1 trade proposed.",
    MessageId.HEAD_IN_BANDS: "No trades needed: every holding and sleeve is inside its drift band.",
    MessageId.HEAD_TURNOVER_FORBIDS: (
        "No trades: the turnover cap of {cap} allows no trade. Raise the cap or untick it to trade."
    ),
    MessageId.HEAD_TURNOVER_FORBIDS_OUT: (
        "No trades: the turnover cap of {cap} allows no trade, although these are outside their drift "
        "bands: {names}. Raise the cap or untick it to trade."
    ),
    MessageId.HEAD_NO_IMPROVING: "No trades: no trade improves the portfolio within your limits.",
    MessageId.HEAD_NO_IMPROVING_OUT: (
        "No trades: no trade improves the portfolio within your limits, although these are outside their "
        "drift bands: {names}."
    ),
    MessageId.HEAD_INFEASIBLE: "Not possible as set: {text}",
    MessageId.NOTE_WITHDRAWAL_SELLS_MORE: (
        "Sells of {sells} exceed the {withdrawal} withdrawal: {buys} goes into buys (see their reasons), "
        "trading costs are {costs}, and cash goes from {cash_before} to {cash_after} (cash buffer {buffer})."
    ),
    MessageId.INF_NEAREST: "the {limit} of {stated} is part of the conflict; the diagnosis suggests {nearest}",
    MessageId.INF_STATED: "the {limit} of {stated} is part of the conflict",
    MessageId.INF_PART: "the {limit} is part of the conflict",
    MessageId.NOTE_WITHDRAWAL_SELLS_MORE_TO_CASH: (
        "Sells of {sells} exceed the {withdrawal} withdrawal: nothing is bought, trading costs are {costs}, "
        "and the rest stays in cash, which goes from {cash_before} to {cash_after} (cash buffer {buffer})."
    ),
    MessageId.TEXT: "{text}",
    MessageId.NAME_SATELLITES: "satellites",
    MessageId.NAME_CASH: "cash",
    MessageId.NAME_SMALL_CAPS: "small caps",
    MessageId.LIMIT_VOL_CAP: "volatility cap",
    MessageId.LIMIT_TURNOVER_CAP: "turnover cap",
    MessageId.LIMIT_MIN_CASH: "cash buffer",
    MessageId.LIMIT_MIN_TRADE: "minimum trade",
    MessageId.LIMIT_MODE: "trading mode",
    MessageId.LIMIT_ASSET_MIN: "minimum for {subject}",
    MessageId.LIMIT_ASSET_MAX: "maximum for {subject}",
    MessageId.LIMIT_SLEEVE_MIN: "minimum for the {subject} sleeve",
    MessageId.LIMIT_SLEEVE_MAX: "maximum for the {subject} sleeve",
    MessageId.LIMIT_SMALL_CAP_MIN: "small-cap minimum",
    MessageId.LIMIT_SMALL_CAP_MAX: "small-cap maximum",
    MessageId.LIMIT_NO_BUY: "no-buy rule for {subject}",
    MessageId.LIMIT_NO_SELL: "no-sell rule for {subject}",
    MessageId.LIMIT_NO_SHORT: "no short positions",
    MessageId.LIMIT_SECTOR_MIN: "minimum for the {subject} sector",
    MessageId.LIMIT_SECTOR_MAX: "maximum for the {subject} sector",
    MessageId.LIMIT_COMPANY_MAX: "maximum for {subject}",
    MessageId.LIMIT_WHOLE_SHARES: "whole shares",
    MessageId.LIMIT_COSTS: "trading costs",
}


def limit_message_id(kind_value: str) -> MessageId:
    """The id of a limit's name, from its LimitKind value."""
    return MessageId(f"limit.{kind_value}")


def kind_message_id(kind_value: str) -> MessageId:
    """The id of an account kind's name, from its AccountKind value."""
    return MessageId(f"kind.{kind_value}")
