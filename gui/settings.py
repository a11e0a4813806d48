"""Where the GUI keeps its own settings (window state, recent files, last file).

``CORESAT_CONFIG_DIR`` (set by the test suite for every test) redirects everything to an INI file in
that folder, so tests never touch the real user settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "Coresat"
APPLICATION = "Coresat"
MAX_RECENT = 8


def settings() -> QSettings:
    folder = os.environ.get("CORESAT_CONFIG_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(folder) / "coresat-gui.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def recent_files() -> list[str]:
    value = settings().value("recent_files", [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple):
        return []
    return [str(v) for v in value if str(v)]


def add_recent_file(path: str) -> list[str]:
    items = [path, *[p for p in recent_files() if p != path]][:MAX_RECENT]
    s = settings()
    s.setValue("recent_files", items)
    s.setValue("last_file", path)
    return items


def last_file() -> str | None:
    value = settings().value("last_file", "")
    return str(value) if value else None
