#!/usr/bin/env bash
# Builds croupier-benchmarks/target/benchmarks.jar and provisions tenants on a fresh embedded store
# in a temporary folder: first in the collection tier, then, on a second store, in the shared tier.
# At each checkpoint it prints the latency of creating an organization and of reading a fixed set
# of probe tenants' documents, by id and by page, so that the read figures can be compared across
# tenant counts.
#
# Usage: bench/scaling.sh [COLLECTION_CHECKPOINTS] [SHARED_CHECKPOINTS]
#   defaults "1000 10000" and "1000 10000 100000"; the defaults take about half an hour on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/common.sh
source bench/common.sh

collection_checkpoints=${1:-"1000 10000"}
shared_checkpoints=${2:-"1000 10000 100000"}
jar=croupier-benchmarks/target/benchmarks.jar

build_benchmarks
print_machine

# shellcheck disable=SC2086
java -Xmx4g -cp "$jar" io.croupier.benchmarks.TenantScalingBenchmark collection $collection_checkpoints
# shellcheck disable=SC2086
java -Xmx4g -cp "$jar" io.croupier.benchmarks.TenantScalingBenchmark shared $shared_checkpoints
