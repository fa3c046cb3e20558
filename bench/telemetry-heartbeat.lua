-- wrk script of bench/telemetry.sh: seed 002 plugin heartbeats signed with each merchant's key, or the no-op
-- endpoint with the same bookkeeping (so both runs cost the load generator the same).
--
-- Settings (environment):
--   TB_MODE      heartbeat (default) | populate (each install once, then the thread stops) | noop
--   TB_KEYS      file of "merchant_id key" lines, one per merchant (heartbeat, populate)
--   TB_INSTALLS  number of installs (default 100000); install i belongs to merchant i % merchants
--   TB_THREADS   wrk's -t (the installs are shared out between the threads)
--   TB_SEED      where in the installs this run starts (any whole number; default 0)
--   TB_PATH      path of the no-op request (noop mode; default /api/v1/system/ping)
--   TB_RESULT    file done() writes key=value lines to (counts by status, latency percentiles in µs, ...)
--   TB_IDS       file done() writes the installation_id of every 200 answer to, one a line (optional)
--   TB_MARKER    populate: each thread creates TB_MARKER.<thread> when it has had all its answers
--
-- Every request picks the next install of a pseudo-random permutation of 0..TB_INSTALLS-1 (the threads take
-- turns), so a run visits every install once before it visits any twice, in no particular order -- like the
-- top-of-the-hour wave of hourly heartbeats. Install i has site https://shop-i.example/ and fixed CMS, plugin,
-- PHP and WordPress versions, environment and server, drawn from a hash of i.

local mode = os.getenv("TB_MODE") or "heartbeat"
local installs = tonumber(os.getenv("TB_INSTALLS") or "100000")
local nthreads = tonumber(os.getenv("TB_THREADS") or "1")
local seed = tonumber(os.getenv("TB_SEED") or "0")
local noop_path = os.getenv("TB_PATH") or "/api/v1/system/ping"

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

-- per thread; globals, as done() reads them with thread:get
counts = {}         -- status -> answers
ids = {}            -- installation_id -> true (200 answers)
no_retry_after = 0  -- 429/503 answers without Retry-After
max_retry_after = 0
bad_body = 0        -- 200 answers without an installation_id
local merchants = {}
local nmerchants = 0
local k = 0              -- this thread's position in the permutation
local share = 0          -- populate: installs this thread sends
local answered = 0
local multiplier = 48271
local offset = 0
local headers_json = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
local headers_get = { ["Accept"] = "application/json" }

local function gcd(a, b)
  while b ~= 0 do a, b = b, a % b end
  return a
end

-- 32-bit multiplicative hash of the install index, for its fixed attributes
local function hash(i)
  return (i * 2654435761) % 4294967296
end

local function pick(h, shift, list)
  return list[math.floor(h / 2 ^ shift) % #list + 1]
end

-- weighted lists (repeated entries)
local CMS = { "woocommerce", "woocommerce", "woocommerce", "woocommerce", "woocommerce", "woocommerce",
  "woocommerce", "woocommerce", "woocommerce", "woocommerce", "woocommerce", "woocommerce", "woocommerce",
  "woocommerce", "prestashop", "prestashop", "prestashop", "magento", "magento", "opencart" }
local PLUGIN = { "1.3.5", "1.3.5", "1.3.5", "1.3.5", "1.3.5", "1.3.5", "1.3.5", "1.3.5", "1.3.4", "1.3.4",
  "1.3.4", "1.3.4", "1.2.0", "1.2.0", "1.2.0", "1.1.2" }
local PHP = { "8.1.27", "8.1.27", "8.1.27", "8.2.15", "8.2.15", "8.3.4", "8.0.30", "7.4.33" }
local WORDPRESS = { "6.4.3", "6.4.3", "6.4.3", "6.5.2", "6.5.2", "6.3.1", "6.2.2", "5.9.3" }
local ENVIRONMENT = { "production", "production", "production", "production", "production", "production",
  "production", "production", "production", "production", "production", "production", "production",
  "production", "staging", "staging", "development", "production", "production", "production" }
local SERVER = { "Apache/2.4.56 (Debian)", "Apache/2.4.57 (Ubuntu)", "nginx/1.24.0", "nginx/1.22.1",
  "LiteSpeed", "Apache" }
local MEMORY = { "128M", "256M", "256M", "512M" }
local EXECUTION = { "30", "60", "300", "300" }

local function heartbeat(i)
  local h = hash(i)
  local merchant = merchants[i % nmerchants]
  local cms = pick(h, 0, CMS)
  local wordpress = ""
  if cms == "woocommerce" then
    wordpress = string.format(',"wordpress_version":"%s"', pick(h, 9, WORDPRESS))
  end
  local body = string.format(
    '{"merchant_id":"%s","cms":"%s","site_url":"https://shop-%d.example/","plugin_version":"%s",'
      .. '"sdk_language":"php","errors_last_hour":%.2f,"environment":"%s","php_version":"%s"%s,'
      .. '"server_info":{"server_software":"%s","max_execution_time":"%s","memory_limit":"%s"}}',
    merchant[1], cms, i, pick(h, 5, PLUGIN), (math.floor(h / 2 ^ 12) % 9) * 0.25 + (k % 3) * 0.25,
    pick(h, 16, ENVIRONMENT), pick(h, 21, PHP), wordpress, pick(h, 24, SERVER), pick(h, 27, EXECUTION),
    pick(h, 29, MEMORY))
  headers_json["Authorization"] = merchant[2]
  return wrk.format("POST", "/api/v1/plugins/heartbeat", headers_json, body)
end

function init(args)
  if mode ~= "noop" then
    local file = assert(io.open(assert(os.getenv("TB_KEYS"), "TB_KEYS is not set"), "r"))
    for line in file:lines() do
      local id, key = line:match("^(%S+)%s+(%S+)")
      if id then
        merchants[nmerchants] = { id, "Bearer " .. key }
        nmerchants = nmerchants + 1
      end
    end
    file:close()
    assert(nmerchants > 0, "no keys in TB_KEYS")
  end
  while gcd(multiplier, installs) ~= 1 do multiplier = multiplier + 1 end
  offset = (seed * 7919) % installs
  k = tid
  share = math.floor((installs - 1 - tid) / nthreads) + 1
end

function request()
  if mode == "noop" then
    return wrk.format("GET", noop_path, headers_get)
  end
  local i = (multiplier * k + offset) % installs
  k = (k + nthreads) % installs
  return heartbeat(i)
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  if status == 200 then
    if mode ~= "noop" then
      local id = body and body:match('"installation_id"%s*:%s*"([^"]+)"')
      if id then ids[id] = true else bad_body = bad_body + 1 end
    end
  elseif status == 429 or status == 503 then
    local retry = headers["Retry-After"] or headers["retry-after"]
    if not retry then
      for name, value in pairs(headers) do
        if name:lower() == "retry-after" then retry = value end
      end
    end
    if retry then
      local seconds = tonumber(retry)
      if seconds and seconds > max_retry_after then max_retry_after = seconds end
    else
      no_retry_after = no_retry_after + 1
    end
  end
  if mode == "populate" then
    answered = answered + 1
    if answered == share then
      local marker = os.getenv("TB_MARKER")
      if marker then
        local f = io.open(marker .. "." .. tid, "w")
        if f then f:write(answered, "\n") f:close() end
      end
      wrk.thread:stop()
    end
  end
end

function done(summary, latency, requests)
  local total = {}
  local ids_file = os.getenv("TB_IDS")
  local out_ids = ids_file and assert(io.open(ids_file, "w"))
  local sums = { no_retry_after = 0, bad_body = 0, max_retry_after = 0, distinct_ids = 0 }
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("counts")) do
      total[status] = (total[status] or 0) + n
    end
    sums.no_retry_after = sums.no_retry_after + thread:get("no_retry_after")
    sums.bad_body = sums.bad_body + thread:get("bad_body")
    sums.max_retry_after = math.max(sums.max_retry_after, thread:get("max_retry_after"))
    for id in pairs(thread:get("ids")) do
      sums.distinct_ids = sums.distinct_ids + 1
      if out_ids then out_ids:write(id, "\n") end
    end
  end
  if out_ids then out_ids:close() end

  local lines = {}
  local function put(key, value) table.insert(lines, key .. "=" .. tostring(value)) end
  put("mode", mode)
  put("duration_us", summary.duration)
  put("requests", summary.requests)
  put("rps", string.format("%.1f", summary.requests / (summary.duration / 1e6)))
  put("bytes", summary.bytes)
  put("errors_connect", summary.errors.connect)
  put("errors_read", summary.errors.read)
  put("errors_write", summary.errors.write)
  put("errors_timeout", summary.errors.timeout)
  put("errors_status", summary.errors.status)
  local answers, ok, other = 0, 0, 0
  local statuses = {}
  for status, n in pairs(total) do
    answers = answers + n
    table.insert(statuses, status)
    if status >= 200 and status < 300 then ok = ok + n end
  end
  table.sort(statuses)
  local breakdown = {}
  for _, status in ipairs(statuses) do table.insert(breakdown, status .. ":" .. total[status]) end
  put("answers", answers)
  put("status_2xx", ok)
  put("status_200", total[200] or 0)
  put("status_429", total[429] or 0)
  put("status_503", total[503] or 0)
  other = answers - ok - (total[429] or 0) - (total[503] or 0)
  put("status_other", other)
  put("statuses", table.concat(breakdown, ","))
  put("no_retry_after", sums.no_retry_after)
  put("max_retry_after", sums.max_retry_after)
  put("bad_body", sums.bad_body)
  put("distinct_ids", sums.distinct_ids)
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    put("latency_p" .. tostring(p):gsub("%.", "_") .. "_us", latency:percentile(p))
  end
  put("latency_max_us", latency.max)
  put("latency_mean_us", string.format("%.0f", latency.mean))

  local text = table.concat(lines, "\n") .. "\n"
  local result = os.getenv("TB_RESULT")
  if result then
    local f = assert(io.open(result, "w"))
    f:write(text)
    f:close()
  end
  io.write(text)
end
