-- POST /admin/login with the email and password given after "--", and optionally a pause in
-- milliseconds that each connection waits before each request:
--   wrk -s bench/wrk/login.lua http://127.0.0.1:PORT/admin/login -- EMAIL PASSWORD [PAUSE_MS]
dofile("bench/wrk/report.lua")

local pause = 0

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = string.format('{"email":"%s","password":"%s"}', args[1], args[2])
  pause = tonumber(args[3] or "0")
end

function delay()
  return pause
end
