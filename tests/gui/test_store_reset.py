"""Data → Reset Damaged Price Store…: a damaged store is offered a reset (kept as a backup); a healthy one
is left alone. The store is read on the runner, never on the UI thread."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from engine import paths
from engine.data.store import STORE_FILE, PriceStore

pytestmark = pytest.mark.gui


def _dialogs(monkeypatch: pytest.MonkeyPatch, answer_yes: bool) -> dict[str, list[str]]:
    from PySide6.QtWidgets import QMessageBox

    seen: dict[str, list[str]] = {"question": [], "information": [], "warning": []}

    def question(parent: object, title: str, text: str, *a: object) -> QMessageBox.StandardButton:
        seen["question"].append(text)
        return QMessageBox.StandardButton.Yes if answer_yes else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", lambda p, t, text, *a: seen["information"].append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda p, t, text, *a: seen["warning"].append(text))
    return seen


def test_damaged_store_is_reset_with_a_backup(window, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    store = paths.data_dir() / STORE_FILE
    store.parent.mkdir(parents=True, exist_ok=True)
    junk = b"not a database at all " * 200
    store.write_bytes(junk)
    seen = _dialogs(monkeypatch, answer_yes=True)
    window.store_reset.start()
    qtbot.waitUntil(lambda: bool(seen["information"]), timeout=10000)
    assert len(seen["question"]) == 1 and "damaged" in seen["question"][0]
    backups = [p for p in store.parent.iterdir() if p.name.startswith(f"{STORE_FILE}.damaged-")]
    assert len(backups) == 1 and backups[0].read_bytes() == junk
    assert not store.exists()
    assert str(backups[0]) in seen["information"][0]


def test_healthy_store_is_not_offered_a_reset(window, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    idx = pd.bdate_range("2024-01-01", periods=5, name="Date")
    PriceStore().write(pd.DataFrame({"IWM": 100 + np.arange(5.0)}, index=idx), "test")
    seen = _dialogs(monkeypatch, answer_yes=True)
    window.store_reset.start()
    qtbot.waitUntil(lambda: bool(seen["information"]), timeout=10000)
    assert seen["question"] == []
    assert "not damaged" in seen["information"][0]
    assert PriceStore().tickers() == ("IWM",)
    assert [p.name for p in Path(paths.data_dir()).iterdir() if "damaged" in p.name] == []
