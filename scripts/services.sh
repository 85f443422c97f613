#!/usr/bin/env bash
# Start, stop or inspect the real services integration tests run against:
# a single-node Apache Kafka broker (KRaft) and a single-node Elasticsearch,
# both fetched from Maven Central (no Docker needed) and cached in .cache/.
#
#   scripts/services.sh start|stop|status|env [kafka|es|all]
#
# Ports: SKILLPULSE_KAFKA_PORT (19092; controller +1), SKILLPULSE_ES_PORT (19200).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${SKILLPULSE_CACHE_DIR:-$ROOT/.cache}
RUN=${SKILLPULSE_SERVICES_DIR:-$ROOT/.services}
KAFKA_PORT=${SKILLPULSE_KAFKA_PORT:-19092}
KAFKA_CTRL_PORT=$((KAFKA_PORT + 1))
ES_PORT=${SKILLPULSE_ES_PORT:-19200}
ES_VERSION=8.19.21
ES_USER=skillpulse-es
MVN=(mvn -q -B)

log() { printf '[services] %s\n' "$*" >&2; }

java17() {
  for d in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk /usr/lib/jvm/temurin-17-jdk-amd64; do
    [ -x "$d/bin/java" ] && { echo "$d"; return; }
  done
  dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# port_taken NAME PORT...: stop when another process holds a port, or the
# tests would run against whatever answers there ("ready" only probes it).
port_taken() {
  local name=$1; shift
  for p in "$@"; do
    if port_open "$p"; then
      log "cannot start $name: 127.0.0.1:$p is already in use by another process (stop it, or set SKILLPULSE_KAFKA_PORT / SKILLPULSE_ES_PORT)"
      exit 1
    fi
  done
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_until() { # wait_until SECONDS LOGFILE CMD...
  local deadline=$((SECONDS + $1)) logf=$2; shift 2
  until "$@"; do
    if [ $SECONDS -ge $deadline ]; then
      log "timed out; last lines of $logf:"; tail -n 40 "$logf" >&2 || true
      return 1
    fi
    sleep 1
  done
}

# ---------------------------------------------------------------- Kafka --
kafka_fetch() {
  [ -f "$CACHE/kafka/.complete" ] && return
  log "fetching Kafka 3.9.1 from Maven Central"
  rm -rf "$CACHE/kafka"
  "${MVN[@]}" -f "$ROOT/scripts/maven/kafka/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$CACHE/kafka/libs" -DincludeScope=runtime
  touch "$CACHE/kafka/.complete"
}

kafka_start() {
  local dir=$RUN/kafka-$KAFKA_PORT
  if alive "$dir/pid" && port_open "$KAFKA_PORT"; then log "kafka already running on $KAFKA_PORT"; return; fi
  port_taken kafka "$KAFKA_PORT" "$KAFKA_CTRL_PORT"
  kafka_fetch
  mkdir -p "$dir/data"
  cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CTRL_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CTRL_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/data
num.partitions=4
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
log.flush.interval.messages=1
EOF
  cat >"$dir/log4j.properties" <<EOF
log4j.rootLogger=WARN, stdout
log4j.logger.kafka.server.KafkaServer=INFO
log4j.logger.kafka.server.BrokerServer=INFO
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF
  local java; java="$(java17)/bin/java"
  local cp="$CACHE/kafka/libs/*"
  if [ ! -f "$dir/data/meta.properties" ]; then
    local id; id=$("$java" -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)
    "$java" -cp "$cp" -Dlog4j.configuration="file:$dir/log4j.properties" kafka.tools.StorageTool format -t "$id" -c "$dir/server.properties" >"$dir/format.log" 2>&1 \
      || { cat "$dir/format.log" >&2; return 1; }
  fi
  log "starting kafka on 127.0.0.1:$KAFKA_PORT"
  nohup "$java" -Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$dir/log4j.properties" -cp "$cp" kafka.Kafka "$dir/server.properties" \
    >"$dir/kafka.log" 2>&1 &
  echo $! >"$dir/pid"
  wait_until 120 "$dir/kafka.log" port_open "$KAFKA_PORT"
  log "kafka ready"
}

# -------------------------------------------------------- Elasticsearch --
es_fetch() {
  [ -f "$CACHE/elasticsearch/.complete-$ES_VERSION" ] && return
  log "fetching Elasticsearch $ES_VERSION from Maven Central"
  rm -rf "$CACHE/elasticsearch"
  "${MVN[@]}" -f "$ROOT/scripts/maven/elasticsearch/pom.xml" dependency:unpack \
    -Des.version="$ES_VERSION" -Des.dir="$CACHE/elasticsearch" -Dmdep.markersDirectory="$CACHE/elasticsearch/.markers"
  touch "$CACHE/elasticsearch/.complete-$ES_VERSION"
}

es_ready() { curl -fsS "http://127.0.0.1:$ES_PORT/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; }

es_start() {
  local dir=$RUN/elasticsearch-$ES_PORT
  if alive "$dir/pid" && es_ready; then log "elasticsearch already running on $ES_PORT"; return; fi
  port_taken elasticsearch "$ES_PORT" "$((ES_PORT + 100))"
  es_fetch
  # Elasticsearch refuses to run as root. As root, run it as a system
  # user, from a copy that user can read even when the checkout sits under
  # /root; as anyone else, run it as that user from the cache.
  local home work run_as=()
  if [ "$(id -u)" -eq 0 ]; then
    id "$ES_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
    home=/var/tmp/skillpulse-es-$ES_VERSION
    if [ ! -f "$home/.complete" ]; then
      rm -rf "$home"; cp -a "$CACHE/elasticsearch/elasticsearch-$ES_VERSION" "$home"; touch "$home/.complete"
    fi
    work=/var/tmp/skillpulse-es-run-$ES_PORT
    run_as=(runuser -u "$ES_USER" --)
  else
    home=$CACHE/elasticsearch/elasticsearch-$ES_VERSION
    work=$RUN/elasticsearch-run-$ES_PORT
  fi
  mkdir -p "$work/data" "$work/logs" "$dir"
  rm -rf "$work/config"; cp -a "$home/config" "$work/config"
  cat >"$work/config/elasticsearch.yml" <<EOF
cluster.name: skillpulse-test
node.name: node-1
discovery.type: single-node
network.host: 127.0.0.1
http.port: $ES_PORT
transport.port: $((ES_PORT + 100))
path.data: $work/data
path.logs: $work/logs
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
EOF
  [ ${#run_as[@]} -eq 0 ] || chown -R "$ES_USER" "$work"
  log "starting elasticsearch $ES_VERSION on 127.0.0.1:$ES_PORT"
  # setsid detaches it from this shell's process group, so `make` ending
  # does not take it down before `stop`.
  ES_JAVA_HOME=$(java17) ES_PATH_CONF=$work/config ES_JAVA_OPTS="-Xms512m -Xmx512m" \
    setsid "${run_as[@]}" "$home/bin/elasticsearch" -p "$work/es.pid" >"$dir/elasticsearch.log" 2>&1 < /dev/null &
  wait_until 180 "$dir/elasticsearch.log" test -s "$work/es.pid"
  cp "$work/es.pid" "$dir/pid"
  wait_until 180 "$dir/elasticsearch.log" es_ready
  log "elasticsearch ready"
}

stop_one() { # stop_one NAME PIDFILE
  local pidf=$2
  if alive "$pidf"; then
    local pid; pid=$(cat "$pidf")
    log "stopping $1 (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidf"
}

status() {
  if port_open "$KAFKA_PORT"; then echo "kafka: up on 127.0.0.1:$KAFKA_PORT"; else echo "kafka: down"; fi
  if es_ready; then echo "elasticsearch: up on http://127.0.0.1:$ES_PORT"; else echo "elasticsearch: down"; fi
}

cmd=${1:-status}
what=${2:-all}
case "$cmd" in
  start)
    case "$what" in kafka) kafka_start ;; es) es_start ;; all) kafka_start; es_start ;; *) echo "unknown service $what" >&2; exit 2 ;; esac ;;
  stop)
    case "$what" in
      kafka) stop_one kafka "$RUN/kafka-$KAFKA_PORT/pid" ;;
      es) stop_one elasticsearch "$RUN/elasticsearch-$ES_PORT/pid" ;;
      all) stop_one kafka "$RUN/kafka-$KAFKA_PORT/pid"; stop_one elasticsearch "$RUN/elasticsearch-$ES_PORT/pid" ;;
      *) echo "unknown service $what" >&2; exit 2 ;;
    esac ;;
  status) status ;;
  env) echo "SKILLPULSE_TEST_KAFKA=127.0.0.1:$KAFKA_PORT"; echo "SKILLPULSE_TEST_ES=http://127.0.0.1:$ES_PORT" ;;
  *) echo "usage: $0 start|stop|status|env [kafka|es|all]" >&2; exit 2 ;;
esac
