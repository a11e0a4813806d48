"""What the Book review window adds to a batch run: streaming the stored rows back to the table.

    .venv/bin/python benchmarks/bench_book_review.py [--households 1000]

Builds a SQLite book of N households (one policy, inline market, no data files) and, on the same book,
times, twice each and alternated, (a) ``rebalance_book`` alone (in this process, batches of 50) and (b) the window's worker path
``gui.book.calls.rebalance_all`` (the same run, plus reading each batch's new review rows with
``engine.report.review.batch_rows`` after every batch), then (c) inserting the N rows into the review
model and sorting them through the filter model (Qt, offscreen), and (d) rendering one proposal PDF.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def build(url: str, n: int) -> None:
    from engine.book.store import Book
    from tests.engine.book.builders import client_scenario, with_inline_market

    book = Book.open(url)
    model = with_inline_market(client_scenario("Model"))
    book.save_policy_from_scenario("Model", model)
    for i in range(n):
        sc = with_inline_market(
            client_scenario(f"C{i:05d}", iwm=80.0 + (i % 40) * 10, cash=500.0 + (i % 7) * 400)
        )
        book.add_household(f"C{i:05d}", sc, policy="Model")
    book.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--households", type=int, default=1000)
    args = ap.parse_args()
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from engine.batch.rebalance import Executor, rebalance_book
    from engine.book.store import Book
    from engine.report.proposal import load
    from engine.report.review import ReviewRow
    from gui.book import calls
    from gui.book.proposal_pdf import render_pdf
    from gui.book.review_model import Column, ReviewFilter, ReviewModel

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'book.sqlite'}"
        t = time.perf_counter()
        build(url, args.households)
        print(f"built {args.households} households in {time.perf_counter() - t:.1f} s")
        plain_runs: list[float] = []
        streamed_runs: list[float] = []
        rows: list[ReviewRow] = []
        for _ in range(2):  # alternated, so that warm-up and load drift hit both alike; the best of two
            book = Book.open(url)
            t = time.perf_counter()
            rebalance_book(book, Executor(workers=0))
            plain_runs.append(time.perf_counter() - t)
            book.close()
            rows = []
            t = time.perf_counter()
            calls.rebalance_all(url, rows.extend, executor=Executor(workers=0))
            streamed_runs.append(time.perf_counter() - t)
        plain, streamed = min(plain_runs), min(streamed_runs)
        n = args.households
        print(f"rebalance_book alone:            {plain:7.2f} s  ({1000 * plain / n:.2f} ms/household)")
        print(f"window worker path (streamed):   {streamed:7.2f} s  ({1000 * streamed / n:.2f} ms/household)")
        print(f"streaming overhead:              {1000 * (streamed - plain) / n:+.2f} ms/household")
        model = ReviewModel()
        proxy = ReviewFilter(model)
        proxy.sort(int(Column.CLIENT), Qt.SortOrder.AscendingOrder)
        t = time.perf_counter()
        for i in range(0, len(rows), 50):
            model.add_rows(rows[i : i + 50])
        app.processEvents()
        print(
            f"insert {len(rows)} rows into the sorted review table: {1000 * (time.perf_counter() - t):.0f} ms"
        )
        book = Book.open(url)
        report = load(book, rows[0].proposal_id or 1)
        book.close()
        t = time.perf_counter()
        render_pdf(report)
        print(f"one proposal PDF: {1000 * (time.perf_counter() - t):.0f} ms")


if __name__ == "__main__":
    main()
