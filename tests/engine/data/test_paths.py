"""engine.paths: platform folders, overridable by environment variables."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from engine import paths


def test_env_overrides_are_used_and_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORESAT_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.setenv("CORESAT_CONFIG_DIR", str(tmp_path / "c"))
    monkeypatch.delenv("CORESAT_CACHE_DIR", raising=False)
    assert paths.data_dir() == tmp_path / "d" and (tmp_path / "d").is_dir()
    assert paths.config_dir() == tmp_path / "c" and (tmp_path / "c").is_dir()
    assert paths.cache_dir() == tmp_path / "d" / "cache"
    monkeypatch.setenv("CORESAT_CACHE_DIR", str(tmp_path / "k"))
    assert paths.cache_dir() == tmp_path / "k"


def test_platform_folders_without_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CORESAT_DATA_DIR", raising=False)
    monkeypatch.delenv("CORESAT_CONFIG_DIR", raising=False)
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda app, appauthor=None: str(tmp_path / "pd" / app))
    monkeypatch.setattr(
        platformdirs, "user_config_dir", lambda app, appauthor=None: str(tmp_path / "pc" / app)
    )
    assert paths.data_dir() == tmp_path / "pd" / "Coresat"
    assert paths.config_dir() == tmp_path / "pc" / "Coresat"
