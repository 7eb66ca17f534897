#!/usr/bin/env bash
# Proves Quarkus dev mode's hot reload on this project: starts ./mvnw -Pquarkus quarkus:dev on a copy of the
# project (continuous run on the sample capture), then
#   1. changes the events fileName in the copy's routes/modbus-events.yaml and waits for the sample's events in
#      the new file (route reload),
#   2. changes SourceModule.MODULE_TYPE (Java) and waits for events carrying the new value (code reload).
# Exit 0 when both happened, 1 otherwise. Usage: scripts/quarkus-dev-reload-check.sh [-o]  (-o: Maven offline)
set -euo pipefail
project="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/modbus-watch-dev.XXXXXX)"
copy="$work/project"
out="$work/out"
log="$work/dev.log"
mkdir -p "$copy"
(cd "$project" && tar --exclude=./target -cf - .) | tar -xf - -C "$copy"

cd "$copy"
setsid ./mvnw -B "$@" -Pquarkus quarkus:dev -Ddebug=false -Dquarkus.console.enabled=false \
    -Dquarkus.analytics.disabled=true \
    "-Dquarkus.args=-Dmodbus.capture.uri=pcap:file:samples/seed-scenario.pcap -Dmodbus.output.dir=$out" \
    </dev/null >"$log" 2>&1 &
dev=$!
stop() {
    kill -- -"$dev" 2>/dev/null || true
    wait "$dev" 2>/dev/null || true
}
trap stop EXIT

# Waits up to $3 seconds until file $1 has at least 6 lines containing $2.
await() {
    for _ in $(seq "$3"); do
        if [ -f "$1" ] && [ "$(grep -c -- "$2" "$1" || true)" -ge 6 ]; then
            return 0
        fi
        if ! kill -0 "$dev" 2>/dev/null; then
            echo "quarkus:dev ended; log: $log" >&2
            tail -40 "$log" >&2
            exit 1
        fi
        sleep 1
    done
    echo "timed out waiting for 6 lines with '$2' in $1; log: $log" >&2
    tail -40 "$log" >&2
    exit 1
}

await "$out/events.jsonl" '"SourceModuleType":"im_pcap"' 600
echo "dev mode running: the sample's events are in events.jsonl"

sed -i 's/fileName: events.jsonl/fileName: events-reloaded.jsonl/' routes/modbus-events.yaml
await "$out/events-reloaded.jsonl" '"SourceModuleType":"im_pcap"' 300
grep -q "Restarting quarkus due to changes in modbus-events.yaml" "$log"
echo "route reload: the changed route wrote the sample's events to events-reloaded.jsonl"

sed -i 's/MODULE_TYPE = "im_pcap";/MODULE_TYPE = "im_pcap_reloaded";/' \
    processors/src/main/java/dev/modbuswatch/event/SourceModule.java
await "$out/events-reloaded.jsonl" '"SourceModuleType":"im_pcap_reloaded"' 300
echo "Java reload: the recompiled SourceModule wrote SourceModuleType im_pcap_reloaded"
grep -E "Restarting quarkus due to changes|Live reload total time" "$log" || true
rm -rf "$work"
