"""Where Coresat keeps its files: platform user folders (platformdirs), overridable for tests.

``CORESAT_DATA_DIR`` and ``CORESAT_CONFIG_DIR`` replace the platform folders when set (the test suite
points them at temporary folders so no test touches a real user's files). The cache lives inside the
data folder unless ``CORESAT_CACHE_DIR`` is set.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Coresat"


def _from_env(var: str) -> Path | None:
    value = os.environ.get(var, "").strip()
    return Path(value).expanduser() if value else None


def _ensure(p: Path) -> Path:
    p.mkdir(parents=True, exist_ok=True)
    return p


def data_dir() -> Path:
    """Folder for the price store and other data the user would miss if deleted (created on demand)."""
    return _ensure(
        _from_env("CORESAT_DATA_DIR") or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )


def config_dir() -> Path:
    """Folder for settings (created on demand)."""
    return _ensure(
        _from_env("CORESAT_CONFIG_DIR") or Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    )


def cache_dir() -> Path:
    """Folder for things that can be rebuilt (yfinance's time-zone and cookie cache, ...)."""
    return _ensure(_from_env("CORESAT_CACHE_DIR") or data_dir() / "cache")
