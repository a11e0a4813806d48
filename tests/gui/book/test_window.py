"""The Book review window, offscreen: open a book, Rebalance All in the background with rows streaming
in, filter, approve with a note, reject, cancel, export a PDF, the Book menu in the main window."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.batch.run import Executor
from engine.book import proposals as P
from engine.book.store import Book


@pytest.fixture
def bw(app, qtbot):  # type: ignore[no-untyped-def]
    from gui.book.window import BookWindow

    w = BookWindow()
    w.quiet = True
    w.executor = Executor(workers=0)
    qtbot.addWidget(w)
    w.show()
    yield w
    assert w.runner.shutdown(), "a worker thread did not finish"


def open_book(w, qtbot, url: str) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(w.opened, timeout=20000):
        w.open_url(url)


def run_all(w, qtbot):  # type: ignore[no-untyped-def]
    streamed: list[int] = []
    w.model.rowsInserted.connect(lambda _p, a, b: streamed.append(b - a + 1))
    with qtbot.waitSignal(w.runFinished, timeout=120000) as sig:
        assert w.rebalance_all() > 0
        assert w.running and not w.run_button.isEnabled() and w.cancel_button.isEnabled()
    return sig.args[0], streamed


def test_rebalance_all_streams_rows_and_stores_drafts(bw, qtbot, book_file: str) -> None:  # type: ignore[no-untyped-def]
    open_book(bw, qtbot, book_file)
    assert bw.model.rowCount() == 0 and bw.run_button.isEnabled()
    done, streamed = run_all(bw, qtbot)
    assert done.households == 5 and done.proposals == 4 and done.failed == 1 and not done.cancelled
    assert len(streamed) >= 2  # rows came in more than once: the plan's failure, then batches
    assert sum(streamed) == bw.model.rowCount() == 5
    book = Book.open(book_file, create=False)
    try:
        stored = {r.client: r for r in P.listing(book, batch_id=done.batch_id)}
        assert set(stored) == {"Smith", "Jones", "Lee", "Stuck"}
        assert all(r.status is P.Status.DRAFT for r in stored.values())
        shown = {r.client: r for r in bw.model.rows}
        for name, r in stored.items():
            assert shown[name].proposal_id == r.id and shown[name].trades == r.summary.trades
            assert shown[name].vol_after == pytest.approx(r.summary.vol_after)
    finally:
        book.close()
    assert shown["Twice"].status == "failed" and "different modes" in shown["Twice"].problems
    assert "Run" in bw.statusBar().currentMessage() and bw.run_button.isEnabled() and not bw.running
    bw.needs_action.setChecked(True)
    visible = {bw.proxy.row_at(i).client for i in range(bw.proxy.rowCount())}
    assert visible == {r.client for r in bw.model.rows if r.needs_action}
    assert "Twice" in visible and "Stuck" in visible


def test_approve_needs_a_note_then_rows_update_and_reject_works(bw, qtbot, book_file: str) -> None:  # type: ignore[no-untyped-def]
    open_book(bw, qtbot, book_file)
    run_all(bw, qtbot)
    smith = next(r for r in bw.model.rows if r.client == "Smith")
    problems: list[str] = []
    bw.problem.connect(problems.append)
    assert bw.decide(smith, True, "  ") == 0 and problems and "note" in problems[0]
    with qtbot.waitSignal(bw.decided, timeout=20000) as sig:
        bw.decide(smith, True, "reviewed with client")
    assert sig.args[0].status == "approved" and sig.args[0].note == "reviewed with client"
    assert next(r for r in bw.model.rows if r.client == "Smith").status == "approved"
    jones = next(r for r in bw.model.rows if r.client == "Jones")
    with qtbot.waitSignal(bw.decided, timeout=20000):
        bw.decide(jones, False, "")
    book = Book.open(book_file, create=False)
    try:
        assert P.status_of(book, smith.proposal_id) is P.Status.APPROVED
        assert P.status_of(book, jones.proposal_id) is P.Status.REJECTED
    finally:
        book.close()
    # a second decision is refused by the book, and said in one line
    with qtbot.waitSignal(bw.problem, timeout=20000) as err:
        bw.decide(smith, False, "changed my mind")
    assert "approved" in err.args[0] and "\n" not in err.args[0]


def test_selection_enables_the_right_actions(bw, qtbot, book_file: str) -> None:  # type: ignore[no-untyped-def]
    open_book(bw, qtbot, book_file)
    run_all(bw, qtbot)
    bw.table.selectRow(0)
    first = bw.selected_rows()
    assert len(first) == 1
    assert bw.pdf_button.isEnabled() == (first[0].proposal_id is not None)
    assert not bw.compare_button.isEnabled()
    bw.table.selectAll()
    assert bw.compare_button.isEnabled() and not bw.approve_button.isEnabled()


def test_cancel_stops_the_run_and_keeps_what_finished(bw, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from engine.book.store import Book
    from tests.engine.book.builders import client_scenario, with_inline_market

    url = f"sqlite:///{tmp_path / 'many.sqlite'}"
    book = Book.open(url)
    for i in range(12):
        book.add_household(f"C{i:02d}", with_inline_market(client_scenario(f"C{i:02d}", iwm=100.0 + 20 * i)))
    book.close()
    open_book(bw, qtbot, url)
    bw.batch_size = 1  # twelve tasks, so that a cancel lands between them
    with qtbot.waitSignal(bw.runFinished, timeout=120000) as sig:
        bw.rebalance_all()
        qtbot.waitUntil(lambda: bw.model.rowCount() >= 1, timeout=60000)
        bw.cancel_run()
    assert sig.args[0] is None  # cancelled
    assert not bw.running and bw.run_button.isEnabled()
    book = Book.open(url, create=False)
    try:
        stored = P.listing(book)
    finally:
        book.close()
    assert 1 <= len(stored) < 12
    qtbot.waitUntil(lambda: bw.model.rowCount() == len(stored), timeout=5000)


def test_export_pdf_from_the_window(bw, qtbot, book_file: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    open_book(bw, qtbot, book_file)
    run_all(bw, qtbot)
    smith = next(r for r in bw.model.rows if r.client == "Smith")
    out = tmp_path / "smith.pdf"
    assert smith.proposal_id is not None
    bw.export_pdf(smith.proposal_id, str(out), "letter")
    qtbot.waitUntil(out.exists, timeout=30000)
    assert out.read_bytes().startswith(b"%PDF")


def test_a_bad_book_is_one_line_and_changes_nothing(bw, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with qtbot.waitSignal(bw.problem, timeout=20000) as err:
        bw.open_url(str(junk))
    assert "damaged" in err.args[0] and "\n" not in err.args[0]
    assert bw.url is None and not bw.run_button.isEnabled()
    assert junk.read_bytes().startswith(b"this is not")


def test_book_menu_sits_before_help(window) -> None:  # type: ignore[no-untyped-def]
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Book") == titles.index("&Help") - 1
    texts = [a.text() for a in window.book_menu.menu.actions() if a.text()]
    assert "Rebalance &All…" in texts and "Export Proposal &PDF…" in texts


def test_menu_rebalance_all_on_an_empty_default_book_says_so(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Book → Rebalance All… with no book open opens the user's book (a temp folder in tests), then runs;
    an empty book is one line, not a crash, and the window stays usable."""
    bw = window.book_menu.show()
    bw.quiet = True
    bw.executor = Executor(workers=0)
    with qtbot.waitSignal(bw.problem, timeout=60000) as err:
        window.book_menu.rebalance_all()
    assert "no household" in err.args[0] and "\n" not in err.args[0]
    assert bw.url is not None and not bw.running and bw.run_button.isEnabled()
    window.book_menu.close()
    assert bw.runner.shutdown()


def test_the_scheduler_setting_sends_the_run_to_dask(window) -> None:  # type: ignore[no-untyped-def]
    bw = window.book_menu.show()
    assert bw.run_executor() is None  # local worker processes
    window.book_menu.set_scheduler(" tcp://10.1.2.3:8786 ")
    ex = bw.run_executor()
    assert (
        ex is not None
        and ex.scheduler == "tcp://10.1.2.3:8786"
        and ex.describe() == "dask tcp://10.1.2.3:8786"
    )
    window.book_menu.set_scheduler("")
    assert bw.run_executor() is None
    window.book_menu.close()
