#!/usr/bin/env bash
# End-to-end benchmark of the one-shot run against tshark, in one run on the same capture (see BENCHMARKS.md).
#
#   scripts/benchmark.sh [--transactions N] [--connections M] [--devices D] [--bad-logins K]
#                        [--xmx SIZE] [--no-tshark] [--jfr] [--work DIR]
#
# Generates a synthetic capture (dev.modbuswatch.bench.SyntheticCaptureGenerator), runs the packaged jar on it
# (target/modbus-watch.jar; build it first with ./mvnw -B -q package -DskipTests) and reports PDUs/s, wall time,
# CPU time (user+sys), peak RSS and peak heap (largest heap before a GC, from -Xlog:gc), then runs
# `tshark -r FILE -Y modbus -T fields` with the Modbus fields on the same file and prints the ratio, and the floor no
# pipeline here goes below: JVM and Camel start and stop plus writing the outputs' bytes. Checks that the
# alerts found are exactly the planted bad logins (exit 1 otherwise). --xmx caps the heap (e.g. 512m, to show
# memory is bounded), --no-tshark skips tshark (for big captures), --jfr records a JFR profile next to the results.
# Needs Java 17, /usr/bin/time and tshark: scripts/install-prerequisites.sh --bench.
set -euo pipefail

transactions=500000 connections=8 devices=4 bad_logins=10 xmx="" tshark=yes jfr=no
project=$(cd "$(dirname "$0")/.." && pwd)
work="$project/target/bench"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --transactions) transactions=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --devices) devices=$2; shift 2 ;;
    --bad-logins) bad_logins=$2; shift 2 ;;
    --xmx) xmx=$2; shift 2 ;;
    --no-tshark) tshark=no; shift ;;
    --jfr) jfr=yes; shift ;;
    --work) work=$2; shift 2 ;;
    *) sed -n '2,14p' "$0" >&2; exit 2 ;;
  esac
done

jar="$project/target/modbus-watch.jar"
[[ -f $jar ]] || { echo "benchmark: $jar is missing; build it with ./mvnw -B -q package -DskipTests" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "benchmark: /usr/bin/time is missing; run scripts/install-prerequisites.sh --bench" >&2; exit 2; }
if [[ $tshark == yes ]] && ! command -v tshark >/dev/null; then
  echo "benchmark: tshark is missing; run scripts/install-prerequisites.sh --bench (or use --no-tshark)" >&2; exit 2
fi

mkdir -p "$work"
work=$(cd "$work" && pwd)
cd "$project"
capture="$work/modbus-$transactions-$connections-$devices-$bad_logins.pcap"
out="$work/out"
if [[ ! -s $capture || ! -s $capture.planted.jsonl ]]; then
  java -cp "$jar" dev.modbuswatch.bench.SyntheticCaptureGenerator --transactions "$transactions" \
    --connections "$connections" --devices "$devices" --bad-logins "$bad_logins" --out "$capture"
fi

# Prints wall seconds, CPU seconds (user+sys) and peak RSS in MiB from a /usr/bin/time -v report.
time_figures() {
  awk -F': ' '
    /User time/ {cpu += $2} /System time/ {cpu += $2}
    /Elapsed \(wall clock\)/ {n = split($2, t, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + t[i]}
    /Maximum resident set size/ {rss = $2 / 1024}
    END {printf "%.2f %.2f %.0f\n", wall, cpu, rss}' "$1"
}

machine() {
  printf 'machine: %s cores, %s, %s GiB RAM; load before: %s\n' "$(nproc)" \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" \
    "$(awk '/MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo)" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

echo "benchmark: $(basename "$capture"), $((2 * transactions)) PDUs; $(machine)"
jvm_options=(-Xlog:gc:file="$work/gc.log")
[[ -n $xmx ]] && jvm_options+=("-Xmx$xmx")
[[ $jfr == yes ]] && jvm_options+=(-XX:StartFlightRecording=filename="$work/modbus-watch.jfr",settings=profile)
rm -rf "$out"
/usr/bin/time -v -o "$work/time.txt" java "${jvm_options[@]}" -jar "$jar" --capture "$capture" --output "$out" \
  >"$work/run.log" 2>&1 || { echo "benchmark: the one-shot run failed, see $work/run.log" >&2; exit 1; }
pdus=$(sed -n 's/.* frames, \([0-9]*\) Modbus PDUs.*/\1/p' "$work/run.log")
read -r wall cpu rss < <(time_figures "$work/time.txt")
heap=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$work/gc.log" | sed 's/M->.*//' | sort -n | tail -1)
rate=$(awk -v p="$pdus" -v w="$wall" 'BEGIN {printf "%.0f", p / w}')
printf 'modbus-watch: %s PDUs in %s s wall, %s s CPU, %s PDUs/s, peak RSS %s MiB, peak heap %s MiB%s\n' \
  "$pdus" "$wall" "$cpu" "$rate" "$rss" "${heap:-?}" "${xmx:+ (-Xmx$xmx)}"
java -cp "$jar" dev.modbuswatch.bench.PlantedAlerts "$capture.planted.jsonl" "$out/alerts.jsonl" || exit 1

if [[ $tshark == yes ]]; then
  fields=(frame.number frame.time_epoch ip.src ip.dst tcp.srcport tcp.dstport mbtcp.trans_id mbtcp.prot_id mbtcp.len
          mbtcp.unit_id modbus.func_code modbus.exception_code modbus.reference_num modbus.word_cnt modbus.bit_cnt
          modbus.byte_cnt modbus.request_frame modbus.response_time)
  /usr/bin/time -v -o "$work/tshark-time.txt" tshark -r "$capture" -Y modbus -T fields -E separator=/t \
    -E occurrence=a "${fields[@]/#/-e}" >"$work/tshark.tsv" 2>"$work/tshark.log"
  tshark_pdus=$(wc -l <"$work/tshark.tsv")
  read -r twall tcpu trss < <(time_figures "$work/tshark-time.txt")
  trate=$(awk -v p="$tshark_pdus" -v w="$twall" 'BEGIN {printf "%.0f", p / w}')
  printf 'tshark -T fields: %s PDUs in %s s wall, %s s CPU, %s PDUs/s, peak RSS %s MiB\n' \
    "$tshark_pdus" "$twall" "$tcpu" "$trate" "$trss"
  awk -v r="$rate" -v t="$trate" 'BEGIN {printf "ratio: modbus-watch runs at %.2fx tshark -T fields\n", r / t}'

  # What no pipeline on this runtime (camel-main on the JVM) can go below here, measured in this run: the JVM and Camel starting and stopping (the
  # one-shot run on a capture of one transaction) and writing the bytes this run's outputs hold (cat of its files).
  tiny="$work/modbus-1-1-1-0.pcap"
  [[ -s $tiny ]] || java -cp "$jar" dev.modbuswatch.bench.SyntheticCaptureGenerator --transactions 1 --connections 1 \
    --devices 1 --bad-logins 0 --out "$tiny" >"$work/tiny.log" 2>&1 \
    || { echo "benchmark: generating $tiny failed, see $work/tiny.log" >&2; exit 1; }
  /usr/bin/time -f %e -o "$work/start-time.txt" java -jar "$jar" --capture "$tiny" --output "$work/tiny-out" \
    >"$work/tiny.log" 2>&1 || { echo "benchmark: the one-shot run on $tiny failed, see $work/tiny.log" >&2; exit 1; }
  mib() { cat "$@" | wc -c | awk '{printf "%.0f", $1 / 1048576}'; }
  output_mib=$(mib "$out"/*.jsonl)
  /usr/bin/time -f %e -o "$work/write-time.txt" sh -c 'cat "$@" >"$0"' "$work/output-copy" "$out"/*.jsonl
  rm -f "$work/output-copy"
  awk -v s="$(tail -1 "$work/start-time.txt")" -v w="$(tail -1 "$work/write-time.txt")" -v m="$output_mib" \
    -v tm="$(mib "$work/tshark.tsv")" -v t="$twall" 'BEGIN {
      printf "floor: JVM and Camel start and stop %.2f s + writing the outputs\047 %s MiB (cat) %.2f s = %.2f s ", s, m, w, s + w
      printf "(tshark wrote %s MiB), so at most %.1fx tshark -T fields with these outputs; 35x would need %.2f s\n", tm,
        t / (s + w), t / 35 }'
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
