"""Build Coresat's one-folder app and installers; used by `make dist` and .github/workflows/build.yml.

    python packaging/build.py app        # PyInstaller one-folder app in dist/ (+ Coresat.app on macOS)
    python packaging/build.py selftest   # run the frozen app's --self-test
    python packaging/build.py installer  # Windows: Coresat-Setup-VERSION.exe; macOS: the .dmg
    python packaging/build.py version    # print the version (for CI)

Standard library only (PyInstaller itself runs as a subprocess of the same interpreter).
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import appinfo

ROOT = appinfo.ROOT
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP_DIR = DIST / appinfo.EXE_NAME
SIZE_LIMIT_MB = 250


def _run(cmd: list[str], **kwargs: object) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, **kwargs)  # type: ignore[call-overload]


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


# ---- Linux: drop debug information that some wheels and the Python build leave in ------------------


def elf_has_debug_info(path: Path) -> bool:
    """True if ``path`` is a 64-bit little-endian ELF file with a .debug_info section."""
    try:
        with path.open("rb") as f:
            head = f.read(64)
            if len(head) < 64 or head[:4] != b"\x7fELF" or head[4] != 2 or head[5] != 1:
                return False
            shoff = struct.unpack_from("<Q", head, 0x28)[0]
            shentsize, shnum, shstrndx = struct.unpack_from("<HHH", head, 0x3A)
            if not shoff or not shnum or shstrndx >= shnum:
                return False
            f.seek(shoff)
            table = f.read(shentsize * shnum)
            str_off, str_size = struct.unpack_from("<QQ", table, shstrndx * shentsize + 0x18)
            f.seek(str_off)
            names = f.read(str_size)
    except (OSError, struct.error):
        return False
    for i in range(shnum):
        name_at = struct.unpack_from("<I", table, i * shentsize)[0]
        if names[name_at : names.find(b"\0", name_at)] == b".debug_info":
            return True
    return False


def strip_debug_info(folder: Path) -> tuple[int, int]:
    """``strip --strip-debug`` the ELF files that carry debug info; returns (files, bytes saved).

    Only files with debug sections are touched: the libraries that auditwheel bundled (``*.libs``) are
    already stripped, and rewriting them is what breaks their patched load paths.
    """
    strip = shutil.which("strip")
    if strip is None:
        print("build: `strip` not found (binutils): debug information stays in the bundle")
        return 0, 0
    targets = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink() and elf_has_debug_info(p)]
    before = sum(p.stat().st_size for p in targets)
    for p in targets:
        subprocess.run([strip, "--strip-debug", str(p)], check=True)
    return len(targets), before - sum(p.stat().st_size for p in targets)


# ---- translations: resources/translations/*.ts -> build/translations/*.qm (bundled by the spec) -------

QM_DIR = ROOT / "build" / "translations"


def lrelease() -> str | None:
    """PySide6's lrelease from this interpreter's scripts folder (bin/ or Scripts\\), else from PATH."""
    for folder in (Path(sysconfig.get_path("scripts")), Path(sys.executable).parent):
        for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
            if (folder / name).exists():
                return str(folder / name)
    return shutil.which("pyside6-lrelease")


def compile_translations() -> list[Path]:
    """Compile every .ts under resources/translations into build/translations (the source tree is not
    touched); the spec bundles the .qm files next to the .ts files."""
    sources = sorted((ROOT / "resources" / "translations").glob("*.ts"))
    if not sources:
        return []
    tool = lrelease()
    if tool is None:
        raise SystemExit(
            "build: pyside6-lrelease not found (it comes with PySide6); cannot compile translations"
        )
    if QM_DIR.exists():
        shutil.rmtree(QM_DIR)
    QM_DIR.mkdir(parents=True)
    out = []
    for ts in sources:
        qm = QM_DIR / f"{ts.stem}.qm"
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        out.append(qm)
    return out


# ---- commands ---------------------------------------------------------------------------------------


def build_app() -> int:
    t0 = time.monotonic()
    qms = compile_translations()
    print(f"build: compiled {len(qms)} translation(s) into {QM_DIR.relative_to(ROOT)}")
    _run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(ROOT / "packaging" / "coresat.spec"),
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK),
        ]
    )
    if sys.platform.startswith("linux"):
        n, saved = strip_debug_info(APP_DIR)
        print(f"build: stripped debug information from {n} files ({saved / 1e6:.0f} MB)")
    seconds = time.monotonic() - t0
    size_mb = folder_size(APP_DIR) / 1e6
    verdict = "within" if size_mb <= SIZE_LIMIT_MB else "OVER"
    print(
        f"build: {APP_DIR.relative_to(ROOT)} is {size_mb:.0f} MB ({verdict} the {SIZE_LIMIT_MB} MB target), "
        f"built in {seconds:.0f} s"
    )
    return 0


def frozen_executable() -> Path:
    if sys.platform == "win32":
        return APP_DIR / f"{appinfo.CLI_EXE_NAME}.exe"
    if sys.platform == "darwin" and (DIST / f"{appinfo.APP_NAME}.app").exists():
        return DIST / f"{appinfo.APP_NAME}.app" / "Contents" / "MacOS" / appinfo.EXE_NAME
    return APP_DIR / appinfo.EXE_NAME


def run_selftest() -> int:
    exe = frozen_executable()
    if not exe.exists():
        print(f"build: {exe} does not exist; run `python packaging/build.py app` first", file=sys.stderr)
        return 2
    env = dict(os.environ)
    if sys.platform.startswith("linux"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    print("+", exe, "--self-test", flush=True)
    return subprocess.run([str(exe), "--self-test"], env=env, check=False).returncode


def build_installer() -> int:
    version = appinfo.version()
    if sys.platform == "win32":
        iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
        _run([iscc, f"/DAppVersion={version}", str(ROOT / "packaging" / "windows" / "coresat.iss")])
        print(f"build: dist/{appinfo.installer_name(version)}.exe")
        return 0
    if sys.platform == "darwin":
        _run(["bash", str(ROOT / "packaging" / "macos" / "make_dmg.sh"), version])
        return 0
    return build_linux_archive(version)


def build_linux_archive(version: str) -> int:
    """dist/Coresat-VERSION-linux-x86_64.tar.gz: the one-folder app plus a per-user install.sh, the menu
    entry, the icon and the scenario MIME type (packaging/linux/)."""
    top = f"{appinfo.APP_NAME}-{version}"
    stage = ROOT / "build" / "linux-archive"
    if stage.exists():
        shutil.rmtree(stage)
    (stage / top).mkdir(parents=True)
    shutil.copytree(APP_DIR, stage / top / appinfo.EXE_NAME, symlinks=True)
    for name in ("install.sh", "coresat.desktop", "coresat-mime.xml"):
        shutil.copy2(ROOT / "packaging" / "linux" / name, stage / top / name)
    shutil.copy2(ROOT / "packaging" / "icons" / "coresat.png", stage / top / "coresat.png")
    archive = DIST / f"{top}-linux-x86_64.tar.gz"
    _run(["tar", "-C", str(stage), "-czf", str(archive), top])
    shutil.rmtree(stage)
    print(f"build: {archive.relative_to(ROOT)} ({archive.stat().st_size / 1e6:.0f} MB)")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("command", choices=["app", "selftest", "installer", "version"])
    args = p.parse_args(argv)
    if args.command == "version":
        print(appinfo.version())
        return 0
    return {"app": build_app, "selftest": run_selftest, "installer": build_installer}[args.command]()


if __name__ == "__main__":
    sys.exit(main())
