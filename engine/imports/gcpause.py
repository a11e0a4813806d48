"""Pause Python's cyclic garbage collector while an import builds tens of thousands of small objects.

None of them form cycles (a statement is a tree of frozen values), so the collector's passes find nothing;
they were ~10 % of an OFX import. Reference counting still frees everything as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
