-- wrk script: the same requests as plain wrk, with a machine-readable summary line at the end
-- ("ASSEMBLY {...}", JSON) for benchmarks/assembly.py. ASSEMBLY_COOKIE, if set, is sent as the Cookie
-- header (a signed-in staff member's session).

local cookie = os.getenv("ASSEMBLY_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'ASSEMBLY {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, "status": %d, ' ..
    '"timeout": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
