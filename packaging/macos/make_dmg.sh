#!/usr/bin/env bash
# Put dist/Coresat.app into dist/Coresat-VERSION-macOS-arm64.dmg (drag-to-Applications layout).
# Usage: packaging/macos/make_dmg.sh VERSION      (run on macOS after `python packaging/build.py app`;
# sign the app first if you sign: packaging/macos/sign_and_notarize.sh app)
set -euo pipefail
cd "$(dirname "$0")/../.."
version="${1:?usage: make_dmg.sh VERSION}"
app="dist/Coresat.app"
dmg="dist/Coresat-${version}-macOS-arm64.dmg"
[ -d "$app" ] || { echo "make_dmg: $app not found; run: python packaging/build.py app" >&2; exit 2; }

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"          # -R keeps the framework symlinks and signatures intact
ln -s /Applications "$stage/Applications"
rm -f "$dmg"
hdiutil create -volname "Coresat ${version}" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"
echo "make_dmg: $dmg ($(du -h "$dmg" | cut -f1))"
