-- Stops the thread after REQUESTS responses, so that with one connection no request is left in
-- flight and the server's hit counter must equal the 2xx responses counted here exactly.
local limit = tonumber(os.getenv("REQUESTS") or "1000")
local responses = 0
local ok = 0

function response(status, headers, body)
  responses = responses + 1
  if status >= 200 and status < 300 then
    ok = ok + 1
  end
  if responses >= limit then
    io.write(string.format("2xx: %d\n", ok))
    wrk.thread:stop()
  end
end
