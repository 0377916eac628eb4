-- wrk script: like post.lua, and appends the x-polder-request-id of every answered (2xx) request
-- to $IDS_FILE, so that a crash test can check each of them has its audit record.
local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("API_KEY") or "polder-demo-key")

local ids
init = function(args)
  ids = assert(io.open(os.getenv("IDS_FILE"), "a"))
end

response = function(status, headers, body)
  local id = headers["x-polder-request-id"]
  if status >= 200 and status < 300 and id then
    ids:write(id, "\n")
    ids:flush()
  end
end
