"""Shared test setup: keep every test off the real user folders and off the network."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests: random examples on a developer's machine (they find new cases), the same examples on
# every CI run (a red CI is then a change in the code, not a new draw; the seed is fixed by the test's
# name). No example database in CI (a clean clone every time); a failure prints how to reproduce it.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

SHARED_REAL = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "real"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the app's data/config folders at a temp dir so no test touches real user settings."""
    home = tmp_path_factory.mktemp("coresat-home")
    monkeypatch.setenv("CORESAT_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("CORESAT_CONFIG_DIR", str(home / "config"))


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a network connection fails the test."""

    def guard(*args: object, **kwargs: object) -> None:
        raise RuntimeError("tests must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", guard)
    monkeypatch.setattr(socket, "create_connection", guard)


def shared_real(*parts: str) -> Path:
    """Path into ../shared/data/real, skipping the test when it is absent."""
    p = SHARED_REAL.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not available (../shared is absent)")
    return p
