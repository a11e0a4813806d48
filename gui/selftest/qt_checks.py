"""Self-test checks of the desktop side: GUI modules, a chart and the main window rendered, translations."""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

from gui.selftest.base import CheckFailed, need


def check_chart_png(tmp: Path) -> str:
    """Render a pyqtgraph chart (no window shown) to a PNG and check the picture is not blank."""
    qtw = need("PySide6.QtWidgets", "PySide6 draws the app")
    qtg = need("PySide6.QtGui", "PySide6 draws the app")
    pg = need("pyqtgraph", "pyqtgraph draws the charts")
    np = need("numpy", "numpy is a core dependency")
    app = qtw.QApplication.instance() or qtw.QApplication([sys.argv[0] if sys.argv else "coresat"])
    widget = pg.PlotWidget(background="w")
    try:
        widget.resize(320, 200)
        widget.plot([0, 1, 2, 3, 4], [0, 2, 1, 3, 2.5], pen=pg.mkPen((20, 60, 200), width=4))
        out = tmp / "selftest-chart.png"
        if not widget.grab().save(str(out), "PNG"):
            raise CheckFailed(f"Qt could not write {out.name} (PNG image plugin missing?)")
        size = out.stat().st_size
        img = qtg.QImage(str(out))
        if img.isNull():
            raise CheckFailed(f"{out.name} ({size} bytes) could not be read back as an image")
        img = img.convertToFormat(qtg.QImage.Format.Format_RGB32)
        raw = np.frombuffer(bytes(img.constBits()), dtype=np.uint8)
        px = raw.reshape(img.height(), img.bytesPerLine() // 4, 4)[:, : img.width(), :3]
        colours = len(np.unique(px.reshape(-1, 3), axis=0))
        blue = int(np.count_nonzero((px[..., 0] > 150) & (px[..., 2] < 120)))  # BGRA order: strong blue
    finally:
        widget.close()
        widget.deleteLater()
    if colours < 3 or blue < 20:
        raise CheckFailed(f"{out.name} looks blank ({colours} colours, {blue} line pixels)")
    return (
        f"{img.width()}x{img.height()} PNG, {size} bytes, {colours} colours, {blue} line pixels "
        f"(Qt platform {app.platformName()})"
    )


_NOT_IMPORTED = frozenset({"gui.__main__", "gui.launch", "gui.selftest"})  # __main__ would start the app


def import_all(package: str, skip: frozenset[str] = frozenset()) -> tuple[int, list[str]]:
    """Import every module under ``package``; returns (modules tried, "name (error)" for each failure)."""
    import pkgutil

    pkg = importlib.import_module(package)
    broken: list[str] = []

    def package_failed(name: str) -> None:  # walk_packages imports subpackages to look inside them
        exc = sys.exc_info()[1]
        broken.append(f"{name} ({type(exc).__name__}: {exc})")

    found = pkgutil.walk_packages(pkg.__path__, f"{package}.", onerror=package_failed)
    names = sorted(m.name for m in found if m.name not in skip)
    failed_packages = {b.split(" ")[0] for b in broken}
    names = [n for n in names if n not in failed_packages]
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:
            broken.append(f"{name} ({type(exc).__name__}: {exc})")
    return len(names) + len(failed_packages), sorted(broken)


def check_gui_modules(_tmp: Path) -> str:
    """Every module of the desktop app imports (a frozen build that missed one fails here, not later)."""
    need("gui.app", "the desktop app's entry point")
    count, broken = import_all("gui", _NOT_IMPORTED)
    if broken:
        raise CheckFailed(f"{len(broken)} of {count} GUI modules do not import: {'; '.join(broken)}")
    return f"{count} modules import"


def _png_stats(path: Path) -> tuple[int, int, int]:
    """(width, height, distinct colours) of a PNG, read back through Qt."""
    qtg = need("PySide6.QtGui", "PySide6 draws the app")
    np = need("numpy", "numpy is a core dependency")
    img = qtg.QImage(str(path))
    if img.isNull():
        raise CheckFailed(f"{path.name} could not be read back as an image")
    img = img.convertToFormat(qtg.QImage.Format.Format_RGB32)
    raw = np.frombuffer(bytes(img.constBits()), dtype=np.uint8)
    px = raw.reshape(img.height(), img.bytesPerLine() // 4, 4)[:, : img.width(), :3]
    return img.width(), img.height(), len(np.unique(px.reshape(-1, 3), axis=0))


def _lrelease() -> str | None:
    import shutil
    import sysconfig

    for folder in (Path(sysconfig.get_path("scripts")), Path(sys.executable).parent):
        for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
            if (folder / name).exists():
                return str(folder / name)
    return shutil.which("pyside6-lrelease")


def check_translations(tmp: Path) -> str:
    """Each translation source (.ts) has a compiled .qm that Qt loads: bundled in a frozen app, compiled
    here with pyside6-lrelease when running from source."""
    import re
    import subprocess

    res = need("engine.resources", "the resource accessor")
    qtc = need("PySide6.QtCore", "PySide6 translates the app")
    folder = res.path("translations")
    sources = sorted(p.name for p in folder.iterdir() if p.name.endswith(".ts")) if folder.is_dir() else []
    if not sources:
        return "no translation sources bundled (resources/translations has no .ts file)"
    frozen = getattr(sys, "frozen", False)
    found = []
    for ts in sources:
        qm_node = folder.joinpath(ts[:-3] + ".qm")
        if qm_node.is_file():
            qm, origin = tmp / qm_node.name, "bundled"
            qm.write_bytes(qm_node.read_bytes())
        elif frozen:
            raise CheckFailed(f"{ts[:-3]}.qm is missing from the bundle (packaging/build.py compiles it)")
        else:
            tool = _lrelease()
            if tool is None:
                raise CheckFailed("pyside6-lrelease not found: cannot compile the translations")
            qm, origin = tmp / f"{ts[:-3]}.qm", "compiled now"
            (tmp / ts).write_bytes(folder.joinpath(ts).read_bytes())
            subprocess.run([tool, "-silent", str(tmp / ts), "-qm", str(qm)], check=True, capture_output=True)
        translator = qtc.QTranslator()
        if not translator.load(str(qm)):
            raise CheckFailed(f"Qt could not load {qm.name} ({origin})")
        text = folder.joinpath(ts).read_text(encoding="utf-8")
        total = len(re.findall(r"<message[ >]", text))
        open_ = len(re.findall(r'type="(?:unfinished|vanished|obsolete)"', text))
        found.append(f"{translator.language() or ts[:-3]} {origin}, {total - open_}/{total} translated")
    return "; ".join(found)


def check_main_window(tmp: Path) -> str:
    """Open the main window on the bundled example with the demo data, wait for the first result and
    render the window to a PNG: what `coresat --demo --screenshot FILE` does, in this process."""
    app_mod = need("gui.app", "the desktop app's entry point")
    out = tmp / "selftest-window.png"
    t0 = time.perf_counter()
    code = app_mod.run_app(["--demo", "--screenshot", str(out)])
    seconds = time.perf_counter() - t0
    if code != 0 or not out.is_file():
        raise CheckFailed(f"the main window did not render (exit code {code}, {out.name} missing)")
    if seconds > 55:  # the screenshot path renders anyway after a minute without a result
        raise CheckFailed(f"no result arrived: the window rendered only after its {seconds:.0f} s time-out")
    width, height, colours = _png_stats(out)
    if colours < 16:
        raise CheckFailed(f"the main window rendered blank ({width}x{height}, {colours} colours)")
    return f"{width}x{height} window rendered after its first solve, {colours} colours, in {seconds:.1f} s"
