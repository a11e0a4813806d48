"""Render the app icon SVG into the icon files the installers use (run after the SVG changes).

    QT_QPA_PLATFORM=offscreen python packaging/icons/make_icons.py [SVG]

The source is the GUI's window icon, resources/icons/coresat.svg, so the installed app, its window and
its documents share one picture. The generated files are committed (building needs no Qt step for them).

Writes coresat.png (512 px, Linux), coresat.ico (Windows: 16-256 px) and coresat.icns (macOS: 16-1024
px). Both containers are written here with PNG payloads, so no Pillow or Apple tool is needed.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parents[1] / "resources" / "icons" / "coresat.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (the @2x types reuse the larger renders).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(p)
    p.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A .ico file whose images are PNG streams (supported since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        print(f"make_icons: {source} could not be read as SVG", file=sys.stderr)
        return 1
    sizes = sorted({*ICO_SIZES, *(s for _, s in ICNS_TYPES)})
    pngs = {s: render_png(renderer, s) for s in sizes}
    (HERE / "coresat.png").write_bytes(pngs[512])
    (HERE / "coresat.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (HERE / "coresat.icns").write_bytes(icns(pngs))
    print(f"make_icons: wrote coresat.png, coresat.ico, coresat.icns from {source} ({len(sizes)} renders)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
