-- Prints one line at the end of a wrk run: p50, p95 and p99 latency, requests/s and errors (wrk's --latency has no p95).
done = function(summary, latency, requests)
    io.write(string.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.0f requests/s, errors %d\n",
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        summary.requests / (summary.duration / 1e6), summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
