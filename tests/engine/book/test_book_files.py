"""Files the book commands open go through engine.io.safe_open: a folder, a pipe or a device given as
a book, a backup or an overrides file is refused in one line, at once, and nothing is created."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from engine.book.store import Book
from engine.cli import EXIT_BAD_INPUT, EXIT_OK, main
from tests.engine.book.builders import client_scenario


@pytest.fixture
def book(tmp_path: Path) -> str:
    url = str(tmp_path / "book.sqlite")
    b = Book.open(url)
    try:
        b.add_household("Smith", client_scenario("Smith"))
        b.save_policy_from_scenario("Growth", client_scenario("Growth"))
    finally:
        b.close()
    return url


def _one_line(capsys: pytest.CaptureFixture[str], *words: str) -> None:
    err = capsys.readouterr().err
    assert err.startswith("coresat: ") and err.count("\n") == 1, err
    assert all(w in err for w in words), err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_folder_pipe_or_device_is_not_a_book(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "folder").mkdir()
    for path, word in ((tmp_path / "folder", "folder"), (fifo, "pipe"), (Path("/dev/zero"), "device")):
        for cmd in (["book", "list", "--book", str(path)], ["book", "init", "--book", str(path)]):
            assert main(cmd) == EXIT_BAD_INPUT
            _one_line(capsys, str(path), word)
    missing = tmp_path / "nofolder" / "b.sqlite"
    assert main(["book", "init", "--book", str(missing)]) == EXIT_BAD_INPUT
    _one_line(capsys, "does not exist")
    assert not missing.parent.exists()  # no folder created silently


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_overrides_and_backup_files_are_checked(
    book: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    base = ["book", "assign", "Smith", "Growth", "--book", book, "--overrides"]
    assert main([*base, str(fifo)]) == EXIT_BAD_INPUT  # a pipe would wait forever
    _one_line(capsys, "pipe")
    assert main([*base, str(tmp_path)]) == EXIT_BAD_INPUT
    _one_line(capsys, "folder")
    big = tmp_path / "big.toml"
    big.write_text("# x\n" * 100_000)
    assert main([*base, str(big)]) == EXIT_BAD_INPUT
    _one_line(capsys, "256 kB")
    good = tmp_path / "o.toml"
    good.write_text("[constraints]\nvol_cap_pct = 15\n")
    assert main([*base, str(good)]) == EXIT_OK
    capsys.readouterr()
    assert main(["book", "backup", "--book", book, str(tmp_path / "nofolder" / "b.sqlite")]) == EXIT_BAD_INPUT
    _one_line(capsys, "does not exist")
    assert not (tmp_path / "nofolder").exists()
    assert main(["book", "backup", "--book", book, str(fifo)]) == EXIT_BAD_INPUT
    _one_line(capsys, "not a regular file")
    assert main(["book", "backup", "--book", book, str(tmp_path / "copy.sqlite")]) == EXIT_OK
    assert (tmp_path / "copy.sqlite").stat().st_size > 0


def test_the_default_books_folder_is_still_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from engine.book import db

    monkeypatch.delenv("CORESAT_BOOK_URL", raising=False)
    monkeypatch.setattr(db.paths, "data_dir", lambda: tmp_path / "new" / "data")
    b = Book.open(db.default_url(), create=True)  # Book → Open My Book passes the default explicitly
    b.close()
    assert (tmp_path / "new" / "data" / "book.sqlite").is_file()


def test_deeply_nested_overrides_are_refused_in_one_line() -> None:
    from engine.book.parts import overrides_from_text
    from engine.errors import ScenarioError

    deep = "constraints = " + "[" * 5000 + "]" * 5000
    with pytest.raises(ScenarioError, match="too deeply"):
        overrides_from_text(deep)
