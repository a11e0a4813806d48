"""Atomic saves without side effects: permissions kept or from the umask, symlinks written through,
leftovers of a killed save removed, no folder created silently, a failed save changes nothing."""

from __future__ import annotations

import os
import stat
import sys
import time
from pathlib import Path

import pytest

from engine import resources
from engine.io.atomic import SaveError, write_atomic
from engine.model import scenario_file as sf

posix = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and symlinks")


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@posix
def test_existing_permissions_are_kept(tmp_path: Path) -> None:
    p = tmp_path / "client.coresat.toml"
    p.write_text("old")
    p.chmod(0o640)
    write_atomic(p, "new")
    assert p.read_text() == "new" and _mode(p) == 0o640


@posix
@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_new_files_follow_the_umask(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        p = tmp_path / f"new-{umask:o}.toml"
        write_atomic(p, "x")
    finally:
        os.umask(old)
    assert _mode(p) == 0o666 & ~umask


@posix
def test_symlink_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real" / "client.coresat.toml"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    assert write_atomic(link, "new") == real.resolve()
    assert link.is_symlink() and real.read_text() == "new"


def test_leftovers_of_a_killed_save_are_removed(tmp_path: Path) -> None:
    p = tmp_path / "client.coresat.toml"
    stale = tmp_path / ".client.coresat.toml.abc123.tmp"
    stale.write_text("half a file")
    hour_ago = time.time() - 3600
    os.utime(stale, (hour_ago, hour_ago))
    fresh = tmp_path / ".client.coresat.toml.def456.tmp"  # maybe another save right now: left alone
    fresh.write_text("in progress")
    other = tmp_path / ".other.toml.abc.tmp"
    other.write_text("not ours")
    os.utime(other, (hour_ago, hour_ago))
    write_atomic(p, "x")
    assert not stale.exists() and fresh.exists() and other.exists()
    assert sorted(q.name for q in tmp_path.iterdir() if q.name.endswith(".tmp")) == [fresh.name, other.name]


def test_missing_folder_is_an_error_not_created(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match=r"the folder .* does not exist"):
        write_atomic(tmp_path / "no" / "such" / "x.toml", "x")
    assert not (tmp_path / "no").exists()
    sc = sf.loads(resources.read_text("examples", "russell-core-value-satellites.coresat.toml"))
    with pytest.raises(SaveError):
        sf.save(sc, tmp_path / "nope" / "x.coresat.toml")


def test_failed_write_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = tmp_path / "x.toml"
    p.write_text("old")

    def full(fd: int, data: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(SaveError, match="No space left on device; the old file is unchanged"):
        write_atomic(p, "new")
    monkeypatch.undo()
    assert p.read_text() == "old"
    assert [q.name for q in tmp_path.iterdir()] == ["x.toml"]
