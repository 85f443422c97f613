#!/usr/bin/env bash
# `make bench`: the figures quoted in the README, reproducibly, in one run.
#  1. skill extraction throughput over the full ESCO v1.1.1 taxonomy on real
#     posting text (SkillSpan), on one core; taxonomy load+build time;
#     the optional semantic stage's sentence encoder (phrases/s, one core);
#  2. peak resident memory of `skillpulse extract` with that taxonomy;
#  3. end to end: postings/s from the Kafka topic to searchable in
#     Elasticsearch, beside the raw _bulk rate of the same documents into
#     the same node, in the same run (real services, started here);
#  4. the smaller stages (duplicates, profiles, places);
#  5. scale: scripts/bench-scale.sh with N=${SCALE_N:-200000}.
# Needs ../shared/data beside the project for 1-2.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
DATA=${SKILLPULSE_SHARED_DATA:-../shared/data}
ESCO=$DATA/taxonomy/esco_v1.1.1/skills_en.csv

echo "== 1. extraction, ESCO v1.1.1, one core (GOMAXPROCS=1)"
GOMAXPROCS=1 $GO test -run '^$' -bench 'ExtractESCO|BuildESCO' -benchmem -count 3 ./analyzer/extract/
echo "== 1b. skillpulse extract's per-posting path (JSON in, extract, JSON out), ESCO, one core"
GOMAXPROCS=1 $GO test -run '^$' -bench 'ExtractCLI' -benchmem -count 3 ./cmd/skillpulse/
echo "== 1c. start-up of skillpulse extract --taxonomy esco: (taxonomy, index, loose table, scorer features), one and two cores"
$GO test -run '^$' -bench 'StartESCO' -cpu 1,2 -benchtime 5x -count 3 ./analyzer/skilllink/

echo "== 1d. optional semantic stage: sentence encoder (all-MiniLM-L6-v2, pure Go), one core; needs scripts/fetch-model.sh"
GOMAXPROCS=1 $GO test -run '^$' -bench 'Encode' -benchtime 2s ./analyzer/semantic/ | grep -E '^(Benchmark|ok|---)' || true
echo "== 1e. the semantic stage per validation sentence, one core, no text cache (features; + proposals; against every label)"
GOMAXPROCS=1 $GO test -run '^$' -bench 'SemanticSentence' -benchtime 50x ./analyzer/skilllink/ | grep -E '^(Benchmark|ok|---)' || true

echo "== 2. peak resident memory, skillpulse extract --taxonomy esco:"
$GO build -o bin/skillpulse ./cmd/skillpulse
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./bin/skillpulse generate --count 20000 -o "$tmp/postings.jsonl" 2>/dev/null
if [ -f "$ESCO" ]; then
  /usr/bin/time -f 'max RSS %M KiB, wall %e s (20,000 postings incl. taxonomy load)' \
    ./bin/skillpulse extract --taxonomy "esco:$ESCO" "$tmp/postings.jsonl" >/dev/null 2>"$tmp/time.log" || true
  grep -E 'max RSS|taxonomy loaded|extractor built' "$tmp/time.log" || cat "$tmp/time.log"
else
  echo "(skipped: $ESCO not found)"
fi

echo "== 3. end to end Kafka -> worker -> Elasticsearch vs raw _bulk (real services)"
scripts/services.sh start all >/dev/null
rc=0
SKILLPULSE_TEST_KAFKA=127.0.0.1:${SKILLPULSE_KAFKA_PORT:-19092} SKILLPULSE_TEST_ES=http://127.0.0.1:${SKILLPULSE_ES_PORT:-19200} \
  $GO test -run '^$' -bench EndToEndVsRawBulk -benchtime 1x -count 3 -timeout 25m ./worker/app/ || rc=$?
scripts/services.sh stop all >/dev/null

echo "== 4. stages"
$GO test -run '^$' -bench . -benchmem ./analyzer/ ./analyzer/repost/ ./analyzer/geo/ ./analyzer/rank/ ./analyzer/salary/ 2>/dev/null | grep -E '^(Benchmark|ok)'

echo "== 5. scale, N=${SCALE_N:-200000} (scripts/bench-scale.sh; last line is its JSON)"
N=${SCALE_N:-200000} scripts/bench-scale.sh || rc=$?
exit $rc
