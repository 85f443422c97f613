#!/usr/bin/env bash
# `make bench-scale`: skillpulse at scale on this machine, one run.
#   a. N generated postings (N=1000000, SEED=11 unless set);
#   b. embedded default: ingest rate, peak RSS, profile/list latency
#      (sequential and CONC concurrent), restart-to-serve time, store size
#      and its growth when the same file is run again;
#   c. production: real Kafka + Elasticsearch (scripts/services.sh), publish
#      the file to a fresh topic, a worker into a fresh index prefix: ingest
#      rate until Elasticsearch counts every posting, the rollup job's run
#      time (from /metrics, rollup every 10 s), profile latency, worker RSS.
# Progress goes to stderr; the last line of stdout is one JSON object:
#   profile_p*_ms       sequential profile requests (SEQ_REQS, one at a time)
#   concurrent_p*_ms    CONC_REQS requests CONC at a time, profiles + list
#   errors              non-200 answers and transport errors, both runs
#   embedded.*          the same for the embedded default (list_p95_ms:
#                       sequential /api/v1/occupations?period=PERIOD)
# Tunables: N SEED PERIOD SEQ_REQS CONC CONC_REQS BENCH_PORT (and +1),
# SKILLPULSE_KAFKA_PORT SKILLPULSE_ES_PORT, KEEP_TMP=1 keeps the work dir.
# Services already running are left running; the ones started here stop.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
N=${N:-1000000}
SEED=${SEED:-11}
PERIOD=${PERIOD:-2025}
SEQ_REQS=${SEQ_REQS:-200}
CONC=${CONC:-50}
CONC_REQS=${CONC_REQS:-500}
EMB_PORT=${BENCH_PORT:-18580}
WORKER_PORT=$((EMB_PORT + 1))
export SKILLPULSE_KAFKA_PORT=${SKILLPULSE_KAFKA_PORT:-19092}
export SKILLPULSE_ES_PORT=${SKILLPULSE_ES_PORT:-19200}
KAFKA=127.0.0.1:$SKILLPULSE_KAFKA_PORT
ES=http://127.0.0.1:$SKILLPULSE_ES_PORT
EMB=http://127.0.0.1:$EMB_PORT
WORKER=http://127.0.0.1:$WORKER_PORT
# Generous limits that grow with N: a run that overstays them failed.
SERVE_TIMEOUT=$((300 + N / 200))
ROLLUP_TIMEOUT=${ROLLUP_TIMEOUT:-$((900 + N / 100))}

log() { printf '[bench-scale %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
for t in jq python3 curl; do command -v $t >/dev/null || die "$t is required"; done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-scale.XXXXXX")
pids=()
services_ours=0
prefix=""
cleanup() {
  local rc=$?
  for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && { kill -TERM "$p"; sleep 2; kill -9 "$p" 2>/dev/null || true; }; done
  if [ -n "$prefix" ]; then
    curl -sS -o /dev/null -XDELETE "$ES/$prefix-*" 2>/dev/null || true
    curl -sS -o /dev/null -XDELETE "$ES/_index_template/$prefix-*" 2>/dev/null || true
  fi
  [ "$services_ours" = 1 ] && { scripts/services.sh stop all >&2 || true; }
  if [ $rc -ne 0 ]; then
    for f in "$tmp"/*.log; do [ -f "$f" ] && { log "last lines of $f:"; tail -n 15 "$f" | cut -c -400 >&2; }; done
  fi
  if [ "${KEEP_TMP:-0}" = 1 ]; then log "work dir kept: $tmp"; else rm -rf "$tmp"; fi
  exit $rc
}
trap cleanup EXIT

secs() { python3 -c 'import sys; print(round(float(sys.argv[2]) - float(sys.argv[1]), 3))' "$1" "$2"; }
rss_mb() { awk '/^VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
size_mb() { python3 -c 'import os, sys; print(round(os.path.getsize(sys.argv[1]) / 2**20, 1))' "$1"; }
free_port() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null || die "port $1 is in use (set BENCH_PORT)"; }

# wait_ok URL PID LOG TIMEOUT: until URL answers 200; the process must live.
wait_ok() {
  local deadline=$((SECONDS + $4))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    kill -0 "$2" 2>/dev/null || { wait "$2" || true; die "process $2 exited before $1 answered (log $3)"; }
    [ $SECONDS -lt $deadline ] || die "$1 did not answer within $4 s"
    sleep 0.2
  done
}

# stop PID NAME: SIGTERM, wait up to 120 s; a non-zero exit is reported.
stop() {
  kill -TERM "$1"
  local rc=0
  for _ in $(seq 1 600); do kill -0 "$1" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$1" 2>/dev/null && { log "WARNING: $2 ignored SIGTERM for 120 s, killing it"; kill -9 "$1"; }
  wait "$1" || rc=$?
  local keep=() q
  for q in "${pids[@]}"; do [ "$q" = "$1" ] || keep+=("$q"); done
  pids=("${keep[@]}")
  [ $rc -eq 0 ] || log "WARNING: $2 exited with status $rc after SIGTERM"
  return 0
}

# wait_ingested LOG PID TIMEOUT: the embedded default serves while it
# ingests; wait for its "ingested" line.
wait_ingested() {
  local deadline=$((SECONDS + $3))
  until grep -q "msg=ingested" "$1"; do
    kill -0 "$2" 2>/dev/null || die "the embedded default exited before ingesting (see $1)"
    [ $SECONDS -lt $deadline ] || die "no ingest within $3 s"
    sleep 0.2
  done
}

# ingested LOG: the embedded default's "ingested" line as JSON.
ingested() {
  python3 - "$1" <<'EOF'
import json, re, sys
line = [l for l in open(sys.argv[1]) if "msg=ingested" in l][-1]
f = dict(re.findall(r'(\w+)=("[^"]*"|\S+)', line))
units = {"h": 3600, "m": 60, "s": 1, "ms": 1e-3, "us": 1e-6, "µs": 1e-6, "ns": 1e-9}
took = sum(float(v) * units[u] for v, u in re.findall(r'([\d.]+)(h|ms|us|µs|ns|m|s)', f["took"]))
print(json.dumps({k: int(f[k]) for k in ("read", "indexed", "duplicates", "invalid", "stored")} | {"took_s": round(took, 3)}))
EOF
}

# scrape URL keeps one /metrics page; metric NAME{LABELS} [DECIMALS] sums
# its matching samples (a whole number unless DECIMALS).
scrape() { curl -fsS -o "$tmp/metrics.txt" "$1/metrics"; }
metric() {
  awk -v m="$1" -v d="${2:-0}" 'index($0, m) == 1 { s += $NF } END { printf "%.*f\n", d, s }' "$tmp/metrics.txt"
}

probe() { "$tmp/loadprobe" "$@"; }

# -------------------------------------------------------------------- a --
log "a. build; generate $N postings (seed $SEED)"
$GO build -o bin/skillpulse ./cmd/skillpulse
$GO build -o "$tmp/loadprobe" ./scripts/loadprobe
t=$EPOCHREALTIME
./bin/skillpulse generate --count "$N" --seed "$SEED" -o "$tmp/postings.jsonl" 2>"$tmp/generate.log"
log "generated $(size_mb "$tmp/postings.jsonl") MB in $(secs "$t" "$EPOCHREALTIME") s"
: >"$tmp/empty.jsonl"

# -------------------------------------------------------------------- b --
free_port "$EMB_PORT"
# embedded NAME FILE: start the embedded default on the bench data dir.
embedded() {
  env -u SKILLPULSE_KAFKA_BROKERS -u SKILLPULSE_ES_URL ./bin/skillpulse run \
    --data-dir "$tmp/data" --listen "127.0.0.1:$EMB_PORT" "$2" 2>"$tmp/$1.log" &
  pid=$!
  pids+=("$pid")
}
list_path="/api/v1/occupations?period=$PERIOD"

log "b. embedded: ingest $N postings"
t0=$EPOCHREALTIME
embedded embedded "$tmp/postings.jsonl"
wait_ok "$EMB/healthz" "$pid" "$tmp/embedded.log" "$SERVE_TIMEOUT"
emb_serve_s=$(secs "$t0" "$EPOCHREALTIME")
wait_ingested "$tmp/embedded.log" "$pid" "$SERVE_TIMEOUT"
emb_ingest=$(ingested "$tmp/embedded.log")
log "ingested: $emb_ingest; serving (while ingesting) after $emb_serve_s s"
curl -fsS -o /dev/null "$EMB$list_path" || die "embedded: GET $list_path failed"
log "embedded: latency, $SEQ_REQS sequential profiles, $SEQ_REQS sequential lists, $CONC_REQS at concurrency $CONC"
emb_seq=$(probe -base "$EMB" -profiles "$PERIOD" -c 1 -n "$SEQ_REQS")
emb_list=$(probe -base "$EMB" -paths "$list_path" -c 1 -n "$SEQ_REQS")
emb_conc=$(probe -base "$EMB" -paths "$list_path" -profiles "$PERIOD" -c "$CONC" -n "$CONC_REQS")
log "profiles $emb_seq"; log "lists $emb_list"; log "concurrent $emb_conc"
emb_rss=$(rss_mb "$pid")
stop "$pid" "embedded default"
emb_size_mb=$(size_mb "$tmp/data/skillpulse.db")

log "embedded: restart on the same data dir (an empty input file, so nothing is ingested)"
t0=$EPOCHREALTIME
embedded restart "$tmp/empty.jsonl"
wait_ok "$EMB/healthz" "$pid" "$tmp/restart.log" "$SERVE_TIMEOUT"
restart_serve_s=$(secs "$t0" "$EPOCHREALTIME")
wait_ok "$EMB$list_path" "$pid" "$tmp/restart.log" "$SERVE_TIMEOUT"
restart_list_s=$(secs "$t0" "$EPOCHREALTIME")
wait_ingested "$tmp/restart.log" "$pid" "$SERVE_TIMEOUT"
log "restart: serving after $restart_serve_s s, first list after $restart_list_s s"
stop "$pid" "embedded default (restart)"
size_before=$(stat -c %s "$tmp/data/skillpulse.db")

log "embedded: the same file again"
t0=$EPOCHREALTIME
embedded rerun "$tmp/postings.jsonl"
wait_ingested "$tmp/rerun.log" "$pid" "$SERVE_TIMEOUT"
rerun_s=$(secs "$t0" "$EPOCHREALTIME")
rerun_ingest=$(ingested "$tmp/rerun.log")
stop "$pid" "embedded default (re-run)"
size_after=$(stat -c %s "$tmp/data/skillpulse.db")
growth=$(python3 -c 'import sys; a, b = map(int, sys.argv[1:]); print(round(100 * (b - a) / a, 2))' "$size_before" "$size_after")
log "re-run: $rerun_ingest after $rerun_s s; store $size_before -> $size_after bytes ($growth%)"
rm -rf "$tmp/data"

# -------------------------------------------------------------------- c --
status=$(scripts/services.sh status)
if [[ $status == *"kafka: up"* && $status == *"elasticsearch: up"* ]]; then
  log "c. production: Kafka and Elasticsearch already running; leaving them running afterwards"
else
  log "c. production: starting Kafka and Elasticsearch"
  services_ours=1
  scripts/services.sh start all >&2
fi
free_port "$WORKER_PORT"
run_id=$(date +%Y%m%d%H%M%S)-$$
prefix=bench-$run_id
topic=bench-scale-$run_id
expected=$(jq .stored <<<"$emb_ingest")

log "publishing to topic $topic"
t0=$EPOCHREALTIME
./bin/skillpulse publish --brokers "$KAFKA" --topic "$topic" "$tmp/postings.jsonl" 2>"$tmp/publish.log"
publish_s=$(secs "$t0" "$EPOCHREALTIME")
log "published in $publish_s s ($(tail -n 1 "$tmp/publish.log"))"

log "worker: topic $topic -> Elasticsearch prefix $prefix; waiting for $expected postings"
t0=$EPOCHREALTIME
env SKILLPULSE_KAFKA_BROKERS="$KAFKA" SKILLPULSE_ES_URL="$ES" SKILLPULSE_KAFKA_TOPIC="$topic" \
  SKILLPULSE_KAFKA_GROUP="$topic" SKILLPULSE_KAFKA_DLQ_TOPIC="$topic-dlq" SKILLPULSE_ES_INDEX_PREFIX="$prefix" \
  SKILLPULSE_SCHEDULE_ROLLUP="@every 10s" SKILLPULSE_LISTEN="127.0.0.1:$WORKER_PORT" SKILLPULSE_DATA_DIR="$tmp/worker-data" \
  ./bin/skillpulse run 2>"$tmp/worker.log" &
wpid=$!
pids+=("$wpid")
wait_ok "$WORKER/healthz" "$wpid" "$tmp/worker.log" 300
count=0 last=-1 still_since=$SECONDS processed_s="" deadline=$((SECONDS + SERVE_TIMEOUT))
while :; do
  kill -0 "$wpid" 2>/dev/null || die "worker exited during ingest"
  # A failed poll (a busy node) keeps the last count.
  count=$(curl -fsS "$ES/$prefix-postings-*/_count" | jq -e .count) || count=$((last < 0 ? 0 : last))
  [ "$count" -ge "$expected" ] && break
  if [ -z "$processed_s" ]; then
    scrape "$WORKER"
    done_docs=$(( $(metric 'skillpulse_postings_processed_total{outcome="indexed"}') + \
      $(metric 'skillpulse_postings_processed_total{outcome="duplicate"}') ))
    [ "$done_docs" -ge "$expected" ] && processed_s=$(secs "$t0" "$EPOCHREALTIME")
  fi
  if [ "$count" != "$last" ]; then last=$count still_since=$SECONDS; fi
  if [ "$count" -gt 0 ] && [ $((SECONDS - still_since)) -ge 30 ]; then
    log "WARNING: Elasticsearch count stuck at $count of $expected for 30 s; taking it as the end"
    break
  fi
  [ $SECONDS -lt $deadline ] || die "worker: $count of $expected postings after $SERVE_TIMEOUT s"
  sleep 1
done
ingest_s=$(secs "$t0" "$EPOCHREALTIME")
ingest_per_s=$(python3 -c 'import sys; print(round(int(sys.argv[1]) / float(sys.argv[2]), 1))' "$count" "$ingest_s")
log "Elasticsearch counts $count postings after $ingest_s s ($ingest_per_s/s; worker had processed them at ${processed_s:-?} s)"

# The first run that starts after the ingest ended: runs are counted when
# they start and timed when they end, one at a time.
log "rollup: waiting for a run that starts after the ingest ended"
scrape "$WORKER"
r0=$(metric 'skillpulse_job_runs_total{task="rollup"}')
deadline=$((SECONDS + ROLLUP_TIMEOUT))
until scrape "$WORKER" && [ "$(metric 'skillpulse_job_duration_seconds_count{task="rollup"}')" -ge "$r0" ]; do
  kill -0 "$wpid" 2>/dev/null || die "worker exited"
  [ $SECONDS -lt $deadline ] || die "the rollup run under way at the end of the ingest did not end within $ROLLUP_TIMEOUT s"; sleep 0.2
done
s0=$(metric 'skillpulse_job_duration_seconds_sum{task="rollup"}' 6)
until scrape "$WORKER" && [ "$(metric 'skillpulse_job_duration_seconds_count{task="rollup"}')" -gt "$r0" ]; do
  kill -0 "$wpid" 2>/dev/null || die "worker exited"
  [ $SECONDS -lt $deadline ] || die "no rollup run started and ended within $ROLLUP_TIMEOUT s"; sleep 0.2
done
rollup_tick_s=$(python3 -c 'import sys; print(round(float(sys.argv[2]) - float(sys.argv[1]), 3))' "$s0" "$(metric 'skillpulse_job_duration_seconds_sum{task="rollup"}' 6)")
rollup_failures=$(metric 'skillpulse_job_failures_total{task="rollup"}')
log "rollup run over $count postings: $rollup_tick_s s (failed runs so far: $rollup_failures)"

log "worker: latency, $SEQ_REQS sequential profiles, $CONC_REQS at concurrency $CONC"
curl -fsS -o /dev/null "$WORKER$list_path" || die "worker: GET $list_path failed"
prod_seq=$(probe -base "$WORKER" -profiles "$PERIOD" -c 1 -n "$SEQ_REQS")
prod_conc=$(probe -base "$WORKER" -paths "$list_path" -profiles "$PERIOD" -c "$CONC" -n "$CONC_REQS")
log "profiles $prod_seq"; log "concurrent $prod_conc"
worker_rss=$(rss_mb "$wpid")
stop "$wpid" "worker"

# -------------------------------------------------------------------- d --
jq -cn --argjson n "$N" --argjson emb_ingest "$emb_ingest" --argjson rerun "$rerun_ingest" \
  --argjson emb_seq "$emb_seq" --argjson emb_list "$emb_list" --argjson emb_conc "$emb_conc" \
  --argjson prod_seq "$prod_seq" --argjson prod_conc "$prod_conc" \
  --argjson count "$count" --argjson ingest_s "$ingest_s" --argjson ingest_per_s "$ingest_per_s" \
  --argjson publish_s "$publish_s" --argjson rollup_tick_s "$rollup_tick_s" --argjson rollup_failures "$rollup_failures" \
  --argjson worker_rss "$worker_rss" --argjson emb_rss "$emb_rss" --argjson emb_serve_s "$emb_serve_s" \
  --argjson restart_serve_s "$restart_serve_s" --argjson restart_list_s "$restart_list_s" --argjson rerun_s "$rerun_s" \
  --argjson emb_size_mb "$emb_size_mb" --argjson growth "$growth" --argjson seed "$SEED" --arg period "$PERIOD" '{
  postings: $n, seed: $seed, period: $period, es_postings: $count,
  publish_s: $publish_s, ingest_s: $ingest_s, ingest_per_s: $ingest_per_s,
  rollup_tick_s: $rollup_tick_s, rollup_failures: $rollup_failures,
  profile_p50_ms: $prod_seq.p50_ms, profile_p95_ms: $prod_seq.p95_ms, profile_p99_ms: $prod_seq.p99_ms,
  concurrency: $prod_conc.concurrency, concurrent_p50_ms: $prod_conc.p50_ms, concurrent_p99_ms: $prod_conc.p99_ms,
  errors: ($prod_seq.errors + $prod_conc.errors), worker_rss_mb: $worker_rss,
  embedded: {
    ingest_per_s: (($emb_ingest.read / $emb_ingest.took_s) * 10 | round / 10), ingest_s: $emb_ingest.took_s,
    start_to_serve_s: $emb_serve_s, stored: $emb_ingest.stored, duplicates: $emb_ingest.duplicates, invalid: $emb_ingest.invalid,
    peak_rss_mb: $emb_rss, profile_p50_ms: $emb_seq.p50_ms, profile_p95_ms: $emb_seq.p95_ms, list_p95_ms: $emb_list.p95_ms,
    concurrent_p99_ms: $emb_conc.p99_ms, errors: ($emb_seq.errors + $emb_list.errors + $emb_conc.errors),
    restart_serve_s: $restart_serve_s, restart_first_list_s: $restart_list_s, store_mb: $emb_size_mb,
    rerun_s: $rerun_s, rerun_stored: $rerun.stored, rerun_growth_pct: $growth
  }}'
