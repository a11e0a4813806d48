"""The client proposal PDF: rendered offscreen on A4 and Letter, read back with poppler (pdftotext,
pdfinfo, pdfimages, pdftoppm); the numbers of the stored result must be in the text, the charts must be
vector (no images), and the pages must have the paper's size."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from engine.book.store import Book
from engine.report.proposal import ProposalReport, load

TOOLS = ("pdftotext", "pdfinfo", "pdfimages", "pdftoppm")


@pytest.fixture(autouse=True)
def _poppler() -> None:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{missing} not installed: .ci/run must install poppler-utils")
        pytest.skip(f"{missing} not installed (apt-get install poppler-utils)")


def reports(url: str) -> dict[str, ProposalReport]:
    from engine.book import proposals as P

    book = Book.open(url, create=False)
    try:
        return {r.client: load(book, r.id) for r in P.listing(book)}
    finally:
        book.close()


def text_of(pdf: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", out))  # NFKC: the "ﬁ" ligature is "fi"


def money(x: float) -> str:
    return f"${x:,.2f}" if x >= 0 else f"-${-x:,.2f}"


def pct(x: float) -> str:
    return f"{100 * x:.2f} %"


def shares(x: float) -> str:
    return f"{round(x):,}" if abs(x - round(x)) < 1e-9 else f"{x:g}"


@pytest.mark.parametrize("page", ["a4", "letter"])
def test_the_pdf_holds_the_results_numbers(app, ran_book, tmp_path: Path, page: str) -> None:  # type: ignore[no-untyped-def]
    from gui.book.proposal_pdf import write_pdf

    url, _batch = ran_book
    rep = reports(url)["Smith"]
    res = rep.result
    assert res["trades"], "the test needs a proposal with trades"
    pdf = write_pdf(rep, tmp_path / f"smith-{page}.pdf", page)
    text = text_of(pdf)
    assert f"Rebalancing proposal for {rep.client}" in text
    assert rep.account in text and rep.account_kind in text
    for v in (res["total_value"], res["cash_before"], res["cash_after"], res["total_cost"]):
        assert money(v) in text, money(v)
    for v in (
        res["vol_before"],
        res["vol_after"],
        res["vol_cap"],
        res["tracking_error_before"],
        res["turnover"],
    ):
        assert pct(v) in text, pct(v)
    for s in res["sleeves"]:
        for k in ("weight_before", "weight_target", "weight_after"):
            assert pct(s[k]) in text, (s["name"], k)
    for a in res["assets"]:
        assert a["ticker"] in text and pct(a["weight_after"]) in text
    bought = sum(t["amount"] for t in res["trades"] if t["side"] == "buy")
    sold = sum(t["amount"] for t in res["trades"] if t["side"] == "sell")
    assert money(bought) in text and money(sold) in text
    for t in res["trades"]:
        row = f"{t['side'].capitalize()} {t['ticker']} {shares(t['shares'])} {money(t['price'])} {money(t['amount'])}"
        assert row in text, row
        assert " ".join(t["reason"].split()[:4]) in text  # the reason, as the engine wrote it
    for b in res["binding"]:  # what limits it: the engine's sentence (its raw limit id is not shown)
        assert " ".join(b["message"].split()[:4]) in text
    a = res["assumptions"]
    for k in ("price_source", "price_date", "risk_window", "estimator"):
        assert str(a[k]) in text, k
    assert rep.scenario_hash in text
    assert "It is not investment advice." in text

    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    w_pt, h_pt = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())  # type: ignore[union-attr]
    expect = (595.28, 841.89) if page == "a4" else (612.0, 792.0)
    assert (w_pt, h_pt) == pytest.approx(expect, abs=1.0)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert f"page {pages} of {pages}" in text
    images = subprocess.run(
        ["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    assert len(images.strip().splitlines()) == 2, "charts must be vector, not bitmaps"  # header lines only
    subprocess.run(["pdftoppm", "-r", "96", "-png", str(pdf), str(tmp_path / page)], check=True)
    pngs = sorted(tmp_path.glob(f"{page}-*.png"))
    assert len(pngs) == pages


def test_an_infeasible_proposal_says_what_cannot_be_met(app, ran_book, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from gui.book.proposal_pdf import write_pdf

    rep = reports(ran_book[0])["Stuck"]
    assert rep.result["status"] == "infeasible"
    text = text_of(write_pdf(rep, tmp_path / "stuck.pdf"))
    assert "No trade list meets all the limits" in text and "Cannot be met" in text
    assert " ".join(rep.result["infeasibility"]["message"].split()[:5]) in text
    assert "No trades." in text


def test_command_line_entry_writes_and_refuses_bad_input(app, ran_book, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from engine.book import proposals as P
    from gui.book.proposal_pdf import main

    url = ran_book[0]
    book = Book.open(url, create=False)
    pid = P.listing(book)[0].id
    book.close()
    out = tmp_path / "p.pdf"
    assert main([str(pid), str(out), "--book", url, "--page", "Letter"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert main(["99999", str(tmp_path / "q.pdf"), "--book", url]) == 2
    err = capsys.readouterr().err
    assert "no proposal 99999" in err and err.count("\n") == 1 and not (tmp_path / "q.pdf").exists()
    assert main([str(pid), str(tmp_path / "q.txt"), "--book", url]) == 2
    assert main([str(pid), str(tmp_path / "nofolder" / "q.pdf"), "--book", url]) == 2


@pytest.mark.parametrize("page", ["a4", "letter"])
def test_no_heading_is_left_alone_at_the_foot_of_a_page(app, ran_book, page: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPdfWriter

    from gui.book.proposal_pdf import ProposalDocument

    for rep in reports(ran_book[0]).values():
        buf = QByteArray()
        dev = QBuffer(buf)
        dev.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(dev)
        pd = ProposalDocument(rep, page)
        pages = pd.print_to(writer)
        del writer
        doc, layout = pd.doc, pd.doc.documentLayout()
        h = doc.pageSize().height()
        headings = 0
        block = doc.begin()
        while block.isValid():
            nxt = block.next()
            if block.text() in pd.headings() and nxt.isValid():
                headings += 1
                top = layout.blockBoundingRect(block).top()
                first = nxt.layout().lineAt(0)
                below = layout.blockBoundingRect(nxt).top() + first.y() + first.height()
                assert int(below // h) == int((top + 1) // h), (
                    rep.client,
                    block.text(),
                )  # +1: rounding at a page top
            block = nxt
        assert headings >= 8 and pages >= 1
