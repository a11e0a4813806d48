"""Every translatable literal is one pyside6-lupdate can find: it does not look inside f-strings, so a
``tr("...")`` or ``translate("Ctx", "...")`` written inside one never reaches the Korean file and stays
English for every reader (the client PDF's headings did)."""

from __future__ import annotations

import ast
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "gui"
CALLS = {"tr", "translate", "_tr"}


def _hidden_calls(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.JoinedStr):
            continue
        for sub in ast.walk(node):
            if not isinstance(sub, ast.Call):
                continue
            f = sub.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            if name in CALLS and sub.args and isinstance(sub.args[-1], ast.Constant):
                out.append(f"{path.relative_to(GUI.parent)}:{sub.lineno}: {ast.unparse(sub)[:70]}")
    return out


def test_no_translatable_literal_hides_inside_an_f_string() -> None:
    hidden = [h for p in sorted(GUI.rglob("*.py")) for h in _hidden_calls(p)]
    assert not hidden, "lupdate cannot see these (move the call out of the f-string):\n" + "\n".join(hidden)


def test_the_check_finds_one() -> None:
    probe = GUI.parent / "tests" / "gui" / "_probe_fstring.py"
    probe.write_text("x = f\"<h2>{self.tr('Summary')}</h2>\"\n", encoding="utf-8")
    try:
        assert _hidden_calls(probe)
    finally:
        probe.unlink()
