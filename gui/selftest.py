"""``coresat --self-test``: prove that an installed (frozen) or source copy of Coresat really works.

Each check is a small function that takes a scratch folder and returns a one-line detail on success, or
raises with a message saying what is broken. The report has one line per check::

    PASS solver-osqp — x=[0.650, 0.350, 0.000] optimal in 4 ms (osqp 1.1.3, algebras: builtin)
    FAIL price-store — engine.data.store is not available: No module named 'engine.data'

and the exit code is 0 only when every check passed. A check whose module has not been written yet
fails with the reason; nothing is skipped or faked. The run never touches the network and never writes to
the user's real data or settings folders (they are pointed at a temp folder for the duration).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import platform
import socket
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Check = Callable[[Path], str]


class CheckFailed(Exception):
    """A check found something wrong; the message is the report detail."""


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str
    seconds: float

    def line(self) -> str:
        return f"{'PASS' if self.ok else 'FAIL'} {self.name} — {self.detail}"


def _import(module: str, why: str) -> Any:
    """Import ``module`` or fail the check saying it is not there (yet)."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise CheckFailed(f"{module} is not available ({why}): {exc}") from None


# ---- solvers ---------------------------------------------------------------------------------------

# Projection of A onto the probability simplex: the answer is known in closed form.
_A = (0.6, 0.3, -0.2)
_EXPECTED = (0.65, 0.35, 0.0)


def _solve_tiny(solver: str) -> str:
    cp = _import("cvxpy", "cvxpy is a core dependency")
    np = _import("numpy", "numpy is a core dependency")
    installed = cp.installed_solvers()
    if solver not in installed:
        raise CheckFailed(f"cvxpy does not see {solver} (it sees {', '.join(installed) or 'none'})")
    x = cp.Variable(3)
    prob = cp.Problem(cp.Minimize(cp.sum_squares(x - np.array(_A))), [cp.sum(x) == 1, x >= 0])
    t0 = time.perf_counter()
    try:
        prob.solve(solver=solver)
    except Exception as exc:  # a frozen build missing a backend fails here
        raise CheckFailed(f"{solver} could not solve a 3-variable QP: {type(exc).__name__}: {exc}") from None
    ms = (time.perf_counter() - t0) * 1000
    if prob.status != "optimal" or x.value is None:
        raise CheckFailed(f"{solver} returned status {prob.status!r} on a problem with a known optimum")
    got = [float(v) for v in x.value]
    err = max(abs(g - e) for g, e in zip(got, _EXPECTED, strict=True))
    if err > 2e-3:
        raise CheckFailed(f"{solver} answer {got} is off the known optimum {list(_EXPECTED)} by {err:.1e}")
    shown = ", ".join(f"{0.0 if abs(v) < 5e-4 else v:.3f}" for v in got)  # no "-0.000"
    return f"x=[{shown}] optimal in {ms:.0f} ms"


def check_clarabel(_tmp: Path) -> str:
    clarabel = _import("clarabel", "needed by cvxpy")
    return f"{_solve_tiny('CLARABEL')} (clarabel {getattr(clarabel, '__version__', '?')})"


def check_osqp(_tmp: Path) -> str:
    osqp = _import("osqp", "needed by cvxpy")
    algebras = osqp.algebras_available()
    if not algebras:  # the classic frozen-build trap: osqp.ext_builtin not bundled
        raise CheckFailed("OSQP has no algebra backend (osqp.ext_builtin missing from the bundle)")
    return f"{_solve_tiny('OSQP')} (osqp {osqp.__version__}, algebras: {', '.join(algebras)})"


def check_scs(_tmp: Path) -> str:
    scs = _import("scs", "needed by cvxpy")
    return f"{_solve_tiny('SCS')} (scs {getattr(scs, '__version__', '?')})"


# ---- bundled resources, demo data, price store -------------------------------------------------------


def check_resources(_tmp: Path) -> str:
    """Every bundled example scenario is present and parses."""
    res = _import("engine.resources", "the resource accessor")
    scenario_file = _import("engine.model.scenario_file", "the scenario file format")
    names = res.examples()
    if not names:
        raise CheckFailed("no example scenarios found in the bundled resources/examples folder")
    for name in names:
        try:
            scenario_file.loads(res.read_text("examples", name), source=name)
        except Exception as exc:
            raise CheckFailed(f"bundled example {name} does not load: {exc}") from None
    return f"{len(names)} example scenarios load ({', '.join(names)})"


def check_demo_data(_tmp: Path) -> str:
    """The simulated demo prices load through the data layer."""
    demo = _import("engine.data.demo", "the data layer provides the demo prices")
    loader = getattr(demo, "load_demo_prices", None)
    if loader is None:
        raise CheckFailed("engine.data.demo has no load_demo_prices(); the self-test needs updating")
    prices = loader()
    if prices is None or len(prices) == 0 or len(prices.columns) == 0:
        raise CheckFailed("the demo price table is empty")
    if prices.isna().all().any():
        empty = [str(c) for c in prices.columns if prices[c].isna().all()]
        raise CheckFailed(f"demo prices have empty columns: {', '.join(empty)}")
    first, last = (f"{d:%Y-%m-%d}" for d in (prices.index[0], prices.index[-1]))
    return f"{len(prices.columns)} tickers x {len(prices)} days ({first} .. {last})"


def check_price_store(tmp: Path) -> str:
    """Write prices to a store in a temp folder, read them back, compare."""
    store_mod = _import("engine.data.store", "the SQLite price store")
    pd = _import("pandas", "pandas is a core dependency")
    idx = pd.bdate_range("2024-01-02", periods=5)
    written = [200.0, 201.5, 199.25, 202.0, 203.75]
    store = store_mod.PriceStore(tmp / "selftest-prices.sqlite")
    n = store.write(pd.DataFrame({"IWM": written}, index=idx), "self-test")
    back = store.load(["IWM"])
    values = [float(v) for v in back["IWM"]] if "IWM" in back.columns else []
    if n != len(written) or values != written or list(back.index) != list(idx):
        raise CheckFailed(f"wrote {written} ({n} stored) but read back {values}")
    return f"wrote and read back {len(values)} prices ({store.path.name}, SQLite {_sqlite_version()})"


def _sqlite_version() -> str:
    import sqlite3

    return sqlite3.sqlite_version


def check_rebalance(_tmp: Path) -> str:
    """Load a bundled example and rebalance it on the demo data, end to end."""
    api = _import("engine.api", "the engine entry points")
    res = _import("engine.resources", "the resource accessor")
    names = res.examples()
    if not names:
        raise CheckFailed("no bundled example scenario to rebalance")
    name = names[0]
    with _as_file(res.path("examples", name)) as path:
        try:
            result = api.rebalance_file(path, force_demo=True)
        except Exception as exc:
            raise CheckFailed(f"rebalancing {name} failed: {type(exc).__name__}: {exc}") from None
    status = str(getattr(result.status, "value", result.status))
    if status not in ("ok", "no_trades_needed"):
        raise CheckFailed(f"rebalancing {name} on the demo data ended with status {status!r}")
    return (
        f"{name}: {status}, {result.n_trades} trades, volatility {result.vol_before:.1%} -> "
        f"{result.vol_after:.1%} ({result.assumptions.price_source})"
    )


# ---- GUI stack and network library ------------------------------------------------------------------


def check_chart_png(tmp: Path) -> str:
    """Render a pyqtgraph chart (no window shown) to a PNG and check the picture is not blank."""
    qtw = _import("PySide6.QtWidgets", "PySide6 draws the app")
    qtg = _import("PySide6.QtGui", "PySide6 draws the app")
    pg = _import("pyqtgraph", "pyqtgraph draws the charts")
    np = _import("numpy", "numpy is a core dependency")
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
    _import("gui.app", "the desktop app's entry point")
    count, broken = import_all("gui", _NOT_IMPORTED)
    if broken:
        raise CheckFailed(f"{len(broken)} of {count} GUI modules do not import: {'; '.join(broken)}")
    return f"{count} modules import"


def _png_stats(path: Path) -> tuple[int, int, int]:
    """(width, height, distinct colours) of a PNG, read back through Qt."""
    qtg = _import("PySide6.QtGui", "PySide6 draws the app")
    np = _import("numpy", "numpy is a core dependency")
    img = qtg.QImage(str(path))
    if img.isNull():
        raise CheckFailed(f"{path.name} could not be read back as an image")
    img = img.convertToFormat(qtg.QImage.Format.Format_RGB32)
    raw = np.frombuffer(bytes(img.constBits()), dtype=np.uint8)
    px = raw.reshape(img.height(), img.bytesPerLine() // 4, 4)[:, : img.width(), :3]
    return img.width(), img.height(), len(np.unique(px.reshape(-1, 3), axis=0))


def check_main_window(tmp: Path) -> str:
    """Open the main window on the bundled example with the demo data, wait for the first result and
    render the window to a PNG: what `coresat --demo --screenshot FILE` does, in this process."""
    app_mod = _import("gui.app", "the desktop app's entry point")
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


@contextlib.contextmanager
def _no_network() -> Iterator[list[str]]:
    """Record (and refuse) any socket connection opened inside the block."""
    attempts: list[str] = []
    real_connect, real_create = socket.socket.connect, socket.create_connection

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args[1:] or args))
        raise OSError("the self-test does not use the network")

    socket.socket.connect = refuse  # type: ignore[method-assign,assignment]
    socket.create_connection = refuse  # type: ignore[assignment]
    try:
        yield attempts
    finally:
        socket.socket.connect = real_connect  # type: ignore[method-assign]
        socket.create_connection = real_create


def check_yfinance_session(tmp: Path) -> str:
    """Set up yfinance as a price refresh does and create a Ticker, with the network refused.

    yfinance builds its own curl_cffi session when a Ticker is created (Coresat never passes one); this
    proves the HTTP client's native library loads, and that nothing is fetched before a refresh asks.
    """
    yf = _import("yfinance", "Yahoo price downloads")
    curl = _import("curl_cffi.requests", "yfinance's HTTP client")
    yahoo = _import("engine.data.yahoo", "the Yahoo price source")
    requests_made: list[str] = []
    real_request = curl.Session.request

    def refuse_request(self: object, method: str, url: str, *args: object, **kwargs: object) -> None:
        requests_made.append(f"{method} {url}")
        raise OSError("the self-test does not use the network")

    with _no_network() as attempts:
        curl.Session.request = refuse_request
        try:
            yahoo.configure_yfinance_cache()
            yahoo.YahooSource()
            ticker = yf.Ticker("IWM")
        finally:
            curl.Session.request = real_request
    if requests_made or attempts:
        raise CheckFailed(f"creating a Ticker touched the network: {requests_made or attempts}")
    if ticker.ticker != "IWM":
        raise CheckFailed(f"yfinance.Ticker('IWM') came back as {ticker.ticker!r}")
    if not isinstance(ticker.session, curl.Session):
        raise CheckFailed(
            f"yfinance fell back to a {type(ticker.session).__module__} session: curl_cffi did not load"
        )
    curl_version = getattr(sys.modules.get("curl_cffi"), "__version__", "?")
    return f"Ticker('IWM') on a curl_cffi {curl_version} session, no request made (yfinance {yf.__version__})"


CHECKS: tuple[tuple[str, Check], ...] = (
    ("solver-clarabel", check_clarabel),
    ("solver-osqp", check_osqp),
    ("solver-scs", check_scs),
    ("resources", check_resources),
    ("demo-data", check_demo_data),
    ("price-store", check_price_store),
    ("rebalance", check_rebalance),
    ("gui-modules", check_gui_modules),
    ("chart-png", check_chart_png),
    ("main-window", check_main_window),
    ("yfinance-session", check_yfinance_session),
)


# ---- running and reporting --------------------------------------------------------------------------


@contextlib.contextmanager
def _as_file(node: Any) -> Iterator[Path]:
    from importlib.resources import as_file

    with as_file(node) as p:
        yield Path(p)


@contextlib.contextmanager
def _private_user_dirs(tmp: Path) -> Iterator[None]:
    """Point Coresat's data and settings folders at ``tmp`` so the self-test leaves no trace."""
    keys = ("CORESAT_DATA_DIR", "CORESAT_CONFIG_DIR", "CORESAT_CACHE_DIR")
    saved = {k: os.environ.get(k) for k in keys}
    for k in keys:
        os.environ[k] = str(tmp / k.split("_")[1].lower())
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def run_check(name: str, check: Check, tmp: Path) -> CheckResult:
    t0 = time.perf_counter()
    try:
        detail = check(tmp)
        ok = True
    except CheckFailed as exc:
        detail, ok = str(exc), False
    except Exception as exc:  # an unexpected crash is a failure with its last frame, not a traceback
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        detail, ok = f"unexpected {type(exc).__name__} at {where}: {exc}", False
    return CheckResult(name, ok, detail, time.perf_counter() - t0)


def run_checks(checks: Sequence[tuple[str, Check]] = CHECKS) -> list[CheckResult]:
    with tempfile.TemporaryDirectory(prefix="coresat-selftest-") as d:
        tmp = Path(d)
        with _private_user_dirs(tmp):
            return [run_check(name, check, tmp) for name, check in checks]


def header() -> str:
    from engine import __version__

    how = "frozen" if getattr(sys, "frozen", False) else "from source"
    return (
        f"Coresat {__version__} self-test ({how}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()})"
    )


def format_report(results: Sequence[CheckResult]) -> str:
    lines = [header(), *(r.line() for r in results)]
    failed = [r.name for r in results if not r.ok]
    total = sum(r.seconds for r in results)
    if failed:
        lines.append(f"{len(results) - len(failed)} passed, {len(failed)} failed: {', '.join(failed)}")
    else:
        lines.append(f"all {len(results)} checks passed in {total:.1f} s")
    return "\n".join(lines)


def main(argv: Sequence[str] = ()) -> int:
    """Run every check (or those named in ``argv``), print the report, return 0 if all passed."""
    wanted = [a for a in argv if not a.startswith("-")]
    unknown = [w for w in wanted if w not in dict(CHECKS)]
    if unknown:
        print(
            f"coresat --self-test: unknown check {', '.join(unknown)}; choose from "
            f"{', '.join(n for n, _ in CHECKS)}",
            file=sys.stderr,
        )
        return 2
    checks = [(n, c) for n, c in CHECKS if not wanted or n in wanted]
    results = run_checks(checks)
    report = format_report(results)
    if sys.stdout is not None:
        print(report, flush=True)
    else:  # a windowed Windows build has no console: leave the report where it can be found
        (Path(tempfile.gettempdir()) / "coresat-self-test.txt").write_text(report + "\n", encoding="utf-8")
    return 0 if all(r.ok for r in results) else 1
