"""Refresh Prices without a connection says so and offers Retry (until dismissed); File > Import Prices
reads CSV files into the price store through the engine's importer, and a bad file changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest


def _offline_download(scenario, **_kw):  # type: ignore[no-untyped-def]
    raise RuntimeError("IWM: Yahoo has no prices for it (unknown or delisted ticker?); check the symbol")


def test_refresh_without_connection_says_no_connection_and_offers_retry(loaded, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    shown = workspace.result
    good = workspace.engine.resolve_market
    workspace.engine.resolve_market = _offline_download
    workspace.engine.online = lambda: False
    with qtbot.waitSignal(workspace.marketProblem, timeout=20000) as blocker:
        loaded.refresh_prices()
    assert blocker.args == ["no connection to the internet"]
    bar = loaded.message_bar
    assert bar.isVisible() and "No connection" in bar.label.text() and "delisted" not in bar.label.text()
    assert bar.action.isVisible() and bar.action.text() == "Retry"
    assert workspace.result is shown  # the data and the result stay
    qtbot.wait(50)
    assert bar.isVisible()  # does not vanish by itself
    # Retry with the connection back: the message goes, fresh data arrive
    workspace.engine.resolve_market = good
    with qtbot.waitSignal(workspace.marketChanged, timeout=20000):
        bar.action.click()
    assert not bar.isVisible()


def test_a_ticker_problem_with_a_connection_is_not_called_offline(loaded, workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    workspace.engine.resolve_market = _offline_download
    workspace.engine.online = lambda: True
    with qtbot.waitSignal(workspace.marketProblem, timeout=20000):
        loaded.refresh_prices()
    bar = loaded.message_bar
    assert "delisted" in bar.label.text() and "No connection" not in bar.label.text()
    bar.close_button.click()
    assert not bar.isVisible()


def _write_csv(path: Path, closes: list[float]) -> Path:
    days = [f"2026-01-{d:02d}" for d in range(5, 5 + len(closes))]
    path.write_text(
        "Date,Close\n" + "".join(f"{d},{c}\n" for d, c in zip(days, closes, strict=True)), encoding="utf-8"
    )
    return path


def test_import_prices_stores_the_files_and_reloads(loaded, workspace, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("pandas")
    from gui.engine_calls import import_price_files

    workspace.engine.import_prices = import_price_files  # the real engine importer, temp data dir
    a = _write_csv(tmp_path / "ZZA.csv", [10.0, 10.5, 10.25, 11.0])
    with qtbot.waitSignal(workspace.pricesImported, timeout=20000) as blocker:
        workspace.import_prices([str(a)])
    files = blocker.args[0]
    assert [f.ticker for f in files] == ["ZZA"] and len(files[0].prices) == 4
    assert "ZZA" in loaded.message_bar.label.text()
    from engine.data.store import PriceStore

    assert "ZZA" in PriceStore().tickers()


def test_a_bad_price_file_changes_nothing(loaded, workspace, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("pandas")
    from engine.data.store import PriceStore
    from gui.engine_calls import import_price_files

    workspace.engine.import_prices = import_price_files
    good = _write_csv(tmp_path / "ZZB.csv", [5.0, 5.5, 6.0])
    bad = tmp_path / "ZZC.csv"
    bad.write_text("this is not,a price file\nx,y\n", encoding="utf-8")
    with qtbot.waitSignal(workspace.pricesImportFailed, timeout=20000):
        workspace.import_prices([str(good), str(bad)])
    assert "ZZB" not in PriceStore().tickers()  # the good file was not half-imported either
    text = loaded.message_bar.label.text()
    assert "Nothing was changed" in text and loaded.message_bar.isVisible()
