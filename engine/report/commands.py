"""``coresat report PROPOSAL --pdf FILE --xlsx FILE --orders FILE``: a stored proposal as a client PDF, a
workbook and a trade file.

The PDF is drawn with Qt, which the engine never imports: the desktop package registers a PDF writer
(:func:`register_pdf_writer`; the ``coresat`` command does it in gui/launch.py before it hands a headless
command to the engine). Without one, ``--pdf`` says how to get it and nothing is written.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from engine.errors import CoresatError

if TYPE_CHECKING:
    from engine.report.proposal import ProposalReport

PdfWriter = Callable[["ProposalReport", str, str], Path]  # (report, path, page "a4"/"letter") -> path
_PDF_WRITER: list[PdfWriter] = []

NO_PDF = (
    "a PDF is drawn by the desktop package (PySide6), which this command cannot load: run it as "
    "`coresat report …` after pip install 'coresat[gui]', or write --xlsx instead"
)


def register_pdf_writer(writer: PdfWriter | None) -> None:
    """Set (or with None, remove) the function that writes a proposal PDF."""
    _PDF_WRITER.clear()
    if writer is not None:
        _PDF_WRITER.append(writer)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "report", help="write a stored proposal as a client PDF, an XLSX workbook and/or order-upload CSVs"
    )
    p.add_argument("proposal", type=int, help="proposal id (coresat book proposals lists them)")
    p.add_argument("--book", metavar="URL", help="client book: a file path, sqlite:///FILE or postgresql://…")
    p.add_argument(
        "--pdf", metavar="FILE", help="client proposal PDF to write (.pdf; needs the desktop package)"
    )
    p.add_argument("--page", default="A4", type=str.lower, choices=["a4", "letter"], help="PDF paper size")
    p.add_argument("--xlsx", metavar="FILE", help="workbook to write (.xlsx)")
    p.add_argument(
        "--orders",
        metavar="FILE",
        help="order-upload CSV to write (account, side, symbol, …); a household with several accounts "
        "gets one file per account, FILE's name plus the account's id",
    )


def run(args: argparse.Namespace) -> int:
    if not args.xlsx and not args.orders and not args.pdf:
        raise CoresatError("say what to write: --pdf FILE, --xlsx FILE and/or --orders FILE")
    if args.xlsx and not str(args.xlsx).lower().endswith(".xlsx"):
        raise CoresatError(f"{args.xlsx}: the workbook's name must end in .xlsx")
    if args.pdf and not str(args.pdf).lower().endswith(".pdf"):
        raise CoresatError(f"{args.pdf}: the PDF's name must end in .pdf")
    if args.pdf and not _PDF_WRITER:
        raise CoresatError(NO_PDF)
    from engine.book.store import Book
    from engine.report.proposal import load

    book = Book.open(args.book, create=False)
    try:
        report = load(book, args.proposal)
    finally:
        book.close()
    if report.result.get("status") == "infeasible" and args.orders:
        raise CoresatError(
            f"proposal {args.proposal} found no trade list that meets its limits: no trade file"
        )
    if args.pdf:
        try:
            print(f"wrote {_PDF_WRITER[0](report, str(args.pdf), args.page)}")
        except OSError as exc:
            raise CoresatError(f"cannot write {args.pdf}: {exc.strerror or exc}") from None
    if args.xlsx:
        from engine.report.xlsx import write_xlsx

        try:
            print(f"wrote {write_xlsx(report, args.xlsx)}")
        except OSError as exc:
            raise CoresatError(f"cannot write {args.xlsx}: {exc.strerror or exc}") from None
    if args.orders:
        _write_orders(report, str(args.orders))
    if report.status != "approved" and report.status != "executed":
        print(f"note: proposal {args.proposal} is {report.status}, not approved")
    return 0


def _write_orders(report: ProposalReport, target: str) -> None:
    from engine.report.orders import per_account_paths, write_orders

    books = report.account_trades
    paths = per_account_paths(target, [a.id for a in books])
    for acc, path in zip(books, paths, strict=True):
        try:
            written = write_orders(path, acc.id, acc.trades)
        except OSError as exc:
            raise CoresatError(f"cannot write {path}: {exc.strerror or exc}") from None
        n = sum(1 for tr in acc.trades if float(tr["shares"]) > 0)
        print(f"wrote {written} ({n} orders for account {acc.id!r})")
