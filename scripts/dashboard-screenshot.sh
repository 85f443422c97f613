#!/usr/bin/env bash
# Regenerate docs/dashboard.png: the built-in dashboard on the embedded
# default (bundled sample), Cooks in Canada, 2025, in headless Chromium.
#   scripts/dashboard-screenshot.sh [OUT.png] [WIDTH,HEIGHT]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/docs/dashboard.png}
size=${2:-1100,1250}
port=${SKILLPULSE_SCREENSHOT_PORT:-18391}
cd "$root"
scripts/fetch-web-deps.sh
tmp=$(mktemp -d)
go build -o "$tmp/skillpulse" ./cmd/skillpulse
"$tmp/skillpulse" run --data-dir "$tmp/data" --listen "127.0.0.1:$port" >"$tmp/run.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
# Wait until the sample is ingested (the embedded default serves meanwhile).
for _ in $(seq 120); do
  grep -q 'msg=ingested' "$tmp/run.log" && break
  kill -0 $pid 2>/dev/null || { cat "$tmp/run.log" >&2; exit 1; }
  sleep 0.5
done
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$tmp/chrome" \
  --virtual-time-budget=10000 --window-size="$size" --screenshot="$out" \
  "http://127.0.0.1:$port/?occupation=63200&region=CA&period=2025" 2>/dev/null
echo "[screenshot] $out" >&2
