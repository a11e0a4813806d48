"""``coresat report PROPOSAL --pdf FILE`` end to end through the ``coresat`` command (gui/launch.py
registers the Qt PDF writer; the engine never imports Qt): a household with four accounts is run, its
PDF written from the command line, converted to PNG pages with pdftoppm and read back with pdftotext.
The per-account figures checked are re-added here from the stored account trades."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from engine import resources
from engine.batch.rebalance import Executor, rebalance_book
from engine.book.store import Book
from engine.report.commands import register_pdf_writer
from engine.report.proposal import load
from tests.gui.book.test_proposal_pdf import money, text_of

COUPLE = "household-couple-four-accounts.coresat.toml"


@pytest.fixture(autouse=True)
def _poppler() -> None:
    if shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")


@pytest.fixture(autouse=True)
def _unregister() -> object:
    yield
    register_pdf_writer(None)


def _stored(url: str, pid: int):  # type: ignore[no-untyped-def]
    """The proposal as the book stores it (read back independently of the report command)."""
    book = Book.open(url, create=False)
    try:
        return load(book, pid)
    finally:
        book.close()


def _book(tmp_path: Path) -> tuple[str, int]:
    src = tmp_path / COUPLE
    src.write_text(resources.read_text("examples", COUPLE))
    url = f"sqlite:///{tmp_path / 'book.sqlite'}"
    book = Book.open(url)
    try:
        book.import_scenario(src, client="Lee & Park")
        rep = rebalance_book(book, Executor(workers=0), force_demo=True)
        return url, rep.proposals[0]
    finally:
        book.close()


@pytest.mark.parametrize("page", ["A4", "Letter"])
def test_coresat_report_pdf_writes_every_accounts_trades(app, tmp_path: Path, page: str, capsys) -> None:  # type: ignore[no-untyped-def]
    from gui.launch import main

    url, pid = _book(tmp_path)
    pdf = tmp_path / "proposal.pdf"
    assert main(["report", str(pid), "--book", url, "--pdf", str(pdf), "--page", page]) == 0
    assert f"wrote {pdf}" in capsys.readouterr().out
    rep = _stored(url, pid)
    text = text_of(pdf)
    accs = rep.account_trades
    assert len(accs) == 4
    bought = sold = 0.0
    for a in accs:
        assert a.name in text
        cash = float(a.cash_before or 0.0)
        for t in a.trades:
            amount = float(t["shares"]) * float(t["price"])
            if t["side"] == "buy":
                bought, cash = bought + amount, cash - amount - float(t["cost"])
            else:
                sold, cash = sold + amount, cash + amount - float(t["cost"])
            assert money(amount) in text
        assert money(cash) in text  # each account's cash after, re-added from its own trades
    assert f"Bought {money(bought)} · sold {money(sold)}" in text
    n = sum(len(a.trades) for a in accs)
    assert f"Trades {n} " in text and n > len(rep.trades)
    # pages as PNG: the size of the paper at 50 dpi, and ink on them
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(tmp_path / "page")], check=True)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) >= 2
    from PySide6.QtGui import QImage

    img = QImage(str(pngs[0]))
    w_mm, h_mm = (210, 297) if page == "A4" else (215.9, 279.4)
    assert abs(img.width() - w_mm / 25.4 * 50) <= 2 and abs(img.height() - h_mm / 25.4 * 50) <= 2
    dark = sum(
        1
        for y in range(0, img.height(), 4)
        for x in range(0, img.width(), 4)
        if img.pixelColor(x, y).value() < 128
    )
    assert dark > 200  # text and tables, not a blank page


def test_without_pyside6_the_pdf_is_refused_in_one_line(app, tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from gui.launch import main

    url, pid = _book(tmp_path)
    monkeypatch.setitem(sys.modules, "PySide6", None)  # import PySide6 now raises ImportError
    pdf = tmp_path / "p.pdf"
    assert main(["report", str(pid), "--book", url, "--pdf", str(pdf)]) == 2
    err = capsys.readouterr().err
    assert "PySide6 is not installed" in err and err.count("\n") == 1 and not pdf.exists()


def test_the_command_line_pdf_writes_english_numbers_under_any_locale(app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Under LANG=C (Qt's "C" locale: no thousands separators) the command line's PDF still writes $1,800.00,
    in its tables and in the reasons read back from their stored messages, which then read exactly as the
    stored English text."""
    from PySide6.QtCore import QLocale

    from gui import fmt, message_texts
    from gui.launch import main

    url, pid = _book(tmp_path)
    QLocale.setDefault(QLocale.c())
    fmt.reset_locale()
    message_texts.reset()
    pdf = tmp_path / "c-locale.pdf"
    assert main(["report", str(pid), "--book", url, "--pdf", str(pdf)]) == 0
    rep = _stored(url, pid)
    text = text_of(pdf)
    values = [money(float(a["value_before"])) for a in rep.result["accounts"]]
    assert any("," in v for v in values) and all(v in text for v in values)  # the accounts table
    for a in rep.account_trades:
        for t in a.trades:
            assert " ".join(t["reason"].split()[-4:]) in text, t["reason"]  # its cash $1,800.00 → $1,109.86


def test_the_pdf_lists_what_an_account_holds_but_does_not_rebalance(app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from gui.launch import main

    roth = 'positions = [{ ticker = "IJR", shares = 20 }]'
    text = resources.read_text("examples", COUPLE)
    assert roth in text
    src = tmp_path / COUPLE
    held = 'held = [{ symbol = "VGI007743", value = 13385.75, why = "mutual fund" }]'
    src.write_text(text.replace(roth, f"{roth}\n{held}"))
    url = f"sqlite:///{tmp_path / 'book.sqlite'}"
    book = Book.open(url)
    try:
        book.import_scenario(src, client="Lee & Park")
        pid = rebalance_book(book, Executor(workers=0), force_demo=True).proposals[0]
        rep = load(book, pid)
    finally:
        book.close()
    (park,) = [a for a in rep.result["accounts"] if a["held"]]
    assert park["held"] == [
        {"symbol": "VGI007743", "value": 13385.75, "why": "mutual fund", "currency": "USD"}
    ]
    pdf = tmp_path / "held.pdf"
    assert main(["report", str(pid), "--book", url, "--pdf", str(pdf)]) == 0
    said = text_of(pdf)
    assert "Also held, not rebalanced (never traded, in no value, weight or total here):" in said
    assert f"VGI007743 in {park['name']}: $13,385.75 (mutual fund)" in said
    # and it is in no account value: the accounts table shows what the account holds to rebalance
    assert money(float(park["value_before"])) in said and park["value_before"] < 13385.75
