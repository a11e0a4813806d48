"""Write a file all at once or not at all, without side effects on what was there.

The new text goes to a temporary file in the same folder, is flushed to disk, then renamed over the
target, so a crash or a full disk leaves either the old file or the new one, never half of one. Besides:

- an existing file keeps its permissions (and owner, where allowed); a new file gets the usual
  permissions the user's umask gives (not always 0600);
- a symbolic link is written through: its target gets the new text, the link stays a link;
- temporary files that a killed save left behind (older than a minute) are removed;
- a missing folder is an error, not silently created.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import time
from pathlib import Path

from engine.errors import CoresatError

STALE_TEMP_S = 60.0


class SaveError(CoresatError):
    """A file could not be saved; the message says why, and that the old file (if any) is unchanged."""


def _temp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")


def remove_stale_temps(target: Path, older_than_s: float = STALE_TEMP_S) -> list[Path]:
    """Delete ``.NAME.*.tmp`` files next to ``target`` older than ``older_than_s``; returns those removed."""
    removed: list[Path] = []
    now = time.time()
    with contextlib.suppress(OSError):
        for p in target.parent.glob(f".{target.name}.*.tmp"):
            with contextlib.suppress(OSError):
                st = p.lstat()
                if stat.S_ISREG(st.st_mode) and now - st.st_mtime > older_than_s:
                    p.unlink()
                    removed.append(p)
    return removed


def write_atomic(path: str | Path, data: str | bytes, *, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` atomically (see the module doc); returns the file really written."""
    link = Path(path)
    target = Path(os.path.realpath(link)) if link.is_symlink() else link
    folder = target.parent
    if not folder.is_dir():
        raise SaveError(
            f"cannot save {link.name}: the folder {folder} does not exist; choose an existing folder"
        )
    if target.is_dir():
        raise SaveError(f"cannot save {link}: it is a folder")
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    except OSError as exc:
        raise SaveError(f"cannot save {link}: {exc.strerror or exc}") from None
    remove_stale_temps(target)
    raw = data.encode(encoding) if isinstance(data, str) else data
    tmp = _temp_name(target)
    try:
        # 0o666 and O_EXCL: the kernel applies the umask to a new file, as for any program's save
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        try:
            if old is not None:
                if hasattr(os, "fchown"):
                    with contextlib.suppress(OSError):  # only root may give a file away
                        os.fchown(fd, old.st_uid, old.st_gid)
                if hasattr(os, "fchmod"):
                    os.fchmod(fd, stat.S_IMODE(old.st_mode))
            view = memoryview(raw)
            while view:
                n = os.write(fd, view)
                view = view[n:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if old is not None and not hasattr(os, "fchmod"):
            os.chmod(tmp, stat.S_IMODE(old.st_mode))
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            kept = "the old file is unchanged" if old is not None else "nothing was written"
            raise SaveError(f"cannot save {link}: {exc.strerror or exc}; {kept}") from None
        raise
    return target
