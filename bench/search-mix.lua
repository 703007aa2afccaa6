-- The search mix over HTTP: queries from the file QUERIES (one URL-encoded query per line), taken in turn. Each
-- request carries a counter (&n=…) that the page ignores, so no answer comes from the shared page cache: this
-- measures searches computed end to end. The auth cookie is COOKIE.
local queries = {}
for line in io.lines(os.getenv("QUERIES")) do queries[#queries + 1] = line end
local cookie = os.getenv("COOKIE")
local n = 0
request = function()
    n = n + 1
    return wrk.format("GET", "/search?q=" .. queries[(n % #queries) + 1] .. "&n=" .. n .. "-" .. math.random(1e9), { ["Cookie"] = cookie })
end

done = function(summary, latency, requests)
    io.write(string.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.0f requests/s, errors %d\n",
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        summary.requests / (summary.duration / 1e6), summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
