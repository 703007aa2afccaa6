-- A signed-in reader's mix: addresses from the file PATHS (a Lua table), taken in turn, with the auth cookie COOKIE.
local paths = dofile(os.getenv("PATHS"))
local cookie = os.getenv("COOKIE")
local n = 0
request = function()
    n = n + 1
    return wrk.format("GET", paths[(n % #paths) + 1], { ["Cookie"] = cookie })
end
