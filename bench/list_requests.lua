-- Sequential requests cycling over a list of (path, bearer token) pairs, one a line separated by a
-- tab, read from the file LIST_FILE names; at the end prints one JSON line: every request's own
-- latency (ms, as sent) and the count of non-2xx answers. Used by bench/monitoring_scale.py with
-- `wrk -t1 -c1 -dNs` (one request at a time for N seconds; wrk cannot stop after a count).
--
-- The latencies are timed here, not read from wrk's histogram: wrk "corrects" its histogram for
-- coordinated omission before done() sees it (stats_correct: every request slower than twice the
-- run's mean interval gets copies at latency - k x interval added), so in a 1-second run of ~300
-- requests one 200 ms request became ~60 samples and the p95 (issue 16: alerts 134 ms against
-- 8.7 ms counted per request). One connection sending the next request when the previous answer
-- arrives is a closed loop: each request's own time is the figure.
local ffi = require("ffi")
ffi.cdef([[
typedef struct { long tv_sec; long tv_nsec; } xj_timespec;
int clock_gettime(int clk_id, xj_timespec *tp);
]])
local CLOCK_MONOTONIC = 1
local now_ts = ffi.new("xj_timespec")

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, now_ts)
  return tonumber(now_ts.tv_sec) * 1000 + tonumber(now_ts.tv_nsec) / 1e6
end

local threads = {}
local pairs_ = {}
local sent = 0
local started = nil
-- Read by done() through thread:get (request/response run in the thread's own Lua state).
latencies = {}
not_2xx = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("LIST_FILE")) do
    local path, token = line:match("^([^\t]+)\t(.+)$")
    table.insert(pairs_, { path, token })
  end
end

function request()
  sent = sent % #pairs_ + 1
  local p = pairs_[sent]
  started = now_ms()
  return wrk.format("GET", p[1], { ["Authorization"] = "Bearer " .. p[2] })
end

function response(status, headers, body)
  if started ~= nil then
    table.insert(latencies, now_ms() - started)
    started = nil
  end
  if status < 200 or status > 299 then
    not_2xx = not_2xx + 1
  end
end

function done(summary, latency, requests)
  local all, bad = {}, 0
  for _, thread in ipairs(threads) do
    for _, ms in ipairs(thread:get("latencies")) do
      table.insert(all, string.format("%.3f", ms))
    end
    bad = bad + thread:get("not_2xx")
  end
  io.write(string.format('@@LIST {"latencies_ms": [%s], "non_2xx": %d}\n', table.concat(all, ","), bad))
end
