"""Identity of the scenario file format, shared by the reader and the writer."""

from __future__ import annotations

from typing import Any

FORMAT = "coresat-scenario"
VERSION = 3
SUFFIX = ".coresat.toml"

Doc = dict[str, Any]
