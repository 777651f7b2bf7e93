-- POST /admin/login with the email and password given after "--":
--   wrk -s bench/wrk/login.lua http://127.0.0.1:PORT/admin/login -- EMAIL PASSWORD
dofile("bench/wrk/report.lua")

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = string.format('{"email":"%s","password":"%s"}', args[1], args[2])
end
