#!/usr/bin/env bash
# Builds croupier-benchmarks/target/benchmarks.jar and moves organizations of growing size between
# two tiers of a fresh embedded store in a temporary folder, while a writer keeps writing to each.
# For each size it prints the move's total time, how long writes were refused, the longest gap the
# writer saw between two accepted writes, and whether the new tier contains exactly what was accepted.
#
# Usage: bench/move.sh [SOURCE] [TARGET] [SIZES]
#   defaults shared, collection and "1000 10000 50000"; the defaults take a few minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

source_tier=${1:-shared}
target_tier=${2:-collection}
sizes=${3:-"1000 10000 50000"}
jar=croupier-benchmarks/target/benchmarks.jar

build_log=$(mktemp)
if ! mvn -q -B -DskipTests package -pl croupier-benchmarks -am >"$build_log" 2>&1; then
  cat "$build_log" >&2
  echo "The build failed; the Maven output is above." >&2
  exit 1
fi
rm -f "$build_log"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "java: $(java -version 2>&1 | head -n 1)"
echo "load average at the start (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"

# shellcheck disable=SC2086
java -Xmx4g -cp "$jar" io.croupier.benchmarks.MoveSwitchBenchmark "$source_tier" "$target_tier" $sizes
