#!/usr/bin/env bash
# Live-capture benchmark (see BENCHMARKS.md): replays a generated capture with tcpreplay at increasing packet
# rates onto one end of a veth pair in a network namespace that this script creates (and removes), so that no
# other capture on the machine sees the traffic, while the continuous run of modbus-watch captures on the other
# end. For each rate it reports the frames tcpreplay sent, the kernel drops (libpcap's counter, from the capture
# statistics logged when the capture stops), the PDUs in events.jsonl, the Bad login alerts, how long after the
# replay the last event came (the routes' lag) and the load, and at the end the highest rate with no drop and no
# loss. Each rate starts a fresh JVM, so every figure includes the cold start of the routes.
#
#   scripts/live-benchmark.sh [--transactions N] [--rates "5000 10000 20000"] [--work DIR]
#
# Needs root (ip netns), tcpreplay (scripts/install-prerequisites.sh --bench) and target/modbus-watch.jar.
set -euo pipefail

transactions=50000 rates="2500 5000 10000 20000 40000"
project=$(cd "$(dirname "$0")/.." && pwd)
work="$project/target/live-bench"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --transactions) transactions=$2; shift 2 ;;
    --rates) rates=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) sed -n '2,12p' "$0" >&2; exit 2 ;;
  esac
done
jar="$project/target/modbus-watch.jar"
[[ -f $jar ]] || { echo "live-benchmark: $jar is missing; build it with ./mvnw -B -q package -DskipTests" >&2; exit 2; }
command -v tcpreplay >/dev/null || { echo "live-benchmark: tcpreplay is missing; run scripts/install-prerequisites.sh --bench" >&2; exit 2; }
[[ $(id -u) -eq 0 ]] || { echo "live-benchmark: needs root for ip netns" >&2; exit 2; }

mkdir -p "$work"
capture="$work/live-$transactions.pcap"
bad_logins=$(( transactions / 16 < 10 ? transactions / 16 : 10 ))
[[ -s $capture ]] || java -cp "$jar" dev.modbuswatch.bench.SyntheticCaptureGenerator --transactions "$transactions" \
  --bad-logins "$bad_logins" --out "$capture"
expected=$((2 * transactions))

ns="modbus-watch-bench-$$"
pid=""
cleanup() {
  [[ -n $pid ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  ip netns del "$ns" 2>/dev/null || true
}
trap cleanup EXIT
ip netns add "$ns"
ip netns exec "$ns" ip link add mwb-replay type veth peer name mwb-capture
ip netns exec "$ns" ip link set mwb-replay up
ip netns exec "$ns" ip link set mwb-capture up

# Waits up to $2 seconds for $1 to hold the text $3.
wait_for() {
  for _ in $(seq "$2"); do grep -q "$3" "$1" 2>/dev/null && return 0; sleep 1; done
  return 1
}

echo "live-benchmark: $(basename "$capture"), $expected PDUs, rates (packets/s): $rates; load $(cut -d' ' -f1-3 /proc/loadavg)"
best=""
for rate in $rates; do
  out="$work/out-$rate"
  rm -rf "$out"
  (cd "$project" && exec ip netns exec "$ns" java -jar "$jar" -Dmodbus.capture.uri=pcap:live:mwb-capture \
    -Dmodbus.output.dir="$out" >"$work/run-$rate.log" 2>&1) &
  pid=$!
  wait_for "$work/run-$rate.log" 60 "Capturing Modbus/TCP from" \
    || { echo "live-benchmark: the capture did not start, see $work/run-$rate.log" >&2; exit 1; }
  ip netns exec "$ns" tcpreplay -i mwb-replay --pps="$rate" "$capture" >"$work/replay-$rate.log" 2>&1
  replayed=$(date +%s)
  # The pipeline has drained when events.jsonl stops growing for 3 s; how long after the replay it last grew shows
  # whether the routes kept pace (0 to 1 s) or lived on the buffers in between.
  last=-1 same=0 grew=$replayed
  while [[ $same -lt 3 ]]; do
    sleep 1
    now=$(cat "$out/events.jsonl" 2>/dev/null | wc -l)
    if [[ $now -eq $last ]]; then same=$((same + 1)); else same=0 last=$now grew=$(date +%s); fi
  done
  kill -TERM "$pid"
  wait "$pid" || true
  pid=""
  sent=$(sed -n 's/.*Actual: \([0-9]*\) packets.*/\1/p' "$work/replay-$rate.log")
  dropped=$(grep -o 'packetsDropped=[0-9]*' "$work/run-$rate.log" | tail -1 | cut -d= -f2)
  pdus=$(cat "$out/events.jsonl" 2>/dev/null | wc -l)
  alerts=$(grep -c '"SecurityAlert":"Bad login"' "$out/alerts.jsonl" 2>/dev/null || true)
  printf '%s rate %s pps: sent %s frames, kernel drops %s, PDUs %s of %s, Bad login alerts %s of %s, last event %s s'\
' after the replay; load %s\n' "$(date -u '+%F %H:%M')" "$rate" "${sent:-?}" "${dropped:-?}" "$pdus" "$expected" \
    "${alerts:-0}" "$bad_logins" "$((grew - replayed))" "$(cut -d' ' -f1 /proc/loadavg)"
  if [[ ${dropped:-1} -eq 0 && $pdus -eq $expected && ${alerts:-0} -eq $bad_logins ]]; then
    best=$rate
  else
    break
  fi
done
echo "highest rate with no kernel drop and no pipeline loss: ${best:-none of the rates tried} packets/s"
