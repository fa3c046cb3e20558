#!/usr/bin/env bash
# Baseline numbers of the Sitekeeper hub (issue: foundation):
#   cold start to REST ready (fresh data), restart to REST ready, idle RSS,
#   requests/s with p50/p99 for GET /api/v1/system/health and GET /api/v1/sites (1,000 sites).
#
# Usage: bench/baseline.sh [--duration 20s] [--connections 16] [--sites 1000]
# Needs: a built distribution (mvn -B -DskipTests install), curl, wrk (installed with apt-get if missing
# and run as root). Everything runs on 127.0.0.1; the hub is stopped at the end. Prints a Markdown report
# and keeps the raw output in bench/results/.
set -euo pipefail

DURATION=20s CONNECTIONS=16 SITES=1000
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --sites) SITES=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q wrk >/dev/null; else echo "install wrk (apt-get install wrk)" >&2; exit 1; fi
fi
# shellcheck source=lib/hub.sh
. "$(dirname "$0")/lib/hub.sh"

start_hub; COLD=$READY
stop_hub
start_hub; WARM=$READY
sleep 30
IDLE_RSS=$(rss_mb)

# 1,000 sites, 8 requests at a time.
seq 1 "$SITES" | xargs -P 8 -I{} curl -s -o /dev/null -H "$AUTH" -H 'Content-Type: application/json' \
  -d '{"url":"https://site-{}.example.com","group":"bench","tags":["bench"]}' "$BASE/sites"
COUNT=$(curl -s -H "$AUTH" "$BASE/sites/summary" | sed 's/.*"total":\([0-9]*\).*/\1/')

# Warm the JIT, then measure.
wrk -t2 -c"$CONNECTIONS" -d5s "$BASE/system/health" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -H "$AUTH" "$BASE/sites" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE/system/health" >"$OUT/health.txt"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "$AUTH" "$BASE/sites" >"$OUT/sites.txt"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "$AUTH" "$BASE/sites?limit=500" >"$OUT/sites-500.txt"
LOADED_RSS=$(rss_mb)

rps() { awk '/Requests\/sec/ {printf "%.0f", $2}' "$1"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$1"; }
errors() { awk '/Non-2xx|Socket errors/ {print}' "$1" | tr '\n' ' '; }

{
  echo "## Baseline, $(date -u +%Y-%m-%d)"
  echo
  echo "Machine: $(machine),"
  echo "load generator wrk on the same machine (2 threads, $CONNECTIONS connections, $DURATION)."
  echo
  echo "| measure | value |"
  echo "|---|---|"
  echo "| cold start to REST ready (first start, empty data) | $COLD s |"
  echo "| restart to REST ready | $WARM s |"
  echo "| idle RSS (30 s after ready) | $IDLE_RSS MiB |"
  echo "| RSS after the load runs | $LOADED_RSS MiB |"
  echo
  echo "| request | requests/s | p50 | p99 |"
  echo "|---|---|---|---|"
  echo "| \`GET /api/v1/system/health\` (public) | $(rps "$OUT/health.txt") | $(pct "$OUT/health.txt" 50%) | $(pct "$OUT/health.txt" 99%) |"
  echo "| \`GET /api/v1/sites\` (Basic auth, 50 of $COUNT sites) | $(rps "$OUT/sites.txt") | $(pct "$OUT/sites.txt" 50%) | $(pct "$OUT/sites.txt" 99%) |"
  echo "| \`GET /api/v1/sites?limit=500\` (Basic auth, 500 of $COUNT sites) | $(rps "$OUT/sites-500.txt") | $(pct "$OUT/sites-500.txt" 50%) | $(pct "$OUT/sites-500.txt" 99%) |"
  for f in health sites sites-500; do
    e=$(errors "$OUT/$f.txt"); [ -z "$e" ] || echo; [ -z "$e" ] || echo "$f: $e"
  done
} | tee "$OUT/report.md"
