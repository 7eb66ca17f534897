#!/usr/bin/env bash
# Where the one-shot run's time goes (see BENCHMARKS.md): runs the packaged jar on one capture with the routes cut
# down to stages (bench/stages/*.yaml: the component alone, + events, + the per-PDU split, + JSON lines), then the
# full routes without transaction output, without detections, and whole; prints wall and CPU time (user+sys) of each.
# The differences between stages are what each adds. Take CPU time: wall time follows whatever else the 2 cores run.
#
#   scripts/benchmark-stages.sh [CAPTURE]     (default: the 1,000,000-PDU capture of scripts/benchmark.sh)
#
# Needs target/modbus-watch.jar and /usr/bin/time (scripts/install-prerequisites.sh --bench).
set -euo pipefail

project=$(cd "$(dirname "$0")/.." && pwd)
capture=${1:-$project/target/bench/modbus-500000-8-4-10.pcap}
jar="$project/target/modbus-watch.jar"
[[ -f $jar ]] || { echo "benchmark-stages: $jar is missing; build it with ./mvnw -B -q package -DskipTests" >&2; exit 2; }
[[ -f $capture ]] || { echo "benchmark-stages: $capture is missing; scripts/benchmark.sh generates it" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$project"

no_detections=(-Dmodbus.detect.bad-login.enabled=false -Dmodbus.detect.unauthorized-write.enabled=false
  -Dmodbus.detect.unanswered-write.enabled=false -Dmodbus.detect.brute-force.enabled=false
  -Dmodbus.detect.protocol-anomaly.enabled=false)

stage() {
  local name=$1; shift
  rm -rf "$out/run"
  /usr/bin/time -f "%e %U %S" -o "$out/time" java "$@" -jar "$jar" --capture "$capture" --output "$out/run" \
    >"$out/log" 2>&1 || { echo "benchmark-stages: $name failed, see its log:" >&2; tail -20 "$out/log" >&2; exit 1; }
  read -r wall user sys <"$out/time"
  awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" 'BEGIN {printf "%-32s %7.2f s wall %7.2f s CPU\n", n, w, u + s}'
}

echo "benchmark-stages: $(basename "$capture"); $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for routes in "$project"/bench/stages/*.yaml; do
  stage "$(basename "$routes" .yaml)" -Dcamel.main.routes-include-pattern="file:$routes"
done
stage "full, no transactions.jsonl" -Dmodbus.output.transactions.enabled=false
stage "full, no detections" "${no_detections[@]}"
stage "full"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
