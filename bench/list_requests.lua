-- Sequential requests cycling over a list of (path, bearer token) pairs, one a line separated by a
-- tab, read from the file LIST_FILE names; at the end prints the latency p50/p95 (ms) and the count
-- of non-2xx answers as one JSON line. Used by bench/monitoring_scale.py with `wrk -t1 -c1 -dNs`
-- (one request at a time for N seconds; wrk cannot stop after a count).
local pairs_ = {}
local sent = 0

function init(args)
  for line in io.lines(os.getenv("LIST_FILE")) do
    local path, token = line:match("^([^\t]+)\t(.+)$")
    table.insert(pairs_, { path, token })
  end
end

function request()
  sent = sent % #pairs_ + 1
  local p = pairs_[sent]
  return wrk.format("GET", p[1], { ["Authorization"] = "Bearer " .. p[2] })
end

function done(summary, latency, requests)
  io.write(string.format(
    '@@LIST {"requests": %d, "p50_ms": %.3f, "p95_ms": %.3f, "non_2xx": %d}\n',
    summary.requests, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.errors.status))
end
