"""The installers agree with each other: version, app id, scenario extension, icons, workflow, make target."""

from __future__ import annotations

import os
import plistlib
import re
import struct
from pathlib import Path

import pytest

import engine

from ._load import PACKAGING, ROOT, load

appinfo = load("appinfo")
trim = load("trim")
build = load("build")

ISS = (PACKAGING / "windows" / "coresat.iss").read_text(encoding="utf-8")
SPEC = (PACKAGING / "coresat.spec").read_text(encoding="utf-8")
WORKFLOW = (ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")


def _info_plist() -> dict[str, object]:
    with (PACKAGING / "macos" / "Info.plist").open("rb") as f:
        data: dict[str, object] = plistlib.load(f)
    return data


def test_version_comes_from_the_engine() -> None:
    assert appinfo.version() == engine.__version__
    assert appinfo.installer_name() == f"Coresat-Setup-{engine.__version__}"


def test_scenario_extension_matches_the_bundled_examples() -> None:
    examples = sorted((ROOT / "resources" / "examples").glob("*.toml"))
    assert examples
    assert all(p.name.endswith(appinfo.SCENARIO_EXTENSION) for p in examples)


# ---- Windows --------------------------------------------------------------------------------------


def _iss_value(key: str) -> str:
    m = re.search(rf"^{key}=(.*)$", ISS, re.MULTILINE)
    assert m, f"{key}= missing from coresat.iss"
    return m.group(1).strip()


def test_inno_script_identity_and_output_name() -> None:
    assert _iss_value("AppId") == "{{" + appinfo.INNO_APP_GUID + "}"
    assert _iss_value("AppVersion") == "{#AppVersion}"
    assert _iss_value("OutputBaseFilename") == "Coresat-Setup-{#AppVersion}"
    assert "#error" in ISS  # no silent default version: it must come from /DAppVersion=
    assert f'#define ProgId "{appinfo.WINDOWS_PROGID}"' in ISS
    assert f'#define ScenarioExt "{appinfo.SCENARIO_EXTENSION}"' in ISS
    assert f'#define AppExe "{appinfo.EXE_NAME}.exe"' in ISS


def test_inno_script_installs_per_user_without_admin() -> None:
    assert _iss_value("PrivilegesRequired") == "lowest"
    assert _iss_value("DefaultDirName").startswith("{autopf}")
    assert _iss_value("ChangesAssociations") == "yes"
    registry = [line for line in ISS.splitlines() if line.startswith("Root:")]
    assert registry and all(line.startswith("Root: HKA;") for line in registry)  # HKCU when per-user


def test_inno_script_association_uses_the_extension_explorer_sees() -> None:
    last_ext = "." + appinfo.SCENARIO_EXTENSION.rsplit(".", 1)[-1]
    assert f'#define LastExt "{last_ext}"' in ISS
    assert (
        'Subkey: "Software\\Classes\\{#LastExt}\\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"'
        in ISS
    )
    assert 'Subkey: "Software\\Classes\\{#ProgId}\\shell\\open\\command"' in ISS
    assert '"""{app}\\{#AppExe}"" ""%1"""' in ISS  # the file is passed to the app
    # never takes over .toml as a whole (no default value written on the .toml key itself)
    assert 'Subkey: "Software\\Classes\\{#LastExt}"; ValueType: string; ValueName: ""' not in ISS


def test_inno_script_start_menu_uninstaller_and_sources() -> None:
    assert 'Name: "{autoprograms}\\{#AppName}"; Filename: "{app}\\{#AppExe}"' in ISS
    assert _iss_value("UninstallDisplayIcon") == "{app}\\{#AppExe}"
    assert 'Source: "..\\..\\dist\\coresat\\*"' in ISS
    assert (PACKAGING / "windows" / _iss_value("SetupIconFile").replace("\\", "/")).resolve() == (
        PACKAGING / "icons" / "coresat.ico"
    )
    assert _iss_value("OutputDir") == "..\\..\\dist"


# ---- macOS ----------------------------------------------------------------------------------------


def test_info_plist_identity_and_minimum_macos() -> None:
    info = _info_plist()
    assert info["CFBundleIdentifier"] == appinfo.BUNDLE_ID
    assert info["CFBundleExecutable"] == appinfo.EXE_NAME
    assert info["LSMinimumSystemVersion"] == appinfo.MACOS_MIN_VERSION == "14.0"
    assert info["CFBundleIconFile"] == "coresat.icns"


def test_info_plist_declares_the_scenario_document_type() -> None:
    info = _info_plist()
    [exported] = info["UTExportedTypeDeclarations"]  # type: ignore[misc]
    assert exported["UTTypeIdentifier"] == appinfo.SCENARIO_UTI
    assert exported["UTTypeTagSpecification"]["public.filename-extension"] == [
        appinfo.SCENARIO_EXTENSION.lstrip(".")
    ]
    doc_types = info["CFBundleDocumentTypes"]
    owner = [d for d in doc_types if d.get("LSItemContentTypes") == [appinfo.SCENARIO_UTI]]  # type: ignore[union-attr]
    assert owner and owner[0]["LSHandlerRank"] == "Owner"
    alternate = [d for d in doc_types if d.get("CFBundleTypeExtensions") == ["toml"]]  # type: ignore[union-attr]
    assert alternate and alternate[0]["LSHandlerRank"] == "Alternate"


def test_entitlements_are_booleans_for_the_hardened_runtime() -> None:
    with (PACKAGING / "macos" / "entitlements.plist").open("rb") as f:
        ent = plistlib.load(f)
    assert ent and all(k.startswith("com.apple.security.cs.") and v is True for k, v in ent.items())


def test_mac_scripts_are_executable_and_use_notarytool_and_stapler() -> None:
    sign = PACKAGING / "macos" / "sign_and_notarize.sh"
    dmg = PACKAGING / "macos" / "make_dmg.sh"
    if os.name == "posix":  # Windows has no executable bit to check (git keeps it for the Mac)
        for script in (sign, dmg):
            assert script.stat().st_mode & 0o111, f"{script.name} is not executable"
    text = sign.read_text(encoding="utf-8")
    assert "--options runtime" in text and "notarytool submit" in text and "stapler staple" in text
    assert '"Accepted"' in text  # a rejected notarization fails the build
    assert "hdiutil create" in dmg.read_text(encoding="utf-8")


# ---- icons ----------------------------------------------------------------------------------------


def test_ico_holds_the_windows_sizes() -> None:
    data = (PACKAGING / "icons" / "coresat.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = {(struct.unpack_from("<B", data, 6 + 16 * i)[0] or 256) for i in range(count)}
    assert {16, 32, 48, 256} <= sizes


def test_icns_holds_a_1024_pixel_image() -> None:
    data = (PACKAGING / "icons" / "coresat.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, at = [], 8
    while at < len(data):
        kinds.append(data[at : at + 4])
        at += struct.unpack(">I", data[at + 4 : at + 8])[0]
    assert b"ic10" in kinds and b"ic07" in kinds


# ---- the PyInstaller spec and what it trims -------------------------------------------------------


def test_spec_keeps_the_known_traps_covered() -> None:
    assert '"osqp.ext_builtin"' in SPEC  # osqp 1.x loads its backend dynamically
    assert 'collect_submodules("piqp")' in SPEC  # piqp loads its (SIMD) build with importlib
    assert 'collect_data_files("resources"' in SPEC
    assert "BUNDLE(" in SPEC and "bundle_identifier=appinfo.BUNDLE_ID" in SPEC
    assert "name=appinfo.CLI_EXE_NAME" in SPEC and "console=True" in SPEC


@pytest.mark.parametrize(
    "kept",
    [
        "PySide6.QtCore",
        "PySide6.QtGui",
        "PySide6.QtWidgets",
        "PySide6.QtSvg",
        "PySide6.QtOpenGL",
        "PySide6.QtOpenGLWidgets",
        "PySide6.QtPrintSupport",
        "cvxpy",
        "scs",
        "osqp",
        "clarabel",
        "piqp",
        "yfinance",
    ],
)
def test_trim_never_excludes_what_coresat_uses(kept: str) -> None:
    assert kept not in trim.EXCLUDED_MODULES


@pytest.mark.parametrize(
    ("dest", "dropped"),
    [
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/translations/qtbase_ko.qm", False),  # Korean Qt dialogs (Save, Cancel, file dialogs)
        ("PySide6\\translations\\qtbase_ko.qm", False),
        ("PySide6/Qt/translations/qt_help_ko.qm", True),
        ("scs/_scs_mkl.cpython-311-x86_64-linux-gnu.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
        ("PySide6\\Qt\\plugins\\imageformats\\qtiff.dll", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
        ("PySide6/Qt/plugins/platforms/qwindows.dll", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", False),
        ("scs/_scs_direct.cpython-311-x86_64-linux-gnu.so", False),
        ("resources/translations/coresat_de.qm", False),
    ],
)
def test_trim_drops_only_what_it_means_to(dest: str, dropped: bool) -> None:
    assert trim.dropped(dest) is dropped


def test_prune_orphans_drops_libraries_only_dropped_plugins_needed() -> None:
    toc = [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),
        ("libX11.so.6", "/usr/lib/libX11.so.6", "BINARY"),
        ("libsqlite3.so.0", "/usr/lib/libsqlite3.so.0", "BINARY"),
    ]
    needs = {
        "/src/libqgtk3.so": {"libgtk-3.so.0", "libX11.so.6"},
        "/src/libqxcb.so": {"libX11.so.6"},
        "/usr/lib/libgtk-3.so.0": {"libX11.so.6"},
    }
    kept = [e[0] for e in trim.prune_orphans(toc, lambda p: needs.get(p, set()))]
    assert kept == ["PySide6/Qt/plugins/platforms/libqxcb.so", "libX11.so.6", "libsqlite3.so.0"]


def _tiny_elf(section_names: list[str]) -> bytes:
    """A minimal 64-bit little-endian ELF file with the given (empty) sections."""
    names = b"\0" + b"".join(n.encode() + b"\0" for n in [*section_names, ".shstrtab"])
    shoff = 64 + len(names)
    count = len(section_names) + 2  # null section first, .shstrtab last
    header = b"\x7fELF" + bytes([2, 1, 1]) + bytes(9)
    header += struct.pack("<HHIQQQIHHHHHH", 3, 62, 1, 0, 0, shoff, 0, 64, 0, 0, 64, count, count - 1)
    sections = bytes(64)
    at = 1
    for i, n in enumerate([*section_names, ".shstrtab"]):
        offset, size = (64, len(names)) if i == len(section_names) else (0, 0)
        sections += struct.pack("<IIQQQQIIQQ", at, 1, 0, 0, offset, size, 0, 0, 1, 0)
        at += len(n) + 1
    return header + names + sections


def test_debug_info_detection_reads_section_names(tmp_path: Path) -> None:
    with_debug = tmp_path / "with_debug.so"
    with_debug.write_bytes(_tiny_elf([".text", ".debug_info", ".symtab"]))
    stripped = tmp_path / "stripped.so"
    stripped.write_bytes(_tiny_elf([".text", ".dynsym"]))
    assert build.elf_has_debug_info(with_debug) is True
    assert build.elf_has_debug_info(stripped) is False


def test_debug_info_detection_ignores_non_elf_files(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a binary")
    short = tmp_path / "truncated.so"
    short.write_bytes(b"\x7fELF\x02\x01" + b"\0" * 10)
    assert build.elf_has_debug_info(text) is False
    assert build.elf_has_debug_info(short) is False


# ---- CI and make ----------------------------------------------------------------------------------


def test_workflow_matrix_builds_selftests_and_releases() -> None:
    for runner in ("ubuntu-latest", "windows-latest", "macos-14"):
        assert f"os: {runner}" in WORKFLOW
    assert 'python-version: "3.11"' in WORKFLOW
    assert "python packaging/build.py selftest" in WORKFLOW
    assert "python packaging/build.py installer" in WORKFLOW
    assert "actions/upload-artifact@v4" in WORKFLOW
    assert 'tags: ["v*"]' in WORKFLOW and "gh release create" in WORKFLOW
    assert 'coresat-cli.exe" --self-test' in WORKFLOW  # the installed Windows app is self-tested
    assert "secrets.MACOS_CERTIFICATE != ''" in WORKFLOW  # signing only when the secrets exist


def test_make_dist_builds_and_selftests() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    block = makefile[makefile.index("\ndist:") :].split("\n\n", 1)[0]
    assert "packaging/build.py app" in block
    assert "QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/build.py selftest" in block
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^build = \[\s*"pyinstaller', pyproject, re.MULTILINE)


# ---- Linux ----------------------------------------------------------------------------------------


def test_linux_desktop_entry_and_mime_type_agree() -> None:
    import xml.etree.ElementTree as ET

    desktop = (PACKAGING / "linux" / "coresat.desktop").read_text(encoding="utf-8")
    assert f"MimeType={appinfo.SCENARIO_MIME};" in desktop.splitlines()
    assert "Exec=coresat %f" in desktop.splitlines()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(PACKAGING / "linux" / "coresat-mime.xml").getroot()
    [mime] = root.findall("m:mime-type", ns)
    assert mime.get("type") == appinfo.SCENARIO_MIME
    assert [g.get("pattern") for g in mime.findall("m:glob", ns)] == ["*" + appinfo.SCENARIO_EXTENSION]
    info = _info_plist()
    [exported] = info["UTExportedTypeDeclarations"]  # type: ignore[misc]
    assert exported["UTTypeTagSpecification"]["public.mime-type"] == [appinfo.SCENARIO_MIME]


@pytest.mark.skipif(os.name != "posix", reason="the Linux install script is bash")
def test_linux_install_script_installs_and_uninstalls_per_user(tmp_path: Path) -> None:
    import shutil
    import subprocess

    unpacked = tmp_path / "Coresat-0.1.0"
    (unpacked / "coresat").mkdir(parents=True)
    (unpacked / "coresat" / "coresat").write_text("#!/bin/sh\necho fake coresat\n")
    (unpacked / "coresat" / "coresat").chmod(0o755)
    for name in ("install.sh", "coresat.desktop", "coresat-mime.xml"):
        shutil.copy2(PACKAGING / "linux" / name, unpacked / name)
    shutil.copy2(PACKAGING / "icons" / "coresat.png", unpacked / "coresat.png")
    home = tmp_path / "home"
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}

    subprocess.run(["bash", str(unpacked / "install.sh")], env=env, check=True, capture_output=True)
    share = home / ".local" / "share"
    opt = home / ".local" / "opt" / "coresat"
    desktop = (share / "applications" / "coresat.desktop").read_text(encoding="utf-8")
    assert f'Exec="{opt}/coresat" %f' in desktop
    assert (share / "mime" / "packages" / "coresat-mime.xml").is_file()
    assert (share / "icons" / "hicolor" / "512x512" / "apps" / "coresat.png").is_file()
    launcher = home / ".local" / "bin" / "coresat"
    assert (
        subprocess.run([str(launcher)], capture_output=True, text=True, check=True).stdout == "fake coresat\n"
    )

    subprocess.run(
        ["bash", str(unpacked / "install.sh"), "--uninstall"], env=env, check=True, capture_output=True
    )
    assert not opt.exists() and not launcher.exists() and not launcher.is_symlink()
    assert not (share / "applications" / "coresat.desktop").exists()
