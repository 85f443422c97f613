#!/usr/bin/env bash
# Install the Debian packages the test suite needs, when missing:
#   prometheus (promtool: lints /metrics, checks alert rules; the server scrapes the worker)
#   chromium   (headless browser for the dashboard page tests)
# Maven and Java are expected on the machine (they fetch Kafka and Elasticsearch).
set -euo pipefail

need=()
command -v promtool >/dev/null 2>&1 || need+=(prometheus)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "[install-deps] installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y -q --no-install-recommends "${need[@]}" >/tmp/skillpulse-apt.log 2>&1; then
  $SUDO apt-get update -q >/tmp/skillpulse-apt-update.log 2>&1
  $SUDO apt-get install -y -q --no-install-recommends "${need[@]}" >/tmp/skillpulse-apt.log 2>&1 \
    || { tail -n 30 /tmp/skillpulse-apt.log >&2; exit 1; }
fi
# The Debian prometheus package starts a server on :9090; tests run their own.
$SUDO systemctl stop prometheus >/dev/null 2>&1 || pkill -x prometheus >/dev/null 2>&1 || true
