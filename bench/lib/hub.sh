# Shared by the bench scripts: a private copy of the built distribution on fixed ports, started and stopped
# like an operator would, with its output under bench/results/<stamp>/.
#
# Set before sourcing (all optional): HTTP, SSH (ports), PASSWORD (first admin's). After sourcing: ROOT,
# OUT, HUB, BASE, AUTH, WORK (a temporary directory, removed on exit); functions start_hub (sets PID and READY),
# stop_hub, new_hub, rss_mb, hub_config, machine.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DIST="$ROOT/karaf-assembly/target/assembly"
[ -x "$DIST/bin/karaf" ] || { echo "build first: mvn -B -DskipTests install" >&2; exit 1; }

HTTP=${HTTP:-28181} SSH=${SSH:-28101}
PASSWORD=${PASSWORD:-bench-admin-password-1}
AUTH="Authorization: Basic $(printf 'admin:%s' "$PASSWORD" | base64 -w0)"
BASE="http://127.0.0.1:$HTTP/api/v1"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$ROOT/bench/results/$STAMP"
WORK=$(mktemp -d /tmp/sitekeeper-bench.XXXXXX)
mkdir -p "$OUT"

HUB="$WORK/hub"
# new_hub: (re)creates the private copy of the distribution, with empty data and the ports above; the hub must
# be stopped. Done once here; call it again for a fresh hub.
new_hub() {
  rm -rf "$HUB"
  cp -r "$DIST" "$HUB"
  sed -i "s/^org.osgi.service.http.port = .*/org.osgi.service.http.port = $HTTP/" "$HUB/etc/org.ops4j.pax.web.cfg"
  sed -i "s/^sshPort = .*/sshPort = $SSH/" "$HUB/etc/org.apache.karaf.shell.cfg"
  sed -i "s/^rmiRegistryPort = .*/rmiRegistryPort = 21099/; s/^rmiServerPort = .*/rmiServerPort = 24444/" \
    "$HUB/etc/org.apache.karaf.management.cfg"
}
new_hub

# hub_config FILE KEY VALUE: sets KEY = VALUE in etc/FILE (before start_hub).
hub_config() {
  local file="$HUB/etc/$1"
  if grep -q "^$2 *=" "$file" 2>/dev/null; then
    sed -i "s|^$2 *=.*|$2 = $3|" "$file"
  else
    echo "$2 = $3" >>"$file"
  fi
}

PID=
stop_hub() {
  [ -n "$PID" ] || return 0
  "$HUB/bin/stop" >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$PID" 2>/dev/null || true
  PID=
}
cleanup() { stop_hub; rm -rf "$WORK"; }
trap cleanup EXIT

# Starts the hub and waits until GET $READY_PATH (default /sites?limit=1) answers 200; sets PID and READY
# (seconds it took).
start_hub() {
  local t0
  t0=$(date +%s%N)
  (cd "$HUB" && SITEKEEPER_ADMIN_PASSWORD=$PASSWORD setsid bin/karaf server >>"$OUT/karaf.out" 2>&1 &)
  for _ in $(seq 1 1200); do
    PID=$(pgrep -f "karaf.home=$HUB" | head -n 1 || true)
    if [ "$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' -H "$AUTH" "$BASE${READY_PATH:-/sites?limit=1}")" = 200 ]; then
      READY=$(awk -v t0="$t0" -v t1="$(date +%s%N)" 'BEGIN {printf "%.1f", (t1 - t0) / 1e9}')
      return 0
    fi
    sleep 0.1
  done
  echo "the hub did not become ready in 120 s" >&2; tail -50 "$HUB/data/log/karaf.log" >&2; exit 1
}

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$PID/status"; }

# One line describing the machine, for reports.
machine() {
  echo "$(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -n 1)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -n 1)"
}
