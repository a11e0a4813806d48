"""Shared test setup: keep every test off the real user folders and off the network."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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
