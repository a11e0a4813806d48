#!/usr/bin/env bash
# Install Coresat for the current user (no root): run from the unpacked Coresat-VERSION folder.
#   ./install.sh              copy the app to ~/.local/opt/coresat, add the menu entry, the icon, the
#                             scenario file type (*.coresat.toml) and ~/.local/bin/coresat
#   ./install.sh --uninstall  remove all of that (your scenarios and price store stay)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
opt="$HOME/.local/opt/coresat"
bin="$HOME/.local/bin"

refresh() {
    command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
    command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$opt"
    rm -f "$bin/coresat" "$data/applications/coresat.desktop" "$data/mime/packages/coresat-mime.xml" \
        "$data/icons/hicolor/512x512/apps/coresat.png"
    refresh
    echo "Coresat removed. Your scenarios and price store were left in place."
    exit 0
fi

[ -x "$here/coresat/coresat" ] || { echo "install.sh: run it from the unpacked Coresat folder" >&2; exit 2; }
mkdir -p "$opt" "$bin" "$data/applications" "$data/mime/packages" "$data/icons/hicolor/512x512/apps"
rm -rf "$opt"
cp -a "$here/coresat" "$opt"
ln -sf "$opt/coresat" "$bin/coresat"
sed "s|^Exec=coresat |Exec=\"$opt/coresat\" |" "$here/coresat.desktop" > "$data/applications/coresat.desktop"
cp "$here/coresat-mime.xml" "$data/mime/packages/coresat-mime.xml"
cp "$here/coresat.png" "$data/icons/hicolor/512x512/apps/coresat.png"
refresh
echo "Coresat installed in $opt (menu entry added; scenario files *.coresat.toml open in Coresat)."
echo "Check it with: $opt/coresat --self-test"
