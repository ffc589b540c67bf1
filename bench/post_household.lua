-- wrk: POST one new household per request, each with its own Idempotency-Key.
local counter = 0
local prefix = os.getenv("BENCH_KEY_PREFIX") or tostring(os.time())
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"town_code":"419001100","village_code":"419001100201","head_name":"压测户","kind":"lifted_out","member_count":3}'

request = function()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = prefix .. "-" .. counter
  return wrk.format()
end
