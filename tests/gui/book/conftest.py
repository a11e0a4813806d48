"""Book GUI tests: a small client book on SQLite with inline markets (no data files, no network);
any Qt warning fails the test (the offscreen plugin's own "does not support" notices excepted)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from engine.model.scenario import Mode

IGNORED = ("This plugin does not support ",)  # the offscreen platform plugin: propagateSizeHints(), raise()


@pytest.fixture(autouse=True)
def _qt_warnings_fail(qtlog) -> Iterator[None]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QtMsgType

    yield
    bad = [
        r.message
        for r in qtlog.records
        if r.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        and not any(i in r.message for i in IGNORED)
    ]
    assert not bad, f"Qt warnings: {bad}"


@pytest.fixture(autouse=True)
def _english_numbers() -> Iterator[None]:
    from PySide6.QtCore import QLocale

    from gui import fmt

    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    fmt.reset_locale()
    yield
    QLocale.setDefault(old)
    fmt.reset_locale()


def make_book(path: Path) -> str:
    """Four runnable clients (one whose limits cannot all hold) and one that cannot run."""
    from engine.book.store import Book
    from tests.engine.book.builders import client_scenario, with_inline_market

    url = f"sqlite:///{path}"
    book = Book.open(url)
    for name, iwm, cap in (("Smith", 300.0, 0.2), ("Jones", 100.0, 0.2), ("Lee", 600.0, 0.05)):
        book.add_household(name, with_inline_market(client_scenario(name, iwm=iwm, vol_cap=cap)))
    book.add_household("Stuck", with_inline_market(client_scenario("Stuck", vol_cap=0.001)))
    twice = with_inline_market(client_scenario("Twice"))
    book.add_household("Twice", twice)
    # a second account that may only buy while the first trades fully: one household cannot be both
    buy_only = replace(twice, constraints=replace(twice.constraints, mode=Mode.BUY_ONLY))
    book.add_household("Twice", buy_only, account="Second account")
    book.close()
    return url


@pytest.fixture
def book_file(tmp_path: Path) -> str:
    return make_book(tmp_path / "book.sqlite")


@pytest.fixture(scope="module")
def ran_book(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, int]:
    """A book with one finished run (inline): (url, batch id)."""
    from engine.batch.rebalance import Executor, rebalance_book
    from engine.book.store import Book

    url = make_book(tmp_path_factory.mktemp("ran") / "book.sqlite")
    book = Book.open(url)
    try:
        return url, rebalance_book(book, Executor(workers=0)).batch_id
    finally:
        book.close()
