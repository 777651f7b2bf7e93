#!/usr/bin/env bash
# Compares the median response time of failed logins for a known email (wrong password) with
# that of failed logins for unknown emails. The script starts its own Croupier server on
# 127.0.0.1, on the embedded store in a temporary folder, and stops it at the end.
#
# Usage: bench/login-timing.sh [ROUNDS]   (default 200; needs curl, jq and a built croupier.jar)
# The login limits are raised for the run, so lockouts never cut the bcrypt work short.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${1:-200}
port=${CROUPIER_BENCH_PORT:-18090}
jar=croupier-bootstrap/target/croupier.jar
base="http://127.0.0.1:$port"
[ -f "$jar" ] || mvn -q -B -DskipTests package

data_dir=$(mktemp -d)
log=$(mktemp)
CROUPIER_PORT=$port CROUPIER_DATA_DIR=$data_dir \
  CROUPIER_LOGIN_ACCOUNT_FAILURES=1000000 CROUPIER_LOGIN_ADDRESS_FAILURES=1000000 \
  java -jar "$jar" serve >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data_dir" "$log"' EXIT
for _ in $(seq 1 120); do
  curl -fsS "$base/health" >/dev/null 2>&1 && break
  sleep 1
done

login_time() {  # login_time EMAIL: prints the seconds one failed login took
  curl -s -o /dev/null -w '%{time_total}\n' -X POST "$base/admin/login" \
    -H 'Content-Type: application/json' \
    --data-binary "{\"email\":\"$1\",\"password\":\"Wrong9Password\"}"
}

curl -fsS -o /dev/null -X POST "$base/org/create" -H 'Content-Type: application/json' \
  --data-binary '{"organization_name":"timing","email":"known@timing.example","password":"Right9Password"}'

# Warm-up, then interleaved rounds so that drift in machine load hits both sides alike.
for _ in $(seq 1 10); do login_time known@timing.example >/dev/null; done
known=$(mktemp)
unknown=$(mktemp)
for i in $(seq 1 "$rounds"); do
  login_time known@timing.example >>"$known"
  login_time "nobody$i@timing.example" >>"$unknown"
done

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
known_median=$(median "$known")
unknown_median=$(median "$unknown")
rm -f "$known" "$unknown"
echo "rounds: $rounds each, bcrypt cost 12"
echo "median failed login, known email:   ${known_median}s"
echo "median failed login, unknown email: ${unknown_median}s"
awk -v k="$known_median" -v u="$unknown_median" 'BEGIN { printf "ratio unknown/known: %.3f\n", u / k }'
