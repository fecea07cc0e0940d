-- wrk script: every request is a client's ticket from the web form, as portal-service sends it to ticket-service
-- (the internal key, a fresh request id each time: the same id would return the first ticket). Tickets from the
-- web form are the ones screened.
local function uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
    local v = (c == "x") and math.random(0, 0xf) or math.random(8, 0xb)
    return string.format("%x", v)
  end))
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Relaydesk-Internal-Key"] = os.getenv("RELAYDESK_INTERNAL_KEY")

-- each wrk thread runs this script in its own Lua state: seed from the state's own table address, or two threads
-- would send the same request ids (and get the first ticket back instead of a new one)
init = function()
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 1000000007)
end

request = function()
  local body = '{"requestId":"' .. uuid() .. '","source":"WEB_FORM","clientEmail":"bench.client@example.com",'
      .. '"clientName":"Bench Client","title":"Printer on floor 3 prints blank pages",'
      .. '"description":"Since this morning every page comes out blank."}'
  return wrk.format(nil, nil, nil, body)
end
