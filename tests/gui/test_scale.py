"""At a 2× scale factor on a 1024×768 (logical) screen the main window fits, draws at 2× pixels and no
label is cut. Runs in its own process: Qt fixes the scale factor when it starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_main_window_fits_1024x768_at_twice_the_pixels(tmp_path: Path) -> None:
    config = tmp_path / "screen.json"
    config.write_text(  # 2048×1536 device pixels = 1024×768 logical at 2×
        json.dumps({"screens": [{"name": "hidpi", "x": 0, "y": 0, "width": 2048, "height": 1536, "dpr": 1}]}),
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "QT_SCALE_FACTOR": "2",
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "PYTHONPATH": str(ROOT),
    }
    run = subprocess.run(
        [sys.executable, "-m", "tests.gui.scale_probe"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    warnings = [ln for ln in run.stderr.splitlines() if ln.strip() and "propagateSizeHints" not in ln]
    assert warnings == [], warnings  # Qt warnings fail the test
    got = json.loads(run.stdout.strip().splitlines()[-1])
    assert got["ratio"] == 2.0 and got["screen"] == [1024, 768]
    assert got["result"]
    assert got["min_hint"][0] <= 1024 and got["min_hint"][1] <= 768 - 40, got
    assert got["window"][0] <= 1024 and got["window"][1] <= 768, got  # fitted to the screen
    assert got["image"] == [2 * got["window"][0], 2 * got["window"][1]] and got["image_ratio"] == 2.0
    assert got["outside"] == [], got
    assert got["labels_checked"] >= 10, got  # the check saw the window's labels
    assert got["clipped"] == [], "\n".join(got["clipped"])
