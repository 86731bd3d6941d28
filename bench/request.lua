-- wrk script for bench/run.sh. Environment:
--   COOKIE   the Cookie header (sign-in and antiforgery cookies), or empty
--   BODY     a form body: the request becomes a POST (the antiforgery token is inside it)
--   PATHS    a file of paths, one a line, taken in turn (the write spreads over several plans)
--   RATE     requests per second in all, over CONNECTIONS connections: each connection waits
--            between requests to keep it (wrk2 is not in Debian; this is wrk's own delay() hook)
local cookie = os.getenv("COOKIE") or ""
local body = os.getenv("BODY") or ""
local rate = tonumber(os.getenv("RATE") or "")
local paths = {}
local pathsFile = os.getenv("PATHS") or ""
if pathsFile ~= "" then
  for line in io.lines(pathsFile) do paths[#paths + 1] = line end
end

local connections = tonumber(os.getenv("CONNECTIONS") or "1")
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  if cookie ~= "" then wrk.headers["Cookie"] = cookie end
  if body ~= "" then
    wrk.method = "POST"
    wrk.body = body
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  end
end

local n = 0
function request()
  n = n + 1
  if #paths > 0 then
    return wrk.format(nil, paths[(n + id * 7919) % #paths + 1])
  end
  return wrk.format()
end

if rate then
  function delay()
    -- Each connection sends rate / connections requests per second.
    return 1000 * connections / rate
  end
end

-- One line the script can read: requests/s, p50 and p99 in ms, error answers (4xx, 5xx, broken
-- connections), requests, and requests slower than wrk's 2 s timeout.
function done(summary, latency, requests)
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, bad, summary.requests, summary.errors.timeout))
end
