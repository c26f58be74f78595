#!/usr/bin/env bash
# Ingestion benchmark on this machine, loopback only: builds if needed, starts the engine on a free port in
# 18080-18099 with a fresh temporary data directory, runs bench (IngestBenchmark), prints the machine, stops the
# engine and removes the data. Bounded in time (a little over 3 minutes once built).
#
#   bench/run.sh                    # all phases: single touchpoints, batches, storage ceiling
#   bench/run.sh --phases=single    # extra arguments go to the generator (see --help)
#   bench/run.sh --phases=timetravel   # issue 5: state of a 10,000-event journey at random sequences
#   bench/run.sh --phases=replay       # issue 5: one view rebuilt over REPLAY_EVENTS (1,000,000) events loaded
#                                      # by JDBC into the stopped engine (alone: it restarts the engine)
#   bench/run.sh --database=postgres   # the same on PostgreSQL (or DATABASE=postgres): the engine with the postgres
#                                      # profile on a fresh database journey_bench_<time> of 127.0.0.1:5432 (user
#                                      # postgres, trust), the storage ceiling in another fresh one; both dropped after
#   PROFILE=1 bench/run.sh          # 60 s of single touchpoints under Java Flight Recorder, then its hot spots
#                                   # (PROFILE_PHASE=batch: 60 s of batches instead)
#
# SIMULATE_CUSTOMERS=N runs the journey simulator for N customers first (SIMULATE_SEED, default 42), so the read
# side phase measures on realistic data:  SIMULATE_CUSTOMERS=5000 BENCH_TIMEOUT=3600 bench/run.sh \
#   --phases=batch,readside --customers=100000
#
# Environment: BUILD=auto|always|never (default auto: build when a jar is missing or older than the sources),
# APP_JAVA_OPTS (extra JVM options of the engine), JFR_FILE (PROFILE=1 recording, default /tmp/journey-bench.jfr),
# JFR_SETTINGS (PROFILE=1: default or profile, or a .jfc file),
# BENCH_TIMEOUT (seconds, default 270), REPLAY_EVENTS (events loaded for --phases=replay, default 1000000),
# DATABASE=h2|postgres (default h2; --database= overrides), PG_HOST/PG_PORT/PG_USER (127.0.0.1, 5432, postgres).
set -euo pipefail

DATABASE="${DATABASE:-h2}"
ARGS=()
for arg in "$@"; do
  case "$arg" in
    --database=*) DATABASE="${arg#--database=}" ;;
    *) ARGS+=("$arg") ;;
  esac
done
set -- ${ARGS[@]+"${ARGS[@]}"}
[[ "$DATABASE" == h2 || "$DATABASE" == postgres ]] || { echo "--database is h2 or postgres" >&2; exit 2; }
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP_JAR="$ROOT/journey-api/target/journey-api.jar"
BENCH_JAR="$ROOT/bench/target/journey-bench.jar"
DDL="$ROOT/journey-api/src/main/resources/db/migration/h2/V1__event_store.sql"
[[ "$DATABASE" == postgres ]] && DDL="$ROOT/journey-api/src/main/resources/db/migration/postgresql/V1__event_store.sql"
BUILD="${BUILD:-auto}"
PROFILE="${PROFILE:-0}"
JFR_FILE="${JFR_FILE:-/tmp/journey-bench.jfr}"
BENCH_TIMEOUT="${BENCH_TIMEOUT:-270}"
export AXONIQ_UPDATE_CHECKER_DISABLED=true

stale() {
  [[ ! -f "$APP_JAR" || ! -f "$BENCH_JAR" ]] && return 0
  local newer
  newer="$(find "$ROOT/pom.xml" "$ROOT"/journey-*/pom.xml "$ROOT"/journey-*/src/main \
                -type f -newer "$APP_JAR" -print -quit 2>/dev/null)"
  [[ -n "$newer" ]] && return 0
  newer="$(find "$ROOT/bench/pom.xml" "$ROOT/bench/src/main" -type f -newer "$BENCH_JAR" -print -quit 2>/dev/null)"
  [[ -n "$newer" ]]
}

if [[ "$BUILD" == always ]] || { [[ "$BUILD" == auto ]] && stale; }; then
  echo "building: mvn -B -q install -Dmaven.test.skip=true"
  (cd "$ROOT" && mvn -B -q -Dstyle.color=never install -Dmaven.test.skip=true)
fi
[[ -f "$APP_JAR" && -f "$BENCH_JAR" ]] || { echo "missing $APP_JAR or $BENCH_JAR (BUILD=$BUILD)" >&2; exit 1; }

port_free() {
  ! ss -Htln "sport = :$1" 2>/dev/null | grep -q .
}
PORT=""
for p in $(seq 18080 18099); do
  if port_free "$p"; then PORT="$p"; break; fi
done
[[ -n "$PORT" ]] || { echo "no free port in 18080-18099" >&2; exit 1; }

WORK="$(mktemp -d /tmp/journey-bench.XXXXXX)"
APP_PID=""
PG_DB=""
PG_CEILING_DB=""
cleanup() {
  local rc=$?
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  if [[ $rc -ne 0 && -f "$WORK/app.log" ]]; then
    local kept="/tmp/journey-bench-engine-$(date +%Y%m%d-%H%M%S).log"
    cp "$WORK/app.log" "$kept" 2>/dev/null || true
    echo "--- last lines of the engine log (whole log kept in $kept) ---" >&2
    tail -n 20 "$WORK/app.log" >&2 || true
  fi
  rm -rf "$WORK"
  for db in "$PG_DB" "$PG_CEILING_DB"; do
    [[ -n "$db" ]] && dropdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" --if-exists "$db" 2>/dev/null || true
  done
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== machine"
echo "cpus:   $(nproc) ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'))"
echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "kernel: $(uname -sr)"
echo "java:   $(java -version 2>&1 | tr '\n' ' ')"
echo "load:   $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) before the run"

DB_OPTS=()
if [[ "$DATABASE" == postgres ]]; then
  # A fresh database for the engine (Flyway builds it on start) and another, empty but for the event store DDL, for
  # the storage ceiling: on the same server, never touching what the engine stores.
  PG_DB="journey_bench_$(date +%Y%m%d%H%M%S)_$$"
  PG_CEILING_DB="${PG_DB}_ceiling"
  createdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$PG_DB"
  createdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$PG_CEILING_DB"
  PG_URL="jdbc:postgresql://$PG_HOST:$PG_PORT"
  DB_OPTS=(--spring.profiles.active=postgres)
  export JOURNEY_DB_URL="$PG_URL/$PG_DB" JOURNEY_DB_USER="$PG_USER" JOURNEY_DB_PASSWORD=""
  echo "postgres: $(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -Atc 'SHOW server_version' postgres 2>/dev/null)," \
       "engine database $PG_DB, ceiling database $PG_CEILING_DB"
fi

# Run copies: somebody rebuilding the project meanwhile must not pull the jars from under the running JVMs.
cp "$APP_JAR" "$WORK/journey-api.jar"
cp "$BENCH_JAR" "$WORK/journey-bench.jar"
cp -r "$ROOT/bench/target/classes" "$WORK/bench-classes"

echo
echo "== engine: port $PORT, data $WORK/data, database $DATABASE"
echo "jar:    journey-api.jar of $(date -u -r "$APP_JAR" '+%Y-%m-%d %H:%M:%S UTC')," \
     "sha256 $(sha256sum "$APP_JAR" | cut -c1-12)"
JFR_OPTS=""
if [[ "$PROFILE" == 1 ]]; then
  # Recording from the start: starting one later (jcmd JFR.start) halves this engine's throughput for the rest of
  # the run. The generator dumps the measured minute of it (jcmd JFR.dump begin= end=).
  JFR_OPTS="-XX:StartFlightRecording=name=bench,settings=${JFR_SETTINGS:-default},maxage=15m"
  JFR_OPTS+=" -XX:FlightRecorderOptions=stackdepth=128"
fi
# The benchmark speaks with the bootstrap key, which has every role and no rate limit.
# journey.bench.open-noop: the no-op outside the security chain too, for the same-run cost of checking keys.
export JOURNEY_BENCH_KEY="${JOURNEY_BENCH_KEY:-bench-bootstrap-key-0123456789abcdefghij}"
start_engine() {
  # shellcheck disable=SC2086
  JOURNEY_BOOTSTRAP_KEY="$JOURNEY_BENCH_KEY" \
  java ${APP_JAVA_OPTS:-} $JFR_OPTS -Daxoniq.update-checker.disabled=true -Djourney.data-dir="$WORK/data" \
       -Djourney.bench.open-noop=true -jar "$WORK/journey-api.jar" --server.port="$PORT" --server.address=127.0.0.1 \
       ${DB_OPTS[@]+"${DB_OPTS[@]}"} >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  local started
  started=$(date +%s)
  until curl -fsS --max-time 2 "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the engine exited during startup" >&2; exit 1; }
    (( $(date +%s) - started < 120 )) || { echo "the engine was not healthy within 120 s" >&2; exit 1; }
    sleep 0.5
  done
  echo "healthy after $(( $(date +%s) - started )) s (pid $APP_PID)"
}
stop_engine() {
  kill -TERM "$APP_PID" 2>/dev/null || true
  for _ in $(seq 1 120); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}
start_engine

if [[ "${SIMULATE_CUSTOMERS:-0}" -gt 0 ]]; then
  # Realistic variety before the measured phases (codes, conversations, returns, abandoned carts): the journey
  # simulator of the application jar, through the public API (docs/simulator.md).
  echo
  echo "== journey simulator: $SIMULATE_CUSTOMERS customers, seed ${SIMULATE_SEED:-42} (not measured)"
  sim_started=$(date +%s)
  java -jar "$WORK/journey-api.jar" simulate --base="http://127.0.0.1:$PORT" --key="$JOURNEY_BENCH_KEY" \
       --customers="$SIMULATE_CUSTOMERS" --seed="${SIMULATE_SEED:-42}" --batch-size=500 | tail -n 3 \
    || { echo "the simulator failed" >&2; exit 1; }
  echo "simulated in $(( $(date +%s) - sim_started )) s"
fi

BENCH_ARGS=(--port="$PORT" --server-pid="$APP_PID" --ddl="$DDL")
[[ "$DATABASE" == postgres ]] && BENCH_ARGS+=(--storage-url="$PG_URL/$PG_CEILING_DB?reWriteBatchedInserts=true" --storage-user="$PG_USER")
if [[ "$PROFILE" == 1 ]]; then
  # The generator dumps the engine's recording for exactly the measured minute (jcmd JFR.dump).
  case "${PROFILE_PHASE:-single}" in
    single) BENCH_ARGS+=(--phases=single --ceilings=false --single=300000 --max-seconds=60) ;;
    batch)  BENCH_ARGS+=(--phases=batch --ceilings=false --batches=600 --max-seconds=60) ;;
    *) echo "PROFILE_PHASE is single or batch" >&2; exit 2 ;;
  esac
  rm -f "$JFR_FILE" "$JFR_FILE.window"
  BENCH_ARGS+=(--record="$JFR_FILE")
fi
BENCH_ARGS+=("$@")

rc=0
echo
if [[ " $* " == *" --phases=replay "* ]]; then
  # The replay phase (issue 5) rebuilds one view over REPLAY_EVENTS events (default a million). They are written by
  # JDBC into the stopped engine's H2 file (ReplayLoad: valid journeys in the engine's stored format, every
  # processor's token set to the end), the JDBC read rate of the table is measured as the ceiling, then the engine
  # starts again and the view is rebuilt through POST /api/admin/projections/{view}/replay.
  echo "== stopping the engine to load the store"
  stop_engine
  load_log="$WORK/replay-load.log"
  LOAD_TARGET=(--data="$WORK/data")
  [[ "$DATABASE" == postgres ]] && LOAD_TARGET=(--db-url="$PG_URL/$PG_DB" --db-user="$PG_USER")
  java -jar "$WORK/journey-bench.jar" --load-events="${REPLAY_EVENTS:-1000000}" "${LOAD_TARGET[@]}" | tee "$load_log"
  ceiling="$(sed -n 's/^REPLAY_CEILING=//p' "$load_log")"
  echo
  echo "== engine restarted on the loaded store"
  start_engine
  BENCH_ARGS=("${BENCH_ARGS[@]/#--server-pid=*/--server-pid=$APP_PID}")
  BENCH_ARGS+=(--replay-ceiling="${ceiling:-0}" --prewarm-seconds=0)
fi
timeout "$BENCH_TIMEOUT" java -jar "$WORK/journey-bench.jar" "${BENCH_ARGS[@]}" || rc=$?
if [[ "$PROFILE" == 1 && -f "$JFR_FILE" ]]; then
  echo
  echo "== JFR hot spots ($JFR_FILE)"
  java -cp "$WORK/bench-classes" io.journeyengine.bench.JfrHotSpots "$JFR_FILE" 40 || true
fi
[[ $rc -eq 124 ]] && echo "the generator hit the ${BENCH_TIMEOUT}s time limit" >&2
echo "load:   $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) after the run"
if grep -qE 'ERROR|Exception' "$WORK/app.log"; then
  echo
  echo "engine log has $(grep -cE 'ERROR|Exception' "$WORK/app.log") ERROR/Exception lines; first ones:"
  grep -m 10 -E 'ERROR|Exception|Caused by' "$WORK/app.log" | cut -c1-300
fi
exit $rc
