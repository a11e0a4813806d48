"""``coresat report PROPOSAL --xlsx FILE --orders FILE``: a stored proposal as a workbook and a trade file."""

from __future__ import annotations

import argparse

from engine.errors import CoresatError


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "report", help="write a stored proposal as an XLSX workbook and/or an order-upload CSV"
    )
    p.add_argument("proposal", type=int, help="proposal id (coresat book proposals lists them)")
    p.add_argument("--book", metavar="URL", help="client book: a file path, sqlite:///FILE or postgresql://…")
    p.add_argument("--xlsx", metavar="FILE", help="workbook to write (.xlsx)")
    p.add_argument("--orders", metavar="FILE", help="order-upload CSV to write (account, side, symbol, …)")


def run(args: argparse.Namespace) -> int:
    if not args.xlsx and not args.orders:
        raise CoresatError("say what to write: --xlsx FILE and/or --orders FILE")
    if args.xlsx and not str(args.xlsx).lower().endswith(".xlsx"):
        raise CoresatError(f"{args.xlsx}: the workbook's name must end in .xlsx")
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
    if args.xlsx:
        from engine.report.xlsx import write_xlsx

        try:
            print(f"wrote {write_xlsx(report, args.xlsx)}")
        except OSError as exc:
            raise CoresatError(f"cannot write {args.xlsx}: {exc.strerror or exc}") from None
    if args.orders:
        from engine.report.orders import write_orders

        try:
            path = write_orders(args.orders, report.account, report.trades)
        except OSError as exc:
            raise CoresatError(f"cannot write {args.orders}: {exc.strerror or exc}") from None
        print(f"wrote {path} ({len(report.trades)} orders for account {report.account!r})")
    if report.status != "approved" and report.status != "executed":
        print(f"note: proposal {args.proposal} is {report.status}, not approved")
    return 0
