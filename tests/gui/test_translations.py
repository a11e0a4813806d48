"""Korean is complete: every string of the .ts file is translated with the same {placeholders}, the
compiled translation loads, and the window then speaks Korean."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gui import translations

ROOT = Path(__file__).parents[2]
KO = ROOT / "resources" / "translations" / "coresat_ko.ts"


def test_korean_file_has_no_unfinished_entries() -> None:
    found = translations.problems(KO)
    assert found == [], "\n".join(found)
    assert len(translations.entries(KO)) > 200


def test_checker_catches_an_unfinished_entry_and_a_lost_placeholder(tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="ko_KR"><context><name>C</name>'
        "<message><source>Saved {name}</source><translation>저장됨</translation></message>"
        '<message><source>Cancel</source><translation type="unfinished"></translation></message>'
        '<message><source>Old</source><translation type="vanished">옛</translation></message>'
        "</context></TS>",
        encoding="utf-8",
    )
    found = translations.problems(ts)
    assert len(found) == 2 and "placeholders" in found[0] and "untranslated" in found[1]
    assert translations.main([str(ts)]) == 1


def _lrelease() -> str | None:
    exe = Path(sys.executable).parent / "pyside6-lrelease"
    return str(exe) if exe.exists() else shutil.which("pyside6-lrelease")


def test_window_speaks_korean_with_the_compiled_file(app, workspace, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale, QTranslator

    from gui import fmt
    from gui.mainwindow import MainWindow

    lrelease = _lrelease()
    if lrelease is None:
        pytest.skip("pyside6-lrelease not installed")
    qm = tmp_path / "coresat_ko.qm"
    subprocess.run([lrelease, "-silent", str(KO), "-qm", str(qm)], check=True)
    tr = QTranslator()
    assert tr.load(str(qm))
    app.installTranslator(tr)
    QLocale.setDefault(QLocale("ko_KR"))
    fmt.reset_locale()
    try:
        w = MainWindow(workspace)
        w.ask_before_discard = False
        qtbot.addWidget(w)
        titles = [a.text() for a in w.menuBar().actions()]
        assert titles == ["파일(&F)", "편집(&E)", "데이터(&D)", "장부(&B)", "도움말(&H)"]
        assert w.targets.title() == "목표" and w.holdings.title() == "보유 종목"
    finally:
        app.removeTranslator(tr)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        fmt.reset_locale()


def test_missing_hangul_font_is_reported_for_korean_only(app, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QFontDatabase

    from gui import app as app_module

    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *_a: []))
    assert app_module.hangul_font_problem() is None  # English: no Hangul needed
    QLocale.setDefault(QLocale("ko_KR"))
    try:
        msg = app_module.hangul_font_problem()
        assert msg is not None and "fonts-noto-cjk" in msg
        monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *_a: ["NanumGothic"]))
        assert app_module.hangul_font_problem() is None
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
