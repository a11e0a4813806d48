"""The launcher finds every missing X11 library of Qt's xcb plugin before Qt aborts (fake ldd output)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui import launch, platform_check

LDD_TWO_MISSING = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007fc7)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007fc7)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibfoo-unknown.so.3 => not found
\tlibxcb-icccm.so.4 => not found
"""
LDD_ALL_FOUND = "\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007fc7)\n"
X11 = {"DISPLAY": ":0"}


def test_every_missing_library_once_in_ldd_order() -> None:
    assert platform_check.missing_libraries(LDD_TWO_MISSING) == [
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
        "libxkbcommon-x11.so.0",
        "libfoo-unknown.so.3",
    ]
    assert platform_check.missing_libraries(LDD_ALL_FOUND) == []


def test_message_names_packages_and_the_apt_command() -> None:
    msg = platform_check.check(
        X11, platform="linux", plugin=Path("/x/libqxcb.so"), ldd=lambda _p: LDD_TWO_MISSING
    )
    assert msg is not None
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0\n" in msg + "\n"
    assert "libfoo-unknown.so.3" in msg and "apt-file search" in msg  # no package guessed for it


@pytest.mark.parametrize(
    ("env", "platform", "expect"),
    [
        (X11, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),  # Qt uses its wayland plugin
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen:configfile=/tmp/s.json"}, "linux", False),
        (X11, "darwin", False),
        ({**X11, "CORESAT_SKIP_PLATFORM_CHECK": "1"}, "linux", False),
    ],
)
def test_checked_only_where_qt_will_load_xcb(env: dict[str, str], platform: str, expect: bool) -> None:
    msg = platform_check.check(
        env, platform=platform, plugin=Path("/x/libqxcb.so"), ldd=lambda _p: LDD_TWO_MISSING
    )
    assert (msg is not None) is expect


def test_nothing_missing_or_cannot_tell_starts_normally() -> None:
    plugin = Path("/x/libqxcb.so")
    assert platform_check.check(X11, platform="linux", plugin=plugin, ldd=lambda _p: LDD_ALL_FOUND) is None
    assert platform_check.check(X11, platform="linux", plugin=plugin, ldd=lambda _p: None) is None  # no ldd


def test_every_readme_package_is_known_and_listed_in_the_readme() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for pkg in platform_check.README_PACKAGES:
        assert pkg in platform_check.DEBIAN_PACKAGES.values()
        assert pkg in readme, pkg


def test_launcher_prints_the_problem_and_exits_2_before_importing_qt(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(platform_check, "check", lambda: "coresat: cannot open the window: test")

    def no_gui(_args: list[str]) -> int:
        raise AssertionError("the GUI must not start")

    import gui.app

    monkeypatch.setattr(gui.app, "run_app", no_gui)
    assert launch.main([]) == 2
    assert "cannot open the window: test" in capsys.readouterr().err
