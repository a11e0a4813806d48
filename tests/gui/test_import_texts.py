"""The statement import's sentences (what changes per account, each account total against the file's, the
readers' notes) reach a Korean user in Korean: every line that real-shaped statements give, read into a
household and into a one-portfolio scenario, is matched by a template of gui.import_texts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from engine import resources
from engine.errors import CoresatError
from engine.imports.detect import read_file
from engine.imports.into_household import apply_to_household
from engine.model import scenario_file as sf
from gui.import_texts import TEMPLATES, import_text, pattern
from tests.engine.imports.conftest import FIXTURES
from tests.helpers import core_satellite

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "real" / "broker-exports"
_SLOT = re.compile(r"\{(\w+)\}")


def test_every_template_matches_its_own_sentences_and_keeps_the_values() -> None:
    for item in TEMPLATES:
        template = str(item)
        filled = _SLOT.sub(lambda m: f"Q{m.group(1).upper()}9", template)
        m = re.match(pattern(template), filled)
        assert m is not None, template
        assert set(m.groupdict()) == set(_SLOT.findall(template)), template
        assert import_text("  " + filled) == "  " + filled  # no translator: the engine's English, indent kept


def _scenarios() -> list:  # type: ignore[type-arg]
    couple = sf.loads(resources.read_text("examples", "household-couple-four-accounts.coresat.toml"))
    flat = core_satellite({"IWM": 10, "IWN": 5}, cash=100.0)
    return [couple, flat, replace(flat, portfolio=replace(flat.portfolio, cash=0.0))]


def _lines(files: list[Path]) -> Iterator[str]:
    """Every line the import shows for these files: changes, notes, reconciliations."""
    for path in files:
        try:
            st = read_file(path)
        except CoresatError:
            continue  # a layout that needs the user's column mapping, or a refused file
        for acct in st.accounts:
            yield acct.reconciliation.describe()
            yield from (f"{acct.label}: {n}" for n in acct.notes)
        yield from st.notes
        for sc in _scenarios():
            try:
                new, changes = apply_to_household(st, sc)
            except CoresatError:
                continue  # e.g. a lots file for accounts this scenario lacks
            yield from changes.lines()
            _, changes2 = apply_to_household(st, new)  # a re-import: updated / unchanged / no change
            yield from changes2.lines()


def _check(lines: list[str]) -> None:
    for line in lines:
        ko = import_text(line)
        assert any("\uac00" <= c <= "\ud7a3" for c in ko), line  # Hangul, not the English
        assert not re.search(r"\b(the|and|of|for|is|not|no|from|kept|file|shares)\b", ko), (line, ko)


def test_import_lines_of_the_project_fixtures_reach_a_korean_user_in_korean(korean) -> None:  # type: ignore[no-untyped-def]
    lines = list(dict.fromkeys(_lines(sorted(FIXTURES.iterdir()))))
    assert len(lines) > 40  # the fixtures give many kinds of line
    assert any(ln.lstrip().startswith("held, not rebalanced") for ln in lines)
    assert any("does NOT match" in ln for ln in lines) and any(ln.startswith("  bought:") for ln in lines)
    _check(lines)
    # an account label's kind is translated too, the name kept
    ko = import_text("Roth IRA …9307 (Roth IRA): new account (from Roth IRA …9307)")
    assert ko.startswith("Roth IRA …9307 (") and "(Roth IRA)" not in ko.split(":")[0]


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (real broker exports) is not here")
def test_import_lines_of_real_broker_files_reach_a_korean_user_in_korean(korean) -> None:  # type: ignore[no-untyped-def]
    files = sorted(p for p in SHARED.rglob("*") if p.is_file())
    lines = list(dict.fromkeys(_lines(files)))
    assert len(lines) > 20
    _check(lines)


def test_every_readers_layout_name_has_a_korean_name(korean) -> None:  # type: ignore[no-untyped-def]
    """The preview's heading names the file's layout ("positions.csv: Schwab positions CSV"): every layout
    a reader gives is known to gui.import_texts, and the ones with English words read in Korean."""
    from engine.imports import plain_csv
    from engine.imports.detect import SUPPORTED
    from gui.import_texts import LAYOUTS, layout_text

    layouts = {*SUPPORTED, plain_csv.LAYOUT}
    assert layouts <= set(LAYOUTS), layouts - set(LAYOUTS)
    own_names = {"Vanguard OfxDownload CSV", "IBKR Flex Query XML"}  # a brand and its format's own name
    for layout in layouts:
        shown = layout_text(layout)
        if layout in own_names:
            assert shown == layout
        else:
            assert shown != layout and re.search("[가-힣]", shown), (layout, shown)
    assert layout_text("Some future layout") == "Some future layout"  # unknown: as the reader wrote it
