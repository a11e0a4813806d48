"""Errors of the input layer. Each is a CoresatError (the CLI prints it as one line) and a ValueError."""

from __future__ import annotations

from engine.errors import CoresatError


class InputError(CoresatError, ValueError):
    """Something the user gave cannot be read; the message says what and what to change."""


class NumberError(InputError):
    """A cell is not a number under the file's number rule. ``text`` is the cell as written."""

    def __init__(self, text: str, problem: str, where: str = "") -> None:
        self.text = text
        self.problem = problem
        self.where = where
        said = f"{_show(text)} {problem}"
        super().__init__(f"{where}: {said}" if where else said)


class FileRefusedError(InputError):
    """A path is not a file Coresat will read (folder, pipe, device, web address, too large, …)."""


def _show(text: str, limit: int = 40) -> str:
    """The cell as the user wrote it, quoted, cut short if very long."""
    return repr(text if len(text) <= limit else text[:limit] + "…")
