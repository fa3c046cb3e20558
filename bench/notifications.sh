#!/usr/bin/env bash
# Notification numbers (issue: notifications):
#   events accepted per second into the outbox (a burst of alerts posted as fast as 32 clients can), and
#   end-to-end latency from event to webhook receipt (p50/p90/p99/max) at a steady 200 alerts/s.
#
# Usage: bench/notifications.sh [--burst 20000] [--concurrency 32] [--rate 200] [--seconds 60]
# Needs: a built distribution (mvn -B -DskipTests install), curl, a JDK 17 (java runs the load generator
# bench/NotificationsBench.java from source). Alerts go in through POST /api/v1/notifications/alerts (which
# posts the EventAdmin event any bundle would), a rule sends each to a signed webhook channel, and the receiver
# is a real HTTP server in the load generator's JVM on 127.0.0.2. Embedded Derby, default settings otherwise.
set -euo pipefail

ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --burst|--concurrency|--rate|--seconds) ARGS+=("$1" "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

# shellcheck source=lib/hub.sh
. "$(dirname "$0")/lib/hub.sh"
hub_config org.sitekeeper.egress.cfg allowed_networks 127.0.0.2/32
READY_PATH=/notifications/channels start_hub

java "$ROOT/bench/NotificationsBench.java" --base "$BASE" --password "$PASSWORD" "${ARGS[@]}" | tee "$OUT/bench.txt"
RSS=$(rss_mb)
val() { sed -n "s/^$1=//p" "$OUT/bench.txt"; }

{
  echo "## Notifications, $(date -u +%Y-%m-%d)"
  echo
  echo "Machine: $(machine); embedded Derby; load generator and webhook receiver in one JVM on the same machine."
  echo
  echo "| measure | value |"
  echo "|---|---|"
  echo "| alerts posted in the burst (32 clients) | $(val burst_alerts) |"
  echo "| burst: alerts accepted by REST per second | $(val burst_post_per_second) |"
  echo "| **burst: events written to the outbox per second** | **$(val burst_written_per_second)** |"
  echo "| steady rate | $(val steady_rate) alerts/s for $(val steady_seconds) s |"
  echo "| webhooks received / alerts posted | $(val steady_received) / $(val steady_posted) ($(val steady_duplicates) duplicates, $(val steady_post_failures) failed posts) |"
  echo "| **event → webhook receipt p50** | **$(val latency_p50_ms) ms** |"
  echo "| event → webhook receipt p90 | $(val latency_p90_ms) ms |"
  echo "| **event → webhook receipt p99** | **$(val latency_p99_ms) ms** |"
  echo "| event → webhook receipt max | $(val latency_max_ms) ms |"
  echo "| hub RSS after the run | $RSS MiB |"
} | tee "$OUT/report.md"
