"""The statement import's own sentences in the user's language: what an import changes per account, each
account total's reconciliation and the file readers' notes. The engine writes them in English
(engine/imports: changes.py, statement.py, into_household.py and the readers); each is listed here with the
pattern it is matched by and its template in ``QT_TRANSLATE_NOOP`` (context ImportText), as
gui.engine_problems does for the engine's other sentences. A line keeps its indentation; an account label's
kind in brackets ("Roth IRA …9307 (Roth IRA)") and a line's "why" are translated too; a line no pattern
knows is shown as the engine wrote it (tests/gui/test_import_texts.py checks every line real files give).
"""

from __future__ import annotations

import functools
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from engine.model.household import AccountKind
from gui.message_texts import held_why, kind_label

CONTEXT = "ImportText"

# fmt: off
TEMPLATES: tuple[object, ...] = (
    # what changes per account (engine/imports/changes.py); the first template a line matches is used
    QT_TRANSLATE_NOOP("ImportText", "the scenario's one portfolio: replaced by the statement's accounts"),
    QT_TRANSLATE_NOOP("ImportText", "{label}: new account (from {source})"),
    QT_TRANSLATE_NOOP("ImportText", "{label}: new account"),
    QT_TRANSLATE_NOOP("ImportText", "{label}: updated (from {source})"),
    QT_TRANSLATE_NOOP("ImportText", "{label}: updated"),
    QT_TRANSLATE_NOOP("ImportText", "{label}: lots added (from {source})"),
    QT_TRANSLATE_NOOP("ImportText", "{label}: lots added"),
    QT_TRANSLATE_NOOP("ImportText", "{label}: not in this statement: kept as it is"),
    QT_TRANSLATE_NOOP("ImportText", "{label}: replaced by the statement's accounts"),
    QT_TRANSLATE_NOOP("ImportText", "new: {ticker} {shares} shares"),
    QT_TRANSLATE_NOOP("ImportText", "bought: {ticker} {before} → {after} shares ({change})"),
    QT_TRANSLATE_NOOP("ImportText", "sold: {ticker} {before} → {after} shares ({change})"),
    QT_TRANSLATE_NOOP("ImportText", "gone: {ticker} (was {before} shares)"),
    QT_TRANSLATE_NOOP("ImportText", "cash: {before} → {after}"),
    QT_TRANSLATE_NOOP("ImportText", "no change in shares or cash"),
    QT_TRANSLATE_NOOP("ImportText", "unchanged: {tickers}"),
    QT_TRANSLATE_NOOP("ImportText", "in total (all accounts):"),
    QT_TRANSLATE_NOOP("ImportText", "no change: the statement holds the same shares, cash and lots as the scenario"),
    QT_TRANSLATE_NOOP("ImportText", "held, not rebalanced: {symbol} in {account} ({value}, {why}) — listed with the account, never traded, in no weight"),
    # lots (engine/imports/into_household.py)
    QT_TRANSLATE_NOOP("ImportText", "{ticker}: some lots have no cost basis in the file; basis unknown"),
    QT_TRANSLATE_NOOP("ImportText", "{ticker}: {count} lot(s), basis {basis}, acquired {first} … {last} from the file"),
    QT_TRANSLATE_NOOP("ImportText", "{ticker}: {count} lot(s), basis {basis}, acquired {first} from the file"),
    QT_TRANSLATE_NOOP("ImportText", "{ticker}: {count} lot(s), basis {basis} from the file"),
    QT_TRANSLATE_NOOP("ImportText", "{ticker}: its {count} lot(s) kept (same shares as before)"),
    QT_TRANSLATE_NOOP("ImportText", "{ticker}: cost basis {basis} from the file kept as one lot without a date (the file has no lot details; import a lots file for them)"),
    # the household's notes (engine/imports/into_household.py)
    QT_TRANSLATE_NOOP("ImportText", "{name}: the statement calls it {words}; its kind stays {kind} (change it in the Accounts tab if that is wrong)"),
    QT_TRANSLATE_NOOP("ImportText", "{label}: the statement's cash is {cash} (a debit); the account's cash is set to 0: enter the debit as a withdrawal (cash flow) of the account"),
    QT_TRANSLATE_NOOP("ImportText", "the scenario's cash buffer ({buffer}) and cash flow ({flow}) now belong to {name}"),
    QT_TRANSLATE_NOOP("ImportText", "the scenario held one portfolio; it now holds the statement's {count} account(s), each with its own positions, cash and lots"),
    QT_TRANSLATE_NOOP("ImportText", "the scenario's one portfolio becomes one taxable account, so its positions can hold lots"),
    QT_TRANSLATE_NOOP("ImportText", "your own prices for {tickers} were dropped: market prices are used"),
    # an account total against the file's own (engine/imports/statement.py)
    QT_TRANSLATE_NOOP("ImportText", "total {total} (the file states no account total to check against)"),
    QT_TRANSLATE_NOOP("ImportText", "total {total} matches the file's account total"),
    QT_TRANSLATE_NOOP("ImportText", "total {total} does NOT match the file's account total {reported} (difference {difference})"),
    # the readers' notes (engine/imports: tabular, fidelity, ibkr, ofx, vanguard_csv, lot_files)
    QT_TRANSLATE_NOOP("ImportText", "line {line}: {symbol} quantity × price = {computed} but the file says market value {value}; the file's market value is used"),
    QT_TRANSLATE_NOOP("ImportText", "line {line}: {symbol} has no price; its value is not in the total"),
    QT_TRANSLATE_NOOP("ImportText", "line {line}: {symbol} is a money-market fund (cash); its lots are not kept"),
    QT_TRANSLATE_NOOP("ImportText", "{symbol} {value} (money market) counted as cash"),
    QT_TRANSLATE_NOOP("ImportText", "{symbol} {value} (core account) counted as cash"),
    QT_TRANSLATE_NOOP("ImportText", "pending activity {value} counted as cash"),
    QT_TRANSLATE_NOOP("ImportText", "{count} footer line(s) of text ignored"),
    QT_TRANSLATE_NOOP("ImportText", "{symbol} is priced in {currency}: held, not rebalanced"),
    QT_TRANSLATE_NOOP("ImportText", "cash {value} {currency} not counted: only USD is rebalanced"),
    QT_TRANSLATE_NOOP("ImportText", "account base currency is {currency}; its total is not comparable to the USD lines"),
    QT_TRANSLATE_NOOP("ImportText", "the Flex query has no account total (add Net Asset Value to the query to check it)"),
    QT_TRANSLATE_NOOP("ImportText", "two securities share the id {id}; the first ({symbol}) is used"),
    QT_TRANSLATE_NOOP("ImportText", "security {id} has no ticker in the file; its id is used as the symbol"),
    QT_TRANSLATE_NOOP("ImportText", "latest transaction in the file: {date}"),
    QT_TRANSLATE_NOOP("ImportText", "Vanguard's CSV states no account totals and no date; totals are the sum of the lines"),
    QT_TRANSLATE_NOOP("ImportText", "the file states no date; the statement's period is in its name"),
)
# fmt: on

_SLOT = re.compile(r"\{(\w+)\}")
_KINDS = {k.label: k.value for k in AccountKind}
_LABEL = re.compile(r"^(?P<name>.+) \((?P<kind>" + "|".join(re.escape(k) for k in _KINDS) + r")\)$")


def pattern(template: str) -> str:
    """The regular expression a template's sentences match: each {slot} a named group."""
    return (
        "^"
        + _SLOT.sub(
            lambda m: f"(?P<{m.group(1)}>.+?)", re.escape(template).replace(r"\{", "{").replace(r"\}", "}")
        )
        + "$"
    )


@functools.cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern(str(t)), re.DOTALL), str(t)) for t in TEMPLATES)


# the file layouts the readers name (engine/imports: each reader's LAYOUT); a brand or a format's own name
# (OfxDownload, Flex Query) stays as the broker writes it
LAYOUTS: dict[str, object] = {
    "Schwab positions CSV": QT_TRANSLATE_NOOP("ImportText", "Schwab positions CSV"),
    "Schwab lot details CSV": QT_TRANSLATE_NOOP("ImportText", "Schwab lot details CSV"),
    "Fidelity positions CSV": QT_TRANSLATE_NOOP("ImportText", "Fidelity positions CSV"),
    "Fidelity statement CSV": QT_TRANSLATE_NOOP("ImportText", "Fidelity statement CSV"),
    "Fidelity open lots CSV": QT_TRANSLATE_NOOP("ImportText", "Fidelity open lots CSV"),
    "Vanguard OfxDownload CSV": QT_TRANSLATE_NOOP("ImportText", "Vanguard OfxDownload CSV"),
    "IBKR Flex Query XML": QT_TRANSLATE_NOOP("ImportText", "IBKR Flex Query XML"),
    "OFX/QFX investment statement": QT_TRANSLATE_NOOP("ImportText", "OFX/QFX investment statement"),
    "CSV (mapped columns)": QT_TRANSLATE_NOOP("ImportText", "CSV (mapped columns)"),
}


def layout_text(layout: str) -> str:
    """A file layout's name (``Statement.layout``) in the user's language; an unknown one as written."""
    known = LAYOUTS.get(layout)
    return QCoreApplication.translate(CONTEXT, str(known)) if known is not None else layout


def import_text(line: str) -> str:
    """One line of the import's English text in the user's language, its indentation kept."""
    body = line.lstrip(" ")
    return line[: len(line) - len(body)] + _sentence(body)


def _sentence(text: str, depth: int = 0) -> str:
    for rx, template in _compiled():
        m = rx.match(text)
        if m:
            values = {k: _value(k, v or "") for k, v in m.groupdict().items()}
            return QCoreApplication.translate(CONTEXT, template).format(**values)
    head, sep, rest = text.partition(": ")  # "<account label>: <a sentence>" (an account's own note)
    if sep and depth < 2:
        inner = _sentence(rest, depth + 1)
        if inner != rest:
            return f"{_value('label', head)}: {inner}"
    return text


def _value(key: str, value: str) -> str:
    if key == "why":
        return held_why(value)
    if key in ("label", "account", "source"):
        m = _LABEL.match(value)  # "Roth IRA …9307 (Roth IRA)": the kind in the user's language
        return f"{m['name']} ({kind_label(_KINDS[m['kind']])})" if m else value
    if key == "kind" and value in _KINDS:
        return kind_label(_KINDS[value])
    return value
