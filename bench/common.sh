# Functions shared by the benchmark scripts that run croupier-benchmarks/target/benchmarks.jar.
# Source it from the repository root.

# Builds the benchmarks jar and its modules; on failure prints the Maven output and exits.
build_benchmarks() {
  local build_log
  build_log=$(mktemp)
  if ! mvn -q -B -DskipTests package -pl croupier-benchmarks -am >"$build_log" 2>&1; then
    cat "$build_log" >&2
    echo "The build failed; the Maven output is above." >&2
    exit 1
  fi
  rm -f "$build_log"
}

# Prints the cores, CPU model, Java version and load average, so runs can be compared.
print_machine() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "java: $(java -version 2>&1 | head -n 1)"
  echo "load average at the start (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
}
