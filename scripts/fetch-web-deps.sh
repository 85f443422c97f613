#!/usr/bin/env bash
# Fetch the dashboard's charting library (Chart.js, MIT) from the npm registry
# with the ordinary npm client, check it against the pinned sha256 and place it
# under dashboards/web/vendor/, where go:embed serves it from the binary.
# The file is not committed (gitignored): the page falls back to tables, with a
# note, when a build was made without it.
set -euo pipefail

PKG=chart.js
VERSION=4.5.1
FILE=chart.umd.min.js
SHA256=48444a82d4edcb5bec0f1965faacdde18d9c17db3063d042abada2f705c9f54a

root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/dashboards/web/vendor/$FILE"
if [ -f "$dest" ] && echo "$SHA256  $dest" | sha256sum -c --status; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "[web-deps] npm not found: install Node.js/npm to fetch $PKG" >&2; exit 1; }
echo "[web-deps] downloading $PKG@$VERSION" >&2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "$PKG@$VERSION" >/dev/null)
tar -xzf "$tmp/$PKG-$VERSION.tgz" -C "$tmp" "package/dist/$FILE"
if ! echo "$SHA256  $tmp/package/dist/$FILE" | sha256sum -c --status; then
  echo "[web-deps] $PKG@$VERSION $FILE: sha256 mismatch (want $SHA256)" >&2
  exit 1
fi
mv "$tmp/package/dist/$FILE" "$dest"
echo "[web-deps] $dest" >&2
