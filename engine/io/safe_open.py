"""The one way Coresat opens a file a user names: regular files only, size-limited, never a web address.

A reader that takes a path calls :func:`read_user_file` (bytes) or :func:`read_user_text` (decoded), so a
folder, a pipe (which would wait forever), a device such as ``/dev/zero`` or ``/dev/urandom`` (endless), a
web address (pandas would fetch it), a missing folder, a file too large to be what it claims and a
compressed file that unpacks to gigabytes are each refused at once with one line that states the limit.

Files ending in ``.gz`` (or starting with the gzip magic bytes) are unpacked in bounded steps; other
archives (zip, bz2, xz, zstd) are refused with "unpack it first".
"""

from __future__ import annotations

import os
import re
import stat
import zlib
from pathlib import Path

from engine.io.errors import FileRefusedError

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")
# a web address that went through Path() ("https://x/a.csv" -> "https:/x/a.csv"); two letters at least,
# so a Windows drive ("C:/...") is never taken for one
_URL_AS_PATH = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]+:/")
_GZIP_MAGIC = b"\x1f\x8b"
_OTHER_ARCHIVES = (
    (b"PK\x03\x04", "a zip archive"),
    (b"BZh", "a bz2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
)
_CHUNK = 1 << 16


def human_size(n: int) -> str:
    """``2_000_000`` -> ``"2 MB"``, ``50_000`` -> ``"50 kB"`` (decimal units, three digits)."""
    if n < 1_000:
        return f"{n} bytes"
    if n < 1_000_000:
        return f"{n / 1_000:.3g} kB"
    if n < 1_000_000_000:
        return f"{n / 1_000_000:.3g} MB"
    return f"{n / 1_000_000_000:.3g} GB"


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "a pipe, not a saved file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a saved file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a saved file"
    return "not a regular file"


def check_path(path: str | Path, what: str) -> Path:
    """Refuse a web address or a path whose folder does not exist; the path itself is not opened."""
    text = os.fspath(path)
    if not text.strip():
        raise FileRefusedError(f"no {what} given: name a file")
    if _URL.match(text) or (not isinstance(path, str) and _URL_AS_PATH.match(text.replace("\\", "/"))):
        raise FileRefusedError(
            f"{text[:80]} is a web address; Coresat reads only files on this computer: "
            f"download the {what} and give the saved file"
        )
    p = Path(text)
    parent = p.parent
    if not parent.is_dir():
        raise FileRefusedError(f"{what} not found: {p} (the folder {parent} does not exist)")
    return p


def read_user_file(path: str | Path, max_bytes: int, what: str) -> bytes:
    """The bytes of the regular file at ``path`` (unpacked if gzip), at most ``max_bytes`` of them.

    ``what`` names the file for the messages (``"holdings CSV"``). Raises FileRefusedError.
    """
    p = check_path(path, what)
    name = p.name or str(p)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise FileRefusedError(f"{what} not found: {p}") from None
    except OSError as exc:
        raise FileRefusedError(f"cannot read {p}: {exc.strerror or exc}") from None
    kind = _kind(st.st_mode)
    if kind:
        raise FileRefusedError(f"{p} is {kind}; give a {what}")
    try:
        fd = os.open(p, flags)  # O_NONBLOCK: a pipe swapped in after the stat does not block the open
    except FileNotFoundError:
        raise FileRefusedError(f"{what} not found: {p}") from None
    except OSError as exc:
        raise FileRefusedError(f"cannot read {p}: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        kind = _kind(st.st_mode)
        if kind:
            raise FileRefusedError(f"{p} is {kind}; give a {what}")
        if st.st_size > max_bytes:
            raise FileRefusedError(
                f"{name} is {human_size(st.st_size)}; a {what} is at most {human_size(max_bytes)} here: "
                "is this the right file?"
            )
        try:
            raw = fh.read(max_bytes + 1)
        except OSError as exc:
            raise FileRefusedError(f"cannot read {p}: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:  # grew after the stat
        raise FileRefusedError(
            f"{name} is larger than {human_size(max_bytes)}, the most a {what} may be: is this the right file?"
        )
    if raw.startswith(_GZIP_MAGIC):
        return _gunzip(raw, max_bytes, name, what)
    for magic, label in _OTHER_ARCHIVES:
        if raw.startswith(magic):
            raise FileRefusedError(f"{name} is {label}; unpack it first and give the {what} inside")
    return raw


def _gunzip(raw: bytes, max_bytes: int, name: str, what: str) -> bytes:
    """Unpack gzip in bounded steps: never more than ``max_bytes`` of output, whatever the ratio."""
    d = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    out = bytearray()
    data = raw
    try:
        while True:
            chunk = d.decompress(data, max_bytes + 1 - len(out))
            out += chunk
            if len(out) > max_bytes:
                raise FileRefusedError(
                    f"{name} unpacks to more than {human_size(max_bytes)}, the most a {what} may be; "
                    "unpack it yourself if it really is one"
                )
            data = d.unconsumed_tail
            if d.eof:
                rest = d.unused_data
                if rest.startswith(_GZIP_MAGIC):  # concatenated gzip members
                    d = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
                    data = rest
                    continue
                break
            if not data:
                raise FileRefusedError(f"{name} is a damaged or cut-off gzip file")
    except zlib.error:
        raise FileRefusedError(f"{name} is a damaged gzip file") from None
    return bytes(out)


def read_user_text(path: str | Path, max_bytes: int, what: str, *, encoding: str = "utf-8-sig") -> str:
    """:func:`read_user_file` decoded; a file that is not text in ``encoding`` is refused by name."""
    raw = read_user_file(path, max_bytes, what)
    name = Path(os.fspath(path)).name
    if b"\x00" in raw[:_CHUNK]:
        raise FileRefusedError(f"{name} is not a text file (it contains binary data); give a {what}")
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileRefusedError(
            f"{name} is not UTF-8 text (line {line}); save it as UTF-8 and try again"
        ) from None
