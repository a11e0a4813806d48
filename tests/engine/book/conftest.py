"""Client-book tests run on SQLite always and on PostgreSQL when CORESAT_TEST_PG_URL is set.

In CI (CI=true) the PostgreSQL variant must run: .ci/run starts a server and sets the URL, and a missing
URL fails these tests instead of skipping them. Each PostgreSQL test gets a schema of its own (dropped
afterwards), so tests never see each other's rows.

The suite forbids network connections; these tests may connect to the loopback address only (the local
PostgreSQL server and the local Dask cluster).
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

PG_ENV = "CORESAT_TEST_PG_URL"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Like the suite-wide guard, but the loopback address is allowed."""
    real_connect = socket.socket.connect
    real_create = socket.create_connection

    def host_of(address: Any) -> str:
        return str(address[0]) if isinstance(address, tuple) else "unix"

    def connect(self: socket.socket, address: Any) -> Any:
        if host_of(address) not in LOOPBACK and host_of(address) != "unix":
            raise RuntimeError("tests must not touch the network")
        return real_connect(self, address)

    def create(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        if host_of(address) not in LOOPBACK:
            raise RuntimeError("tests must not touch the network")
        return real_create(address, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "create_connection", create)


def pg_url_or_skip() -> str:
    url = os.environ.get(PG_ENV, "").strip()
    if not url:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{PG_ENV} is not set in CI: .ci/run must start PostgreSQL for the client-book tests")
        pytest.skip(f"{PG_ENV} not set (bash .ci/postgres.sh starts a local server)")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def book_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty client book on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'book.sqlite'}"
        return
    base = pg_url_or_skip()
    import sqlalchemy as sa

    from engine.book.db import normalize_url

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(normalize_url(base))
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()
