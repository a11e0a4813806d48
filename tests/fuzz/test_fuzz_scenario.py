"""Fuzz the scenario reader: raw bytes, text, and structured mutations of the bundled examples."""

from __future__ import annotations

import copy
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from engine import resources
from engine.model import scenario_file as sf
from engine.model.scenario import Scenario
from tests.fuzz._check import FUZZ, result_or_clear_error

EXAMPLES = [tomllib.loads(resources.read_text("examples", n)) for n in resources.examples()]
TEXTS = [resources.read_text("examples", n) for n in resources.examples()]

scalars = st.one_of(
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -1, 1e308, -1e308, 5e-324, 1e15, 10**20, True, False, "", " ", "../../etc", "IWM"]),
    st.text(max_size=20),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> None:
    for key in path[:-1]:
        doc = doc[key]
    doc[path[-1]] = value


def _load_doc(doc: dict[str, Any]) -> object:
    d = sf.migrate(doc)
    sc = sf.from_dict(d)
    sc.validate()
    return sc


@FUZZ
@given(raw=st.binary(max_size=2000))
def test_any_bytes(tmp_path_factory: Any, raw: bytes) -> None:
    p = Path(tmp_path_factory.mktemp("fz")) / "x.coresat.toml"
    p.write_bytes(raw)
    result_or_clear_error(lambda: sf.load(p))


@FUZZ
@given(i=st.integers(0, len(TEXTS) - 1), data=st.data())
def test_text_mutations(i: int, data: st.DataObject) -> None:
    text = TEXTS[i]
    lines = text.splitlines()
    n = data.draw(st.integers(0, len(lines) - 1))
    kind = data.draw(st.sampled_from(["replace-value", "delete", "duplicate", "truncate", "insert"]))
    if kind == "replace-value" and "=" in lines[n]:
        key = lines[n].split("=", 1)[0]
        lines[n] = (
            key
            + "= "
            + data.draw(
                st.sampled_from(
                    ["-1", "1e308", "9" * 400, "nan", "inf", '"x"', "[[[[[]]]]]", "{}", "1979-05-27", "true"]
                )
            )
        )
    elif kind == "delete":
        del lines[n]
    elif kind == "duplicate":
        lines.insert(n, lines[n])
    elif kind == "truncate":
        lines = lines[:n]
    else:
        lines.insert(n, data.draw(st.text(max_size=40)))
    result_or_clear_error(lambda: sf.loads("\n".join(lines)))


@FUZZ
@given(i=st.integers(0, len(EXAMPLES) - 1), data=st.data(), value=values)
def test_structured_mutations(i: int, data: st.DataObject, value: Any) -> None:
    doc = copy.deepcopy(EXAMPLES[i])
    paths = _paths(doc)
    path = data.draw(st.sampled_from(paths))
    _set(doc, path, value)
    if data.draw(st.booleans()):  # sometimes as a version-1 file, through the migration
        doc["version"] = 1
    out = result_or_clear_error(lambda: _load_doc(doc))
    if isinstance(out, Scenario):  # what the reader accepts, the writer writes and the reader reads back
        again = sf.loads(sf.dumps(out))
        assert again.universe == out.universe and again.portfolio.holdings == out.portfolio.holdings
