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
# shellcheck source=bench/common.sh
source bench/common.sh

source_tier=${1:-shared}
target_tier=${2:-collection}
sizes=${3:-"1000 10000 50000"}
jar=croupier-benchmarks/target/benchmarks.jar

build_benchmarks
print_machine

# shellcheck disable=SC2086
java -Xmx4g -cp "$jar" io.croupier.benchmarks.MoveSwitchBenchmark "$source_tier" "$target_tier" $sizes
