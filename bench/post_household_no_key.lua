-- wrk: POST one new household per request, without an Idempotency-Key.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"town_code":"419001100","village_code":"419001100201","head_name":"压测户","kind":"lifted_out","member_count":3}'
