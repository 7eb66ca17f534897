#!/usr/bin/env bash
# Builds and runs the JMH micro-benchmarks of bench/java (Maven profile `bench`): the Modbus decoder
# (ModbusDecoderBenchmark), frame decoding + TCP reassembly (TcpReassemblyBenchmark), and events with their JSON
# lines (EventEncodingBenchmark). Arguments go to JMH,
# e.g. `scripts/jmh.sh TcpReassembly -wi 2 -i 3`; `scripts/jmh.sh -h` lists JMH's options.
# MAVEN_OFFLINE=1 builds offline (-o) once the JMH artifacts are in ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
build=target/jmh
./mvnw -B -q -Pbench ${MAVEN_OFFLINE:+-o} -DbuildDir="$PWD/$build" test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$build/classpath.txt"
# Without a benchmark name first, all of ours.
[[ $# -eq 0 || $1 == -* ]] && set -- 'dev\.modbuswatch\.bench\.jmh\..*' "$@"
exec java -cp "$build/test-classes:$build/classes:$(cat "$build/classpath.txt")" org.openjdk.jmh.Main "$@"
