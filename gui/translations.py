"""Which strings of a Qt .ts translation file are not translated yet (Qt-free; ``make translations``).

``python -m gui.translations FILE.ts`` lists them and exits 1 while there are any.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

_PLACEHOLDER = re.compile(r"\{\w*\}")


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    translation: str
    finished: bool


def entries(ts: Path) -> list[Entry]:
    out: list[Entry] = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            kind = tr.get("type", "") if tr is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            text = (tr.text or "") if tr is not None else ""
            out.append(
                Entry(name, msg.findtext("source") or "", text, kind != "unfinished" and bool(text.strip()))
            )
    return out


def problems(ts: Path) -> list[str]:
    """One line per string that is untranslated or whose {placeholders} differ from the source."""
    out = []
    for e in entries(ts):
        if not e.finished:
            out.append(f"{e.context}: untranslated: {e.source!r}")
        elif set(_PLACEHOLDER.findall(e.source)) != set(_PLACEHOLDER.findall(e.translation)):
            out.append(f"{e.context}: placeholders differ: {e.source!r} -> {e.translation!r}")
    return out


def main(argv: list[str]) -> int:
    bad = 0
    for name in argv:
        found = problems(Path(name))
        for line in found:
            print(f"{name}: {line}")
        total = len(entries(Path(name)))
        print(f"{name}: {total - len(found)} of {total} strings translated")
        bad += len(found)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
