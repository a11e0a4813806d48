"""What can go wrong with the price store, each with its own message; only real damage is offered a reset.

SQLite reports a locked, read-only, full or damaged database with distinct result codes; each becomes a
:class:`StoreError` whose ``kind`` says which, so the GUI and the CLI can offer a reset for ``damaged``
and nothing else (a busy or read-only store is fine, it must not be deleted).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Literal

from engine.errors import DataError

StoreProblem = Literal["damaged", "locked", "read-only", "full", "newer", "unreadable"]

# primary SQLite result codes (the low byte of an extended code)
_CORRUPT, _NOTADB = 11, 26
_BUSY, _LOCKED = 5, 6
_READONLY = 8
_FULL = 13
_IOERR = 10
_CANTOPEN, _PERM, _AUTH = 14, 3, 23


class StoreError(DataError):
    """The price store cannot be used as asked; ``kind`` says why, ``can_reset`` if a reset is the cure."""

    def __init__(self, kind: StoreProblem, path: Path, message: str) -> None:
        self.kind: StoreProblem = kind
        self.path = path
        super().__init__(message)

    @property
    def can_reset(self) -> bool:
        return self.kind == "damaged"


def classify(exc: BaseException, path: Path, *, writing: bool) -> StoreError:
    """The StoreError for an sqlite3 or OS error met while reading (``writing=False``) or writing."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    damaged_text = isinstance(exc, UnicodeDecodeError) or "could not decode" in text  # not text
    if primary in (_CORRUPT, _NOTADB) or damaged_text or "malformed" in text or "not a database" in text:
        return StoreError(
            "damaged",
            path,
            f"the price store {path} is damaged ({exc}); reset it to start an empty store (Data > Reset "
            "Damaged Price Store in the app, or `coresat prices reset`; the damaged file is kept as a backup)",
        )
    if primary in (_BUSY, _LOCKED) or "locked" in text or "busy" in text:
        return StoreError(
            "locked",
            path,
            f"the price store {path} is busy: another Coresat window or command is saving prices to it; "
            "try again when it has finished (nothing is wrong with the store)",
        )
    if primary == _FULL or "disk is full" in text or "no space" in text:
        return StoreError(
            "full",
            path,
            f"the disk holding the price store {path} is full; free some space and try again "
            "(the stored prices are unchanged)",
        )
    if primary == _READONLY or "readonly" in text or "read-only" in text:
        return StoreError(
            "read-only",
            path,
            f"the price store {path} is read-only, so new prices cannot be saved to it; make the file "
            "and its folder writable, or set CORESAT_DATA_DIR to a writable folder"
            + ("" if writing else "; stored prices can still be read"),
        )
    if isinstance(exc, PermissionError) or primary in (_PERM, _AUTH, _CANTOPEN):
        return StoreError(
            "unreadable",
            path,
            f"cannot {'write to' if writing else 'open'} the price store {path} ({exc}); check that the "
            "file and its folder exist and that you may read and write them",
        )
    if primary == _IOERR:
        return StoreError(
            "unreadable",
            path,
            f"the disk failed while {'writing' if writing else 'reading'} the price store {path} ({exc}); "
            "check the disk; the store was not changed",
        )
    return StoreError("unreadable", path, f"cannot use the price store {path}: {exc}")


def newer(path: Path, version: str, ours: str) -> StoreError:
    return StoreError(
        "newer",
        path,
        f"the price store {path} was written by a newer Coresat (schema {version[:10]}, this one reads up "
        f"to {ours}); update Coresat, or set CORESAT_DATA_DIR to use a separate store",
    )


def is_sqlite_problem(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.Error | OSError)
