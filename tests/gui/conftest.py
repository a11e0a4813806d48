"""GUI test setup: offscreen Qt, every test marked ``gui``, settings redirected, workers joined."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.gui.test_translations import compiled_translator

pytest.importorskip("PySide6")
pytest.importorskip("pyqtgraph")
pytest.importorskip("pytestqt")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _settings_are_redirected() -> Iterator[None]:
    """The root conftest points CORESAT_CONFIG_DIR at a temp dir; make sure QSettings really goes there."""
    from gui import settings

    folder = os.environ["CORESAT_CONFIG_DIR"]
    assert Path(settings.settings().fileName()).parent == Path(folder)
    yield


@pytest.fixture(scope="session")
def qapp_cls():  # type: ignore[no-untyped-def]
    """The tests run on the application class the app runs on (pytest-qt builds ``qapp`` from it)."""
    from gui.app import CoresatApplication

    return CoresatApplication


@pytest.fixture
def app(qapp):  # type: ignore[no-untyped-def]
    from gui import theme
    from gui.panels import charts

    theme.apply(qapp, dark=False)
    charts.configure()
    return qapp


@pytest.fixture
def engine():  # type: ignore[no-untyped-def]
    from tests.gui.builders import fake_engine

    return fake_engine()


@pytest.fixture
def workspace(app, engine):  # type: ignore[no-untyped-def]
    from gui.workspace import Workspace

    ws = Workspace(engine)
    yield ws
    assert ws.runner.shutdown(), "a worker thread did not finish"


@pytest.fixture
def window(app, workspace, qtbot):  # type: ignore[no-untyped-def]
    from gui.mainwindow import MainWindow

    w = MainWindow(workspace)
    w.ask_before_discard = False
    qtbot.addWidget(w)
    w.resize(1480, 900)
    w.show()
    return w


@pytest.fixture
def loaded(window, workspace, qtbot):  # type: ignore[no-untyped-def]
    """The window with the twelve-asset scenario open and its first result shown."""
    from tests.gui.builders import twelve_asset_scenario

    with qtbot.waitSignal(workspace.settled, timeout=20000):
        workspace.set_document(twelve_asset_scenario(), None)
    assert workspace.result is not None, workspace.outcome
    qtbot.waitUntil(lambda: window.charts.built, timeout=5000)  # built right after the first result
    return window


@pytest.fixture
def korean(app, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The app in Korean (the compiled translation, a Korean locale) for one test, then English again."""
    from PySide6.QtCore import QLocale

    from gui import fmt, message_texts

    tr = compiled_translator(tmp_path)
    app.installTranslator(tr)
    QLocale.setDefault(QLocale("ko_KR"))
    fmt.reset_locale()
    message_texts.reset()
    yield
    app.removeTranslator(tr)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    fmt.reset_locale()
    message_texts.reset()
