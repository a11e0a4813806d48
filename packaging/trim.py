"""What the frozen app leaves out, and why (used by coresat.spec; checked by tests/packaging).

A plain PyInstaller build of Coresat weighs about 470-500 MB on Linux, mostly the scientific stack and
Qt. Two kinds of trimming bring it under the 250 MB target:

* modules that are never imported at run time (test suites, other Qt bindings, notebook tooling, Qt
  modules Coresat does not use) are excluded from the analysis, so nothing they pull in is collected;
* files that the hooks collect wholesale but Coresat does not need (Qt's own translations, plugins for
  image formats and platforms we do not use, SCS's 110 MB MKL variant) are filtered out afterwards.

Keep: QtCore, QtGui, QtWidgets, QtSvg, QtOpenGL(Widgets) - pyqtgraph needs them - and QtPrintSupport
(printing and PDF export of reports).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable

# Qt modules Coresat does not use. PyInstaller's PySide6 hooks collect each imported module's libraries,
# plugins and QML files, so leaving them out of the analysis keeps all of that out of the bundle.
UNUSED_QT = [
    f"PySide6.{m}"
    for m in [
        "Qt3DAnimation",
        "Qt3DCore",
        "Qt3DExtras",
        "Qt3DInput",
        "Qt3DLogic",
        "Qt3DRender",
        "QtBluetooth",
        "QtCharts",
        "QtConcurrent",
        "QtDataVisualization",
        "QtDesigner",
        "QtGraphs",
        "QtGraphsWidgets",
        "QtHelp",
        "QtHttpServer",
        "QtLocation",
        "QtMultimedia",
        "QtMultimediaWidgets",
        "QtNetworkAuth",
        "QtNfc",
        "QtPdf",
        "QtPdfWidgets",
        "QtPositioning",
        "QtQml",
        "QtQuick",
        "QtQuick3D",
        "QtQuickControls2",
        "QtQuickTest",
        "QtQuickWidgets",
        "QtRemoteObjects",
        "QtScxml",
        "QtSensors",
        "QtSerialBus",
        "QtSerialPort",
        "QtSpatialAudio",
        "QtSql",
        "QtStateMachine",
        "QtTest",
        "QtTextToSpeech",
        "QtNetwork",
        "QtUiTools",
        "QtWebChannel",
        "QtWebEngineCore",
        "QtWebEngineQuick",
        "QtWebEngineWidgets",
        "QtWebSockets",
        "QtWebView",
        "QtXml",
        "QtAxContainer",
    ]
]

EXCLUDED_MODULES = [
    *UNUSED_QT,
    # other Qt bindings that pyqtgraph would happily import if present
    "PyQt5",
    "PyQt6",
    "PySide2",
    # GUI toolkits and plotting we do not use
    "tkinter",
    "_tkinter",
    "matplotlib",
    # notebook / interactive tooling pulled in by optional imports
    "IPython",
    "ipykernel",
    "ipywidgets",
    "jupyter_client",
    "notebook",
    "jedi",
    # test suites of the scientific stack and test runners
    "numpy.tests",
    "numpy._pyinstaller",
    "scipy.tests",
    "pandas.tests",
    "pandas.conftest",
    "cvxpy.tests",
    "osqp.tests",
    "osqp.codegen",
    "pyqtgraph.examples",
    "pytest",
    "_pytest",
    "hypothesis",
    # pyqtgraph's optional 3D/GL, Jupyter and Matplotlib bridges
    "pyqtgraph.opengl",
    "pyqtgraph.jupyter",
    "pyqtgraph.canvas",
    # cvxpy's optional extras we never call: the NLP differentiation engine (sparsediffpy ships its own
    # 37 MB OpenBLAS) and the HiGHS solver interface (scipy keeps its own copy of HiGHS for linprog)
    "sparsediffpy",
    "highspy",
    # optional fast HTML/XML parser (BeautifulSoup and pandas fall back to the standard library)
    "lxml",
    # interactive-terminal support from the standard library
    "readline",
    # the client book's firm options (pip extra "firm"): a shared PostgreSQL book (psycopg 3, LGPL-3) and
    # batch runs on a Dask cluster; the frozen app keeps the SQLite book and local worker processes
    "psycopg",
    "psycopg_binary",
    "psycopg_c",
    "distributed",
    "dask",
    # build tools
    "setuptools",
    "pip",
    "distutils",
    "lib2to3",
    "pydoc_data",
]

# Collected files (destination paths inside the bundle, '/' separators) that are dropped after analysis.
DROPPED_FILES = [
    # Qt's own translations (Coresat ships its own .qm files under resources/translations)
    "PySide6/Qt/translations/*",
    "PySide6/translations/*",
    # SCS's MKL build (110 MB): only loaded when a caller asks SCS for the MKL linear solver
    "scs/_scs_mkl*",
    # image formats Coresat never reads or writes (PNG and BMP are built into QtGui)
    "PySide6/Qt/plugins/imageformats/*qpdf*",
    "PySide6/Qt/plugins/imageformats/*qtiff*",
    "PySide6/Qt/plugins/imageformats/*qwebp*",
    "PySide6/Qt/plugins/imageformats/*qtga*",
    "PySide6/Qt/plugins/imageformats/*qwbmp*",
    "PySide6/Qt/plugins/imageformats/*qgif*",
    # Wayland compositor side and EGL full-screen device integrations (not for a desktop client)
    "PySide6/Qt/plugins/wayland-graphics-integration-server/*",
    "PySide6/Qt/plugins/egldeviceintegrations/*",
    "PySide6/Qt/lib/libQt6WaylandCompositor*",
    "PySide6/Qt/lib/libQt6EglFS*",
    # Designer and QML tooling
    "PySide6/Qt/plugins/designer/*",
    "PySide6/Qt/plugins/qmltooling/*",
    # Linux platform plugins for kiosks and embedded screens; xcb, wayland, offscreen and minimal stay
    "PySide6/Qt/plugins/platforms/*qeglfs*",
    "PySide6/Qt/plugins/platforms/*qlinuxfb*",
    "PySide6/Qt/plugins/platforms/*qminimalegl*",
    "PySide6/Qt/plugins/platforms/*qvnc*",
    "PySide6/Qt/plugins/platforms/*qvkkhrdisplay*",
    "PySide6/Qt/plugins/generic/*",
    # the GTK3 theme drags in GTK, Cairo, Pango, GnuTLS... from the build machine (~25 MB) that must
    # match the user's desktop anyway; the XDG desktop portal theme gives native file dialogs instead
    "PySide6/Qt/plugins/platformthemes/*qgtk3*",
    # CUPS printing on Linux pulls libcups, GnuTLS, Kerberos and Avahi (~10 MB); reports are exported
    # as PDF (QPdfWriter needs no print plugin) and printed from the PDF viewer. Windows and macOS keep
    # their native print plugins.
    "PySide6/Qt/plugins/printsupport/*cupsprintersupport*",
    # QtNetwork plugins (Coresat downloads through yfinance, not Qt)
    "PySide6/Qt/plugins/networkinformation/*",
    "PySide6/Qt/plugins/tls/*",
]


# Exceptions to DROPPED_FILES: Qt's own dialog texts (buttons, file dialogs) in the languages Coresat speaks.
KEPT_FILES = [
    "PySide6/Qt/translations/qtbase_ko.qm",
    "PySide6/translations/qtbase_ko.qm",
]


def dropped(dest: str) -> bool:
    d = dest.replace("\\", "/")
    if any(fnmatch.fnmatchcase(d, pat) for pat in KEPT_FILES):
        return False
    return any(fnmatch.fnmatchcase(d, pat) for pat in DROPPED_FILES)


def filter_toc(toc: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """PyInstaller TOC (dest, source, kind) without the entries in DROPPED_FILES."""
    return [entry for entry in toc if not dropped(entry[0])]


def prune_orphans(
    binaries: Iterable[tuple[str, str, str]], needs: Callable[[str], set[str]]
) -> list[tuple[str, str, str]]:
    """``filter_toc`` for binaries, also dropping the libraries that only dropped files needed.

    ``needs(source_path)`` returns the file names of the libraries a binary loads (all of them, as
    ``ldd`` reports). A library stays if any kept binary needs it, or if no dropped binary needed it
    (it was collected for its own sake: a Python extension, a ctypes library).
    """
    entries = list(binaries)
    kept = [e for e in entries if not dropped(e[0])]
    removed = [e for e in entries if dropped(e[0])]

    def name(entry: tuple[str, str, str]) -> str:
        return entry[0].replace("\\", "/").rsplit("/", 1)[-1]

    orphan_candidates: set[str] = set()
    for e in removed:
        orphan_candidates |= needs(e[1])
    still_needed: set[str] = set()
    for e in kept:
        if name(e) not in orphan_candidates:
            still_needed |= needs(e[1])
    return [e for e in kept if name(e) not in orphan_candidates or name(e) in still_needed]


def ldd_needs(path: str) -> set[str]:
    """Library file names ``path`` loads, through PyInstaller's own dependency reader."""
    from PyInstaller.depend.bindepend import get_imports

    try:
        return {lib_name for lib_name, _ in get_imports(path)}
    except Exception:  # unreadable or not a binary: it needs nothing we could prune
        return set()
