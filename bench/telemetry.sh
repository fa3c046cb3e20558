#!/usr/bin/env bash
# Plugin heartbeat numbers (issue 5, telemetry): sustained heartbeats/s from INSTALLS distinct installations of
# MERCHANTS merchants with p50/p90/p99/max, the same server's requests/s for a no-op endpoint in the same run (and
# the ratio), what the hub answers beyond capacity (429/503 with Retry-After, no timeouts, no piled-up
# connections), and whether every 200 was committed (the hub is killed with SIGKILL after the load and its
# database is read).
#
# Usage: bench/telemetry.sh [--postgres]
#   env DB=derby|postgres   the hub's database (--postgres is DB=postgres): embedded Derby, or a fresh database
#                           PG_DATABASE on the machine's PostgreSQL (PG_HOST=127.0.0.1 PG_PORT=5432 PG_USER=postgres,
#                           trust auth), dropped at the end unless KEEP_DB=1
#       INSTALLS=100000 MERCHANTS=100   installs; install i belongs to merchant i % MERCHANTS
#       THREADS=2 CONNECTIONS=64 TIMEOUT=5s   wrk's -t, -c and --timeout of the measured runs (5 s: WordPress's
#                                             default HTTP timeout, what a plugin waits)
#       POPULATE_MAX=900        seconds at most for the first pass that creates every installation
#       WARMUP=20s DURATION=60s heartbeats: warm-up, then measured
#       NOOP_PATH=/system/ping  the no-op endpoint (under /api/v1); NOOP_WARMUP=10s, then DURATION measured
#       OVERLOAD_CONNECTIONS=8192 OVERLOAD_DURATION=30s   the overload run (wrk keeps one request in flight per
#                               connection, so going beyond capacity takes many connections)
#       TARGET_RPS (5000 on Derby, 10000 on PostgreSQL) TARGET_P99_MS=50 TARGET_RATIO=0.5
#       SITEKEEPER_HEAP=1g      the hub's heap (bin/setenv)
#   Quick trial: INSTALLS=20000 WARMUP=10s DURATION=20s NOOP_WARMUP=5s OVERLOAD_DURATION=15s bench/telemetry.sh
#
# Needs: a built distribution (mvn -B -DskipTests install), curl, a JDK 17 (java runs bench/DerbyQuery.java from
# source for the Derby check), wrk (installed with apt-get when missing and run as root), ss; psql for
# --postgres. Everything runs on 127.0.0.1, load generator included. Phases, each a wrk run of
# bench/telemetry-heartbeat.lua (which builds seed 002 heartbeats signed with each merchant's key):
#   keys      MERCHANTS keys over POST /api/v1/plugins/keys (admin), latest versions registered per CMS;
#   populate  every install once (creates the installations), CONNECTIONS connections;
#   warmup    WARMUP of heartbeats; measure: DURATION of heartbeats, --latency;
#   noop      NOOP_WARMUP then DURATION of GET NOOP_PATH with the same wrk settings and script bookkeeping;
#   overload  OVERLOAD_DURATION of heartbeats over OVERLOAD_CONNECTIONS connections; the sockets of the hub's port
#             and its threads sampled every second, GET /api/v1/system/health probed one after the other; the
#             sockets again 5 s after;
#   check     total_count of GET /api/v1/plugins/stats/overview; then SIGKILL, and COUNT(*), SUM(heartbeat_count)
#             read from the database: the installations must be the distinct installation ids answered 200,
#             and the heartbeats counted at least the 200 answers.
# Prints a Markdown report; raw outputs (wrk's, the script's numbers *.kv, samples, karaf.log) go to
# bench/results/<stamp>/ (ignored by git). Merchant keys stay in the temporary directory.
set -euo pipefail

DB=${DB:-derby}
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) DB=postgres; shift ;;
    --derby) DB=derby; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$DB" in derby|postgres) ;; *) echo "DB is derby or postgres, not $DB" >&2; exit 2 ;; esac

INSTALLS=${INSTALLS:-100000}
MERCHANTS=${MERCHANTS:-100}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
TIMEOUT=${TIMEOUT:-5s}
POPULATE_MAX=${POPULATE_MAX:-900}
WARMUP=${WARMUP:-20s}
DURATION=${DURATION:-60s}
NOOP_PATH=${NOOP_PATH:-/system/ping}
NOOP_WARMUP=${NOOP_WARMUP:-10s}
OVERLOAD_CONNECTIONS=${OVERLOAD_CONNECTIONS:-8192}
OVERLOAD_DURATION=${OVERLOAD_DURATION:-30s}
if [ "$DB" = postgres ]; then TARGET_RPS=${TARGET_RPS:-10000}; else TARGET_RPS=${TARGET_RPS:-5000}; fi
TARGET_P99_MS=${TARGET_P99_MS:-50}
TARGET_RATIO=${TARGET_RATIO:-0.5}
PG_HOST=${PG_HOST:-127.0.0.1} PG_PORT=${PG_PORT:-5432} PG_USER=${PG_USER:-postgres}
PG_DATABASE=${PG_DATABASE:-sitekeeper_bench}
KEEP_DB=${KEEP_DB:-0}
for n in "$INSTALLS" "$MERCHANTS" "$THREADS" "$CONNECTIONS" "$POPULATE_MAX" "$OVERLOAD_CONNECTIONS" "$TARGET_P99_MS"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "not a positive whole number: $n" >&2; exit 2; }
done
for d in "$TIMEOUT" "$WARMUP" "$DURATION" "$NOOP_WARMUP" "$OVERLOAD_DURATION"; do
  [[ "$d" =~ ^[0-9]+[smh]?$ ]] || { echo "not a wrk duration (like 30s, 2m): $d" >&2; exit 2; }
done
[[ "$PG_DATABASE" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "PG_DATABASE: lower-case letters, digits and _" >&2; exit 2; }
[ "$INSTALLS" -ge "$MERCHANTS" ] || { echo "fewer installs than merchants" >&2; exit 2; }

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q wrk >/dev/null; else echo "install wrk (apt-get install wrk)" >&2; exit 1; fi
fi
for tool in curl java ss; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
psql_() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$@"; }
if [ "$DB" = postgres ]; then
  command -v psql >/dev/null || { echo "needs psql (apt-get install postgresql-client)" >&2; exit 1; }
  psql_ -d postgres -Atc 'SELECT 1' >/dev/null || { echo "PostgreSQL on $PG_HOST:$PG_PORT does not answer" >&2; exit 1; }
fi
# wrk opens one socket per connection
[ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -gt $((OVERLOAD_CONNECTIONS + 256)) ] ||
  ulimit -n $((OVERLOAD_CONNECTIONS + 256)) 2>/dev/null ||
  { echo "open files limit $(ulimit -n) is too low for $OVERLOAD_CONNECTIONS connections" >&2; exit 1; }

# shellcheck source=lib/hub.sh
. "$(dirname "$0")/lib/hub.sh"
LUA="$ROOT/bench/telemetry-heartbeat.lua"
URL="http://127.0.0.1:$HTTP"

WRK_PID='' SAMPLER_PID='' PROBE_PID='' DB_CREATED=''
drop_db() {
  psql_ -d postgres -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$PG_DATABASE'" \
    >/dev/null 2>&1 || true
  psql_ -d postgres -c "DROP DATABASE IF EXISTS $PG_DATABASE" >/dev/null
}
bench_cleanup() {
  [ -z "$WRK_PID" ] || kill "$WRK_PID" 2>/dev/null || true
  [ -z "$SAMPLER_PID" ] || kill "$SAMPLER_PID" 2>/dev/null || true
  [ -z "$PROBE_PID" ] || kill "$PROBE_PID" 2>/dev/null || true
  [ ! -f "$HUB/data/log/karaf.log" ] || cp "$HUB/data/log/karaf.log" "$OUT/karaf.log" 2>/dev/null || true
  cleanup
  if [ -n "$DB_CREATED" ] && [ "$KEEP_DB" != 1 ]; then drop_db || echo "could not drop $PG_DATABASE" >&2; fi
}
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

CLK_TCK=$(getconf CLK_TCK)
cpu_ms() { sed 's/^.*) //' "/proc/$1/stat" | awk -v hz="$CLK_TCK" '{printf "%.0f", ($12 + $13) * 1000 / hz}'; }
# CPU (user + system, ms) of this shell's finished children so far: wrk's, when taken around one wrk run
children_cpu_ms() {
  times >"$WORK/times" # in this shell: in $(...) it would be the subshell's children
  tail -n 1 "$WORK/times" | awk '{
    t = 0
    for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); t += p[1] * 60000 + p[2] * 1000 }
    printf "%.0f", t }'
}
now_ms() { date +%s%3N; }
calc() { awk "BEGIN {printf \"$1\", $2}"; }
# kv PHASE KEY: a number of PHASE.kv (empty when missing)
kv() { sed -n "s/^$2=//p" "$OUT/$1.kv" 2>/dev/null | head -n 1; }
kn() { local x; x=$(kv "$@"); echo "${x:-0}"; }
ms() { local x; x=$(kv "$1" "$2"); if [ -z "$x" ]; then echo "–"; else calc "%.1f ms" "$x / 1000"; fi; }
group() { printf "%s" "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
field() { grep -o "\"$1\":\(\"[^\"]*\"\|[^,}]*\)" <<<"$2" | head -n 1 | cut -d: -f2- | tr -d '"' || true; }
post() { curl -s --max-time 30 -o "$WORK/answer.json" -w '%{http_code}' -H "$AUTH" -H 'Content-Type: application/json' \
  -d "$2" "$BASE$1"; }

# ---------------------------------------------------------------------------------------------------- the hub
if [ "$DB" = postgres ]; then
  drop_db
  psql_ -d postgres -c "CREATE DATABASE $PG_DATABASE" >/dev/null
  DB_CREATED=1
  pool=$(grep '^ *pool\.' "$HUB/etc/org.ops4j.datasource-sitekeeper.cfg" || true)
  cat >"$HUB/etc/org.ops4j.datasource-sitekeeper.cfg" <<EOF
osgi.jdbc.driver.name = PostgreSQL JDBC Driver
url = jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DATABASE
user = $PG_USER
dataSourceName = sitekeeper
pool = dbcp2
xa = false
$pool
EOF
  DB_LINE="PostgreSQL $(psql_ -d postgres -Atc 'SHOW server_version' | cut -d' ' -f1) on $PG_HOST:$PG_PORT (synchronous_commit=$(psql_ -d postgres -Atc 'SHOW synchronous_commit'), fsync=$(psql_ -d postgres -Atc 'SHOW fsync'), autovacuum=$(psql_ -d postgres -Atc 'SHOW autovacuum'))"
else
  DB_LINE="embedded Derby $(find "$HUB/system/org/apache/derby/derby" -mindepth 1 -maxdepth 1 -printf '%f\n' | head -n 1) (default durability: every commit synced)"
fi
READY_PATH=/plugins/stats/overview start_hub
echo "hub ready in $READY s ($DB)"

# the REST resources come up one by one: wait for the public health endpoint too
t0=$(now_ms)
for _ in $(seq 1 600); do
  code=$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' "$BASE/system/health" || true)
  [ "$code" != 200 ] || break
  sleep 0.1
done
[ "$code" = 200 ] || { echo "GET $BASE/system/health answered $code for 60 s" >&2; exit 1; }
[ "$(( $(now_ms) - t0 ))" -lt 1000 ] || echo "  (GET /api/v1/system/health answered 200 only $(( $(now_ms) - t0 )) ms after the hub was ready)"
NOOP_NOTE=
code=$(curl -s --max-time 10 -o "$WORK/noop.json" -w '%{http_code}' "$BASE$NOOP_PATH" || true)
if [ "$code" != 200 ] && [ "$NOOP_PATH" = /system/ping ]; then
  NOOP_NOTE="\`GET /api/v1/system/ping\` answered $code: the no-op runs used \`GET /api/v1/system/health\` (public, cached for 1 s) instead."
  echo "$NOOP_NOTE" >&2
  NOOP_PATH=/system/health
  code=$(curl -s --max-time 10 -o "$WORK/noop.json" -w '%{http_code}' "$BASE$NOOP_PATH" || true)
fi
[ "$code" = 200 ] || { echo "GET $BASE$NOOP_PATH answered $code" >&2; exit 1; }

# ------------------------------------------------------------------------------------- keys and versions
echo "creating $MERCHANTS merchant keys"
: >"$WORK/keys.txt"
for m in $(seq 1 "$MERCHANTS"); do
  merchant=$(cat /proc/sys/kernel/random/uuid)
  code=$(post /plugins/keys "{\"merchant_id\":\"$merchant\",\"merchant_name\":\"Bench Shop $m\",\"merchant_email\":\"shop-$m@example.com\"}")
  key=$(grep -o '"key":"mk_[^"]*"' "$WORK/answer.json" | cut -d'"' -f4 || true)
  if [ "$code" != 201 ] || [ -z "$key" ]; then
    echo "POST /plugins/keys answered $code: $(head -c 300 "$WORK/answer.json")" >&2; exit 1
  fi
  echo "$merchant $key" >>"$WORK/keys.txt"
done
for cms in woocommerce prestashop magento opencart; do
  code=$(post /plugins/versions "{\"cms\":\"$cms\",\"version\":\"1.3.5\",\"is_latest\":true,\"is_security\":false,\"release_notes\":\"bench\",\"released_at\":\"2026-11-01T00:00:00Z\"}")
  [ "$code" = 201 ] || echo "POST /plugins/versions ($cms) answered $code: $(head -c 300 "$WORK/answer.json")" >&2
done

# ------------------------------------------------------------------------------------------------ wrk runs
SEED=0
# run_wrk PHASE MODE CONNECTIONS DURATION: one run of the Lua script; wrk's output in PHASE.txt, the script's
# numbers in PHASE.kv, the installation ids answered 200 in WORK/ids-PHASE.txt; sets CPU_HUB and CPU_WRK
# (cores used during the run). In the background (for populate) when BACKGROUND=1.
run_wrk() {
  local phase=$1 mode=$2 c=$3 d=$4 h0 w0 t0 t1
  SEED=$((SEED + 1))
  export TB_MODE=$mode TB_KEYS="$WORK/keys.txt" TB_INSTALLS=$INSTALLS TB_THREADS=$THREADS TB_SEED=$SEED \
    TB_PATH="/api/v1$NOOP_PATH" TB_RESULT="$OUT/$phase.kv" TB_IDS="$WORK/ids-$phase.txt" TB_MARKER="$WORK/done-$phase"
  if [ "${BACKGROUND:-0}" = 1 ]; then
    wrk -t"$THREADS" -c"$c" -d"$d" --timeout "$TIMEOUT" --latency -s "$LUA" "$URL" >"$OUT/$phase.txt" 2>&1 &
    WRK_PID=$!
    return 0
  fi
  children_cpu_ms >"$WORK/w0"
  h0=$(cpu_ms "$PID") w0=$(<"$WORK/w0") t0=$(now_ms)
  if ! wrk -t"$THREADS" -c"$c" -d"$d" --timeout "$TIMEOUT" --latency -s "$LUA" "$URL" >"$OUT/$phase.txt" 2>&1 ||
    [ ! -s "$OUT/$phase.kv" ]; then
    echo "wrk ($phase) failed:" >&2; tail -n 20 "$OUT/$phase.txt" >&2; exit 1
  fi
  t1=$(now_ms)
  CPU_HUB=$(calc %.2f "($(cpu_ms "$PID") - $h0) / ($t1 - $t0)")
  children_cpu_ms >"$WORK/w1"
  CPU_WRK=$(calc %.2f "($(<"$WORK/w1") - $w0) / ($t1 - $t0)")
  echo "cpu_hub_cores=$CPU_HUB" >>"$OUT/$phase.kv"
  echo "cpu_wrk_cores=$CPU_WRK" >>"$OUT/$phase.kv"
  kill -0 "$PID" 2>/dev/null || { echo "the hub exited during $phase" >&2; exit 1; }
}
# summary PHASE: one line for the console
summary() {
  echo "  $1: $(kv "$1" rps) req/s, p50 $(ms "$1" latency_p50_us), p99 $(ms "$1" latency_p99_us), max $(ms "$1" latency_max_us);" \
    "answers $(kv "$1" statuses); socket errors connect $(kn "$1" errors_connect), read $(kn "$1" errors_read)," \
    "write $(kn "$1" errors_write), timeout $(kn "$1" errors_timeout); hub $(kv "$1" cpu_hub_cores) cores, wrk $(kv "$1" cpu_wrk_cores)"
}

echo "populate: every one of $INSTALLS installs once ($CONNECTIONS connections, at most $POPULATE_MAX s)"
rm -f "$WORK"/done-populate.*
t0=$(now_ms) h0=$(cpu_ms "$PID")
BACKGROUND=1 run_wrk populate populate "$CONNECTIONS" "${POPULATE_MAX}s"
while kill -0 "$WRK_PID" 2>/dev/null; do
  [ "$(find "$WORK" -maxdepth 1 -name 'done-populate.*' | wc -l)" -lt "$THREADS" ] || break
  kill -0 "$PID" 2>/dev/null || { echo "the hub exited during populate" >&2; exit 1; }
  sleep 0.5
done
t1=$(now_ms)
POPULATE_S=$(calc %.1f "($t1 - $t0) / 1000")
echo "cpu_hub_cores=$(calc %.2f "($(cpu_ms "$PID") - $h0) / ($t1 - $t0)")" >"$WORK/populate-cpu.kv"
kill -INT "$WRK_PID" 2>/dev/null || true
wait "$WRK_PID" || true
WRK_PID=''
[ -s "$OUT/populate.kv" ] || { echo "wrk (populate) failed:" >&2; tail -n 20 "$OUT/populate.txt" >&2; exit 1; }
cat "$WORK/populate-cpu.kv" >>"$OUT/populate.kv"
POPULATE_COUNT=$(field total_count "$(curl -s --max-time 60 -H "$AUTH" "$BASE/plugins/stats/overview")")
echo "  $(group "$(kn populate status_200)") installs answered 200 in $POPULATE_S s ($(calc %.0f "$(kn populate status_200) / $POPULATE_S")/s), total_count $POPULATE_COUNT; answers $(kv populate statuses)"

echo "heartbeats: warm-up $WARMUP, then $DURATION measured ($THREADS threads, $CONNECTIONS connections)"
run_wrk warmup heartbeat "$CONNECTIONS" "$WARMUP"; summary warmup
run_wrk measure heartbeat "$CONNECTIONS" "$DURATION"; summary measure

echo "no-op GET /api/v1$NOOP_PATH: warm-up $NOOP_WARMUP, then $DURATION measured"
run_wrk noop-warmup noop "$CONNECTIONS" "$NOOP_WARMUP"
run_wrk noop noop "$CONNECTIONS" "$DURATION"; summary noop

# sockets: connections of the hub's port (established, and closing ones the hub has not closed yet), its accept
# queue and the hub's threads
sockets() {
  printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%H:%M:%S)" \
    "$(ss -Htn state established "( sport = :$HTTP )" | wc -l)" \
    "$(ss -Htn state close-wait "( sport = :$HTTP )" | wc -l)" \
    "$(ss -Hltn "( sport = :$HTTP )" | awk 'NR == 1 {print $2}')" \
    "$(awk '/^Threads/ {print $2}' "/proc/$PID/status" 2>/dev/null)"
}
echo "overload: $OVERLOAD_DURATION over $OVERLOAD_CONNECTIONS connections"
printf 'time\testablished\tclose_wait\taccept_queue\thub_threads\n' >"$OUT/overload-sockets.tsv"
printf 'time\tstatus\tseconds\n' >"$OUT/overload-probe.tsv"
(while true; do sockets >>"$OUT/overload-sockets.tsv"; sleep 1; done) &
SAMPLER_PID=$!
(while true; do
  printf '%s\t%s\n' "$(date -u +%H:%M:%S)" \
    "$(curl -s --max-time 10 -o /dev/null -w '%{http_code}\t%{time_total}' "$BASE/system/health" || true)"
  sleep 0.5
done >>"$OUT/overload-probe.tsv") &
PROBE_PID=$!
run_wrk overload heartbeat "$OVERLOAD_CONNECTIONS" "$OVERLOAD_DURATION"
kill "$SAMPLER_PID" "$PROBE_PID" 2>/dev/null || true
wait "$SAMPLER_PID" "$PROBE_PID" 2>/dev/null || true
SAMPLER_PID='' PROBE_PID=''
summary overload
sleep 5
AFTER=$(sockets)
printf 'after the run:\n%s\n' "$AFTER" >>"$OUT/overload-sockets.tsv"
col() { awk -F'\t' -v c="$2" 'NR > 1 && NF > 2 && $c != "" {print $c}' "$1"; }
max_of() { col "$@" | sort -g | tail -n 1; }
MAX_ESTABLISHED=$(max_of "$OUT/overload-sockets.tsv" 2)
MAX_CLOSE_WAIT=$(max_of "$OUT/overload-sockets.tsv" 3)
MAX_ACCEPT_QUEUE=$(max_of "$OUT/overload-sockets.tsv" 4)
MAX_THREADS=$(max_of "$OUT/overload-sockets.tsv" 5)
PROBES=$(col "$OUT/overload-probe.tsv" 2 | wc -l)
PROBES_OK=$(col "$OUT/overload-probe.tsv" 2 | awk '$1 == 200' | wc -l)
PROBE_MAX=$(max_of "$OUT/overload-probe.tsv" 3)
AFTER_ESTABLISHED=$(cut -f2 <<<"$AFTER") AFTER_CLOSE_WAIT=$(cut -f3 <<<"$AFTER")
HEALTH=$(curl -s --max-time 30 "$BASE/system/health" || true)
echo "$HEALTH" >"$OUT/health-end.json"
WRITER=$(grep -o '"telemetry":{[^}]*}' <<<"$HEALTH" | grep -o '"detail":"[^"]*"' | cut -d'"' -f4 || true)

# ------------------------------------------------------------------------------------------- durability
OVERVIEW=$(curl -s --max-time 120 -H "$AUTH" "$BASE/plugins/stats/overview")
echo "$OVERVIEW" >"$OUT/overview.json"
REST_TOTAL=$(field total_count "$OVERVIEW")
RSS=$(rss_mb)
cat "$WORK"/ids-populate.txt "$WORK"/ids-warmup.txt "$WORK"/ids-measure.txt "$WORK"/ids-overload.txt 2>/dev/null |
  sort -u >"$WORK/ids-all.txt"
DISTINCT=$(wc -l <"$WORK/ids-all.txt")
OK_TOTAL=0
for phase in populate warmup measure overload; do OK_TOTAL=$((OK_TOTAL + $(kn "$phase" status_200))); done
echo "killing the hub (SIGKILL) and reading its database"
kill -9 "$PID" 2>/dev/null || true
for _ in $(seq 1 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
PID=''
SQL="SELECT COUNT(*), SUM(heartbeat_count) FROM telemetry_installation"
if [ "$DB" = postgres ]; then
  ROW=$(psql_ -d "$PG_DATABASE" -At -F $'\t' -c "$SQL")
else
  DERBY_JAR=$(find "$HUB/system/org/apache/derby/derby" -name 'derby-*.jar' | head -n 1)
  ROW=$(java -cp "$DERBY_JAR" "$ROOT/bench/DerbyQuery.java" "jdbc:derby:$HUB/data/derby/sitekeeper" "$SQL")
fi
DB_COUNT=$(cut -f1 <<<"$ROW") DB_SUM=$(cut -f2 <<<"$ROW")
cp "$HUB/data/log/karaf.log" "$OUT/karaf.log" 2>/dev/null || true
LOG_ERRORS=$(grep -c '| *ERROR *|' "$OUT/karaf.log" 2>/dev/null || true)
LOG_WARNS=$(grep -c '| *WARN *|' "$OUT/karaf.log" 2>/dev/null || true)

# --------------------------------------------------------------------------------------------- verdicts
RPS=$(kn measure rps) NOOP_RPS=$(kn noop rps)
RATIO=$(calc %.2f "$RPS / ($NOOP_RPS > 0 ? $NOOP_RPS : 1)")
P99_MS=$(calc %.1f "$(kn measure latency_p99_us) / 1000")
yes_no() { if [ "$(calc %d "($1)")" = 1 ]; then echo "met"; else echo "**missed**"; fi; }
V_RPS=$(yes_no "$RPS >= $TARGET_RPS")
V_P99=$(yes_no "$P99_MS <= $TARGET_P99_MS")
V_RATIO=$(yes_no "$RATIO >= $TARGET_RATIO")
measure_bad=$(( $(kn measure status_other) + $(kn measure status_429) + $(kn measure status_503) ))
measure_sock=$(( $(kn measure errors_connect) + $(kn measure errors_read) + $(kn measure errors_write) + $(kn measure errors_timeout) ))
V_CLEAN=$(yes_no "$measure_bad + $measure_sock + $(kn measure bad_body) == 0")
o_sock=$(( $(kn overload errors_connect) + $(kn overload errors_read) + $(kn overload errors_write) + $(kn overload errors_timeout) ))
o_shed=$(( $(kn overload status_429) + $(kn overload status_503) ))
V_OVERLOAD=$(yes_no "$o_sock == 0 && $(kn overload status_other) == 0 && $(kn overload no_retry_after) == 0 && ${AFTER_ESTABLISHED:-0} == 0 && ${AFTER_CLOSE_WAIT:-0} == 0")
# nothing refused and nothing failed: the run did not take the hub beyond capacity
[ "$o_shed" != 0 ] || [ "$V_OVERLOAD" != met ] || V_OVERLOAD="met, but nothing was refused: not beyond capacity"
V_DURABLE=$(yes_no "${DB_COUNT:-0} == $DISTINCT && ${DB_SUM:-0} >= $OK_TOTAL && ${REST_TOTAL:-0} == ${DB_COUNT:--1}")

# ----------------------------------------------------------------------------------------------- report
os=$(. /etc/os-release && echo "$PRETTY_NAME")
{
  echo "## Telemetry heartbeats ($DB), $(date -u +%Y-%m-%d)"
  echo
  echo "Machine: $(machine), $os; $DB_LINE;"
  echo "hub heap ${SITEKEEPER_HEAP:-1g}. Load generator wrk $(wrk -v 2>&1 | head -n 1 | awk '{print $2}') on the same machine"
  echo "(\`bench/telemetry-heartbeat.lua\`): $(group "$INSTALLS") installs of $MERCHANTS merchants, each heartbeat signed with its merchant's key;"
  echo "$THREADS threads, $CONNECTIONS connections, --timeout $TIMEOUT; warm-up $WARMUP, measured $DURATION."
  echo
  echo "| run | requests/s | p50 | p90 | p99 | max | answers | socket errors (connect/read/write/timeout) | hub / wrk cores |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for phase in populate measure noop overload; do
    case "$phase" in
      populate) name="first pass: creates the $(group "$INSTALLS") installations (${POPULATE_S} s)" ;;
      measure) name="**heartbeats**, $CONNECTIONS connections" ;;
      noop) name="no-op \`GET /api/v1$NOOP_PATH\`, $CONNECTIONS connections" ;;
      overload) name="overload: heartbeats, $OVERLOAD_CONNECTIONS connections, $OVERLOAD_DURATION" ;;
    esac
    echo "| $name | $(group "$(calc %.0f "$(kn "$phase" rps)")") | $(ms "$phase" latency_p50_us) | $(ms "$phase" latency_p90_us) | $(ms "$phase" latency_p99_us) | $(ms "$phase" latency_max_us) | $(kv "$phase" statuses | sed 's/,/, /g') | $(kn "$phase" errors_connect)/$(kn "$phase" errors_read)/$(kn "$phase" errors_write)/$(kn "$phase" errors_timeout) | $(kv "$phase" cpu_hub_cores) / $(kv "$phase" cpu_wrk_cores | sed 's/^$/–/') |"
  done
  echo
  echo "| target | measured | |"
  echo "|---|---|---|"
  echo "| ≥ $(group "$TARGET_RPS") heartbeats/s sustained | **$(group "$(calc %.0f "$RPS")")/s** | $V_RPS |"
  echo "| p99 ≤ $TARGET_P99_MS ms | **$P99_MS ms** | $V_P99 |"
  echo "| ≥ $TARGET_RATIO × the no-op's requests/s | **$RATIO** ($(group "$(calc %.0f "$RPS")") / $(group "$(calc %.0f "$NOOP_RPS")")) | $V_RATIO |"
  echo "| every measured heartbeat answered 200 with an installation id | $(kn measure status_200) of $(kn measure answers) ($(kn measure bad_body) without an id, $measure_sock socket errors) | $V_CLEAN |"
  echo "| beyond capacity: only 429/503 with Retry-After, no socket errors, no connections left over | $(group "$o_shed") answered 429/503 ($(kn overload no_retry_after) without Retry-After, longest Retry-After $(kn overload max_retry_after) s), $(kn overload status_other) other non-2xx, $o_sock socket errors; 5 s later $AFTER_ESTABLISHED established / $AFTER_CLOSE_WAIT close-wait | $V_OVERLOAD |"
  echo "| a 200 means committed (SIGKILL after the load, then the database read) | $(group "${DB_COUNT:-?}") installations stored = $(group "$DISTINCT") distinct ids answered 200 (REST total_count $(group "${REST_TOTAL:-?}")); $(group "${DB_SUM:-?}") heartbeats counted ≥ $(group "$OK_TOTAL") answered 200 | $V_DURABLE |"
  echo
  echo "Overload, sampled every second: at most $MAX_ESTABLISHED established connections on the hub's port, $MAX_CLOSE_WAIT in"
  echo "close-wait, accept queue at most ${MAX_ACCEPT_QUEUE:-?}, at most $MAX_THREADS hub threads; \`GET /api/v1/system/health\` probed one"
  echo "after the other answered 200 $PROBES_OK times of $PROBES (slowest ${PROBE_MAX:-?} s). Hub RSS after the runs $RSS MiB; the writer at"
  echo "the end: ${WRITER:-?}; hub log: ${LOG_ERRORS:-0} ERROR, ${LOG_WARNS:-0} WARN lines (karaf.log)."
  [ -z "$NOOP_NOTE" ] || { echo; echo "$NOOP_NOTE"; }
} | tee "$OUT/report.md"
echo "results in $OUT"
