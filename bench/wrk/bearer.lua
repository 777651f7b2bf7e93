-- GET with the access token given after "--" as a Bearer token:
--   wrk -s bench/wrk/bearer.lua "http://127.0.0.1:PORT/org/get?organization_name=N" -- TOKEN
dofile("bench/wrk/report.lua")

function init(args)
  wrk.headers["Authorization"] = "Bearer " .. args[1]
end
