"""The PDF writer behind ``coresat report PROPOSAL --pdf FILE``: the engine's report command cannot draw
(it never imports Qt), so the ``coresat`` command (gui/launch.py) registers this function with
:func:`engine.report.commands.register_pdf_writer` before it runs a headless command.

Qt is imported only when a PDF is really asked for; without PySide6 the user gets one line saying so.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from engine.errors import CoresatError

if TYPE_CHECKING:
    from engine.report.proposal import ProposalReport


def write_pdf_headless(report: ProposalReport, path: str, page: str) -> Path:
    """Render the proposal offscreen (no display needed) and write it atomically."""
    try:
        import PySide6  # noqa: F401
    except ImportError as exc:
        raise CoresatError(
            f"a PDF is drawn with Qt and PySide6 is not installed ({exc}): "
            "pip install 'coresat[gui]', or write --xlsx instead"
        ) from None
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from gui import fmt, message_texts
    from gui.book.proposal_pdf import write_pdf

    _app = QApplication.instance() or QApplication(["coresat"])
    # the command line speaks English (as the CLI prints it), with English numbers whatever the system's
    # locale: under LANG=C Qt's "C" locale wrote $67500.00 and, in the reasons read back from their
    # messages, $1800.00 where the stored text says $1,800.00
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    fmt.reset_locale()
    message_texts.reset()
    return write_pdf(report, path, page)


def register() -> None:
    from engine.report.commands import register_pdf_writer

    register_pdf_writer(write_pdf_headless)
