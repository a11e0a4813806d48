"""Before Qt starts on Linux: are the system libraries of Qt's xcb (X11) platform plugin installed?

Without them Qt aborts with "could not load the Qt platform plugin "xcb"" and names only the first missing
library. This module finds every missing one (``ldd`` on the plugin that PySide6 ships, without importing
Qt) and says which Debian/Ubuntu packages provide them and the one apt command that installs them.

Qt-free and import-light on purpose: it runs before PySide6 is imported.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# Shared library (soname) -> the Debian/Ubuntu package that provides it. The xcb plugin's own needs first,
# then what Qt's GUI library needs on a minimal desktop.
DEBIAN_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libICE.so.6": "libice6",
    "libSM.so.6": "libsm6",
}

# Every package the README asks a fresh Debian/Ubuntu desktop for (a superset of what is usually missing).
README_PACKAGES = (
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
)

Ldd = Callable[[Path], str | None]


def xcb_plugin() -> Path | None:
    """PySide6's libqxcb.so, found without importing PySide6 (None when PySide6 or the plugin is absent)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        plugin = Path(root) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def run_ldd(path: Path) -> str | None:
    """``ldd``'s output for ``path`` (None when ldd is not available or fails to run)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    try:
        done = subprocess.run([ldd, str(path)], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout


def missing_libraries(ldd_output: str) -> list[str]:
    """The sonames ``ldd`` reports as "not found", each once, in the order ldd lists them."""
    out: list[str] = []
    for line in ldd_output.splitlines():
        name, sep, rest = line.strip().partition("=>")
        if sep and rest.strip() == "not found":
            soname = name.strip()
            if soname and soname not in out:
                out.append(soname)
    return out


def packages_for(sonames: list[str]) -> tuple[list[str], list[str]]:
    """(Debian packages that provide the known sonames, sonames we cannot name a package for)."""
    packages: list[str] = []
    unknown: list[str] = []
    for so in sonames:
        pkg = DEBIAN_PACKAGES.get(so)
        if pkg is None:
            unknown.append(so)
        elif pkg not in packages:
            packages.append(pkg)
    return packages, unknown


def uses_xcb(env: Mapping[str, str]) -> bool:
    """Will Qt pick the xcb plugin? Yes when asked for it, or by default outside a Wayland session."""
    platform = env.get("QT_QPA_PLATFORM", "").strip()
    if platform:
        return platform.split(":", 1)[0].split(";", 1)[0] == "xcb"
    return not (env.get("WAYLAND_DISPLAY") or env.get("XDG_SESSION_TYPE") == "wayland")


def message(sonames: list[str]) -> str:
    """What to tell the user: the missing libraries, the packages and the apt command."""
    packages, unknown = packages_for(sonames)
    lines = [
        "coresat: cannot open the window: Qt's X11 (xcb) platform plugin needs system libraries "
        f"that are not installed: {', '.join(sonames)}.",
    ]
    if packages:
        lines.append(f"On Debian/Ubuntu install them with:\n    sudo apt-get install {' '.join(packages)}")
    if unknown:
        lines.append(
            "Find the package for "
            + ", ".join(unknown)
            + " with your package manager (Debian/Ubuntu: apt-file search NAME)."
        )
    lines.append("Then run coresat again (set CORESAT_SKIP_PLATFORM_CHECK=1 to start without this check).")
    return "\n".join(lines)


def check(
    env: Mapping[str, str] | None = None,
    *,
    platform: str | None = None,
    plugin: Path | None = None,
    ldd: Ldd = run_ldd,
) -> str | None:
    """The message to print when the xcb plugin cannot load, else None (also None when we cannot tell)."""
    env = os.environ if env is None else env
    if (platform or sys.platform) != "linux" or env.get("CORESAT_SKIP_PLATFORM_CHECK"):
        return None
    if not uses_xcb(env):
        return None
    plugin = plugin or xcb_plugin()
    if plugin is None:
        return None
    output = ldd(plugin)
    if not output:
        return None
    missing = missing_libraries(output)
    return message(missing) if missing else None
