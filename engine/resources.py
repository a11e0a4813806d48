"""The one door to bundled resources (demo data, examples, icons, translations).

Built on importlib.resources so a frozen build and a source checkout behave the same.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def root() -> Traversable:
    return resources.files("resources")


def path(*parts: str) -> Traversable:
    node = root()
    for p in parts:
        node = node.joinpath(p)
    return node


def read_text(*parts: str) -> str:
    return path(*parts).read_text(encoding="utf-8")


def read_bytes(*parts: str) -> bytes:
    return path(*parts).read_bytes()


def examples() -> list[str]:
    """File names of the bundled example scenarios, sorted."""
    return sorted(p.name for p in path("examples").iterdir() if p.name.endswith(".toml"))
