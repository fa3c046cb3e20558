#!/usr/bin/env bash
# Uptime check engine numbers (issue: uptime monitoring): for each fleet size, checks/s achieved vs due, dispatch
# lag p50/p99/max, false DOWN, CPU and RSS of the hub; and, at the largest size, CPU per probe of Debian's
# prometheus-blackbox-exporter probing the same targets at the same rate.
#
# Usage: bench/uptime.sh [SIZES...]                     (default: 10000 50000 100000)
#   env INTERVAL=300    interval of the monitors (s); due checks/s = size / INTERVAL
#       TIMEOUT=10      timeout of the monitors (s), also the blackbox module's
#       WARMUP=INTERVAL after the import, before measuring (s)
#       DURATION=600    measured time (s)
#       HOSTS=250 TARGET_PORTS=18080,18081   target addresses 127.0.1.1... x ports
#       UPTIME_CONFIG="max_per_host=8 lookahead_millis=3000"   extra etc/org.sitekeeper.uptime.cfg settings
#       IDLE=30         the fresh hub's idle CPU is measured this long before the import (s)
#       BLACKBOX=largest|all|none   at which sizes to run the exporter comparison; BB_SECONDS=120, BB_PORT=29115
#       SITEKEEPER_HEAP=1g  the hub's heap (bin/setenv)
#   Quick trial: INTERVAL=60 DURATION=120 bench/uptime.sh 2000
#
# Needs: a built distribution (mvn -B -DskipTests install), curl, a JDK 17 (javac compiles bench/UptimeBench.java
# into the temporary directory). prometheus-blackbox-exporter is installed with apt-get when missing and run as
# root; without it the comparison is skipped with a note.
#
# Per size: a fresh hub (empty data) whose egress policy allows 127.0.0.0/8; SIZE monitors imported over REST
# (87% ok, 5% slow, 5% hang, 3% reset targets, all served by UptimeBench's target server on HOSTS loopback
# addresses); WARMUP; then DURATION measured: engine `checks` delta / elapsed, lag percentiles of the engine's
# last 50,000 checks at the end (and the worst p99 of the samples taken every SAMPLE s), hub CPU from /proc.
# False DOWN: a monitor of an ok or slow target that is DOWN at the end or had any incident since the import.
# The exporter runs after the hub is stopped (each gets both cores). Everything goes to bench/results/<stamp>/
# and the temporary directory; all processes are stopped on exit.
set -euo pipefail

SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 50000 100000)
INTERVAL=${INTERVAL:-300}
TIMEOUT=${TIMEOUT:-10}
WARMUP=${WARMUP:-$INTERVAL}
DURATION=${DURATION:-600}
HOSTS=${HOSTS:-250}
TARGET_PORTS=${TARGET_PORTS:-18080,18081}
UPTIME_CONFIG=${UPTIME_CONFIG:-}
BLACKBOX=${BLACKBOX:-largest}
BB_SECONDS=${BB_SECONDS:-120}
BB_PORT=${BB_PORT:-29115}
SAMPLE=${SAMPLE:-15}
IDLE=${IDLE:-30}
for n in "${SIZES[@]}" "$INTERVAL" "$TIMEOUT" "$WARMUP" "$DURATION" "$HOSTS" "$BB_SECONDS" "$SAMPLE" "$IDLE"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "not a whole number: $n" >&2; exit 2; }
done
LARGEST=$(printf '%s\n' "${SIZES[@]}" | sort -n | tail -n 1)

# shellcheck source=lib/hub.sh
. "$(dirname "$0")/lib/hub.sh"

TARGETS_PID= BB_PID= SIZE=
bench_cleanup() {
  # keep the log of a hub that stopped the run half-way
  if [ -n "$SIZE" ] && [ ! -f "$OUT/karaf-$SIZE.log" ] && [ -f "$HUB/data/log/karaf.log" ]; then
    cp "$HUB/data/log/karaf.log" "$OUT/karaf-$SIZE.log" || true
  fi
  [ -z "$BB_PID" ] || kill "$BB_PID" 2>/dev/null || true
  [ -z "$TARGETS_PID" ] || kill "$TARGETS_PID" 2>/dev/null || true
  cleanup
}
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

CLK_TCK=$(getconf CLK_TCK)
# cpu_ms PID: user + system CPU time of the process (all its threads) so far, in milliseconds.
cpu_ms() { sed 's/^.*) //' "/proc/$1/stat" | awk -v hz="$CLK_TCK" '{printf "%.0f", ($12 + $13) * 1000 / hz}'; }
rss_of() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
now_ms() { date +%s%3N; }
api() { curl -sf --max-time 20 -H "$AUTH" "$BASE$1" || echo '{}'; }
# field NAME JSON: a number (or quoted string) field of a flat JSON object, empty when missing.
field() { grep -o "\"$1\":\(\"[^\"]*\"\|[^,}]*\)" <<<"$2" | head -n 1 | cut -d: -f2- | tr -d '"' || true; }
val() { sed -n "s/^$1=//p" "$2" 2>/dev/null | head -n 1; }
num() { local x; x=$(val "$@"); echo "${x:-0}"; }
fnum() { local x; x=$(field "$@"); echo "${x:-0}"; }
calc() { awk "BEGIN {printf \"$1\", $2}"; }
# group 1234567 -> 1,234,567
group() { printf "%s" "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

echo "compiling bench/UptimeBench.java"
javac -d "$WORK/classes" "$ROOT/bench/UptimeBench.java"
helper() { java -XX:+UseSerialGC -Xmx512m -cp "$WORK/classes" UptimeBench "$@"; }

java -XX:+UseSerialGC -Xmx256m -cp "$WORK/classes" UptimeBench serve --hosts "$HOSTS" --ports "$TARGET_PORTS" \
  >"$OUT/targets.log" 2>&1 &
TARGETS_PID=$!
for _ in $(seq 1 100); do grep -q '^listening' "$OUT/targets.log" && break; sleep 0.2; done
grep -q '^listening' "$OUT/targets.log" || { echo "the target server did not start:" >&2; cat "$OUT/targets.log" >&2; exit 1; }
head -n 1 "$OUT/targets.log"

# sample SIZE PHASE SECONDS: engine numbers every SAMPLE s for SECONDS, to engine-SIZE.tsv; WORST_P99 is the
# highest p99 seen.
WORST_P99=0
sample() {
  local size=$1 phase=$2 end=$(( $(date +%s) + $3 )) e p99 left
  while left=$(( end - $(date +%s) )); [ "$left" -gt 0 ]; do
    sleep "$(( left < SAMPLE ? left : SAMPLE ))"
    if ! kill -0 "$PID" 2>/dev/null; then
      echo "the hub ($size monitors, $phase) exited; its log is kept as karaf-$size.log and karaf.out" >&2
      exit 1
    fi
    e=$(api /uptime/engine)
    p99=$(field lag_p99_millis "$e")
    if [ "$phase" = measure ] && [ -n "$p99" ] && [ "$p99" -gt "$WORST_P99" ]; then WORST_P99=$p99; fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%H:%M:%S)" "$phase" \
      "$(field checks "$e")" "$(field unknown "$e")" "$(field running "$e")" "$(field outstanding "$e")" \
      "$(field waiting_for_slot "$e")" "$(field lag_p50_millis "$e")" "$p99" "$(field lag_max_millis "$e")" \
      "$(field write_failures "$e")" "$(rss_mb)" "$(field offline_reason "$e")" >>"$OUT/engine-$size.tsv"
  done
}

ensure_blackbox() {
  command -v prometheus-blackbox-exporter >/dev/null && return 0
  if [ "$(id -u)" != 0 ]; then BB_NOTE="not installed and not root (apt-get install prometheus-blackbox-exporter)"; return 1; fi
  echo "installing prometheus-blackbox-exporter"
  if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q prometheus-blackbox-exporter; } \
    >"$OUT/apt.log" 2>&1; then
    BB_NOTE="apt-get install prometheus-blackbox-exporter failed (see apt.log)"; return 1
  fi
  command -v prometheus-blackbox-exporter >/dev/null || { BB_NOTE="installed, but no prometheus-blackbox-exporter on PATH"; return 1; }
}

# blackbox SIZE: the exporter probing the same targets at SIZE / INTERVAL probes/s for BB_SECONDS.
BB_ROWS=() BB_NOTE=
blackbox() {
  local size=$1 rate c0 c1 t0 t1 f="$OUT/blackbox-$1.txt"
  ensure_blackbox || { echo "blackbox exporter skipped: $BB_NOTE"; return 0; }
  cat >"$WORK/blackbox.yml" <<EOF
modules:
  http_2xx:
    prober: http
    timeout: ${TIMEOUT}s
    http:
      preferred_ip_protocol: ip4
EOF
  prometheus-blackbox-exporter --config.file="$WORK/blackbox.yml" --web.listen-address="127.0.0.1:$BB_PORT" \
    >"$OUT/blackbox.log" 2>&1 &
  BB_PID=$!
  for _ in $(seq 1 100); do
    [ "$(curl -s --max-time 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$BB_PORT/metrics")" = 200 ] && break
    sleep 0.1
  done
  rate=$(calc %.2f "$size / $INTERVAL")
  echo "blackbox exporter $(prometheus-blackbox-exporter --version 2>&1 | head -n 1 | awk '{print $3}'): $rate probes/s for $BB_SECONDS s"
  sleep 2
  c0=$(cpu_ms "$BB_PID") t0=$(now_ms)
  helper drive --monitors "$WORK/monitors-$size.tsv" --exporter "http://127.0.0.1:$BB_PORT" --rate "$rate" \
    --seconds "$BB_SECONDS" --scrape-timeout "$(calc %.1f "$TIMEOUT + 0.5")" | tee "$f" || echo "the driver failed" >&2
  c1=$(cpu_ms "$BB_PID") t1=$(now_ms)
  echo "bb_rss_mb=$(rss_of "$BB_PID")" >>"$f"
  kill "$BB_PID" 2>/dev/null || true
  wait "$BB_PID" 2>/dev/null || true
  BB_PID=
  local done_ok
  done_ok=$(( $(num bb_completed "$f") - $(num bb_errors "$f") ))
  BB_ROWS+=("| $(group "$size") targets, blackbox exporter | $(calc %.1f "$rate") probes/s for ${BB_SECONDS} s | $(group "$done_ok") probes ($(num bb_errors "$f") failed requests) | $(calc %.2f "($c1 - $c0) / ($t1 - $t0)") | **$(calc %.2f "($c1 - $c0) / ($done_ok > 0 ? $done_ok : 1)")** | $(val bb_rss_mb "$f") MiB | ok $(num bb_success_ok "$f")/$(( $(num bb_success_ok "$f") + $(num bb_failure_ok "$f") )), slow $(num bb_success_slow "$f")/$(( $(num bb_success_slow "$f") + $(num bb_failure_slow "$f") )), hang $(num bb_success_hang "$f")/$(( $(num bb_success_hang "$f") + $(num bb_failure_hang "$f") )), reset $(num bb_success_reset "$f")/$(( $(num bb_success_reset "$f") + $(num bb_failure_reset "$f") )) |")
}

ENGINE_ROWS=() CPU_ROWS=() NOTES=() FIRST=1
run_size() {
  local size=$1 e0 e1 c0 c1 g0 g1 t0 t1 checks elapsed v="$OUT/verdicts-$1.txt" warn err

  if [ "$FIRST" = 1 ]; then FIRST=0; else stop_hub; new_hub; fi
  SIZE=$size
  hub_config org.sitekeeper.egress.cfg allowed_networks 127.0.0.0/8
  for kv in $UPTIME_CONFIG; do hub_config org.sitekeeper.uptime.cfg "${kv%%=*}" "${kv#*=}"; done
  READY_PATH=/uptime/engine start_hub
  echo "== $size monitors, interval $INTERVAL s, timeout $TIMEOUT s (hub ready in $READY s)"
  # the hub's own CPU with no monitors, to tell the cost of checks from the cost of running at all
  local i0 i1 it0 it1
  sleep 10
  i0=$(cpu_ms "$PID") it0=$(now_ms)
  sleep "$IDLE"
  i1=$(cpu_ms "$PID") it1=$(now_ms)
  IDLE_CORES=$(calc %.3f "($i1 - $i0) / ($it1 - $it0)")
  echo "hub idle: $IDLE_CORES cores"
  printf 'time\tphase\tchecks\tunknown\trunning\toutstanding\twaiting_for_slot\tlag_p50_ms\tlag_p99_ms\tlag_max_ms\twrite_failures\trss_mb\toffline_reason\n' \
    >"$OUT/engine-$size.tsv"

  helper import --base "$BASE" --password "$PASSWORD" --size "$size" --interval "$INTERVAL" --timeout "$TIMEOUT" \
    --hosts "$HOSTS" --ports "$TARGET_PORTS" --out "$WORK/monitors-$size.tsv" | tee "$OUT/import-$size.txt"

  echo "warming up for $WARMUP s"
  sample "$size" warmup "$WARMUP"

  echo "measuring for $DURATION s"
  WORST_P99=0
  e0=$(api /uptime/engine) c0=$(cpu_ms "$PID") g0=$(cpu_ms "$TARGETS_PID") t0=$(now_ms)
  sample "$size" measure "$DURATION"
  e1=$(api /uptime/engine) c1=$(cpu_ms "$PID") g1=$(cpu_ms "$TARGETS_PID") t1=$(now_ms)
  echo "$e1" >"$OUT/engine-$size-end.json"
  local rss
  rss=$(rss_mb)

  helper verdicts --base "$BASE" --password "$PASSWORD" --monitors "$WORK/monitors-$size.tsv" \
    --details "$OUT/false-down-$size.txt" | tee "$v" || echo "could not read the verdicts" >&2
  api /uptime >"$OUT/overview-$size.json"

  checks=$(( $(fnum checks "$e1") - $(fnum checks "$e0") ))
  elapsed=$(calc %.3f "($t1 - $t0) / 1000")
  local unknown_checks=$(( $(fnum unknown "$e1") - $(fnum unknown "$e0") ))
  local rate p99 fd td tde verdict=
  rate=$(calc %.1f "$checks / $elapsed") p99=$(fnum lag_p99_millis "$e1") fd=$(num false_down "$v")
  td=$(num true_down "$v") tde=$(num true_down_expected "$v")
  [ "$(calc %d "(($checks / $elapsed) >= (0.98 * $size / $INTERVAL))")" = 1 ] || verdict+=" checks/s"
  [ "$p99" -lt 1000 ] || verdict+=" p99"
  [ "$fd" = 0 ] || verdict+=" false DOWN"
  [ "$td" = "$tde" ] || verdict+=" true DOWN"
  [ -f "$v" ] && [ -n "$(val monitors "$v")" ] || verdict+=" (no verdicts)"
  verdict=${verdict:+missed:$verdict}
  ENGINE_ROWS+=("| $(group "$size") | $(calc %.1f "$size / $INTERVAL") | **$(calc %.1f "$checks / $elapsed")** | $(field lag_p50_millis "$e1") ms | **$(field lag_p99_millis "$e1") ms** (worst sample $WORST_P99 ms) | $(field lag_max_millis "$e1") ms | $unknown_checks / $(val unknown_monitors "$v") | **$(val false_down "$v")** ($(val false_down_now "$v") down at the end) | $td / $tde | ${verdict:-met} |")
  CPU_ROWS+=("| $(group "$size") monitors, Sitekeeper hub | $(calc %.1f "$size / $INTERVAL") checks/s due, ${DURATION} s measured | $(group "$checks") checks | $(calc %.2f "($c1 - $c0) / ($t1 - $t0)") | **$(calc %.2f "($c1 - $c0) / ($checks > 0 ? $checks : 1)")** ($(calc %.2f "($c1 - $c0 - $IDLE_CORES * ($t1 - $t0)) / ($checks > 0 ? $checks : 1)") net of the idle hub's $IDLE_CORES cores) | $rss MiB | targets server: $(calc %.2f "($g1 - $g0) / ($t1 - $t0)") cores |")

  cp "$HUB/data/log/karaf.log" "$OUT/karaf-$size.log" 2>/dev/null || true
  warn=$(grep -c '| *WARN *|' "$OUT/karaf-$size.log" 2>/dev/null || true)
  err=$(grep -c '| *ERROR *|' "$OUT/karaf-$size.log" 2>/dev/null || true)
  NOTES+=("- $(group "$size") monitors: import $(val import_seconds "$OUT/import-$size.txt") s ($(val import_per_second "$OUT/import-$size.txt")/s, $(num import_retries "$OUT/import-$size.txt") batches sent again after a 5xx); hub log: ${err:-0} ERROR, ${warn:-0} WARN lines (karaf-$size.log); write failures $(field write_failures "$e1"); offline: $(field offline_reason "$e1" | sed 's/^null$/none/'); engine at the end: $(field running "$e1") running, $(field waiting_for_slot "$e1") waiting for a slot, $(field outstanding "$e1") outstanding; DOWN by kind: ok $(val down_ok "$v"), slow $(val down_slow "$v"), hang $(val down_hang "$v")/$(val kind_hang "$v"), reset $(val down_reset "$v")/$(val kind_reset "$v"); incidents of ok/slow targets: $(val incidents_ok "$v")/$(val incidents_slow "$v").")
  stop_hub

  if [ "$BLACKBOX" = all ] || { [ "$BLACKBOX" = largest ] && [ "$size" = "$LARGEST" ]; }; then
    blackbox "$size"
  fi
}

for size in "${SIZES[@]}"; do
  run_size "$size"
done

{
  echo "## Uptime check engine, $(date -u +%Y-%m-%d)"
  echo
  echo "Machine: $(machine); embedded Derby; hub heap ${SITEKEEPER_HEAP:-1g}; target server (one JVM, $HOSTS loopback"
  echo "addresses x ports $TARGET_PORTS) on the same machine. Monitors: interval $INTERVAL s, timeout $TIMEOUT s; targets 87% ok,"
  echo "5% slow (200-800 ms), 5% hang, 3% reset. Warm-up $WARMUP s after the import, then $DURATION s measured."
  [ -z "$UPTIME_CONFIG" ] || echo "Uptime settings: \`$UPTIME_CONFIG\`."
  echo
  echo "| monitors | checks/s due | checks/s achieved | lag p50 | lag p99 | lag max | unknown checks / monitors | false DOWN | true DOWN / expected | target |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ENGINE_ROWS[@]}"
  echo
  echo "| run | rate | work done | cores used | CPU ms per check/probe | RSS | |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${CPU_ROWS[@]}"
  if [ ${#BB_ROWS[@]} -gt 0 ]; then
    printf '%s\n' "${BB_ROWS[@]}"
  elif [ "$BLACKBOX" != none ]; then
    echo "| blackbox exporter | skipped: ${BB_NOTE:-not run} | | | | | |"
  fi
  echo
  echo "Target: checks/s achieved at least 98% of due, lag p99 under 1 s, no false DOWN, every hanging and"
  echo "resetting target DOWN. Checks/s achieved include the confirmation checks after a first failure. Lag: the"
  echo "engine's percentiles over its last 50,000 checks at the end of the measured time (at small sizes that window"
  echo "reaches back into the warm-up); \"worst sample\" is the highest p99 read every $SAMPLE s while measuring. False"
  echo "DOWN: monitors of ok or slow targets DOWN at the end or with any incident since the import (details in"
  echo "false-down-SIZE.txt). The hub's CPU is the whole process (checks, verdicts, Derby writes, REST); \"net of the"
  echo "idle hub\" subtracts its CPU with no monitors, measured for $IDLE s before the import. The exporter's CPU is"
  echo "the probes alone, run after the hub was stopped, driven through its /probe endpoint with the scrape-timeout"
  echo "header Prometheus sends."
  echo
  printf '%s\n' "${NOTES[@]}"
} | tee "$OUT/uptime.md"
echo "results in $OUT"
