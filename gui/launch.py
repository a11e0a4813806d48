"""The ``coresat`` command: headless subcommands go to the engine CLI, everything else opens the GUI.

Qt is imported only when the GUI is really wanted, so ``coresat rebalance`` and ``coresat --version``
work on a machine without a display (or without PySide6).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from engine.cli import HEADLESS_COMMANDS
from engine.cli import main as cli_main


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--self-test"]:  # the installed app checks itself (packaging/, gui/selftest.py)
        from gui.selftest import main as selftest_main

        return selftest_main(args[1:])
    if any(a in HEADLESS_COMMANDS for a in args[:1]) or "--version" in args:
        if args[:1] == ["report"]:  # `report --pdf` draws with Qt, which the engine never imports
            from gui.book.cli_pdf import register

            register()
        return cli_main(args)
    if "--screenshot" not in args:  # screenshots render offscreen: no X11 libraries needed
        from gui.platform_check import check

        problem = check()
        if problem:
            print(problem, file=sys.stderr)
            return 2
    if "--screenshot" not in args:  # the optimizer's import (0.6 s) runs while Qt and the window load
        from gui import engine_preload

        engine_preload.start()
    try:
        from gui.app import run_app
    except ImportError as exc:  # PySide6 missing: say so in one line
        print(
            f"coresat: the desktop app needs PySide6 and pyqtgraph ({exc}); "
            "install with: pip install 'coresat[gui]'",
            file=sys.stderr,
        )
        return 2
    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
