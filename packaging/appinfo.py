"""Names and identifiers every installer must agree on (read by the spec, the build helper and the tests).

Standard library only, so it can be imported by PyInstaller's spec, by ``packaging/build.py`` and by the
packaging tests without the app installed. The Inno Setup script cannot import Python: it repeats these
values, and ``tests/packaging`` checks that it repeats them correctly.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

APP_NAME = "Coresat"
EXE_NAME = "coresat"  # the one-folder app: dist/coresat/coresat[.exe]
CLI_EXE_NAME = "coresat-cli"  # Windows only: a console twin of coresat.exe for --self-test and the CLI
PUBLISHER = "Coresat"
BUNDLE_ID = "org.coresat.Coresat"  # macOS CFBundleIdentifier
SCENARIO_EXTENSION = ".coresat.toml"
SCENARIO_UTI = "org.coresat.scenario"  # macOS exported type for scenario files
SCENARIO_DESCRIPTION = "Coresat scenario"
SCENARIO_MIME = "application/x-coresat-scenario+toml"  # Linux shared MIME type and macOS tag
WINDOWS_PROGID = "Coresat.Scenario"
INNO_APP_GUID = "FD1C3542-C60B-43FF-839E-2E8ABB950F76"  # never change: Windows upgrades match on it
MACOS_MIN_VERSION = "14.0"  # PySide6 6.12 needs macOS 14 (Sonoma)


def version() -> str:
    """The app version, read from engine/__init__.py without importing the engine."""
    text = (ROOT / "engine" / "__init__.py").read_text(encoding="utf-8")
    m = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not m:
        raise RuntimeError('engine/__init__.py has no __version__ = "..." line')
    return m.group(1)


def installer_name(ver: str | None = None) -> str:
    """File name (without .exe) of the Windows installer."""
    return f"{APP_NAME}-Setup-{ver or version()}"


def dmg_name(ver: str | None = None) -> str:
    return f"{APP_NAME}-{ver or version()}-macOS-arm64.dmg"
