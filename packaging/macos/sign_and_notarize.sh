#!/usr/bin/env bash
# Sign Coresat.app (Developer ID, hardened runtime) or the .dmg, notarize it with Apple, staple the ticket.
#
#   packaging/macos/sign_and_notarize.sh app   # sign every Mach-O inside-out, then the bundle; notarize; staple
#   packaging/macos/sign_and_notarize.sh dmg   # sign the .dmg; notarize; staple
#
# Environment (see README.md ("Installers and the frozen app") for how to obtain each):
#   MACOS_SIGN_IDENTITY   "Developer ID Application: NAME (TEAMID)", in an unlocked keychain
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   notarization with an app-specific password
# Without MACOS_SIGN_IDENTITY the script says so and exits 0 (unsigned builds stay usable for testing);
# without the three notarization variables it signs but does not notarize.
set -euo pipefail
cd "$(dirname "$0")/../.."
what="${1:?usage: sign_and_notarize.sh app|dmg}"
entitlements="packaging/macos/entitlements.plist"
app="dist/Coresat.app"
version="$(python3 packaging/build.py version)"
dmg="dist/Coresat-${version}-macOS-arm64.dmg"

if [ -z "${MACOS_SIGN_IDENTITY:-}" ]; then
    echo "sign_and_notarize: MACOS_SIGN_IDENTITY is not set: leaving the $what unsigned"
    exit 0
fi

can_notarize() { [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; }

json_field() {  # read JSON on stdin, print field $1 (empty if absent or not JSON)
    python3 -c '
import json, sys
try:
    print(json.loads(sys.stdin.read() or "{}").get(sys.argv[1], ""))
except ValueError:
    print("")
' "$1"
}

notarize() {  # $1: a .zip or .dmg to submit; fails unless Apple answers "Accepted"
    local out id status
    out="$(xcrun notarytool submit "$1" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
        --password "$APPLE_APP_PASSWORD" --wait --timeout 30m --output-format json)" || true
    id="$(printf '%s' "$out" | json_field id)"
    status="$(printf '%s' "$out" | json_field status)"
    echo "sign_and_notarize: notarization of $1: ${status:-no answer} (submission ${id:-?})"
    if [ "$status" != "Accepted" ]; then
        [ -n "$id" ] && xcrun notarytool log "$id" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
            --password "$APPLE_APP_PASSWORD" || true
        return 1
    fi
}

sign() {  # sign one file or bundle with the hardened runtime and a secure timestamp
    codesign --force --timestamp --options runtime --entitlements "$entitlements" \
        --sign "$MACOS_SIGN_IDENTITY" "$1"
}

case "$what" in
app)
    [ -d "$app" ] || { echo "sign_and_notarize: $app not found" >&2; exit 2; }
    # Inside-out: every Mach-O file (extensions, dylibs, Qt framework binaries), then framework
    # bundles, then the app itself. --deep is not used: Apple discourages it and it misses nothing here.
    while IFS= read -r -d '' f; do
        if file -b "$f" | grep -q "Mach-O"; then sign "$f"; fi
    done < <(find "$app/Contents" -type f -print0)
    while IFS= read -r -d '' fw; do sign "$fw"; done < <(find "$app/Contents" -type d -name "*.framework" -print0)
    sign "$app"
    codesign --verify --deep --strict --verbose=2 "$app"
    zip="$(mktemp -d)/Coresat.zip"
    ditto -c -k --keepParent "$app" "$zip"
    if can_notarize; then
        notarize "$zip"
        xcrun stapler staple "$app"
        spctl --assess --type execute --verbose "$app"
    else
        echo "sign_and_notarize: APPLE_ID/APPLE_TEAM_ID/APPLE_APP_PASSWORD not set: app signed, not notarized"
    fi
    ;;
dmg)
    [ -f "$dmg" ] || { echo "sign_and_notarize: $dmg not found" >&2; exit 2; }
    codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
    if can_notarize; then
        notarize "$dmg"
        xcrun stapler staple "$dmg"
        spctl --assess --type open --context context:primary-signature --verbose "$dmg"
    else
        echo "sign_and_notarize: APPLE_ID/APPLE_TEAM_ID/APPLE_APP_PASSWORD not set: dmg signed, not notarized"
    fi
    ;;
*)
    echo "usage: sign_and_notarize.sh app|dmg" >&2
    exit 2
    ;;
esac
