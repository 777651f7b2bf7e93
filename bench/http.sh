#!/usr/bin/env bash
# Measures Croupier's HTTP throughput with wrk and compares each figure with a reference taken in
# the same run on the same machine. The script starts its own server on 127.0.0.1, on the embedded
# store in a temporary folder, creates an organization, logs in and stops the server at the end.
# It prints each figure, each ratio, and PASS or FAIL against the ratio's target.
#
# Usage: bench/http.sh   (needs wrk, curl, jq, Java and Maven; takes four to six minutes)
#
# Settings, all optional, from the environment:
#   CROUPIER_BENCH_PORT      port of the server (default 18200)
#   CROUPIER_BCRYPT_COST     bcrypt cost of the server and of the raw measurement (default 12)
#   BENCH_DURATION           seconds of each measured wrk run (default 20)
#   BENCH_READ_CONNECTIONS   connections of the read runs (default 64)
#   BENCH_LOGIN_CONNECTIONS  connections of the login throughput run (default one per core)
#   BENCH_FLOOD_CONNECTIONS  connections of the login flood (default 32)
#   BENCH_FLOOD_PAUSE_MS     pause of each flood connection before each login (default 100, so
#                            32 connections offer up to 320 logins per second); 0 sends each
#                            login as soon as the response to the one before it arrives
#   BENCH_SERVER_JAVA_OPTS   extra JVM options of the server, for example -D settings to compare
#   BENCH_THREAD_DUMP        file that receives thread dumps of the server taken halfway through
#                            the read run and the flood
#
# The login limits are raised for the run. A login counts as a failure of its account and address
# until it succeeds, so concurrent logins of one account would otherwise get 429 from the sixth on.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${CROUPIER_BENCH_PORT:-18200}
cost=${CROUPIER_BCRYPT_COST:-12}
duration=${BENCH_DURATION:-20}
cores=$(nproc)
read_connections=${BENCH_READ_CONNECTIONS:-64}
login_connections=${BENCH_LOGIN_CONNECTIONS:-$cores}
flood_connections=${BENCH_FLOOD_CONNECTIONS:-32}
flood_pause_ms=${BENCH_FLOOD_PAUSE_MS:-100}
thread_dump=${BENCH_THREAD_DUMP:-}
base="http://127.0.0.1:$port"
server_jar=croupier-bootstrap/target/croupier.jar
bench_jar=croupier-benchmarks/target/benchmarks.jar
organization=bench
email=admin@bench.example
password=Bench9Password

for tool in wrk curl jq java mvn getconf; do
  if ! command -v "$tool" >/dev/null; then
    echo "$tool is missing; install it (on Debian: apt-get install -y $tool) and rerun." >&2
    exit 1
  fi
done

# True when the jar is missing or older than a Java source, pom or configuration file.
stale() {
  [ ! -f "$1" ] || [ -n "$(find . \( -path ./croupier-data -o -name target -o -name .git \) \
    -prune -o \( -name '*.java' -o -name pom.xml -o -name '*.yml' -o -name '*.xml' \) \
    -newer "$1" -print -quit)" ]
}
if stale "$server_jar" || stale "$bench_jar"; then
  echo "Building $server_jar and $bench_jar..." >&2
  build_log=$(mktemp)
  if ! mvn -q -B -DskipTests package -pl croupier-bootstrap,croupier-benchmarks -am \
    >"$build_log" 2>&1; then
    cat "$build_log" >&2
    echo "The build failed; the Maven output is above." >&2
    exit 1
  fi
  rm -f "$build_log"
fi

work=$(mktemp -d)
server=
flood=
cleanup() {
  [ -z "$flood" ] || kill "$flood" 2>/dev/null || true
  [ -z "$server" ] || kill "$server" 2>/dev/null || true
  [ -z "$server" ] || wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "machine: $cores cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "java: $(java -version 2>&1 | head -n 1)"
echo "bcrypt cost $cost; each measured run ${duration}s"
# Other processes' load skews every figure; the load average at the end would include this run's.
echo "load average at the start (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"

# --- server -------------------------------------------------------------------------------
# The priority options are those of the croupier launcher: password hashing runs at nice 19.
# shellcheck disable=SC2086 # BENCH_SERVER_JAVA_OPTS holds several options on purpose.
CROUPIER_PORT=$port CROUPIER_DATA_DIR=$work/data CROUPIER_BCRYPT_COST=$cost \
  CROUPIER_LOGIN_ACCOUNT_FAILURES=1000000 CROUPIER_LOGIN_ADDRESS_FAILURES=1000000 \
  java -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19 \
  ${BENCH_SERVER_JAVA_OPTS:-} -jar "$server_jar" serve >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -fsS "$base/health" >/dev/null 2>&1 && break
  if ! kill -0 "$server" 2>/dev/null; then
    echo "The server exited during start-up; its log follows." >&2
    cat "$work/server.log" >&2
    exit 1
  fi
  sleep 1
done

curl -fsS -o /dev/null -X POST "$base/org/create" -H 'Content-Type: application/json' \
  --data-binary "{\"organization_name\":\"$organization\",\"email\":\"$email\",\"password\":\"$password\"}"
token=$(curl -fsS -X POST "$base/admin/login" -H 'Content-Type: application/json' \
  --data-binary "{\"email\":\"$email\",\"password\":\"$password\"}" | jq -r .access_token)
read_url="$base/org/get?organization_name=$organization"
# The admin email appears only for the organization's own token, so this proves the reads below
# take the authenticated path.
shown=$(curl -fsS -H "Authorization: Bearer $token" "$read_url" | jq -r .email)
if [ "$shown" != "$email" ]; then
  echo "GET /org/get with the token returned email '$shown', expected $email." >&2
  exit 1
fi

# --- helpers ------------------------------------------------------------------------------
clock_ticks=$(getconf CLK_TCK)

# server_cpu_ms: CPU time that every thread of the server has used so far, in milliseconds.
server_cpu_ms() {
  awk -v hz="$clock_ticks" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$server/stat"
}

# run_wrk CONNECTIONS SECONDS TIMEOUT SCRIPT URL [SCRIPT_ARGS...]: prints report.lua's line
# followed by server_cpu_ms, the CPU time the server used during the run.
run_wrk() {
  local connections=$1 seconds=$2 timeout=$3 script=$4 url=$5 before result
  shift 5
  before=$(server_cpu_ms)
  result=$(wrk -t $((connections < 2 ? connections : 2)) -c "$connections" -d "${seconds}s" \
    --timeout "${timeout}s" -s "$script" "$url" -- "$@" | grep '^wrk-result')
  echo "$result server_cpu_ms=$(($(server_cpu_ms) - before))"
}

# sum_fields LINE...: prints "NAME=total" for every field, summed over the wrk-result lines.
sum_fields() {
  printf '%s\n' "$@" | awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); total[kv[1]] += kv[2] } }
    END { for (name in total) print name "=" total[name] }'
}

# total NAME LINE...: prints the sum of field NAME over the wrk-result lines.
total() {
  local name=$1
  shift
  sum_fields "$@" | sed -n "s/^$name=//p"
}

# listed NAME LINE...: prints the values of field NAME of each run, separated by " / ".
listed() {
  local name=$1
  shift
  printf '%s\n' "$@" | tr ' ' '\n' | sed -n "s/^$name=//p" | paste -sd/ | sed 's|/| / |g'
}

# ok_rate LINE...: responses per second with a status below 400, over all the runs given.
ok_rate() {
  awk -v r="$(total requests "$@")" -v e="$(total non2xx "$@")" -v s="$(total seconds "$@")" \
    'BEGIN { printf "%.1f", (r - e) / s }'
}

# cpu_per_response LINE...: server CPU time per response in milliseconds, over the runs given.
# It changes much less than a rate when other processes compete for the cores.
cpu_per_response() {
  awk -v c="$(total server_cpu_ms "$@")" -v r="$(total requests "$@")" \
    'BEGIN { printf "%.3f", c / r }'
}

# max_p99 LINE...: prints the highest p99 latency among the runs, in milliseconds.
max_p99() { listed p99_ms "$@" | tr -d ' ' | tr / '\n' | sort -g | tail -n 1; }

# describe LINE...: the latencies of each run and the errors of all, for the printed figure.
describe() {
  echo "p50 $(listed p50_ms "$@") ms, p99 $(listed p99_ms "$@") ms," \
    "non-2xx $(total non2xx "$@"), timeouts $(total timeouts "$@")," \
    "socket errors $(total socket_errors "$@")"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

# verdict VALUE OPERATOR TARGET: prints PASS or FAIL; OPERATOR is ">=" or "<".
verdict() {
  awk -v v="$1" -v op="$2" -v t="$3" \
    'BEGIN { ok = (op == ">=") ? v >= t : v < t; print (ok ? "PASS" : "FAIL") }'
}

# dump_threads_later SECONDS LABEL: appends a thread dump of the server after SECONDS.
dumps=()
dump_threads_later() {
  [ -n "$thread_dump" ] || return 0
  (sleep "$1" && { echo "=== $2"; jcmd "$server" Thread.print; } >>"$thread_dump" 2>&1) &
  dumps+=("$!")
}

# --- warm-up ------------------------------------------------------------------------------
# The JIT compiler needs a minute or more of load before GET /org/get reaches its steady speed,
# longer on a busy machine. So the reads repeat in 5-second runs until their CPU time per response
# has stopped falling by over 5 % twice in a row, for at least 30 and at most 180 seconds.
echo "warming up the server's JIT compiler..."
run_wrk "$login_connections" 10 30 bench/wrk/login.lua "$base/admin/login" "$email" "$password" \
  >/dev/null
run_wrk "$read_connections" 10 10 bench/wrk/report.lua "$base/health/liveness" >/dev/null
previous=
steady=0
for warm_up_seconds in $(seq 5 5 180); do
  current=$(cpu_per_response "$(run_wrk "$read_connections" 5 10 bench/wrk/bearer.lua \
    "$read_url" "$token")")
  if [ -n "$previous" ] &&
    [ "$(awk -v c="$current" -v p="$previous" 'BEGIN { print (c > 0.95 * p) }')" = 1 ]; then
    steady=$((steady + 1))
  else
    steady=0
  fi
  previous=$current
  [ "$steady" -ge 2 ] && [ "$warm_up_seconds" -ge 30 ] && break
done
echo "GET /org/get warmed up for ${warm_up_seconds}s, to $current ms of server CPU per response"

# --- a. login against raw bcrypt ----------------------------------------------------------
# bcrypt_rate: verifications per second with one thread per core, measured by JMH in its own JVM
# while the server is idle. It runs at nice 19 like the server's hashing threads, so that other
# processes on the machine slow both sides alike.
bcrypt_rate() {
  nice -n 19 java -jar "$bench_jar" 'BcryptBenchmark.verify' -p cost="$cost" -t "$cores" \
    -f 1 -wi 1 -w 5s -i 2 -r 5s -rf csv -rff "$work/bcrypt.csv" >"$work/jmh.log" 2>&1
  awk -F, 'NR == 2 { gsub(/"/, "", $5); printf "%.2f", $5 }' "$work/bcrypt.csv"
}

echo
echo "== a. login throughput against raw bcrypt verification, cost $cost, $cores threads"
# The reference is the mean of a measurement before and one after the logins, so that a change
# in the load of a shared machine during the run moves both sides alike.
bcrypt_before=$(bcrypt_rate)
login=$(run_wrk "$login_connections" "$duration" 30 bench/wrk/login.lua "$base/admin/login" \
  "$email" "$password")
bcrypt_after=$(bcrypt_rate)
bcrypt_mean=$(awk -v a="$bcrypt_before" -v b="$bcrypt_after" 'BEGIN { printf "%.2f", (a + b) / 2 }')
login_rate=$(ok_rate "$login")
login_ratio=$(ratio "$login_rate" "$bcrypt_mean")
echo "bcrypt verify (JMH, $cores threads): $bcrypt_mean/s (before $bcrypt_before/s, after $bcrypt_after/s)"
echo "POST /admin/login ($login_connections connections): $login_rate/s ($(describe "$login"))"
echo "ratio login/bcrypt: $login_ratio, target >= 0.90: $(verdict "$login_ratio" '>=' 0.90)"
bcrypt_cpu=$(java -cp "$bench_jar" io.croupier.benchmarks.BcryptCpuTime "$cost" 10)
login_cpu=$(cpu_per_response "$login")
echo "CPU time: $login_cpu ms per login (every server thread), $bcrypt_cpu ms per bcrypt" \
  "verification (one thread); ratio bcrypt/login $(ratio "$bcrypt_cpu" "$login_cpu")"
if [ "$(awk -v a="$bcrypt_before" -v b="$bcrypt_after" 'BEGIN { print (a > 1.2 * b || b > 1.2 * a) }')" = 1 ]; then
  echo "WARNING: bcrypt rates before and after differ by over 20 %, so the load of the machine" \
    "changed during the run; rerun when the machine is otherwise idle."
fi

# --- b. authenticated read against the cheapest endpoint ----------------------------------
echo
echo "== b. authenticated GET /org/get against GET /health/liveness, $read_connections connections"
# Two half-length runs of each, in the order A B B A, so that a steady change in the load of
# the machine affects both sides alike.
half=$(((duration + 1) / 2))
liveness1=$(run_wrk "$read_connections" "$half" 10 bench/wrk/report.lua "$base/health/liveness")
dump_threads_later $((half / 2)) "GET /org/get, $read_connections connections"
reads1=$(run_wrk "$read_connections" "$half" 10 bench/wrk/bearer.lua "$read_url" "$token")
reads2=$(run_wrk "$read_connections" "$half" 10 bench/wrk/bearer.lua "$read_url" "$token")
liveness2=$(run_wrk "$read_connections" "$half" 10 bench/wrk/report.lua "$base/health/liveness")
liveness_rate=$(ok_rate "$liveness1" "$liveness2")
read_rate=$(ok_rate "$reads1" "$reads2")
read_ratio=$(ratio "$read_rate" "$liveness_rate")
read_p99=$(max_p99 "$reads1" "$reads2")
echo "GET /health/liveness: $liveness_rate/s ($(describe "$liveness1" "$liveness2"))"
echo "GET /org/get:         $read_rate/s ($(describe "$reads1" "$reads2"))"
echo "ratio org-get/liveness: $read_ratio, target >= 0.5: $(verdict "$read_ratio" '>=' 0.5)"
echo "server CPU time per response: $(cpu_per_response "$liveness1" "$liveness2") ms for" \
  "liveness, $(cpu_per_response "$reads1" "$reads2") ms for GET /org/get"
echo "p99 of GET /org/get, the higher of the two runs: $read_p99 ms," \
  "target < 20 ms: $(verdict "$read_p99" '<' 20)"
# Without a token, GET /org/get verifies no token and checks no revocation. Its figure shows how
# much of the gap to the probe token authentication explains.
anonymous=$(run_wrk "$read_connections" "$half" 10 bench/wrk/report.lua "$read_url")
echo "for comparison, GET /org/get without a token: $(ok_rate "$anonymous")/s" \
  "($(describe "$anonymous"), server CPU $(cpu_per_response "$anonymous") ms per response)"

# --- c. authenticated reads during a login flood ------------------------------------------
echo
echo "== c. GET /org/get during a login flood of $flood_connections connections," \
  "each pausing $flood_pause_ms ms before each login"
run_wrk "$flood_connections" $((duration + 4)) 30 bench/wrk/login.lua "$base/admin/login" \
  "$email" "$password" "$flood_pause_ms" >"$work/flood.out" &
flood=$!
sleep 2
dump_threads_later $((duration / 2)) "GET /org/get during the login flood"
flooded=$(run_wrk "$read_connections" "$duration" 10 bench/wrk/bearer.lua "$read_url" "$token")
wait "$flood"
flood=
flood_line=$(cat "$work/flood.out")
# The server finishes the logins that wrk abandoned at its end, at most one per connection.
sleep "$(awk -v c="$flood_connections" -v r="$bcrypt_mean" 'BEGIN { printf "%d", c / r + 2 }')"
reads3=$(run_wrk "$read_connections" "$half" 10 bench/wrk/bearer.lua "$read_url" "$token")
calm_rate=$(ok_rate "$reads1" "$reads2" "$reads3")
flooded_rate=$(ok_rate "$flooded")
flood_ratio=$(ratio "$flooded_rate" "$calm_rate")
echo "POST /admin/login flood: $(ok_rate "$flood_line")/s accepted of" \
  "$(awk -v r="$(total requests "$flood_line")" -v s="$(total seconds "$flood_line")" \
    'BEGIN { printf "%.1f", r / s }')/s sent ($(describe "$flood_line"))"
echo "GET /org/get during the flood: $flooded_rate/s ($(describe "$flooded"))"
echo "GET /org/get without the flood, the runs of b and one after the flood: $calm_rate/s" \
  "($(describe "$reads1" "$reads2" "$reads3"))"
echo "ratio during/without flood: $flood_ratio, target >= 0.80: $(verdict "$flood_ratio" '>=' 0.80)"
[ ${#dumps[@]} -eq 0 ] || wait "${dumps[@]}"
