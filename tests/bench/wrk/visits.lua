-- POST /api/operations/{case_id}/followups: each request a new visit from a file of slots
-- ("case_id visit_date" a line, from workload.py), the threads taking alternate slots so no two
-- requests share one. The follow-up keys are RUN-THREAD-N; the keys acknowledged with 201 (from
-- their Location) are written to the file named by the environment variable BENCH_ACKED, one a
-- line, when the run is done (done() runs where init's arguments never reach), and the number of
-- requests sent whose answer wrk never read (in flight at its deadline).
-- Usage: BENCH_ACKED=FILE wrk ... -s visits.lua URL -- SLOTS-FILE RUN
package.path = debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua;" .. package.path
require "report"

local slots, n, k, run = {}, 0, 0, ""
acked = {}
sent = 0

function init(args)
  for line in io.lines(args[1]) do n = n + 1; slots[n] = line end
  run = args[2]
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-Change-Reason"] = "benchmark"
end

function request()
  -- Two threads (tests/bench.sh): thread t takes slots t+1, t+3, t+5...
  local index = thread_index + k * 2 + 1
  k = k + 1
  sent = sent + 1
  local case_id, date = slots[((index - 1) % n) + 1]:match("^(%S+) (%S+)$")
  local key = string.format("%s-%d-%d", run, thread_index, k)
  local body = string.format('{"followup_id":"%s","visit_date":"%s","contact_mode":"phone","hfs_status":"resolved"}', key, date)
  return wrk.format(nil, "/api/operations/" .. case_id .. "/followups", nil, body)
end

function response(status, headers, body)
  count_status(status)
  if status == 201 and headers["Location"] then
    table.insert(acked, headers["Location"]:match("([^/]+)$"))
  end
end

-- Also prints how many requests were sent without their answer being read: those in flight when wrk
-- stopped at its deadline (the server may still have stored them).
function done_extra(threads)
  local file = assert(io.open(os.getenv("BENCH_ACKED"), "w"))
  local unanswered = 0
  for _, thread in ipairs(threads) do
    for _, key in ipairs(thread:get("acked")) do file:write(key, "\n") end
    unanswered = unanswered + thread:get("sent")
    for _, n in pairs(thread:get("statuses")) do unanswered = unanswered - n end
  end
  file:close()
  io.write(string.format("BENCH unanswered %d\n", unanswered))
end
