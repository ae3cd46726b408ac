-- Shared by read.lua and visits.lua: counts the responses of each thread by status, and done()
-- prints the run's figures as "BENCH key value" lines for tests/bench.sh.
local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("thread_index", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

statuses = {}

function count_status(status)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + n
    end
  end
  local ok, other = 0, {}
  for status, n in pairs(total) do
    if status >= 200 and status < 300 then ok = ok + n else table.insert(other, status .. "x" .. n) end
  end
  io.write(string.format("BENCH requests %d\n", summary.requests))
  io.write(string.format("BENCH rps %.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("BENCH p50_ms %.1f\n", latency:percentile(50) / 1000))
  io.write(string.format("BENCH p99_ms %.1f\n", latency:percentile(99) / 1000))
  io.write(string.format("BENCH ok %d\n", ok))
  io.write(string.format("BENCH non2xx %s\n", #other > 0 and table.concat(other, ",") or "0"))
  io.write(string.format("BENCH socket_errors %d\n", summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  if done_extra then done_extra(threads) end
end
