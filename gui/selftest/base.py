"""What every self-test check shares: the failure type, the result line, and a guarded import."""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Check = Callable[[Path], str]  # gets a scratch folder; returns the detail on success, raises CheckFailed


class CheckFailed(Exception):
    """A check found something wrong; the message is the report detail."""


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str
    seconds: float

    def line(self) -> str:
        return f"{'PASS' if self.ok else 'FAIL'} {self.name} — {self.detail}"


def need(module: str, why: str) -> Any:
    """Import ``module`` or fail the check saying it is not there (yet)."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise CheckFailed(f"{module} is not available ({why}): {exc}") from None


@contextlib.contextmanager
def as_file(node: Any) -> Iterator[Path]:
    """A real file system path for a bundled resource (frozen or not)."""
    from importlib.resources import as_file as resource_file

    with resource_file(node) as p:
        yield Path(p)
