"""Start the desktop app: ``run_app(args)`` (called by ``gui.launch``).

Arguments: an optional scenario file; ``--screenshot FILE.png`` renders the main window after the first
result and exits 0; ``--theme light|dark`` overrides the system colour scheme; ``--demo`` uses the bundled
simulated demo data; ``--tab NAME`` picks the chart tab shown (allocation, risk, frontier, growth, drawdown).
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable
from importlib.resources import as_file
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFileOpenEvent, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox

import engine
from engine import resources
from engine.model import scenario_file
from gui import background_imports, fmt, settings, theme
from gui.mainwindow import MainWindow
from gui.workspace import Workspace

DEFAULT_EXAMPLE = "russell-core-value-satellites.coresat.toml"
TABS = ("allocation", "risk", "frontier", "growth", "drawdown")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="coresat", description="Coresat desktop app")
    p.add_argument("scenario", nargs="?", help="scenario file to open (*.coresat.toml)")
    p.add_argument(
        "--screenshot", metavar="FILE.png", help="render the main window after the first result and exit"
    )
    p.add_argument("--theme", choices=("system", "light", "dark"), default="system")
    p.add_argument("--demo", action="store_true", help="use the bundled simulated demo data")
    p.add_argument("--tab", choices=TABS, default=None, help="chart tab to show")
    p.add_argument("--size", default=None, help="window size WIDTHxHEIGHT (screenshots)")
    p.add_argument("--lang", default=None, help="user interface language, e.g. ko (default: the system's)")
    return p


def install_translator(app: QApplication) -> QTranslator | None:
    """Load resources/translations/coresat_<locale>.qm when one exists for the user's locale."""
    for name in QLocale().uiLanguages():
        qm = resources.path("translations", f"coresat_{name.replace('-', '_')}.qm")
        if qm.is_file():
            tr = QTranslator(app)
            with as_file(qm) as real:
                if tr.load(str(real)):
                    app.installTranslator(tr)
                    _install_qt_translator(app)
                    return tr
    return None


def _install_qt_translator(app: QApplication) -> None:
    """Qt's own words (OK, Cancel, Yes, the file dialog) in the same language, from the Qt installation."""
    qt = QTranslator(app)
    if qt.load(QLocale(), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)


def set_language(name: str) -> None:
    """Use ``name`` (``ko``, ``ko_KR``, ``de``) for translations and number formats instead of the system's."""
    QLocale.setDefault(QLocale(name))
    fmt.reset_locale()


def hangul_font_problem() -> str | None:
    """One line when the Korean interface is on and no installed font can draw Hangul, else None."""
    from PySide6.QtGui import QFontDatabase

    if QLocale().language() != QLocale.Language.Korean:
        return None
    if QFontDatabase.families(QFontDatabase.WritingSystem.Korean):
        return None
    return (
        "No font with Hangul (Korean) letters is installed, so Korean text shows as boxes. "
        "Install one, e.g. on Debian/Ubuntu: sudo apt-get install fonts-noto-cjk (or fonts-nanum)."
    )


def example_path() -> Path:
    """A writable copy is not needed: examples open read-only as an unsaved document."""
    with as_file(resources.path("examples", DEFAULT_EXAMPLE)) as real:
        return Path(real)


def open_guarded(window: MainWindow, path: str) -> bool:
    """``window.open_path`` that no file can turn into an exit: an unexpected error is shown, not raised."""
    try:
        return window.open_path(path)
    except Exception as exc:  # a reader's bug must not close the app; the user sees one line
        QMessageBox.warning(
            window,
            QCoreApplication.translate("MainWindow", "Cannot open scenario"),
            QCoreApplication.translate("MainWindow", "{name}: this file could not be read ({error}).").format(
                name=Path(path).name, error=f"{type(exc).__name__}: {str(exc)[:200]}"
            ),
        )
        return False


def open_initial(window: MainWindow, ws: Workspace, requested: str | None) -> None:
    """The requested file, else the last file, else the bundled example (as an unsaved document)."""
    if requested and open_guarded(window, requested):
        return
    last = settings.last_file()
    if not requested and last and Path(last).is_file():
        try:
            ws.open(last)
            return
        except Exception:
            pass
    text = resources.read_text("examples", DEFAULT_EXAMPLE)
    ws.set_document(scenario_file.loads(text, source=DEFAULT_EXAMPLE), None)


_previous_handler = None


def _qt_messages(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Drop the offscreen plugin's harmless 'does not support propagateSizeHints()' noise."""
    if "propagateSizeHints" in message:
        return
    if _previous_handler is not None:
        _previous_handler(mode, context, message)
    else:
        sys.stderr.write(message + "\n")


def create_app(argv: list[str] | None = None) -> QApplication:
    global _previous_handler
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        _previous_handler = qInstallMessageHandler(_qt_messages)
        app = CoresatApplication(argv or [sys.argv[0]])
    QCoreApplication.setOrganizationName(settings.ORGANIZATION)
    QCoreApplication.setApplicationName(settings.APPLICATION)
    QCoreApplication.setApplicationVersion(engine.__version__)
    if QLocale().language() == QLocale.Language.C:  # bare POSIX locale: show numbers the common way
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        fmt.reset_locale()
    return app


def app_icon() -> QIcon:
    icon = resources.path("icons", "coresat.svg")
    if not icon.is_file():
        return QIcon()
    pix = QPixmap()
    pix.loadFromData(icon.read_bytes(), "SVG")
    return QIcon(pix)


def import_engine() -> None:
    """The optimizer (cvxpy, without scipy.stats: engine/optimize/_cvxpy_import.py), imported by the thread
    ``gui.launch`` started before Qt (gui.engine_preload); at start-up this waits for it on a worker thread
    that runs before any solve (``Workspace.load_engine``)."""
    from gui import engine_preload

    engine_preload.wait()


def start(
    app: QApplication,
    window: MainWindow,
    ws: Workspace,
    scenario: str | None,
    on_shown: Callable[[float], object] | None = None,
) -> None:
    """From the event loop (so Ctrl+C works throughout): show the window at once, then open the scenario
    and start loading its market data (worker thread). The optimizer is imported on a worker thread since
    ``build`` (``Workspace.load_engine``); the first solve waits for that import. ``on_shown`` gets the
    time the window was painted (perf_counter)."""
    import time

    def begin() -> None:
        window.show()
        app.processEvents()  # paint the window before the imports
        if on_shown is not None:
            on_shown(time.perf_counter())
        open_initial(window, ws, scenario)

    QTimer.singleShot(0, begin)


def build(
    theme_name: str = "system", *, demo: bool = False, import_optimizer: bool = True
) -> tuple[MainWindow, Workspace]:
    app = create_app()
    app.setWindowIcon(app_icon())
    theme.apply(app, None if theme_name == "system" else theme_name == "dark")
    ws = Workspace()
    if import_optimizer:
        import_engine()
    else:  # on a worker thread, while the window is built and shown
        ws.load_engine(import_engine)
    ws.force_demo = demo
    background_imports.freeze_gc = True  # no full garbage collection stalls the window after start-up
    window = MainWindow(ws, lazy_menus=True)
    return window, ws


def _big_offscreen_screen() -> None:
    """Offscreen rendering defaults to an 800×800 screen; give screenshots a desktop-sized one."""
    import os
    import tempfile

    if QApplication.instance() is not None:
        return
    # reproducible pictures: the default layout and the example, not this user's remembered window and file
    os.environ.setdefault("CORESAT_CONFIG_DIR", tempfile.mkdtemp(prefix="coresat-shot-"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window flashes up, works without a display
    if os.environ["QT_QPA_PLATFORM"] != "offscreen":
        return
    cfg = Path(tempfile.mkdtemp(prefix="coresat-qpa-")) / "screens.json"
    cfg.write_text(
        '{"screens": [{"name": "screen0", "x": 0, "y": 0, "width": 1920, "height": 1200,'
        ' "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}',
        encoding="utf-8",
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={cfg}"


class FileOpenFilter(QObject):
    """macOS Finder opens a double-clicked document by sending the running app a QFileOpenEvent (not a
    command-line argument); open it like File > Open. For an application that is not a CoresatApplication
    (an application-wide event filter runs Python for every event of every widget)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if _file_opened(event, lambda path: open_guarded(self._window, path)):
            return True
        return super().eventFilter(watched, event)


class CoresatApplication(QApplication):
    """The application object. Finder's QFileOpenEvent is sent to it, so ``event`` sees it; unlike an
    event filter on the application, which Qt calls for every event of every widget (in Python, that cost
    a slider move 2.5-3 ms of UI-thread time and made each paint wait for the worker's hold on the GIL)."""

    file_open: Callable[[str], object] | None = None  # open a document (set once the window exists)

    def event(self, e: QEvent) -> bool:
        if self.file_open is not None and _file_opened(e, self.file_open):
            return True
        return super().event(e)


def _file_opened(event: QEvent, open_file: Callable[[str], object]) -> bool:
    """Open the document a QFileOpenEvent names; False for any other event."""
    if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent) and event.file():
        open_file(event.file())
        return True
    return False


def run_app(args: list[str]) -> int:
    opts = _parser().parse_args(args)
    if opts.screenshot:
        _big_offscreen_screen()
    app = create_app([sys.argv[0]])
    if opts.lang:
        set_language(opts.lang)
    install_translator(app)
    font_problem = hangul_font_problem()
    if font_problem:
        print(f"coresat: {font_problem}", file=sys.stderr)
    window, ws = build(opts.theme, demo=opts.demo, import_optimizer=bool(opts.screenshot))
    if font_problem:
        window.message_bar.show_message(font_problem)
    if opts.tab:
        window.charts.setCurrentIndex(TABS.index(opts.tab))
    if opts.size:
        w, _, h = opts.size.partition("x")
        window.resize(int(w), int(h))
    if opts.screenshot:
        return _screenshot(app, window, ws, Path(opts.screenshot), opts)

    def follow_system(_scheme: object) -> None:
        if opts.theme == "system":
            theme.apply(app)
            window.retheme()

    app.styleHints().colorSchemeChanged.connect(follow_system)
    if isinstance(app, CoresatApplication):
        app.file_open = lambda path: open_guarded(window, path)
    else:
        app.installEventFilter(FileOpenFilter(window))
    quit_on_ctrl_c(app)
    start(app, window, ws, opts.scenario)
    code = int(app.exec())
    ws.shutdown()  # a worker still running (the optimizer's import after an early Ctrl+C) ends before exit
    return code


EXIT_INTERRUPTED = 130  # as the command line: 128 + SIGINT


def quit_on_ctrl_c(app: QApplication) -> None:
    """Ctrl+C in the terminal quits with one line and exit code 130, not a KeyboardInterrupt traceback
    from whatever slot Python happened to be running. Python runs signal handlers only when it has
    control, so a timer hands it control a few times a second."""

    def interrupted(_signum: int, _frame: object) -> None:
        print("coresat: interrupted", file=sys.stderr)
        app.exit(EXIT_INTERRUPTED)

    signal.signal(signal.SIGINT, interrupted)
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(200)


def _screenshot(
    app: QApplication, window: MainWindow, ws: Workspace, out: Path, opts: argparse.Namespace
) -> int:
    """Render after the first result (or the first explanation of why there is none), then exit."""
    window.ask_before_discard = False
    window.show()
    done = {"code": 1, "running": True}
    # a loop of its own, not the application's: quitting the application outside its exec() would end every
    # event loop the process runs later (the self-test runs this in-process and goes on)
    loop = QEventLoop()

    def grab() -> None:
        if not done["running"]:  # a result or a frontier that arrives after the exit (the self-test runs on)
            return
        done["running"] = False
        window.charts.draw_all()
        app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(out))
        done["code"] = 0 if ok else 1
        if not ok:
            print(f"coresat: could not write {out}", file=sys.stderr)
        loop.quit()

    def ready(*_a: object) -> None:
        if opts.tab == "frontier" and ws.engine.frontier is not None and ws.frontier is None:
            return  # wait for the frontier sweep
        QTimer.singleShot(80, grab)

    signals = (ws.outcomeChanged, ws.frontierChanged, ws.marketProblem)
    for sig in signals:
        sig.connect(ready)
    never_hang = QTimer(app)  # render whatever is there after a minute
    never_hang.setSingleShot(True)
    never_hang.timeout.connect(grab)
    never_hang.start(60_000)
    open_initial(window, ws, opts.scenario)
    loop.exec()
    # the app may run on (the self-test's next checks, a test): nothing of this screenshot runs later
    done["running"] = False
    never_hang.stop()
    never_hang.deleteLater()
    for sig in signals:
        sig.disconnect(ready)
    ws.shutdown()
    return done["code"]
