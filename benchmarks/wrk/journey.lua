-- wrk script: each connection is one young person completing a survey, again and again.
--
-- Run with as many threads as connections (wrk -t N -c N), so that each Lua state drives exactly one
-- connection and can keep that respondent's cookie and place in the journey. Per journey: the start
-- page, Start (POST with the CSRF token from the page), every question page (GET, then POST with the
-- answers each form asks for), check your answers (GET, then Send), the confirmation page with its
-- reference. The person "thinks" before each POST (reading the page, answering); redirects are
-- followed at once, as a browser does.
--
-- Environment: ASSEMBLY_SLUG (survey), ASSEMBLY_LOG_DIR (one log file per thread),
-- ASSEMBLY_THINK_MS ("min-max" milliseconds before each POST).
-- Log lines (tab-separated): "r <kind> <status> <microseconds> <sent at, microseconds since the epoch>
-- <fresh>" per response (fresh: 1 if the request went on a connection wrk had just opened: the
-- respondent's first request, or the one after a response that said "Connection: close"; wrk opens
-- the new connection at once and keeps it silent while the respondent thinks), "sent" when Send is
-- posted, "ok" when Send is answered with the redirect, "ref <reference>" per confirmation page,
-- "error <kind> <status>" for anything unexpected (the journey then starts again).

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_usec; } assembly_timeval;
  int gettimeofday(assembly_timeval *tv, void *tz);
]]
local tv = ffi.new("assembly_timeval")
local function now_us()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000000 + tonumber(tv.tv_usec)
end

local slug = os.getenv("ASSEMBLY_SLUG") or "youth-voice"
local log_dir = os.getenv("ASSEMBLY_LOG_DIR") or "/tmp"
local think_min, think_max = (os.getenv("ASSEMBLY_THINK_MS") or "1000-3000"):match("(%d+)-(%d+)")
think_min, think_max = tonumber(think_min), tonumber(think_max)
-- Thinking longer than gunicorn's keep-alive (5 s): a new connection for each request.
local close_connections = (os.getenv("ASSEMBLY_CLOSE") or (think_max >= 4000 and "1" or "0")) == "1"
local TEXT_ANSWER = "More youth workers in the evenings and safe places to go after school"

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("thread_id", counter)
end

local log, cookie, step, path, body, kind, started, next_delay
-- wrk opens each connection as its thread starts: the first request goes on a fresh one.
local fresh = true

local function reset()
  cookie, step, path, body, kind, next_delay = nil, "start", "/s/" .. slug, nil, "start page", 0
end

function init(args)
  local id = wrk.thread:get("thread_id") or 0
  math.randomseed(id * 7919 + os.time())
  log = assert(io.open(string.format("%s/thread-%04d.log", log_dir, id), "w"))
  log:setvbuf("line")
  reset()
  -- Respondents arrive over the first seconds, as they scan the code, not all in one millisecond.
  next_delay = math.random(0, 3000)
end

local function think()
  return math.random(think_min, think_max)
end

local function unescape(text)
  return (text:gsub("&quot;", '"'):gsub("&#34;", '"'):gsub("&#39;", "'"):gsub("&lt;", "<")
    :gsub("&gt;", ">"):gsub("&amp;", "&"))
end

local function encode(text)
  return (tostring(text):gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

local function attribute(tag, name)
  local value = tag:match("%s" .. name .. '="([^"]*)"')
  return value and unescape(value)
end

-- The page's POST form: its action and the fields a person would fill in (the honeypot left blank).
local function read_form(html, answer)
  local open_tag, rest = html:match('(<form[^>]-method="post"[^>]*>)(.*)')
  if not open_tag then
    return nil
  end
  local form = rest:match("(.-)</form>") or rest
  local fields, seen, order = {}, {}, {}
  local function put(name, value)
    if not seen[name] then
      seen[name] = true
      order[#order + 1] = name
      fields[name] = value
    end
  end
  for tag in form:gmatch("<input[^>]*>") do
    local name, kind_ = attribute(tag, "name"), attribute(tag, "type") or "text"
    if name and name ~= "your-website" then
      if kind_ == "hidden" then
        put(name, attribute(tag, "value") or "")
      elseif answer and (kind_ == "radio" or kind_ == "checkbox") then
        put(name, attribute(tag, "value") or "y")
      elseif answer and (kind_ == "text" or kind_ == "number") then
        local value = TEXT_ANSWER
        if name:match("%-day$") then value = "3"
        elseif name:match("%-month$") then value = "9"
        elseif name:match("%-year$") then value = "2025"
        elseif attribute(tag, "inputmode") == "numeric" then value = "4" end
        put(name, value)
      end
    end
  end
  if answer then
    for tag in form:gmatch("<textarea[^>]*>") do
      local name = attribute(tag, "name")
      if name and name ~= "your-website" then put(name, TEXT_ANSWER) end
    end
    put("action", "continue")
  end
  local parts = {}
  for _, name in ipairs(order) do
    parts[#parts + 1] = encode(name) .. "=" .. encode(fields[name])
  end
  return attribute(open_tag, "action"), table.concat(parts, "&")
end

local function location_of(headers)
  local location = headers["Location"] or headers["location"]
  return location and location:gsub("^https?://[^/]+", "")
end

local function kind_of(location)
  if location:match("/check$") then return "check page"
  elseif location:match("/confirmation$") then return "confirmation page"
  elseif location:match("/q/") then return "question page"
  elseif location:match("/s/[^/]+$") then return "start page"
  end
  return "other page"
end

local function fail(status, reason)
  log:write(string.format("error\t%s\t%s\t%s\n", kind, status, reason or ""))
  reset()
  next_delay = think()
end

function delay()
  local wait = next_delay or 0
  next_delay = 0
  return wait
end

function request()
  started = now_us()
  -- A phone that thinks longer than the server's keep-alive finds its connection closed; wrk then
  -- reconnects and can send one request twice. A fresh connection per request keeps the journey
  -- in step (and is what a respondent's phone does after a pause).
  local headers = {}
  if close_connections then headers["Connection"] = "close" end
  if cookie then headers["Cookie"] = cookie end
  if step == "post" then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    if kind == "send (POST)" then log:write("sent\n") end
    return wrk.format("POST", path, headers, body)
  end
  return wrk.format("GET", path, headers)
end

function response(status, headers, html)
  local elapsed = now_us() - (started or now_us())
  log:write(string.format("r\t%s\t%d\t%d\t%d\t%d\n", kind, status, elapsed, started or 0, fresh and 1 or 0))
  -- After "Connection: close" (or with ASSEMBLY_CLOSE) wrk reconnects at once, before the think time.
  local connection = headers["Connection"] or headers["connection"]
  fresh = close_connections or (connection ~= nil and connection:lower() == "close")
  local set_cookie = headers["Set-Cookie"] or headers["set-cookie"]
  if set_cookie then
    cookie = set_cookie:match("^([^;]+)")
  end
  if step == "post" then
    local location = status == 302 and location_of(headers)
    if not location then
      return fail(status, "a POST was not answered with a redirect")
    end
    if kind == "send (POST)" then log:write("ok\n") end
    step, path, kind = "get", location, kind_of(location)
    return
  end
  -- a GET
  if status == 302 then
    local location = location_of(headers)
    step, path, kind = "get", location, kind_of(location)
    return
  end
  if status ~= 200 then
    return fail(status, "unexpected status")
  end
  if kind == "confirmation page" then
    local reference = html:match("<strong[^>]*>%s*(" .. string.rep("[A-Z0-9]", 8) .. ")%s*</strong>")
    if not reference then
      return fail(status, "no reference on the confirmation page")
    end
    log:write("ref\t" .. reference .. "\n")
    reset()
    next_delay = think()  -- the next young person picks up the phone
    return
  end
  local action, form = read_form(html, kind == "question page")
  if not action then
    return fail(status, "no form on the page")
  end
  local posted = {["start page"] = "start (POST)", ["question page"] = "question (POST)",
                  ["check page"] = "send (POST)"}
  step, kind, body = "post", posted[kind] or "other (POST)", form
  if action ~= "" then path = action end
  next_delay = think()
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'ASSEMBLY {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, "status": %d, ' ..
    '"timeout": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
