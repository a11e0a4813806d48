"""The engine works with Qt absent: every engine module imports, and the CLI rebalances, in a
subprocess where importing PySide6, pyqtgraph or gui fails."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_engine_runs_without_qt(tmp_path: Path) -> None:
    from tests.engine.test_cli import _write

    scenario = _write(tmp_path)
    code = textwrap.dedent(
        f"""
        import importlib, pkgutil, sys
        for blocked in ("PySide6", "pyqtgraph", "gui"):
            sys.modules[blocked] = None  # any import of these now raises ImportError
        import engine
        names = [m.name for m in pkgutil.walk_packages(engine.__path__, "engine.")]
        for name in names:
            importlib.import_module(name)
        from engine.cli import main
        rc = main(["rebalance", {str(scenario)!r}, "--json"])
        print("modules", len(names), "rc", rc, file=sys.stderr)
        sys.exit(rc)
        """
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert '"status": "ok"' in proc.stdout
    assert "modules" in proc.stderr
