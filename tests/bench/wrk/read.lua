-- GET requests; with a file argument (a path a line), each request takes the next path of the file,
-- the threads starting at different lines. Usage: wrk ... -s read.lua URL [-- PATHS-FILE]
package.path = debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua;" .. package.path
require "report"

local paths, n, i = {}, 0, 0

function init(args)
  if args[1] then
    for line in io.lines(args[1]) do n = n + 1; paths[n] = line end
  end
  i = thread_index * 7919
end

function request()
  if n == 0 then return wrk.format() end
  i = i + 1
  return wrk.format(nil, paths[(i % n) + 1])
end

function response(status, headers, body)
  count_status(status)
end
