-- Prints one machine-readable summary line when wrk finishes, read by bench/http.sh.
-- non2xx counts responses with a status of 400 or more; latencies are in milliseconds.
function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "wrk-result requests=%d seconds=%.3f non2xx=%d timeouts=%d socket_errors=%d"
      .. " p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, errors.status, errors.timeout,
    errors.connect + errors.read + errors.write,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
