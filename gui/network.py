"""Is there a connection at all? Asked after a download failed, to tell "no connection" from a ticker
problem. Runs on a worker thread (a DNS look-up can take seconds); never called by tests (they inject)."""

from __future__ import annotations

import socket

PROBE_HOST = "query1.finance.yahoo.com"
NO_CONNECTION = "no connection to the internet"


class NoConnection(ConnectionError):
    """A download failed and the network cannot be reached at all."""


def reachable(host: str = PROBE_HOST, port: int = 443, timeout: float = 3.0) -> bool:
    """True when ``host`` resolves and accepts a TCP connection within ``timeout`` seconds."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False
