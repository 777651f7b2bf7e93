#!/usr/bin/env bash
# Builds croupier-benchmarks/target/benchmarks.jar and runs the JMH benchmarks of the security
# adapter with short settings: bcrypt verification and hashing at the given cost, and access-token
# verification and issuing, each on one thread, then bcrypt verification on one thread per core.
#
# Usage: bench/jmh.sh [COST]   (default cost 12; takes about two minutes)
# BENCH_JMH_SETTINGS replaces the run settings below, for example "-f 1 -wi 1 -w 5s -i 10 -r 5s"
# for ten measured iterations; `java -jar croupier-benchmarks/target/benchmarks.jar -h` lists them.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/common.sh
source bench/common.sh

cost=${1:-12}
cores=$(nproc)
jar=croupier-benchmarks/target/benchmarks.jar

build_benchmarks
# Other processes' load skews every figure; the load average at the end would include this run's.
print_machine

# One fork, one 5-second warm-up iteration and three 5-second measured iterations per benchmark:
# enough for bcrypt at cost 12 (a few operations per second) to run about 20 times per iteration.
read -r -a settings <<<"${BENCH_JMH_SETTINGS:--f 1 -wi 1 -w 5s -i 3 -r 5s}"
settings+=(-p "cost=$cost")
results=$(mktemp)
log=$(mktemp)
trap 'rm -f "$results" "$log"' EXIT

# run_jmh ARGS...: runs JMH with its progress in a log, shown only when the run fails.
run_jmh() {
  if ! java -jar "$jar" "$@" -rf text -rff "$results" >"$log" 2>&1; then
    cat "$log" >&2
    echo "JMH failed; its output is above." >&2
    exit 1
  fi
}

run_jmh 'io.croupier.benchmarks.*' -t 1 "${settings[@]}"
echo
echo "== one thread"
cat "$results"

run_jmh 'BcryptBenchmark.verify' -t "$cores" "${settings[@]}"
echo
echo "== bcrypt verification, $cores threads (one per core)"
cat "$results"
