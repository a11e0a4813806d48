"""`coresat --self-test` from source, in-process and offscreen: real checks, honest failures, exit codes."""

from __future__ import annotations

import contextlib
import importlib
import os
from pathlib import Path

import pytest

from gui import launch, selftest
from gui.selftest import engine_checks, qt_checks

# Checks whose code path exists today must pass from source; the ones that need a module another change
# is still writing must fail *saying so* (never a fake pass). When the module lands, they must pass.
NEEDS = {
    "demo-data": "engine.data.demo",
    "price-store": "engine.data.store",
    "rebalance": "engine.data",
    "gui-modules": "gui.app",
    "main-window": "gui.app",
}


def _importable(module: str) -> bool:
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


@pytest.mark.gui
def test_every_check_passes_or_names_the_missing_module(qapp: object) -> None:
    results = {r.name: r for r in selftest.run_checks()}
    assert list(results) == [name for name, _ in selftest.CHECKS]
    for name, result in results.items():
        module = NEEDS.get(name)
        if module is None or _importable(module):
            assert result.ok, f"{name}: {result.detail}"
        else:
            assert not result.ok
            assert "not available" in result.detail or "no price data layer" in result.detail, result.detail


def test_solver_checks_compare_with_the_known_optimum() -> None:
    for name in ("solver-clarabel", "solver-osqp", "solver-scs", "solver-piqp"):
        result = selftest.run_check(name, dict(selftest.CHECKS)[name], Path("."))
        assert result.ok, result.detail
        assert "x=[0.650, 0.350, 0.000]" in result.detail


def test_a_solver_answer_off_the_optimum_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_checks, "_EXPECTED", (0.5, 0.5, 0.0))
    result = selftest.run_check("solver-osqp", selftest.check_osqp, Path("."))
    assert not result.ok
    assert "off the known optimum" in result.detail


def test_osqp_without_its_backend_fails_naming_the_frozen_build_trap(monkeypatch: pytest.MonkeyPatch) -> None:
    import osqp

    def no_backend() -> list[str]:
        raise RuntimeError("No algebra backend available!")

    monkeypatch.setattr(osqp, "algebras_available", no_backend)
    result = selftest.run_check("solver-osqp", selftest.check_osqp, Path("."))
    assert not result.ok
    assert "osqp.ext_builtin missing from the bundle" in result.detail


@pytest.mark.gui
def test_chart_check_renders_a_png_with_a_visible_line(qapp: object, tmp_path: Path) -> None:
    detail = selftest.check_chart_png(tmp_path)
    png = tmp_path / "selftest-chart.png"
    assert png.stat().st_size > 500
    assert "line pixels" in detail


@pytest.mark.gui
def test_chart_check_fails_on_a_blank_chart(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyqtgraph as pg

    monkeypatch.setattr(pg.PlotWidget, "plot", lambda self, *a, **k: None, raising=False)
    result = selftest.run_check("chart-png", selftest.check_chart_png, tmp_path)
    assert not result.ok
    assert "looks blank" in result.detail


def test_yfinance_check_makes_no_request(tmp_path: Path) -> None:
    result = selftest.run_check("yfinance-session", selftest.check_yfinance_session, tmp_path)
    assert result.ok, result.detail
    assert "no request made" in result.detail


def test_yfinance_check_fails_when_creating_a_ticker_fetches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import yfinance

    real_ticker = yfinance.Ticker

    def fetching_ticker(symbol: str) -> object:
        t = real_ticker(symbol)
        with contextlib.suppress(OSError):  # the self-test's guard refuses it; the attempt is what counts
            t.session.request("GET", "https://query1.finance.yahoo.com/v8/finance/chart/IWM")
        return t

    monkeypatch.setattr(yfinance, "Ticker", fetching_ticker)
    result = selftest.run_check("yfinance-session", selftest.check_yfinance_session, tmp_path)
    assert not result.ok
    assert "touched the network" in result.detail


def test_import_all_reports_each_module_that_does_not_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pkg = tmp_path / "fakeapp"
    (pkg / "panels").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "good.py").write_text("X = 1\n")
    (pkg / "bad.py").write_text("import not_bundled_anywhere\n")
    (pkg / "panels" / "__init__.py").write_text("")
    (pkg / "panels" / "chart.py").write_text("raise RuntimeError('no display')\n")
    (pkg / "__main__.py").write_text("raise SystemExit('must not be imported')\n")
    (pkg / "broken_pkg").mkdir()
    (pkg / "broken_pkg" / "__init__.py").write_text("raise ValueError('half installed')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    count, broken = qt_checks.import_all("fakeapp", frozenset({"fakeapp.__main__"}))
    assert count == 5  # good, bad, broken_pkg, panels, panels.chart
    assert [b.split(" ")[0] for b in broken] == ["fakeapp.bad", "fakeapp.broken_pkg", "fakeapp.panels.chart"]
    assert "ModuleNotFoundError" in broken[0] and "half installed" in broken[1] and "no display" in broken[2]


@pytest.mark.gui
def test_translations_check_compiles_from_source_and_demands_qm_when_frozen(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from engine import resources

    if not any(p.name.endswith(".ts") for p in resources.path("translations").iterdir()):
        pytest.skip("no translation sources in resources/translations")
    detail = selftest.check_translations(tmp_path)
    assert "compiled now" in detail or "bundled" in detail
    if not any(p.name.endswith(".qm") for p in resources.path("translations").iterdir()):
        monkeypatch.setattr(selftest.sys, "frozen", True, raising=False)
        result = selftest.run_check("translations", selftest.check_translations, tmp_path)
        assert not result.ok
        assert "missing from the bundle" in result.detail


def test_an_unexpected_crash_becomes_one_fail_line() -> None:
    def crashes(_tmp: Path) -> str:
        raise ZeroDivisionError("boom")

    result = selftest.run_check("crashy", crashes, Path("."))
    assert not result.ok
    assert result.line().startswith("FAIL crashy — unexpected ZeroDivisionError at test_selftest.py:")
    assert "Traceback" not in result.line()


def test_user_folders_point_at_a_temp_folder_during_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORESAT_DATA_DIR", "/real/user/data")
    seen: dict[str, str] = {}

    def records(tmp: Path) -> str:
        seen["data"] = os.environ["CORESAT_DATA_DIR"]
        seen["tmp"] = str(tmp)
        return "ok"

    [result] = selftest.run_checks([("records", records)])
    assert result.ok
    assert seen["data"].startswith(seen["tmp"])
    assert not Path(seen["tmp"]).exists()  # cleaned up
    assert os.environ["CORESAT_DATA_DIR"] == "/real/user/data"  # restored


def test_main_exit_codes_and_report(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def good(_tmp: Path) -> str:
        return "fine"

    def bad(_tmp: Path) -> str:
        raise selftest.CheckFailed("the widget is missing")

    monkeypatch.setattr(selftest, "CHECKS", (("good", good), ("bad", bad)))
    assert selftest.main(["good"]) == 0
    out = capsys.readouterr().out
    assert "PASS good — fine" in out
    assert "all 1 checks passed" in out

    assert selftest.main([]) == 1
    out = capsys.readouterr().out
    assert "FAIL bad — the widget is missing" in out
    assert out.strip().endswith("1 passed, 1 failed: bad")
    assert out.splitlines()[0].startswith("Coresat ")

    assert selftest.main(["nonsense"]) == 2
    assert "unknown check nonsense" in capsys.readouterr().err


def test_launcher_dispatches_self_test(capsys: pytest.CaptureFixture[str]) -> None:
    assert launch.main(["--self-test", "solver-osqp"]) == 0
    out = capsys.readouterr().out
    assert "PASS solver-osqp" in out
    assert "self-test (from source" in out
