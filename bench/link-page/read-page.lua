-- wrk script: each request opens one of the bench's ticket links (GET /t/<token>), in turn. A response counts as
-- right only if it is a 200 page that shows the ticket's title (not the "preparing" page, not 404 or 429).
-- LINK_TOKENS (space-separated) and LINK_TITLE (the text every bench ticket's title contains) come from the script.
tokens = {}
for token in string.gmatch(os.getenv("LINK_TOKENS"), "%S+") do
  tokens[#tokens + 1] = token
end
marker = os.getenv("LINK_TITLE")
next_token = 0
wrong = 0
threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  next_token = math.random(#tokens)
end

function request()
  next_token = next_token % #tokens + 1
  return wrk.format("GET", "/t/" .. tokens[next_token])
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, marker, 1, true) then
    wrong = wrong + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("wrong")
  end
  io.write(string.format("wrong pages: %d\n", total))
  for _, p in ipairs({50, 90, 99}) do
    io.write(string.format("p%d: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max: %.2f ms\n", latency.max / 1000))
end
