"""``coresat --self-test``: prove that an installed (frozen) or source copy of Coresat really works.

Each check is a small function that takes a scratch folder and returns a one-line detail on success, or
raises with a message saying what is broken. The report has one line per check::

    PASS solver-osqp — x=[0.650, 0.350, 0.000] optimal in 4 ms (osqp 1.1.3, algebras: builtin)
    FAIL price-store — engine.data.store is not available: No module named 'engine.data'

and the exit code is 0 only when every check passed. A check whose module has not been written yet
fails with the reason; nothing is skipped or faked. The run never touches the network and never writes to
the user's real data or settings folders (they are pointed at a temp folder for the duration).

The checks live in ``engine_checks`` (solvers, data, price store, rebalance, Yahoo client) and
``qt_checks`` (GUI modules, chart, main window, translations); this module runs them and reports.
"""

from __future__ import annotations

import contextlib
import os
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path

from gui.selftest.base import Check, CheckFailed, CheckResult
from gui.selftest.engine_checks import (
    check_clarabel,
    check_demo_data,
    check_osqp,
    check_piqp,
    check_price_store,
    check_rebalance,
    check_resources,
    check_scs,
    check_yfinance_session,
)
from gui.selftest.qt_checks import check_chart_png, check_gui_modules, check_main_window, check_translations

__all__ = ["CHECKS", "CheckFailed", "CheckResult", "format_report", "main", "run_check", "run_checks"]

CHECKS: tuple[tuple[str, Check], ...] = (
    ("solver-clarabel", check_clarabel),
    ("solver-osqp", check_osqp),
    ("solver-scs", check_scs),
    ("solver-piqp", check_piqp),
    ("resources", check_resources),
    ("demo-data", check_demo_data),
    ("price-store", check_price_store),
    ("rebalance", check_rebalance),
    ("gui-modules", check_gui_modules),
    ("chart-png", check_chart_png),
    ("main-window", check_main_window),
    ("translations", check_translations),
    ("yfinance-session", check_yfinance_session),
)


# ---- running and reporting --------------------------------------------------------------------------


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
