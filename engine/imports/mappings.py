"""Saved CSV mappings, one per layout, in ``csv-mappings.json`` in the user's config folder."""

from __future__ import annotations

import json
from pathlib import Path

from engine import paths
from engine.imports.plain_csv import CsvMapping
from engine.io.atomic import write_atomic

FILE_NAME = "csv-mappings.json"


def _path() -> Path:
    return paths.config_dir() / FILE_NAME


def load_all() -> dict[str, CsvMapping]:
    """Every saved mapping; a damaged file or entry is skipped (the user maps the file again)."""
    try:
        doc = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out: dict[str, CsvMapping] = {}
    if isinstance(doc, dict):
        for key, value in doc.items():
            try:
                out[str(key)] = CsvMapping.from_json(value)
            except ValueError:
                continue
    return out


def find(key: str) -> CsvMapping | None:
    return load_all().get(key)


def save(key: str, mapping: CsvMapping) -> None:
    """Remember ``mapping`` for the layout ``key`` (written atomically)."""
    doc = {k: v.to_json() for k, v in load_all().items()}
    doc[key] = mapping.to_json()
    write_atomic(_path(), json.dumps(doc, indent=1, sort_keys=True))
